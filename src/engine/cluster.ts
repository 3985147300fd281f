/**
 * Grouping articles into stories: each article is a tf-idf vector of its title and lead sentences;
 * articles join the story whose centroid is most similar, above a threshold, and only a story whose
 * names they share (names.ts): topical words alone ("interest rates") join neighbouring stories (the
 * UK's, the euro zone's and the US's rates) that a reader sees as three.
 */
import type { CorpusIndex } from "../search/index.ts";
import { termStems } from "../search/index.ts";
import { type ArticleNames, articleNames, LEAD_SENTENCES } from "./names.ts";

type Vec = Map<string, number>;

function articleVector(index: CorpusIndex, a: number): Vec {
  const v: Vec = new Map();
  const add = (s: string, w: number) => v.set(s, (v.get(s) ?? 0) + w * index.idf(s));
  for (const s of termStems(index.articles[a]!.title)) add(s, 2);
  for (const sent of index.sentences(a).slice(0, LEAD_SENTENCES)) for (const s of sent.stems) add(s, 1);
  return v;
}

function norm(v: Vec): number {
  let n = 0;
  for (const x of v.values()) n += x * x;
  return Math.sqrt(n);
}

function cosine(a: Vec, an: number, b: Vec, bn: number): number {
  if (an === 0 || bn === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, x] of small) {
    const y = large.get(k);
    if (y !== undefined) dot += x * y;
  }
  return dot / (an * bn);
}

/** How many of a story's key names an article must share (fewer when either has fewer). */
const NAMES_SHARED = 2;

interface Cluster {
  members: number[];
  centroid: Vec;
  norm: number;
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

/** Clusters article indexes (in the given order) into stories; biggest first. */
export function clusterArticles(
  index: CorpusIndex,
  articles: number[],
  names: ArticleNames = articleNames(index, articles),
  threshold = 0.2,
): number[][] {
  const { of } = names;
  const none = new Set<string>();
  const namesOf = (a: number) => of.get(a) ?? none;
  const clusters = greedy(index, articles, namesOf, threshold);
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
  for (const c of greedy(index, strays, namesOf, threshold)) kept.push(c.members);
  return kept.filter((m) => m.length > 0).sort((a, b) => b.length - a.length);
}

function partition<T>(xs: readonly T[], test: (x: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const x of xs) (test(x) ? yes : no).push(x);
  return [yes, no];
}

/** One pass: each article (in order) joins the most similar story whose names it shares, or starts one. */
function greedy(
  index: CorpusIndex,
  articles: readonly number[],
  namesOf: (a: number) => ReadonlySet<string>,
  threshold: number,
): Cluster[] {
  const clusters: Cluster[] = [];
  for (const a of articles) {
    const v = articleVector(index, a);
    const vn = norm(v);
    const names = namesOf(a);
    let best = -1;
    let bestSim = threshold;
    for (let i = 0; i < clusters.length; i++) {
      const c = clusters[i]!;
      const sim = cosine(v, vn, c.centroid, c.norm);
      if (sim >= bestSim && sharesNames(c, names)) {
        bestSim = sim;
        best = i;
      }
    }
    if (best < 0) {
      clusters.push({
        members: [a],
        centroid: new Map(v),
        norm: vn,
        names: new Map([...names].map((n) => [n, 1])),
      });
    } else {
      const c = clusters[best]!;
      c.members.push(a);
      for (const [k, x] of v) c.centroid.set(k, (c.centroid.get(k) ?? 0) + x);
      c.norm = norm(c.centroid);
      for (const n of names) c.names.set(n, (c.names.get(n) ?? 0) + 1);
    }
  }
  return clusters;
}
