/**
 * The toll an article gives for its story: a report that gives one figure of a kind of toll (however
 * often it repeats it) gives the toll of the event it tells, and another report of that story giving
 * one too gives the same toll (storyTolls.ts).
 */
import type { Sentence } from "../../search/index.ts";
import { compatible } from "./matching.ts";
import { contextOf, type Mention, namesOnlyUnit } from "./mention.ts";
import { spanGroup, spansByUnit } from "./spans.ts";
import { tollOf } from "./tolls.ts";

/** Sentences of an article's opening that say what its story is. */
export const STORY_SENTENCES = 5;

/** How much higher than its lowest a report's revised toll may be. */
export const REVISED = 1.05;

/** The content words of an article's opening (its first STORY_SENTENCES sentences): what story it tells. */
function openingOf(sentences: Sentence[]): Set<string> {
  const story = new Set<string>();
  for (const s of sentences.slice(0, STORY_SENTENCES)) for (const w of contextOf(s).context) story.add(w);
  return story;
}

/** Marks the tolls of one article's mentions that are the only toll of their kind it gives. */
export function markSoleTolls(sentences: Sentence[], mentions: Mention[]): void {
  const byToll = new Map<string, Mention[]>();
  for (const m of mentions) {
    const t = tollOf(m);
    if (!t || m.vague) continue;
    byToll.set(t, [...(byToll.get(t) ?? []), m]);
  }
  if (byToll.size === 0) return;
  const story = openingOf(sentences);
  for (const ms of byToll.values()) {
    if (!ms.every((x) => ms.every((y) => compatible(x, y)))) {
      // A count revised within the report (a caption's "141", the text's "142"): its highest is its toll.
      const top = Math.max(...ms.map((m) => m.lo));
      const low = Math.min(...ms.map((m) => m.lo));
      if (top > REVISED * low) continue;
      for (const m of ms)
        if (m.lo === top) m.story = story;
        else m.superseded = true;
      continue;
    }
    for (const m of ms) m.story = story;
  }
}

/**
 * Marks the figures of one article's mentions that are the only figure of their counted phrase (two
 * words or more, not a unit alone: "taken hostage", "percent obese") it gives, however often it repeats
 * it: a report that gives one figure of a thing gives that thing's figure for its story (storyTolls.ts
 * sameStoryFigure).
 */
export function markSoleFigures(sentences: Sentence[], mentions: Mention[]): void {
  const byKey = new Map<string, Mention[]>();
  for (const m of mentions) {
    // (A distance locates one of the places of a story, "about 130 kilometers east of Istanbul": each its own.)
    if (m.kind !== "quantity" || m.vague || m.head === "age" || m.attribute || m.distance || m.key.size < 2)
      continue;
    if (namesOnlyUnit(m.key)) continue;
    const k = [...m.key].sort().join(" ");
    byKey.set(k, [...(byKey.get(k) ?? []), m]);
  }
  if (byKey.size === 0) return;
  const story = openingOf(sentences);
  for (const ms of byKey.values())
    if (ms.every((x) => ms.every((y) => compatible(x, y)))) for (const m of ms) m.soleOf = story;
}

/**
 * Marks the durations of one article's mentions that are the only duration of their event it gives
 * (every one of them agrees): the article's opening words, which say what story it tells.
 */
export function markSoleDurations(sentences: Sentence[], mentions: Mention[]): void {
  const byEvent = new Map<string, Mention[]>();
  for (const m of mentions) if (m.duration) byEvent.set(m.head, [...(byEvent.get(m.head) ?? []), m]);
  if (byEvent.size === 0) return;
  const story = openingOf(sentences);
  for (const ms of byEvent.values())
    if (ms.every((x) => ms.every((y) => compatible(x, y)))) for (const m of ms) m.duration!.story = story;
}

/**
 * Marks the spans of time of one article's mentions said without an event word (spans.ts) that are the
 * only span in their unit the article gives, anywhere in it ("for eight days" and no other number of
 * days, joined to a noun or not): the article's opening words, which say what story it tells.
 */
export function markSoleSpans(sentences: Sentence[], mentions: Mention[]): void {
  const spans = mentions.filter((m) => m.storySpan);
  if (spans.length === 0) return;
  const given = new Map<string, Set<number>>();
  for (const s of sentences)
    for (const [k, values] of spansByUnit(s.text)) {
      if (!given.has(k)) given.set(k, new Set());
      for (const v of values) given.get(k)!.add(v);
    }
  const story = openingOf(sentences);
  for (const m of spans) if (given.get(spanGroup(m)!)?.size === 1) m.storySpan!.story = story;
}
