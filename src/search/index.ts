/**
 * Retrieval over a corpus: an inverted index of ARTICLES (BM25, title boosted), with our own tokenising
 * (British→American spelling, Porter stems, stopwords) and near-synonym expansion weighted below the
 * exact terms. Sentences are split and scored lazily, only for the articles a query ranks on top,
 * and cached.
 */
import { splitSentences } from "../corpus/sentences.ts";
import type { Article } from "../model.ts";
import { withoutLeadingLabels } from "../text/furniture.ts";
import { relatedStems } from "../text/synonyms.ts";
import { STOPWORDS, stem, words } from "../text/tokens.ts";
import { dedupeSentences } from "./dedupe.ts";
import { type IndexState, SegmentedIndex } from "./segments.ts";

/** Words that make a request a question or a command, not part of its subject. */
const QUESTION_WORDS = new Set(
  (
    "what who whom whose when where why how which many much does did do is are was were will would can could " +
    "should tell me about know happen happened happening going latest news explain anything something there " +
    "thing things please give show brief briefing summary summarize update updates any kind sort"
  ).split(" "),
);

/** One concept of a query: a stem, its near-synonyms, and how rare it is in the corpus. */
export interface Concept {
  stem: string;
  related: string[];
  /** Inverse document frequency of the stem (or of its most frequent near-synonym when the stem is absent). */
  idf: number;
  /** The word as the user typed it. */
  surface: string;
}

/** A sentence of an article, with what scoring needs. */
export interface Sentence {
  text: string;
  stems: Set<string>;
  /** Position in its article, 0-based, and the article's sentence count. */
  position: number;
  total: number;
  /** Index of its article in the corpus. */
  article: number;
}

export interface ArticleHit {
  /** Index into `articles`. */
  index: number;
  score: number;
  /** Concepts (by stem) the article matches, exactly or by near-synonym. */
  matched: Set<string>;
}

/** word → its stem, or "" for a word the index ignores (stopwords, one letter). */
const TERM_CACHE = new Map<string, string>();

/** Content stems of a text, in order (stopwords and one-letter tokens dropped). */
export function termStems(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    let s = TERM_CACHE.get(w);
    if (s === undefined) {
      s = w.length < 2 || STOPWORDS.has(w) ? "" : stem(w);
      if (TERM_CACHE.size > 500_000) TERM_CACHE.clear();
      TERM_CACHE.set(w, s);
    }
    if (s) out.push(s);
  }
  return out;
}

const SENTENCE_CACHE_LIMIT = 4_000;
/**
 * Titles kept (a few MB at most): a digest reads the titles of up to 3,000 articles each time, more
 * than the store keeps decoded (segments.ts ARTICLE_CACHE), and a title read again should not decode
 * its article again.
 */
const TITLE_CACHE_LIMIT = 16_384;

/** Puts `value` in a cache of at most `limit` entries, the oldest entry giving way; returns the value. */
function keep<V>(cache: Map<number, V>, key: number, value: V, limit: number): V {
  if (cache.size >= limit) {
    const first = cache.keys().next().value;
    if (first !== undefined) cache.delete(first);
  }
  cache.set(key, value);
  return value;
}

/** What a removed article's position reads as (positions never move, so cached positions stay valid). */
function tombstone(): Article {
  return { id: "", title: "", publisher: null, date: null, location: "", paragraphs: [], addedAt: "" };
}

/** The articles as a read-only array whose items are read from the index on demand. */
function articleView(store: SegmentedIndex): readonly Article[] {
  const removed = tombstone();
  return new Proxy([] as Article[], {
    get(target, prop, receiver) {
      if (prop === "length") return store.count;
      if (typeof prop === "string") {
        const c = prop.charCodeAt(0);
        if (c >= 48 && c <= 57) {
          const i = Number(prop);
          if (Number.isInteger(i) && i < store.count) return store.article(i) ?? removed;
          return undefined;
        }
      }
      return Reflect.get(target, prop, receiver);
    },
    has(target, prop) {
      if (typeof prop === "string" && /^\d+$/.test(prop)) return Number(prop) < store.count;
      return Reflect.has(target, prop);
    },
  });
}

