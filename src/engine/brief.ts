/**
 * Briefings: `/summit <topic>`. The topic's retrieval (retrieval.ts), points chosen by the engine's
 * PointSelection (the best first, the rest in reading order), "where sources differ" among the
 * retrieved articles (disagreements.ts), every claim citation-checked, and a headline.
 */
import { splitSentences } from "../corpus/sentences.ts";
import type { Briefing, Disagreement, Evidence, Point } from "../model.ts";
import { type Concept, type CorpusIndex, type Sentence, termStems } from "../search/index.ts";
import { quotesClosed } from "../text/quotes.ts";
import { recased } from "../text/recase.ts";
import { stemSet } from "../text/similarity.ts";
import { contentStems } from "../text/tokens.ts";
import { mergeDuplicateCitations, newestDate, passagesFor, sourcesFor, toPoints } from "./citations.ts";
import { findDisagreements } from "./disagreements.ts";
import { writtenInLowerCase } from "./display.ts";
import { headlineFrom } from "./headlines.ts";
import { headsAsTitle, shorten, shownPoints, titleOrPointsHeadline } from "./phrasing.ts";
import {
  articleSupports,
  type Candidate,
  completeQuotes,
  relevance,
  repeatsFact,
  unexplainedAgent,
  unexplainedOpener,
  withContext,
  withoutRepeatedFacts,
} from "./points.ts";
import { requiredMatches, retrieveTopic, type TopicRetrieval } from "./retrieval.ts";
import { storyGate } from "./sameStory.ts";
import type { PointSelection } from "./selection/pointSelection.ts";
import { topUp } from "./selection/pointSelection.ts";
import { storyTitleWeakness } from "./storyTitles.ts";
import { inThirdPerson } from "./thirdPerson.ts";

/** Points a briefing keeps, when it has them, rather than leave out one telling a fact another tells. */
const FEWEST_POINTS = 3;

/** The briefing on a topic, or a "nothing found" briefing when nothing in the corpus matches it. */
/** `sourcesDiffer`: whether to look for where the sources differ (ExtractiveEngineOptions.sourcesDiffer). */
export function buildBriefing(
  index: CorpusIndex,
  selection: PointSelection,
  topic: string,
  sourcesDiffer = true,
): Briefing {
  const clean = topic.trim();
  const r = retrieveTopic(index, clean);
  if (r.candidates.length === 0) {
    return {
      topic: clean,
      found: false,
      headline: `Nothing found about “${clean}” in the ${index.size} articles of the corpus.`,
      points: [],
      sources: [],
      disagreements: [],
      engine: "extractive",
      asOf: null,
    };
  }
  const [first, ...rest] = selection.briefPoints(index, clean, r);
  rest.sort((a, b) => a.position - b.position || b.score - a.score);
  // A point opening on a pronoun ("He said …") is left out and gives its place to the next candidate
  // that explains itself and repeats none of the others. Briefings prepend context or drop only for a
  // nameless organisation or person ("The company said …"), not for every description as digests do:
  // that cost DUC 2007 ROUGE-2 (9.03 → 8.83; skipping all descriptions 9.12 → 8.92, context for all
  // 9.12 → 8.99); this way DUC ROUGE is unchanged (9.12, DUC 2004 9.87) and BBC briefings (every 45th
  // title) have 0 such points instead of 7. Such an organisation or person (or someone by what they
  // are, something that happened by its kind: points.ts roleOpener) without context is kept only to fill
  // a briefing of fewer than three points. First, any point that would be changed gives its place to a
  // sentence of the story's articles telling the same fact that explains itself (points.ts explainedTwin).
  // A quotation cut in half is completed from its article or left out (points.ts completeQuotes).
  // Every point left out (each opening on a pronoun), the spare candidates take their places; only
  // when none is left is the best shown alone.
  const kept = withContext(index, [first!, ...rest], {
    context: "agents",
    descriptions: "agents",
    twins: r.story.map((h) => h.index),
    alone: false,
  });
  const completed = completeQuotes(index, kept);
  const refilled = withoutRepeatsRefilled(index, completed, r, clean, rest.length);
  const picked = refilled.length > 0 || kept.length > 0 ? refilled : completeQuotes(index, [first!]);
  const firstPoints = toPoints(index, picked);

  const checked = sourcesDiffer ? topicDisagreements(index, r) : [];
  // One article in the corpus twice is one citation, across points and claims alike.
  const [points, ...claimLists] = mergeDuplicateCitations(index, [
    firstPoints,
    ...checked.map((d) => d.claims),
  ]) as [Point[], ...Disagreement["claims"][]];
  const disagreements = checked
    .map((d, i) => ({ ...d, claims: claimLists[i]! }))
    .filter((d) => new Set(d.claims.flatMap((c) => c.sources)).size >= 2);

  const cited = [
    ...points.flatMap((p) => p.sources),
    ...disagreements.flatMap((d) => d.claims.flatMap((c) => c.sources)),
  ];
  const sources = sourcesFor(index, cited);
  return {
    topic: clean,
    found: points.length > 0,
    headline: headline(index, r, points, disagreements),
    // Furniture or a dateline before a point's sentence ("Washington ( ap ) — …") is the page's.
    points: shownPoints(points),
    sources,
    disagreements,
    engine: "extractive",
    asOf: newestDate(sources),
  };
}

