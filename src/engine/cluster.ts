/**
 * Grouping articles into stories: each article is a tf-idf vector of its title and lead sentences;
 * articles join the story whose centroid is most similar, above a threshold, and only a story whose
 * names they share (names.ts): topical words alone ("interest rates") join neighbouring stories (the
 * UK's, the euro zone's and the US's rates) that a reader sees as three.
 */
import type { CorpusIndex } from "../search/index.ts";
import { termStems } from "../search/index.ts";
import { type ArticleNames, articleNames, LEAD_SENTENCES } from "./names.ts";

/** An article's tf-idf vector: its stems (as ArticleVectors numbers them), in order of first use, and their weights. */
interface Vec {
  terms: number[];
  weights: number[];
}

/**
 * The articles' tf-idf vectors (their titles' stems weighted twice, their lead sentences' once), each
 * built once however often it is asked for, over stems numbered as they are met (the idf of each
 * looked up in the index once).
 */
export class ArticleVectors {
  private readonly numbers = new Map<string, number>();
  private readonly idfs: number[] = [];
  private readonly vectors = new Map<number, Vec>();
  /** Scratch: a vector's weights by stem number while it is built (zero again after), and which vector last met each. */
  private scratch = new Float64Array(1024);
  private met = new Int32Array(1024);
  private built = 0;
  private readonly index: CorpusIndex;

  constructor(index: CorpusIndex) {
    this.index = index;
  }

  /** How many stems have been numbered. */
  get stems(): number {
    return this.idfs.length;
  }

  of(a: number): Vec {
    const known = this.vectors.get(a);
    if (known) return known;
    const terms: number[] = [];
    const built = ++this.built;
    const add = (s: string, w: number) => {
      const t = this.number(s);
      // Summed stem by stem in the order met, as a Map of weights would sum them.
      if (this.met[t] !== built) {
        this.met[t] = built;
        terms.push(t);
      }
      this.scratch[t]! += w * this.idfs[t]!;
    };
    for (const s of termStems(this.index.title(a))) add(s, 2);
    for (const sent of this.index.sentences(a).slice(0, LEAD_SENTENCES))
      for (const s of sent.stems) add(s, 1);
    const weights = terms.map((t) => this.scratch[t]!);
    for (const t of terms) this.scratch[t] = 0;
    const v = { terms, weights };
    this.vectors.set(a, v);
    return v;
  }

  private number(s: string): number {
    const known = this.numbers.get(s);
    if (known !== undefined) return known;
    const t = this.idfs.length;
    this.numbers.set(s, t);
    this.idfs.push(this.index.idf(s));
    if (t >= this.scratch.length) {
      const grown = new Float64Array(2 * this.scratch.length);
      grown.set(this.scratch);
      this.scratch = grown;
      const met = new Int32Array(2 * this.met.length);
      met.set(this.met);
      this.met = met;
    }
    return t;
  }

  /**
   * What clustering these articles may cost, at most: the pairs of them sharing a stem, counted once
   * per stem shared (Σ df·(df−1)/2 over their stems). Clustering walks, for each article, the earlier
   * stories holding each of its stems: never more entries than this.
   */
  work(articles: readonly number[]): number {
    const vs = articles.map((a) => this.of(a));
    const df = new Int32Array(this.stems);
    for (const v of vs) for (const t of v.terms) df[t]!++;
    let pairs = 0;
    for (const n of df) pairs += (n * (n - 1)) / 2;
    return pairs;
  }
}

/** The squared norm of a vector. */
function squares(v: Vec): number {
  let n = 0;
  for (const x of v.weights) n += x * x;
  return n;
}

/** How many of a story's key names an article must share (fewer when either has fewer). */
const NAMES_SHARED = 2;

interface Cluster {
  members: number[];
  norm: number;
  /** The centroid's squared norm, kept as members join (a join costs its article's stems, not the centroid's). */
  squares: number;
  /** Name class → how many members hold it. */
  names: Map<string, number>;
}

