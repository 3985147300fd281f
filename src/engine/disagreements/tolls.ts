/** Whether two tolls (how many were killed, injured, missing …) are of the same event: what they count and where. */
import { canonicalWordStem } from "../../text/synonyms.ts";
import { stem } from "../../text/tokens.ts";
import { inCommonBeside, shareAName } from "./clauses.ts";
import { type Mention, NOT_A_NAME } from "./mention.ts";
import { STORY_TOLL_RATIO, sameStoryToll } from "./storyTolls.ts";

/**
 * The toll rules of sameThing (matching.ts): false or true when they decide, undefined when the
 * rules for any figure decide.
 */
export function sameTollEvent(a: Mention, b: Mention): boolean | undefined {
  const toll = a.kind === "quantity" && sameToll(a, b);
  if (toll && !samePlaces(a, b)) return false;
  // A toll (how many were killed, injured, missing …) in two sentences that share three or more words
  // beside it (the event: its place, what happened, when) is the toll of that event: the clause around
  // the figure varies with how each report is written ("killing 11 people and wounding more than 40" /
  // "the bombing … that killed 14 people"). The names must still agree when both name any.
  // A running total ("the death toll rose to 33") and a toll told in a clause ("five people have been
  // killed across the nation, including three on Sunday", "seven were killed on Monday") far below it
  // count different spans of the event, however many words the sentences share: a part, not the toll.
  if (toll && Boolean(a.tally) !== Boolean(b.tally) && farApart(a, b)) return false;
  if (toll && !(a.distance || b.distance)) {
    // Other tolls of the same sentence ("11 killed and 85 injured") say nothing of which event it is.
    const beside = inCommonBeside(a, b, TOLL_WORDS);
    const names = shareAName(a.names, b.names);
    // Only one of them says where, and the other never names that place: one more word in common (a
    // toll "in Dar es Salaam" is not that of a bomb the other report places nowhere unless they share
    // more than the embassy and the bombing).
    const [pa, pb] = [placesOf(a), placesOf(b)];
    const unplaced = (p: Set<string>, other: Mention) =>
      p.size > 0 && ![...p].some((w) => other.context.has(w));
    const oneSided = (pb.size === 0 && unplaced(pa, b)) || (pa.size === 0 && unplaced(pb, a)) ? 1 : 0;
    if (beside >= TOLL_SHARED + oneSided && names && samePlaces(a, b)) return true;
    // Two reports of one story each giving its one toll beside a toll of the same other kinds ("20 people
    // were killed and 10 others were wounded" / "left 21 people dead and eight wounded"): a report of the
    // event's casualties, as a word in common beside the figures would say.
    const alike = beside === 0 && sameOtherTolls(a, b) ? 1 : 0;
    if (names && samePlaces(a, b) && sameStoryToll(a, b, beside + alike)) return true;
  }
  return undefined;
}

/**
 * Both sentences give tolls of the same kinds beside the toll compared, and at least one ("killed and 10
 * wounded" / "dead and eight wounded"): their toll words, less the compared toll's own.
 */
function sameOtherTolls(a: Mention, b: Mention): boolean {
  const others = (m: Mention) =>
    [...m.context]
      .filter((w) => TOLL_WORDS.has(w) && !a.key.has(w))
      .sort()
      .join(" ");
  const x = others(a);
  return x !== "" && x === others(b);
}

/** One figure more than STORY_TOLL_RATIO times the other. */
function farApart(a: Mention, b: Mention): boolean {
  const [x, y] = [(a.lo + a.hi) / 2, (b.lo + b.hi) / 2].sort((p, q) => p - q) as [number, number];
  return y > STORY_TOLL_RATIO * x;
}

/** Words beside a toll two sentences must share to be about the same event (npm run eval:disagreements). */
export const TOLL_SHARED = 3;
/** What a toll counts, folded ("killed", "dead", "died" → kill; "injured", "wounded", "hurt" → injur). */
const TOLL_WORDS = new Set(
  [
    "killed",
    "injured",
    "missing",
    "hospitalized",
    "arrested",
    "detained",
    "rescued",
    "evacuated",
    "displaced",
    "homeless",
    "quarantined",
    // How badly ("four of them seriously" injured): with what happened, a toll of its own.
    "seriously",
    "critically",
    "severely",
    "gravely",
  ].map(canonicalWordStem),
);
const WHO = new Set(["people", "person", "persons", "others", "individuals"].map((w) => stem(w)));
/** Places a sentence puts its events in ("in Dar es Salaam", "in neighboring Kenya and Tanzania"): their stems. */
const PLACES = new WeakMap<Mention["sentence"], Set<string>>();
const PLACE_IN = /\bin\s+(?:the\s+)?(?:\p{Ll}+\s+)?(\p{Lu}[\p{L}'’-]+)(?:\s+and\s+(\p{Lu}[\p{L}'’-]+))?/gu;
/** "in the lawndale neighborhood", "in the Gresham district": a place named by its kind, whatever the case. */
const PLACE_OF_KIND =
  /\bin\s+the\s+(\p{L}[\p{L}'’-]+)\s+(?:neighborhood|neighbourhood|district|province|county|suburb|borough|region)\b()/giu;
function placesOf(m: Mention): Set<string> {
  let p = PLACES.get(m.sentence);
  if (!p) {
    p = new Set(
      [...m.sentence.text.matchAll(PLACE_IN), ...m.sentence.text.matchAll(PLACE_OF_KIND)]
        .flatMap((x) => [x[1], x[2]])
        .filter((w): w is string => !!w && !NOT_A_NAME.test(w))
        .map(canonicalWordStem),
    );
    PLACES.set(m.sentence, p);
  }
  return p;
}
/**
 * A toll of one place is not the toll of another, nor of all of them ("in Dar es Salaam, 11 people were
 * killed" / "the embassy bombings in Kenya and Tanzania killed 224" / "an attack in neighboring Kenya
 * killed 213"): sentences that both put their events somewhere put them in the same places.
 */
function samePlaces(a: Mention, b: Mention): boolean {
  const x = placesOf(a);
  const y = placesOf(b);
  return x.size === 0 || y.size === 0 || (x.size === y.size && [...x].every((p) => y.has(p)));
}

/** What a toll counts ("22 people killed" → kill), sorted; null when the figure is not a toll. */
export function tollOf(m: Mention): string | null {
  if (m.kind !== "quantity" || m.attribute) return null;
  const x = [...m.key].filter((k) => !WHO.has(k)).sort();
  return x.length > 0 && x.every((k) => TOLL_WORDS.has(k)) ? x.join(" ") : null;
}

/** The same toll: both count what happened to people, the same thing ("22 people killed" / "19 are dead"). */
function sameToll(a: Mention, b: Mention): boolean {
  const x = tollOf(a);
  return x !== null && x === tollOf(b);
}
