/**
 * Quantities in a sentence: numbers ("10,000", "$500m", "2.5 million", "around 300") and vague quantities
 * ("tens of thousands of"), each turned into a range and attached to the noun phrase it counts.
 */
import type { Sentence } from "../../search/index.ts";
import { NUMBER_WORDS } from "../../text/numberWords.ts";
import { canonicalWordStem } from "../../text/synonyms.ts";
import { STOPWORDS, stem } from "../../text/tokens.ts";
import { dictionaryAvailable, inDictionary } from "../../text/wordnet.ts";
import {
  aboutStem,
  CURRENCY_WORDS,
  contextOf,
  GENERIC,
  isContent,
  keyOf,
  type Mention,
  MONTH_NAME,
  MONTH_WORD,
  NOT_A_NAME,
  phraseAfter,
  REPORTING,
  type Token,
  thingStem,
  tokens,
  UNITS,
  WEEKDAYS,
} from "./mention.ts";
import { MULT, normaliseUnit } from "./units.ts";

export const VAGUE: [RegExp, number, number][] = [
  [/^hundreds of millions$/i, 2e8, 999e6],
  [/^tens of millions$/i, 2e7, 99e6],
  [/^hundreds of thousands$/i, 2e5, 999_999],
  [/^tens of thousands$/i, 20_000, 99_999],
  // "Thousands of tourists" does not contradict "200,000 tourists": a plain plural is a lower bound.
  [/^millions$/i, 2e6, 2e9],
  [/^billions$/i, 2e9, 2e12],
  [/^thousands$/i, 2_000, 2e6],
  [/^hundreds$/i, 200, 2e5],
  [/^dozens$/i, 24, 2e4],
];

export const MODIFIER =
  "about|around|nearly|almost|roughly|approximately|some|an estimated|estimated|over|more than|less than|fewer than|at least|up to|as many as|as much as|as few as|under|just over|just under";
export const QUANTITY = new RegExp(
  `(?:\\b(${MODIFIER})\\s+)?(?:(hundreds of millions|tens of millions|hundreds of thousands|tens of thousands|millions|billions|thousands|hundreds|dozens)\\s+of\\b|(?:([$£€])\\s?)?(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?:(?:\\s?|-(?=(?:million|billion|trillion|thousand)\\b))(million|billion|trillion|thousand|bn|m|k)\\b)?(%|\\s?percent\\b|\\s?per cent\\b)?)`,
  "gi",
);

/** "Tens of thousands of" → "tens of thousands"; "Around 10,000" → "around 10,000". */
export function quantityValue(matched: string): string {
  return matched
    .trim()
    .replace(/\s+of$/i, "")
    .replace(/^[A-Z][a-z]/, (x) => x.toLowerCase());
}

/** "… bringing the total to 702": the running total an increment leads to. */
export const TOTAL =
  /\b(?:bringing|brings|brought|raising|raises|raised|taking|takes|pushing|pushes)\s+(?:the|its|their)\s+(?:death\s+)?(?:total|tally|toll|number)\s+(?:\w+\s+){0,2}to\s+((?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s?(?:million|billion|thousand))?)/i;
/** Words after a figure that make it a part of a larger count ("among", "in the latest", "of whom"). */
export const PART = /\b(among|in the latest|in the last|of whom|of them|in the first|in the second)\b/i;

/** The rest of the figure's clause (to the next comma, semicolon, colon or bracket). */
export function clauseAfter(text: string, from: number): string {
  const rest = text.slice(from);
  const end = rest.search(/[,;:()]|\s--\s|\s_\s/);
  return end >= 0 ? rest.slice(0, end) : rest;
}

/** Content stems within `span` tokens of [from, to) that stay inside the figure's clause. */
export function localStems(toks: Token[], from: number, to: number, span = 6, names = false): Set<string> {
  const out = new Set<string>();
  const walk = (i: number, step: number) => {
    for (let n = 0; i >= 0 && i < toks.length && n < span; i += step, n++) {
      const w = toks[i]!.word;
      if (/^[,;:()]$/.test(w)) break;
      const st = aboutStem(w, canonicalWordStem);
      if (st === null) continue;
      if (names && (i === 0 || !/^\p{Lu}/u.test(w) || NOT_A_NAME.test(w))) continue;
      out.add(st);
    }
  };
  walk(from - 1, -1);
  walk(to, 1);
  return out;
}

/**
 * A count of people by what happened to them ("22 people were injured", "19 men were wounded", "26 were
 * missing"): what happened is the counted thing, folded with its near-synonyms (wounded/hurt/injured,
 * killed/dead/died), with the kind of people when it is not just "people". Null when the words after
 * the figure are not such a report.
 */
const CASUALTY =
  /^(killed|dead|died|injured|wounded|hurt|missing|hospitali[sz]ed|arrested|detained|rescued|evacuated|displaced|homeless|quarantined)$/i;
const PEOPLE_WORD = /^(people|persons|others|individuals)$/i;
/**
 * A verb before a count of people that says what happened to them ("killing 11 people", "injured 40",
 * "police arrested 12 people", "evacuating 2,000 residents"): the active voice of what CASUALTY reads
 * after the figure ("12 people were arrested").
 */
const CASUALTY_VERB =
  /^(?:kill|injur|wound|quarantin|arrest|detain|rescu|evacuat|hospitali[sz]|displac)(?:ed|ing|es|s)$/i;
