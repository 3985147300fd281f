/**
 * How a briefing's and a digest story's points are chosen from what retrieval found. Production has
 * one strategy, coverageSelection: the summarizer's concept coverage over the index's cached sentences
 * (coverage.ts), topped up from the scored candidates when coverage finds too few. Strategies measured
 * against it live in alternatives.ts, which only bench/ and scripts/ (and tests comparing them) import.
 */
import type { CorpusIndex } from "../../search/index.ts";
import { DEFAULT_CONCEPT_CONFIG, SentenceKeyCache } from "../../summarize/concepts.ts";
import {
  type Candidate,
  mergeCandidates,
  pickPoints,
  repeats,
  restatesPicked,
  type StemWeight,
  storyWeights,
} from "../points.ts";
import type { StoryRetrieval, TopicRetrieval } from "../retrieval.ts";
import { storyLends } from "../topicStory.ts";
import { coverageSentences, type SentenceModeller } from "./coverage.ts";

export interface PointSelection {
  /** A briefing's points, best first (the briefing keeps the first and puts the rest in reading order). */
  briefPoints(index: CorpusIndex, topic: string, r: TopicRetrieval): Candidate[];
  /** A digest story's points, best first. */
  storyPoints(index: CorpusIndex, story: StoryRetrieval): Candidate[];
}

/** Word budget of a briefing's coverage selection (3–6 points of whole sentences). */
const BRIEF_WORDS = 150;
/**
 * Word budget of one digest story (1–3 points): its coverage selection, and the story as shown once
 * context sentences and completed quotations are added (digest.ts, withinWords).
 */
export const STORY_WORDS = 75;
/**
 * What a sentence that mentions none of the topic's words is worth, relative to its coverage: nothing
 * (a briefing on "laborers" is about the laborers, not the whole story; the scored candidates top it
 * up when fewer than 3 sentences match). On DUC 2007 a factor of 0.4 scored 33.52 / 9.16 against
 * 0 → 33.20 / 9.03 (npm run eval:brief): a negligible cost for briefings that stay on topic.
 */
const OFF_TOPIC = 0;

/**
 * Adds candidates (best first) that repeat none of `picked` (nor add nothing to them, `restatesPicked`;
 * nor tell a fact one of them tells, `sameFact`) until there are `min`. `restatementTakesPlace`: a
 * restatement passed over counts towards `min` (a briefing refilling the places of points it left out:
 * past a restatement come its weaker sentences).
 */
export function topUp(
  picked: Candidate[],
  fallback: Candidate[],
  min: number,
  opts: {
    restatementTakesPlace?: boolean;
    weight?: StemWeight;
    /** `c` tells a fact `p` tells (a briefing's `repeatsFact`): passed over, it takes no place. */
    sameFact?: (p: Candidate, c: Candidate) => boolean;
  } = {},
): Candidate[] {
  const out = [...picked];
  let restatements = 0;
  for (const c of fallback) {
    if (out.length + restatements >= min) break;
    if (out.some((p) => repeats(p, c))) continue;
    const same = opts.sameFact;
    if (same && out.some((p) => same(p, c))) continue;
    if (restatesPicked(out, c, opts.weight)) {
      if (opts.restatementTakesPlace) restatements++;
      continue;
    }
    out.push(c);
  }
  return out;
}

/**
 * Points by concept coverage over the retrieved articles, merged across sources, no two redundant;
 * a briefing is topped up to 3 and a story to 1 from the scored candidates when coverage finds fewer.
 * Each selection keeps its own cache of the summarizer's sentence keys (one per engine).
 * `modeller`: how the articles are modelled (default: the index's cached sentences).
 */
export function coverageSelection(opts: { modeller?: SentenceModeller } = {}): PointSelection {
  const keyCache = new SentenceKeyCache(DEFAULT_CONCEPT_CONFIG);
  const modeller = opts.modeller ? { modeller: opts.modeller } : {};
  return {
    briefPoints(index, topic, r) {
      // The articles telling the topic's story (retrieval.ts, topicStory.ts), not every article found.
      const top = r.story.map((h) => h.index);
      const scored = coverageSentences(index, top, {
        words: BRIEF_WORDS,
        concepts: r.concepts,
        query: [topic, ...r.concepts.flatMap((c) => c.related)].join(" "),
        offTopic: OFF_TOPIC,
        admits: (s) => storyLends(r, r.concepts, s),
        keyCache,
        ...modeller,
      });
      const weight = storyWeights(index, top);
      const picked = pickPoints(mergeCandidates(index, scored, top), {
        max: 6,
        min: 0,
        ratio: 0,
        restated: true,
        weight,
      });
      return topUp(picked, r.candidates, 3, { weight });
    },
    storyPoints(index, story) {
      const scored = coverageSentences(index, story.members, { words: STORY_WORDS, keyCache, ...modeller });
      const weight = storyWeights(index, story.members);
      const picked = pickPoints(mergeCandidates(index, scored, story.members), {
        max: 3,
        min: 0,
        ratio: 0,
        restated: true,
        weight,
      });
      return topUp(picked, story.candidates, 1, { weight });
    },
  };
}
