/**
 * Point selection by concept coverage: the summarizer's model (src/summarize: stemmed bigrams worth
 * how many articles mention them, chosen to cover the most weight within a word budget) run over the
 * articles a briefing or a digest story retrieved. The summarizer models the index's cached sentences
 * directly, so each sentence it picks is the engine's own sentence (merging, citation checks and
 * evidence use the article's exact wording); the engine's topic relevance and readability steer it by
 * lowering what off-topic or hard-to-read sentences are worth.
 */
import type { Concept, CorpusIndex, Sentence } from "../../search/index.ts";
import { judgeSentences } from "../../summarize/clean.ts";
import {
  buildConceptModelFromSentences,
  type ConceptModel,
  DEFAULT_CONCEPT_CONFIG,
  type SentenceKeyCache,
  type Candidate as SummaryCandidate,
} from "../../summarize/concepts.ts";
import { DEFAULT_SELECT_CONFIG, selectSentences } from "../../summarize/select.ts";
import { readability, relevance, type Scored } from "../points.ts";

/** The summarizer's concept model of some articles, and the engine sentence each of its candidates is. */
export interface SentenceModel {
  model: ConceptModel;
  sentenceOf(c: SummaryCandidate): Sentence | null;
}

/** Builds the SentenceModel of `articles` (`query`: the summarizer's query boost). */
export type SentenceModeller = (
  index: CorpusIndex,
  articles: number[],
  opts: { query?: string; keyCache?: SentenceKeyCache },
) => SentenceModel;

export interface CoverageOptions {
  /** Word budget of the selection (points are whole sentences, never cut). */
  words: number;
  /** The topic's concepts: sentences mentioning none of them are worth `offTopic` of their value. */
  concepts?: Concept[];
  /** Extra query text for the summarizer's query boost (the topic as typed, near-synonyms). */
  query?: string;
  /** Value factor of a sentence matching no topic concept (1 = no penalty, 0 = not a candidate). */
  offTopic?: number;
  /** Sentences that may be chosen at all (default: every one). */
  admits?: (s: Sentence) => boolean;
  /** Concept keys of sentences already modelled (coverageSelection keeps one for DEFAULT_CONCEPT_CONFIG). */
  keyCache?: SentenceKeyCache;
  /** How the articles are modelled (default: cachedSentenceModel; bench alternatives pass others). */
  modeller?: SentenceModeller;
}

/** The summarizer's model of the index's cached sentences: a candidate's `pos` is its sentence's index. */
export const cachedSentenceModel: SentenceModeller = (index, articles, opts) => {
  const sentencesOf = articles.map((a) => index.sentences(a));
  const docs = sentencesOf.map((ss) => judgeSentences(ss.map((s) => s.text)));
  const model = buildConceptModelFromSentences(
    docs,
    { ...(opts.query ? { query: opts.query } : {}), ...(opts.keyCache ? { keyCache: opts.keyCache } : {}) },
    DEFAULT_CONCEPT_CONFIG,
  );
  return { model, sentenceOf: (c) => sentencesOf[c.doc]?.[c.pos] ?? null };
};

/**
 * Sentences of `articles` chosen for coverage within the budget, most valuable first, as Scored
 * (score = the sentence's steered concept value) ready for mergeCandidates.
 */
export function coverageSentences(index: CorpusIndex, articles: number[], opts: CoverageOptions): Scored[] {
  if (articles.length === 0 || opts.words <= 0) return [];
  const modeller = opts.modeller ?? cachedSentenceModel;
  const { model, sentenceOf } = modeller(index, articles, {
    ...(opts.query ? { query: opts.query } : {}),
    ...(opts.keyCache ? { keyCache: opts.keyCache } : {}),
  });
  const offTopic = opts.offTopic ?? 1;
  const concepts = opts.concepts ?? [];

  // Keep candidates that map to a readable engine sentence; steer their value with a (negative) prior.
  const kept: { cand: (typeof model.candidates)[number]; sentence: Sentence; factor: number }[] = [];
  const taken = new Set<Sentence>();
  for (const c of model.candidates) {
    const sentence = sentenceOf(c);
    if (!sentence || taken.has(sentence) || (opts.admits && !opts.admits(sentence))) continue;
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