/** "the deaths of 16 people", "the killing of 12 civilians": a toll said by the noun of the event. */
const DEATHS_OF = /^(deaths|killings?)$/i;
/** "a gunbattle left 29 bodies": what the event left behind, the dead. */
const LEFT = /^(left|leaving|leaves)$/i;
/** "850 people who died": a relative clause says what happened to them. */
const WHO_THAT = /^(who|that)$/i;
const BE = /^(were|was|are|is|have|has|had|been|reportedly|also|now|still|later|being)$/i;
function casualtyKey(
  toks: Token[],
  phrase: string[],
  endTok: number,
  startTok: number,
): { words: string[]; end: number } | null {
  if (endTok < 0) return null;
  const whoOf = (w: string) => (PEOPLE_WORD.test(w) ? [] : [w]);
  // "left 29 bodies", "left 28 dead": the dead an event left.
  const before = toks[startTok - 1]?.word ?? "";
  if (phrase.length >= 1 && /^bodies$/i.test(phrase[0]!) && LEFT.test(before))
    return { words: ["dead"], end: endTok + 1 };
  // "killing 11 people", "wounded at least 40 civilians": the verb before the figure says what happened.
  if (phrase.length === 1 && startTok > 0 && CASUALTY_VERB.test(before) && !CASUALTY.test(phrase[0]!))
    return { words: [...whoOf(phrase[0]!), before], end: endTok + 1 };
  // "the deaths of 16 people": the dead, whoever they were.
  if (phrase.length === 1 && /^of$/i.test(before) && DEATHS_OF.test(toks[startTok - 2]?.word ?? ""))
    return { words: [...whoOf(phrase[0]!), "dead"], end: endTok + 1 };
  // "killed 12 people iran has been …": in a copy without its full stops, "people" ends what is counted.
  if (phrase.length > 1 && startTok > 0 && CASUALTY_VERB.test(before) && PEOPLE_WORD.test(phrase[0]!))
    return { words: [before], end: endTok + 1 };
  if (phrase.length > 1) return null;
  if (phrase.length === 1 && CASUALTY.test(phrase[0]!)) return { words: [phrase[0]!], end: endTok + 1 };
  let i = endTok + phrase.length;
  // "142 people, most of them children, were killed" / "left 142 people, most of them children, dead":
  // an apposition about who they were stands between the count and what happened to them.
  const apposition = appositionEnd(toks, i);
  if (apposition > i) i = apposition;
  // "850 people who died", "40 persons who were injured": a relative clause says what happened.
  if (WHO_THAT.test(toks[i]?.word ?? "") && PEOPLE_WORD.test(phrase[0] ?? "")) i++;
  for (let n = 0; n < 3 && BE.test(toks[i]?.word ?? ""); n++) i++;
  if (i === endTok + phrase.length) return null;
  const what = toks[i]?.word ?? "";
  if (!CASUALTY.test(what)) return null;
  const who = phrase.length === 1 && !PEOPLE_WORD.test(phrase[0]!) ? [phrase[0]!] : [];
  return { words: [...who, what], end: i + 1 };
}

/** "four of them seriously", "including five critically": a part of the injured by how badly. */
const SEVERE = /^\s+(?:of (?:them|whom)\s+)?(?:were\s+|are\s+)?(seriously|critically|severely|gravely)\b/i;
/** The injured counted before ("44 people have been injured, …") a figure of how many of them are badly hurt. */
const INJURED_BEFORE = /\b(?:injured|wounded|hurt)\b[^.;:]*,\s*(?:including\s+)?$/i;
/**
 * The severity word after a figure that counts the badly injured among a count of injured just before
 * it ("44 people have been injured, four of them seriously"), and where the phrase ends; null otherwise.
 */
function severeAfter(text: string, at: number, length: number): { word: string; end: number } | null {
  const m = SEVERE.exec(text.slice(at + length));
  if (!m || !INJURED_BEFORE.test(text.slice(Math.max(0, at - 120), at))) return null;
  return { word: m[1]!.toLowerCase(), end: at + length + m[0].length };
}

/**
 * "The death toll has climbed to 145 people", "the toll rose to at least 30", "the death toll stands at
 * 12", "raising the death toll to 21": a death toll said before its figure, which then counts the dead
 * (whatever follows: "people", or nothing). An injury or arrest "toll" says which it is ("the injury
 * toll") and is not read here.
 */
const TOLL_BEFORE =
  /\b(?:death\s+)?toll\s+(?:\p{L}+\s+){0,6}?(?:(?:has|had|have)\s+(?:now\s+|since\s+|already\s+)?)?(?:climbed|risen|rose|jumped|soared|increased|grown|grew|reached|hit|stood|stands|mounted)\s+(?:to|at)\s+$|\b(?:raising|bringing|pushing|taking|raised|brought|pushed|took)\s+(?:the|its)\s+(?:death\s+)?toll\s+to\s+$/iu;
/** Words between "toll" and its verb that say it is not a death toll ("the injury toll"). */
const NOT_DEATH_TOLL = /\b(?:injur\w*|wound\w*|arrest\w*|casualt\w*)\s+toll\b/i;
function tollBefore(
  text: string,
  at: number,
  toks: Token[],
  phrase: string[],
  endTok: number,
): { words: string[]; end: number; tally: true } | null {
  const before = text.slice(Math.max(0, at - 80), at);
  if (!TOLL_BEFORE.test(before) || NOT_DEATH_TOLL.test(before)) return null;
  // Up to the word the toll counts ("145 people", "145 lives"), or the figure alone.
  if (endTok < 0) return { words: ["dead"], end: toks.length, tally: true };
  const counted = phrase.length > 0 && /^(people|persons|lives|individuals)$/i.test(phrase[0]!) ? 1 : 0;
  if (phrase.length > counted) return null;
  return { words: ["dead"], end: endTok + counted, tally: true };
}

/** How an apposition about the people counted opens ("most of them children", "including 12 police officers"). */
const APPOSITION_START =
  /^(most|many|some|all|including|mostly|among|half|several|nearly|almost|mainly|\d[\d,]*)$/i;
/**
 * The token after an apposition that opens at `i` (", most of them children,"): `i` when none. Up to
 * eight words between two commas, none of them saying what happened.
 */
function appositionEnd(toks: Token[], i: number): number {
  if (toks[i]?.word !== "," || !APPOSITION_START.test(toks[i + 1]?.word ?? "")) return i;
  for (let j = i + 2; j < toks.length && j <= i + 9; j++) {
    const w = toks[j]!.word;
    if (w === ",") return j + 1;
    if (w === ";" || w === ":" || CASUALTY.test(w) || CASUALTY_VERB.test(w) || BE.test(w)) return i;
  }
  return i;
}

/** What may stand between "people" and what they have done ("have ever passed", "had already voted"). */
const PERFECT = /^(have|has|had)$/i;
const ADVERB = /^(ever|already|now|so|far|since|also|reportedly|successfully|actually|still)$/i;
/**
 * "273 people have (ever) passed", "40 people had signed": the verb of a count of people in the perfect
 * (a past participle in -ed after have/has/had). Null otherwise.
 */
