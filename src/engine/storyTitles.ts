/**
 * A digest story's title (`storyTitle`): the first of several candidates — the best cited title, its
 * compact form, the points' headline, a later point, a cited lead sentence, another cited title — that
 * heads the story well. What makes a title head a story poorly (`storyTitleWeakness`): the flaws of any
 * headline (phrasing.ts headlineFlaw), the page's own text, a speaker's or the page's voice, a quotation
 * in someone's first or second person, more words than a short headline has.
 */
import type { Point } from "../model.ts";
import type { CorpusIndex } from "../search/index.ts";
import { withoutDateline } from "../text/dateline.ts";
import { isFurniture, opensOnRunOnLabel, withoutLeadingPageLabels } from "../text/furniture.ts";
import { stemSet } from "../text/similarity.ts";
import { isStampOrInfoBox, withoutStamps } from "../text/stamps.ts";
import { tag } from "../text/tagger.ts";
import { isBaseVerb, singulars } from "../text/wordnet.ts";
import { compactHeadline, headlineFrom } from "./headlines.ts";
import { type NameLexicon, namesAbsent } from "./names.ts";
import {
  clauseVerb,
  cutTitle,
  DEPENDENT_OPENER,
  headlineFlaw,
  headsAsTitle,
  opensOnPersonDescription,
  SHORT_HEADLINE_WORDS,
  SUBORDINATED,
  shorten,
  shownWords,
  speaksInFirstPerson,
  speaksInPerson,
  TIED_OPENER,
  titleOrPointsHeadline,
  withoutHeadLabel,
} from "./phrasing.ts";
import type { StoryRetrieval } from "./retrieval.ts";
import {
  inThirdPerson,
  KEPT_SHARE,
  LEAD_SHARED,
  SPAN_STEM,
  titleSentences,
  wholeOrCompact,
} from "./thirdPerson.ts";

