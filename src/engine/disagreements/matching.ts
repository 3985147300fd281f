/**
 * Whether two mentions are of the same quantity of the same thing at the same time (`sameThing`, the
 * one entry point, with the rules for any figure), and whether their values clash (`compatible`). The
 * rules of a kind of figure live beside it: ages.ts, tolls.ts (storyTolls.ts: one story's tolls),
 * measures.ts; clauses.ts what the two sentences have in common.
 */
import { jaccard } from "../../text/similarity.ts";
import { canonicalWordStem } from "../../text/synonyms.ts";
import { sameAge } from "./ages.ts";
import { comparableYardsticks } from "./benchmarks.ts";
import {
  inCommonBeside,
  locatedOf,
  SAME_PHRASE_OVERLAP,
  sameKey,
  sameNames,
  samePhrase,
  shareAName,
  shareLocalWord,
  verbOf,
} from "./clauses.ts";
import { sameDuration } from "./durations.ts";
import { sameEconomicMeasure } from "./economic.ts";
import { significantDigits } from "./figures.ts";
import { sameMeasure } from "./measures.ts";
import { type Mention, namesOnlyUnit } from "./mention.ts";
import { differentOwners } from "./owners.ts";
import { sameStorySpan } from "./spans.ts";
import { sameStoryFigure } from "./storyTolls.ts";
import { atDifferentTimes, unanchoredStanding } from "./times.ts";
import { sameTollEvent } from "./tolls.ts";

/**
 * Share of content words two sentences giving a figure must have in common to be about the same fact
 * (npm run eval:disagreements: lower lets through figures of different things in the same story).
 */
export const QUANTITY_OVERLAP = 0.2;
/** Share of content words two statements must have in common to compare a count written in words. */
export const SPELLED_OVERLAP = 0.5;
/** A day still to come: "will meet on Thursday", "is expected to take place … on Friday". */
export const SCHEDULED =
  /\b(will|is to|are to|due to|expected to|scheduled|set to|to take place|to be held|next)\b/i;
/** A figure of a particular day relative to its article's date ("closed yesterday at $52"). */
export const RELATIVE_DAY = /\b(yesterday|today|tonight|this (morning|afternoon|evening)|last night)\b/i;

/**
 * Two mentions are of the same quantity of the same thing at the same time: the same measure (head
 * noun or event, overlapping noun phrase), the same subject (they share the proper names when both
 * name any, and at least two other content words), not a forecast against an outcome, not different
 * years.
 */
