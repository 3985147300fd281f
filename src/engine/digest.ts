/**
 * Digests: the morning summary of what is new. The pool (articles added since a time, optionally
 * about some topics, newest first), clustered into up to six stories (cluster.ts), each story's
 * points chosen by the engine's PointSelection and citation-checked.
 */
import type { Digest, DigestOptions, Evidence, Story } from "../model.ts";
import { type CorpusIndex, termStems } from "../search/index.ts";
import { newestDate, passagesFor, sourcesFor, toPoints } from "./citations.ts";
import { clusterArticles } from "./cluster.ts";
import { mergeCandidates, readability, type Scored } from "./points.ts";
import { centrality, leadBonus, requiredMatches, type StoryRetrieval, sharedStems } from "./retrieval.ts";
import type { PointSelection } from "./selection/pointSelection.ts";

/** Which articles a digest covers: since, about (any of) the topics, newest first, at most 300. */
export interface DigestScope {
  since?: Date;
  topics?: string[];
}

/** The digest of the articles in scope, or a "nothing new" digest. */
export function buildDigest(index: CorpusIndex, selection: PointSelection, opts: DigestOptions = {}): Digest {
  const since = opts.since ?? null;
  const scope: DigestScope = {};
  if (opts.since) scope.since = opts.since;
  if (opts.topics) scope.topics = opts.topics;
  const pool = digestPool(index, scope);
  const topics = (opts.topics ?? []).filter((t) => t.trim());
  const about = topics.length > 0 ? ` about ${topics.join(", ")}` : "";
  if (pool.length === 0) {
    const summary = since
      ? `Nothing new${about} since ${since.toISOString().replace(/\.\d{3}Z$/, "Z")}.`
      : `No articles${about} in the corpus.`;
    return {
      since: since?.toISOString() ?? null,
      found: false,
      summary,
      stories: [],
      sources: [],
      engine: "extractive",
      asOf: null,
    };
  }
  const stories: Story[] = [];
  for (const s of storiesOf(index, pool)) {
    const points = toPoints(index, selection.storyPoints(index, s));
    if (points.length > 0) stories.push({ title: s.title, points });
  }
  const sources = sourcesFor(
    index,
    stories.flatMap((s) => s.points.flatMap((p) => p.sources)),
  );
  const n = pool.length;
  const window = since ? `added since ${since.toISOString().replace(/\.\d{3}Z$/, "Z")}` : "in the corpus";
  const summary = `${n} article${n === 1 ? "" : "s"}${about} ${window}, in ${stories.length} ${stories.length === 1 ? "story" : "stories"}.`;
  return {
    since: since?.toISOString() ?? null,
    found: stories.length > 0,
    summary,
    stories,
    sources,
    engine: "extractive",
    asOf: newestDate(sources),
  };
}

/** The evidence a digest of this scope is built from (for the LLM writer). */
export function digestEvidence(index: CorpusIndex, scope: DigestScope = {}): Evidence {
  const pool = digestPool(index, scope);
  const cands = storiesOf(index, pool).flatMap((s) => s.candidates.slice(0, 4));
  const { passages, sources } = passagesFor(index, cands, 40);
  return { query: (scope.topics ?? []).join(", "), passages, sources };
}

/** The article indexes a digest covers: added since, matching a topic, newest first, at most 300. */
export function digestPool(index: CorpusIndex, scope: DigestScope): number[] {
  const since = scope.since?.getTime();
  let pool: number[] = [];
  for (let i = 0; i < index.articles.length; i++) {
    if (!index.isLive(i)) continue;
    // Read from the index's per-article fields: no article text is decoded for the scan.
    if (since !== undefined && index.addedAtMs(i) < since) continue;
    pool.push(i);
  }
  const topics = (scope.topics ?? []).map((t) => t.trim()).filter(Boolean);
  if (topics.length > 0) {
    const matching = new Set<number>();
    for (const t of topics) {
      const concepts = index.concepts(t);
      const required = requiredMatches(concepts.length);
      for (const h of index.search(concepts, { limit: 400 }))
        if (h.matched.size >= required) matching.add(h.index);
    }
    pool = pool.filter((i) => matching.has(i));
  }
  // Newest first; a digest looks at the most recent few hundred.
  const key = (i: number) => {
    const d = index.day(i);
    return Number.isNaN(d) ? Number.NEGATIVE_INFINITY : d;
  };
  return pool
    .sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      return kb > ka ? 1 : kb < ka ? -1 : a - b;
    })
    .slice(0, 300);
}

/**
 * The pool's biggest stories (at most 6), each with its first 10 articles, their lead sentences
 * scored by readability, shared terms and position, and the title that best names the story.
 */
export function storiesOf(index: CorpusIndex, pool: number[]): StoryRetrieval[] {
  const clusters = clusterArticles(index, pool).slice(0, 6);
  return clusters.map((members) => {
    const top = members.slice(0, 10);
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
