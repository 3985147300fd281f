/**
 * Grouping articles into stories by term overlap: each article is a tf-idf vector of its title and
 * lead sentences; articles join the story whose centroid is most similar, above a threshold.
 */
import type { CorpusIndex } from "../search/index.ts";
import { termStems } from "../search/index.ts";

type Vec = Map<string, number>;

function articleVector(index: CorpusIndex, a: number): Vec {
  const v: Vec = new Map();
  const add = (s: string, w: number) => v.set(s, (v.get(s) ?? 0) + w * index.idf(s));
  for (const s of termStems(index.articles[a]!.title)) add(s, 2);
  for (const sent of index.sentences(a).slice(0, 6)) for (const s of sent.stems) add(s, 1);
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

/** Clusters article indexes (in the given order) into stories; biggest first. */
export function clusterArticles(index: CorpusIndex, articles: number[], threshold = 0.2): number[][] {
  const clusters: { members: number[]; centroid: Vec; norm: number }[] = [];
  for (const a of articles) {
    const v = articleVector(index, a);
    const vn = norm(v);
    let best = -1;
    let bestSim = threshold;
    for (let i = 0; i < clusters.length; i++) {
      const c = clusters[i]!;
      const sim = cosine(v, vn, c.centroid, c.norm);
      if (sim >= bestSim) {
        bestSim = sim;
        best = i;
      }
    }
    if (best < 0) {
      clusters.push({ members: [a], centroid: new Map(v), norm: vn });
    } else {
      const c = clusters[best]!;
      c.members.push(a);
      for (const [k, x] of v) c.centroid.set(k, (c.centroid.get(k) ?? 0) + x);
      c.norm = norm(c.centroid);
    }
  }
  return clusters.map((c) => c.members).sort((a, b) => b.length - a.length);
}
