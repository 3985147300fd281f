/**
 * Digests: the morning summary of what is new. The pool (articles added since a time, optionally
 * about some topics, newest first), clustered into up to six stories (cluster.ts), each story's
 * points chosen by the engine's PointSelection, given context where they need it, kept within the
 * story's word budget (STORY_WORDS, context included) and citation-checked.
 */
import { splitSentences } from "../corpus/sentences.ts";
import { message } from "../messages.ts";
import type { Digest, DigestCoverage, DigestOptions, Evidence, Point, Story } from "../model.ts";
import { plainText } from "../present/richText.ts";
import { type CorpusIndex, termStems } from "../search/index.ts";
import { isPageText, withoutLeadingFurniture, withoutLeadingPageLabels } from "../text/furniture.ts";
import { stemSet } from "../text/similarity.ts";
import { mergeDuplicateCitations, newestDate, passagesFor, sourcesFor, toPoints } from "./citations.ts";
import { clusterArticles } from "./cluster.ts";
import { opensOnInstruction } from "./fragments.ts";
import { compactHeadline, headlineFrom } from "./headlines.ts";
import { articleNames, type NameLexicon, namesAbsent } from "./names.ts";
import {
  allCapitals,
  cutTitle,
  headlineFlaw,
  SHORT_HEADLINE_WORDS,
  shorten,
  shownPoints,
  shownWords,
  titleOrPointsHeadline,
  withoutDateline,
  withoutPageWord,
} from "./phrasing.ts";
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
import { shownTitle, storyTitleWeakness } from "./storyTitles.ts";

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

/**
 * A point as a story's title: the sentence itself (its stop dropped) when it has at most
 * SHORT_HEADLINE_WORDS words, else shortened as an editor would (compactHeadline) keeping a share of
 * its words at least (`kept`), else null.
 */
function wholeOrCompact(text: string, kept = 0): string | null {
  const plain = withoutDateline(withoutPageWord(withoutLeadingPageLabels(text.trim())));
  if (shownWords(plain) <= SHORT_HEADLINE_WORDS) return shorten(plain, Number.MAX_SAFE_INTEGER);
  const c = compactHeadline(plain, SHORT_HEADLINE_WORDS);
  // Not cut so deep that it loses what made it tell the story ("… woke up one morning", cut from what
  // they woke up to).
  return c && shownWords(c) >= kept * shownWords(plain) ? c : null;
}

/**
 * Share of its words a point further down keeps at least when shortened to head the story (a lead
 * sentence, the report's own summing up, may be cut deeper).
 */
const KEPT_SHARE = 0.6;

/** How much a title loses for naming only what the points don't (per share of its names absent). */
const ABSENT_NAMES = 0.6;

/**
 * A story's title from what it cites: the title of a cited article that shares the most with the
 * story's points, an article behind the first (main) point preferred (ties: the article cited by more
 * points, then the story's own ranking), one naming what the points don't (names.ts) avoided; when no
 * cited title shares a content word with the points, the main (first) point, as a headline.
 */
