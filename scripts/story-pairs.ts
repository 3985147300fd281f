/**
 * Pairs of articles of one corpus that report the same story, for reading two reports of one story as a
 * two-article cluster where a corpus has no clusters of its own (BBC News: single articles). Two articles
 * pair when the cosine of their content words (stems, stopwords and figures left out, tf × idf over the
 * corpus) is at least `threshold`, they share a category when both have one, and their texts differ. A
 * pair's cluster id is "<idA>+<idB>" (ids in corpus order), its documents the two articles, title first.
 */
import { contentStems } from "../src/text/tokens.ts";

export interface StoryArticle {
  id: string;
  title?: string;
  text: string;
  category?: string;
  /** Articles of one group (a Multi-News cluster) never pair: only reports from different groups do. */
  group?: string;
}

/**
 * The cosine at or above which two articles are read as reports of the same story, picked by reading
 * BBC News pairs: from 0.4 up they report one story or one run of events (a bid and its rejection, a
 * ruling and its appeal); below it, more and more often only the same topic (two tennis matches).
 */
export const STORY_PAIR_COSINE = 0.4;

function vectors(articles: readonly StoryArticle[]): Map<string, number>[] {
  const tfs = articles.map((a) => {
    const tf = new Map<string, number>();
    for (const s of contentStems(`${a.title ?? ""}\n${a.text}`))
      if (!/\d/.test(s)) tf.set(s, (tf.get(s) ?? 0) + 1);
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of tfs) for (const s of tf.keys()) df.set(s, (df.get(s) ?? 0) + 1);
  return tfs.map((tf) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [s, n] of tf) {
      const w = (1 + Math.log(n)) * Math.log(articles.length / df.get(s)!);
      v.set(s, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [s, w] of v) v.set(s, w / norm);
    return v;
  });
}

/** Every pair of articles at or above `threshold`, with its cosine, best first. */
export function storyPairs(
  articles: readonly StoryArticle[],
  threshold = STORY_PAIR_COSINE,
): { a: number; b: number; cosine: number }[] {
  const vs = vectors(articles);
  // Dot products through an inverted index (term → articles holding it), each pair once (j > i).
  const postings = new Map<string, { at: number; w: number }[]>();
  vs.forEach((v, at) => {
    for (const [s, w] of v) {
      const list = postings.get(s) ?? [];
      if (list.length === 0) postings.set(s, list);
      list.push({ at, w });
    }
  });
  const out: { a: number; b: number; cosine: number }[] = [];
  const dot = new Float64Array(articles.length);
  for (let i = 0; i < articles.length; i++) {
    dot.fill(0, i + 1);
    for (const [s, w] of vs[i]!) for (const p of postings.get(s)!) if (p.at > i) dot[p.at]! += w * p.w;
    const x = articles[i]!;
    for (let j = i + 1; j < articles.length; j++) {
      if (dot[j]! < threshold) continue;
      const y = articles[j]!;
      if (x.category && y.category && x.category !== y.category) continue;
      if (x.text.trim() === y.text.trim()) continue;
      out.push({ a: i, b: j, cosine: dot[j]! });
    }
  }
  return out.sort((p, q) => q.cosine - p.cosine);
}

/**
 * Every pair of articles from different groups at or above `threshold`, with its cosine, best first:
 * the pairs `storyPairs` would give, less those within one group, found fast enough for a corpus of
 * tens of thousands (Multi-News test: 15,500 documents). Prefix filter over one order of the terms,
 * rarest first: an article's "prefix" is its terms up to where the norm of the rest falls below
 * `threshold` (with unit vectors the rest cannot make such a cosine alone). Two articles at `threshold`
 * or more share a term in both prefixes (the first term they share, in that order), so only prefixes are
 * indexed (rare terms, short postings); a candidate whose prefix dot product plus both rests' norms
 * reaches `threshold` has its dot product summed in full, in the same order as `storyPairs` sums it.
 */
export function storyPairsAcrossGroups(
  articles: readonly StoryArticle[],
  threshold = STORY_PAIR_COSINE,
): { a: number; b: number; cosine: number }[] {
  const vs = vectors(articles);
  const df = new Map<string, number>();
  for (const v of vs) for (const s of v.keys()) df.set(s, (df.get(s) ?? 0) + 1);
  const rarestFirst = (p: [string, number], q: [string, number]) =>
    df.get(p[0])! - df.get(q[0])! || (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : 0);
  const prefixes: [string, number][][] = [];
  const rests: number[] = [];
  const postings = new Map<string, { at: number; w: number }[]>();
  vs.forEach((v, at) => {
    const prefix: [string, number][] = [];
    let rest = 1;
    for (const [s, w] of [...v].sort(rarestFirst)) {
      if (Math.sqrt(Math.max(rest, 0)) < threshold - 1e-9) break;
      rest -= w * w;
      prefix.push([s, w]);
      const list = postings.get(s) ?? [];
      if (list.length === 0) postings.set(s, list);
      list.push({ at, w });
    }
    prefixes.push(prefix);
    rests.push(Math.sqrt(Math.max(rest, 0)) + 1e-9);
  });
  const out: { a: number; b: number; cosine: number }[] = [];
  const partial = new Float64Array(articles.length);
  const touched: number[] = [];
  for (let i = 0; i < articles.length; i++) {
    for (const [s, w] of prefixes[i]!)
      for (const p of postings.get(s)!) {
        if (p.at <= i) continue;
        if (partial[p.at] === 0) touched.push(p.at);
        partial[p.at]! += w * p.w;
      }
    const v = vs[i]!;
    const x = articles[i]!;
    for (const j of touched.sort((p, q) => p - q)) {
      const prefixDot = partial[j]!;
      partial[j] = 0;
      if (prefixDot + rests[i]! + rests[j]! < threshold) continue;
      const y = articles[j]!;
      if (x.group !== undefined && x.group === y.group) continue;
      const vy = vs[j]!;
      let dot = 0;
      for (const [s, w] of v) {
        const wy = vy.get(s);
        if (wy !== undefined) dot += w * wy;
      }
      if (dot < threshold) continue;
      if (x.category && y.category && x.category !== y.category) continue;
      if (x.text.trim() === y.text.trim()) continue;
      out.push({ a: i, b: j, cosine: dot });
    }
    touched.length = 0;
  }
  return out.sort((p, q) => q.cosine - p.cosine);
}

/**
 * The two-article clusters of a corpus's story pairs, as eval records ({id: "<idA>+<idB>", docs}); with
 * `acrossGroups`, only pairs of articles from different groups (storyPairsAcrossGroups).
 */
export function storyPairRecords(
  articles: readonly StoryArticle[],
  threshold = STORY_PAIR_COSINE,
  acrossGroups = false,
): { id: string; docs: { title?: string; text: string }[]; refs: string[]; cosine: number }[] {
  return (acrossGroups ? storyPairsAcrossGroups : storyPairs)(articles, threshold).map(
    ({ a, b, cosine }) => ({
      id: `${articles[a]!.id}+${articles[b]!.id}`,
      docs: [articles[a]!, articles[b]!].map((x) => ({
        ...(x.title ? { title: x.title } : {}),
        text: x.text,
      })),
      refs: [],
      cosine,
    }),
  );
}
