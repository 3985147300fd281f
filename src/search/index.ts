/**
 * Retrieval over a corpus: a MiniSearch index of ARTICLES (title boosted), with our own tokenising
 * (British→American spelling, Porter stems, stopwords) and near-synonym expansion weighted below the
 * exact terms. Sentences are split and scored lazily, only for the articles a query ranks on top,
 * and cached.
 */
import MiniSearch from "minisearch";
import { splitSentences } from "../corpus/sentences.ts";
import type { Article } from "../model.ts";
import { nearIdentical } from "../text/similarity.ts";
import { relatedStems } from "../text/synonyms.ts";
import { STOPWORDS, stem, words } from "../text/tokens.ts";

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

/** Content stems of a text, in order (stopwords and one-letter tokens dropped). */
export function termStems(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (w.length < 2 || STOPWORDS.has(w)) continue;
    out.push(stem(w));
  }
  return out;
}

const SENTENCE_CACHE_LIMIT = 20_000;

export class CorpusIndex {
  readonly articles: readonly Article[];
  private readonly mini: MiniSearch<{ id: number; title: string; body: string }>;
  private readonly df = new Map<string, number>();
  private readonly sentenceCache = new Map<number, Sentence[]>();

  constructor(articles: readonly Article[]) {
    this.articles = articles;
    this.mini = new MiniSearch<{ id: number; title: string; body: string }>({
      fields: ["title", "body"],
      idField: "id",
      // Documents arrive pre-tokenised (stems joined by spaces): one tokenising pass per article.
      tokenize: (text) => text.split(" "),
      processTerm: (term) => term || null,
      searchOptions: { tokenize: (text) => text.split(" "), processTerm: (term) => term || null },
    });
    const docs: { id: number; title: string; body: string }[] = [];
    for (let i = 0; i < articles.length; i++) {
      const a = articles[i]!;
      const title = termStems(a.title);
      const body = termStems(a.paragraphs.join("\n"));
      const seen = new Set<string>(title);
      for (const s of body) seen.add(s);
      for (const s of seen) this.df.set(s, (this.df.get(s) ?? 0) + 1);
      docs.push({ id: i, title: title.join(" "), body: body.join(" ") });
    }
    this.mini.addAll(docs);
  }

  get size(): number {
    return this.articles.length;
  }

  /** Number of articles containing the stem. */
  docFreq(s: string): number {
    return this.df.get(s) ?? 0;
  }

  idf(s: string): number {
    const n = this.articles.length;
    return Math.log(1 + n / (1 + (this.df.get(s) ?? 0)));
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
    if (concepts.length === 0 || this.articles.length === 0) return [];
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
    const results = this.mini.search(terms.join(" "), {
      combineWith: "OR",
      boost: { title: 2 },
      boostTerm: (t) => boosts.get(t) ?? 1,
      prefix: false,
      fuzzy: false,
    });
    const limit = opts.limit ?? 50;
    const out: ArticleHit[] = [];
    for (const r of results.slice(0, limit)) {
      const matched = new Set<string>();
      for (const t of r.terms) {
        const o = owner.get(t);
        if (o) matched.add(o);
      }
      out.push({ index: r.id as number, score: r.score, matched });
    }
    return out;
  }

  /** The sentences of an article (split once, cached; repeats inside the article dropped). */
  sentences(index: number): Sentence[] {
    const cached = this.sentenceCache.get(index);
    if (cached) return cached;
    const a = this.articles[index]!;
    const texts: string[] = [];
    for (const p of a.paragraphs) for (const s of splitSentences(p)) texts.push(s);
    const out: Sentence[] = [];
    for (const t of texts) {
      const stems = new Set(termStems(t));
      const dup = out.find((o) => o.text === t || (stems.size >= 5 && nearIdentical(o.stems, stems)));
      if (dup) {
        // Keep the fuller wording (a deck repeated in the body with more detail).
        if (t.length > dup.text.length) {
          dup.text = t;
          dup.stems = stems;
        }
        continue;
      }
      out.push({ text: t, stems, position: out.length, total: 0, article: index });
    }
    for (const s of out) s.total = out.length;
    if (this.sentenceCache.size >= SENTENCE_CACHE_LIMIT) {
      const first = this.sentenceCache.keys().next().value;
      if (first !== undefined) this.sentenceCache.delete(first);
    }
    this.sentenceCache.set(index, out);
    return out;
  }
}