/**
 * May an article with these names join this story? Only when it shares two of the story's key names
 * (held by at least half its members), or all of them when either has fewer; an article or story
 * without names decides by its words alone.
 */
function sharesNames(c: Cluster, names: ReadonlySet<string>): boolean {
  if (names.size === 0 || c.names.size === 0) return true;
  const half = c.members.length / 2;
  let keys = 0;
  let shared = 0;
  for (const [n, count] of c.names) {
    if (count < half) continue;
    keys++;
    if (names.has(n)) shared++;
  }
  return shared >= Math.min(NAMES_SHARED, keys, names.size);
}

/** What `clusterArticles` may be given already, or set: each has a default. */
export interface ClusterOptions {
  /** The articles' names (default: found here with `articleNames`). */
  names?: ArticleNames;
  /** The cosine an article needs with a story to join it (default 0.2). */
  threshold?: number;
  /** The articles' vectors, when already made (a digest weighs the work before it clusters). */
  vectors?: ArticleVectors;
}

/** Clusters article indexes (in the given order) into stories; biggest first. */
export function clusterArticles(
  index: CorpusIndex,
  articles: number[],
  opts: ClusterOptions = {},
): number[][] {
  const { of } = opts.names ?? articleNames(index, articles);
  const threshold = opts.threshold ?? 0.2;
  const vectors = opts.vectors ?? new ArticleVectors(index);
  const none = new Set<string>();
  const namesOf = (a: number) => of.get(a) ?? none;
  // Each article's vector once, for both passes (the strays are clustered again below).
  const vectorOf = (a: number) => vectors.of(a);
  const clusters = greedy(articles, vectorOf, namesOf, threshold);
  // A story grown one article at a time can drift from the names it started with: members that share
  // too few of the names most of its members hold are a story of their own.
  const kept: number[][] = [];
  const strays: number[] = [];
  for (const c of clusters) {
    const key = new Set([...c.names].filter(([, n]) => n > c.members.length / 2).map(([k]) => k));
    if (c.members.length < 3 || key.size === 0) {
      kept.push(c.members);
      continue;
    }
    const [fits, off] = partition(c.members, (a) => {
      const names = namesOf(a);
      let shared = 0;
      for (const k of key) if (names.has(k)) shared++;
      return shared >= Math.min(NAMES_SHARED, key.size, names.size);
    });
    kept.push(fits);
    strays.push(...off);
  }
  const order = new Map(articles.map((a, i) => [a, i]));
  strays.sort((x, y) => order.get(x)! - order.get(y)!);
  for (const c of greedy(strays, vectorOf, namesOf, threshold)) kept.push(c.members);
  return kept.filter((m) => m.length > 0).sort((a, b) => b.length - a.length);
}

function partition<T>(xs: readonly T[], test: (x: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const x of xs) (test(x) ? yes : no).push(x);
  return [yes, no];
}

/**
 * One pass: each article (in order) joins the most similar story whose names it shares (ties to the
 * later story), or starts one. Its cosine with each story is summed through an inverted index of the
 * stories' centroids (`Postings`, `Reach`): only the stories sharing a stem with it are touched (any
 * other's cosine is 0), at the cost of the postings its stems walk — never more than the pairs of
 * articles sharing a stem (`ArticleVectors.work`) — rather than of articles × stories × stems.
 */
