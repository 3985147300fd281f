/**
 * The names a set of articles mentions ("Bank of England", "Federal Reserve", "UK", "Yukos"), told from
 * ordinary words without a tagger, by the one rule in src/text/nameCase.ts (capitalised mid-sentence
 * more often than not in these articles, or an acronym: "US", "FBI", "U.S."). A title's capitals say nothing (titles may be in Title Case), so a title's words are
 * names only when the articles' sentences say so.
 *
 * Names are what tell one story from its neighbours: UK, euro-zone and US interest-rate stories share
 * every topical word ("interest rates", "borrowing costs") and differ in their names. Clustering
 * (cluster.ts) keeps a story to articles that share its names, and a story's title must not name what
 * its points don't (digest.ts).
 *
 * A name's key: an acronym is marked ("^us": "US" is not the stopword "us"), any other name is its stem.
 */
import type { CorpusIndex, Sentence } from "../search/index.ts";
import { CALENDAR_WORDS } from "../text/calendar.ts";
import { CaseCounts, isAcronym } from "../text/nameCase.ts";
import { STOPWORDS, stem } from "../text/tokens.ts";

const TOKEN = /\p{L}[\p{L}\p{N}]*(?:[.'’-]\p{L}[\p{L}\p{N}]*)*\.?/gu;
/** Capitalised everywhere, and no help in telling stories apart. */
const CALENDAR = new Set([...CALENDAR_WORDS, "mr", "mrs", "ms", "dr"]);

interface Token {
  text: string;
  lower: string;
  /** Opens its sentence (or follows a quote or colon): its capital says nothing. */
  initial: boolean;
  /** `text` is an acronym ("UK", "U.S."). */
  acronym: boolean;
  /** `text` opens on a capital letter. */
  capital: boolean;
}

/** A gap between words that opens a new sentence or quotation: its next word's capital says nothing. */
const OPENS = /[.!?:"“‘(]/;
const CAPITAL = /^\p{Lu}/u;
const POSSESSIVE = /['’]s?$/u;

function tokens(sentence: string): Token[] {
  const out: Token[] = [];
  let initial = true;
  let last = 0;
  for (const m of sentence.matchAll(TOKEN)) {
    if (m.index > last && OPENS.test(sentence.slice(last, m.index))) initial = true;
    last = m.index + m[0].length;
    const raw = m[0];
    const rawAcronym = isAcronym(raw);
    // "U.S." keeps its dots as an acronym; a word ending a sentence loses its stop.
    const text = rawAcronym ? raw : raw.replace(/\.$/, "");
    const shown = text.replace(POSSESSIVE, "");
    out.push({
      text: shown,
      lower: text.toLowerCase(),
      initial,
      acronym: isAcronym(shown),
      capital: CAPITAL.test(shown),
    });
    initial = raw.endsWith(".") && !rawAcronym;
  }
  return out;
}

/**
 * What names.ts reads of a sentence, kept compact: the lower-cased words written mid-sentence in lower
 * case and capitalised (what a lexicon learns), and the capitalised words (the only ones that may be
 * names).
 */
interface SentenceWords {
  lower: string[];
  capital: string[];
  candidates: Candidate[];
}

/** A capitalised word, and its key should it be a name. */
interface Candidate {
  token: Token;
  key: string;
}

/** One copy of each lower-cased word the kept sentences hold ("the" once, not once per sentence). */
const SHARED_WORDS = new Map<string, string>();
const SHARED_WORDS_KEPT = 200_000;

function shared(word: string): string {
  const known = SHARED_WORDS.get(word);
  if (known !== undefined) return known;
  if (SHARED_WORDS.size >= SHARED_WORDS_KEPT) SHARED_WORDS.clear();
  SHARED_WORDS.set(word, word);
  return word;
}

function sentenceWords(words: readonly Token[]): SentenceWords {
  const out: SentenceWords = { lower: [], capital: [], candidates: [] };
  for (const t of words) {
    if (!t.initial) (t.capital ? out.capital : out.lower).push(shared(t.lower));
    if (t.capital) out.candidates.push({ token: t, key: nameKey(t) });
  }
  return out;
}

/** Each sentence's words, split once for as long as the index keeps the sentence (its cache decides). */
const WORDS = new WeakMap<Sentence, SentenceWords>();

function wordsOf(s: Sentence): SentenceWords {
  const known = WORDS.get(s);
  if (known) return known;
  const w = sentenceWords(tokens(s.text));
  WORDS.set(s, w);
  return w;
}

function acronymKey(text: string): string {
  return `^${text.replace(/\./g, "").toLowerCase()}`;
}

/** The key of a word known to be a name. */
function nameKey(t: Token): string {
  if (t.acronym) return acronymKey(t.text);
  return stem(t.lower.replace(/['’]s?$/u, ""));
}

/** Which words are names, learnt from the sentences of some articles. */
export class NameLexicon {
  private readonly cases = new CaseCounts();

  /** Learns from a sentence (its words mid-sentence). */
  learn(sentence: string): void {
    this.learnWords(sentenceWords(tokens(sentence)));
  }

  /** Learns from a sentence's words. */
  learnWords(words: SentenceWords): void {
    for (const w of words.lower) this.cases.countWritten(w, false);
    for (const w of words.capital) this.cases.countWritten(w, true);
  }

  /**
   * Learns from many sentences' words at once: the capitalised words first, then the lower-case
   * writings of those words only. What the lexicon answers is the same as learning every word (a
   * word never written capitalised is no name however often it is written in lower case), at the
   * cost of the capitalised words and a look-up for each other.
   */
  learnAll(sentences: readonly SentenceWords[]): void {
    for (const words of sentences) for (const w of words.capital) this.cases.countWritten(w, true);
    const capital = this.cases.capital;
    for (const words of sentences)
      for (const w of words.lower) if (capital.has(w)) this.cases.countWritten(w, false);
  }

  private isName(t: Token): boolean {
    // Before the stopwords: "US" is a name, "us" a stopword.
    if (t.acronym) return !t.initial || (this.cases.capital.get(t.lower) ?? 0) > 0;
    if (t.lower.length < 2 || STOPWORDS.has(t.lower) || CALENDAR.has(t.lower)) return false;
    return t.capital && this.cases.capitalised(t.lower);
  }

  /** The keys of the names in a text (a sentence, or a title). */
  names(text: string): Set<string> {
    const out = new Set<string>();
    for (const t of tokens(text)) if (t.capital && this.isName(t)) out.add(nameKey(t));
    return out;
  }

  /** Adds the keys of the names among a sentence's capitalised words to `out`. */
  namesIn(candidates: readonly Candidate[], out: Set<string>): void {
    for (const c of candidates) if (this.isName(c.token)) out.add(c.key);
  }
}

/** One name written two ways ("Russia", "Russian"; "Scots", "Scotland"): the same key, or the same first letters. */
function sameName(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.startsWith("^") || b.startsWith("^")) return false;
  return Math.min(a.length, b.length) >= 4 && a.slice(0, 4) === b.slice(0, 4);
}

/** A name's class: its first five letters ("europ" for "Europe" and "European"), an acronym whole. */
export function nameClass(key: string): string {
  return key.startsWith("^") ? key : key.slice(0, 5);
}

/** The share of a title's names that none of the texts mention (0 when it names nothing). */
export function namesAbsent(lexicon: NameLexicon, title: string, texts: readonly string[]): number {
  const named = lexicon.names(title);
  if (named.size === 0) return 0;
  const present = new Set(texts.flatMap((t) => [...lexicon.names(t)]));
  let absent = 0;
  for (const n of named) if (![...present].some((p) => sameName(p, n))) absent++;
  return absent / named.size;
}

/** How many of an article's opening sentences say what it is about. */
export const LEAD_SENTENCES = 6;

/** Which words are names in some articles, and each article's name classes (title and lead). */
export interface ArticleNames {
  lexicon: NameLexicon;
  of: Map<number, Set<string>>;
}

/** The names of some articles: a lexicon learnt from their titles' neighbours, their lead sentences. */
export function articleNames(index: CorpusIndex, articles: readonly number[]): ArticleNames {
  const lexicon = new NameLexicon();
  const learnt: SentenceWords[] = [];
  for (const a of articles) {
    const title = index.title(a).trim();
    // A title opening the text is a title still: its capitals say nothing.
    for (const s of index.sentences(a).slice(0, LEAD_SENTENCES))
      if (s.text.trim() !== title) learnt.push(wordsOf(s));
  }
  lexicon.learnAll(learnt);
  const of = new Map<number, Set<string>>();
  for (const a of articles) {
    const names = lexicon.names(index.title(a));
    for (const s of index.sentences(a).slice(0, LEAD_SENTENCES))
      lexicon.namesIn(wordsOf(s).candidates, names);
    // One name written two ways counts once ("Europe", "European").
    of.set(a, new Set([...names].map(nameClass)));
  }
  return { lexicon, of };
}
