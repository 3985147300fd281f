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
import { ArticleVectors, clusterArticles } from "./cluster.ts";
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
 * How many articles a digest reads at most: every article in range up to this, so a channel's day or
 * week, or the whole BBC News corpus (2,225), is read whole and no story is missed by sampling. A
 * larger range is sampled evenly across it in order of arrival (never "the first N"). The work is
 * linear in the articles read (each split into sentences once, about 0.6 ms cold; names and vector
 * from its lead; clustering through an inverted index): warm, about 0.15 s per 1,000 Multi-News
 * reports and 0.36 s for all of BBC News on a shared 2-core box. 3,000 keeps a digest's articles
 * within the index's sentence cache (4,000), so the next digest finds them split.
 */
export const DIGEST_READ = 3_000;

/**
 * The most clustering work a digest may cause (`ArticleVectors.work`: pairs of articles read sharing a
 * stem, once per stem). Ordinary news stays well under it — all 2,225 BBC News articles 5.5 million,
 * 3,000 Multi-News reports 7 million — but articles made to share every word and no name make it
 * quadratic (3,000 sharing a 120-word lead: 550 million, 2.2 s); past this bound the sample is thinned
 * evenly until its work fits (570 of those 3,000, 1.1 s), and the first line says how many were read.
 */
export const DIGEST_WORK = 20_000_000;

/** The bounds on what a digest reads (tests pass smaller ones). */
export interface DigestBounds {
  /** Articles read at most (DIGEST_READ). */
  read: number;
  /** Clustering work at most (DIGEST_WORK). */
  work: number;
}

const DIGEST_BOUNDS: DigestBounds = { read: DIGEST_READ, work: DIGEST_WORK };

/** How many stories a digest shows at most. */
export const DIGEST_STORIES = 6;

/** The articles in a digest's range, and the ones it reads (all of them, or an even sample). */
export interface DigestPool {
  /** Every live article in range (since, topics), in order of arrival. */
  inRange: number;
  /** The articles read, newest arrival first: all in range, or an even sample across it within the bounds. */
  read: number[];
  /** The vectors of the articles read (built to weigh the work; clustering reuses them). */
  vectors: ArticleVectors;
  /** Each topic's matching articles, in the order the topics were asked (none without topics). */
  byTopic: Set<number>[];
}

/** The digest of the articles in scope, or a "nothing new" digest. */
export function buildDigest(
  index: CorpusIndex,
  selection: PointSelection,
  opts: DigestOptions = {},
  bounds: DigestBounds = DIGEST_BOUNDS,
): Digest {
  const since = opts.since ?? null;
  const scope: DigestScope = {};
  if (opts.since) scope.since = opts.since;
  if (opts.topics) scope.topics = opts.topics;
  const { inRange, read: pool, vectors, byTopic } = digestRange(index, scope, bounds);
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
  const clusters = eachTopicFirst(clusterArticles(index, pool, { names, vectors }), byTopic);
  // The biggest stories that have news to show: a cluster whose sentences are none (a page of widget
  // text, captions) or only the page's own text gives its place to the next one, looked at up to twice as many clusters as shown.
  const built: { s: StoryRetrieval; points: Point[]; size: number }[] = [];
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
      built.push({ s, points, size: members.length });
  }
  // Shown biggest first, whichever topic put them in.
  built.sort((a, b) => b.size - a.size);
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
  const { read: pool, vectors } = digestRange(index, scope);
  // As the extractive digest does: a story with nothing to quote (page clutter) gives its place to the
  // next, up to twice as many clusters looked at as shown.
  const stories: StoryRetrieval[] = [];
  for (const members of clusterArticles(index, pool, { vectors }).slice(0, 2 * DIGEST_STORIES)) {
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
 * and the ones it reads: all of them within the bounds (at most `bounds.read` articles whose
 * clustering work is at most `bounds.work`), else as many as fit spread evenly from the first arrival
 * to the last. Read newest arrival first.
 */
export function digestRange(
  index: CorpusIndex,
  scope: DigestScope,
  bounds: DigestBounds = DIGEST_BOUNDS,
): DigestPool {
  const since = scope.since?.getTime();
  let pool: number[] = [];
  for (let i = 0; i < index.articles.length; i++) {
    if (!index.isLive(i)) continue;
    // Read from the index's per-article fields: no article text is decoded for the scan.
    if (since !== undefined && index.addedAtMs(i) < since) continue;
    pool.push(i);
  }
  const topics = (scope.topics ?? []).map((t) => t.trim()).filter(Boolean);
  const byTopic = topics.length > 0 && pool.length > 0 ? topicArticles(index, topics) : [];
  if (byTopic.length > 0) {
    const matching = new Set(byTopic.flatMap((t) => [...t]));
    pool = pool.filter((i) => matching.has(i));
  }
  const arrival = (i: number) => {
    const t = index.addedAtMs(i);
    return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
  };
  pool.sort((a, b) => arrival(a) - arrival(b) || a - b);
  let read = evenSample(pool, bounds.read);
  const vectors = new ArticleVectors(index);
  // Work grows with the square of the articles read: thinned to the share that fits, until it does.
  for (let work = vectors.work(read); work > bounds.work && read.length > 1; work = vectors.work(read)) {
    const fits = Math.floor(read.length * Math.sqrt(bounds.work / work));
    read = evenSample(pool, Math.max(1, Math.min(read.length - 1, fits)));
  }
  return { inRange: pool.length, read: read.reverse(), vectors, byTopic };
}

/** Each topic's matching articles (every one, not only the best few hundred: the range decides, not the rank). */
function topicArticles(index: CorpusIndex, topics: readonly string[]): Set<number>[] {
  return topics.map((t) => {
    const concepts = index.concepts(t);
    const required = requiredMatches(concepts.length);
    const out = new Set<number>();
    for (const h of index.search(concepts, { limit: index.articles.length }))
      if (h.matched.size >= required) out.add(h.index);
    return out;
  });
}

/**
 * Clusters (biggest first) with each topic's biggest story first, in the order the topics were asked:
 * a digest about "football, tennis, election" shows the biggest story of each, not six election
 * stories because a campaign's are the biggest. A cluster is a topic's when most of its articles
 * match the topic. The rest follow, biggest first; with one topic or none the order is unchanged.
 */
export function eachTopicFirst(clusters: number[][], topics: readonly ReadonlySet<number>[]): number[][] {
  if (topics.length < 2) return clusters;
  const first = new Set<number[]>();
  for (const t of topics) {
    const c = clusters.find((c) => !first.has(c) && 2 * c.filter((a) => t.has(a)).length > c.length);
    if (c) first.add(c);
  }
  return [...clusters.filter((c) => first.has(c)), ...clusters.filter((c) => !first.has(c))];
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
    let title = index.title(top[0]!);
    let bestTitle = -1;
    for (const a of top) {
      const t = index.title(a);
      const c = centrality(shared, top.length, termStems(t));
      if (c > bestTitle) {
        bestTitle = c;
        title = t;
      }
    }
    return { title, members: top, candidates };
  });
}
