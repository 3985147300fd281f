/**
 * Concept-coverage summarization (Gillick & Favre 2009, "ICSISumm"; Lin & Bilmes 2011): sentences are
 * bags of concepts (stemmed word bigrams that are not pure function words, plus content unigrams at a
 * lower weight); a concept is worth how many documents mention it; a summary is worth the concepts it
 * covers, each counted once, which rewards coverage and punishes redundancy at the same time.
 * Selection maximises that coverage under the word budget (see select.ts).
 */
import { type ArticleSentence, articleSentences } from "./clean.ts";
import { type CompressRules, compressSentence } from "./compress.ts";
import type { ClusterDoc } from "./doc.ts";
import { isStop, stemToken, stemTokens } from "./terms.ts";

export interface Candidate {
  doc: number;
  /** Index of the sentence in its document (0 = lead). */
  pos: number;
  text: string;
  /** Whitespace-separated chunks, as the word budget counts them. */
  words: number;
  /** Distinct concept ids. */
  concepts: number[];
  /** Concept ids in order of appearance with their word offset, for scoring a cut-off prefix. */
  conceptAt: { id: number; word: number }[];
  /** Additive prior (position, shape) in concept-weight units. */
  prior: number;
  /** Total weight of the sentence's concepts (its value alone). */
  solo: number;
  /** All its distinct bigram/unigram ids, weighted or not (for the redundancy check). */
  all: number[];
}

export interface ConceptConfig {
  /** Weight of a content unigram relative to a bigram. */
  unigramWeight: number;
  /** A concept must appear in at least this many documents (or, with one document, sentences). */
  minDf: (nDocs: number) => number;
  /** Weight factor for concepts below minDf (their sentence count times this); keeps small clusters fillable. */
  lowDfWeight: number;
  /** Only whole prose sentences are candidates (no cut-off endings, captions, fragments). */
  wholeOnly: boolean;
  /** Extra weight per repeat mention of a concept inside the same documents (beyond its document count). */
  tfWeight: number;
  /** Rule-based sentence compression (compress.ts); false = none. */
  compress: false | CompressRules;
  /** Sentences shorter than this (words) are not candidates. */
  minWords: number;
  /** Sentences longer than this (words) are not candidates. */
  maxWords: number;
  /** Extra weight for concepts that appear in a document's first sentences. */
  leadBoost: number;
  /** How many opening sentences count as the lead. */
  leadSentences: number;
  /** Multiplier for concepts sharing a content word with the query. */
  queryBoost: number;
  /** Multiplier for concepts already present in previously seen documents (update mode). */
  seenFactor: number;
  /** Prior per sentence: bonus for early position (times mean concept weight). */
  positionPrior: number;
  /** The prior shrinks by this factor per sentence further from the lead. */
  positionDecay: number;
  /** Scale the prior by sentence length (per 20 words), so it competes with coverage per word. */
  priorPerWord: boolean;
}

export const DEFAULT_CONCEPT_CONFIG: ConceptConfig = {
  unigramWeight: 0,
  minDf: (n) => (n >= 6 ? 3 : n >= 2 ? 2 : 2),
  lowDfWeight: 0.1,
  wholeOnly: true,
  compress: { attribution: false, parentheses: true, connectives: false },
  tfWeight: 0,
  minWords: 8,
  maxWords: 60,
  leadBoost: 1,
  leadSentences: 2,
  queryBoost: 0.5,
  seenFactor: 0.5,
  positionPrior: 0,
  positionDecay: 0.5,
  priorPerWord: false,
};

/** Words the query uses to ask rather than to name the topic. */
const QUERY_FILLER = new Set(
  stemTokens(
    "describe discuss explain identify include including information report reported reports specific " +
      "what which how why where when who give provide details detail aspects any all about regarding " +
      "involved involve efforts effort steps taken other others known",
  ),
);

export interface ConceptModel {
  candidates: Candidate[];
  weights: Float64Array;
}

interface RawSentence {
  doc: number;
  pos: number;
  text: string;
  whole: boolean;
  keys: string[];
  keyAt: number[];
}

function sentenceKeys(text: string, unigrams: boolean): { keys: string[]; keyAt: number[] } {
  // Map every token to the whitespace word it sits in, so a cut-off prefix can be scored.
  const keys: string[] = [];
  const keyAt: number[] = [];
  const toks: string[] = [];
  const tokWord: number[] = [];
  let w = 0;
  let started = false;
  for (const m of text
    .trim()
    .toLowerCase()
    .matchAll(/\s+|[a-z0-9]+/g)) {
    const t = m[0];
    if (t.charCodeAt(0) <= 32 || /^\s/.test(t)) {
      if (started) w++;
      continue;
    }
    started = true;
    toks.push(stemToken(t));
    tokWord.push(w);
  }
  for (let i = 0; i < toks.length; i++) {
    const a = toks[i]!;
    if (unigrams && !isStop(a) && a.length > 1) {
      keys.push(`u ${a}`);
      keyAt.push(tokWord[i]!);
    }
    if (i + 1 < toks.length) {
      const b = toks[i + 1]!;
      if (isStop(a) && isStop(b)) continue;
      keys.push(`${a} ${b}`);
      keyAt.push(tokWord[i + 1]!);
    }
  }
  return { keys, keyAt };
}

interface KeyedText {
  text: string;
  keys: string[];
  keyAt: number[];
}

/**
 * Concept keys of sentences already modelled, by their text, for one configuration: a caller that
 * models the same sentences again and again (the engine, one briefing after another) keys each once.
 */
export class SentenceKeyCache {
  readonly cfg: ConceptConfig;
  private readonly limit: number;
  private readonly map = new Map<string, KeyedText>();

  constructor(cfg: ConceptConfig, limit = 100_000) {
    this.cfg = cfg;
    this.limit = limit;
  }