/**
 * The chosen points without a point telling a fact a point shown before it tells (the clause they share,
 * `repeatsFact`: "… Meet the Fockers, which is the sequel to Meet the Parents" after "Meet The Fockers is
 * the sequel to …"), each giving its place to the next candidate that tells none and mentions the topic
 * (an off-topic one lowered Multi-News briefings' topic share, 90.9% → 90.7%, and "Sea Inside" gave way
 * to the other films of an awards night). Placed in reading order by its position rather than last, the
 * replacements cost DUC 2004 ROUGE (39.31 / 9.84 → 39.26 / 9.83). A briefing keeps FEWEST_POINTS when it
 * had them: the first repeats come back to their places. `restCount`: the points after the first that
 * the selection chose.
 */
function withoutRepeatsRefilled(
  index: CorpusIndex,
  completed: Candidate[],
  r: TopicRetrieval,
  topic: string,
  restCount: number,
): Candidate[] {
  const withNames = (c: Candidate) => namesShown(index, c);
  const topicStems = new Set([...contentStems(topic), ...r.concepts.map((c) => c.stem)]);
  const sameFact = (p: Candidate, c: Candidate) => repeatsFact(p, c, topicStems) || sharesSentence(p, c);
  const chosen = withoutRepeatedFacts(completed, sameFact);
  const spare = r.candidates.filter(
    (c) => !unexplainedOpener(c.text, c.position > 0 ? 1 : 0) && quotesClosed(c.text),
  );
  const repeated = completed.length - chosen.length;
  const onTopic = spare.filter((c) => r.concepts.some((k) => c.stems.has(k.stem)));
  // A point left out for a reference it doesn't explain gives its place to the next candidate on the
  // topic; one that doesn't mention the topic only while the briefing has fewer than FEWEST_POINTS
  // (filling every place from any candidate: Multi-News topic share 90.8% → 89.2%).
  const wanted = 1 + restCount - repeated;
  const opts = { restatementTakesPlace: true, sameFact };
  const refilled = topUp(topUp(chosen, onTopic, wanted, opts), spare, Math.min(wanted, FEWEST_POINTS), opts);
  const picked = repeated > 0 ? topUp(refilled, onTopic, refilled.length + repeated, { sameFact }) : refilled;
  const short = Math.min(FEWEST_POINTS, completed.length) - picked.length;
  const words = new Set(termStems(topic));
  const named = onTopic.filter((c) => termStems(c.text).some((x) => words.has(x)));
  if (short <= 0) return withoutWeakAgents(picked, [named, onTopic], sameFact, withNames);
  const back = completed.filter((c) => !chosen.includes(c)).slice(0, short);
  return withoutWeakAgents(
    [
      ...completed.filter((c) => chosen.includes(c) || back.includes(c)),
      ...picked.filter((c) => !chosen.includes(c)),
    ],
    [named, onTopic],
    sameFact,
    withNames,
  );
}

/**
 * A briefing's points with each nameless organisation or person past its article's lead (points.ts
 * withContext keeps it only to fill: "The man, who goes by …") in its place given to a spare candidate
 * that explains itself, repeating none of the others: from `spares` in turn (those mentioning the topic's
 * own words, then the others on the topic). Left out altogether when FEWEST_POINTS others remain (it no
 * longer fills), and when no spare is left and FEWEST_FIRM others remain. `shown`: the text as a reply
 * shows it (a lower-cased copy's names capitalised, namesShown): "The justice department said …" is read
 * as "The Justice Department said …". (node scripts/audit-points.ts: Multi-News unexplained openings 19 →
 * 17, DUC 2004 briefs 1 → 0 when it was first given a spare's place; DUC 2004 brief ROUGE 39.32 / 9.82 →
 * 39.38 / 9.87. Leaving out one no spare replaces while two others remain: Multi-News 15 → 6 of 2,321
 * points, briefings of one or two points 10 → 25, DUC briefs unchanged. Given a spare candidate's place
 * even when not needed to fill: DUC 2004 39.28 / 9.79.)
 */
