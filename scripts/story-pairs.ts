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

/** The two-article clusters of a corpus's story pairs, as eval records ({id: "<idA>+<idB>", docs}). */
export function storyPairRecords(
  articles: readonly StoryArticle[],
  threshold = STORY_PAIR_COSINE,
): { id: string; docs: { title?: string; text: string }[]; refs: string[]; cosine: number }[] {
  return storyPairs(articles, threshold).map(({ a, b, cosine }) => ({
    id: `${articles[a]!.id}+${articles[b]!.id}`,
    docs: [articles[a]!, articles[b]!].map((x) => ({ ...(x.title ? { title: x.title } : {}), text: x.text })),
    refs: [],
    cosine,
  }));
}
