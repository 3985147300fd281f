/**
 * What a sum of money or a percentage measures, beyond its unit: two such figures of related stories
 * ("US retail sales fell 0.3%" / "car sales fell 2.8%"; "a $900m loan" / "bought a stake for $2bn") are of
 * different things when their counted phrases each hold a word of their own, when one leaves something
 * out ("if cars are excluded, sales rose 0.3%"), or when one names the thing the sum is of and the other
 * never speaks of it.
 */
import { canonicalWordStem } from "../../text/synonyms.ts";
import { STOPWORDS } from "../../text/tokens.ts";
import { isAdjective, isNoun, LEX, lexFile } from "../../text/wordnet.ts";
import { CURRENCY_WORDS, type Mention, moneyOrShare } from "./mention.ts";

/** A clause that leaves a part out of what it measures. */
const EXCLUDED =
  /\b(?:exclud(?:e|es|ed|ing)|stripping out|strips? out|stripped out|leaving out|not counting|except for)\b|\bex-\p{L}/iu;

/** A money figure and what right follows it ("$900m (£479m) loan"): the word after, past a conversion. */
const MONEY_THEN_WORD =
  /^[$£€¥]?\s*[\d.,]+\s*(?:bn|m|k|million|billion|trillion|thousand)?\b\s*(?:\([^)]*\)\s*)?(\p{L}+)/iu;

/** The part of a mention's sentence that is its own: from the figure before it to the figure after it. */
function ownStretch(m: Mention): string {
  const t = m.sentence.text;
  if (m.offset === undefined) return t;
  const before = t.slice(0, m.offset);
  const start = Math.max(...[...before.matchAll(/\d[\d.,]*%?/g)].map((x) => x.index + x[0].length), 0);
  const after = t.slice(m.offset).replace(/^[$£€¥]?\s*[\d.,]+/, "");
  const next = after.search(/\d/);
  return t.slice(start, next < 0 ? t.length : t.length - after.length + next);
}

/** The noun a sum of money is of when written right after it ("a $900m loan" → loan), as a stem. */
function pricedNoun(m: Mention): string | null {
  if (m.offset === undefined || ![...m.key].some((k) => CURRENCY_WORDS.has(k))) return null;
  const w = MONEY_THEN_WORD.exec(m.sentence.text.slice(m.offset))?.[1]?.toLowerCase();
  if (!w || STOPWORDS.has(w) || !isNoun(w) || isAdjective(w) || lexFile(w) === LEX.time) return null;
  return canonicalWordStem(w);
}

/**
 * False when two percentages or sums are of different measures (see the module's note); true otherwise,
 * and for any other figure.
 */
export function sameEconomicMeasure(a: Mention, b: Mention): boolean {
  if (!moneyOrShare(a) || !moneyOrShare(b)) return true;
  // "retail sales" / "car sales", "imports" / "EU exports": each phrase names its own kind.
  const own = (x: Mention, y: Mention) => [...x.key].some((w) => !y.key.has(w));
  if (own(a, b) && own(b, a)) return false;
  if (EXCLUDED.test(ownStretch(a)) !== EXCLUDED.test(ownStretch(b))) return false;
  const priced = (x: Mention, y: Mention) => {
    const n = pricedNoun(x);
    return n !== null && !y.context.has(n) && pricedNoun(y) !== n;
  };
  return !priced(a, b) && !priced(b, a);
}
