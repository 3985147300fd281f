/**
 * Spans of time a report gives without an event word the reader can tie them to ("along the trail for
 * eight days", "kept him on for another two weeks", "150 years ago"). Such a span is compared only as its
 * report's one span in its unit (events.ts markSoleSpans) against another report's one span, in two
 * reports of one story (sameStorySpan below): in a report that gives one span of days, that span
 * is the story's, as a report's one toll is its story's toll.
 */
import type { Sentence } from "../../search/index.ts";
import { NUMBER_WORDS } from "../../text/numberWords.ts";
import { HOURS, MOD, rangeOf } from "./durations.ts";
import { contextOf, type Mention } from "./mention.ts";
import { nearFigures, openingsTellOneStory } from "./storyTolls.ts";
import { daysApart } from "./times.ts";

const WORDS = Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .join("|");
/** A span's figure: digits, a number word, "one hundred" / "a hundred" (not "one day", an idiom as often). */
const FIGURE = `\\d+(?:\\.\\d+)?|(?:one|a)\\s+hundred|${WORDS}`;
/** Any figure of a span, "one" too: a report's "one day" keeps its other span of days from being its one. */
const NUMBER = `${FIGURE}|one`;
const UNIT = "(minute|hour|day|week|month|year|decade)s?";
/**
 * A span said on its own ("for eight days", "about three weeks", "24 years ago"), not joined to a noun by
 * a hyphen ("a six-day visit": durations.ts reads it with its event) nor an age ("10 years old").
 */
const SPAN = new RegExp(
  `(?<![\\p{L}\\d.,'’-])(?:(${MOD})\\s+)?(${FIGURE})\\s+${UNIT}\\b(?![-'’])(\\s+ago\\b)?`,
  "giu",
);
/** Any span a text gives in a unit, joined by a hyphen or not ("a six-day visit", "two days"), ages aside. */
const ANY_SPAN = new RegExp(
  `(?<![\\p{L}\\d.,])(${NUMBER})[-\\s]${UNIT}\\b(?!-old|\\s+old\\b)(\\s+ago\\b)?`,
  "giu",
);
/** After a span: an age ("years old", "years of age") or a rate ("three days a week"). */
const NOT_A_SPAN = /^\s*(?:old\b|of age\b|(?:a|an|per|each|every)\s+(?:minute|hour|day|week|month|year)\b)/i;

/**
 * A span still running when told: "over the past six weeks", "for the last two years", or a sentence in
 * the perfect ("have been damaging", "has been held") or saying "so far", "still".
 */
const RUNNING_BEFORE = /\b(?:past|last)\s+$/i;
const RUNNING_SENTENCE = /\b(?:has|have|had)\s+(?:\p{L}+ly\s+)?been\b|\b(?:so far|to date|still|now)\b/iu;

/** Before a span: a window from a start ("its first nine months"). */
const FROM_A_START = /\b(?:first|initial|opening)\s+$/i;

function numberOf(w: string): number {
  const lw = w.toLowerCase().replace(/\s+/g, " ");
  if (lw === "one") return 1;
  if (/^(?:one|a) hundred$/.test(lw)) return 100;
  return NUMBER_WORDS[lw] ?? Number(lw);
}

/** A span's unit as its key ("days" → day). */
function unitOf(w: string): string {
  return w.toLowerCase().replace(/s$/, "");
}

/** The spans a text gives in each unit, ago or not ("day" → their figures in hours, "day ago" → …). */
export function spansByUnit(text: string): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const m of text.matchAll(ANY_SPAN)) {
    const unit = unitOf(m[2]!);
    const k = `${unit}${m[3] ? " ago" : ""}`;
    if (!out.has(k)) out.set(k, new Set());
    out.get(k)!.add(numberOf(m[1]!) * HOURS[unit]!);
  }
  return out;
}

/**
 * Marks, on each span mention, the spans of its unit some report of the sentences gives beside its own
 * figure ("27 days stuck in a well" and "22 days recovering" in one report): a story with two spans of
 * days, which other reports giving one each tell apart, not dispute.
 */