export function sameThing(a: Mention, b: Mention): boolean {
  if (a.kind !== b.kind || a.head !== b.head) return false;
  // "Yesterday" in reports of different dates is not the same day.
  if (
    a.date &&
    b.date &&
    a.date !== b.date &&
    (RELATIVE_DAY.test(a.sentence.text) || RELATIVE_DAY.test(b.sentence.text))
  )
    return false;
  // Reports of different days: a running count, a forecast, or an unnamed figure far apart (times.ts).
  if (atDifferentTimes(a, b)) return false;
  // Reports without dates: a count or level said as where it stands now, not tied to one time by both
  // sentences (times.ts), unless one precise figure is told twice with a slip of its last digits (a count
  // that moves between reports moves further).
  if (unanchoredStanding(a, b) && !slipOf(a, b)) return false;
  // A span of time said without its event ("for eight days"): only each report's one span in its unit,
  // in two reports of one story (storyTolls.ts), of the same time (not a forecast against what was, the
  // same years) and the same names.
  if (a.storySpan || b.storySpan) {
    if (!a.storySpan || !b.storySpan || a.forecast !== b.forecast) return false;
    if (a.years.size > 0 && b.years.size > 0 && ![...a.years].some((y) => b.years.has(y))) return false;
    // (Each sentence naming someone the other does not, "Dallaglio … three years ago" / "O'Connell … two
    // years ago", tells of two people's pasts.)
    const namesOwn = (x: Mention, y: Mention) => [...x.names].some((n) => !y.names.has(n));
    if (namesOwn(a, b) && namesOwn(b, a)) return false;
    return shareAName(a.names, b.names) && sameStorySpan(a, b, inCommonBeside(a, b));
  }
  // How long an event lasted: only against another duration of that event (durations.ts).
  if (a.duration || b.duration) return sameDuration(a, b);
  // A count written in words that is no toll ("leaving three yachts missing"): only between statements
  // that are near the same words ("… leaving two yachts missing"); "two gold medals" beside "won three
  // medals, including two golds" is too often a part or another count.
  if ((a.spelled || b.spelled) && jaccard(a.context, b.context) < SPELLED_OVERLAP) return false;
  // A bare plural ("millions of fans", "thousands of") is a lower bound, not a figure to dispute.
  if (a.vague || b.vague) return false;
  // A record, an average, a threshold or a price class is no observation (benchmarks.ts).
  if (a !== b && !comparableYardsticks(a, b)) return false;
  // A sentence that gives the other's figure too agrees with it: its own figure is of something else
  // ("19 of his 34 points" / "34 points …, 19 points scored in the fourth quarter").
  // (Not an age: "McKinney, 22, and Henderson, 21" gives two people's; not two figures of one sentence,
  // which the sentence's source gives both of and so takes no side on.)
  if (
    a.sentence !== b.sentence &&
    a.kind === "quantity" &&
    a.head !== "age" &&
    (givesFigure(a, b) || givesFigure(b, a))
  )
    return false;
  // A measure of a named thing ("the 24-ton Zarya" / "the 44,000-pound Zarya"): the same names.
  // An age ("Clifford Knight, 46,"): the same full name, in reports of the same year.
  // (A sentence that dates what it tells, "On Oct. 6, 1998, Aaron McKinney, 21, …", gives the age then.)
  if (a.head === "age") {
    const age = sameAge(a, b);
    if (age !== undefined) return age;
  }
  // Figures tied to different named owners ("BA's profits" / "Wimpey reported … profits"): owners.ts.
  if (a.kind === "quantity" && a.sentence !== b.sentence && differentOwners(a, b)) return false;
  if (a.attribute || b.attribute)
    return Boolean(a.attribute && b.attribute && sameNames(a.attribute, b.attribute));
  // "11 million undocumented immigrants" is not "3 million undocumented immigrants with criminal records".
  const ra = a.restriction ?? new Set<string>();
  const rb = b.restriction ?? new Set<string>();
  if (ra.size !== rb.size || [...ra].some((w) => !rb.has(w))) return false;
  // "6,076 people in Honduras" is a part of "more than 10,000 people" unless the other names the place too.
  if ((a.place && !b.context.has(a.place)) || (b.place && !a.context.has(b.place))) return false;
  if (a.kind === "quantity" && jaccard(a.key, b.key) < 0.4) return false;
  // A percentage or a sum of another measure (economic.ts).
  if (!sameEconomicMeasure(a, b)) return false;
  if (a.forecast !== b.forecast) return false;
  if (a.years.size > 0 && b.years.size > 0 && ![...a.years].some((y) => b.years.has(y))) return false;
  // A total over a span of years is not one year's figure ("417 speeches in 10 years" / "36 in 2009").
  if ((a.span && !b.span && b.years.size > 0) || (b.span && !a.span && a.years.size > 0)) return false;
  // What the figure is "of": "a collection of 2,000 specimens" is not "1,200 specimens" examined — unless
  // the other sentence speaks of the same thing in other words ("inspections on 175 Boeing 737s").
  const governed = (x: Mention, y: Mention) =>
    !x.governor || x.governor === y.governor || (!y.governor && y.context.has(x.governor));
  if (a.kind === "quantity" && (!governed(a, b) || !governed(b, a))) return false;
  // A figure that names only its unit ("$1.5bn", "3%", "8 mph"): the two sentences must be about the
  // same thing in most of their words.
  // (Not when both say the same measure of it: "some 4,300 feet below the surface" twice, measures.ts.)
  const unitOnly = namesOnlyUnit(a.key);
  if (unitOnly && jaccard(a.context, b.context) < 0.25 && !sameMeasure(a, b)) return false;
  const toll = sameTollEvent(a, b);
  if (toll !== undefined) return toll;
  // Each report's one figure of the same counted phrase, in two reports of one story (storyTolls.ts):
  // the clause around it varies with how each is written ("in which … 240 taken hostage" / "saw 251
  // taken hostage"); its own clause must name nothing the other does not.
  if (a.soleOf && b.soleOf && sameKey(a, b)) {
    const namesAgree = shareAName(a.names, b.names) && !ownName(a, b) && !ownName(b, a);
    if (sameStoryFigure(a, b, inCommonBeside(a, b), namesAgree)) return true;
  }
  // Any figure: the two sentences report the same fact, so they share a good part of their words —
  // less of them when the figure's own words say it: the same counted phrase of two words or more and a
  // word of its clause in common ("a 30-hour siege" / "a 32-hour siege", both beside "police"), which a
  // long sentence (a headline run into the first line) would otherwise drown.
  // A figure in a unit that both sentences say is the same measure of the scene ("temperatures in the
  // area had reached 117 degrees" / "the temperature in the neighborhood had reached 115 degrees"): the
  // measure names what the unit alone does not; its clause must still agree (below).
  const measured = sameMeasure(a, b);
  // A share with the same thing said of it ("22 percent are obese" / "17.9 percent of Americans are
  // obese"): what it measures is said, as by a measure noun.
  const shares = Boolean(a.share && b.share && sameKey(a, b));
  if (a.kind === "quantity" && !measured && !shares && jaccard(a.context, b.context) < QUANTITY_OVERLAP) {
    if (jaccard(a.context, b.context) < SAME_PHRASE_OVERLAP || !samePhrase(a, b)) return false;
  }
  // An event day: a day still to come in both reports (days of past events are of different events
  // far more often than disputed), both naming who or where, sharing a name.
  if (a.kind === "day") {
    if (!SCHEDULED.test(a.sentence.text) || !SCHEDULED.test(b.sentence.text)) return false;
    if (a.names.size === 0 || b.names.size === 0 || jaccard(a.context, b.context) < 0.08) return false;
  }
  const shared = inCommonBeside(a, b);
  // An event day or a noun phrase of its own ("North Korean labourers") needs one more shared word;
  // a figure that only names its unit ("$1.5bn", "3%") needs three.
  const needed = a.kind === "day" || measured || shares || (a.key.size >= 2 && b.key.size >= 2) ? 1 : 3;
  const restated = restatedFigure(a, b);
  if (shared < needed && !restated) return false;
  // The figure's own clause must be about the same thing: at least one word beside the figure, other
  // than what it counts, in common ("20 states have sued Microsoft" / "19 states that sued Microsoft";
  // not "3,500 troops deployed for an assault" / "a plane with 40 troops"); and the sentences' names
  // shared when both name any.
  let near = 0;
  if (a.local && b.local) for (const st of a.local) if (b.local.has(st) && !a.key.has(st)) near++;
  // A clause that says nothing beside what it counts ("The 21-car train, …"; "22 people were injured")
  // cannot differ from the other's: the sentences' words decide.
  const bare = (m: Mention) =>
    Boolean(m.compound || m.casualty || m.done) && [...(m.local ?? [])].every((st) => m.key.has(st));
  const localOk = !(a.local && b.local) || near > 0 || bare(a) || bare(b);
  // (Names of what is counted, "degrees Fahrenheit", name no subject: "in Spain" / "Americans" differ.)
  const namesOk =
    shareAName(a.names, b.names) &&
    shareAName(namesBeside(a), namesBeside(b)) &&
    !ownName(a, b) &&
    !ownName(b, a);
  // Otherwise only a figure whose noun phrase of three words or more is the same and whose verb is
  // the same ("15 anti-government ethnic armed groups have made peace" / "17 … have made peace"):
  // its own clause says what it counts; the names in that clause must not differ ("Toyota sold").
  const pinnable = a.key.size >= 3 && jaccard(a.key, b.key) >= 0.75;
  if ((!localOk || !namesOk) && !pinnable) return false;
  // The same noun phrase of three words or more, beside the same words in its clause and the same
  // names: the phrase says what is counted, and its verb adds nothing ("around 10,000 North Korean
  // labourers are still employed" / "tens of thousands of North Korean migrant laborers work"). Decided
  // here, before the tagger, which then loads only for figures their words do not pin down.
  if (pinnable && localOk && namesOk && !(a.distance && b.distance)) return true;
  // A mention against itself (every mention meets itself when the clusters are made): the same verb.
  // One precise figure restated with a slip: its clause may put it to another verb ("sold 17.2 million
  // shares" / "the offer of 17.3 million shares was sold").
  if ((a === b || restated) && localOk && namesOk) return true;
  // What the tagger says (grammar.ts), last: it is the costly check.
  // A distance locates something: the same thing ("Izmit, 55 miles east of Istanbul"), not the
  // epicentre against a refinery near it.
  if (a.distance && b.distance) {
    const x = locatedOf(a);
    const y = locatedOf(b);
    if (x && y && x !== y) return false;
  }
  // The verb the figure belongs to: "ban 317,377 users" is not "deliver the names of 335,435 users".
  // A measure joined to its noun ("a 30-hour siege") describes the noun, whatever the sentence does with it.
  const va = a.compound && b.compound ? null : verbOf(a);
  const vb = a.compound && b.compound ? null : verbOf(b);
  if (va && vb && va !== vb) return false;
  if (localOk && namesOk) return true;
  // Measures joined to the same noun phrase of three words or more ("the 83-km dos ojos system" / "the
  // 84-kilometer dos ojos system") describe that thing, whatever each sentence does with it.
  if (a.compound && b.compound && pinnable && namesOk) return true;
  if (!va || va !== vb) return false;
  return shareAName(a.localNames ?? a.names, b.localNames ?? b.names);
}