function peopleDone(toks: Token[], phrase: string[], endTok: number): { verb: string; end: number } | null {
  if (endTok < 0 || phrase.length !== 1 || !PEOPLE_WORD.test(phrase[0]!)) return null;
  let i = endTok + 1;
  // "273 people in the world have passed", "40 people in history had climbed": where they are counted.
  const where = /^the$/i.test(toks[i + 1]?.word ?? "") ? 3 : 2;
  if (/^in$/i.test(toks[i]?.word ?? "") && PERFECT.test(toks[i + where]?.word ?? "")) i += where;
  if (!PERFECT.test(toks[i]?.word ?? "")) return null;
  i++;
  for (let n = 0; n < 2 && ADVERB.test(toks[i]?.word ?? ""); n++) i++;
  const verb = toks[i]?.word ?? "";
  if (!/^\p{Ll}[\p{Ll}]+ed$/u.test(verb) || CASUALTY.test(verb)) return null;
  return { verb, end: i + 1 };
}

/**
 * Nouns a figure can be "of" without changing what it counts ("a total of 15 groups", "a crowd of 300
 * people", "a fine of $500"). Any other noun says what the figure measures: "a collection of 2,000
 * specimens" is not the 1,200 specimens a team examined, "the names of 335,435 users" not 317,377 banned.
 */
const NEUTRAL_OF =
  /^(total|tally|toll|number|estimate|average|sum|figure|count|crowd|group|groups|team|list|minimum|maximum|record|rate|value|price|cost|fine|bill|budget|salary|fee|fees|sale|sales|amount|population|force|fleet|staff|workforce|height|depth|length|distance|speed|weight|area|age|margin|lead|score|majority|share|stake|profit|loss|revenue|debt|deficit|surplus|payment|award|damages|settlement|bail|bond|jackpot|prize|loan|sentence|term)$/i;
function governorOf(text: string, at: number): string | undefined {
  const g =
    /\b(\p{L}+)\s+of\s+(?:the\s+|some\s+|about\s+|around\s+|nearly\s+|almost\s+|over\s+|more than\s+|at least\s+)?$/iu.exec(
      text.slice(Math.max(0, at - 40), at),
    );
  if (!g) return undefined;
  const w = g[1]!.toLowerCase();
  if (NEUTRAL_OF.test(w) || STOPWORDS.has(w) || UNITS.has(stem(w)) || CURRENCY_WORDS.has(stem(w)))
    return undefined;
  if (/^(percent|cent|per|out|each|one|all|most|many|none|both|half|part)$/.test(w)) return undefined;
  // "inspections today of 80 …": a time is not what the figure is of.
  if (GENERIC.has(stem(w)) || RELATIVE_TIME.test(w) || MONTH_NAME.test(w)) return undefined;
  return canonicalWordStem(w);
}

const RELATIVE_TIME =
  /^(today|yesterday|tonight|tomorrow|morning|afternoon|evening|night|weekend|season|quarter)$/i;

/** Words that compare a figure with another rather than say what it is of. */
const COMPARING = /^(compared|comparison|compares|versus|vs)$/i;

/**
 * The counted phrase without the verb that follows its plural noun ("20 states sued Microsoft", "19 states
 * suing", "20 states kicked in"): what is counted is the noun, the verb says what they did — which the
 * clause around the figure compares. What happened to people ("people injured") stays: it is the count.
 */
function verbCut(phrase: string[]): string[] {
  for (let i = 1; i < phrase.length; i++) {
    const w = phrase[i]!;
    if (!/\p{Ll}{2,}(?:ed|ing)$/u.test(w) || /eed$/i.test(w) || CASUALTY.test(w)) continue;
    if (/s$/i.test(phrase[i - 1]!) && !/ss$/i.test(phrase[i - 1]!)) return phrase.slice(0, i);
  }
  return phrase;
}

/** The lower end of a range before a figure ("20 to 25", not "from 20 to 25"). */
const RANGE_BEFORE = /(?:\bfrom\s+)?(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)\s+to\s+$/i;

/** Units of a span of time ("30 minutes", "18 years"). */
const TIME_UNIT = /^(minutes?|hours?|days?|weeks?|months?|years?)$/i;
/** A verb whose span a time counts ("waited", "spent", "lasting", "served"): past or -ing forms. */
const SPAN_VERB = /^(?:\p{Ll}{2,}(?:ed|ing)|spent|took|kept)$/u;