export function markSpansToldApart(articles: Sentence[][], mentions: Mention[]): void {
  const spans = mentions.filter((m) => m.storySpan);
  if (spans.length === 0) return;
  const apart = new Map<string, Set<number>[]>();
  for (const sentences of articles) {
    const given = new Map<string, Set<number>>();
    for (const s of sentences)
      for (const [k, values] of spansByUnit(s.text)) {
        if (!given.has(k)) given.set(k, new Set());
        for (const v of values) given.get(k)!.add(v);
      }
    for (const [k, values] of given) if (values.size > 1) apart.set(k, [...(apart.get(k) ?? []), values]);
  }
  for (const m of spans) {
    const told = apart.get(spanGroup(m)!) ?? [];
    const beside = told.filter((v) => v.has(m.storySpan!.hours)).flatMap((v) => [...v]);
    if (beside.length > 0) m.storySpan!.apart = new Set(beside.filter((h) => h !== m.storySpan!.hours));
  }
}

/** The key a span mention is grouped by in its article: its unit, and whether it is a time ago. */
export function spanGroup(m: Mention): string | null {
  return m.storySpan ? `${m.storySpan.unit}${m.storySpan.ago ? " ago" : ""}` : null;
}

/**
 * The spans of time a sentence gives on their own, when it gives one (a sentence of several spans,
 * "sentenced to 13 years, … 11 years", gives several things' spans).
 */
export function spanMentions(s: Sentence, sourceId: string): Mention[] {
  const text = s.text;
  if (!/\b(?:minute|hour|day|week|month|year|decade)s?\b/i.test(text)) return [];
  const all = [...text.matchAll(ANY_SPAN)].map((m) => numberOf(m[1]!) * HOURS[unitOf(m[2]!)]!);
  if (new Set(all).size !== 1) return [];
  const out: Mention[] = [];
  for (const m of text.matchAll(SPAN)) {
    const [, mod, digits, unitWord, agoWord] = m;
    if (NOT_A_SPAN.test(text.slice(m.index + m[0].length))) continue;
    // "within its first nine months", "the first 100 days": a window from a start, of which reports pick
    // different ones.
    if (FROM_A_START.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    const x = numberOf(digits!);
    if (!Number.isFinite(x) || x <= 0) continue;
    const unit = unitOf(unitWord!);
    const ago = Boolean(agoWord);
    const said = m[0].trim();
    const range = rangeOf((mod ?? "").toLowerCase(), x, unit);
    // "27 years ago" of something 27 years and nine months ago is as true as "28 years ago": a time ago is
    // told in whole units, cut or rounded, so one report's figure may be one unit above another's.
    if (ago) range.hi += HOURS[unit]! / 2;
    const running =
      !ago &&
      (RUNNING_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index)) || RUNNING_SENTENCE.test(text));
    out.push({
      kind: "quantity",
      key: new Set([ago ? "ago" : "span"]),
      head: ago ? "time ago" : "span of time",
      about: ago ? "How long ago" : "How long",
      ...range,
      days: new Set(),
      value: said.charAt(0).toLowerCase() + said.slice(1),
      sentence: s,
      sourceId,
      ...contextOf(s),
      offset: m.index + m[0].indexOf(digits!),
      storySpan: { ago, unit, hours: x * HOURS[unit]!, ...(running ? { running } : {}) },
    });
  }
  return out;
}

/**
 * Two reports of one story each giving one span of time in a unit, said without an event word (events.ts
 * markSoleSpans: "the trek took seven days" / "along the trail for eight days", "one hundred years ago" /
 * "150 years ago"): the story's span, with a word of the two sentences in common beside it and the
 * figures near (as a toll's); a time ago only against a time ago.
 */
export function sameStorySpan(a: Mention, b: Mention, beside: number): boolean {
  const [x, y] = [a.storySpan, b.storySpan];
  if (!x?.story || !y?.story || x.ago !== y.ago || a.sourceId === b.sourceId) return false;
  // A span still running ends on its report's day, and a time ago is counted back from it: reports of days
  // further apart than half the span's unit give other spans.
  if (a.date && b.date && a.date !== b.date) {
    if (x.running || y.running) return false;
    if (x.ago && daysApart(a.date, b.date) * 24 >= HOURS[x.unit]! / 2) return false;
  }
  // A report that gives both figures tells them apart: two spans of the story.
  if (x.apart?.has(y.hours) || y.apart?.has(x.hours)) return false;
  if (beside < (x.ago ? 1 : SPAN_SHARED) || !nearFigures(a, b)) return false;
  return openingsTellOneStory(a, b, x.story, y.story);
}

/**
 * Words two sentences giving spans without an event word share beside them: a span of time lasts (or ends)
 * in many things of one story ("after two weeks of deliberations" / "for another three weeks"); a time ago
 * needs one (npm run eval:disagreements).
 */
export const SPAN_SHARED = 3;