/** A figure given as an estimate or a bound ("about 17 million", "up to $443m"): no precise figure. */
const ROUGHLY = /^\s*(?:about|around|nearly|almost|some|roughly|approximately|up to)\b/i;

/** How far apart (as a share of the larger) two precise figures of one restated fact may be. */
export const RESTATED_GAP = 0.02;

/**
 * One precise figure of a thing restated in another report with a slip ("sold 17.2 million shares" /
 * "the offer of 17.3 million shares was sold"): the same counted noun (not a unit alone), a word of the
 * figure's clause in common, figures of three significant digits or more within RESTATED_GAP of each
 * other, as written (no "more than", "about"); the names are checked after. A count that changes (a
 * running total, another week's figure) moves further than a slip of a last digit.
 */
function restatedFigure(a: Mention, b: Mention): boolean {
  return slipOf(a, b) && shareLocalWord(a, b);
}

/**
 * One precise figure of the same counted noun (not a unit alone), told by two sentences a slip apart:
 * three significant digits or more each, within RESTATED_GAP of each other, as written (no "more than",
 * "about").
 */
function slipOf(a: Mention, b: Mention): boolean {
  if (a.kind !== "quantity" || !sameKey(a, b) || namesOnlyUnit(a.key)) return false;
  if (a.lowerBound || b.lowerBound || a.vague || b.vague || a.total || b.total) return false;
  const da = digitsOf(a);
  const db = digitsOf(b);
  if (!da || !db || significantDigits(da) < 3 || significantDigits(db) < 3) return false;
  if (ROUGHLY.test(a.value) || ROUGHLY.test(b.value)) return false;
  const mid = (m: Mention) => (m.lo + m.hi) / 2;
  const [x, y] = [mid(a), mid(b)];
  return Math.abs(x - y) <= RESTATED_GAP * Math.max(x, y);
}

