/** A figure or day a sentence gives, with what it is about: the words and vocabulary every step shares. */
import type { Sentence } from "../../search/index.ts";
import { WEEKDAYS } from "../../text/calendar.ts";
import { isDemonym } from "../../text/places.ts";
import { canonicalWordStem } from "../../text/synonyms.ts";
import { STOPWORDS, stem } from "../../text/tokens.ts";

export interface Mention {
  kind: "quantity" | "day";
  /** Canonical stems of what is counted / the event. */
  key: Set<string>;
  head: string;
  /** What it is, as shown ("Number of North Korean labourers", "Area of the Nantahala National Forest"); for a day, the event word. */
  about: string;
  lo: number;
  hi: number;
  days: Set<string>;
  /** The figure or day as written ("around 10,000", "tens of thousands", "Thursday"). */
  value: string;
  sentence: Sentence;
  sourceId: string;
  /** What the sentence is about beyond the figure: its content stems, its proper names, its years. */
  context: Set<string>;
  names: Set<string>;
  /** The names among them said only as a people's adjective or noun ("Israeli", "Palestinians"): no thing of their own. */
  nationalities?: Set<string>;
  years: Set<string>;
  /** Says what is expected, planned or forecast ("will cost", "expects"), not what happened. */
  forecast: boolean;
  /** "Thousands of", "millions of": an order of magnitude, not a figure anyone disputes. */
  vague?: boolean;
  /** The date of the mention's article (ISO), when known. */
  date?: string | null;
  /** Content stems of the figure's own clause (a few words either side, within punctuation). */
  local?: Set<string>;
  /** The proper names among them. */
  localNames?: Set<string>;
  /** The unit as written when the value was converted into another ("foot" for metres). */
  unit?: string;
  /** Where the figure starts in the sentence (for its grammar: grammar.ts). */
  offset?: number;
  /** A figure that describes a named thing ("the 500,000-acre Nantahala National Forest"): its names. */
  attribute?: Set<string>;
  /** A distance from a place ("55 miles east of Istanbul"): what it locates is compared (grammar.ts). */
  distance?: boolean;
  /** What narrows the counted phrase ("… immigrants with criminal records" → criminal, record). */
  restriction?: Set<string>;
  /** Said as a lower bound ("more than 1,000", "at least 10"). */
  lowerBound?: boolean;
  /** A running total an increment leads to ("another 187 …, bringing the total to 702"). */
  total?: boolean;
  /** A measure joined to its noun by a hyphen ("a 30-hour siege", "a 15-car train"): it describes the thing, whatever the verb. */
  compound?: boolean;
  /** A count of people by what happened to them ("22 people were injured"): the clause is the count itself. */
  casualty?: boolean;
  /**
   * A death toll said as where the count stands ("the death toll has climbed to 145", "raising the
   * toll to 21"): the running total of an event, which a clause's toll ("seven were killed on Monday")
   * may be only a part of (tolls.ts).
   */
  tally?: boolean;
  /** A count written in words ("three yachts") that is no toll. */
  spelled?: boolean;
  /** A percentage with what is said of it ("22 percent are obese", "62 percent of children had stunted growth"): the share that is so. */
  share?: boolean;
  /** A count of people by what they have done ("273 people have passed"): the verb is in the key. */
  done?: boolean;
  /** The noun the figure is "of" ("the museum's collection of 2,000 specimens" → collect), when it says what the figure measures. */
  governor?: string;
  /** The place the counted phrase is narrowed to ("6,076 people in Honduras" → hondura). */
  place?: string;
  /**
   * Set on the only toll of its kind its article gives (every figure of it there agrees: events.ts): the
   * content words of the article's opening, which say what story it tells.
   */
  story?: Set<string>;
  /**
   * Set on the only figure of its counted phrase of two words or more its article gives (every figure of
   * it there agrees: events.ts markSoleFigures): the content words of the article's opening.
   */
  soleOf?: Set<string>;
  /** A lower figure of a toll its own report revises upward a little ("141" in a caption, "142" in the text): it takes no side. */
  superseded?: boolean;
  /** The sentence speaks of a span of time ("in 10 years", "over the past decade", "since 2001"), not one year. */
  span?: boolean;
  /**
   * How long an event lasted ("a six-hour-long deposition", "suspended for two weeks": durations.ts):
   * the event's stem (nouns and verbs folded), whether it is said by a noun; `story`, the content words
   * of its article's opening when it is the only duration of that event the article gives.
   */
  duration?: { event: string; noun: boolean; running?: boolean; story?: Set<string> };
  /**
   * A span of time told without an event word it is tied to ("for eight days", "150 years ago": spans.ts):
   * its unit, whether it is a time ago, its figure in hours, whether it is still running when told ("over
   * the past six weeks"); `story`, the content words of its article's
   * opening when it is the only span in that unit its article gives (events.ts markSoleSpans); `apart`, the
   * spans (hours) of its unit another report gives beside it (spans.ts markSpansToldApart).
   */
  storySpan?: {
    ago: boolean;
    unit: string;
    hours: number;
    running?: boolean;
    story?: Set<string>;
    apart?: Set<number>;
  };
  /** An age in months ("their 8-month-old baby"), the age of its article's one infant (referents.ts soleInfantAges). */
  months?: boolean;
  /**
   * An age, in years, of the one person whose age its article gives (one value throughout the article):
   * the story's subject, named or not ("a 36-year-old man", "the 21-year-old"); matched only with
   * another article's sole age (ages.ts).
   */
  sole?: {
    /** Unnamed, with a party's role after the age ("the 21-year-old suspect", "a 30-year-old victim"). */
    role: boolean;
    /** The stems of every word of its article. */
    words: Set<string>;
    /** First names of the people its article names as someone's relatives ("richard johnson, ryder's father"). */
    relatives: Set<string>;
    /** The stems of the words of its sentence and the next (where a report names whom "a 36-year-old man" is). */
    nearby: Set<string>;
    /** The name right after the person noun of the age ("37-year-old tech worker trent kell"): its stems. */
    person?: Set<string>;
    /** Unnamed here, the name its article gives beside another place of the same age: its stems. */
    name?: Set<string>;
    /** The age is a thing's ("a 20-year-old tub of sauce"): the stems of the nouns of its phrase. */
    thing?: Set<string>;
  };
}

