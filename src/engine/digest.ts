/**
 * Digests: the morning summary of what is new. The pool (articles added since a time, optionally
 * about some topics, newest first), clustered into up to six stories (cluster.ts), each story's
 * points chosen by the engine's PointSelection, given context where they need it, kept within the
 * story's word budget (STORY_WORDS, context included) and citation-checked.
 */
import { message } from "../messages.ts";
import type { Digest, DigestCoverage, DigestOptions, Evidence, Point, Story } from "../model.ts";
import { plainText } from "../present/richText.ts";
import { type CorpusIndex, termStems } from "../search/index.ts";
import { isPageText, withoutLeadingFurniture } from "../text/furniture.ts";
import { mergeDuplicateCitations, newestDate, passagesFor, sourcesFor, toPoints } from "./citations.ts";
import { clusterArticles } from "./cluster.ts";
import { opensOnInstruction } from "./fragments.ts";
import { articleNames } from "./names.ts";
import { shownPoints } from "./phrasing.ts";
import {
  completeQuotes,
  mergeCandidates,
  readability,
  type Scored,
  withContext,
  withinWords,
} from "./points.ts";
import { centrality, leadBonus, requiredMatches, type StoryRetrieval, sharedStems } from "./retrieval.ts";
import { type PointSelection, STORY_WORDS } from "./selection/pointSelection.ts";
import { storyTitle } from "./storyTitles.ts";

/** Which articles a digest covers: added since a time, about (any of) the topics. */
export interface DigestScope {
  since?: Date;
  topics?: string[];
}

/**
 * How many articles a digest reads at most. A larger range is sampled evenly across it in order of
 * arrival (never "the first N"): clustering is quadratic and each article read is split into
 * sentences, so the work stays bounded (about 2–3 s cold over 400 BBC articles on a busy 2-core box).
 */
export const DIGEST_READ = 400;
/** How many stories a digest shows at most. */
export const DIGEST_STORIES = 6;

/** The articles in a digest's range, and the ones it reads (all of them, or an even sample). */
export interface DigestPool {
  /** Every live article in range (since, topics), in order of arrival. */
  inRange: number;
  /** The articles read, newest arrival first: all in range, or DIGEST_READ spread evenly across it. */
  read: number[];
}

/** The digest of the articles in scope, or a "nothing new" digest. */
export function buildDigest(index: CorpusIndex, selection: PointSelection, opts: DigestOptions = {}): Digest {
  const since = opts.since ?? null;
  const scope: DigestScope = {};
  if (opts.since) scope.since = opts.since;
  if (opts.topics) scope.topics = opts.topics;
  const { inRange, read: pool } = digestRange(index, scope);
  const coverage: DigestCoverage = {
    inRange,
    read: pool.length,
    topics: (opts.topics ?? []).filter((t) => t.trim()),
    since: since ? since.toISOString().replace(/\.\d{3}Z$/, "Z") : null,
    stories: 0,
    allShown: true,
  };
  if (pool.length === 0) {
    return {
      since: since?.toISOString() ?? null,
      found: false,
      summary: plainText(message("digest_coverage", coverage)),
      coverage,
      stories: [],
      sources: [],
      engine: "extractive",
      asOf: null,
    };
  }
  const names = articleNames(index, pool);
  const clusters = clusterArticles(index, pool, names);
  // The biggest stories that have news to show: a cluster whose sentences are none (a page of widget
  // text, captions) or only the page's own text gives its place to the next one, looked at up to twice as many clusters as shown.
  const built: { s: StoryRetrieval; points: Point[] }[] = [];
  for (const members of clusters.slice(0, 2 * DIGEST_STORIES)) {
    if (built.length >= DIGEST_STORIES) break;
    const s = storiesOf(index, pool, [members])[0]!;
    // Within the story's budget as shown: a context sentence or a completed quotation counts.
    const points = toPoints(
      index,
      withinWords(completeQuotes(index, withContext(index, selection.storyPoints(index, s))), STORY_WORDS),
    );
    // A story whose points are all the page's own text (a web archive's note on its crawls, a how-to) is no news.
    if (
      points.length > 0 &&
      !isNoNews(
        index,
        points.map((p) => p.text),
        points.flatMap((p) => p.sources.map((id) => index.indexOf(id) ?? -1)),
      )
    )
      built.push({ s, points });
  }
  // One article in the corpus twice is one citation, across all the stories.
  const merged = mergeDuplicateCitations(
    index,
    built.map((x) => x.points),
  );
  const stories: Story[] = built.map((x, i) => ({
    title: storyTitle(index, x.s, merged[i]!, names.lexicon),
    // Furniture or a dateline before a point's sentence ("Washington ( ap ) — …") is the page's.
    points: shownPoints(merged[i]!),
  }));
  const sources = sourcesFor(
    index,
    stories.flatMap((s) => s.points.flatMap((p) => p.sources)),
  );
  coverage.stories = stories.length;
  coverage.allShown = clusters.length <= stories.length;
  return {
    since: since?.toISOString() ?? null,
    found: stories.length > 0,
    summary: plainText(message("digest_coverage", coverage)),
    coverage,
    stories,
    sources,
    engine: "extractive",
    asOf: newestDate(sources),
  };
}

/**
 * A story's texts are the page's own, not news: its note on itself (`isPageText`), or every one an
 * instruction to the reader ("Find another color … before using", "Always consult …"), or every one
 * taken from an article that is the page's note on itself as a whole (`isPageArticle`: one point,
 * "Crawls of supported sites.", names the web once; the article it comes from, again and again).
 */
