/**
 * How long one event lasted ("a six-hour-long deposition", "the trek took seven days", "was suspended
 * for two weeks"): a duration with the event it measures, the noun or verb beside it. Two reports giving
 * different durations of the same event (the same event word, nouns and verbs folded: "suspended" /
 * "suspension") in sentences about the same thing disagree.
 *
 * A duration is compared only with another duration (its head says so), never with a count: a figure of
 * hours is not a figure of anything else. Values are in hours, so "two weeks" meets "14 days".
 */
import type { Sentence } from "../../search/index.ts";
import { NUMBER_WORDS } from "../../text/numberWords.ts";
import { canonicalWordStem } from "../../text/synonyms.ts";
import { inCommonBeside, shareAName } from "./clauses.ts";
import { contextOf, FORECAST, isContent, type Mention, REPORTING } from "./mention.ts";
import { nearFigures, STORY_OVERLAP, STORY_SHARED } from "./storyTolls.ts";

/** Hours in each unit of a duration. */
export const HOURS: Record<string, number> = {
  minute: 1 / 60,
  hour: 1,
  day: 24,
  week: 24 * 7,
  month: 24 * 30.44,
  year: 24 * 365.25,
  decade: 24 * 3652.5,
};

const NUMBER = `\\d+(?:\\.\\d+)?|${Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .join("|")}|one`;
const UNIT = "(minute|hour|day|week|month|year|decade)s?";
export const MOD =
  "about|around|nearly|almost|roughly|approximately|some|more than|over|less than|under|at least|just over|just under|up to";
/** The figure and its unit, with what qualifies it ("about eight hours", "nearly 10 years"). */
const SPAN = `(?:(${MOD})\\s+)?(${NUMBER})\\s+${UNIT}\\b`;

/** "a six-hour-long deposition", "his three-week suspension", "a 30-hour siege": the event noun after. */
const JOINED = new RegExp(
  `(?<![\\p{L}\\d.,-])(?:(${MOD})\\s+)?(${NUMBER})-${UNIT}(?:-long)?\\s+((?:\\p{L}[\\p{L}'’]*\\s+){0,1}\\p{L}[\\p{L}'’-]*)`,
  "giu",
);
/** "the deposition lasted about eight hours", "the trek took seven days": the event noun before. */
const LASTED = new RegExp(
  `\\b(\\p{L}[\\p{L}'’-]*)(?:\\s*,\\s*which)?\\s+(?:lasted|lasting|lasts|took|takes|spanned)\\s+(?:for\\s+)?${SPAN}`,
  "giu",
);
/**
 * The noun a phrase after it hangs off, before the word LASTED read as the event ("the siege of the
 * school lasted", "the trek to the summit took", "the strike by teachers lasted"): that noun is the
 * event; the words after the preposition only say whose or where.
 */