/** The digits of a mention's figure as written ("at least 1,600" → "1,600"). */
function digitsOf(m: Mention): string | null {
  return /\d[\d,]*(?:\.\d+)?/.exec(m.value)?.[0] ?? null;
}

/**
 * Whether x's sentence gives y's figure (its digits, whole) elsewhere than at x's own figure, of what y
 * counts: one of the few words after it is in y's counted phrase ("19 of his 34 points"; not "the 19-acre
 * property …, about 20 miles north").
 */
function givesFigure(x: Mention, y: Mention): boolean {
  const d = digitsOf(y);
  if (!d || d === digitsOf(x)) return false;
  const esc = d.replace(/[.,]/g, (c) => `\\${c}`);
  const t = x.sentence.text;
  for (const m of t.matchAll(new RegExp(`(?<![\\d.,])${esc}(?![\\d]|[.,]\\d)`, "g"))) {
    const words = t.slice(m.index + d.length, m.index + d.length + 40).match(/\p{L}+/gu) ?? [];
    if (words.slice(0, 4).some((w) => y.key.has(canonicalWordStem(w)))) return true;
  }
  return false;
}

/** A mention's sentence's names, less those of what it counts ("fahrenheit" of degrees Fahrenheit). */
function namesBeside(m: Mention): Set<string> {
  return new Set([...m.names].filter((n) => !m.key.has(n)));
}

/**
 * x's own clause names a thing y's sentence does not ("the Park Fire was burning 397,000 acres"), and
 * y's sentence names one x's does not ("the group, which includes the Borel Fire, …"): other things.
 */
function ownName(x: Mention, y: Mention): boolean {
  const own = [...(x.localNames ?? [])].filter((n) => !x.key.has(n));
  return own.some((n) => !y.names.has(n)) && [...y.names].some((n) => !x.names.has(n) && !y.key.has(n));
}

/** How far a figure converted from another unit may be from one given in it (a rounding). */
const CONVERTED_TOLERANCE = 0.06;

export function compatible(a: Mention, b: Mention): boolean {
  if (a.kind === "day") {
    for (const d of a.days) if (b.days.has(d)) return true;
    return false;
  }
  // Two lower bounds ("more than 1,000 homes" / "more than 2,000 homes") can both be true.
  if (a.lowerBound && b.lowerBound) return true;
  // Figures given in different units are rounded in one or the other ("35 feet" / "10 meters").
  const w = (a.unit ?? "") !== (b.unit ?? "") ? CONVERTED_TOLERANCE : 0;
  const widen = (m: Mention): [number, number] => {
    const mid = (m.lo + m.hi) / 2;
    return [Math.min(m.lo, mid * (1 - w)), Math.max(m.hi, mid * (1 + w))];
  };
  const [al, ah] = widen(a);
  const [bl, bh] = widen(b);
  return al <= bh && bl <= ah;
}
