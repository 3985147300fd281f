/** Whether two mentions are of the same quantity of the same thing at the same time, and whether their values clash. */
import { jaccard } from "../../text/similarity.ts";
import { canonicalStem } from "../../text/synonyms.ts";
import { stem } from "../../text/tokens.ts";
import { governingVerb, locatedThing } from "./grammar.ts";
import { CURRENCY_WORDS, type Mention, NOT_A_NAME, PERCENT, UNITS } from "./mention.ts";

/**
 * Share of content words two sentences giving a figure must have in common to be about the same fact
 * (npm run eval:disagreements: lower lets through figures of different things in the same story).
 */
export const QUANTITY_OVERLAP = 0.2;
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
  // A bare plural ("millions of fans", "thousands of") is a lower bound, not a figure to dispute.
  if (a.vague || b.vague) return false;
  // A measure of a named thing ("the 24-ton Zarya" / "the 44,000-pound Zarya"): the same names.
  // An age ("Clifford Knight, 46,"): the same full name, in reports of the same year.
  // (A sentence that dates what it tells, "On Oct. 6, 1998, Aaron McKinney, 21, …", gives the age then.)
  if (a.head === "age") {
    if (a.date && b.date && a.date.slice(0, 4) !== b.date.slice(0, 4)) return false;
    // Reports a month or more apart may straddle a birthday ("Henderson, 21," at jury selection in
    // March, "Henderson, 22," at a trial in October).
    if (a.date && b.date && Math.abs(dayOf(a.date) - dayOf(b.date)) >= AGE_DAYS_APART) return false;
    if (a.years.size !== b.years.size || [...a.years].some((y) => !b.years.has(y))) return false;
    // The age of the one person each article gives an age for (referents.ts): another article's such
    // age, a year apart at most (a birthday, a slip; different people of one story mostly differ more),
    // unless both name the person, which the names then decide.
    if (a.sole || b.sole) {
      if (!a.sole || !b.sole) return false;
      if (a.sourceId === b.sourceId) return true;
      if (Math.abs(a.lo - b.lo) > SOLE_AGE_GAP) return false;
      // Children of one story are often several, a year or so apart (siblings, classmates, a record
      // holder and the boy who nears it): their ages are not one person's unless named.
      if (Math.min(a.lo, b.lo) < SOLE_MIN_AGE) return false;
      const na = a.attribute ?? new Set<string>();
      const nb = b.attribute ?? new Set<string>();
      if (na.size > 0 && nb.size > 0) return false;
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
      if (inCommonBeside(a, b, AGE_WORDS) < 1) return false;
      return !named(na, b) && !named(nb, a) && !relative(na, b) && !relative(nb, a);
    }
  }
  if (a.attribute || b.attribute)
    return Boolean(a.attribute && b.attribute && sameNames(a.attribute, b.attribute));
  // "11 million undocumented immigrants" is not "3 million undocumented immigrants with criminal records".
  const ra = a.restriction ?? new Set<string>();
  const rb = b.restriction ?? new Set<string>();
  if (ra.size !== rb.size || [...ra].some((w) => !rb.has(w))) return false;
  // "6,076 people in Honduras" is a part of "more than 10,000 people" unless the other names the place too.
  if ((a.place && !b.context.has(a.place)) || (b.place && !a.context.has(b.place))) return false;
  if (a.kind === "quantity" && jaccard(a.key, b.key) < 0.4) return false;
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
  const unitOnly = [...a.key].every((k) => UNITS.has(k) || CURRENCY_WORDS.has(k) || k === PERCENT);
  if (unitOnly && jaccard(a.context, b.context) < 0.25) return false;
  const toll = a.kind === "quantity" && sameToll(a, b);
  if (toll && !samePlaces(a, b)) return false;
  // A toll (how many were killed, injured, missing …) in two sentences that share three or more words
  // beside it (the event: its place, what happened, when) is the toll of that event: the clause around
  // the figure varies with how each report is written ("killing 11 people and wounding more than 40" /
  // "the bombing … that killed 14 people"). The names must still agree when both name any.
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
    if (names && samePlaces(a, b) && sameStoryToll(a, b, beside)) return true;
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
  if (shared < needed) return false;
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
  const namesOk = shareAName(a.names, b.names);
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
  if (a === b && localOk && namesOk) return true;
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

/** Nouns that say what a unit measures ("the temperature … 117 degrees", "a depth of 4,300 feet"). */
const MEASURE_NOUNS = new Set(
  ["temperature", "depth", "height", "altitude", "elevation", "length", "distance", "diameter"].map((w) =>
    stem(w),
  ),
);

/** The same unit and, in both sentences, the same measure noun (see MEASURE_NOUNS). */
function sameMeasure(a: Mention, b: Mention): boolean {
  if (a.kind !== "quantity" || a.key.size !== 1 || b.key.size !== 1 || a.head !== b.head) return false;
  for (const n of MEASURE_NOUNS) if (a.context.has(n) && b.context.has(n)) return true;
  return false;
}

