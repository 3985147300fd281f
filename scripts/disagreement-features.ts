/**
 * Features of a pair of figures two reports give, for scripts/train-disagreement-scorer.ts (an
 * experiment, not used by the engine): figures that count the same word ("22-year-old" /
 * "23-year-old", "nearly 70 political prisoners" / "73 political prisoners") or follow the same word
 * ("magnitude 7.0" / "magnitude 7.3"), whose values cannot both be true, described by the evidence
 * around them — how much of the two sentences and of the figures' own clauses they share (each shared
 * word weighted by its rarity among the cluster's sentences), how close the values are, whether another
 * figure agrees, where the sentences stand in their articles.
 */

import type { Sentence } from "../src/search/index.ts";
import { NUMBER_WORDS } from "../src/text/numberWords.ts";
import { STOPWORDS, stem } from "../src/text/tokens.ts";

/** A figure as written, its range (its qualifier read), and the words that say what it counts. */
export interface Figure {
  text: string;
  start: number;
  end: number;
  lo: number;
  hi: number;
  mid: number;
  /** The stem of the word it counts ("people", "year-old", "magnitude"), when one follows it. */
  counted?: string;
  /** The stem of the content word before it ("killed 19", "magnitude 7.3"). */
  head?: string;
  /** Said with a qualifier ("nearly", "more than", "about"): a bound or an estimate. */
  approx: boolean;
}

