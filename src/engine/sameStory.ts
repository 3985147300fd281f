/**
 * Whether two articles report one story, so that their figures may be compared at all: a topic briefing
 * over a large corpus retrieves articles of related but different stories (two athletes, two films' takings,
 * two companies' results), whose figures share a unit and a few generic words but are never one quantity.
 *
 * Two articles are one story when the cosine of their content words is at least `minCosine`: the index's
 * own stems (stopwords dropped, src/search/index.ts `termStems`), figures left out, each weighted by
 * (1 + ln tf) × the corpus's idf (`CorpusIndex.idf`), the weighting scripts/story-pairs.ts pairs BBC
 * reports with. A corpus of fewer than `minArticles` articles has no gate: its idf cannot tell a story's own
 * words from the language's (in a cluster of two, every shared word is in every article), and a handful of
 * articles a user gathered, or an evaluation's cluster, are mostly one story.
 */
import type { CorpusIndex } from "../search/index.ts";
import { termStems } from "../search/index.ts";

export interface StoryGateConfig {
  /** Cosine of two articles' content words at or above which they report one story. */
  minCosine: number;
  /** Corpora smaller than this are not gated (their idf is unstable). */
  minArticles: number;
}

/**
 * Picked on open data only. minCosine: of the 134 real labelled pairs of the open sets (two reports of one
 * story each), weighted by the idf of 15,505 Multi-News test documents, 4 fall below 0.2 (1 below 0.15);
 * conflicts the detector finds between articles of different Multi-News clusters (5,000 related pairs
 * sampled, false by construction) have cosines 0.115–0.17; BBC pairs of [0.2, 0.4) (labelled) keep every
 * shown pair (0.23 and up). minArticles: the same 134 pairs in a corpus of N articles (their cluster and
 * random others) fall below 0.2 in 24 cases at N = 50, 16 at 100, 12 at 200, 7 at 500 and 7 at 2,225: an
 * idf of 500 articles behaves as a large corpus's, a smaller one lowers every cosine.
 */
export const DEFAULT_STORY_GATE: StoryGateConfig = { minCosine: 0.2, minArticles: 500 };

/** Whether the articles at positions a and b of the corpus report one story. */
export type SameStory = (a: number, b: number) => boolean;

/** What the gate reads of a corpus: its articles and how rare a stem is in it. */
export type StoryCorpus = Pick<CorpusIndex, "articles" | "idf" | "size">;

/** Vectors kept per corpus (~7 KB each on BBC News: ~130 stems; articles at their positions never change). */
const VECTORS_KEPT = 512;
/** Stems whose idf is kept per corpus. */
const IDF_KEPT = 50_000;

interface Cache {
  /** The corpus's positions and live articles when the cache was filled: idf moves with them. */
  positions: number;
  size: number;
  idf: Map<string, number>;
  vectors: Map<number, Map<string, number>>;
}

/** One cache per corpus (its article view), for every request over it. */
const CACHES = new WeakMap<object, Cache>();

function cacheOf(corpus: StoryCorpus): Cache {
  let c = CACHES.get(corpus.articles);
  if (!c || c.positions !== corpus.articles.length || c.size !== corpus.size) {
    c = { positions: corpus.articles.length, size: corpus.size, idf: new Map(), vectors: new Map() };
    CACHES.set(corpus.articles, c);
  }
  return c;
}

/** An article's content words as a unit vector (stem → weight). */
function storyVector(corpus: StoryCorpus, cache: Cache, article: number): Map<string, number> {
  const a = corpus.articles[article]!;
  const tf = new Map<string, number>();
  for (const s of termStems(`${a.title}\n${a.paragraphs.join("\n")}`))
    if (!/\d/.test(s)) tf.set(s, (tf.get(s) ?? 0) + 1);
  if (cache.idf.size > IDF_KEPT) cache.idf.clear();
  const v = new Map<string, number>();
  let norm = 0;
  for (const [s, n] of tf) {
    let idf = cache.idf.get(s);
    if (idf === undefined) {
      idf = corpus.idf(s);
      cache.idf.set(s, idf);
    }
    const w = (1 + Math.log(n)) * idf;
    v.set(s, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [s, w] of v) v.set(s, w / norm);
  return v;
}

function cosine(x: Map<string, number>, y: Map<string, number>): number {
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  let dot = 0;
  for (const [s, w] of small) dot += w * (large.get(s) ?? 0);
  return dot;
}

/**
 * The cosine of two articles' content words, weighted by the corpus's idf. Vectors and idf are kept per
 * corpus until it changes (a request compares the few dozen articles it retrieved, and the next request
 * about the same news the same ones).
 */
export function articleCosine(corpus: StoryCorpus): (a: number, b: number) => number {
  const cache = cacheOf(corpus);
  const vectorOf = (i: number) => {
    let v = cache.vectors.get(i);
    if (!v) {
      v = storyVector(corpus, cache, i);
      if (cache.vectors.size >= VECTORS_KEPT) cache.vectors.delete(cache.vectors.keys().next().value!);
      cache.vectors.set(i, v);
    }
    return v;
  };
  return (a, b) => (a === b ? 1 : cosine(vectorOf(a), vectorOf(b)));
}

/**
 * The story gate of a corpus for one request: two articles' figures are compared only when it holds.
 * Undefined (no gate) for a corpus smaller than `minArticles`.
 */
export function storyGate(
  corpus: StoryCorpus,
  config: StoryGateConfig = DEFAULT_STORY_GATE,
): SameStory | undefined {
  if (corpus.size < config.minArticles) return undefined;
  const cos = articleCosine(corpus);
  const known = new Map<string, boolean>();
  return (a, b) => {
    if (a === b) return true;
    const key = a < b ? `${a}:${b}` : `${b}:${a}`;
    let same = known.get(key);
    if (same === undefined) {
      same = cos(a, b) >= config.minCosine;
      known.set(key, same);
    }
    return same;
  };
}