/** Years apart two articles' sole ages may be to be one person's (npm run eval:disagreements). */
export const SOLE_AGE_GAP = 1;
/** Words of an age itself ("a 29-year-old", "aged 29"), not of whose age it is. */
const AGE_WORDS = new Set(["year", "years", "old", "age", "aged", "month", "months"].map((w) => stem(w)));
/** The youngest sole age matched: a child's age alone does not say which child. */
export const SOLE_MIN_AGE = 13;
/** How many words the two sentences have in common beside the figure's own key (and `except`). */
function inCommonBeside(a: Mention, b: Mention, except?: ReadonlySet<string>): number {
  let n = 0;
  for (const w of a.context) if (b.context.has(w) && !a.key.has(w) && !except?.has(w)) n++;
  return n;
}

/** Days apart from which two reports of a person's age may give it before and after a birthday. */
export const AGE_DAYS_APART = 30;
/** A date's day number (NaN-safe: an unreadable date counts as the same day). */
function dayOf(date: string): number {
  const t = Date.parse(date.slice(0, 10));
  return Number.isNaN(t) ? 0 : t / 86_400_000;
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
  ].map((w) => canonicalStem(stem(w))),
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
        .map((w) => canonicalStem(stem(w.toLowerCase()))),
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

/**
 * Share of the smaller of two articles' opening words (beside those of the two sentences) the other's
 * opening holds for their sole tolls to be the toll of one story (npm run eval:disagreements).
 */
export const STORY_OVERLAP = 0.08;
/** Words of their openings, beside their own sentences', two reports of one story share at least. */
export const STORY_SHARED = 3;
/** A year or a day of a month in a sentence ("in 1939", "of Aug. 17", "17 August"). */
const DATED =
  /\b(?:1[89]\d\d|20\d\d)\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;
/** How many times the other the larger of one story's two tolls may be (npm run eval:disagreements). */
export const STORY_TOLL_RATIO = 1.5;

/**
 * Two reports of one story each giving one toll of a kind ("99 people have been quarantined" / "have
 * quarantined about 80 people"): their tolls are of that story's event, even when the sentences share
 * few words beside the figure — with a word in common still, and the names and places agreeing.
 */
function sameStoryToll(a: Mention, b: Mention, beside: number): boolean {
  if (!a.story || !b.story || a.sourceId === b.sourceId) return false;
  if (beside < 1) return false;
  // A toll dated to a year or a day ("the 1939 quake, which killed 20,000", "the earthquake of Aug. 17,
  // which killed more than 14,000") is of an event the sentence recalls, not the story's own.
  if (DATED.test(a.sentence.text) || DATED.test(b.sentence.text)) return false;
  // Reports of one toll differ by little ("141" / "142", "99" / "about 80"); one far from the other
  // ("23 wounded in clashes" / "211 wounded") is of another clash or another stage of it.
  const [x, y] = [(a.lo + a.hi) / 2, (b.lo + b.hi) / 2].sort((p, q) => p - q) as [number, number];
  if (y > STORY_TOLL_RATIO * x) return false;
  // The openings' words beside those of the two sentences themselves (which share a word already).
  const own = (w: string) => a.context.has(w) || b.context.has(w);
  const rest = (s: Set<string>) => [...s].filter((w) => !own(w));
  const [x2, y2] = [rest(a.story), new Set(rest(b.story))];
  const shared = x2.filter((w) => y2.has(w)).length;
  return shared >= STORY_SHARED && shared >= STORY_OVERLAP * Math.min(x2.length, y2.size);
}

/**
 * Share of content words two sentences must have in common when the figure's own words agree
 * (`samePhrase`): npm run eval:disagreements.
 */
export const SAME_PHRASE_OVERLAP = 0.1;

/** The same counted words. */
function sameKey(a: Mention, b: Mention): boolean {
  return a.key.size === b.key.size && [...a.key].every((k) => b.key.has(k));
}

/** The same counted phrase of two words or more, and a word beside the figure in its clause in common. */
function samePhrase(a: Mention, b: Mention): boolean {
  if (a.key.size < 2 || !sameKey(a, b)) return false;
  if (!a.local || !b.local) return false;
  for (const st of a.local) if (b.local.has(st) && !a.key.has(st)) return true;
  return false;
}

/** The names agree when both name any: one name in common, or either names none. */
function shareAName(a: Set<string>, b: Set<string>): boolean {
  return a.size === 0 || b.size === 0 || [...a].some((n) => b.has(n));
}

/** Two sets of names of one thing: one holds the other ("Zarya" / "Zarya"; "Sword of Orion" / "Sydney yacht Sword of Orion"). */
function sameNames(a: Set<string>, b: Set<string>): boolean {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  return [...small].every((n) => big.has(n));
}

const verbs = new WeakMap<Mention, string | null>();
/** The verb a quantity belongs to (none for a running total: "bringing the total to 702 arrested"). */
function verbOf(m: Mention): string | null {
  if (m.kind !== "quantity" || m.total || m.offset === undefined) return null;
  if (!verbs.has(m)) verbs.set(m, governingVerb(m.sentence.text, m.offset));
  return verbs.get(m) ?? null;
}

function locatedOf(m: Mention): string | null {
  return m.offset === undefined ? null : locatedThing(m.sentence.text, m.offset);
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
