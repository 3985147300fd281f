/** Whether two ages are one person's: the dates of the reports, the years told, an article's one age (referents.ts). */
import { stem } from "../../text/tokens.ts";
import { dictionaryAvailable, inDictionary } from "../../text/wordnet.ts";
import { inCommonBeside } from "./clauses.ts";
import type { Mention } from "./mention.ts";
import { daysApart } from "./times.ts";

/**
 * The age rules of sameThing (matching.ts), for two ages: false or true when they decide, undefined
 * when the rules for any figure decide.
 */
export function sameAge(a: Mention, b: Mention): boolean | undefined {
  if (a.date && b.date && a.date.slice(0, 4) !== b.date.slice(0, 4)) return false;
  // Reports a month or more apart may straddle a birthday ("Henderson, 21," at jury selection in
  // March, "Henderson, 22," at a trial in October).
  if (a.date && b.date && daysApart(a.date, b.date) >= AGE_DAYS_APART) return false;
  if (a.years.size !== b.years.size || [...a.years].some((y) => !b.years.has(y))) return false;
  if (a.months || b.months) return Boolean(a.months && b.months) && sameInfant(a, b);
  // The age of the one person each article gives an age for (referents.ts): another article's such
  // age, a year apart at most (a birthday, a slip; different people of one story mostly differ more),
  // unless both name the person, which the names then decide.
  if (a.sole || b.sole) {
    if (!a.sole || !b.sole) return false;
    if (a.sourceId === b.sourceId) return true;
    if (Math.abs(a.lo - b.lo) > SOLE_AGE_GAP) return false;
    // The one thing whose age each report gives ("a 20-year-old tub of sauce" / "19-year-old sauces"):
    // one thing when the phrases share a noun; never a person's age.
    if (a.sole.thing || b.sole.thing)
      return Boolean(a.sole.thing && b.sole.thing && [...a.sole.thing].some((n) => b.sole!.thing!.has(n)));
    // Children of one story are often several, a year or so apart (siblings, classmates, a record
    // holder and the boy who nears it): their ages are not one person's unless named.
    if (Math.min(a.lo, b.lo) < SOLE_MIN_AGE) return false;
    const na = a.attribute ?? a.sole.name ?? new Set<string>();
    const nb = b.attribute ?? b.sole.name ?? new Set<string>();
    if (na.size > 0 && nb.size > 0) return false;
    // A name one report gives its age beside, or that its "the 25-year-old" stands for, that the other
    // report never writes, while the other's sentence of its unnamed age names someone or something the
    // first report never writes ("… will race alongside Pavey"): two related stories, each of its own
    // person. (An unnamed report of the same story names what the named one does, or nothing.)
    const apart = (x: Set<string>, y: Mention, other: Mention) =>
      x.size > 0 &&
      ![...x].some((n) => other.sole!.words.has(n)) &&
      [...other.names].some((n) => !y.sole!.words.has(n));
    if (apart(na, a, b) || apart(nb, b, a)) return false;
    // "The 21-year-old suspect" in a report that names the other's person elsewhere (the victim,
    // say) without giving that name an age is another party to the story.
    const named = (x: Set<string>, other: Mention) =>
      other.sole!.role && [...x].some((n) => other.sole!.words.has(n));
    // Nor is the subject of a report that names the other's person as a relative ("said anton
    // velmar, kiril's father. The search for the 52-year-old goes on").
    const relative = (x: Set<string>, other: Mention) => [...x].some((n) => other.sole!.relatives.has(n));
    // And the two sentences must share a word beside the age (a role, a place, a name: "the
    // 29-year-old nurse" / "a nurse, 30,"): two articles of a briefing may each give one age of
    // different people in different stories ("a 34-year-old man was arrested" / "the 35-year-old
    // striker signed").
    // Or one report names its person right after the age ("37-year-old tech worker trent kell") and the
    // other names that person beside its own ("a 36-year-old man has … . Trent Kell of Fremont …").
    const introduced = (x: Mention, y: Mention) =>
      Boolean(x.sole!.person && [...x.sole!.person].every((w) => y.sole!.nearby.has(w)));
    if (inCommonBeside(a, b, AGE_WORDS) < 1 && !introduced(a, b) && !introduced(b, a)) return false;
    return !named(na, b) && !named(nb, a) && !relative(na, b) && !relative(nb, a);
  }
  return undefined;
}

/** Years apart two articles' sole ages may be to be one person's (npm run eval:disagreements). */
export const SOLE_AGE_GAP = 1;
/** Words of an age itself ("a 29-year-old", "aged 29"), not of whose age it is. */
const AGE_WORDS = new Set(["year", "years", "old", "age", "aged", "month", "months"].map((w) => stem(w)));
/** The youngest sole age matched: a child's age alone does not say which child. */
export const SOLE_MIN_AGE = 13;
/** Days apart from which two reports of a person's age may give it before and after a birthday. */
export const AGE_DAYS_APART = 30;

/** How many times the other the larger of two infants' ages in months may be to be one infant's. */
export const INFANT_RATIO = 1.5;

/**
 * Two articles' ages of their one infant ("their 8-month-old baby" / "the couple's 6-month-old child"):
 * one infant's when the sentences name someone the same beside it (its mother, its family: "in
 * hayworth's arms" / "billie jean hayworth"), a name being a capitalised word or one no dictionary knows;
 * and neither is far from the other (a 2-month-old and a 9-month-old are two babies).
 */
function sameInfant(a: Mention, b: Mention): boolean {
  if (a.sourceId === b.sourceId) return a.lo === b.lo;
  if (Math.max(a.lo, b.lo) > INFANT_RATIO * Math.min(a.lo, b.lo)) return false;
  const isName = (w: string) =>
    a.names.has(w) || b.names.has(w) || (dictionaryAvailable() && !inDictionary(w));
  return [...a.context].some((w) => b.context.has(w) && !AGE_WORDS.has(w) && isName(w));
}
