/**
 * Topic suggestions for autocomplete: the key phrases a user would type ("North Korean labourers",
 * "UN sanctions", "Kim Jong Un", "Vladivostok"), ranked by how many articles mention them.
 *
 * Phrases are cut from body sentences without a part-of-speech tagger (compromise, measured on the
 * BBC articles, took 25 ms an article: far too slow for a corpus of thousands), with rules any English
 * news text obeys:
 * - a word is a NAME when the corpus writes it capitalised mid-sentence more often than in lower case
 *   (or it is an acronym: the one rule, src/text/nameCase.ts); a lower-case word can END a phrase only if the corpus uses it after a
 *   determiner ("the labourers", "these sanctions"), which sorts nouns from verbs well enough;
 * - stopwords, numbers, punctuation, possessives, adverbs (-ly), past forms (-ed), weekdays and
 *   months break phrases, so no phrase starts or ends with a function word;
 * - a phrase mostly used inside a longer one ("North Korean" before a noun, "Jong Un" after "Kim")
 *   is a fragment and is dropped; the longer one stays;
 * - phrases that stem alike ("Kim Jong-Un" / "Kim Jong Un", "labourers" / "laborers") are one
 *   suggestion, shown in the spelling the corpus uses most.
 * Every suggestion holds at least one word the search index knows, and comes from an article's text,
 * so briefing it finds that article.
 */
import type { Article } from "../model.ts";
import { termStems } from "../search/index.ts";
import { CALENDAR_WORDS } from "../text/calendar.ts";
import { CaseCounts, isAcronym } from "../text/nameCase.ts";
import { STOPWORDS, stem, words } from "../text/tokens.ts";

/** Words that break a phrase besides the stopwords: determiners, quantifiers, reporting words, weekdays and months. */
const BREAK = new Set([
  ...(
    "the a an this that these those its their his her our my your some any each every either neither " +
    "another other others such many much more most few several all both no not nor than as per via " +
    "first second third last next former latter same own new many also just even still yet ever never " +
    "can cannot could may might must shall should will would said says say told tells according mr mrs ms dr " +
    "today yesterday tomorrow week weeks month months year " +
    "years day days time times people way thing things lot lots part number percent one two three four " +
    "five six seven eight nine ten hundreds thousands millions billions tens dozens around about " +
    "outside inside across near despite toward towards among amid within without beyond including " +
    "upon onto along behind beside besides except like unlike plus versus later earlier soon already ago"
  ).split(" "),
  ...CALENDAR_WORDS,
]);
/**
 * What precedes a noun phrase (the last word of a run after one is noun-like): determiners,
 * quantifiers, and prepositions ("against higher water rates").
 */
const DETERMINER = new Set(
  (
    "the a an this these those its their his her our my your each every some any no new other several " +
    "of in on at with from against into over under between without during including near outside across through"
  ).split(" "),
);

interface Token {
  /** As written (possessive removed). */
  text: string;
  lower: string;
  /** Starts a sentence (its capital says nothing). */
  initial: boolean;
  /** Ends with a possessive ('s): the phrase stops after it. */
  possessive: boolean;
  /** Punctuation follows it (the phrase stops after it). */
  stop: boolean;
  /** wordKey of the word. */
  key: string;
}

interface Accumulator {
  /** Indexes of the sampled articles. */
  indexes: number[];
  docs: Token[][][];
  cases: CaseCounts;
  /** Reads the sampled articles indexes[from..to). */
  read(from: number, to: number): void;
}

interface Entry {
  /** Surface forms → count; the most frequent is shown. */
  forms: Map<string, number>;
  df: number;
  lastArticle: number;
  occurrences: number;
  leftBound: number;
  rightBound: number;
  /** Neighbouring words inside runs → count. */
  left: Map<string, number>;
  right: Map<string, number>;
  proper: boolean;
  size: number;
  key: string;
  /** Shown form, once chosen. */
  phrase: string;
  /** Key of the phrase without its first word. */
  suffix: string;
}