/** A month's name or its abbreviation, as a pattern to build others with (no groups that capture). */
export const MONTH_WORD =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
/** A month's name or abbreviation, and nothing else ("Jan.", "March"; not "Janet", "Marco", "Decker"). */
export const MONTH_NAME = new RegExp(`^${MONTH_WORD}\\.?$`, "i");
/** Nouns too general to identify a thing on their own. */
export const GENERIC = new Set(
  [
    "year",
    "time",
    "day",
    "month",
    "week",
    "hour",
    "minute",
    "percent",
    "people",
    "person",
    "part",
    "number",
    "way",
    "per",
    "cent",
  ].map(stem),
);
export const UNITS = new Set(
  [
    "tonne",
    "ton",
    "kilometer",
    "kilometre",
    "mile",
    "meter",
    "metre",
    "kilogram",
    "pound",
    "barrel",
    "acre",
    "hectare",
    "gallon",
    "litre",
    "liter",
    "foot",
    "feet",
    "km",
  ].map(stem),
);

export const PERCENT = stem("percent");
export const CURRENCY_WORDS = new Set(
  ["dollar", "pound", "euro", "yen", "yuan", "rupe", "dlr", "ecu", "kronor"].map(stem),
);

/** Whether a figure's counted phrase names only its unit ("$1.5bn", "3%", "8 mph"): no thing it counts. */
export function namesOnlyUnit(key: ReadonlySet<string>): boolean {
  return [...key].every((k) => UNITS.has(k) || CURRENCY_WORDS.has(k) || k === PERCENT);
}

/** A sum of money or a percentage: its unit is in its counted phrase (what an owner has or makes). */
export function moneyOrShare(m: Mention): boolean {
  return m.kind === "quantity" && (m.key.has(PERCENT) || [...m.key].some((k) => CURRENCY_WORDS.has(k)));
}

export { WEEKDAYS };
export const REPORTING = new Set([
  "said",
  "says",
  "say",
  "confirmed",
  "confirm",
  "announced",
  "announce",
  "reported",
  "report",
  "told",
  "published",
  "statement",
  "stated",
  "added",
  "wrote",
  "tweeted",
  "spokesman",
  "spokeswoman",
  "spokesperson",
]);

export interface Token {
  word: string;
  start: number;
  end: number;
}

