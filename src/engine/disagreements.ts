/**
 * "Where sources differ": conflicting figures or days that different sources give for the same thing.
 *
 * Two kinds of mention are extracted from sentences:
 * - quantities: numbers ("10,000", "$500m", "2.5 million", "around 300") and vague quantities
 *   ("tens of thousands of", "hundreds of"), each turned into a range and attached to the noun
 *   phrase they count ("North Korean labourers");
 * - days: weekdays attached to an event word ("the meeting ... on Thursday"), skipping the day a
 *   statement was made ("the Kremlin said Thursday").
 * Mentions about the same thing (same head noun or event, overlapping noun phrase, near-synonyms
 * folded together) from different sources whose values cannot both be true make a disagreement.
 */
import type { Disagreement } from "../model.ts";
import type { Sentence } from "../search/index.ts";
import { dayMentions } from "./disagreements/days.ts";
import { durationMentions } from "./disagreements/durations.ts";
import { markSoleDurations, markSoleFigures, markSoleSpans, markSoleTolls } from "./disagreements/events.ts";
import { quantityMentions } from "./disagreements/figures.ts";
import { compatible, sameThing } from "./disagreements/matching.ts";
import type { Mention } from "./disagreements/mention.ts";
import { resolveUnnamedOwners } from "./disagreements/owners.ts";
import { type Conflict, claimOf, describe, markLater } from "./disagreements/presentation.ts";
import { addressesReader } from "./disagreements/readerAddress.ts";
import { resolvedAges, soleAges, soleInfantAges } from "./disagreements/referents.ts";
import { restatedConflicts } from "./disagreements/restated.ts";
import { markSpansToldApart, spanMentions } from "./disagreements/spans.ts";
import type { SameStory } from "./sameStory.ts";

export type { Conflict, ValuedClaim } from "./disagreements/presentation.ts";

/** What else the finder is told about the articles (every caller builds it from its corpus: sameStory.ts storyGate). */
export interface ConflictContext {
  /**
   * Whether two articles (by index) report one story: figures of two articles are compared only when
   * they do (sameStory.ts). Without it every two articles may be compared.
   */
  sameStory?: SameStory | undefined;
}

/**
 * Finds disagreements among the sentences of several sources. `sourceOf` maps a sentence's article
 * index to its source id. At most `max` disagreements, those with the most sources first.
 */
export function findDisagreements(
  sentences: Sentence[],
  sourceOf: (article: number) => string,
  max = 3,
  dateOf?: (article: number) => string | null,
  context: ConflictContext = {},
): Disagreement[] {
  return findConflicts(sentences, sourceOf, max, dateOf, context).map((c) => ({
    about: c.about,
    claims: c.claims.map((x) => ({
      text: x.text,
      sources: x.sources,
      values: x.values,
      side: x.side,
      ...(x.date ? { date: x.date } : {}),
      ...(x.later ? { later: true } : {}),
    })),
  }));
}