function isNoNews(index: CorpusIndex, texts: string[], articles: number[]): boolean {
  return (
    isPageText(texts) ||
    texts.every((t) => opensOnInstruction(withoutLeadingFurniture(t))) ||
    (articles.length > 0 && articles.every((a) => isPageArticle(index, a)))
  );
}

/** Whether an article's sentences, all of them, are the page's note on itself (`isPageText`). */
function isPageArticle(index: CorpusIndex, article: number): boolean {
  if (article < 0) return false;
  return isPageText(index.sentences(article).map((s) => s.text));
}

/** The evidence a digest of this scope is built from (for the LLM writer). */
export function digestEvidence(index: CorpusIndex, scope: DigestScope = {}): Evidence {
  const pool = digestRange(index, scope).read;
  // As the extractive digest does: a story with nothing to quote (page clutter) gives its place to the
  // next, up to twice as many clusters looked at as shown.
  const stories: StoryRetrieval[] = [];
  for (const members of clusterArticles(index, pool).slice(0, 2 * DIGEST_STORIES)) {
    if (stories.length >= DIGEST_STORIES) break;
    const s = storiesOf(index, pool, [members])[0]!;
    const top = s.candidates.slice(0, 4);
    if (
      top.length > 0 &&
      !isNoNews(
        index,
        top.map((c) => c.text),
        top.flatMap((c) => c.articles),
      )
    )
      stories.push(s);
  }
  const cands = stories.flatMap((s) => s.candidates.slice(0, 4));
  const { passages, sources } = passagesFor(index, cands, 40);
  return { query: (scope.topics ?? []).join(", "), passages, sources };
}

/** The articles a digest reads (see digestRange): newest arrival first. */
export function digestPool(index: CorpusIndex, scope: DigestScope): number[] {
  return digestRange(index, scope).read;
}

/**
 * The articles in a digest's range — every live article added since `since` (dated or not: arrival is
 * what counts), matching a topic — in order of arrival (when added, then position in the corpus),
 * and the ones it reads: all of them when there are at most DIGEST_READ, else DIGEST_READ spread
 * evenly from the first arrival to the last. Read newest arrival first.
 */
export function digestRange(index: CorpusIndex, scope: DigestScope): DigestPool {
  const since = scope.since?.getTime();
  let pool: number[] = [];
  for (let i = 0; i < index.articles.length; i++) {
    if (!index.isLive(i)) continue;
    // Read from the index's per-article fields: no article text is decoded for the scan.
    if (since !== undefined && index.addedAtMs(i) < since) continue;
    pool.push(i);
  }
  const topics = (scope.topics ?? []).map((t) => t.trim()).filter(Boolean);
  if (topics.length > 0 && pool.length > 0) {
    const matching = new Set<number>();
    for (const t of topics) {
      const concepts = index.concepts(t);
      const required = requiredMatches(concepts.length);
      // Every matching article, not only the best few hundred: the range decides, not the rank.
      for (const h of index.search(concepts, { limit: index.articles.length }))
        if (h.matched.size >= required) matching.add(h.index);
    }
    pool = pool.filter((i) => matching.has(i));
  }
  const arrival = (i: number) => {
    const t = index.addedAtMs(i);
    return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
  };
  pool.sort((a, b) => arrival(a) - arrival(b) || a - b);
  return { inRange: pool.length, read: evenSample(pool, DIGEST_READ).reverse() };
}

/** At most `n` items spread evenly over `xs` (first and last included), in order. */
export function evenSample<T>(xs: readonly T[], n: number): T[] {
  if (xs.length <= n) return [...xs];
  if (n <= 0) return [];
  if (n === 1) return [xs[xs.length - 1]!];
  const out: T[] = [];
  for (let k = 0; k < n; k++) out.push(xs[Math.round((k * (xs.length - 1)) / (n - 1))]!);
  return out;
}

/**
 * How many of a story's articles (newest arrival first) its points are chosen from: all of them up to
 * a bound on the work. The points are what the story's articles say most often (coverage), so the
 * choice must see the story whole: a story that gathers more of its reports (its first reports among
 * them) must not be summed up from only its latest follow-ups. 40 bounds the summarizer's model to
 * a few thousand sentences.
 */
export const STORY_READ = 40;

/**
 * The pool's biggest stories (at most DIGEST_STORIES), each with its first STORY_READ articles, their
 * lead sentences scored by readability, shared terms and position, and the title that best names the
 * story (storyTitle replaces it with a cited article's title once the points are chosen).
 */
export function storiesOf(
  index: CorpusIndex,
  pool: number[],
  clusters: number[][] = clusterArticles(index, pool),
): StoryRetrieval[] {
  return clusters.slice(0, DIGEST_STORIES).map((members) => {
    const top = members.slice(0, STORY_READ);
    const shared = sharedStems(index, top, 6);
    const scored: Scored[] = [];
    for (const a of top) {
      for (const s of index.sentences(a).slice(0, 5)) {
        const q = readability(s.text);
        if (q === 0) continue;
        scored.push({
          sentence: s,
          score: q * (centrality(shared, top.length, s.stems) + 0.5 * leadBonus(s.position)),
        });
      }
    }
    const candidates = mergeCandidates(index, scored, top);
    let title = index.articles[top[0]!]!.title;
    let bestTitle = -1;
    for (const a of top) {
      const t = index.articles[a]!.title;
      const c = centrality(shared, top.length, termStems(t));
      if (c > bestTitle) {
        bestTitle = c;
        title = t;
      }
    }
    return { title, members: top, candidates };
  });
}