export function withoutWeakAgents(
  points: Candidate[],
  spares: Candidate[][],
  sameFact: (p: Candidate, c: Candidate) => boolean,
  shown: (c: Candidate) => string = (c) => c.text,
): Candidate[] {
  // (Recased only when the text as the article writes it opens on one: capitals only take one away.)
  const weak = points.filter(
    (c) => c.position > 0 && unexplainedAgent(c.text, 1) && unexplainedAgent(shown(c), 1),
  );
  if (weak.length === 0) return points;
  const firm = points.filter((c) => !weak.includes(c));
  // Not needed to fill the briefing, it is left out.
  if (firm.length >= FEWEST_POINTS) return firm;
  let filled = firm;
  for (const spare of spares) filled = topUp(filled, spare, points.length, { sameFact });
  const extra = filled.slice(firm.length);
  // One no spare replaces is kept only while the briefing would otherwise show fewer than FEWEST_FIRM.
  let room = FEWEST_FIRM - filled.length;
  return points.flatMap((c) => {
    if (!weak.includes(c)) return [c];
    const spare = extra.shift();
    if (spare) return [spare];
    return room-- > 0 ? [c] : [];
  });
}

/**
 * Points a briefing shows, when it has them, before it leaves out one opening on a nameless organisation
 * or person that no spare candidate replaces: two that explain themselves read better than three of
 * which one leaves the reader asking who.
 */
const FEWEST_FIRM = 2;

/**
 * A point's text with its names capitalised when its article is written all in lower case (recase.ts, as
 * a reply shows it): "the justice department is investigating …" opens on a name, not on a justice.
 */
function namesShown(index: CorpusIndex, c: Candidate): string {
  const a = c.articles[0];
  if (a === undefined) return c.text;
  return writtenInLowerCase(index, a) ? recased(c.text) : c.text;
}

/** Words a sentence shown twice must have to count as a repeat (not a short line two reports share). */
const SHARED_SENTENCE_WORDS = 6;

/**
 * Whether two points show one sentence twice: a point given the sentence before it as context
 * ("The company should now … The other main shareholders …") after a point that is that sentence,
 * or shows it as its own context's follow-up. A reader sees the same words twice.
 */
export function sharesSentence(p: { text: string }, c: { text: string }): boolean {
  if (p.text === c.text) return false;
  const shown = new Set(splitSentences(p.text));
  return splitSentences(c.text).some((x) => shown.has(x) && x.split(/\s+/).length >= SHARED_SENTENCE_WORDS);
}

/** Where the retrieved articles' sources differ about the topic, each claim citation-checked. */
function topicDisagreements(index: CorpusIndex, r: TopicRetrieval): Disagreement[] {
  // A side of a disagreement must touch the topic (checkedDisagreements): sentences that don't are not read.
  const sentences: Sentence[] = r.hits
    .flatMap((h) => index.sentences(h.index))
    .filter((st) => relevance(st.stems, r.concepts) > 0);
  return checkedDisagreements(
    index,
    findDisagreements(
      sentences,
      (a) => index.articles[a]!.id,
      undefined,
      (a) => index.articles[a]!.date ?? null,
      { sameStory: storyGate(index) },
    ),
    sentences,
    r.concepts,
  );
}

/** The evidence a briefing on `topic` is built from (for the LLM writer). */
export function briefingEvidence(index: CorpusIndex, topic: string): Evidence {
  const r = retrieveTopic(index, topic);
  const { passages, sources } = passagesFor(index, r.candidates.slice(0, 12), 24);
  return { query: topic, passages, sources };
}

/** How much of the topic a side of a disagreement must mention (the others: some of it) to be shown. */
const TOPIC_RELEVANCE = 0.5;

/** Keeps only claims whose every source passes the citation check. */
function checkedDisagreements(
  index: CorpusIndex,
  ds: Disagreement[],
  sentences: Sentence[],
  concepts: Concept[],
): Disagreement[] {
  const indexOf = new Map<string, number>();
  for (const s of sentences) indexOf.set(index.articles[s.article]!.id, s.article);
  const out: Disagreement[] = [];
  for (const d of ds) {
    const claims = d.claims
      .map((c) => ({
        ...c,
        sources: c.sources.filter((id) => {
          const a = indexOf.get(id);
          return a !== undefined && articleSupports(index, a, c.text);
        }),
      }))
      .filter((c) => c.sources.length > 0);
    // Shown only on a briefing about that thing: every claim touches the topic, one squarely.
    const rel = claims.map((c) => relevance(stemSet(c.text), concepts));
    if (rel.some((x) => x === 0) || Math.max(...rel) < TOPIC_RELEVANCE) continue;
    const sides = new Set(claims.map((c) => c.side ?? 0));
    if (new Set(claims.flatMap((c) => c.sources)).size >= 2 && claims.length >= 2 && sides.size >= 2)
      out.push({ about: d.about, claims });
  }
  return out;
}

