/**
 * Point selection by concept coverage: the summarizer's model (src/summarize: stemmed bigrams worth
 * how many articles mention them, chosen to cover the most weight within a word budget) run over the
 * articles a briefing or a digest story retrieved. Each sentence it picks is mapped back to the
 * engine's own sentence (so merging, citation checks and evidence use the article's exact wording);
 * the engine's topic relevance and readability steer it by lowering what off-topic or hard-to-read
 * sentences are worth.
 */

import type { Concept, CorpusIndex, Sentence } from "../search/index.ts";
import { termStems } from "../search/index.ts";
import { judgeSentences } from "../summarize/clean.ts";
import {
  buildConceptModel,
  buildConceptModelFromSentences,
  type ConceptModel,
  DEFAULT_CONCEPT_CONFIG,
  type SentenceKeyCache,
  type Candidate as SummaryCandidate,
} from "../summarize/concepts.ts";
import type { ClusterDoc } from "../summarize/index.ts";
import { DEFAULT_SELECT_CONFIG, selectSentences } from "../summarize/select.ts";
import { jaccard, normalizeText } from "../text/similarity.ts";
import { readability, relevance, type Scored } from "./points.ts";

export interface CoverageOptions {
  /** Word budget of the selection (points are whole sentences, never cut). */
  words: number;
  /** The topic's concepts: sentences mentioning none of them are worth `offTopic` of their value. */
  concepts?: Concept[];
  /** Extra query text for the summarizer's query boost (the topic as typed, near-synonyms). */
  query?: string;
  /** Value factor of a sentence matching no topic concept (1 = no penalty, 0 = not a candidate). */
  offTopic?: number;
  /**
   * "cached" (default): the summarizer models the index's cached sentences directly. "resplit": the
   * earlier path, where the summarizer re-split each article's text and its sentences were mapped back
   * (about twice as slow; kept so the bench can measure both in one run).
   */
  split?: "cached" | "resplit";
  /** Concept keys of sentences already modelled (the engine keeps one for DEFAULT_CONCEPT_CONFIG). */
  keyCache?: SentenceKeyCache;
}

/** The engine sentence a summarizer sentence came from: same words, or most of its content stems. */
function locate(text: string, sentences: Sentence[], byText: Map<string, Sentence>): Sentence | null {
  const exact = byText.get(normalizeText(text));
  if (exact) return exact;
  const stems = new Set(termStems(text));
  let best: Sentence | null = null;
  let bestSim = 0.6;
  for (const s of sentences) {
    const sim = jaccard(stems, s.stems);
    if (sim >= bestSim) {
      bestSim = sim;
      best = s;
    }
  }
  return best;
}

/**
 * Sentences of `articles` chosen for coverage within the budget, most valuable first, as Scored
 * (score = the sentence's steered concept value) ready for mergeCandidates.
 */
export function coverageSentences(index: CorpusIndex, articles: number[], opts: CoverageOptions): Scored[] {
  if (articles.length === 0 || opts.words <= 0) return [];
  const sentencesOf = articles.map((a) => index.sentences(a));
  const modelOpts = opts.query ? { query: opts.query } : {};
  let model: ConceptModel;
  let sentenceOf: (c: SummaryCandidate) => Sentence | null;
  if (opts.split === "resplit") {
    const docs: ClusterDoc[] = articles.map((a) => {
      const art = index.articles[a]!;
      return { title: art.title, ...(art.date ? { date: art.date } : {}), text: art.paragraphs.join("\n\n") };
    });
    model = buildConceptModel(docs, modelOpts, DEFAULT_CONCEPT_CONFIG);
    const byTextOf = sentencesOf.map((ss) => new Map(ss.map((s) => [normalizeText(s.text), s])));
    sentenceOf = (c) => locate(c.text, sentencesOf[c.doc]!, byTextOf[c.doc]!);
  } else {
    // The summarizer's candidate `pos` is the index into the sentences it was given: no mapping back.
    const docs = sentencesOf.map((ss) => judgeSentences(ss.map((s) => s.text)));
    model = buildConceptModelFromSentences(
      docs,
      { ...modelOpts, ...(opts.keyCache ? { keyCache: opts.keyCache } : {}) },
      DEFAULT_CONCEPT_CONFIG,
    );
    sentenceOf = (c) => sentencesOf[c.doc]?.[c.pos] ?? null;
  }
  const offTopic = opts.offTopic ?? 1;
  const concepts = opts.concepts ?? [];

  // Keep candidates that map to a readable engine sentence; steer their value with a (negative) prior.
  const kept: { cand: (typeof model.candidates)[number]; sentence: Sentence; factor: number }[] = [];
  const taken = new Set<Sentence>();
  for (const c of model.candidates) {
    const sentence = sentenceOf(c);
    if (!sentence || taken.has(sentence)) continue;
    const q = readability(sentence.text);
    if (q === 0) continue;
    let factor = q;
    if (concepts.length > 0 && relevance(sentence.stems, concepts) === 0) factor *= offTopic;
    if (factor === 0) continue;
    taken.add(sentence);
    const words = sentence.text.split(/\s+/).length;
    kept.push({ cand: { ...c, words, prior: c.prior - (1 - factor) * c.solo }, sentence, factor });
  }
  if (kept.length === 0) return [];
  const sel = selectSentences(
    kept.map((k) => k.cand),
    model.weights,
    opts.words,
    { ...DEFAULT_SELECT_CONFIG, fillTail: false },
  );
  const chosen = new Set(sel.chosen);
  return kept
    .filter((k) => chosen.has(k.cand))
    .map((k) => ({ sentence: k.sentence, score: k.cand.solo * k.factor }))
    .sort((a, b) => b.score - a.score);
}