const HEAD_BEFORE_PHRASE =
  /(?:^|[^\p{L}'’-])(\p{L}[\p{L}'’-]*)\s+(?:of|to|by|at|in|on|from|with|against|across|into|over)\s+(?:(?:the|a|an|his|her|their|its|our|this|that)\s+)?(?:\p{L}[\p{L}'’-]*\s+)?$/iu;
/** "were on strike for two weeks", "has been on leave for 24 years": a state the noun names. */
const ON_FOR = new RegExp(`\\bon\\s+(?:(?:a|an|the)\\s+)?(\\p{Ll}{3,})\\s+for\\s+${SPAN}`, "gu");
/**
 * "was suspended for two weeks", "was jailed for nearly 10 years": the event verb before (a participle in
 * -ed or -ing, or one of the irregular ones a span is said of: "were held for 17 days").
 */
const FOR = new RegExp(`\\b(\\p{Ll}{3,}(?:ed|ing)|held|kept|shut|stuck|hidden)\\s+for\\s+${SPAN}`, "gu");
/**
 * "Over the past seven years, … horns have been honked", "For nearly 10 years, … have been honking": a span
 * fronted before its clause, whose verb in the perfect says what went on. Still running: compared only
 * between reports of one day or undated (sameDuration).
 */
const FRONTED = new RegExp(
  `(?:^|[,;:]\\s*|\\s[-–—]\\s)(?:for|over|in|during)\\s+(?:the\\s+(?:past|last)\\s+)?${SPAN}\\s*,([^.;:]*?)\\b(?:has|have|had)\\s+(?:\\p{L}+ly\\s+)?(?:been\\s+)?(\\p{Ll}{3,}(?:ed|ing))\\b`,
  "giu",
);
/**
 * "had been operating for 18 years": a span still running, which ends on the day of its report. After a
 * verb, not taken: in a DUC 2007 cluster it met "the 16-year operation" of the same mine in another
 * report (eval:disagreements, an unlabelled pair that is no clear dispute).
 */
const PERFECT_BEFORE = /\b(?:has|have|had|'ve|’ve)\s+(?:\p{L}+ly\s+)?(?:been\s+)?$/iu;
/** "the 13-, 12- and 11-year prison terms": one of several measures of several things. */
const LIST_BEFORE = /\d-\s*(?:,\s*)?(?:and\s+|or\s+)?$/;
/** A plural noun ("six-week bans"): a kind of thing, not one event. */
const PLURAL = /[^su]s$/i;

/**
 * What cannot be the event a duration measures: the words of a time or an age, not of an event, and of a
 * bound or a summary of spans ("a 10-year minimum", "a five-year average").
 */
const NOT_EVENT =
  /^(old|ago|later|earlier|before|after|since|long|away|time|times|period|span|stretch|window|year|years|month|months|week|weeks|day|days|hour|hours|minute|minutes|high|low|record|average|median|minimum|maximum|total|history|itself)$/i;
/** Verbs of a span that say nothing of the event ("waiting for", "lasting for", "accounting for"). */
const NOT_EVENT_VERB =
  /^(lasted|lasting|waited|waiting|spent|spending|accounted|accounting|planned|planning)$/i;

/** Whether a value said with `mod` is a lower bound ("more than 10 years", "at least three days"). */
const LOWER_BOUND = /^(over|more than|just over|at least)$/;

/** The range a duration said as `digits` `unit` with `mod` stands for, in hours. */
export function rangeOf(mod: string, x: number, unit: string): { lo: number; hi: number } {
  const h = HOURS[unit.toLowerCase()]!;
  let [lo, hi] = [x - 0.49, x + 0.49];
  if (/^(nearly|almost|just under)$/.test(mod)) [lo, hi] = [x * 0.85, x];
  // ("about eight hours" is not six: a span said roughly is rounded to its unit, or a tenth of it.)
  else if (/^(about|around|roughly|approximately|some)$/.test(mod))
    [lo, hi] = [Math.min(x - 0.49, x * 0.9), Math.max(x + 0.49, x * 1.1)];
  else if (/^(over|more than|just over)$/.test(mod)) [lo, hi] = [x, x * 1.35];
  else if (mod === "at least") [lo, hi] = [x, x * 5];
  else if (/^(less than|under|up to)$/.test(mod)) [lo, hi] = [x * 0.2, x];
  return { lo: lo * h, hi: hi * h };
}

function numberOf(w: string): number {
  const lw = w.toLowerCase();
  return lw === "one" ? 1 : (NUMBER_WORDS[lw] ?? Number(lw));
}

/**
 * The stem an event word is compared by, a noun folded with its verb: "suspension" / "suspended"
 * (suspens / suspend), "detention" / "detained" (detent / detain).
 */
export function eventStem(w: string): string {
  const st = canonicalWordStem(w.toLowerCase());
  if (st.length >= 6 && st.endsWith("ns")) return `${st.slice(0, -1)}d`;
  if (st.length >= 6 && st.endsWith("tent")) return `${st.slice(0, -3)}ain`;
  return st;
}

function durationMention(
  s: Sentence,
  sourceId: string,
  at: number,
  mod: string | undefined,
  digits: string,
  unit: string,
  word: string,
  noun: boolean,
  running = false,
): Mention | null {
  const x = numberOf(digits);
  if (!Number.isFinite(x) || x <= 0) return null;
  if (!isContent(word) || NOT_EVENT.test(word) || REPORTING.has(word.toLowerCase())) return null;
  if (!noun && NOT_EVENT_VERB.test(word)) return null;
  const m = (mod ?? "").toLowerCase();
  const event = eventStem(word);
  const value = `${mod ? `${mod} ` : ""}${digits} ${unit.toLowerCase()}${x === 1 ? "" : "s"}`;
  return {
    kind: "quantity",
    key: new Set([event]),
    head: `duration of ${event}`,
    about: noun ? `Length of the ${word.toLowerCase()}` : `How long ${word.toLowerCase()}`,
    ...rangeOf(m, x, unit),
    days: new Set(),
    value,
    sentence: s,
    sourceId,
    ...contextOf(s),
    offset: at,
    duration: { event, noun, ...(running ? { running } : {}) },
    ...(LOWER_BOUND.test(m) ? { lowerBound: true } : {}),
  };
}

/**
 * Any span of time a sentence gives ("13 years", "a 3 1/2-hour trial", "his wife of 28 years"); not an
 * age ("the 15-year-old") or a time ago, which are no span of another thing.
 */
const ANY_SPAN = new RegExp(
  `(?<![\\p{L}\\d.,])(${NUMBER})[-\\s]${UNIT}\\b(?!-old|\\s+old\\b|\\s+ago\\b)`,
  "giu",
);

/**
 * The durations of events a sentence gives. A sentence that gives spans of several lengths ("Xu, who
 * was sentenced to 13 years, Wang, who received an 11-year sentence, …") gives several things' spans:
 * none of them is taken as the event's.
 */
export function durationMentions(s: Sentence, sourceId: string): Mention[] {
  const text = s.text;
  if (!/\b(?:minute|hour|day|week|month|year|decade)s?\b/i.test(text)) return [];
  const spans = new Set(
    [...text.matchAll(ANY_SPAN)].map((m) => numberOf(m[1]!) * HOURS[m[2]!.toLowerCase()]!),
  );
  if (spans.size > 1) return [];
  const out: Mention[] = [];
  for (const m of text.matchAll(JOINED)) {
    const [, mod, digits, unit, after] = m;
    // The noun the measure is joined to, or the one after it ("a three-week unpaid suspension") — not a
    // verb after the noun ("the 34-hour siege ended").
    const words = after!.split(/\s+/);
    const second = words[1] ?? "";
    const word =
      words.length === 2 && isContent(words[0]!) && isContent(second) && !/(?:ed|ing)$/i.test(second)
        ? second
        : words[0]!;
    if (PLURAL.test(word) || LIST_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    const d = durationMention(s, sourceId, m.index + m[0].indexOf(digits!), mod, digits!, unit!, word, true);
    if (d) out.push(d);
  }
  for (const m of text.matchAll(LASTED)) {
    const [, said, mod, digits, unit] = m;
    // "it took police three hours to reach …": the time to do something else.
    if (/^\s+to\b/i.test(text.slice(m.index + m[0].length))) continue;
    // "the siege of the school lasted 30 hours": the siege's length, not the school's.
    const word = HEAD_BEFORE_PHRASE.exec(text.slice(Math.max(0, m.index - 60), m.index))?.[1] ?? said;
    if (PLURAL.test(word!)) continue;
    const at = m.index + m[0].lastIndexOf(digits!);
    const d = durationMention(s, sourceId, at, mod, digits!, unit!, word!, true);
    if (d) out.push(d);
  }
  for (const m of text.matchAll(FOR)) {
    const [, word, mod, digits, unit] = m;
    if (PERFECT_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
    const at = m.index + m[0].lastIndexOf(digits!);
    const d = durationMention(s, sourceId, at, mod, digits!, unit!, word!, false);
    if (d) out.push(d);
  }
  for (const m of text.matchAll(ON_FOR)) {
    const [, word, mod, digits, unit] = m;
    if (PLURAL.test(word!)) continue;
    const at = m.index + m[0].lastIndexOf(digits!);
    // (Still running when said in the perfect: "has been on leave for 24 years".)
    const running = PERFECT_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index));
    const d = durationMention(s, sourceId, at, mod, digits!, unit!, word!, true, running);
    if (d) out.push(d);
  }
  for (const m of text.matchAll(FRONTED)) {
    const [, mod, digits, unit, between, word] = m;
    // (The verb of the span's own clause, not of a clause far after it.)
    if (between!.length > 120) continue;
    const at = m.index + m[0].indexOf(digits!);
    const d = durationMention(s, sourceId, at, mod, digits!, unit!, word!, false, true);
    if (d) out.push(d);
  }
  return out;
}

/** Characters before a duration in which a word of what is expected says it is one ("will last three days"). */
const FORECAST_BEFORE = 40;

/** A duration said as expected or planned ("is expected to last three days", "a planned six-day visit"). */
function forecast(m: Mention): boolean {
  const at = m.offset ?? 0;
  return FORECAST.test(m.sentence.text.slice(Math.max(0, at - FORECAST_BEFORE), at + 30));
}

/** Words two sentences giving durations of one event word share beside it to be of one event. */
export const SHARED = 3;

/**
 * Whether two durations are of the same event: the same event word (their heads), the same subject
 * (names agreeing when both name any, the same years), and either SHARED words in common beside the
 * event word, or each the only duration of that event its report gives in two reports of one story.
 */
export function sameDuration(a: Mention, b: Mention): boolean {
  if (!a.duration || !b.duration) return false;
  if (a === b) return true;
  if (forecast(a) !== forecast(b)) return false;
  // A span still running ends on its report's day: another day's report gives another span.
  if ((a.duration.running || b.duration.running) && a.date && b.date && a.date !== b.date) return false;
  if (a.years.size > 0 && b.years.size > 0 && ![...a.years].some((y) => b.years.has(y))) return false;
  if (!shareAName(a.names, b.names)) return false;
  // Reports of one span differ by little ("six hours" / "about eight hours"); one a multiple of the other
  // ("a six-day visit" / "a three-day visit", "a six-week ban" / "a 15-week ban") is of another thing.
  if (!nearFigures(a, b)) return false;
  const beside = inCommonBeside(a, b);
  if (beside >= SHARED) return true;
  const [sa, sb] = [a.duration.story, b.duration.story];
  return Boolean(sa && sb && a.sourceId !== b.sourceId && sameStory(a, b, sa, sb, beside));
}

/**
 * Two reports' openings, beside the words of the two sentences, and the two sentences themselves share
 * STORY_SHARED words in all, enough of the smaller opening (STORY_OVERLAP): one story.
 */
function sameStory(a: Mention, b: Mention, sa: Set<string>, sb: Set<string>, beside: number): boolean {
  const own = (w: string) => a.context.has(w) || b.context.has(w);
  const x = [...sa].filter((w) => !own(w));
  const y = new Set([...sb].filter((w) => !own(w)));
  const shared = x.filter((w) => y.has(w)).length;
  return shared + beside >= STORY_SHARED && shared + beside >= STORY_OVERLAP * Math.min(x.length, y.size);
}
