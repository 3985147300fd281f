/**
 * What the sentences of two mentions have in common beside the figure: words, the counted phrase and a
 * word of its clause, names; and, from the tagger (grammar.ts), the verb a figure belongs to and what a
 * distance locates.
 */

import { canonicalWordStem } from "../../text/synonyms.ts";
import { wordsOfMeaning } from "../meaning.ts";
import { governingVerb, locatedThing } from "./grammar.ts";
import { type Mention, thingStem, tokens } from "./mention.ts";

const SURFACES = new WeakMap<Mention["sentence"], Map<string, Set<string>>>();
/** The words of a sentence (lower case) by the stems the detector compares them by. */
function surfaces(s: Mention["sentence"]): Map<string, Set<string>> {
  let out = SURFACES.get(s);
  if (!out) {
    out = new Map();
    for (const t of tokens(s.text)) {
      const w = t.word.toLowerCase();
      if (!/^\p{L}/u.test(w)) continue;
      for (const st of [thingStem(w), canonicalWordStem(w)]) {
        const set = out.get(st) ?? new Set<string>();
        set.add(w);
        out.set(st, set);
      }
    }
    SURFACES.set(s, out);
  }
  return out;
}

const MEANING = new Map<string, Set<string>>();
/** The stems of the words that say what a word says (meaning.ts), cached. */
function meaningStems(word: string): Set<string> {
  let out = MEANING.get(word);
  if (!out) {
    out = new Set(wordsOfMeaning(word).flatMap((w) => [thingStem(w), canonicalWordStem(w)]));
    if (MEANING.size > 50_000) MEANING.clear();
    MEANING.set(word, out);
  }
  return out;
}

/** Whether stem u of x's sentence says what stem v of y's sentence says (either way round). */
export function sayTheSame(x: Mention, u: string, y: Mention, v: string): boolean {
  const ux = surfaces(x.sentence).get(u) ?? new Set<string>();
  const vy = surfaces(y.sentence).get(v) ?? new Set<string>();
  for (const w of ux) if (meaningStems(w).has(v)) return true;
  for (const w of vy) if (meaningStems(w).has(u)) return true;
  return false;
}

/**
 * b as a's words say it: each of b's words (not a name) that a's sentence does not have, but says in
 * another word of the same meaning (meaning.ts: "suspension" / "suspended", "freed" / "released"), is
 * written as a's word in b's counted phrase, head, clause and sentence words. Every rule that counts
 * words in common (matching.ts) then counts them. b itself when nothing is said otherwise.
 */
export function inOtherWords(a: Mention, b: Mention): Mention {
  if (a === b) return b;
  const own = (x: Mention, y: Mention) => [...x.context].filter((w) => !y.context.has(w) && !x.names.has(w));
  const aOnly = own(a, b);
  const bOnly = own(b, a);
  if (aOnly.length === 0 || bOnly.length === 0) return b;
  const as = new Map<string, string>();
  const taken = new Set<string>();
  // The head first: what is counted.
  const order = [...bOnly].sort((x, y) => Number(y === b.head) - Number(x === b.head));
  for (const u of order) {
    const prefer = u === b.head && aOnly.includes(a.head) ? [a.head, ...aOnly] : aOnly;
    const v = prefer.find((x) => !taken.has(x) && sayTheSame(b, u, a, x));
    if (v === undefined) continue;
    as.set(u, v);
    taken.add(v);
  }
  if (as.size === 0) return b;
  const said = (set: ReadonlySet<string>) => new Set([...set].map((w) => as.get(w) ?? w));
  return {
    ...b,
    head: as.get(b.head) ?? b.head,
    key: said(b.key),
    context: said(b.context),
    ...(b.local ? { local: said(b.local) } : {}),
    ...(b.restriction ? { restriction: said(b.restriction) } : {}),
    ...(b.governor ? { governor: as.get(b.governor) ?? b.governor } : {}),
  };
}

/** How many words the two sentences have in common beside the figure's own key (and `except`). */
export function inCommonBeside(a: Mention, b: Mention, except?: ReadonlySet<string>): number {
  let n = 0;
  for (const w of a.context) if (b.context.has(w) && !a.key.has(w) && !except?.has(w)) n++;
  return n;
}

/**
 * Share of content words two sentences must have in common when the figure's own words agree
 * (`samePhrase`): npm run eval:disagreements.
 */
export const SAME_PHRASE_OVERLAP = 0.1;

/** The same counted words. */
export function sameKey(a: Mention, b: Mention): boolean {
  return a.key.size === b.key.size && [...a.key].every((k) => b.key.has(k));
}

/** The same counted phrase of two words or more, and a word beside the figure in its clause in common. */
export function samePhrase(a: Mention, b: Mention): boolean {
  if (a.key.size < 2 || !sameKey(a, b)) return false;
  if (!a.local || !b.local) return false;
  for (const st of a.local) if (b.local.has(st) && !a.key.has(st)) return true;
  return false;
}

/** The names agree when both name any: one name in common, or either names none. */
export function shareAName(a: Set<string>, b: Set<string>): boolean {
  return a.size === 0 || b.size === 0 || [...a].some((n) => b.has(n));
}

/** Two sets of names of one thing: one holds the other ("Zarya" / "Zarya"; "Sword of Orion" / "Sydney yacht Sword of Orion"). */
export function sameNames(a: Set<string>, b: Set<string>): boolean {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  return [...small].every((n) => big.has(n));
}

const verbs = new WeakMap<Mention["sentence"], Map<number, string | null>>();
/** The verb a quantity belongs to (none for a running total: "bringing the total to 702 arrested"). */
export function verbOf(m: Mention): string | null {
  if (m.kind !== "quantity" || m.total || m.offset === undefined) return null;
  let of = verbs.get(m.sentence);
  if (!of) {
    of = new Map();
    verbs.set(m.sentence, of);
  }
  if (!of.has(m.offset)) of.set(m.offset, governingVerb(m.sentence.text, m.offset));
  return of.get(m.offset) ?? null;
}

export function locatedOf(m: Mention): string | null {
  return m.offset === undefined ? null : locatedThing(m.sentence.text, m.offset);
}
