/**
 * A figure that is not an observation of what happened but a yardstick it is measured against (issue
 * 13: pages of different dates and events in one cluster): a record ("the single-season record of 73
 * home runs"), an average or norm ("an average of 27 points"), a threshold a writer chose ("the sixth
 * player to reach 30,000 points", "any time temperatures near 80 degrees", "if prices top $5"); and a
 * price a class of things is sold at ("the six $2 million tickets"), which names a kind of thing, not an
 * amount of one. A yardstick is compared only with a yardstick of its kind (two sources' records of the
 * same thing can differ); a threshold or a price class with nothing.
 */
import { canonicalWordStem } from "../../text/synonyms.ts";
import type { Mention } from "./mention.ts";

export type Yardstick = "record" | "average" | "threshold" | "class";

/** Characters before a figure its yardstick words stand in. */
const BEFORE = 140;

/** "the record of 73", "a record of about", "an average of 27", "average 27", "the normal 80". */
const RECORD =
  /\b(?:record (?:of |is |was |stands at )|(?:all-time|record|new|\d+-(?:year|month|week)) (?:high|low) of )(?:about |around |nearly |almost |some |just )?$/i;
const AVERAGE =
  /\b(?:averag(?:e|ed|es|ing)|mean|median|normal|typical|usual)(?: of| is| was)? (?:about |around |nearly |almost |some |just )?$/i;
/**
 * A milestone or condition: "the sixth player in NBA history to reach", "the first … to score at
 * least … and at least", "any time temperatures near", "whenever it tops", "if it hits", a class
 * by its least ("113 games with at least 50 points") — within the figure's clause.
 */
const THRESHOLD =
  /(?:\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|only|youngest|oldest|fastest)\b[^,.;:!?]{0,50}\bto \p{L}+ [^,.;:!?]{0,60}?|\b(?:any ?time|every time|each time|whenever|if|once|unless)\b[^,.;:!?]{0,40}\b(?:near|nearing|reach(?:es|ing)?|hits?|tops?|exceeds?|above|below|over|under|at least|more than|less than)\s+)(?:at least |more than |over |about |around |nearly )?$/iu;

/** A class by its least: "113 games with at least 50 points". */
const LEAST_OF_CLASS = /\b\p{L}+s with (?:at least|more than|over) $/iu;

/**
 * A round figure named as a mark to pass: "the 40 trillion calculations per second mark", "the $100
 * barrier", "the 1,000-run milestone" — "the", the figure and its noun phrase, then the mark word.
 */
const MARK_AFTER =
  /^[\d.,]+(?:\s*(?:million|billion|trillion|thousand|bn|m|k)\b)?(?:[\s-]+[\p{L}()'’-]+){0,5}?[\s-]+(?:mark|barrier|milestone|threshold)\b/iu;

/** The figure as written from its offset: digits, an optional scale word, and the word after it. */
const AFTER = /^[\d.,]+(?:\s*(?:million|billion|trillion|thousand|bn|m|k))?\s+(\p{L}+)/iu;

const YARDSTICKS = new WeakMap<Mention, Yardstick | null>();

/** What kind of yardstick a mention's figure is, if it is one (read once per mention: pairs ask often). */
export function yardstickOf(m: Mention): Yardstick | null {
  if (!YARDSTICKS.has(m)) YARDSTICKS.set(m, readYardstick(m));
  return YARDSTICKS.get(m)!;
}

function readYardstick(m: Mention): Yardstick | null {
  if (m.kind !== "quantity" || m.offset === undefined) return null;
  const t = m.sentence.text;
  const before = t.slice(Math.max(0, m.offset - BEFORE), m.offset).replace(/[$£€]$/, "");
  if (THRESHOLD.test(before) || LEAST_OF_CLASS.test(before)) return "threshold";
  if (/\bthe\s+$/i.test(before) && MARK_AFTER.test(t.slice(m.offset))) return "threshold";
  if (RECORD.test(before)) return "record";
  if (AVERAGE.test(before)) return "average";
  // "$2 million tickets": money before a plural of what it counts prices each of a class of things.
  if (/[$£€]$/.test(t.slice(0, m.offset))) {
    const word = AFTER.exec(t.slice(m.offset))?.[1];
    if (word && /\p{L}s$/u.test(word) && m.key.has(canonicalWordStem(word))) return "class";
  }
  return null;
}

/** Whether two mentions can be compared as yardsticks go: the same kind of yardstick, or neither; never a threshold or a class. */
export function comparableYardsticks(a: Mention, b: Mention): boolean {
  const x = yardstickOf(a);
  const y = yardstickOf(b);
  if (x === "threshold" || y === "threshold" || x === "class" || y === "class") return false;
  return x === y;
}
