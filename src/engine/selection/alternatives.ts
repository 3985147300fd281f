/**
 * Point selections measured against production's coverageSelection, kept so the benchmarks and the
 * evaluation can compare them in one run. Only bench/, scripts/ and tests import this module; the
 * engine itself never does.
 *
 *   createExtractiveEngine(articles, { selection: scoredSelection() })
 *
 * - scoredSelection: the earlier per-sentence score (relevance × readability × lead position × shared
 *   terms) with no coverage model: the retrieval's candidates, best first, none repeating another.
 * - resplitSelection: coverage as in production, but the summarizer re-splits every article's text per
 *   briefing and its sentences are mapped back to the engine's (about twice as slow).
 */
import { type CorpusIndex, type Sentence, termStems } from "../../search/index.ts";
import { buildConceptModel, DEFAULT_CONCEPT_CONFIG } from "../../summarize/concepts.ts";
import type { ClusterDoc } from "../../summarize/doc.ts";
import { jaccard, normalizeText } from "../../text/similarity.ts";
import { pickPoints } from "../points.ts";
import type { SentenceModeller } from "./coverage.ts";
import { coverageSelection, type PointSelection } from "./pointSelection.ts";

/** The earlier selection: the scored candidates, 3–6 per briefing and 1–3 per story. */
export function scoredSelection(): PointSelection {
  return {
    briefPoints: (_index, _topic, r) => pickPoints(r.candidates, { max: 6, min: 3, ratio: 0.4 }),
    storyPoints: (_index, story) => pickPoints(story.candidates, { max: 3, min: 1, ratio: 0.5 }),
  };
}

/** Coverage selection over a fresh split of every article's text (the earlier coverage path). */
export function resplitSelection(): PointSelection {
  return coverageSelection({ modeller: resplitSentenceModel });
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

/** The summarizer splits each article's text itself; its sentences are located among the engine's. */
export const resplitSentenceModel: SentenceModeller = (index: CorpusIndex, articles, opts) => {
  const sentencesOf = articles.map((a) => index.sentences(a));
  const docs: ClusterDoc[] = articles.map((a) => {
    const art = index.articles[a]!;
    return { title: art.title, ...(art.date ? { date: art.date } : {}), text: art.paragraphs.join("\n\n") };
  });
  const model = buildConceptModel(docs, opts.query ? { query: opts.query } : {}, DEFAULT_CONCEPT_CONFIG);
  const byTextOf = sentencesOf.map((ss) => new Map(ss.map((s) => [normalizeText(s.text), s])));
  return { model, sentenceOf: (c) => locate(c.text, sentencesOf[c.doc]!, byTextOf[c.doc]!) };
};
