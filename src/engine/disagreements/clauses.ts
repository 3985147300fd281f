/**
 * What the sentences of two mentions have in common beside the figure: words, the counted phrase and a
 * word of its clause, names; and, from the tagger (grammar.ts), the verb a figure belongs to and what a
 * distance locates.
 */
import { governingVerb, locatedThing } from "./grammar.ts";
import type { Mention } from "./mention.ts";

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
  return a.key.size >= 2 && sameKey(a, b) && shareLocalWord(a, b);
}

/** A word beside the figure in its clause, not one of its counted words, in both mentions' clauses. */
export function shareLocalWord(a: Mention, b: Mention): boolean {
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

const verbs = new WeakMap<Mention, string | null>();
/** The verb a quantity belongs to (none for a running total: "bringing the total to 702 arrested"). */
export function verbOf(m: Mention): string | null {
  if (m.kind !== "quantity" || m.total || m.offset === undefined) return null;
  if (!verbs.has(m)) verbs.set(m, governingVerb(m.sentence.text, m.offset));
  return verbs.get(m) ?? null;
}

export function locatedOf(m: Mention): string | null {
  return m.offset === undefined ? null : locatedThing(m.sentence.text, m.offset);
}