function greedy(
  articles: readonly number[],
  vectorOf: (a: number) => Vec,
  namesOf: (a: number) => ReadonlySet<string>,
  threshold: number,
): Cluster[] {
  const clusters: Cluster[] = [];
  const postings = new Postings();
  const reach = new Reach();
  for (const a of articles) {
    const v = vectorOf(a);
    const vn = Math.sqrt(squares(v));
    const names = namesOf(a);
    let best = -1;
    let bestSim = threshold;
    // The stories sharing a stem, with their cosines: any other story's cosine is 0, below any
    // positive threshold (a threshold of 0 or less admits them all: each is weighed).
    let near = reach.of(vn, v, postings, clusters).filter(([, sim]) => sim >= threshold);
    if (threshold <= 0) {
      const sims = new Float64Array(clusters.length);
      for (const [i, sim] of near) sims[i] = sim;
      near = [...sims].map((sim, i): [number, number] => [i, sim]);
    }
    near.sort((x, y) => x[0] - y[0]);
    for (const [i, sim] of near) {
      if (sim >= bestSim && sharesNames(clusters[i]!, names)) {
        bestSim = sim;
        best = i;
      }
    }
    if (best < 0) {
      best = clusters.length;
      clusters.push({
        members: [a],
        norm: vn,
        squares: squares(v),
        names: new Map([...names].map((n) => [n, 1])),
      });
      postings.slots.push(new Map());
      for (let j = 0; j < v.terms.length; j++) postings.add(best, v.terms[j]!, v.weights[j]!);
    } else {
      const c = clusters[best]!;
      c.members.push(a);
      for (let j = 0; j < v.terms.length; j++) c.squares += postings.add(best, v.terms[j]!, v.weights[j]!);
      c.norm = Math.sqrt(c.squares);
      for (const n of names) c.names.set(n, (c.names.get(n) ?? 0) + 1);
    }
  }
  return clusters;
}

/** An inverted index of the stories' centroids: each stem (by number) → the stories holding it, and its weight in each. */
class Postings {
  /** Stem number → the stories whose centroid holds it. */
  readonly stories: number[][] = [];
  /** Stem number → its weight in each of those stories' centroids (same order). */
  readonly weights: number[][] = [];
  /** Story → stem number → where the story sits in that stem's lists. */
  readonly slots: Map<number, number>[] = [];

  /** Adds `x` to the weight of stem `t` in story `i`'s centroid; what that adds to the centroid's squared norm. */
  add(i: number, t: number, x: number): number {
    const slots = this.slots[i]!;
    const at = slots.get(t);
    let stories = this.stories[t];
    let weights = this.weights[t];
    if (!stories || !weights) {
      stories = this.stories[t] = [];
      weights = this.weights[t] = [];
    }
    if (at === undefined) {
      slots.set(t, stories.length);
      stories.push(i);
      weights.push(x);
      return x * x;
    }
    const was = weights[at]!;
    const w = was + x;
    weights[at] = w;
    return w * w - was * was;
  }
}

/**
 * The stories an article shares a stem with, and their cosines with it: each story's dot product
 * summed over the postings of the article's stems, in the article's order (as `cosine` sums it over
 * the smaller of two vectors), over both norms. Scratch arrays are reused across articles.
 */
class Reach {
  private sums = new Float64Array(64);
  /** Which call last touched each story's sum. */
  private stamp = new Int32Array(64);
  private calls = 0;
  private readonly touched: number[] = [];

  of(vn: number, v: Vec, postings: Postings, clusters: readonly Cluster[]): [number, number][] {
    if (vn === 0) return [];
    if (this.sums.length < clusters.length) {
      this.sums = new Float64Array(2 * clusters.length);
      this.stamp = new Int32Array(2 * clusters.length);
    }
    if (this.calls === 2 ** 31 - 1) {
      this.calls = 0;
      this.stamp.fill(0);
    }
    const call = ++this.calls;
    const { sums, stamp, touched } = this;
    for (let j = 0; j < v.terms.length; j++) {
      const x = v.weights[j]!;
      const stories = postings.stories[v.terms[j]!];
      const ws = postings.weights[v.terms[j]!];
      if (!stories || !ws) continue;
      for (let p = 0; p < stories.length; p++) {
        const i = stories[p]!;
        if (stamp[i] !== call) {
          stamp[i] = call;
          sums[i] = 0;
          touched.push(i);
        }
        sums[i]! += x * ws[p]!;
      }
    }
    const out: [number, number][] = [];
    for (const i of touched) {
      const cn = clusters[i]!.norm;
      if (cn > 0) out.push([i, sums[i]! / (vn * cn)]);
    }
    touched.length = 0;
    return out;
  }
}