/** A social post's hashtag or handle ("#libraryday", "@nws"): no headline. */
const POST_TAG = /(?:^|\s)[#@]\w/;

/**
 * The title of a cited top article that names the topic (the latest such report; among reports of one
 * date, the one the earliest point cites); else the first undisputed point, cut at a clause when it is long.
 */
function headline(
  index: CorpusIndex,
  r: TopicRetrieval,
  points: Point[],
  disagreements: Disagreement[] = [],
): string {
  const required = requiredMatches(r.concepts.length);
  // Only an article the briefing cites may lend its title; the latest report first (a stale "will
  // visit" gives way to the report of the visit).
  const cited = new Set(points.flatMap((p) => p.sources));
  // Among reports of one date (or undated), the title of the article the main point cites first: a
  // headline over points it does not tell ("… reach three-month low" over four-month highs) reads as
  // another story's.
  const firstCiting = (id: string) => {
    const i = points.findIndex((p) => p.sources.includes(id));
    return i < 0 ? points.length : i;
  };
  const titled = r.hits
    .slice(0, 8)
    .map((h, rank) => ({ art: index.articles[h.index]!, rank }))
    .filter(({ art }) => {
      // A cut of the article's first words, or a title in capitals, is no headline.
      if (!cited.has(art.id) || !headsAsTitle(art.title) || POST_TAG.test(art.title)) return false;
      const stems = new Set(termStems(art.title));
      const matched = r.concepts.filter(
        (c) => stems.has(c.stem) || c.related.some((x) => stems.has(x)),
      ).length;
      return matched >= required;
    })
    .sort(
      (a, b) =>
        (b.art.date ?? "").localeCompare(a.art.date ?? "") ||
        firstCiting(a.art.id) - firstCiting(b.art.id) ||
        a.rank - b.rank,
    );
  // A title made from a first sentence keeps no dateline ("Des moines, iowa — …"), nor a page's word
  // ("Article …"). One that opens on a pronoun, the first person ("We've got …"), a back-reference or
  // a quotation left open (titleFlaw) gives way to the points' headline when that reads whole.
  const h = titled[0]
    ? titleOrPointsHeadline(titled[0].art.title, () => pointsHeadline(points, disagreements))
    : (pointsHeadline(points, disagreements) ?? shorten(index.articles[r.hits[0]!.index]!.title));
  // One that speaks as "I" or "we" ("Not all the loyalists I spoke with …"): a cited sentence in the
  // third person heads in its place, as over a digest's story; one that speaks to the reader ("… will
  // disable your device") only for a sentence that tells the main point as much (in place of "Just
  // thinking you slept well improves your memory" a later sentence on how the trial was run told less).
  return inThirdPerson(h, index, points, (t) => storyTitleWeakness(t, true) !== null, true);
}

/** The headline made from the top undisputed points (headlineFrom), or null when there are none. */
function pointsHeadline(points: Point[], disagreements: Disagreement[]): string | null {
  // No title fits: the main point, cut at a clause or whole when not too long (headlineFrom); a shorter
  // point further down was preferred until 2026-12-06, and stated the briefing's main point less often:
  // share of a headline's words in the cluster's human summary over three samples of ~613 Multi-News
  // clusters 50.5 / 50.5 / 50.4 % → 51.4 / 50.9 / 50.9 %, DUC 2004 / 2007 / 2007 update 68.9 / 73.9 /
  // 67.4 % → 69.8 / 72.3 / 68.6 %.
  // A claim the sources dispute is no headline: it would state one side as fact.
  const disputed = new Set(disagreements.flatMap((d) => d.claims.map((c) => c.text)));
  // Nor is a social post's line (a hashtag or a handle).
  const fit = points.filter((p) => !POST_TAG.test(p.text));
  const undisputed = (fit.length > 0 ? fit : points).filter((p) => !disputed.has(p.text));
  const texts = (undisputed.length > 0 ? undisputed : points).slice(0, 3).map((p) => p.text);
  return texts.length > 0 ? headlineFrom(texts) : null;
}