export function storyTitle(
  index: CorpusIndex,
  story: StoryRetrieval,
  points: Point[],
  lexicon?: NameLexicon,
): string {
  const texts = points.map((p) => p.text);
  const pointStems = new Set(points.flatMap((p) => [...stemSet(p.text)]));
  const citedBy = new Map<string, number>();
  for (const p of points) for (const id of p.sources) citedBy.set(id, (citedBy.get(id) ?? 0) + 1);
  const ranked: { title: string; score: number }[] = [];
  for (const [id, n] of citedBy) {
    const a = index.indexOf(id);
    if (a === undefined) continue;
    const title = index.articles[a]!.title.trim();
    if (title.split(/\s+/).length < 3 || cutTitle(title) || allCapitals(title)) continue;
    const stems = [...stemSet(title)];
    if (stems.length === 0) continue;
    const shared = stems.filter((s) => pointStems.has(s)).length / stems.length;
    if (shared === 0) continue;
    const rank = story.members.indexOf(a);
    // The story's first point is its main one: an article behind it names the story best.
    const lead = points[0]?.sources.includes(id) ? 0.25 : 0;
    // A title naming what no point mentions ("US rates …" over points on the UK's) heads another story.
    const absent = lexicon ? namesAbsent(lexicon, title, texts) : 0;
    const score = shared + lead + 0.05 * n - 0.001 * (rank < 0 ? 10 : rank) - ABSENT_NAMES * absent;
    ranked.push({ title, score });
  }
  ranked.sort((a, b) => b.score - a.score);
  if (ranked.length === 0 && points.length === 0) return story.title;
  // The first of these that heads the story well (storyTitleWeakness): the best title as shown (no date
  // stamp, dateline or page's word before it), or shortened as an editor would when only too long; the
  // points' headline (headlineFrom, the main point first); the best title long when it is only that; a
  // later point that tells the main one's story (two content words in common), whole when short or
  // shortened as an editor would (never cut at a clause: "Wild orcas live in large"); another cited
  // title. None does: as before, the best title or the points' headline, whichever reads
  // (titleOrPointsHeadline), or the points' headline.
  const best = ranked[0];
  // A point that holds two sentences (a splitter's miss: "… on Monday. The aides said …") heads with
  // one of them, not cut across the stop.
  const sentences = texts.flatMap((t) => {
    const ss = splitSentences(t);
    return ss.length > 1 ? ss : [t];
  });
  const fromPoints = headlineFrom(sentences);
  const shown = best ? shownTitle(best.title) : null;
  const bestWeakness = shown ? storyTitleWeakness(shown, false) : null;
  if (shown && !bestWeakness) return shown;
  const main = stemSet(texts[0] ?? "");
  const related = (t: string) => [...stemSet(t)].filter((x) => main.has(x)).length >= 2;
  const candidates: { make: () => string | null; needsVerb: boolean }[] = [
    {
      make: () => (shown && bestWeakness === "long" ? compactHeadline(shown, SHORT_HEADLINE_WORDS) : null),
      needsVerb: true,
    },
    { make: () => fromPoints, needsVerb: true },
  ];
  // A title only too long still names the main point: before a later point or another title.
  if (shown && bestWeakness === "long") candidates.push({ make: () => shown, needsVerb: false });
  for (const t of sentences.slice(1))
    candidates.push({ make: () => (related(t) ? wholeOrCompact(t, KEPT_SHARE) : null), needsVerb: true });
  // A lead sentence of a cited article the story ranked (storiesOf) that tells the main point's story.
  const cited = new Set(points.flatMap((p) => p.sources.map((id) => index.indexOf(id) ?? -1)));
  // (Not one with an ellipsis inside, a caption's or a teaser's cut: "… collapsed... ap10thingstosee".)
  const leadRelated = (t: string) => [...stemSet(t)].filter((x) => main.has(x)).length >= LEAD_SHARED;
  for (const c of story.candidates.slice(0, LEAD_CANDIDATES))
    if (c.articles.some((a) => cited.has(a)) && !texts.includes(c.text) && !/…|\.\.\./.test(c.text))
      candidates.push({ make: () => (leadRelated(c.text) ? wholeOrCompact(c.text) : null), needsVerb: true });
  // Another cited title heads in its own words only when it reads as a sentence (its verb too).
  for (const r of ranked.slice(1)) candidates.push({ make: () => shownTitle(r.title), needsVerb: true });
  const made: { h: string; weak: string }[] = [];
  for (const c of candidates) {
    const h = c.make();
    if (!h) continue;
    const weak = storyTitleWeakness(h, c.needsVerb);
    if (!weak || (h === shown && weak === "long")) return h;
    made.push({ h, weak });
  }
  // None heads well: as before, the best title or the points' headline, whichever reads
  // (titleOrPointsHeadline); but rather than one cut with "…", a complete sentence a little long (a
  // candidate only too long, or the main point whole up to LONG_TITLE_WORDS).
  const fallback = best ? titleOrPointsHeadline(best.title, () => fromPoints) : fromPoints;
  if (!cutTitle(fallback)) return fallback;
  const mainWhole = sentences[0] ? asWholeSentence(sentences[0]) : null;
  const whole = made.find((m) => m.weak === "long")?.h ?? mainWhole;
  return whole && !headlineFlaw(whole) ? whole : fallback;
}

/** How many of a story's ranked lead sentences (storiesOf) may head it when no point does. */
const LEAD_CANDIDATES = 6;

/** Content words a lead sentence shares with the main point at least, to head the story in its place. */
const LEAD_SHARED = 2;

/** Most words a story's main point may have and still head it whole when nothing shorter heads well. */
const LONG_TITLE_WORDS = 30;

/** A sentence whole as a title (its stop dropped) when it has at most LONG_TITLE_WORDS words; else null. */
function asWholeSentence(text: string): string | null {
  const plain = withoutDateline(withoutLeadingPageLabels(text.trim()));
  return shownWords(plain) <= LONG_TITLE_WORDS ? shorten(plain, Number.MAX_SAFE_INTEGER) : null;
}