export function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*|[,;:()]/gu)) {
    out.push({
      word: m[0].replace(/[.’']+$/u, "").replace(/['’]s$/u, ""),
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return out;
}

export function isContent(w: string): boolean {
  return /^\p{L}/u.test(w) && w.length > 1 && !STOPWORDS.has(w.toLowerCase());
}

/**
 * The stem (by `stemOf`) a word adds to what a sentence or clause is about, or null: no content word,
 * a reporting verb, or a unit, currency or noun too general to say it ("acres", "dollars", "year").
 */
export function aboutStem(w: string, stemOf: (w: string) => string): string | null {
  if (!isContent(w) || REPORTING.has(w.toLowerCase())) return null;
  const st = stemOf(w);
  return UNITS.has(st) || CURRENCY_WORDS.has(st) || GENERIC.has(st) ? null : st;
}

/** A period a time adverbial names ("last year", "next month"). */
const PERIOD = /^(?:years?|months?|weeks?|weekends?|quarters?|seasons?|nights?|decades?|century)$/i;

/** Content words of the noun phrase right after a position (up to 4, stopping at a function word). */
export function phraseAfter(toks: Token[], from: number): string[] {
  const out: string[] = [];
  for (let i = from; i < toks.length && out.length < 4; i++) {
    const w = toks[i]!.word;
    if (!isContent(w)) break;
    const lw = w.toLowerCase();
    if (REPORTING.has(lw)) break;
    // "releasing 70 political prisoners tuesday": a day ends the phrase (in lower-cased copies too).
    if (WEEKDAYS.includes(lw) || MONTH_NAME.test(w)) break;
    // "restated by $4.4bn last year": a time adverbial says when, not what is counted.
    if (/^(last|next|previous)$/.test(lw) && PERIOD.test(toks[i + 1]?.word ?? "")) break;
    out.push(w);
  }
  return out;
}

/**
 * Words that name the same thing when a figure counts or measures it, folded here only: retrieval keeps
 * its own near-synonyms (src/text/synonyms.ts), and adding these there moved which sentences briefings
 * pick (DUC 2007 R-2 9.20 → 9.18).
 */
const SAME_THING = new Map(
  [
    ["quake", "earthquake"],
    ["tremor", "earthquake"],
    ["temblor", "earthquake"],
  ].map(([w, to]) => [stem(w!), stem(to!)] as const),
);

/** A word's stem as the detector compares what figures are about (near-synonyms folded). */
export function thingStem(w: string): string {
  const st = canonicalWordStem(w);
  return SAME_THING.get(st) ?? st;
}

export function keyOf(wordsIn: string[]): Set<string> {
  return new Set(wordsIn.map(thingStem));
}

/**
 * Words of what is expected, required, planned or forecast ("should be followed by a six-month ban"). "Plan", "aim", "target" and "hope" only as verbs ("plans
 * to", "targets 5%"), not as nouns ("on the target list of", "the plan was abandoned").
 */
export const FORECAST =
  /\b(will|would|could|should|might|may|expects?|expected|expecting|forecasts?|forecast|predicts?|predicted|projected|plans? to|planning|planned|scheduled|aims? to|aiming|targets? (?=[$£€\d])|targeting|hopes? to|hoping|likely|set to|due to|estimated to)\b/i;
export const YEAR = /\b(1[89]\d{2}|20\d{2})\b|\b(last|this|next) (year|month|week)\b/gi;
/** A span of time rather than a point in it: "in 10 years", "over the past decade", "since 2001". */
export const SPAN =
  /\b(?:in|over|during|for|across)\s+(?:the\s+)?(?:past\s+|last\s+|first\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+(?:years|decades|months)\b|\bover the (?:past|last) (?:year|decade)\b|\bsince (?:1[89]|20)\d\d\b/i;
export const NOT_A_NAME =
  /^(The|A|An|In|On|At|But|And|It|He|She|They|We|This|That|Mr|Mrs|Ms|Dr|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;

type SentenceContext = Pick<Mention, "context" | "names" | "nationalities" | "years" | "forecast" | "span">;

/** One context per sentence, however many figures and days it holds (mentions only read it). */
const CONTEXTS = new WeakMap<Sentence, SentenceContext>();

/** The sentence's content stems (figures, units and reporting words left out), names and years. */
export function contextOf(s: Sentence): SentenceContext {
  let c = CONTEXTS.get(s);
  if (!c) {
    c = sentenceContext(s);
    CONTEXTS.set(s, c);
  }
  return c;
}

function sentenceContext(s: Sentence): SentenceContext {
  const context = new Set<string>();
  const names = new Set<string>();
  const nationalities = new Set<string>();
  const toks = tokens(s.text);
  toks.forEach((t, i) => {
    const w = t.word;
    const st = aboutStem(w, thingStem);
    if (st === null) return;
    context.add(st);
    if (i > 0 && /^\p{Lu}/u.test(w) && !NOT_A_NAME.test(w)) {
      names.add(st);
      if (isDemonym(w)) nationalities.add(st);
    }
  });
  const years = new Set([...s.text.matchAll(YEAR)].map((m) => m[0].toLowerCase()));
  return {
    context,
    names,
    ...(nationalities.size > 0 ? { nationalities } : {}),
    years,
    forecast: FORECAST.test(s.text),
    ...(SPAN.test(s.text) ? { span: true } : {}),
  };
}