/**
 * The corpus and its index (src/search/segments.ts holds both, compactly). Live (the store's
 * LiveCorpus, store/types.ts): `upsert` appends the article (one with the same id is removed first),
 * `remove` leaves a tombstone; positions never move, so `articles[i]` of a removed article is an
 * empty tombstone and `isLive(i)` is false.
 */
export class CorpusIndex {
  /** The articles and their postings; shared with other threads when the engine runs in a pool. */
  readonly store: SegmentedIndex;
  readonly articles: readonly Article[];
  private readonly byId = new Map<string, number>();
  private readonly sentenceCache = new Map<number, Sentence[]>();
  private readonly titleCache = new Map<number, string>();
  /** Called after every change (the engine drops what it derived from the old corpus). */
  onChange: (() => void) | null = null;

  /**
   * A writer over these articles, or a reader joining a writer's state (another thread's index).
   * The articles may come one at a time (streamCorpus): each is indexed and let go as it comes, so
   * a large corpus is never held as objects all at once.
   */
  constructor(articles: Iterable<Article> | IndexState) {
    if (Symbol.iterator in articles) {
      this.store = new SegmentedIndex({ writer: true });
      this.store.loading = true;
      try {
        for (const a of articles) {
          const i = this.store.add(a, termStems(a.title), termStems(a.paragraphs.join("\n")));
          if (!this.byId.has(a.id)) this.byId.set(a.id, i);
        }
      } finally {
        this.store.loading = false;
      }
    } else {
      const state = articles as IndexState;
      this.store = new SegmentedIndex({ writer: false, state });
      for (const [i, id] of this.store.ids()) if (!this.byId.has(id)) this.byId.set(id, i);
      for (const a of state.delta) {
        if (!a) this.store.addRemoved();
        else {
          const i = this.store.add(a, termStems(a.title), termStems(a.paragraphs.join("\n")));
          if (!this.byId.has(a.id)) this.byId.set(a.id, i);
        }
      }
    }
    this.articles = articleView(this.store);
  }

  /**
   * Done with the index: the writer's spill file of article text is closed and removed (a reader
   * thread's close is a no-op: the writer owns the file). Safe to call twice.
   */
  close(): void {
    if (this.store.writer) this.store.close();
  }

  /** Articles searchable now. */
  get size(): number {
    return this.store.live;
  }

  /** Whether position i holds a live article (not removed, not replaced). */
  isLive(i: number): boolean {
    return this.store.isLive(i);
  }

  /** Date.parse(addedAt) of the article at i (NaN when unknown), without reading the article. */
  addedAtMs(i: number): number {
    return this.store.addedAtMs(i);
  }

  /** Day number of the article's date, or of when it was added (NaN when neither), without reading it. */
  day(i: number): number {
    return this.store.day(i);
  }

  /** Adds an article, or replaces the one with its id (the new version gets a new position). */
  upsert(article: Article): void {
    this.drop(article.id);
    const i = this.store.add(article, termStems(article.title), termStems(article.paragraphs.join("\n")));
    this.byId.set(article.id, i);
    this.onChange?.();
  }

  /** Removes the article with this id; a no-op for an unknown id. */
  remove(id: string): void {
    if (this.drop(id)) this.onChange?.();
  }

  applyBatch(batch: { upserts: Article[]; removes: string[] }): void {
    const hook = this.onChange;
    this.onChange = null;
    try {
      for (const id of batch.removes) this.drop(id);
      for (const a of batch.upserts) this.upsert(a);
    } finally {
      this.onChange = hook;
    }
    if (batch.removes.length + batch.upserts.length > 0) this.onChange?.();
  }