const TOKEN = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*['’]?|[^\s\p{L}\p{N}]+/gu;
const SENTENCE_END = /^[.!?]+$/;

function tokenize(paragraph: string): Token[] {
  const out: Token[] = [];
  let initial = true;
  for (const m of paragraph.matchAll(TOKEN)) {
    const raw = m[0];
    if (!/[\p{L}\p{N}]/u.test(raw[0]!)) {
      const prev = out[out.length - 1];
      if (prev) prev.stop = true;
      if (SENTENCE_END.test(raw) || /[.!?]/.test(raw)) initial = true;
      continue;
    }
    const possessive = /['’]s?$/u.test(raw) && /\p{L}['’]s?$/u.test(raw);
    const text = raw.replace(/['’]s?$/u, "").replace(/\.$/, "");
    // "U.S." keeps its dots; a word ending a sentence ("Russia.") loses the stop.
    const endsSentence = raw.endsWith(".") && !/\.\p{L}\.?$/u.test(raw);
    out.push({
      text,
      lower: text.toLowerCase(),
      initial,
      possessive,
      stop: endsSentence,
      key: wordKey(text, text.toLowerCase()),
    });
    initial = endsSentence;
  }
  return out;
}

/** Articles read to build the suggestions (a larger corpus is sampled evenly). */
const SAMPLE = 1500;

const WORD_KEYS = new Map<string, string>();

/** One word's key: its stems ("Jong-Un" → "jong un"), an acronym marked ("UN" is not "Un"). */
function wordKey(text: string, lower: string): string {
  if (isAcronym(text)) return `^${lower}`;
  let k = WORD_KEYS.get(lower);
  if (k === undefined) {
    k = words(lower)
      .map((w) => stem(w))
      .join(" ");
    if (WORD_KEYS.size > 200_000) WORD_KEYS.clear();
    WORD_KEYS.set(lower, k);
  }
  return k;
}

/** The stem key phrases are merged by: "Kim Jong-Un" and "Kim Jong Un" are one. */
function stemKey(span: Token[]): string {
  return span.map((t) => t.key).join(" ");
}

interface Run {
  tokens: Token[];
  name: boolean[];
}

export class TopicSuggester {
  private phrases: string[] | null = null;
  private readonly articles: readonly Article[];

  constructor(articles: readonly Article[]) {
    this.articles = articles;
  }

  /** Whether the suggestions are built (the first suggest() builds them if warmUp() has not). */
  get ready(): boolean {
    return this.phrases !== null;
  }

  /**
   * Builds the suggestions ahead of the first request without holding the event loop for the whole
   * build: the sampled articles are read in slices with a turn of the event loop between them (the
   * ranking that follows takes a fraction of the time). A suggest() meanwhile builds synchronously.
   */
  async warmUp(slice = 100): Promise<void> {
    if (this.phrases) return;
    const acc = this.accumulator();
    for (let from = 0; from < acc.indexes.length; from += slice) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.phrases) return;
      acc.read(from, from + slice);
    }
    this.phrases ??= this.rank(acc).map((r) => r.phrase);
  }

  private build(): { phrase: string; score: number }[] {
    const acc = this.accumulator();
    acc.read(0, acc.indexes.length);
    return this.rank(acc);
  }

  /** The sampled articles' tokens and case counts, read a range of the sample at a time. */
  private accumulator(): Accumulator {
    // A sample is enough to know what a large corpus is about (and keeps the first suggestion quick).
    const step = Math.max(1, Math.ceil(this.articles.length / SAMPLE));
    // Whole articles for a small corpus; the opening paragraphs (what a story is about) of a large one.
    const paragraphs = this.articles.length <= 500 ? Number.POSITIVE_INFINITY : 6;
    const indexes: number[] = [];
    for (let i = 0; i < this.articles.length; i += step) indexes.push(i);
    const acc: Accumulator = {
      indexes,
      docs: [],
      cases: new CaseCounts(),
      read: (from, to) => {
        for (const i of indexes.slice(from, to)) {
          const paras = this.articles[i]!.paragraphs.slice(0, paragraphs).map(tokenize);
          acc.docs.push(paras);
          for (const toks of paras) for (const t of toks) acc.cases.count(t.text, t.lower, t.initial);
        }
      },
    };
    return acc;
  }

  private rank(acc: Accumulator): { phrase: string; score: number }[] {
    const { docs, cases } = acc;
    const names = new Map<string, boolean>();
    const isName = (t: Token) => {
      let n = names.get(t.text);
      if (n === undefined) {
        n = cases.isName(t.text, t.lower);
        names.set(t.text, n);
      }
      return n;
    };
    const breaks = (t: Token) =>
      STOPWORDS.has(t.lower) ||
      BREAK.has(t.lower) ||
      t.lower.length < 2 ||
      /^[\d.,-]+$/.test(t.lower) ||
      /\d/.test(t.lower) ||
      /['’](?:m|ve|ll|re|d|t)$/.test(t.lower) ||
      (!isName(t) && /(?:ly|ed)$/.test(t.lower));

    // Runs: maximal stretches of phrase words, cut after punctuation and possessives. A run right after
    // a determiner credits its last word as noun-like ("the North Korean labourers").
    const runs: { article: number; run: Run }[] = [];
    const headCredit = new Map<string, number>();
    const firstCredit = new Map<string, number>();
    docs.forEach((paras, article) => {
      for (const toks of paras) {
        const brk = toks.map(breaks);
        let start = 0;
        while (start < toks.length) {
          if (brk[start]) {
            start++;
            continue;
          }
          let end = start;
          while (end + 1 < toks.length && !brk[end + 1] && !toks[end]!.stop && !toks[end]!.possessive) end++;
          const tokens = toks.slice(start, end + 1);
          runs.push({ article, run: { tokens, name: tokens.map(isName) } });
          const before = toks[start - 1];
          if (before && !before.stop && (DETERMINER.has(before.lower) || /^[\d.,]+$/.test(before.lower))) {
            const first = tokens[0]!.lower;
            const head = tokens[tokens.length - 1]!.lower;
            firstCredit.set(first, (firstCredit.get(first) ?? 0) + 1);
            headCredit.set(head, (headCredit.get(head) ?? 0) + 1);
          }
          start = end + 1;
        }
      }
    });
    /** A common word can be in a phrase when the corpus uses it after a determiner often enough (not a verb). */
    // Counted by stem, so "laborers" shares what the corpus shows about "labourers".
    const byStem = (counts: Map<string, number>) => {
      const out = new Map<string, number>();
      for (const [w, n] of counts) {
        const k = wordKey(w, w);
        out.set(k, (out.get(k) ?? 0) + n);
      }
      return out;
    };
    const heads = byStem(headCredit);
    const firsts = byStem(firstCredit);
    const lowers = byStem(cases.lower);
    const nounLike = (k: string, share: number, asModifier = false) => {
      return (
        (heads.get(k) ?? 0) + (asModifier ? (firsts.get(k) ?? 0) : 0) >=
        Math.max(1, share * (lowers.get(k) ?? 0))
      );
    };

    const entries = new Map<string, Entry>();
    for (const { article, run } of runs) {
      const { tokens: toks, name } = run;
      const end = toks.length - 1;
      for (let i = 0; i <= end; i++) {
        for (let j = i; j <= end && j < i + 4; j++) {
          // Names first, then common words: "UN sanctions", "North Korean leader", not "visit Russia".
          let shape = true;
          for (let k = i + 1; k <= j; k++) if (name[k] && !name[k - 1]) shape = false;
          if (!shape) break;
          const single = i === j;
          if (!name[j] && !nounLike(toks[j]!.key, single ? 0.1 : 0.05)) continue;
          let common = true;
          for (let k = i; k < j; k++) if (!name[k] && !nounLike(toks[k]!.key, 0.05, true)) common = false;
          if (!common) continue;
          const span = toks.slice(i, j + 1);
          const key = stemKey(span);
          if (!key) continue;
          let e = entries.get(key);
          if (!e) {
            e = {
              forms: new Map(),
              df: 0,
              lastArticle: -1,
              occurrences: 0,
              leftBound: 0,
              rightBound: 0,
              left: new Map(),
              right: new Map(),
              proper: span.every((_, k) => name[i + k]),
              size: span.length,
              suffix: stemKey(span.slice(1)),
              key,
              phrase: "",
            };
            entries.set(key, e);
          }
          const form = span.map((t, k) => (name[i + k] ? t.text : t.lower)).join(" ");
          e.forms.set(form, (e.forms.get(form) ?? 0) + 1);
          e.occurrences++;
          if (e.lastArticle !== article) {
            e.lastArticle = article;
            e.df++;
          }
          // Bound on the left by a word of the run (a lower-case word before a name does not bind:
          // "leader Kim Jong Un"); on the right by any word of the run ("North Korean labourers").
          if (i > 0 && !(name[i] && !name[i - 1])) {
            e.leftBound++;
            const w = toks[i - 1]!.lower;
            e.left.set(w, (e.left.get(w) ?? 0) + 1);
          }
          if (j < end) {
            e.rightBound++;
            const w = toks[j + 1]!.lower;
            e.right.set(w, (e.right.get(w) ?? 0) + 1);
          }
        }
      }
    }

    const min = docs.length > 20 ? 3 : 2;
    const max = (m: Map<string, number>) => Math.max(0, ...m.values());
    const kept: Entry[] = [];
    for (const e of entries.values()) {
      if (e.df < min) continue;
      // A fragment: nearly always inside a longer phrase, or mostly beside one same word.
      const bound = e.size === 1 && e.proper ? 0.75 : 0.9;
      if (e.leftBound >= bound * e.occurrences || e.rightBound >= bound * e.occurrences) continue;
      if (max(e.left) >= 0.7 * e.occurrences || max(e.right) >= 0.7 * e.occurrences) continue;
      let phrase = "";
      let best = 0;
      for (const [f, n] of e.forms) if (n > best || (n === best && f < phrase)) [phrase, best] = [f, n];
      if (termStems(phrase).length === 0) continue;
      e.phrase = phrase;
      kept.push(e);
    }
    const keys = new Set(kept.map((e) => e.key));
    const out: { phrase: string; score: number }[] = [];
    for (const e of kept) {
      // A title before a name the corpus also uses alone ("Mayor Maria Lopez" / "Maria Lopez") adds nothing.
      if (e.proper && e.size >= 3 && keys.has(e.suffix) && e.suffix.includes(" ")) continue;
      const phrase = e.phrase;
      // A common word in more than a tenth of a large corpus ("made", "world") names no topic.
      if (e.size === 1 && !e.proper && docs.length >= 50 && e.df > docs.length / 10) continue;
      // One common word ("leader", "talks") is a weak topic: it ranks below names and phrases.
      const score = e.df * (e.size === 1 && !e.proper ? 0.3 : 1) + e.size * 0.01;
      out.push({ phrase, score });
    }
    return out.sort((a, b) => b.score - a.score || a.phrase.localeCompare(b.phrase));
  }

  /** Phrases with a word starting with the prefix (case-insensitive), most used first. */
  suggest(prefix: string, limit = 10): string[] {
    this.phrases ??= this.build().map((r) => r.phrase);
    return suggestFromRanked(this.phrases, prefix, limit);
  }
}

/**
 * The suggestion rule on its own, over phrases already ranked best first (`suggest("", Infinity)`),
 * for a caller that holds only the list (e.g. an engine running in another thread).
 */
export function suggestFromRanked(ranked: readonly string[], prefix: string, limit = 10): string[] {
  const p = prefix.trim().toLowerCase().replace(/\s+/g, " ");
  const out: string[] = [];
  for (const phrase of ranked) {
    if (out.length >= limit) break;
    const lower = phrase.toLowerCase();
    if (!p || lower.startsWith(p) || lower.includes(` ${p}`) || lower.includes(`-${p}`)) out.push(phrase);
  }
  return out;
}