/** A text that opens on a quotation mark: someone's words, not a report of them. */
const OPENS_QUOTED = /^(?:["“‘]|``|'(?=\s?\p{L}))/u;

/**
 * "The" and a description of someone by age or a former role, no name after it ("The 37-year-old …",
 * "The 29-year-olds each …", "The former army captain who …"): it points back to a person named before,
 * not in the title.
 */
const BACK_REFERENCE =
  /^The\s+(?:\d+-year-olds?|former|wounded|injured|unnamed)(?!(?:\s+[\p{Ll}\d][\p{L}\d'’-]*){0,4}\s+\p{Lu})\s+\p{Ll}/u;

/**
 * Why a title (or a headline made from points) would head a story poorly; null when it heads well.
 * `needsVerb`: a headline made from a sentence needs its finite verb; an article's title ("Floods in
 * the north") does not.
 */
export function storyTitleWeakness(title: string, needsVerb: boolean): string | null {
  const flaw = headlineFlaw(title, needsVerb);
  if (flaw) return flaw;
  if (BACK_REFERENCE.test(title.trim())) return "reference";
  if (opensOnPersonDescription(title.trim())) return "described";
  if (TIED_OPENER.test(title.trim())) return "tied";
  // The page's own words ("It's possible the content has expired …", "Posted 2 years ago …").
  if (isFurniture(title) || opensOnRunOnLabel(title)) return "furniture";
  // "I", "we" or "you" outside a quotation: a speaker's or the page's voice.
  if (speaksInPerson(title)) return "person";
  // A quotation in its speaker's first or second person ('"We call upon Congress …," she said'): whose
  // words, about what, the reader cannot tell from the title.
  if (OPENS_QUOTED.test(title.trim()) && speaksInPerson(title, true)) return "quoted person";
  if (shownWords(title) > SHORT_HEADLINE_WORDS) return "long";
  return null;
}

/**
 * An article's title as a story shows it: no date stamp or page label before it ("Uploaded on Apr 5,
 * 2017 …"), no dateline, no page's word ("Article …") nor a label and colon before a sentence of six
 * words or more ("Box office: …", withoutHeadLabel).
 */
export function shownTitle(title: string): string {
  return withoutHeadLabel(withoutDateline(withoutStamps(withoutLeadingPageLabels(title.trim()))));
}

/** Whether an article's title holds a page's stamp, an info box or a prompt (isStampOrInfoBox). */
export function stampedTitle(title: string): boolean {
  return isStampOrInfoBox(withoutLeadingPageLabels(title.trim()));
}

/** How much a title gains for the share of the story's points it tells. */
const POINTS_TOLD = 1;

/** How much a title loses for naming only what the points don't (per share of its names absent). */
const ABSENT_NAMES = 0.6;

/**
 * A story's title from what it cites: the title of a cited article that shares the most with the
 * story's points and tells the most of them (a point drawn from its article, or one sharing a content
 * word with it), an article behind the first (main) point preferred (ties: the article cited by more
 * points, then the story's own ranking), one naming what the points don't (names.ts) avoided; when no
 * cited title shares a content word with the points, the main (first) point, as a headline.
 */
export function storyTitle(
  index: CorpusIndex,
  story: StoryRetrieval,
  points: Point[],
  lexicon?: NameLexicon,
): string {
  const title = titleOfStory(index, story, points, lexicon);
  // A title in a speaker's or the page's voice ("Not all the loyalists I spoke with …", "Here's our
  // take …"): a cited sentence of the story in the third person heads in its place when one reads well.
  const voiced = inThirdPerson(title, index, points, (h) => storyTitleWeakness(h, true) !== null);
  return shortenedTitle(voiced);
}

/**
 * A title over SHORT_HEADLINE_WORDS (a sentence taken whole when nothing shorter headed well) shortened
 * as an editor would, at a clause (compactHeadline: an opening phrase, an aside, what trails the main
 * clause), when what is left heads well; else the title as it is. An editor does not sign a title of
 * thirty words when one of twenty says the same.
 */
export function shortenedTitle(title: string): string {
  if (shownWords(title) <= SHORT_HEADLINE_WORDS) return title;
  const c = compactHeadline(title, SHORT_HEADLINE_WORDS);
  if (c && storyTitleWeakness(c, true) === null) return c;
  return withoutOpeningPhrase(title) ?? title;
}

/**
 * A long title that opens on a phrase or clause hanging on what follows ("After years of delays, …",
 * "When asked about the vote, which …, the mayor said …", DEPENDENT_OPENER, SUBORDINATED) without it:
 * the rest after the first comma at which it heads well on its own, a clause first (its verb before any
 * comma) and at most SHORT_HEADLINE_WORDS; null when there is none. (Not shortened further: a cut
 * inside the rest may leave "… could range from two".)
 */
function withoutOpeningPhrase(title: string): string | null {
  const t = title.trim();
  if (!DEPENDENT_OPENER.test(t) && !SUBORDINATED.test(t)) return null;
  for (let at = t.indexOf(", "); at > 0; at = t.indexOf(", ", at + 2)) {
    const rest = t.slice(at + 2).replace(/^\p{Ll}/u, (x) => x.toUpperCase());
    if (shownWords(rest) < MIN_REST_WORDS || shownWords(rest) > SHORT_HEADLINE_WORDS) continue;
    // (Not when the opening names someone or something the rest does not: "When Jo Reyes shook his
    // hand, the Australian said …" leaves "the Australian" unexplained.)
    const named = t
      .slice(0, at)
      .split(/\s+/)
      .slice(1)
      .filter((w) => /^\p{Lu}/u.test(w));
    const restWords = new Set(rest.split(/[^\p{L}\d'’-]+/u));
    if (named.some((w) => !restWords.has(w.replace(/[^\p{L}\d'’-]+/gu, "")))) continue;
    if (verbBeforeComma(rest) && storyTitleWeakness(rest, true) === null) return rest;
  }
  return null;
}

/**
 * Whether a text's first part (up to its first comma) has a clause's verb: the rest of a title after
 * its opening phrase, not the tail of a list in it ("… with laureates, | singers, and planes, this …").
 */
function verbBeforeComma(text: string): boolean {
  const t = tag(text.split(/,\s/)[0]!);
  return t.pos.some((_, i) => clauseVerb(t, i));
}

/** Words the rest of a title keeps at least once its opening phrase is gone: a clause, not a list's tail. */
const MIN_REST_WORDS = 6;

/** storyTitle's title before a title in a person's voice gives way (see storyTitle). */
function titleOfStory(
  index: CorpusIndex,
  story: StoryRetrieval,
  points: Point[],
  lexicon?: NameLexicon,
): string {
  const texts = points.map((p) => p.text);
  const pointStemSets = points.map((p) => stemSet(p.text));
  const pointStems = new Set(pointStemSets.flatMap((ps) => [...ps]));
  const citedBy = new Map<string, number>();
  for (const p of points) for (const id of p.sources) citedBy.set(id, (citedBy.get(id) ?? 0) + 1);
  const ranked: { title: string; score: number }[] = [];
  for (const [id, n] of citedBy) {
    const a = index.indexOf(id);
    if (a === undefined) continue;
    const title = index.articles[a]!.title.trim();
    if (!headsAsTitle(title)) continue;
    const stems = [...stemSet(title)];
    if (stems.length === 0) continue;
    const shared = stems.filter((s) => pointStems.has(s)).length / stems.length;
    if (shared === 0) continue;
    // The share of the story's points the title tells: drawn from its article, or sharing a content word
    // with it (not a count or a span of time). A title that tells one point of a big story ("Thomas out
    // of Six Nations" over the round's other matches) heads it less well than one that tells most.
    const told =
      points.filter(
        (p, i) => p.sources.includes(id) || stems.some((x) => pointStemSets[i]!.has(x) && !SPAN_STEM.test(x)),
      ).length / points.length;
    const rank = story.members.indexOf(a);
    // The story's first point is its main one: an article behind it names the story best.
    const lead = points[0]?.sources.includes(id) ? 0.25 : 0;
    // A title naming what no point mentions ("US rates …" over points on the UK's) heads another story.
    const absent = lexicon ? namesAbsent(lexicon, title, texts) : 0;
    const score =
      shared + POINTS_TOLD * told + lead + 0.05 * n - 0.001 * (rank < 0 ? 10 : rank) - ABSENT_NAMES * absent;
    ranked.push({ title, score });
  }
  ranked.sort((a, b) => b.score - a.score);
  if (ranked.length === 0 && points.length === 0) return story.title;
  // The first of these that heads the story well (storyTitleWeakness): the best title as shown (no date
  // stamp, dateline or page's word before it), or shortened as an editor would when only too long; the
  // points' headline (headlineFrom, the main point first); the best title long when it is only that; a
  // later point that tells the main one's story (two content words in common, not counts or spans of
  // time: SPAN_STEM), whole when short or
  // shortened as an editor would (never cut at a clause: "Wild orcas live in large"); another cited
  // title. None does: as before, the best title or the points' headline, whichever reads
  // (titleOrPointsHeadline), or the points' headline.
  const best = ranked[0];
  // A point that holds two sentences (a splitter's miss: "… on Monday. The aides said …") heads with
  // one of them, not cut across the stop.
  const sentences = texts.flatMap((t) => {
    const ss = titleSentences(t);
    return ss.length > 1 ? ss : [t];
  });
  // (Points that share little with a main one in a person's voice come after the leads that do, below.)
  const fromPoints = headlineFrom(sentences, 16, false);
  const shown = best ? shownTitle(best.title) : null;
  // A title that came with a page's stamp (src/text/stamps.ts) is a page's line, not a title: what is
  // left heads only as a sentence ("Jo Reyes/Reuters updated at 3:40 p.m." leaves a photo credit).
  const bestWeakness = shown ? storyTitleWeakness(shown, stampedTitle(best!.title)) : null;
  // A title with no finite verb (a caption's fragment: "Astronaut Jo Reyes with carrots floating around
  // him") gives way to the points' headline when that heads well: a sentence says what happened (not
  // one opening on a note's mark, "[5] the problems began …").
  // (Not a title in Title Case, "Storm Hits Harbour Town", nor one with a word in -s that may be its
  // verb, "Spain rules out talks": the tagger reads such a verb as a name or a noun.)
  if (
    shown &&
    !bestWeakness &&
    !inTitleCase(shown) &&
    !mayHideVerb(shown) &&
    headlineFlaw(shown, true) === "verb" &&
    shownWords(shown) >= CAPTION_WORDS &&
    fromPoints
  ) {
    if (!/^[[(]/.test(fromPoints) && storyTitleWeakness(fromPoints, true) === null) return fromPoints;
  }
  if (shown && !bestWeakness) return shown;
  const main = stemSet(texts[0] ?? "");
  const told = (t: string) => [...stemSet(t)].filter((x) => main.has(x) && !SPAN_STEM.test(x)).length;
  // A main point in its speaker's first person ("Since our last update, we have …") heads nothing: any
  // later point of the story may head it in the third person (after those that tell its story).
  const personal = speaksInFirstPerson(texts[0] ?? "");
  const related = (t: string) => told(t) >= 2;
  const candidates: { make: () => string | null; needsVerb: boolean }[] = [
    {
      make: () => (shown && bestWeakness === "long" ? compactHeadline(shown, SHORT_HEADLINE_WORDS) : null),
      needsVerb: true,
    },
    { make: () => fromPoints, needsVerb: true },
  ];
  // A title only too long still names the main point: before a later point or another title.
  if (shown && bestWeakness === "long") candidates.push({ make: () => shown, needsVerb: false });
  for (const t of sentences.slice(1))
    candidates.push({ make: () => (related(t) ? wholeOrCompact(t, KEPT_SHARE) : null), needsVerb: true });
  // A lead sentence of a cited article the story ranked (storiesOf) that tells the main point's story.
  const cited = new Set(points.flatMap((p) => p.sources.map((id) => index.indexOf(id) ?? -1)));
  // (Not one with an ellipsis inside, a caption's or a teaser's cut: "… collapsed... ap10thingstosee".)
  const leadRelated = (t: string) => told(t) >= LEAD_SHARED;
  const leads = story.candidates
    .slice(0, LEAD_CANDIDATES)
    .filter(
      (c) => c.articles.some((a) => cited.has(a)) && !texts.includes(c.text) && !/…|\.\.\./.test(c.text),
    )
    .map((c) => c.text);
  for (const t of leads)
    candidates.push({ make: () => (leadRelated(t) ? wholeOrCompact(t) : null), needsVerb: true });
  // After those that tell its story, under a main point in its speaker's first person any later point
  // or lead sentence, in the order they come.
  if (personal) {
    for (const t of sentences.slice(1))
      candidates.push({ make: () => (related(t) ? null : wholeOrCompact(t, KEPT_SHARE)), needsVerb: true });
    for (const t of leads)
      candidates.push({ make: () => (leadRelated(t) ? null : wholeOrCompact(t)), needsVerb: true });
  }
  // Another cited title heads in its own words only when it reads as a sentence (its verb too).
  for (const r of ranked.slice(1)) candidates.push({ make: () => shownTitle(r.title), needsVerb: true });
  const made: { h: string; weak: string }[] = [];
  for (const c of candidates) {
    const h = c.make();
    if (!h) continue;
    const weak = storyTitleWeakness(h, c.needsVerb);
    if (!weak || (h === shown && weak === "long")) return h;
    made.push({ h, weak });
  }
  // None heads well: as before, the best title or the points' headline, whichever reads
  // (titleOrPointsHeadline); but rather than one cut with "…", a complete sentence a little long (a
  // candidate only too long, or the main point whole up to LONG_TITLE_WORDS).
  const fallback = best ? titleOrPointsHeadline(best.title, () => fromPoints) : fromPoints;
  // A candidate that still reads as a complete sentence, its only weakness a person described by role
  // alone ("The pastor at a small church says …"), a quotation in its speaker's person ('"We will
  // rebuild," the mayor said') or a linking word before it ("But the harbour board …"), rather than a
  // fallback that heads poorly too.
  const complete = made.find((m) => completeSentence(m.h, m.weak))?.h;
  if (complete && (cutTitle(fallback) || storyTitleWeakness(fallback, false))) return complete;
  if (!cutTitle(fallback)) return fallback;
  const mainWhole = sentences[0] ? asWholeSentence(sentences[0]) : null;
  const whole = made.find((m) => m.weak === "long")?.h ?? mainWhole;
  if (whole && !headlineFlaw(whole)) return whole;
  // Else a later point of the story whole (up to LONG_TITLE_WORDS) that heads well but for its length:
  // a complete sentence a little long rather than the main one cut.
  for (const t of sentences.slice(1)) {
    const w = asWholeSentence(t);
    const weak = w ? storyTitleWeakness(w, true) : "none";
    if (w && (weak === null || weak === "long")) return w;
  }
  // Else the main point, a later one or a lead that tells its story, cut at a clause (clauseTitle)
  // rather than mid-clause with "…".
  for (const t of [sentences[0] ?? "", ...sentences.slice(1).filter(related), ...leads.filter(leadRelated)]) {
    const c = clauseTitle(t);
    if (c) return c;
  }
  return fallback;
}

/**
 * Whether a title is written in Title Case ("Storm Hits North Pier Ferry"): most of its words of four
 * letters or more after the first capitalised. Its verbs look like names to the tagger.
 */
function inTitleCase(title: string): boolean {
  const long = title
    .split(/\s+/)
    .slice(1)
    .filter((w) => /^\p{L}{4}/u.test(w));
  return long.length > 0 && long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length > 0.5;
}

/**
 * Fewest words of a verbless title that gives way: a caption's fragment runs long ("Astronaut Jo Reyes,
 * expedition 43, with carrots floating …"); a short one is a headline's own clipped style ("US consumer
 * confidence up", "Broadband in the UK growing fast"), which an editor signs.
 */
const CAPTION_WORDS = 8;

/** Whether a word after the first is in -s and WordNet knows its stem as a verb ("rules", "edges"). */
function mayHideVerb(title: string): boolean {
  return title
    .split(/\s+/)
    .slice(1)
    .some((w) => /^\p{Ll}{3,}s$/u.test(w) && singulars(w).some((x) => isBaseVerb(x)));
}

/** A relative word opening a text: a clause torn from the sentence it hangs on. */
const RELATIVE_OPENER = /^(?:which|whose|whom)(?![\p{L}'’-])/iu;

/**
 * Whether a candidate title with weakness `weak` (storyTitleWeakness) still reads as a complete
 * sentence: its weakness a person described by role alone, a quotation in its speaker's person, or a
 * linking word before it (not a relative word: "Which occurred at …"; short, in the third person).
 */
function completeSentence(h: string, weak: string): boolean {
  // (storyTitleWeakness reads a linking word before the rest: the rest must head well.)
  if (weak === "tied")
    return (
      !RELATIVE_OPENER.test(h.trim()) &&
      !isFurniture(h) &&
      !speaksInPerson(h) &&
      !(OPENS_QUOTED.test(h.trim()) && speaksInPerson(h, true)) &&
      shownWords(h) <= SHORT_HEADLINE_WORDS
    );
  return weak === "described" || weak === "quoted person";
}

/** How many of a story's ranked lead sentences (storiesOf) may head it when no point does. */
const LEAD_CANDIDATES = 6;

/** Most words a story's main point may have and still head it whole when nothing shorter heads well. */
const LONG_TITLE_WORDS = 30;

/** A sentence whole as a title (its stop dropped) when it has at most LONG_TITLE_WORDS words; else null. */
function asWholeSentence(text: string): string | null {
  const plain = withoutDateline(withoutStamps(withoutLeadingPageLabels(text.trim())));
  return shownWords(plain) <= LONG_TITLE_WORDS ? shorten(plain, Number.MAX_SAFE_INTEGER) : null;
}

/**
 * A sentence too long to head whole cut at a clause, as an editor would: shortened (compactHeadline: an
 * aside, what trails the main clause) or without a long opening phrase (withoutOpeningPhrase), when what
 * is left heads well at most SHORT_HEADLINE_WORDS; else null. (A title cut mid-clause with "…" leaves
 * the reader its subject and half its news.)
 */
function clauseTitle(text: string): string | null {
  const plain = withoutDateline(withoutStamps(withoutLeadingPageLabels(text.trim())));
  if (!plain) return null;
  const c = compactHeadline(plain, SHORT_HEADLINE_WORDS);
  if (c && storyTitleWeakness(c, true) === null && opensAsClause(c)) return c;
  const w = withoutOpeningPhrase(plain.replace(/[.!?]$/, ""));
  return w && storyTitleWeakness(w, true) === null && opensAsClause(w) ? w : null;
}

/** Tags a clause may open on: its subject (a name, a noun, a determiner or a number before one). */
const SUBJECT_OPENS = new Set(["DET", "NOUN", "PROPN", "PRON", "NUM"]);

/**
 * Whether a part of a sentence reads as a clause of its own: it opens on its subject as it stood in
 * the sentence (lower case, so "Earnest and worthy but doomed …" reads as the adjective it is) and has
 * an auxiliary, or a verb right after a noun or a pronoun, not a participle after an adverb ("A
 * German … best known for …", "Set for October in Detroit", "Preparing to mount …").
 */
function opensAsClause(text: string): boolean {
  const t = tag(text.replace(/^\p{Lu}(?=\p{Ll})/u, (x) => x.toLowerCase()));
  if (!SUBJECT_OPENS.has(t.pos[0] ?? "")) return false;
  return t.pos.some(
    (p, i) =>
      i > 0 &&
      (p === "AUX" ||
        (p === "VERB" &&
          !/ing$/i.test(t.value[i]!) &&
          ["NOUN", "PROPN", "PRON"].includes(t.pos[i - 1] ?? ""))),
  );
}