const WORD_NUMBERS = NUMBER_WORDS;
/** Multipliers written after a number ("2.5 million", "$40m"). */
export const MULT: Record<string, number> = {
  million: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  thousand: 1e3,
  trillion: 1e12,
};
const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|${Object.keys(WORD_NUMBERS).join("|")})`;
/** A number, a range of two ("20 to 25", "20-25"), its multiplier, a hyphened word ("21-year-old"). */
const FIGURE = new RegExp(
  String.raw`(?<![\w.,:$])(${NUM})(?:\s*(?:-|to|or)\s*(${NUM}))?(?:\s*(million|billion|thousand|trillion|bn|m)\b)?(?:-(year-old|[\p{L}]+))?(?![\w:]|[.,]\d)`,
  "giu",
);
const LOWER = /\b(more than|over|at least|upwards of|in excess of|exceeding)\s*$/i;
const UPPER = /\b(nearly|almost|under|fewer than|less than|up to|just under|close to)\s*$/i;
const ABOUT = /\b(about|around|some|roughly|approximately|an estimated|estimated|about|or so)\s*$/i;
const MONTH = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*$/i;
const SKIP_WORDS = new Set(["of", "the", "a", "an"]);

function numberOf(s: string): number {
  const w = WORD_NUMBERS[s.toLowerCase()];
  return w ?? Number(s.replace(/,/g, ""));
}

const FIGURES = new WeakMap<Sentence, Figure[]>();

/** The figures of a sentence, years and clock times left out. */
export function figuresOf(s: Sentence): Figure[] {
  let f = FIGURES.get(s);
  if (!f) {
    f = readFigures(s.text);
    FIGURES.set(s, f);
  }
  return f;
}

export function readFigures(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const [whole, a, b, mult, hyphen] = m as unknown as [string, string, string?, string?, string?];
    const isWord = /^\p{L}/u.test(a);
    // A number word counts only when what it counts follows ("seven people", not "one of").
    if (isWord && b === undefined && !hyphen && !/^\s+[\p{L}]/u.test(text.slice(m.index + whole.length)))
      continue;
    const k = mult ? (MULT[mult.toLowerCase()] ?? 1) : 1;
    if (!mult && !b && /^(1[89]\d\d|20\d\d)$/.test(a)) continue; // a year
    let lo = numberOf(a) * k;
    let hi = b !== undefined ? numberOf(b) * k : lo;
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi < lo) continue;
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    if (/\$\s*$/.test(before)) continue; // money is read by the rules (units, currencies)
    const after = text.slice(m.index + whole.length, m.index + whole.length + 50);
    if (/^\s*(%|percent|per cent)/i.test(after)) continue;
    let approx = false;
    if (LOWER.test(before)) {
      hi = Number.POSITIVE_INFINITY;
      approx = true;
    } else if (UPPER.test(before)) {
      lo = lo * 0.85;
      approx = true;
    } else if (ABOUT.test(before)) {
      lo *= 0.9;
      hi *= 1.1;
      approx = true;
    }
    let counted: string | undefined;
    if (hyphen) counted = hyphen.toLowerCase() === "year-old" ? "year-old" : stem(hyphen.toLowerCase());
    else {
      const w = after.match(/^\s*([\p{L}][\p{L}-]*)(?:\s+([\p{L}][\p{L}-]*))?(?:\s+([\p{L}][\p{L}-]*))?/u);
      if (w) {
        const words = [w[1], w[2], w[3]].filter((x): x is string => !!x);
        const first = words.find((x) => !SKIP_WORDS.has(x.toLowerCase()) && !STOPWORDS.has(x.toLowerCase()));
        if (first && !MONTH.test(first) && first.length > 1) {
          const lw = first.toLowerCase();
          counted = lw === "years" && /^\s*years?\s+old\b/i.test(after) ? "year-old" : stem(lw);
        }
      }
    }
    const hw = before.match(
      /([\p{L}]{3,})\s+(?:to|at|of|by|about|nearly|more than|at least|some|around|a|an|the)?\s*$/u,
    );
    const head =
      hw && !STOPWORDS.has(hw[1]!.toLowerCase()) && !MONTH.test(hw[1]!)
        ? stem(hw[1]!.toLowerCase())
        : undefined;
    // "aged 21", ", 21," after a name: an age.
    if (!counted && /\baged?\s*$/i.test(before)) counted = "year-old";
    out.push({
      text: whole,
      start: m.index,
      end: m.index + whole.length,
      lo,
      hi,
      mid: Number.isFinite(hi) ? (lo + hi) / 2 : lo,
      ...(counted ? { counted } : {}),
      ...(head ? { head } : {}),
      approx,
    });
  }
  return out;
}

/** Content stems of the clause around a figure (up to `span` words either side, within the sentence). */
function windowStems(text: string, f: Figure, span = 8): Set<string> {
  const left = text.slice(0, f.start).split(/\s+/).slice(-span);
  const right = text.slice(f.end).split(/\s+/).slice(0, span);
  const out = new Set<string>();
  for (const w of [...left, ...right]) {
    const x = w.toLowerCase().replace(/[^\p{L}-]/gu, "");
    if (x.length > 2 && !STOPWORDS.has(x)) out.add(stem(x));
  }
  return out;
}

const TOLL = /\b(killed|dead|died|deaths?|killing|injured|wounded|hurt|missing|victims?|bodies)\b/i;

/** The features of one pair of figures, in the order of SCORER_WEIGHTS. */
export const FEATURE_NAMES = [
  "bias",
  "sameCounted",
  "age",
  "logRatio",
  "jaccard",
  "idfShared",
  "localShared",
  "localIdf",
  "figures",
  "approx",
  "sameDay",
  "toll",
  "anchor",
  "sameHead",
  "samePhrase",
  "near",
  "localMax",
  "yearsDiffer",
  "leadBoth",
  "leadOne",
  "oneValueEach",
  "clusterValues",
  "articlesWithIt",
] as const;

export interface PairContext {
  idf: (stem: string) => number;
  sameDay: boolean;
  /** For a counted (or head) word, the values each article gives with it. */
  values: Map<string, Map<number, Set<number>>>;
  articles: number;
}

const keyOf = (f: Figure) => (f.counted ? `c:${f.counted}` : f.head ? `h:${f.head}` : "");

/** The values each article of the compared sentences gives for each counted (or head) word. */
export function valuesOver(sentences: Sentence[]): Map<string, Map<number, Set<number>>> {
  const out = new Map<string, Map<number, Set<number>>>();
  for (const s of sentences)
    for (const f of figuresOf(s)) {
      const k = keyOf(f);
      if (!k) continue;
      const byArticle = out.get(k) ?? new Map<number, Set<number>>();
      const vs = byArticle.get(s.article) ?? new Set<number>();
      vs.add(f.mid);
      byArticle.set(s.article, vs);
      out.set(k, byArticle);
    }
  return out;
}

function idfSum(a: Set<string>, idf: (s: string) => number): number {
  let t = 0;
  for (const x of a) t += idf(x);
  return t;
}

export function pairFeatures(x: Sentence, fa: Figure, y: Sentence, fb: Figure, ctx: PairContext): number[] {
  const sa = x.stems;
  const sb = y.stems;
  let inter = 0;
  let idfInter = 0;
  for (const w of sa)
    if (sb.has(w)) {
      inter++;
      idfInter += ctx.idf(w);
    }
  const jac = inter / (sa.size + sb.size - inter || 1);
  const idfShared = idfInter / Math.sqrt(idfSum(sa, ctx.idf) * idfSum(sb, ctx.idf) || 1);
  const wa = windowStems(x.text, fa);
  const wb = windowStems(y.text, fb);
  const skip = new Set([fa.counted, fb.counted, fa.head, fb.head].filter((w): w is string => !!w));
  let local = 0;
  let localIdf = 0;
  let localMax = 0;
  for (const w of wa)
    if (wb.has(w) && !skip.has(w)) {
      local++;
      localIdf += ctx.idf(w);
      localMax = Math.max(localMax, ctx.idf(w));
    }
  const na4 = windowStems(x.text, fa, 4);
  const nb4 = windowStems(y.text, fb, 4);
  let near = 0;
  for (const w of na4) if (nb4.has(w) && !skip.has(w)) near++;
  const lo = Math.min(fa.mid, fb.mid);
  const hi = Math.max(fa.mid, fb.mid);
  const na = figuresOf(x);
  const nb = figuresOf(y);
  const anchor = na.some((p) => p !== fa && nb.some((q) => q !== fb && q.text === p.text)) ? 1 : 0;
  return [
    1,
    fa.counted !== undefined && fa.counted === fb.counted ? 1 : 0,
    fa.counted === "year-old" && fb.counted === "year-old" ? 1 : 0,
    Math.log(hi / Math.max(lo, 1e-9)),
    jac,
    idfShared,
    Math.log1p(local),
    Math.log1p(localIdf),
    Math.log1p(na.length + nb.length - 2),
    (fa.approx ? 1 : 0) + (fb.approx ? 1 : 0),
    ctx.sameDay ? 1 : 0,
    TOLL.test(x.text) && TOLL.test(y.text) ? 1 : 0,
    anchor,
    fa.head !== undefined && fa.head === fb.head ? 1 : 0,
    phraseAfter(x.text, fa) !== "" && phraseAfter(x.text, fa) === phraseAfter(y.text, fb) ? 1 : 0,
    Math.log1p(near),
    localMax,
    yearsDiffer(x.text, y.text) ? 1 : 0,
    x.position <= 1 && y.position <= 1 ? 1 : 0,
    x.position <= 1 || y.position <= 1 ? 1 : 0,
    ...clusterFeatures(x, fa, y, fb, ctx),
  ];
}

/**
 * What the whole cluster says of the figure's word: each of the two articles gives one value with it
 * (it speaks of one such thing), how many values the cluster gives, in what share of its articles.
 */
function clusterFeatures(x: Sentence, fa: Figure, y: Sentence, fb: Figure, ctx: PairContext): number[] {
  const ka = keyOf(fa);
  const kb = keyOf(fb);
  const k = ka === kb ? ka : fa.counted && fa.counted === fb.counted ? `c:${fa.counted}` : `h:${fa.head}`;
  const byArticle = ctx.values.get(k);
  if (!byArticle) return [0, 0, 0];
  const one = (a: number) => (byArticle.get(a)?.size ?? 0) <= 1;
  const all = new Set<number>();
  for (const vs of byArticle.values()) for (const v of vs) all.add(v);
  return [
    one(x.article) && one(y.article) ? 1 : 0,
    Math.log(Math.max(1, all.size)),
    byArticle.size / Math.max(1, ctx.articles),
  ];
}

/** The two words after a figure, lower-cased ("political prisoners", "year-old man"). */
function phraseAfter(text: string, f: Figure): string {
  const w = text
    .slice(f.end)
    .toLowerCase()
    .match(/^\s*([\p{L}-]+)\s+([\p{L}-]+)/u);
  return w ? `${stem(w[1]!)} ${stem(w[2]!)}` : "";
}

const YEARS = /\b(1[89]\d\d|20\d\d)\b/g;
/** Both sentences name years and none in common: figures of different times. */
function yearsDiffer(a: string, b: string): boolean {
  const ya = new Set(a.match(YEARS) ?? []);
  const yb = new Set(b.match(YEARS) ?? []);
  return ya.size > 0 && yb.size > 0 && ![...ya].some((y) => yb.has(y));
}

export function scoreOf(features: number[], weights: readonly number[]): number {
  let z = 0;
  for (let i = 0; i < features.length; i++) z += features[i]! * (weights[i] ?? 0);
  return 1 / (1 + Math.exp(-z));
}

/** Values further apart than this factor are not two reports' readings of one figure. */
export const MAX_RATIO = 2;

/** Two figures' values cannot both be true (their ranges, qualifiers read, do not meet). */
function clash(a: Figure, b: Figure): boolean {
  return a.hi < b.lo || b.hi < a.lo;
}

/**
 * Two figures a pair is made of: they count or follow the same word, clash, are within MAX_RATIO of each
 * other, and neither value is given in the other sentence too ("21" and "22" each in both).
 */
export function candidate(x: Sentence, fa: Figure, y: Sentence, fb: Figure): boolean {
  const same =
    (fa.counted !== undefined && fa.counted === fb.counted) || (fa.head !== undefined && fa.head === fb.head);
  if (!same || !clash(fa, fb)) return false;
  const lo = Math.min(fa.mid, fb.mid);
  const hi = Math.max(fa.mid, fb.mid);
  if (lo <= 0 || hi / lo > MAX_RATIO) return false;
  return !figuresOf(x).some((g) => g.mid === fb.mid) && !figuresOf(y).some((g) => g.mid === fa.mid);
}

/** Stem document frequencies over the sentences compared: a shared rare word says more than a common one. */
export function idfOver(sentences: Sentence[]): (stem: string) => number {
  const df = new Map<string, number>();
  for (const s of sentences) for (const w of s.stems) df.set(w, (df.get(w) ?? 0) + 1);
  const n = sentences.length;
  return (w) => Math.log((n + 1) / ((df.get(w) ?? 0) + 1)) + 1;
}
