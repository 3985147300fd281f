/**
 * Whether two reports of one story each giving one toll of a kind, or one figure of a counted phrase
 * (events.ts), give the toll of that story's event, or that thing's figure.
 */
import type { Mention } from "./mention.ts";

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
export function sameStoryToll(a: Mention, b: Mention, beside: number): boolean {
  if (!a.story || !b.story || a.sourceId === b.sourceId) return false;
  if (beside < 1) return false;
  // A toll dated to a year or a day ("the 1939 quake, which killed 20,000", "the earthquake of Aug. 17,
  // which killed more than 14,000") is of an event the sentence recalls, not the story's own.
  if (DATED.test(a.sentence.text) || DATED.test(b.sentence.text)) return false;
  // Reports of one toll differ by little ("141" / "142", "99" / "about 80"); one far from the other
  // ("23 wounded in clashes" / "211 wounded") is of another clash or another stage of it.
  if (!nearFigures(a, b)) return false;
  return openingsTellOneStory(a, b, a.story, b.story);
}

/**
 * Two reports of one story each giving one figure of a counted phrase of two words or more (events.ts
 * markSoleFigures: "251 taken hostage" / "240 taken hostage", "22 percent … obese" / "17.9 percent …
 * obese"): their figures are of that story's thing, even when the sentences share few words beside the
 * figure — with a word in common still, the names agreeing and the figures near (as a toll's).
 */
export function sameStoryFigure(a: Mention, b: Mention, beside: number, namesAgree: boolean): boolean {
  if (!a.soleOf || !b.soleOf || a.sourceId === b.sourceId) return false;
  if (beside < 1 || !namesAgree) return false;
  if (!nearFigures(a, b)) return false;
  return openingsTellOneStory(a, b, a.soleOf, b.soleOf);
}

/** The larger of the two figures (midpoints) is at most STORY_TOLL_RATIO times the smaller. */
export function nearFigures(a: Mention, b: Mention): boolean {
  const [x, y] = [(a.lo + a.hi) / 2, (b.lo + b.hi) / 2].sort((p, q) => p - q) as [number, number];
  return y <= STORY_TOLL_RATIO * x;
}

/** The two articles' openings, beside the words of the two sentences themselves, tell one story. */
export function openingsTellOneStory(a: Mention, b: Mention, sa: Set<string>, sb: Set<string>): boolean {
  const own = (w: string) => a.context.has(w) || b.context.has(w);
  const rest = (s: Set<string>) => [...s].filter((w) => !own(w));
  const [x2, y2] = [rest(sa), new Set(rest(sb))];
  const shared = x2.filter((w) => y2.has(w)).length;
  return shared >= STORY_SHARED && shared >= STORY_OVERLAP * Math.min(x2.length, y2.size);
}