/** `findDisagreements` with each claim's figures or days as written, and the kind of disagreement. */
export function findConflicts(
  sentences: Sentence[],
  sourceOf: (article: number) => string,
  max = 3,
  dateOf?: (article: number) => string | null,
  context: ConflictContext = {},
): Conflict[] {
  const { sameStory } = context;
  /** Two mentions' articles report one story (always, without a gate). */
  const oneStory = (m: Mention, o: Mention) =>
    !sameStory || sameStory(m.sentence.article, o.sentence.article);
  const mentions = conflictMentions(sentences, sourceOf, dateOf);
  const used = new Set<Mention>();
  let found: { d: Conflict; weight: number; duration?: boolean; span?: boolean }[] = [];
  for (const m of mentions) {
    if (used.has(m)) continue;
    // (A mention is of the same thing as itself, whatever the rules that pair two mentions ask of
    // their sentences: a report's one toll of its story is matched only with another report's.)
    // With a story gate, every two of its mentions' articles report one story.
    const cluster: Mention[] = [];
    for (const o of mentions)
      if (!used.has(o) && (o === m || sameThing(m, o)) && cluster.every((x) => oneStory(x, o)))
        cluster.push(o);
    // A cluster of one source's mentions takes no side: its other mentions stay free to meet another
    // source's ("a 30-hour siege" twice in one report, "a 32-hour siege" in another).
    if (new Set(cluster.map((c) => c.sourceId)).size < 2) {
      used.add(m);
      continue;
    }
    for (const o of cluster) used.add(o);
    // A report's own earlier count of a toll it revises takes no side.
    const counted = cluster.filter((o) => !o.superseded);
    // Group the values that can all be true together.
    const groups: Mention[][] = [];
    for (const c of counted) {
      const g = groups.find((gr) => gr.every((x) => compatible(x, c)));
      if (g) g.push(c);
      else groups.push([c]);
    }
    if (groups.length < 2) continue;
    // A source that gives several incompatible values (then and now, say) is not taking a side.
    const sidesOf = new Map<string, number>();
    for (const g of groups)
      for (const id of new Set(g.map((x) => x.sourceId))) sidesOf.set(id, (sidesOf.get(id) ?? 0) + 1);
    // A value that fits more than one group ("at least 60" beside "60" and "65") takes no side either.
    const fitsOne = (x: Mention) =>
      groups.filter((o) => o.every((y) => y === x || compatible(x, y))).length === 1;
    const sides = groups
      .map((g) => g.filter((x) => sidesOf.get(x.sourceId) === 1 && fitsOne(x)))
      .filter((g) => g.length > 0);
    if (sides.length < 2) continue;
    const sourcesInvolved = new Set(sides.flatMap((g) => g.map((x) => x.sourceId)));
    if (sourcesInvolved.size < 2) continue;
    sides.sort((a, b) => new Set(b.map((x) => x.sourceId)).size - new Set(a.map((x) => x.sourceId)).size);
    // One sentence per source and side is enough to show where it stands.
    const claims = sides
      .map((g) => g.filter((x, i) => g.findIndex((y) => y.sourceId === x.sourceId) === i))
      .flatMap((g, side) => claimOf(g, side))
      .slice(0, 4);
    const dated = markLater(claims);
    found.push({
      d: { kind: m.kind, about: describe(sides[0]![0]!), claims: dated },
      weight: sourcesInvolved.size,
      ...(m.duration ? { duration: true } : {}),
      ...(m.storySpan ? { span: true } : {}),
    });
  }
  // A span told as a measure of its noun ("a 30-hour siege" / "a 32-hour siege") is a figure of that
  // noun too: the same sentences shown as a duration say nothing more.
  // A span said without its event ("for nine weeks", spans.ts) that another conflict shows in the same
  // sentences, as a figure or as a duration of its event, says nothing more either.
  const textsOf = (f: (typeof found)[number]) => f.d.claims.flatMap((c) => c.texts ?? [c.text]);
  const covered = (f: (typeof found)[number], by: (typeof found)[number][]) =>
    by.some((o) => {
      const s = new Set(textsOf(o));
      return textsOf(f).every((x) => s.has(x));
    });
  const figures = found.filter((f) => !f.duration && !f.span);
  const durations = found.filter((f) => f.duration);
  found = found.filter(
    (f) => (!f.duration || !covered(f, figures)) && (!f.span || !covered(f, [...figures, ...durations])),
  );
  // One statement copied with a different figure, whatever the figure counts.
  const shownTexts = found.map((f) => new Set(f.d.claims.flatMap((c) => c.texts ?? [c.text])));
  for (const d of restatedConflicts(sentences, sourceOf, dateOf, sameStory)) {
    const texts = d.claims.flatMap((c) => c.texts ?? [c.text]);
    if (shownTexts.some((s) => texts.every((x) => s.has(x)))) continue;
    found.push({ d, weight: new Set(d.claims.flatMap((c) => c.sources)).size });
  }
  return found
    .sort((a, b) => b.weight - a.weight)
    .slice(0, max)
    .map((f) => f.d);
}

/**
 * Every mention the sentences give, as findConflicts compares them: each sentence's figures, days and
 * durations (dated), marked per article (events.ts), and the ages resolved across an article (referents.ts).
 */
export function conflictMentions(
  sentences: Sentence[],
  sourceOf: (article: number) => string,
  dateOf?: (article: number) => string | null,
): Mention[] {
  const mentions: Mention[] = [];
  const byArticle = new Map<number, { sentences: Sentence[]; mentions: Mention[] }>();
  for (const s of sentences) {
    const id = sourceOf(s.article);
    const date = dateOf?.(s.article) ?? null;
    let art = byArticle.get(s.article);
    if (!art) {
      art = { sentences: [], mentions: [] };
      byArticle.set(s.article, art);
    }
    art.sentences.push(s);
    // A site's paywall or subscription notice to its reader reports nothing of the story (readerAddress.ts).
    if (addressesReader(s)) continue;
    for (const m of [
      ...quantityMentions(s, id),
      ...dayMentions(s, id),
      ...durationMentions(s, id),
      ...spanMentions(s, id),
    ]) {
      const dated = { ...m, date };
      mentions.push(dated);
      art.mentions.push(dated);
    }
  }
  // The toll each article gives for its story, and its one figure of a thing, when it gives one (events.ts).
  for (const art of byArticle.values()) {
    markSoleTolls(art.sentences, art.mentions);
    markSoleFigures(art.sentences, art.mentions);
    markSoleDurations(art.sentences, art.mentions);
    markSoleSpans(art.sentences, art.mentions);
    // "Its profits", "the firm's shares": the article's one named owner's (owners.ts).
    resolveUnnamedOwners(art.mentions);
  }
  // Spans of the story some report gives side by side are two spans, not one disputed (spans.ts).
  markSpansToldApart(
    [...byArticle.values()].map((art) => art.sentences),
    mentions,
  );
  // Ages beside a surname alone, resolved to the article's one full name of it (referents.ts).
  for (const [article, art] of byArticle) {
    const date = dateOf?.(article) ?? null;
    const resolved = resolvedAges(art.sentences, sourceOf(article), art.mentions);
    for (const m of resolved) mentions.push({ ...m, date });
    // The age of the one person whose age the article gives, named or not (referents.ts).
    for (const m of soleAges(art.sentences, sourceOf(article), [...art.mentions, ...resolved]))
      mentions.push({ ...m, date });
    // The age in months of the one infant whose age the article gives.
    for (const m of soleInfantAges(art.sentences, sourceOf(article))) mentions.push({ ...m, date });
  }
  return mentions;
}
