/** Multipliers and units: "2.5 million", feet → metres, miles → km, acres → hectares. */
import { stem } from "../../text/tokens.ts";

export const MULT: Record<string, number> = {
  million: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  trillion: 1e12,
  thousand: 1e3,
  k: 1e3,
};

/**
 * Lengths and areas in one unit before comparing: "30 feet" is 9.1 metres, "55 miles" 88.5 km. Each
 * spelling maps to [the unit it is counted in, the factor].
 */
export const CONVERT = new Map<string, [string, number]>(
  (
    [
      ["foot", "metre", 0.3048],
      ["feet", "metre", 0.3048],
      ["meter", "metre", 1],
      ["metre", "metre", 1],
      ["mile", "kilometre", 1.609344],
      ["kilometer", "kilometre", 1],
      ["kilometre", "kilometre", 1],
      ["km", "kilometre", 1],
      ["acre", "hectare", 0.404686],
      ["hectare", "hectare", 1],
    ] as const
  ).flatMap(([w, to, f]) => [
    [stem(w), [stem(to), f]] as [string, [string, number]],
    [stem(`${w}s`), [stem(to), f]] as [string, [string, number]],
  ]),
);

const SQUARE = stem("square");
const HECTARE = stem("hectare");

/** The noun phrase's unit converted (feet → metres, miles → km), with the factor for its value. */
export function normaliseUnit(
  key: Set<string>,
  head: string,
): { key: Set<string>; head: string; factor: number; from?: string } {
  for (const k of key) {
    const c = CONVERT.get(k);
    if (!c) continue;
    const out = new Set([...key].map((x) => (x === k ? c[0] : x)));
    // An area in a length's unit ("12,000 square miles"): the factor applies twice.
    const area = c[0] !== HECTARE && (key.has(SQUARE) || key.has("sq"));
    return { key: out, head: head === k ? c[0] : head, factor: area ? c[1] * c[1] : c[1], from: k };
  }
  return { key, head, factor: 1 };
}
