/**
 * The extractive engine: briefings, answers and digests built only from sentences of the corpus,
 * every point cited and checked. It composes the use cases over one index:
 *
 *   retrieval.ts     topic / question retrieval → scored candidates (shared by the writer and the evidence)
 *   brief.ts         briefings and their headline          answer.ts   answers, "sources differ", "don't say"
 *   digest.ts        digest pool and stories               citations.ts  checked points, sources, passages
 *   selection/       how briefing and story points are chosen (PointSelection; coverage in production)
 *
 * It also exposes its retrieval (EvidenceProvider) so another writer (the LLM) is grounded on exactly
 * the same evidence.
 */
import {
  type Answer,
  type Article,
  type AskOptions,
  type Briefing,
  type BriefOptions,
  type Clock,
  type Digest,
  type DigestOptions,
  type Engine,
  type Evidence,
  type EvidenceProvider,
  systemClock,
} from "../model.ts";
import { CorpusIndex } from "../search/index.ts";
import { answerEvidence, buildAnswer } from "./answer.ts";
import { briefingEvidence, buildBriefing } from "./brief.ts";
import { buildDigest, type DigestScope, digestEvidence } from "./digest.ts";
import { CaseOfArticles, showAnswer, showBriefing, showDigest } from "./display.ts";
import { coverageSelection, type PointSelection } from "./selection/pointSelection.ts";
import { TopicSuggester } from "./topics.ts";

export interface ExtractiveEngineOptions {
  /**
   * How briefing and digest-story points are chosen. Default: coverageSelection(), the summarizer's
   * concept coverage over the index's cached sentences. The strategies measured against it
   * (selection/alternatives.ts) are passed in by the benchmarks and the evaluation only.
   */
  selection?: PointSelection;
  /** Use this index (e.g. a thread's reader of the pool's shared index) instead of indexing `articles`. */
  index?: CorpusIndex;
  /** When questions are asked (newer reports by then count more); the system clock by default. */
  clock?: Clock;
  /**
   * Whether briefings and answers say where sources differ (the disagreement detector). On by default
   * here (the evaluations and engine tests read it); the product's default is off (app/config.ts
   * `sourcesDiffer`, SUMMIT_SOURCES_DIFFER): on news it was not tuned on, fewer than half of the pairs it
   * shows are real (README, "Quality at a glance").
   */
  sourcesDiffer?: boolean;
}

export class ExtractiveEngine implements Engine, EvidenceProvider {
  readonly index: CorpusIndex;
  private suggester: TopicSuggester;
  /** Changes since the topic suggestions were built. */
  private changes = 0;
  private readonly selection: PointSelection;
  private readonly clock: Clock;
  private readonly sourcesDiffer: boolean;
  /** Which articles are written in lower case (their names are capitalised where shown: display.ts). */
  private readonly cases: CaseOfArticles;

  constructor(articles: readonly Article[], opts: ExtractiveEngineOptions = {}) {
    this.selection = opts.selection ?? coverageSelection();
    this.clock = opts.clock ?? systemClock;
    this.sourcesDiffer = opts.sourcesDiffer ?? true;
    this.index = opts.index ?? new CorpusIndex(articles);
    this.suggester = new TopicSuggester(this.index.articles);
    this.cases = new CaseOfArticles(this.index);
    this.index.onChange = () => {
      this.cases.clear();
      // Suggestions are a sample of the corpus: rebuilt (lazily, on the next suggest) once a tenth of it
      // has changed, so a corpus that started empty or small gets them as soon as articles arrive.
      if (++this.changes * 10 >= this.index.size) {
        this.changes = 0;
        this.suggester = new TopicSuggester(this.index.articles);
      }
    };
  }

  /** Adds an article or replaces the one with its id, without rebuilding the index (LiveCorpus). */
  upsert(article: Article): void {
    this.index.upsert(article);
  }

  /** Removes the article with this id; unknown ids are ignored (LiveCorpus). */
  remove(id: string): void {
    this.index.remove(id);
  }

  /** Many changes at once (LiveCorpus). */
  applyBatch(batch: { upserts: Article[]; removes: string[] }): void {
    this.index.applyBatch(batch);
  }

  get articles(): readonly Article[] {
    return this.index.articles;
  }

  async brief(topic: string, _opts: BriefOptions = {}): Promise<Briefing> {
    return showBriefing(this.cases, buildBriefing(this.index, this.selection, topic, this.sourcesDiffer));
  }

  briefEvidence(topic: string): Evidence {
    return briefingEvidence(this.index, topic);
  }

  async ask(question: string, opts: AskOptions = {}): Promise<Answer> {
    return showAnswer(
      this.cases,
      buildAnswer(this.index, question, opts, this.clock.now(), this.sourcesDiffer),
      opts.context,
    );
  }

  askEvidence(question: string, opts: { context?: string; history?: string[] } = {}): Evidence {
    return answerEvidence(this.index, question, { ...opts, now: this.clock.now() });
  }

  async digest(opts: DigestOptions = {}): Promise<Digest> {
    return showDigest(this.cases, buildDigest(this.index, this.selection, opts));
  }

  digestEvidence(opts: DigestScope = {}): Evidence {
    return digestEvidence(this.index, opts);
  }

  suggestTopics(prefix: string, limit = 10): string[] {
    return this.suggester.suggest(prefix, limit);
  }

  /**
   * Builds what the first request would otherwise build (topic suggestions: ~1 s on 2,225 articles),
   * in slices that let the event loop run between them. For long-running processes; the CLI stays lazy.
   */
  async warmUp(): Promise<void> {
    await this.suggester.warmUp();
  }
}

/** The extractive engine over a list of articles. */
export function createExtractiveEngine(
  articles: readonly Article[],
  opts: ExtractiveEngineOptions = {},
): ExtractiveEngine {
  return new ExtractiveEngine(articles, opts);
}