/** A figure given as a choice of two ("17 or 18 miles"): the smaller one, just before "or". */
const OR_BEFORE = /(?:^|[^\d.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s+or\s+$/;

/** Upper bound of "more than x", as a multiple of x. */
const MORE_THAN = 1.35;
/** What is said of a percentage after it: "[of children] had stunted growth", "are obese". */
const PREDICATE =
  /^\s*(?:of\s+(?:the\s+)?(?:[\p{L}\d-]+\s+){1,3}?)?(?:are|is|were|was|have|has|had)\s+(?:now\s+|still\s+|already\s+)?([\p{L}-]+)(?:\s+([\p{L}-]+))?/u;
/** "within 8,000 miles of Pluto": a distance from a thing, said before its figure. */
const WITHIN_BEFORE = /\bwithin\s+$/i;
/** "55 miles east of …": a distance that locates something. */
const DISTANCE =
  /^\s*(?:miles?|kilomet(?:er|re)s?|km)\s+(?:(?:north|south)(?:east|west)?|east|west)(?:-(?:north|south)?(?:east|west))?\s+of\b/i;
/** Units of a figure joined to it by a hyphen that say how long something lasts or how old it is. */
const SPAN_UNIT = /^(years?|months?|weeks?|days?|hours?|minutes?|seconds?|times?|old|point|way)$/i;
/** Mass units of an attribute ("the 24-ton Zarya", "a 44,000-pound module"), in tonnes. */
const MASS: Record<string, number> = {
  ton: 0.96,
  tons: 0.96,
  tonne: 1,
  tonnes: 1,
  pound: 0.000453592,
  kilogram: 0.001,
};

/**
 * What narrows or widens the counted phrase right after it: "with criminal records", "under the age
 * of 13", "[of sugar] per can", "and adults" — not a new clause ("65 people and injuring 157"):
 * content stems of up to four words after the marker.
 */
function restrictionAt(toks: Token[], from: number): Set<string> {
  let at = from;
  // "9 teaspoons of sugar per can": past what the unit counts.
  if (toks[at]?.word.toLowerCase() === "of") {
    at++;
    const marks = (w: string) => /^(per|with|without|under|aged)$/i.test(w);
    for (let n = 0; n < 3 && isContent(toks[at]?.word ?? "") && !marks(toks[at]!.word); n++) at++;
    if (!marks(toks[at]?.word ?? "")) return new Set();
  }
  const marker = toks[at]?.word.toLowerCase() ?? "";
  const next = toks[at + 1]?.word ?? "";
  if (/^(and|or)$/.test(marker)) {
    // "children and adults", not "65 people and injuring 157 others".
    // Only a plural noun joins the counted phrase ("and adults"; not "and take five years").
    if (!isContent(next) || /(ing|ed|ss)$/i.test(next) || !/s$/i.test(next) || /^\p{Lu}/u.test(next))
      return new Set();
  } else if (!/^(with|without|aged|under|per)$/.test(marker)) return new Set();
  const words: string[] = [];
  for (const t of toks.slice(at + 1, at + 5)) {
    if (/^[,;:()]$/.test(t.word)) break;
    if (isContent(t.word)) words.push(t.word);
  }
  return keyOf(words.slice(0, 3));
}

/** The last capitalised word of a phrase ("Sydney yacht Sword of Orion" → 4). */
function lastName(words: string[]): number {
  for (let i = words.length - 1; i >= 0; i--) if (/^\p{Lu}/u.test(words[i]!)) return i;
  return words.length - 1;
}

/**
 * What a measure is called when its unit says it ("Magnitude of the earthquake" for "a 7.0-magnitude
 * earthquake", "Temperature" for "temperatures reached 117 degrees"), rather than "Number of degrees".
 */
function measureHeading(phrase: string[], text: string): string | null {
  const [unit, ...rest] = phrase.map((w) => w.toLowerCase());
  if (unit === "magnitude") return rest.length > 0 ? `Magnitude of the ${rest.join(" ")}` : "Magnitude";
  if (/^degrees?$/.test(unit ?? "") && rest.length === 0 && /\btemperatures?\b/i.test(text))
    return "Temperature";
  return null;
}

/** What a measure of a named thing is called: "Length of", "Weight of", "Area of", "Number of nations in". */
function measureOf(head: string, unitWord: string): string {
  if (head === canonicalWordStem("metre") || head === canonicalWordStem("kilometre")) return "Length of";
  if (head === "tonne") return "Weight of";
  if (head === canonicalWordStem("hectare")) return "Area of";
  return `Number of ${unitWord}s in`;
}

/**
 * A figure joined by a hyphen to its unit in front of a named thing ("the 21-nation Asia-Pacific
 * Economic Cooperation forum", "the 30-foot Sydney yacht Sword of Orion"): a measure of that thing,
 * compared with the same measure of the same names. Null when no name follows.
 */
function attributeOf(
  s: Sentence,
  sourceId: string,
  rest: string,
  restAt: number,
  lo: number,
  hi: number,
  value: string,
  offset: number,
): Mention | null {
  const a = /^-(\p{L}+)\s+/u.exec(rest);
  // A magnitude is an earthquake's, not a named thing's ("a 7.0-magnitude earthquake struck Okinawa").
  if (!a || SPAN_UNIT.test(a[1]!) || /^magnitude$/i.test(a[1]!)) return null;
  const unitWord = a[1]!.toLowerCase();
  const toks = tokens(s.text.slice(restAt + a[0].length));
  const names = new Set<string>();
  const words: string[] = [];
  for (const t of toks.slice(0, 6)) {
    if (/^\p{Lu}/u.test(t.word) && !NOT_A_NAME.test(t.word)) names.add(canonicalWordStem(t.word));
    else if (t.word !== "of" && !/^\p{Ll}/u.test(t.word)) break;
    else if (t.word === "of" && names.size === 0) break;
    else if (t.word !== "of" && STOPWORDS.has(t.word.toLowerCase())) break;
    words.push(t.word);
  }
  if (names.size === 0) return null;
  const mass = MASS[unitWord];
  const unit = mass
    ? { key: new Set(["tonne"]), head: "tonne", factor: mass }
    : normaliseUnit(keyOf([unitWord]), canonicalWordStem(unitWord));
  return {
    kind: "quantity",
    key: unit.key,
    head: unit.head,
    about: `${measureOf(unit.head, unitWord)} the ${words.slice(0, lastName(words) + 1).join(" ")}`,
    lo: lo * unit.factor,
    hi: hi * unit.factor,
    ...(unit.factor !== 1 ? { unit: canonicalWordStem(unitWord) } : {}),
    days: new Set(),
    value: `${value}-${unitWord}`,
    sentence: s,
    sourceId,
    ...contextOf(s),
    offset,
    attribute: names,
  };
}

/** A person's age in apposition: "Clifford Knight, 46, and …", "kristopher block, 39, of laporte". */
const AGE = /(?:^|[\s(])(\p{L}[\p{L}'’-]+)\s+(\p{L}[\p{L}'’-]+),\s*(?:aged\s+)?(\d{1,3}),/gu;
/** Words that are not a person's name before an age ("his son, 15,", "the driver, 45,"). */
const NOT_NAMED =
  /^(son|daughter|wife|husband|mother|father|brother|sister|boy|girl|man|woman|men|women|child|children|teen|teenager|driver|suspect|officer|victim|friend|partner|student|resident|worker|people|years?|aged|age|ages|number|no|page|vol|route|highway|room|flight|game|chapter|section|article)$/i;

const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** What every AGE match holds: ", 46," or "46-year-old" — skipped without it before the costlier patterns. */
const MAY_HOLD_AGE = /,\s*(?:aged\s+)?\d{1,3},|\d-years?-old\b/i;
/** "the 30-year-old denise huskins", "a 24-year-old najim laachraoui": an age, then who. */
const AGE_BEFORE = /\b(\d{1,3})-years?-old\s+((?:[\p{L}'’-]+\s*){1,3})/giu;
/**
 * The words of a person's name among `words`: those no dictionary knows ("denise huskins",
 * "laachraoui"; not "stabbing victim", "japanese research academic", "man"), whatever their case —
 * some copies of the news are all lower case. Empty without the dictionary.
 */
function nameWords(words: string[]): Set<string> {
  const out = new Set<string>();
  if (!dictionaryAvailable()) return out;
  for (const w of words) {
    const lw = w.toLowerCase();
    if (STOPWORDS.has(lw) || REPORTING.has(lw)) break;
    if (/\d/.test(w) || NOT_NAMED.test(w) || MONTH_NAME.test(w) || WEEKDAYS.includes(lw)) break;
    if (!inDictionary(lw)) out.add(canonicalWordStem(lw));
  }
  return out;
}

export function ageMention(
  s: Sentence,
  sourceId: string,
  age: number,
  names: Set<string>,
  offset: number,
  who: string,
): Mention {
  return {
    kind: "quantity",
    key: new Set(["age"]),
    head: "age",
    about: `Age of ${who}`,
    lo: age,
    hi: age,
    days: new Set(),
    value: String(age),
    sentence: s,
    sourceId,
    ...contextOf(s),
    offset,
    attribute: names,
  };
}

/**
 * Ages given beside a full name ("Clifford Knight, 46,"): the same person's age at the same time, which
 * two reports should not disagree on. The name's two words are its attribute (the same names, the same
 * person); a weekday, month or common noun before the comma is not a name.
 */
export function ageMentions(s: Sentence, sourceId: string): Mention[] {
  if (!MAY_HOLD_AGE.test(s.text)) return [];
  const out: Mention[] = [];
  for (const m of s.text.matchAll(AGE)) {
    const [, first, last, digits] = m;
    const age = Number(digits);
    if (age < 1 || age > 110) continue;
    const notAName = (w: string) =>
      STOPWORDS.has(w.toLowerCase()) ||
      NOT_NAMED.test(w) ||
      MONTH_NAME.test(w) ||
      WEEKDAYS.includes(w.toLowerCase());
    if (notAName(first!) || notAName(last!)) continue;
    const names = new Set([first!, last!].map(canonicalWordStem));
    const offset = m.index + m[0].lastIndexOf(digits!);
    out.push(ageMention(s, sourceId, age, names, offset, `${capital(first!)} ${capital(last!)}`));
  }
  // "the 30-year-old denise huskins": the age before a full name no dictionary knows (a single name,
  // "the 38-year-old Kennedy", is shared by a family: "Carolyn Bessette Kennedy, 33").
  for (const m of s.text.matchAll(AGE_BEFORE)) {
    const age = Number(m[1]);
    const words = m[2]!.trim().split(/\s+/);
    const names = nameWords(words);
    if (age < 1 || age > 110 || names.size < 2) continue;
    out.push(ageMention(s, sourceId, age, names, m.index, words.slice(0, names.size).map(capital).join(" ")));
  }
  return out;
}

/** Digits of a figure as written, leading and trailing zeros aside ("6,937,195" → 7, "8,000" → 1, "1.11" → 3). */
export function significantDigits(digits: string): number {
  const d = digits.replace(/[,.]/g, "").replace(/^0+/, "");
  const trimmed = digits.includes(".") ? d : d.replace(/0+$/, "");
  return Math.max(1, trimmed.length);
}

/**
 * Half the step a figure is written to, in its own units: a decimal's last place ("1.11 million" →
 * 5,000; "2.36" → 0.005), half a unit for a whole number ("273" → 0.5), and for a round whole number of
 * a hundred or more the step its zeros leave (at most 5% of it: "8,000" → 400, "230" → 5).
 */
/** Just under half a step: two neighbouring figures ("19" and "20") do not meet at 19.5. */
const HALF = 0.49;

export function roundingOf(digits: string, multWord?: string): number {
  const mult = multWord ? (MULT[multWord.toLowerCase()] ?? 1) : 1;
  const plain = digits.replace(/,/g, "");
  const dot = plain.indexOf(".");
  if (dot >= 0) return (HALF * mult) / 10 ** (plain.length - dot - 1);
  if (multWord) return HALF * mult;
  const x = Number(plain);
  const zeros = /0*$/.exec(plain)![0].length;
  if (x < 100 || zeros === 0) return HALF;
  return Math.min(10 ** zeros * HALF, x * 0.05);
}

/** What every figure QUANTITY finds holds: a digit, or a vague amount ("tens of thousands of"). */
/**
 * A day of a month ("May 25", "25 Dec."): a month's name or abbreviation, not any word that begins like
 * one ("40 mayors", "3 decades", "12 marines" are counts).
 */
const MONTH_BEFORE = new RegExp(`\\b${MONTH_WORD}\\.?\\s*$`, "i");
const MONTH_AFTER = new RegExp(`^\\s*${MONTH_WORD}\\b`, "i");

const MAY_HOLD_FIGURE = /\d|(?:hundreds|thousands|millions|billions|dozens)\s+of\b/i;

const NUMBER_WORD =
  /\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(one|two|three|four|five|six|seven|eight|nine))?\b|\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b/gi;
/**
 * A number word and the scale after it ("two million", "three hundred", "twelve hundred"), or "one" /
 * "a" before one ("one hundred years", "a dozen homes"): the whole of it is the figure, not the number
 * word alone with the scale read as what is counted.
 */
const SCALED_NUMBER_WORD =
  /\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|an?)\s+(?:hundred|thousand|million|billion|dozen)\b/gi;
/** Whether a sentence may hold "one hundred", "a dozen" (which MAY_HOLD_NUMBER_WORD does not see). */
const MAY_HOLD_SCALE = /\b(?:one|an?)\s+(?:hundred|thousand|million|billion|dozen)\b/i;
/** What a scale word multiplies by ("a dozen" is twelve). */
const SCALE: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, dozen: 12 };

const MAY_HOLD_NUMBER_WORD =
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b/i;

/**
 * Counts written in words ("seven people were killed", "killing twelve", "leaving three yachts
 * missing"): read as the digits they stand for. A toll is compared as any toll; any other count only
 * between near-identical statements (`spelled`, SPELLED_OVERLAP in matching.ts): a number word elsewhere,
 * "five units", is too often a part of a figure another report writes otherwise.
 */
function numberWords(s: Sentence, sourceId: string): Mention[] {
  const spans: { start: number; end: number; word: string }[] = [];
  // "two million", "three hundred", "a dozen": the number word times its scale, written as digits with
  // "million" or "billion" kept after them ("2 million", read as "2 million" is), padded to its length.
  const scaled = s.text.replace(SCALED_NUMBER_WORD, (w: string, ...rest: unknown[]) => {
    const at = rest.find((x) => typeof x === "number") as number;
    const parts = w.toLowerCase().split(/\s+/);
    const [first, scale] = [parts[0]!, parts[parts.length - 1]!];
    const [tens, unit] = first.split("-");
    const n = /^(one|an?)$/.test(first)
      ? 1
      : (NUMBER_WORDS[tens!] ?? 0) + (unit ? (NUMBER_WORDS[unit] ?? 0) : 0);
    if (!n) return w;
    const kept = scale === "million" || scale === "billion";
    const digits = kept ? `${n} ${scale}` : String(n * SCALE[scale]!);
    if (digits.length > w.length) return w;
    spans.push({ start: at, end: at + w.length, word: kept ? first : w.replace(/\s+/g, " ") });
    return digits.padEnd(w.length, " ");
  });
  // The same text with each number word as its digits, padded to its length: offsets stay the same.
  const digitised = scaled.replace(
    NUMBER_WORD,
    (w: string, tens?: string, unit?: string, small?: string, at?: number) => {
      const n = small
        ? NUMBER_WORDS[small.toLowerCase()]!
        : NUMBER_WORDS[tens!.toLowerCase()]! + (unit ? (NUMBER_WORDS[unit.toLowerCase()] ?? 0) : 0);
      spans.push({ start: at!, end: at! + w.length, word: w });
      return String(n).padEnd(w.length, " ");
    },
  );
  if (spans.length === 0) return [];
  const copy: Sentence = { ...s, text: digitised };
  const out: Mention[] = [];
  for (const m of figureMentions(copy, sourceId)) {
    const span = spans.find((x) => m.offset !== undefined && m.offset >= x.start && m.offset < x.end);
    if (!span || m.vague) continue;
    out.push({
      ...m,
      ...contextOf(s),
      sentence: s,
      value: m.value.replace(/\d+/, span.word.toLowerCase()),
      ...(m.casualty ? {} : { spelled: true }),
    });
  }
  return out;
}

export function quantityMentions(s: Sentence, sourceId: string): Mention[] {
  const words =
    MAY_HOLD_NUMBER_WORD.test(s.text) || MAY_HOLD_SCALE.test(s.text) ? numberWords(s, sourceId) : [];
  return [...figureMentions(s, sourceId), ...words];
}

function figureMentions(s: Sentence, sourceId: string): Mention[] {
  // Most sentences hold no figure: skip them before the costlier patterns and the tokenizer.
  if (!MAY_HOLD_FIGURE.test(s.text)) return [];
  const out: Mention[] = ageMentions(s, sourceId);
  const ages = new Set(out.map((a) => a.offset));
  const text = s.text;
  // Tokenized only when a figure survives the checks below (most are years, dates or parts of names).
  let tokenized: ReturnType<typeof tokens> | null = null;
  const toksOf = () => {
    tokenized ??= tokens(text);
    return tokenized;
  };
  for (const m of text.matchAll(QUANTITY)) {
    if (ages.has(m.index + Math.max(0, m[0].search(/\d/)))) continue;
    const [, modifier, vague, currency, digits, multWord, percent] = m;
    let totalValue: string | null = null;
    let rangeFrom: string | null = null;
    let lo: number;
    let hi: number;
    if (vague) {
      const v = VAGUE.find(([re]) => re.test(vague));
      if (!v) continue;
      [, lo, hi] = v;
    } else {
      if (!digits) continue;
      let x = Number(digits.replace(/,/g, "")) * (multWord ? (MULT[multWord.toLowerCase()] ?? 1) : 1);
      if (!Number.isFinite(x)) continue;
      // Years, days of months, times of day and ordinals are not counts.
      const isYear = !currency && !multWord && !percent && !digits.includes(",") && x >= 1900 && x <= 2100;
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
      if (isYear) continue;
      if (MONTH_BEFORE.test(before)) continue;
      if (MONTH_AFTER.test(after)) continue;
      if (/^(st|nd|rd|th)\b|^\s*(a\.?m\.?|p\.?m\.?|gmt|bst|o'clock)|^:\d/i.test(after)) continue;
      if (/[\p{L}-]$/u.test(before)) continue;
      if (x === 0) continue;
      // Clock times ("12:02") and changes ("from 2,500 to 1,800 feet") are not amounts of a thing.
      if (/\d:$/.test(before) || /\bfrom\s+$/i.test(before) || /^\s+to\s+[$£€]?\s?\d/.test(after)) continue;
      // "20 to 25 minutes": a range, read at its upper end (below) — not "from 2,500 to 1,800".
      const range = RANGE_BEFORE.exec(text.slice(Math.max(0, m.index - 24), m.index));
      const rangeLo =
        range && !modifier && !currency && !multWord ? Number(range[1]!.replace(/,/g, "")) : NaN;
      const ranged = rangeLo > 0 && rangeLo < x && x <= 3 * rangeLo && !range![0].match(/from/i);
      if (/\d\s+to\s+$/i.test(before) && !ranged) continue;
      if (ranged) rangeFrom = range![1]!;
      // "between $12 and $14 a share": the ends of a range, neither of them the value.
      if (
        /\bbetween\s+$/i.test(before) ||
        /\bbetween\s+[$£€]?\s?[\d,.]+\s+and\s+$/i.test(text.slice(0, m.index))
      )
        continue;
      // "four out of 45 states", "45 of the 50 states": a share, not a count of the thing.
      // ("… of the 500,000-acre Nantahala National Forest" is a measure of the forest.)
      const share = /\b(out of|of the|of all)\s+$/i.test(before) && !/^-\p{L}/u.test(after);
      if (share || /^\s+(out of|of the|of all)\s+\d/i.test(after)) continue;
      // "convicted on 18 of 36 counts": a part and its whole, neither the count of the thing.
      if (/\d\s+of\s+$/i.test(before) || /^\s+of\s+\d/i.test(after)) continue;
      // "100 million years ago": a time, not an amount. "598 days since his disappearance": a time
      // counted to the day it is told, which differs from report to report.
      if (
        /^\s*(?:years?|months?|weeks?|days?|hours?|decades?|centuries|century)\s+(?:ago|since)\b/i.test(
          text.slice(m.index + m[0].length),
        )
      )
        continue;
      // "a 16-month-old dog", "the 35-year-old": ages, which reports round differently.
      if (/^-(years?|months?|weeks?|days?)-old\b/i.test(after)) continue;
      // "7-Eleven": a name.
      if (
        /^-(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|hundred|thousand)\b/i.test(after)
      )
        continue;
      // "another 187 members", "a further 20 troops": an increment, not the count itself — unless
      // the sentence gives the new total ("bringing the total to 702").
      if (/\b(another|a further|an additional|additional)\s+$/i.test(text.slice(0, m.index))) {
        if (!TOTAL.test(text.slice(m.index))) continue;
      }
      // "129 MPs … in the latest sweep", "194 MPs are among the arrested": a part of a count.
      if (PART.test(clauseAfter(text, m.index + m[0].length)) && !severeAfter(text, m.index, m[0].length))
        continue;
      // "#1 chain", "No. 2 seed": a rank, not a count.
      if (/(#|\bNo\.?)\s*$/i.test(before)) continue;
      // "3G", "Xbox 2", "Orbiter 3": part of a name, not a count.
      if (/^[\p{L}{/]|^ \d+\/\d/u.test(text.slice(m.index + m[0].length))) continue;
      if (
        !currency &&
        !multWord &&
        !percent &&
        /\p{Lu}[\p{L}]*\s$/u.test(before) &&
        x < 100 &&
        !/^-\p{L}/u.test(after)
      )
        continue;
      // "$1.13bn (£600m)": a conversion in brackets repeats the figure before it.
      if (/\(\s*(about |around |nearly |some )?$|;\s*$/.test(before)) continue;
      let mod = (modifier ?? "").toLowerCase();
      const total = /\b(another|a further|an additional|additional)\s+$/i.test(text.slice(0, m.index))
        ? TOTAL.exec(text.slice(m.index))
        : null;
      if (total) {
        const t = /^([\d,.]+)\s?(million|billion|thousand)?/i.exec(total[1]!)!;
        x = Number(t[1]!.replace(/,/g, "")) * (t[2] ? (MULT[t[2].toLowerCase()] ?? 1) : 1);
        totalValue = total[1]!;
        mod = "";
      }
      // A figure written to three significant digits or more ("approximately 6,937,195") is an
      // approximation of its last digits, not of its size.
      const precise = totalValue ? false : significantDigits(digits) >= 3;
      if (/^(nearly|almost|just under)$/.test(mod)) {
        lo = x * (precise ? 0.95 : 0.85);
        hi = x;
      } else if (/^(about|around|roughly|approximately|some|an estimated|estimated)$/.test(mod)) {
        lo = x * (precise ? 0.95 : 0.8);
        hi = x * (precise ? 1.05 : 1.2);
      } else if (/^(over|more than|just over)$/.test(mod)) {
        // "More than 500" is said of a count near 500: of 702, a report says "more than 700".
        lo = x;
        hi = x * MORE_THAN;
      } else if (mod === "at least") {
        lo = x;
        hi = x * 5;
      } else if (/^(less than|fewer than|up to|as many as|as much as|under|as few as)$/.test(mod)) {
        lo = x * 0.2;
        hi = x;
      } else {
        // A figure as written stands for what rounds to it: "1.11 million" for 1,105,000 to 1,115,000,
        // "8,000" for 7,600 to 8,400; "273" and "274", "83" and "84" are different figures.
        const half = totalValue ? x * 0.02 : roundingOf(digits, multWord);
        lo = ranged ? rangeLo - HALF : x - half;
        hi = x + half;
      }
      // "17 or 18 miles", "2 or 3 million": the figure is a range from the one before "or".
      const or = totalValue ? null : OR_BEFORE.exec(text.slice(Math.max(0, m.index - 24), m.index));
      if (or) {
        const low = Number(or[1]!.replace(/,/g, "")) * (multWord ? (MULT[multWord.toLowerCase()] ?? 1) : 1);
        if (low < x && low >= x / 2) lo = Math.min(lo, low * 0.98);
      }
    }
    const offset = m.index + Math.max(0, m[0].search(/\d/));
    const rest = text.slice(m.index + m[0].length);
    if (!vague && !currency && !multWord && !percent) {
      const attr = attributeOf(s, sourceId, rest, m.index + m[0].length, lo, hi, quantityValue(m[0]), offset);
      if (attr) {
        out.push(attr);
        continue;
      }
    }
    const toks = toksOf();
    const endTok = toks.findIndex((t) => t.start >= m.index + m[0].length);
    const startTok = toks.findIndex((t) => t.end > m.index);
    let phrase = endTok >= 0 ? verbCut(phraseAfter(toks, endTok)) : [];
    // "a 30-hour siege", "the 15-car train": the hyphened unit is part of what is measured.
    // (Two-letter units are units too: "the 83-km dos ojos system".)
    const joined = !vague && !currency && !multWord && !percent ? /^-(\p{L}{3,}|km)\b/u.exec(rest) : null;
    const compound = Boolean(joined && phrase.length > 0);
    // Words of the phrase that are not tokens after the figure (the joined unit), or tokens that are
    // not words of it ("were" in "people were injured"): where the phrase ends among the tokens.
    let extra = 0;
    if (joined && compound) {
      phrase = [joined[1]!, ...phrase];
      extra = -1;
    }
    // "54 people on board": people aboard, as "49 people aboard" reads.
    if (
      phrase.length === 1 &&
      PEOPLE_WORD.test(phrase[0]!) &&
      /^on$/i.test(toks[endTok + 1]?.word ?? "") &&
      /^board$/i.test(toks[endTok + 2]?.word ?? "")
    ) {
      phrase = [phrase[0]!, "aboard"];
      extra = 1;
    }
    // "the 7.3 magnitude quake struck …", "a 7.0-magnitude earthquake struck Japan's islands": a
    // magnitude measures the noun after it, whatever the clause goes on to say.
    const magnitude = phrase.findIndex((w) => /^magnitude$/i.test(w));
    if (magnitude >= 0) phrase = phrase.slice(0, magnitude + 2);
    // "22 people were injured", "26 were missing": what happened to them is what is counted.
    // "44 people have been injured, four of them seriously": how many of the injured are badly hurt.
    const severe =
      !currency && !percent && !vague && !multWord ? severeAfter(text, m.index, m[0].length) : null;
    const casualty = severe
      ? {
          words: ["injured", severe.word],
          end:
            toks.findIndex((t) => t.start >= severe.end) < 0
              ? toks.length
              : toks.findIndex((t) => t.start >= severe.end),
        }
      : !currency && !percent && !vague && !compound
        ? (casualtyKey(toks, phrase, endTok, startTok) ?? tollBefore(text, m.index, toks, phrase, endTok))
        : null;
    // "raids which killed three people, raising the death toll to 21": the toll of the latest raids, a
    // part of the count the sentence gives after it.
    if (casualty && !totalValue && TOTAL.test(text.slice(m.index + m[0].length))) continue;
    if (casualty) {
      phrase = casualty.words;
      extra = casualty.end - endTok - phrase.length;
    }
    // "273 people have passed the exam": people counted by what they have done — the verb says what is
    // counted, which "people" alone does not.
    const done = !casualty && !currency && !percent && !vague ? peopleDone(toks, phrase, endTok) : null;
    if (done) {
      phrase = ["people", done.verb];
      extra = done.end - endTok - phrase.length;
    }
    // "2,000 tonnes of wheat": a unit counts what follows "of" — not in a distance from a thing ("within
    // 8,000 miles of Pluto", "came within 300 metres of the shore"), which "of" only locates.
    const lastStem = phrase.length > 0 ? stem(phrase[phrase.length - 1]!.toLowerCase()) : "";
    const within = WITHIN_BEFORE.test(text.slice(Math.max(0, m.index - 8), m.index));
    if (phrase.length > 0 && phrase.length <= 2 && UNITS.has(lastStem) && endTok >= 0 && !within) {
      const ofAt = endTok + phrase.length + extra;
      if (toks[ofAt]?.word.toLowerCase() === "of") phrase = [...phrase, ...phraseAfter(toks, ofAt + 1)];
    }
    // "3 million undocumented immigrants with criminal records": a part of what the bare phrase counts.
    const restrictAt = endTok >= 0 ? endTok + phrase.length + extra : -1;
    const restriction =
      phrase.length > 0 && restrictAt >= 0 ? restrictionAt(toks, restrictAt) : new Set<string>();
    // "killed 6,076 people in Honduras": the count of one place, not of the whole.
    const placeTok =
      restrictAt >= 0 && /^in$/i.test(toks[restrictAt]?.word ?? "") ? toks[restrictAt + 1] : undefined;
    const place =
      phrase.length > 0 && placeTok && /^\p{Lu}/u.test(placeTok.word) && !NOT_A_NAME.test(placeTok.word)
        ? canonicalWordStem(placeTok.word)
        : undefined;
    if (currency) phrase = [currency === "$" ? "dollars" : currency === "£" ? "pounds" : "euros", ...phrase];
    let said: string[] = [];
    if (percent) {
      // "sales rose 2%": what the percentage is of comes before it.
      // ("compared with 5 percent": a comparison, not what the percentage is of.)
      // ("… of his personal effects, 40 percent of his estate": not across a comma, where another
      // figure's phrase ends.)
      const before4 = toks.slice(Math.max(0, startTok - 4), Math.max(0, startTok));
      const cut = before4.findLastIndex((t) => /^[,;:()]$/.test(t.word));
      const prev = before4.slice(cut + 1).filter((t) => isContent(t.word) && !COMPARING.test(t.word));
      // "62 percent of children had stunted growth", "18 percent are obese": what is true of the share.
      const predicate = PREDICATE.exec(rest);
      said = predicate ? [predicate[1], predicate[2]].filter((w): w is string => !!w && isContent(w)) : [];
      phrase = said.length > 0 ? ["percent", ...said] : ["percent", ...prev.map((t) => t.word)];
    }
    if (phrase.length === 0) continue;
    // A percentage with what is said of it is a share of that: its head is the percentage.
    const headWord = percent && said.length > 0 ? "percent" : phrase[phrase.length - 1]!;
    const unit = normaliseUnit(keyOf(phrase), thingStem(headWord));
    const { key, head } = unit;
    lo *= unit.factor;
    hi *= unit.factor;
    // "waited 30 minutes", "spent 18 years": a span of time is the span of what the verb before it says.
    if (GENERIC.has(head) && key.size < 2 && phrase.length === 1 && TIME_UNIT.test(phrase[0]!)) {
      // (Before the range's lower end: "waited 20 to 25 minutes".)
      const verb = toks[startTok - (rangeFrom ? 3 : 1)]?.word ?? "";
      if (!SPAN_VERB.test(verb)) continue;
      phrase = [verb, phrase[0]!];
      key.clear();
      for (const k of keyOf(phrase)) key.add(k);
    }
    if (GENERIC.has(head) && key.size < 2) continue;
    if (phrase.every((w) => MONTH_NAME.test(w))) continue;
    // Where the figure's own clause resumes after what it counts.
    const localEnd = endTok < 0 ? toks.length : endTok + phrase.length + extra;
    out.push({
      kind: "quantity",
      key,
      head,
      about:
        percent && said.length > 0
          ? `Percentage ${said.join(" ")}`
          : percent
            ? `Percentage ${phrase.slice(1).join(" ")}`.trim()
            : (measureHeading(phrase, text) ?? `Number of ${phrase.join(" ")}`),
      lo,
      hi,
      days: new Set(),
      value: totalValue
        ? `total ${totalValue}`
        : rangeFrom
          ? `${rangeFrom} to ${quantityValue(m[0])}`
          : quantityValue(m[0]),
      sentence: s,
      sourceId,
      ...contextOf(s),
      vague: Boolean(vague) && !/\bof\b/i.test(vague ?? ""),
      // What people have done is said by the verb in the key: its object ("the exam" / "the test") is
      // not the figure's clause.
      local: localStems(toks, startTok, done ? toks.length : localEnd),
      localNames: localStems(toks, startTok, localEnd, 6, true),
      offset,
      restriction,
      ...(/^(over|more than|just over|at least)$/.test((modifier ?? "").toLowerCase())
        ? { lowerBound: true }
        : {}),
      ...(unit.factor !== 1 && unit.from ? { unit: unit.from } : {}),
      ...(DISTANCE.test(rest) ? { distance: true } : {}),
      ...(totalValue ? { total: true } : {}),
      ...(compound ? { compound: true } : {}),
      ...(!currency && !percent && governorOf(text, m.index) ? { governor: governorOf(text, m.index)! } : {}),
      ...(casualty ? { casualty: true } : {}),
      ...(casualty && "tally" in casualty ? { tally: true } : {}),
      ...(percent && said.length > 0 ? { share: true } : {}),
      ...(done ? { done: true } : {}),
      ...(place ? { place } : {}),
    });
  }
  return out;
}