  private drop(id: string): boolean {
    const i = this.byId.get(id);
    if (i === undefined) return false;
    this.store.remove(i);
    this.byId.delete(id);
    this.sentenceCache.delete(i);
    this.titleCache.delete(i);
    return true;
  }

  /** Index of the article with this id. */
  indexOf(id: string): number | undefined {
    return this.byId.get(id);
  }

  /** Number of articles containing the stem. */
  docFreq(s: string): number {
    return this.store.docFreq(s);
  }

  idf(s: string): number {
    const n = this.size;
    return Math.log(1 + n / (1 + this.store.docFreq(s)));
  }

  /** The concepts of a topic or question; question words dropped when `question` is set. */
  concepts(text: string, opts: { question?: boolean } = {}): Concept[] {
    const out: Concept[] = [];
    const seen = new Set<string>();
    for (const w of words(text)) {
      if (w.length < 2 || STOPWORDS.has(w)) continue;
      if (opts.question && QUESTION_WORDS.has(w)) continue;
      const s = stem(w);
      if (seen.has(s)) continue;
      seen.add(s);
      const related = relatedStems(s).filter((r) => !seen.has(r));
      const present = [s, ...related].filter((x) => this.docFreq(x) > 0);
      const idf = present.length > 0 ? Math.min(...present.map((x) => this.idf(x))) : this.idf(s);
      out.push({ stem: s, related, idf, surface: w });
    }
    return out;
  }

  /**
   * Articles matching the concepts, best first. `weights` scales each concept (context concepts get
   * less); near-synonyms count at `relatedWeight` of the exact term.
   */
  search(concepts: Concept[], opts: { limit?: number; weights?: Map<string, number> } = {}): ArticleHit[] {
    if (concepts.length === 0 || this.size === 0) return [];
    const boosts = new Map<string, number>();
    const owner = new Map<string, string>();
    for (const c of concepts) {
      const w = opts.weights?.get(c.stem) ?? 1;
      boosts.set(c.stem, Math.max(boosts.get(c.stem) ?? 0, w));
      owner.set(c.stem, c.stem);
      for (const r of c.related) {
        if (!boosts.has(r)) {
          boosts.set(r, w * 0.5);
          owner.set(r, c.stem);
        }
      }
    }
    const terms = [...boosts.keys()].filter((t) => this.docFreq(t) > 0);
    if (terms.length === 0) return [];
    const results = this.store.search(
      terms.map((term) => ({ term, boost: boosts.get(term) ?? 1 })),
      opts.limit ?? 50,
    );
    return results.map((r) => {
      const matched = new Set<string>();
      terms.forEach((t, i) => {
        const o = owner.get(t);
        if (o && r.mask & (1 << i)) matched.add(o);
      });
      return { index: r.doc, score: r.score, matched };
    });
  }

  /** The title of the article at i (kept once read: no decoding of the article to read it again). */
  title(i: number): string {
    const known = this.titleCache.get(i);
    if (known !== undefined) return known;
    return keep(this.titleCache, i, this.articles[i]!.title, TITLE_CACHE_LIMIT);
  }

  /** The sentences of an article (split once, cached; repeats inside the article dropped). */
  sentences(index: number): Sentence[] {
    const cached = this.sentenceCache.get(index);
    if (cached) return cached;
    const a = this.articles[index]!;
    const texts: string[] = [];
    // Page furniture a scraper left before a sentence ("toggle caption Jane Doe/AP A judge …") goes.
    for (const p of a.paragraphs) for (const s of splitSentences(p)) texts.push(withoutLeadingLabels(s));
    // Repeats dropped in linear time (a 1 MB article no longer costs seconds); see dedupe.ts.
    const kept = dedupeSentences(texts, termStems);
    const out: Sentence[] = kept.map((d, position) => ({
      text: d.text,
      stems: d.stems,
      position,
      total: kept.length,
      article: index,
    }));
    return keep(this.sentenceCache, index, out, SENTENCE_CACHE_LIMIT);
  }
}
