/**
 * Whether a briefing's points tell the story asked about (an editor's "on topic", stricter than "mentions a
 * topic word"): over a corpus of many stories a two-word topic ("sales warner") matches other stories on one
 * common word (box-office takings at Warner Bros), and those points are filler to a reader.
 *
 * The measure reads the corpus, not the engine: the topic's anchors are the articles whose title holds every
 * topic word (by the index's stems), else whose title and first two sentences hold them all, else any
 * article holding them all. A point tells the story when its sentence holds every topic word, or an article
 * it cites is an anchor or reports the same story as one: the content-word cosine of the two articles
 * (corpus idf, src/engine/sameStory.ts `articleCosine`) at least SAME_STORY, the gate's own
 * threshold for "one story", validated on labelled pairs there.
 */
import { articleCosine } from "../src/engine/sameStory.ts";
import type { Point } from "../src/model.ts";
import { type CorpusIndex, termStems } from "../src/search/index.ts";

/** Cosine of two articles' content words at or above which they report one story (storyGate's). */
const SAME_STORY = 0.2;

const holdsAll = (stems: Iterable<string>, wanted: Set<string>) => {
  const have = new Set(stems);
  return [...wanted].every((s) => have.has(s));
};

/** The articles (positions in the index) that are about the whole topic: see the module's comment. */
export function topicAnchors(index: CorpusIndex, topic: string): number[] {
  const wanted = new Set(termStems(topic));
  if (wanted.size === 0) return [];
  const live = index.articles.map((_, i) => i).filter((i) => index.isLive(i));
  const lead = (i: number) =>
    index
      .sentences(i)
      .slice(0, 2)
      .map((s) => s.text)
      .join(" ");
  const tiers: ((i: number) => string)[] = [
    (i) => index.articles[i]!.title,
    (i) => `${index.articles[i]!.title} ${lead(i)}`,
    (i) => `${index.articles[i]!.title} ${index.articles[i]!.paragraphs.join(" ")}`,
  ];
  for (const text of tiers) {
    const found = live.filter((i) => holdsAll(termStems(text(i)), wanted));
    if (found.length > 0) return found;
  }
  return [];
}

/** For each point, whether it tells the topic's story (see the module's comment). */
export function pointsOnStory(index: CorpusIndex, topic: string, points: readonly Point[]): boolean[] {
  const wanted = new Set(termStems(topic));
  const anchors = topicAnchors(index, topic);
  const cos = articleCosine(index);
  return points.map((p) => {
    if (holdsAll(termStems(p.text), wanted)) return true;
    return p.sources.some((id) => {
      const a = index.indexOf(id);
      return a !== undefined && anchors.some((b) => cos(a, b) >= SAME_STORY);
    });
  });
}

/** Points off the topic's story, and briefings most of whose points are off it, summed over briefings. */
export interface FocusTally {
  briefs: number;
  points: number;
  offStory: number;
  /** Briefings where more than half the points are off the story. */
  mostlyOff: number;
}

export const emptyFocus = (): FocusTally => ({ briefs: 0, points: 0, offStory: 0, mostlyOff: 0 });

/** Adds one briefing's points to the tally. */
export function addFocus(t: FocusTally, index: CorpusIndex, topic: string, points: readonly Point[]): void {
  t.briefs++;
  t.points += points.length;
  const off = pointsOnStory(index, topic, points).filter((on) => !on).length;
  t.offStory += off;
  if (off * 2 > points.length) t.mostlyOff++;
}
