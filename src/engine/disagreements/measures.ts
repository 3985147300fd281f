/** Whether two figures in one unit are the same measure of the scene ("the temperature … 117 degrees"). */
import { stem } from "../../text/tokens.ts";
import type { Mention } from "./mention.ts";

/** Nouns that say what a unit measures ("the temperature … 117 degrees", "a depth of 4,300 feet"). */
const MEASURE_NOUNS = new Set(
  ["temperature", "depth", "height", "altitude", "elevation", "length", "distance", "diameter"].map((w) =>
    stem(w),
  ),
);

/**
 * A length's dimension said right after its unit rather than by a noun: "3,000 feet below the surface",
 * "40 metres deep" (depth); "300 feet tall", "2,000 metres above sea level" (height); "12 miles long"
 * (length); "3 km wide" (width). The digits, a unit of length (one word, optionally "-"), then the word.
 */
const DIMENSION_AFTER =
  /^[\d.,]+\s*(?:million\s+|thousand\s+)?(?:feet|foot|ft|metres?|meters?|m|miles?|kilometres?|kilometers?|km|yards?)\b\s*(?:(below|beneath|under|deep|underwater|underground)|(tall|high|above)|(long)|(wide))\b/i;
const DIMENSIONS = ["depth", "height", "length", "width"] as const;

/** The dimension a length's own words give after its unit (see DIMENSION_AFTER), or null. */
export function dimensionAfter(m: Mention): (typeof DIMENSIONS)[number] | null {
  if (m.offset === undefined) return null;
  const d = DIMENSION_AFTER.exec(m.sentence.text.slice(m.offset));
  if (!d) return null;
  const i = [d[1], d[2], d[3], d[4]].findIndex((g) => g !== undefined);
  return i < 0 ? null : DIMENSIONS[i]!;
}

/**
 * The same unit and, in both sentences, the same measure: the same measure noun (see MEASURE_NOUNS), or
 * the same dimension said after each figure's unit ("about 3,000 feet below the surface" / "some 4,300
 * feet below the surface": see DIMENSION_AFTER).
 */
export function sameMeasure(a: Mention, b: Mention): boolean {
  if (a.kind !== "quantity" || a.key.size !== 1 || b.key.size !== 1 || a.head !== b.head) return false;
  for (const n of MEASURE_NOUNS) if (a.context.has(n) && b.context.has(n)) return true;
  const da = dimensionAfter(a);
  return da !== null && da === dimensionAfter(b);
}