  get(text: string): KeyedText | undefined {
    return this.map.get(text);
  }

  set(text: string, keyed: KeyedText): void {
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(text, keyed);
  }
}

function docSentences(
  docs: readonly (readonly ArticleSentence[])[],
  unigrams: boolean,
  compress: false | CompressRules,
  cache?: SentenceKeyCache,
): RawSentence[] {
  const out: RawSentence[] = [];
  docs.forEach((sentences, doc) => {
    sentences.forEach(({ text: original, whole }, pos) => {
      let keyed = cache?.get(original);
      if (!keyed) {
        const text = compress ? compressSentence(original, compress) : original;
        keyed = { text, ...sentenceKeys(text, unigrams) };
        cache?.set(original, keyed);
      }
      out.push({ doc, pos, text: keyed.text, whole, keys: keyed.keys, keyAt: keyed.keyAt });
    });
  });
  return out;
}

/** Splits each document into judged sentences (clean-up, paragraphs, whole or not). */
function splitDocs(docs: readonly ClusterDoc[]): ArticleSentence[][] {
  return docs.map((d) => articleSentences(d.text));
}

export function buildConceptModel(
  docs: ClusterDoc[],
  opts: { query?: string; previous?: ClusterDoc[] },
  cfg: ConceptConfig,
): ConceptModel {
  return buildConceptModelFromSentences(splitDocs(docs), opts, cfg);
}

/**
 * `buildConceptModel` over documents already split into sentences (a caller that caches its own split,
 * such as the engine, skips re-splitting). A candidate's `pos` is the index of its sentence in the
 * document's array. Sentences should be judged with `judgeSentences` (or come from `articleSentences`).
 * `keyCache` (made for the same `cfg`) keeps each sentence's concept keys between calls.
 */
export function buildConceptModelFromSentences(
  docs: readonly (readonly ArticleSentence[])[],
  opts: { query?: string; previous?: ClusterDoc[]; keyCache?: SentenceKeyCache },
  cfg: ConceptConfig,
): ConceptModel {
  const unigrams = cfg.unigramWeight > 0;
  const cache = opts.keyCache?.cfg === cfg ? opts.keyCache : undefined;
  const sentences = docSentences(docs, unigrams, cfg.compress, cache);
  const ids = new Map<string, number>();
  const df: number[] = [];
  const sf: number[] = [];
  const lead: number[] = [];
  const lastDoc: number[] = [];
  const conceptsOf: number[][] = [];
  for (const s of sentences) {
    const seenHere = new Set<number>();
    const list: number[] = [];
    for (const k of s.keys) {
      let id = ids.get(k);
      if (id === undefined) {
        id = df.length;
        ids.set(k, id);
        df.push(0);
        sf.push(0);
        lead.push(0);
        lastDoc.push(-1);
      }
      list.push(id);
      if (seenHere.has(id)) continue;
      seenHere.add(id);
      sf[id]!++;
      if (lastDoc[id] !== s.doc) {
        lastDoc[id] = s.doc;
        df[id]!++;
      }
      if (s.pos < cfg.leadSentences) lead[id] = 1;
    }
    conceptsOf.push(list);
  }
  const nDocs = docs.length;
  const minDf = cfg.minDf(nDocs);
  const weights = new Float64Array(df.length);
  for (const [key, id] of ids) {
    const count = nDocs >= 2 ? df[id]! : sf[id]!;
    let w = count >= minDf ? count + cfg.tfWeight * (sf[id]! - df[id]!) : cfg.lowDfWeight * sf[id]!;
    if (w === 0) continue;
    w *= 1 + cfg.leadBoost * lead[id]!;
    if (key.startsWith("u ")) w *= cfg.unigramWeight;
    weights[id] = w;
  }

  if (opts.query && cfg.queryBoost > 0) {
    const q = new Set(stemTokens(opts.query).filter((t) => !isStop(t) && !QUERY_FILLER.has(t)));
    for (const [key, id] of ids) {
      if (weights[id] === 0) continue;
      const parts = key.split(" ");
      if (parts.some((p) => q.has(p))) weights[id]! *= 1 + cfg.queryBoost;
    }
  }

  if (opts.previous && opts.previous.length > 0) {
    const seen = new Set<string>();
    for (const s of docSentences(splitDocs(opts.previous), unigrams, false))
      for (const k of s.keys) seen.add(k);
    for (const [key, id] of ids) if (seen.has(key)) weights[id]! *= cfg.seenFactor;
  }

  let total = 0;
  let nonzero = 0;
  for (const w of weights) {
    if (w > 0) {
      total += w;
      nonzero++;
    }
  }
  const meanWeight = nonzero ? total / nonzero : 1;

  const candidates: Candidate[] = [];
  sentences.forEach((s, i) => {
    const words = s.text.split(/\s+/).filter(Boolean).length;
    if (words < cfg.minWords || words > cfg.maxWords) return;
    if (cfg.wholeOnly && !s.whole) return;
    if (/\?\s*["”']?$/.test(s.text)) return;
    const list = conceptsOf[i]!;
    const concepts = [...new Set(list)].filter((id) => weights[id]! > 0);
    const conceptAt = list.map((id, j) => ({ id, word: s.keyAt[j]! })).filter((c) => weights[c.id]! > 0);
    const prior =
      cfg.positionPrior * meanWeight * (cfg.priorPerWord ? words / 20 : 1) * cfg.positionDecay ** s.pos;
    let solo = 0;
    for (const id of concepts) solo += weights[id]!;
    const all = [...new Set(list)];
    candidates.push({ doc: s.doc, pos: s.pos, text: s.text, words, concepts, conceptAt, prior, solo, all });
  });
  return { candidates, weights };
}
