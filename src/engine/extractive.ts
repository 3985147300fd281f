/**
 * The extractive engine: briefings, answers and digests built only from sentences of the corpus,
 * every point cited and checked. It also exposes its retrieval (EvidenceProvider) so another writer
 * (the LLM) is grounded on exactly the same evidence.
 */
import type {
  Answer,
  Article,
  AskOptions,
  Briefing,
  BriefOptions,
  Digest,
  DigestOptions,
  Disagreement,
  Engine,
  Evidence,
  EvidenceProvider,
  Passage,
  Point,
  Source,
  Story,
} from "../model.ts";
import { type ArticleHit, type Concept, CorpusIndex, type Sentence, termStems } from "../search/index.ts";
import { DEFAULT_CONCEPT_CONFIG, SentenceKeyCache } from "../summarize/concepts.ts";
import { nearIdentical, stemSet } from "../text/similarity.ts";
import { clusterArticles } from "./cluster.ts";
import { coverageSentences } from "./coverage.ts";
import { type Conflict, findConflicts, findDisagreements } from "./disagreements.ts";
import {
  articleSupports,
  type Candidate,
  mergeCandidates,
  pickPoints,
  readability,
  redundant,
  relevance,
  type Scored,
} from "./points.ts";
import { TopicSuggester } from "./topics.ts";

export interface ExtractiveEngineOptions {
  /**
   * How briefing and digest points are chosen: "coverage" (default) runs the summarizer's concept-coverage
   * selection over the retrieved articles (src/engine/coverage.ts); "scored" is the earlier per-sentence
   * score (relevance × readability × lead position × shared terms), kept to measure against.
   */
  selection?: "coverage" | "scored";
  /**
   * Where coverage selection gets its sentences: "cached" (default) the index's cached split;
   * "resplit" the earlier path that re-split every article's text per briefing (kept for the bench).
   */
  coverageSplit?: "cached" | "resplit";
}

/** Word budget of a briefing's coverage selection (3–6 points of whole sentences). */
const BRIEF_WORDS = 150;
/** Word budget of one digest story's coverage selection (1–3 points). */
const STORY_WORDS = 75;
/**
 * What a sentence that mentions none of the topic's words is worth, relative to its coverage: nothing
 * (a briefing on "laborers" is about the laborers, not the whole story; the scored candidates top it
 * up when fewer than 3 sentences match). On DUC 2007 a factor of 0.4 scored 33.52 / 9.16 against
 * 0 → 33.20 / 9.03 (npm run eval:brief): a negligible cost for briefings that stay on topic.
 */
const OFF_TOPIC = 0;

/** What a briefing is built from (shared by brief() and briefEvidence()). */
interface TopicRetrieval {
  concepts: Concept[];
  hits: ArticleHit[];
  candidates: Candidate[];
}

interface AnswerRetrieval {
  candidates: Candidate[];
  hits: ArticleHit[];
}

const MAX_TOP_ARTICLES = 12;
/**
 * How much of a question a claim must cover to be shown as a side of a disagreement the question hits
 * (the thing counted already matches; this keeps claims about other places or times out).
 */
const CONFLICT_RELEVANCE = 0.3;

function leadBonus(position: number): number {
  if (position === 0) return 1;
  if (position === 1) return 0.7;
  if (position === 2) return 0.5;
  return 0.3 / (1 + position / 8);
}

/** Concepts a topic must match: all of one or two, most of more. */
function requiredMatches(n: number): number {
  return n <= 2 ? n : Math.ceil(n * 0.6);
}

/** "What is the capital of Peru?" → "the capital of Peru". */
export function questionSubject(question: string): string {
  let q = question.trim().replace(/[?!.\s]+$/u, "");
  for (let i = 0; i < 3; i++) {
    q = q
      .replace(
        /^(what|who|whom|whose|when|where|why|which|how(\s+(many|much|long|often|far|big|old))?|is|are|was|were|do|does|did|can|could|will|would|should|has|have|had|tell me|please)\b[\s,]*/i,
        "",
      )
      .trim();
  }
  return q;
}

