/** Whether two figures in one unit are the same measure of the scene ("the temperature … 117 degrees"). */
import { stem } from "../../text/tokens.ts";
import type { Mention } from "./mention.ts";

/** Nouns that say what a unit measures ("the temperature … 117 degrees", "a depth of 4,300 feet"). */
const MEASURE_NOUNS = new Set(
  ["temperature", "depth", "height", "altitude", "elevation", "length", "distance", "diameter"].map((w) =>
    stem(w),
  ),
);

/** The same unit and, in both sentences, the same measure noun (see MEASURE_NOUNS). */
export function sameMeasure(a: Mention, b: Mention): boolean {
  if (a.kind !== "quantity" || a.key.size !== 1 || b.key.size !== 1 || a.head !== b.head) return false;
  for (const n of MEASURE_NOUNS) if (a.context.has(n) && b.context.has(n)) return true;
  return false;
}