function shorten(text: string, maxWords = 16): string {
  const t = text.replace(/[.!]["'”’]?$/u, (m) => m.slice(1)).trim();
  const words = t.split(/\s+/);
  if (words.length <= maxWords) return t;
  const cut = words.slice(0, maxWords + 6).join(" ");
  // Prefer ending at a clause boundary: punctuation, or where a relative or subordinate clause begins.
  const m = /^(.{30,}?)(,|;| –| —| - | (?=(?:whose|which|who|while|after|before|because) ))\s?/.exec(cut);
  if (m && m[1]!.split(/\s+/).length >= 6) return m[1]!.replace(/[,;]$/, "");
  return `${words.slice(0, maxWords).join(" ")}…`;
}

const QUANTITY_WORD = /^(\d[\d,.]*\w*|dozens|hundreds|thousands|millions|billions|tens|several|many)$/i;

/** What a question asks for: a figure ("how many", "what percentage"), a day or date ("when"), or neither. */
export function questionKind(question: string): "quantity" | "day" | null {
  const q = question.trim().toLowerCase();
  if (/^(how (many|much|big|large|long|old|far)|what (number|percentage|share|amount))\b/.test(q))
    return "quantity";
  if (/^(when|what (day|date|time|year|month))\b/.test(q)) return "day";
  return null;
}

/** "Number of North Korean labourers" → "number of North Korean labourers" (proper nouns kept). */
function lowerFirst(text: string): string {
  return text.replace(/^[A-Z][a-z]/, (x) => x.toLowerCase());
}

/**
 * Whether a sentence has the kind of answer the question's wording asks for: "how many workers" wants
 * a number attached to the workers; "when" wants a day, date or time.
 */
function answerKind(question: string, concepts: Concept[]): ((s: Sentence) => boolean) | null {
  const kind = questionKind(question);
  if (kind === "quantity") {
    const targets = new Set(concepts.flatMap((c) => [c.stem, ...c.related]));
    return (s) => {
      const ws = s.text.split(/\s+/);
      for (let i = 0; i < ws.length; i++) {
        if (!QUANTITY_WORD.test(ws[i]!.replace(/^[$£€]/, ""))) continue;
        if (termStems(ws.slice(i + 1, i + 6).join(" ")).some((t) => targets.has(t))) return true;
      }
      return false;
    };
  }
  if (kind === "day") {
    const re =
      /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|yesterday|week|month|year|january|february|march|april|may|june|july|august|september|october|november|december|\d{4})\b/i;
    return (s) => re.test(s.text);
  }
  return null;
}

/** Adds candidates (best first) that repeat none of `picked` until there are `min`. */
function topUp(picked: Candidate[], fallback: Candidate[], min: number): Candidate[] {
  const out = [...picked];
  for (const c of fallback) {
    if (out.length >= min) break;
    if (out.some((p) => redundant(p.stems, c.stems))) continue;
    out.push(c);
  }
  return out;
}

export class ExtractiveEngine implements Engine, EvidenceProvider {
  readonly index: CorpusIndex;
  private readonly suggester: TopicSuggester;
  private readonly selection: "coverage" | "scored";
  private readonly coverageSplit: "cached" | "resplit";
  /** Summarizer concept keys of sentences already modelled (coverage selection, cached path). */
  private readonly keyCache = new SentenceKeyCache(DEFAULT_CONCEPT_CONFIG);

  constructor(articles: readonly Article[], opts: ExtractiveEngineOptions = {}) {
    this.selection = opts.selection ?? "coverage";
    this.coverageSplit = opts.coverageSplit ?? "cached";
    this.index = new CorpusIndex(articles);
    this.suggester = new TopicSuggester(articles);
  }

  get articles(): readonly Article[] {
    return this.index.articles;
  }

  private source(a: number): Source {
    const art = this.index.articles[a]!;
    const src: Source = {
      id: art.id,
      title: art.title,
      publisher: art.publisher,
      date: art.date,
      location: art.location,
    };
    if (art.url) src.url = art.url;
    return src;
  }

  /** Cited article indexes → checked Point (sources that fail the citation check are dropped). */
  private toPoint(c: Candidate): Point | null {
    const ids: string[] = [];
    for (const a of c.articles) {
      if (!articleSupports(this.index, a, c.text)) continue;
      const id = this.index.articles[a]!.id;
      if (!ids.includes(id)) ids.push(id);
    }
    return ids.length > 0 ? { text: c.text, sources: ids } : null;
  }

  private sourcesFor(ids: Iterable<string>): Source[] {
    return [...new Set(ids)].flatMap((id) => {
      const i = this.index.indexOf(id);
      return i === undefined ? [] : [this.source(i)];
    });
  }

  private newestDate(sources: Source[]): string | null {
    let best: string | null = null;
    for (const s of sources) if (s.date && (!best || s.date > best)) best = s.date;
    return best;
  }

  /** Evidence passages for candidates: each cited article's own near-identical sentence. */
  private passagesFor(cands: Candidate[], limit: number): { passages: Passage[]; sources: Source[] } {
    const passages: Passage[] = [];
    const used = new Set<number>();
    for (const c of cands) {
      for (const a of c.articles) {
        if (passages.length >= limit) break;
        const own = this.index.sentences(a).find((s) => s.text === c.text || nearIdentical(s.stems, c.stems));
        const text = own?.text ?? c.text;
        if (!articleSupports(this.index, a, text)) continue;
        used.add(a);
        passages.push({ n: passages.length + 1, sourceId: this.index.articles[a]!.id, text });
      }
    }
    return { passages, sources: this.sourcesFor([...used].map((a) => this.index.articles[a]!.id)) };
  }

  // ---------------------------------------------------------------- briefings

  private retrieveTopic(topic: string): TopicRetrieval {
    const concepts = this.index.concepts(topic);
    if (concepts.length === 0) return { concepts, hits: [], candidates: [] };
    const required = requiredMatches(concepts.length);
    const hits = this.index.search(concepts, { limit: 60 }).filter((h) => h.matched.size >= required);
    if (hits.length === 0) return { concepts, hits, candidates: [] };
    const best = hits[0]!.score;
    const top = hits.filter((h) => h.score >= best * 0.15).slice(0, MAX_TOP_ARTICLES);
    // Terms shared by the top articles: what the story is about, beyond the query words.
    const shared = new Map<string, number>();
    for (const h of top) {
      const seen = new Set<string>();
      for (const s of this.index.sentences(h.index)) for (const st of s.stems) seen.add(st);
      for (const st of seen) shared.set(st, (shared.get(st) ?? 0) + 1);
    }
    const scored: Scored[] = [];
    for (const h of top) {
      const articleWeight = 0.8 + 0.2 * (h.score / best);
      for (const s of this.index.sentences(h.index)) {
        const q = readability(s.text);
        if (q === 0) continue;
        const rel = relevance(s.stems, concepts);
        let central = 0;
        for (const st of s.stems) central += (shared.get(st) ?? 0) / top.length;
        central = s.stems.size > 0 ? central / s.stems.size : 0;
        let score = q * articleWeight * (rel + 0.35 * leadBonus(s.position) + 0.4 * central);
        if (rel === 0) score *= 0.4;
        scored.push({ sentence: s, score });
      }
    }
    scored.sort((a, b) => b.score - a.score);
    const candidates = mergeCandidates(
      this.index,
      scored.slice(0, 60),
      top.map((h) => h.index),
    );
    return { concepts, hits: top, candidates };
  }

  briefEvidence(topic: string): Evidence {
    const r = this.retrieveTopic(topic);
    const { passages, sources } = this.passagesFor(r.candidates.slice(0, 12), 24);
    return { query: topic, passages, sources };
  }

  async brief(topic: string, _opts: BriefOptions = {}): Promise<Briefing> {
    const clean = topic.trim();
    const r = this.retrieveTopic(clean);
    if (r.candidates.length === 0) {
      return {
        topic: clean,
        found: false,
        headline: `Nothing found about “${clean}” in the ${this.index.size} articles of the corpus.`,
        points: [],
        sources: [],
        disagreements: [],
        engine: "extractive",
        asOf: null,
      };
    }
    const picked =
      this.selection === "scored"
        ? pickPoints(r.candidates, { max: 6, min: 3, ratio: 0.4 })
        : this.coveragePoints(clean, r);
    const [first, ...rest] = picked;
    rest.sort((a, b) => a.position - b.position || b.score - a.score);
    const points = [first!, ...rest].map((c) => this.toPoint(c)).filter((p): p is Point => p !== null);

    const sentences: Sentence[] = r.hits.flatMap((h) => this.index.sentences(h.index));
    const disagreements = this.checkedDisagreements(
      findDisagreements(sentences, (a) => this.index.articles[a]!.id),
      sentences,
    );

    const cited = [
      ...points.flatMap((p) => p.sources),
      ...disagreements.flatMap((d) => d.claims.flatMap((c) => c.sources)),
    ];
    const sources = this.sourcesFor(cited);
    return {
      topic: clean,
      found: points.length > 0,
      headline: this.headline(r, points, disagreements),
      points,
      sources,
      disagreements,
      engine: "extractive",
      asOf: this.newestDate(sources),
    };
  }

  /**
   * Briefing points by concept coverage over the retrieved articles, merged across sources, no two
   * redundant; topped up to 3 from the scored candidates when coverage finds fewer.
   */
  private coveragePoints(topic: string, r: TopicRetrieval): Candidate[] {
    const top = r.hits.map((h) => h.index);
    const scored = coverageSentences(this.index, top, {
      words: BRIEF_WORDS,
      concepts: r.concepts,
      query: [topic, ...r.concepts.flatMap((c) => c.related)].join(" "),
      offTopic: OFF_TOPIC,
      split: this.coverageSplit,
      keyCache: this.keyCache,
    });
    const picked = pickPoints(mergeCandidates(this.index, scored, top), { max: 6, min: 0, ratio: 0 });
    return topUp(picked, r.candidates, 3);
  }

  /** Keeps only claims whose every source passes the citation check. */
  private checkedDisagreements(ds: Disagreement[], sentences: Sentence[]): Disagreement[] {
    const indexOf = new Map<string, number>();
    for (const s of sentences) indexOf.set(this.index.articles[s.article]!.id, s.article);
    const out: Disagreement[] = [];
    for (const d of ds) {
      const claims = d.claims
        .map((c) => ({
          text: c.text,
          sources: c.sources.filter((id) => {
            const a = indexOf.get(id);
            return a !== undefined && articleSupports(this.index, a, c.text);
          }),
        }))
        .filter((c) => c.sources.length > 0);
      if (new Set(claims.flatMap((c) => c.sources)).size >= 2 && claims.length >= 2)
        out.push({ about: d.about, claims });
    }
    return out;
  }

  private headline(r: TopicRetrieval, points: Point[], disagreements: Disagreement[] = []): string {
    const required = requiredMatches(r.concepts.length);
    for (const h of r.hits.slice(0, 5)) {
      const title = this.index.articles[h.index]!.title;
      const stems = new Set(termStems(title));
      const matched = r.concepts.filter(
        (c) => stems.has(c.stem) || c.related.some((x) => stems.has(x)),
      ).length;
      if (matched >= required) return title;
    }
    // No title fits: a short point reads best as a headline; else the first point, cut at a clause.
    // A claim the sources dispute is no headline: it would state one side as fact.
    const disputed = new Set(disagreements.flatMap((d) => d.claims.map((c) => c.text)));
    const undisputed = points.filter((p) => !disputed.has(p.text));
    const short = undisputed.slice(0, 3).find((p) => p.text.split(/\s+/).length <= 14);
    const lead = short ?? undisputed[0] ?? points[0];
    return shorten(lead?.text ?? this.index.articles[r.hits[0]!.index]!.title);
  }

  // ---------------------------------------------------------------- answers

  private retrieveAnswer(question: string, opts: { context?: string; history?: string[] }): AnswerRetrieval {
    const ctxText = [opts.context ?? "", ...(opts.history ?? []).slice(-2)].join(" ");
    const own = this.index.concepts(question, { question: true });
    // A follow-up with no words of its own ("How many are there?") asks about the thread's topic.
    const q = own.length > 0 ? own : this.index.concepts(opts.context ?? "", { question: true });
    if (q.length === 0) return { candidates: [], hits: [] };
    const qStems = new Set(q.map((c) => c.stem));
    const ctx = this.index.concepts(ctxText, { question: true }).filter((c) => !qStems.has(c.stem));
    const weights = new Map<string, number>();
    for (const c of ctx) weights.set(c.stem, 0.35);
    const hits = this.index
      .search([...q, ...ctx], { limit: 40, weights })
      .filter((h) => q.some((c) => h.matched.has(c.stem)))
      .slice(0, MAX_TOP_ARTICLES);
    if (hits.length === 0) return { candidates: [], hits };
    const best = hits[0]!.score;
    const wants = answerKind(question, q);
    const scored: Scored[] = [];
    for (const h of hits) {
      const articleWeight = 0.85 + 0.15 * (h.score / best);
      for (const s of this.index.sentences(h.index)) {
        const rq = relevance(s.stems, q);
        if (rq < 0.5) continue;
        const quality = readability(s.text);
        if (quality === 0) continue;
        const rc = ctx.length > 0 ? relevance(s.stems, ctx) : 0;
        scored.push({
          sentence: s,
          score:
            quality *
            articleWeight *
            (wants && !wants(s) ? 0.6 : 1) *
            (rq * rq + 0.3 * rc + 0.1 * leadBonus(s.position)),
        });
      }
    }
    scored.sort((a, b) => b.score - a.score);
    return {
      candidates: mergeCandidates(
        this.index,
        scored.slice(0, 30),
        hits.map((h) => h.index),
      ),
      hits,
    };
  }

  askEvidence(question: string, opts: { context?: string; history?: string[] } = {}): Evidence {
    const r = this.retrieveAnswer(question, opts);
    const { passages, sources } = this.passagesFor(r.candidates.slice(0, 8), 16);
    return { query: question, passages, sources };
  }

  async ask(question: string, opts: AskOptions = {}): Promise<Answer> {
    const clean = question.trim();
    const retrieveOpts: { context?: string; history?: string[] } = {};
    if (opts.context) retrieveOpts.context = opts.context;
    if (opts.history) retrieveOpts.history = opts.history;
    const r = this.retrieveAnswer(clean, retrieveOpts);
    const picked = pickPoints(r.candidates, { max: 3, min: 1, ratio: 0.6 });
    const points = picked.map((c) => this.toPoint(c)).filter((p): p is Point => p !== null);
    if (points.length === 0) {
      const vague = this.index.concepts(clean, { question: true }).length === 0;
      if (vague) {
        return {
          question: clean,
          found: false,
          answer:
            "I need a little more to go on: ask about a person, place, figure or event in the articles, e.g. “How many workers are there?”",
          points: [],
          sources: [],
          engine: "extractive",
        };
      }
      const subject = questionSubject(clean);
      return {
        question: clean,
        found: false,
        answer: subject ? `The articles don't say anything about ${subject}.` : "The articles don't say.",
        points: [],
        sources: [],
        engine: "extractive",
      };
    }
    const conflict = this.answerConflict(clean, r);
    if (conflict) {
      // Both sides first, each with its sources; then the best other points that repeat neither.
      const sides = conflict.claims.map((c) => ({ text: c.text, sources: c.sources }));
      const sideStems = sides.map((p) => stemSet(p.text));
      const others = points.filter((p) => {
        const st = stemSet(p.text);
        return !sideStems.some((x) => nearIdentical(x, st) || redundant(x, st));
      });
      const all = [...sides, ...others].slice(0, Math.max(4, sides.length));
      return {
        question: clean,
        found: true,
        answer: this.conflictSentence(conflict),
        points: all,
        sources: this.sourcesFor(all.flatMap((p) => p.sources)),
        engine: "extractive",
      };
    }
    return {
      question: clean,
      found: true,
      answer: points[0]!.text,
      points,
      sources: this.sourcesFor(points.flatMap((p) => p.sources)),
      engine: "extractive",
    };
  }

  /**
   * A disagreement among the retrieved articles about what a "how many" or "when" question asks: the
   * same kind (figures or days), about something the question names, each claim passing the citation
   * check and the question's relevance bar, at least two sources on different sides.
   */
  private answerConflict(question: string, r: AnswerRetrieval): Conflict | null {
    const kind = questionKind(question);
    if (!kind || r.hits.length < 2) return null;
    const q = this.index.concepts(question, { question: true });
    const sentences: Sentence[] = r.hits.flatMap((h) => this.index.sentences(h.index));
    const idOf = (a: number) => this.index.articles[a]!.id;
    for (const c of findConflicts(sentences, idOf)) {
      if (c.kind !== kind) continue;
      if (relevance(new Set(termStems(c.about)), q) === 0) continue;
      const claims = c.claims
        .filter((x) => relevance(stemSet(x.text), q) >= CONFLICT_RELEVANCE)
        .map((x) => ({
          ...x,
          sources: x.sources.filter((id) => {
            const a = this.index.indexOf(id);
            return a !== undefined && articleSupports(this.index, a, x.text);
          }),
        }))
        .filter((x) => x.sources.length > 0);
      // Still a disagreement: two sides left, from different sources.
      const sides = new Map<number, Set<string>>();
      for (const x of claims)
        for (const id of x.sources) (sides.get(x.side) ?? sides.set(x.side, new Set()).get(x.side)!).add(id);
      const all = new Set(claims.flatMap((x) => x.sources));
      if (sides.size >= 2 && all.size >= 2) return { ...c, claims };
    }
    return null;
  }

  /**
   * "Sources differ on the number of X: around 10,000 (Publisher A), 10,000 (“Title B”) vs tens of
   * thousands (Publisher C)." Plain text: each figure named by its sources (publisher, else title);
   * the points carry the citations.
   */
  private conflictSentence(c: Conflict): string {
    const name = (id: string) => {
      const a = this.index.indexOf(id);
      const art = a === undefined ? undefined : this.index.articles[a];
      if (!art) return id;
      return art.publisher ?? `“${shorten(art.title, 8)}”`;
    };
    const bySide = new Map<number, string[]>();
    for (const x of c.claims) {
      const names = [...new Set(x.sources.map(name))].join(", ");
      const list = bySide.get(x.side) ?? [];
      list.push(`${x.values.join(" or ")} (${names})`);
      bySide.set(x.side, list);
    }
    const sides = [...bySide.values()].map((l) => l.join(", "));
    return `Sources differ on the ${lowerFirst(c.about)}: ${sides.join(" vs ")}.`;
  }

  // ---------------------------------------------------------------- digests

  private digestPool(opts: { since?: Date; topics?: string[] }): number[] {
    const since = opts.since?.getTime();
    let pool: number[] = [];
    for (let i = 0; i < this.index.articles.length; i++) {
      if (since !== undefined && Date.parse(this.index.articles[i]!.addedAt) < since) continue;
      pool.push(i);
    }
    const topics = (opts.topics ?? []).map((t) => t.trim()).filter(Boolean);
    if (topics.length > 0) {
      const matching = new Set<number>();
      for (const t of topics) {
        const concepts = this.index.concepts(t);
        const required = requiredMatches(concepts.length);
        for (const h of this.index.search(concepts, { limit: 400 }))
          if (h.matched.size >= required) matching.add(h.index);
      }
      pool = pool.filter((i) => matching.has(i));
    }
    // Newest first; a digest looks at the most recent few hundred.
    const key = (i: number) => {
      const a = this.index.articles[i]!;
      return a.date ?? a.addedAt.slice(0, 10);
    };
    return pool.sort((a, b) => key(b).localeCompare(key(a)) || a - b).slice(0, 300);
  }

  private stories(pool: number[]): { title: string; members: number[]; candidates: Candidate[] }[] {
    const clusters = clusterArticles(this.index, pool).slice(0, 6);
    return clusters.map((members) => {
      const top = members.slice(0, 10);
      const shared = new Map<string, number>();
      for (const a of top) {
        const seen = new Set<string>();
        for (const s of this.index.sentences(a).slice(0, 6)) for (const st of s.stems) seen.add(st);
        for (const st of seen) shared.set(st, (shared.get(st) ?? 0) + 1);
      }
      const centrality = (stems: Iterable<string>) => {
        let sum = 0;
        let n = 0;
        for (const st of stems) {
          sum += (shared.get(st) ?? 0) / top.length;
          n++;
        }
        return n > 0 ? sum / n : 0;
      };
      const scored: Scored[] = [];
      for (const a of top) {
        for (const s of this.index.sentences(a).slice(0, 5)) {
          const q = readability(s.text);
          if (q === 0) continue;
          scored.push({ sentence: s, score: q * (centrality(s.stems) + 0.5 * leadBonus(s.position)) });
        }
      }
      const candidates = mergeCandidates(this.index, scored, top);
      let title = this.index.articles[top[0]!]!.title;
      let bestTitle = -1;
      for (const a of top) {
        const t = this.index.articles[a]!.title;
        const c = centrality(termStems(t));
        if (c > bestTitle) {
          bestTitle = c;
          title = t;
        }
      }
      return { title, members: top, candidates };
    });
  }

  /** A story's 1–3 points: concept coverage over its articles, or the scored lead sentences. */
  private storyPoints(s: { members: number[]; candidates: Candidate[] }): Candidate[] {
    if (this.selection === "scored") return pickPoints(s.candidates, { max: 3, min: 1, ratio: 0.5 });
    const scored = coverageSentences(this.index, s.members, {
      words: STORY_WORDS,
      split: this.coverageSplit,
      keyCache: this.keyCache,
    });
    const picked = pickPoints(mergeCandidates(this.index, scored, s.members), { max: 3, min: 0, ratio: 0 });
    return topUp(picked, s.candidates, 1);
  }

  digestEvidence(opts: { since?: Date; topics?: string[] } = {}): Evidence {
    const pool = this.digestPool(opts);
    const cands = this.stories(pool).flatMap((s) => s.candidates.slice(0, 4));
    const { passages, sources } = this.passagesFor(cands, 40);
    return { query: (opts.topics ?? []).join(", "), passages, sources };
  }

  async digest(opts: DigestOptions = {}): Promise<Digest> {
    const since = opts.since ?? null;
    const poolOpts: { since?: Date; topics?: string[] } = {};
    if (opts.since) poolOpts.since = opts.since;
    if (opts.topics) poolOpts.topics = opts.topics;
    const pool = this.digestPool(poolOpts);
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
    for (const s of this.stories(pool)) {
      const points = this.storyPoints(s)
        .map((c) => this.toPoint(c))
        .filter((p): p is Point => p !== null);
      if (points.length > 0) stories.push({ title: s.title, points });
    }
    const sources = this.sourcesFor(stories.flatMap((s) => s.points.flatMap((p) => p.sources)));
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
      asOf: this.newestDate(sources),
    };
  }

  suggestTopics(prefix: string, limit = 10): string[] {
    return this.suggester.suggest(prefix, limit);
  }

  /**
   * Builds what the first request would otherwise build (topic suggestions: ~1 s on 2,225 articles),
   * in slices that let the event loop run between them. For long-running processes; the CLI stays lazy.
   */
  async warmUp(): Promise<void> {
    await this.suggester.warmUp();
  }
}

/** The extractive engine over a list of articles. */
export function createExtractiveEngine(
  articles: readonly Article[],
  opts: ExtractiveEngineOptions = {},
): ExtractiveEngine {
  return new ExtractiveEngine(articles, opts);
}
