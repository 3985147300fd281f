/**
 * A briefing's headline and a digest story's title made from its points (`headlineFrom`): the first that
 * reads as a complete short sentence, else the main point shortened as an editor shortens it
 * (`compactHeadline`: the named cuts of COMPACT_CUTS, tried in order, each kept only when what is left
 * still reads whole). Where a sentence can be cut is read in cutPlaces.ts; the readers of a clause and
 * the flaws a headline may have are in phrasing.ts.
 */

import { HEADLINE_CUTS, withoutReportedThat } from "../summarize/compress.ts";
import { withoutDateline } from "../text/dateline.ts";
import { isPhotoCaption, withoutLeadingPageLabels } from "../text/furniture.ts";
import { stemSet } from "../text/similarity.ts";
import { isStampOrInfoBox, withoutStamps } from "../text/stamps.ts";
import { finiteVerb, tag } from "../text/tagger.ts";
import { isBaseVerb } from "../text/wordnet.ts";
import {
  asClauses,
  coordinatedVerbs,
  ENDS_CUT_OPEN,
  hasMainVerb,
  nounModifierStarts,
  SUBORDINATE_START,
  secondPredicate,
  TRAILING_PHRASE,
} from "./cutPlaces.ts";
import { opensOnInstruction } from "./fragments.ts";
import {
  CLAUSE_BOUNDARY,
  CLAUSE_REACH,
  clauseVerb,
  DEPENDENT_OPENER,
  ENDS_OPEN,
  headlineFlaw,
  OPEN_RELATIVE,
  opensOnPersonDescription,
  opensOnVerb,
  REPORTING,
  readsWhole,
  SHORT_HEADLINE_WORDS,
  SUBORDINATED,
  shorten,
  shownWords,
  speaksInFirstPerson,
  speaksInPerson,
  TIED_OPENER,
  WHOLE_HEADLINE_WORDS,
  withoutHeadLabel,
  withoutInsertions,
} from "./phrasing.ts";

/**
 * A headline from point texts, the main one first (page furniture and datelines dropped): the first
 * text that reads as a complete short sentence (headlineFlaw: none, at most SHORT_HEADLINE_WORDS), whole
 * or cut at a clause, in the third person; a later text that tells the same story in place of one long
 * or in the first or second person (with `anyReport`, a later report that shares less with it, when none
 * that tells the same story does, in place of one in its speaker's first person); else the first that reads whole
 * at any length up to
 * WHOLE_HEADLINE_WORDS; else the main one shortened as an editor would (compactHeadline), else a later
 * one that tells the same story so shortened; else either so shortened to at most WHOLE_HEADLINE_WORDS;
 * else, as before, the first text that reads whole or cut at a clause when not too long, or the first
 * text cut.
 */
export function headlineFrom(texts: readonly string[], maxWords = 16, anyReport = true): string {
  // A photo's caption ("File - in this undated photo …") heads nothing while another text can.
  const uncaptioned = texts.filter((t) => !isPhotoCaption(t));
  const plain = (uncaptioned.length > 0 ? uncaptioned : texts).map((t) =>
    withoutDateline(withoutHeadLabel(withoutDateline(withoutStamps(withoutLeadingPageLabels(t))))),
  );
  const whole = (t: string): string | null => {
    const h = shorten(t, maxWords);
    if (!h.endsWith("…")) return h;
    return words(t) <= WHOLE_HEADLINE_WORDS ? shorten(t, WHOLE_HEADLINE_WORDS) : null;
  };
  // A text still holding a page's stamp, a review's info box or a prompt once its stamps at either end
  // are gone (src/text/stamps.ts) heads nothing, and another text need not tell its story to head.
  const heads = plain.map((t) => (isStampOrInfoBox(t) ? null : whole(t)));
  // Another text takes the place of a main one that would head with a flaw only when it still tells
  // the main one's story: two content words in common (one too long to head moves on as before).
  const main = stemSet(plain[0] ?? "");
  const shared = (t: string) => [...stemSet(t)].filter((x) => main.has(x)).length;
  const related = (t: string) => !heads[0] || shared(t) >= 2;
  // The first text that reads whole heads, as short as it reads (shortHead). When that is still long,
  // or in a speaker's or a page's voice ("… when we spoke", "… will disable your device"), a later text
  // that tells the same story (two content words in common with the main one) heads instead when it
  // reads whole and short, is a report (no "I", "we" or "you" in it, quoted or not; not opening on a
  // quotation: someone's words, '"The ferry will sail again," said a deckhand'), and keeps most of
  // its words (BARELY_CUT: a cut of a text further down loses what made it fit the story); else the
  // first, as before. (A page's instruction, "Place the lamp on …", is no report either.)
  const reports = (i: number, made: string) =>
    !QUOTATION_OPENS.test(made) &&
    !speaksInPerson(made, true) &&
    !opensOnInstruction(made) &&
    !opensOnCommand(made) &&
    shared(plain[i]!) >= 2;
  let first: string | null = null;
  // A later text that reports, though it shares less with the main one: in place of a first that
  // speaks in a person's voice ("We were able to …", "Not all the loyalists I spoke with …"), when no
  // text that tells the same story heads.
  let unrelated: string | null = null;
  // The first later text that reads whole but opens on a quotation (QUOTATION_OPENS).
  let quoted: string | null = null;
  // Which text `first` came from.
  let firstAt = -1;
  // The main text shortened as an editor would (compactHeadline), when that reads whole and short in
  // the third person, not opening on a quotation: it heads in place of a later text that would head only
  // long or opening on someone's words ("The council voted to repeal the tax", not a detail further
  // down of 23 words). Made once, when first asked for.
  let mainCompact: string | null | undefined;
  const mainShortened = (): string | null => {
    if (mainCompact === undefined) {
      const c = plain[0] ? compactHeadline(plain[0], SHORT_HEADLINE_WORDS) : null;
      mainCompact = c && !headlineFlaw(c) && !speaksInPerson(c, true) && !QUOTATION_OPENS.test(c) ? c : null;
    }
    return mainCompact;
  };
  // The first text that reads whole but opens on a person described by role alone ("The actress and
  // her husband …"): it heads when no other text reads whole and short (once one heads long or in a
  // person's voice, a later text so opening may take its place as any other).
  let described: string | null = null;
  for (let i = 0; i < heads.length; i++) {
    const h = heads[i];
    // (Nor one opening on its verb, a subject left off: a question, a command, "Let's …", "Speaks on …".)
    if (!h || headlineFlaw(h) || opensOnVerb(h)) continue;
    if (first === null && opensOnPersonDescription(h)) {
      if (described === null && (i === 0 || related(plain[i]!))) described = shortHead(plain[i]!, h);
      continue;
    }
    if (i > 0 && !related(plain[i]!)) {
      if (anyReport && unrelated === null && first !== null && speaksInFirstPerson(first)) {
        const made = shortHead(plain[i]!, h);
        const own = !QUOTATION_OPENS.test(made) && !speaksInPerson(made, true) && !opensOnInstruction(made);
        if (shownWords(made) <= SHORT_HEADLINE_WORDS && own && !opensOnCommand(made)) unrelated = made;
      }
      continue;
    }
    const made = shortHead(plain[i]!, h);
    const short = shownWords(made) <= SHORT_HEADLINE_WORDS;
    // A later text opening on someone's words heads in place of the main one only when no report after
    // it reads whole (as `reports` asks of one in place of a first).
    if (first === null && i > 0 && QUOTATION_OPENS.test(made)) {
      quoted ??= made;
      continue;
    }
    if (first === null) {
      if (short && !speaksInPerson(made)) return made;
      first = made;
      firstAt = i;
    } else if (short && reports(i, made) && shownWords(made) >= BARELY_CUT * shownWords(plain[i]!))
      return made;
  }
  if (first && unrelated && speaksInFirstPerson(first)) return unrelated;
  // A later text would head long, or opening on someone's words: the main one shortened heads in its
  // place when it reads so (a later text shortened short heads as before).
  const longLater = first !== null && firstAt > 0 && shownWords(first) > SHORT_HEADLINE_WORDS;
  if (longLater || (first === null && quoted !== null)) {
    const c = mainShortened();
    if (c) return c;
  }
  first ??= quoted;
  // A first text in a speaker's or the page's voice ("… told me", "… I spoke with"), none in the third
  // person reading whole and short: a later text that tells the same story (a report), shortened as an
  // editor would, heads in its place when one so reads.
  // So too, for a briefing (`anyReport`), for a first text that heads only long (more than
  // SHORT_HEADLINE_WORDS words): a later report shortened short heads in its place. (A story's title
  // tries later points itself, storyTitles.ts, keeping more of their words.)
  const personal = first !== null && speaksInPerson(first);
  const long = first !== null && anyReport && shownWords(first) > SHORT_HEADLINE_WORDS;
  if (personal || long)
    for (let i = Math.max(1, firstAt + 1); i < plain.length; i++) {
      const c = compactHeadline(plain[i]!, SHORT_HEADLINE_WORDS);
      // (In place of one only long, not a sentence torn from its paragraph: "Which has now examined …".)
      if (c && !headlineFlaw(c) && reports(i, c) && (personal || !TIED_OPENER.test(c))) return c;
    }
  if (described && (!first || shownWords(first) > SHORT_HEADLINE_WORDS)) return described;
  if (first) return first;
  // No text reads whole and short: the main one shortened as an editor would, rather than cut with "…".
  const compact = plain[0] ? compactHeadline(plain[0], SHORT_HEADLINE_WORDS) : null;
  if (compact) return compact;
  // Else a later text that tells the same story (a report: `reports`), so shortened, rather than the
  // main one cut with "…" or heading with a flaw (a pronoun, an open end).
  for (let i = 1; i < plain.length; i++) {
    const c = compactHeadline(plain[i]!, SHORT_HEADLINE_WORDS);
    if (c && !headlineFlaw(c) && reports(i, c)) return c;
  }
  // Else the main one (or a later report of the same story) so shortened to at most
  // WHOLE_HEADLINE_WORDS: a complete sentence a little long rather than one cut with "…" or heading
  // with a flaw.
  for (let i = 0; i < plain.length; i++) {
    const c = compactHeadline(plain[i]!, WHOLE_HEADLINE_WORDS);
    if (c && !headlineFlaw(c) && (i === 0 || reports(i, c))) return c;
  }
  for (const h of heads) if (h) return h;
  return shorten(plain[0] ?? "", maxWords);
}

/** A text opening on a quotation: a straight or curly mark, or a wire copy's `` (``We will win,'' …). */
const QUOTATION_OPENS = /^(?:["“]|``)/u;

/** A verb in its base form and an article or possessive after it ("Share a room …", "Keep your …"). */
const COMMAND = /^(\p{L}+)\s+(?:a|an|the|your|this|these|those|any|every)\s/iu;

/**
 * Whether a text opens on a command to the reader the tagger may read as a noun ("Share a room with the
 * baby until …"): a base verb (WordNet's) right before an article, where a subject would need its verb.
 */
function opensOnCommand(h: string): boolean {
  const m = COMMAND.exec(h);
  return !!m && isBaseVerb(m[1]!);
}

/**
 * A text that reads whole (`h`, as it heads whole or cut at a clause) as short as it reads: itself when
 * short; else shortened as an editor would (compactHeadline: the text, else `h`), or cut shorter at a
 * clause, when what is left still reads whole; else `h`, long.
 */
function shortHead(text: string, h: string): string {
  if (words(h) <= SHORT_HEADLINE_WORDS) return h;
  // The text shortened, else the clause it was cut to ("…, which …" gone) shortened when it shows
  // too many words (a tokenised copy's spaced quotation marks are none).
  const compact =
    compactHeadline(text, SHORT_HEADLINE_WORDS) ??
    (h !== asHeadline(text) && shownWords(h) > SHORT_HEADLINE_WORDS
      ? compactHeadline(h, SHORT_HEADLINE_WORDS)
      : null);
  if (compact) return compact;
  const short = shorten(text, SHORT_HEADLINE_WORDS - CLAUSE_REACH);
  return words(short) <= SHORT_HEADLINE_WORDS && !headlineFlaw(short) ? short : h;
}

/**
 * Share of its words at least that a text further down keeps when it heads in place of a long or
 * first/second-person main one: a deeper cut loses what made that text tell the same story ("The
 * skipper and his crew woke up one morning", cut from what they found). Multi-News digest titles'
 * words in the human summary (eval:headlines, 46.9 % before any text took such a place): with any cut
 * 46.5 % (and one more brief headline opening on an unexplained "The …"), 0.6 46.7 %, 0.75 46.8 %.
 */
const BARELY_CUT = 0.75;

/** How many words a text has (split at spaces). */
function words(text: string): number {
  return text.split(/\s+/).length;
}

/** Words a second predicate cut where a noun's modifier begins keeps at least, its "and" included. */
const MIN_PREDICATE_WORDS = 6;

/** Words a sentence cut where a noun's modifier begins keeps at least: its main point, not its opening. */
const MIN_PHRASE_CUT_WORDS = 10;

/** Spaces and punctuation a cut leaves at its end (", " before "which …"). */
const CUT_END = /[\s,;:–—-]+$/u;

/** Most words a sentence may have and still be shortened into a headline (compactHeadline). */
const COMPACT_MAX_WORDS = 80;

/**
 * Whether a sentence opens on a clause or phrase that hangs on what follows ("After the vote, …", "Four
 * years after Act 10 passed, …").
 */
function opensDependent(t: string): boolean {
  if (DEPENDENT_OPENER.test(t)) return true;
  // "Four years after …", not "The ferry sank while …": no verb before the subordinating word.
  const m = SUBORDINATED.exec(t);
  if (!m) return false;
  const before = tag(m[0].trim().replace(/\s+\S+$/, ""));
  return !before.pos.some((_, i) => finiteVerb(before, i));
}

/**
 * Whether a shortened headline opens on a participle (the tagger's verb) that is no modifier of the
 * sentence's own subject: a cut left it there ("Compared to 27 …"), or it is followed by no noun or
 * adjective ("Flooded roads cut off …" keeps its opening when the sentence had it).
 */
function opensOnParticiple(h: string, sentence: string): boolean {
  const t = tag(h);
  if (t.pos[0] !== "VERB") return false;
  const own = sentence.split(/\s+/)[0] === t.value[0];
  return !own || !["ADJ", "NOUN", "PROPN"].includes(t.pos[1] ?? "");
}

/** A sentence as a headline shows it: its final stop dropped (shorten with no word limit). */
function asHeadline(s: string): string {
  return shorten(s, Number.MAX_SAFE_INTEGER);
}

/** Whether a sentence still has more than `maxWords` words as a headline. */
function tooLong(s: string, maxWords: number): boolean {
  return words(asHeadline(s)) > maxWords;
}

/**
 * Whether its first clause (up to the first comma) has a verb: a cut that leaves a list or a subject's
 * apposition there ("While the teams had stars such as A, B and C, to name a few, …" → "B and C, to
 * name a few, …") reads no better.
 */
function verbBeforeComma(s: string): boolean {
  const t = tag(s.split(/,\s/)[0]!);
  return t.pos.some((_, i) => clauseVerb(t, i));
}

/** A word that opens a relative clause. */
const RELATIVE_WORD = /(?<![\p{L}'’-])(?:that|who|which|whose|whom)(?![\p{L}'’-])/iu;

/** Where wholeChecks holds verbBeforeComma. */
const VERB_BEFORE_COMMA = 4;
/** Where wholeChecks holds that no person described by role alone opens it (opensOnPersonDescription). */
const NOT_DESCRIBED = 7;

/** What makes a headline read whole, each true or false for a sentence (checked as a headline shows it). */
function wholeChecks(s: string): boolean[] {
  const h = asHeadline(s);
  return [
    words(h) >= 6,
    !headlineFlaw(h),
    readsWhole(h),
    !opensOnVerb(h),
    verbBeforeComma(h),
    !opensDependent(h),
    hasMainVerb(h),
    !opensOnPersonDescription(h),
  ];
}

/** Whether a sentence passes every one of wholeChecks (but NOT_DESCRIBED). */
function readsAsHeadline(s: string): boolean {
  // (Opening on a person described by role alone is no reason to keep a sentence whole: only a cut may
  // not make one open so, cutReads.)
  return wholeChecks(s).every((ok, k) => ok || k === NOT_DESCRIBED);
}

/**
 * Whether a cut keeps what made the sentence before it read whole: a cut may not break a check that held
 * before it (a sentence whose tail is no clause, ", a rare move by …", may still lose a day); a cut
 * that changes nothing is none.
 */
function cutReads(before: string, after: string): boolean {
  if (after === before) return false;
  const was = wholeChecks(before);
  return wholeChecks(after).every((ok, k) => ok || !was[k]);
}

/** Whether a sentence fits in `maxWords` words and reads whole. */
function fitsWhole(s: string, maxWords: number): boolean {
  return !tooLong(s, maxWords) && readsAsHeadline(s);
}

/** A cut compactHeadline may make: the shortened sentence, or the sentence itself when it makes none. */
/** `contrast`: a clause of contrast (BEFORE_CONTRAST) may go (compactHeadline's last try). */
type HeadlineCut = (s: string, maxWords: number, contrast: boolean) => string;

/**
 * Cuts of one kind each made again while the sentence is too long (`cuts`: each shortened version of
 * it, first kept that reads), a sentence that opens lower case after it capitalised.
 */
function repeatedCuts(...cuts: readonly ((s: string) => string[])[]): HeadlineCut {
  return (s, maxWords) => {
    let t = s;
    for (const cut of cuts) {
      while (tooLong(t, maxWords)) {
        const next = cut(t)
          .map((c) => c.replace(/^\p{Ll}/u, (x) => x.toUpperCase()))
          .find((c) => cutReads(t, c));
        if (!next) break;
        t = next;
      }
    }
    return t;
  };
}

/** A bracketed aside or an attribution (HEADLINE_CUTS' first three), each once, whenever it can go. */
const asideOrAttributionCut: HeadlineCut = (s) => {
  let t = s;
  for (const cut of HEADLINE_CUTS.slice(0, 3)) {
    const next = cut(t).find((c) => cutReads(t, c));
    if (next) t = next;
  }
  return t;
};

/**
 * A phrase of place or time at the end ("… in the French Alps", "… in 1991"), one at a time from the
 * end, while what is left still reads whole; never what a verb needs after it ("was preserved in
 * amber", "placed in …").
 */
/** A sentence that is a quotation and who said it, its verb last ('"We will rebuild," the mayor said'). */
const QUOTE_THEN_SAID = /^["“][^"“”]+["”],? [^"“”]{1,60}$/u;

const trailingPlaceOrTimeCut: HeadlineCut = (s, maxWords) => {
  let t = s;
  while (tooLong(t, maxWords)) {
    const m = TRAILING_PHRASE.exec(asHeadline(t));
    if (!m) break;
    const c = asHeadline(t).slice(0, m.index);
    const before = tag(c);
    // A quotation and who said it ('"…," the ministry said | in a statement') needs no more.
    const attributed = QUOTE_THEN_SAID.test(c) && REPORTING.test(before.value.at(-1) ?? "");
    const open = !attributed && (before.pos.at(-1) === "VERB" || ENDS_CUT_OPEN.test(c));
    if (open || words(c) < 8 || !cutReads(t, c)) break;
    t = c;
  }
  return t;
};

/**
 * "that" after a verb of saying or finding left out ("… warned | that | …", compress.ts
 * withoutReportedThat) when that alone makes the sentence fit and read whole (every check of wholeChecks).
 */
const reportedThatCut: HeadlineCut = (s, maxWords) => {
  const c = withoutReportedThat(s);
  return fitsWhole(c, maxWords) && cutReads(s, c) ? c : s;
};

/**
 * Prepositions that open a phrase a headline can end before once the verb has its complement ("… with a
 * tribute | to the victims", "… out of his post | as party chairman", "… from the old pier | to the
 * island"), place and time ones too (the latest phrase that leaves the headline fitting goes, not an
 * earlier one holding it); not "of", which names what the noun before it is ("a member of …", "a point
 * of no return"), nor "by", which names who did it ("… carried out off the coast | by the explorer jo
 * reyes").
 */
const TAIL_PREPOSITION =
  /^(?:to|for|with|from|on|about|as|against|in|at|near|during|since|outside|inside|throughout|toward|towards|into|onto|over|under|through|without|among|amid|despite|including|via|like|across|beyond|beneath|behind|along|around|until|till|ahead|because|instead)$/i;

/** Words a phrase cut from the end may hold besides nouns and their modifiers: a possessive's "'s", "of". */
const IN_TAIL = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM", "PART", "ADP", "CCONJ", "ADV"]);

/**
 * Where a prepositional phrase at the end begins that the main verb does not need (character offsets,
 * latest first): the phrase holds no verb, clause or punctuation (a possessive's "'s" and an "of …"
 * within it may stand), the word before it is a noun or a number (not the verb's own preposition:
 * "sell for …", "kicked off with …"), and between the main verb and it stands a preposition or a clause
 * already ("… with a tribute | to …", "… said the inquiry would end | in the spring"): the phrase
 * right after the verb's object may be the verb's own ("accused the mayor | of fraud", "blamed the
 * storm | for the outage").
 */
function trailingPhraseStarts(h: string): number[] {
  const t = tag(h);
  // The main verb: the first finite one that is no relative clause's ("The rate in the nations that
  // adopt …", "youths who support …") and no participle before a noun ("a gang of hooded youths").
  const main = t.pos.findIndex(
    (p, i) =>
      clauseVerb(t, i) &&
      !/^(?:that|who|which|whom|whose)$/i.test(t.value[i - 1] ?? "") &&
      !(p === "VERB" && ["DET", "ADP", "ADJ"].includes(t.pos[i - 1] ?? "")),
  );
  // None (the tagger may have read it as a noun: "… that adopt the euro fell to …"): none is cut.
  if (main < 1) return [];
  const out: number[] = [];
  for (let p = t.value.length - 1; p > main + 2; p--) {
    const w = t.value[p]!;
    if (!IN_TAIL.has(t.pos[p]!) && !/^['’]s$/i.test(w)) break;
    // "ahead of", "because of", "instead of": the phrase opens on its first word.
    const compound = /^of$/i.test(w) && /^(?:ahead|because|instead)$/i.test(t.value[p - 1] ?? "");
    const at = compound ? p - 1 : p;
    if (!(t.pos[p] === "ADP" && TAIL_PREPOSITION.test(w)) && !compound) continue;
    if (t.start[at]! < 0 || !["NOUN", "PROPN", "NUM"].includes(t.pos[at - 1]!)) continue;
    const between = t.pos.slice(main + 1, at - 1);
    const clause = between.some((x, k) => clauseVerb(t, main + 1 + k) || x === "SCONJ");
    if (!clause && !between.includes("ADP")) continue;
    out.push(t.start[at]!);
  }
  return out;
}

/**
 * Prepositional phrases at the end the main verb does not need (trailingPhraseStarts), cut from the
 * end while the sentence is too long ("The awards opened with a tribute to the crew | of the lost
 * ship"), when what is left fits and reads whole (every check of wholeChecks) and keeps
 * MIN_PHRASE_CUT_WORDS words, from the sentence or from it ended before a clause that trails it; else
 * none is cut: a later cut of a clause does better.
 */
const trailingPhraseCut: HeadlineCut = (s, maxWords) => {
  // From the sentence itself, else from it ended where its last clause that can go begins ("… by the
  // explorer Jo Reyes | , who announced …").
  const clauseCut = trailingClauseCut(s, -1, Number.MAX_SAFE_INTEGER);
  for (const from of clauseCut ? [s, clauseCut] : [s]) {
    let t = from;
    while (t && tooLong(t, maxWords)) {
      const h = asHeadline(t);
      const before = t;
      t =
        trailingPhraseStarts(h)
          .map((at) => h.slice(0, at).replace(CUT_END, ""))
          .find((c) => words(c) >= MIN_PHRASE_CUT_WORDS && !ENDS_CUT_OPEN.test(c) && cutReads(before, c)) ??
        "";
    }
    if (t && t !== s && readsAsHeadline(t)) return t;
  }
  return s;
};

/**
 * What trails the main clause after `from` (a comma or dash, a subordinate clause, a second verb): cut
 * at the latest boundary that leaves at most maxWords words; a clause of contrast (BEFORE_CONTRAST)
 * kept unless `contrast`.
 */
function trailingClauseCut(s: string, from: number, maxWords: number, contrast = false): string | undefined {
  return [
    ...[...s.matchAll(CLAUSE_BOUNDARY), ...s.matchAll(SUBORDINATE_START)].map((m) => m.index),
    ...coordinatedVerbs(s),
    ...asClauses(s),
  ]
    .filter(
      (at) => at > from && !cutsSubjectFromVerb(s, at) && (contrast || !BEFORE_CONTRAST.test(s.slice(at))),
    )
    .sort((a, b) => a - b)
    .map((at) => s.slice(0, at).replace(CUT_END, ""))
    .filter(
      (c) =>
        words(c) <= maxWords &&
        c.length >= 30 &&
        !ENDS_OPEN.test(c) &&
        !OPEN_RELATIVE.test(c) &&
        !ENDS_CUT_OPEN.test(c),
    )
    .reverse()
    .find((c) => cutReads(s, c));
}

/**
 * A clause of contrast after a cut, set off by a comma (", but after the interview he was turned
 * down"): what it says outweighs what comes before it, and a headline without it says the opposite. (A
 * verb coordinated without a comma, "… in the gore but never applied …", may still go.)
 */
const BEFORE_CONTRAST = /^\s*[,;]\s*(?:but|yet)(?![\p{L}'’-])/u;

/**
 * Whether a cut at `at` parts a subject and its apposition from the main verb after them ("Jo Reyes,
 * the explorer of a hit series on the islands, | was found …"): the sentence's first comma opens a
 * noun phrase (an article after it), no comma between it and the cut, and a verb follows the cut.
 */
function cutsSubjectFromVerb(s: string, at: number): boolean {
  const first = s.indexOf(", ");
  if (first < 0 || first >= at || s.slice(first + 2, at).includes(",")) return false;
  if (!/^(?:a|an|the)\s/i.test(s.slice(first + 2))) return false;
  const rest = tag(s.slice(at).replace(/^[\s,;:–—-]+/u, ""));
  return rest.pos[0] === "AUX" || (rest.pos[0] === "VERB" && !/ing$/i.test(rest.value[0] ?? ""));
}

/**
 * The sentence ended after `from` where a phrase that modifies a noun begins ("… at a hearing | that
 * served as …", "… a bill introduced in the Senate | allowing …", "… tests | to monitor …", "… a
 * committee panel | in one of …"), at the latest such place that leaves a sentence that fits.
 */
function nounModifierCut(s: string, from: number, maxWords: number): string | undefined {
  const b = asHeadline(s);
  return nounModifierStarts(b)
    .filter((at) => at > from)
    .map((at) => b.slice(0, at).replace(CUT_END, ""))
    .filter((c) => words(c) <= maxWords && words(c) >= MIN_PHRASE_CUT_WORDS && !ENDS_CUT_OPEN.test(c))
    .reverse()
    .find((c) => cutReads(s, c));
}

/**
 * A noun's modifier inside the subject, up to the main verb ("The statement | released by the port
 * authority | offered no details on …"): the news, after the verb, stays whole.
 */
const subjectModifierCut: HeadlineCut = (s, maxWords) => {
  const b = asHeadline(s);
  const tagged = tag(b);
  for (let m = 1; m < tagged.value.length; m++) {
    // The modifier is a phrase with no verb of its own ("by the foreign ministry", "with boats"), or a
    // participle with its agent ("released by the port authority"), up to the verb; no name in it
    // (which war, whose aide: "The war in Ruritania" is the news).
    const agent =
      tagged.pos[m] === "VERB" && /ed$/i.test(tagged.value[m]!) && /^by$/i.test(tagged.value[m + 1] ?? "");
    if (!agent && finiteVerb(tagged, m)) break;
    if (!["NOUN", "PROPN"].includes(tagged.pos[m - 1]!) || tagged.start[m]! < 0) continue;
    if (!agent && (tagged.pos[m] !== "ADP" || /^of$/i.test(tagged.value[m]!))) continue;
    let v = m + 1;
    while (v < tagged.value.length && !finiteVerb(tagged, v)) v++;
    if (v >= tagged.value.length) break;
    const span = tagged.value.slice(m + 1, v);
    const clause = span.some(
      (w, k) =>
        ["VERB", "AUX", "SCONJ", "PRON", "PART", "PROPN"].includes(tagged.pos[m + 1 + k]!) ||
        /^(?:that|who|which|whom|whose|to|when|where|while|as|because|if|[,;:()"“”–—-])$/i.test(w),
    );
    if (clause) continue;
    const c = `${b.slice(0, tagged.start[m]).trimEnd()} ${b.slice(tagged.start[v])}`.replace(
      /[\s,;:–—-]+$/u,
      "",
    );
    if (words(c) <= maxWords && cutReads(s, c) && readsAsHeadline(c)) return c;
  }
  return s;
};

/**
 * The sentence cut after `from` (what trails its main clause, then a noun's modifier when what that
 * leaves after `from` still says something: "… and asked the harbour board" does not), when what is
 * left fits and reads whole.
 */
function cutAfter(s: string, from: number, maxWords: number): string | undefined {
  let c = fitsWhole(s, maxWords) ? s : (trailingClauseCut(s, from, maxWords) ?? s);
  const m = fitsWhole(c, maxWords) ? undefined : nounModifierCut(c, from, maxWords);
  if (m && words(m.slice(from).trim()) >= MIN_PREDICATE_WORDS) c = m;
  return fitsWhole(c, maxWords) ? c : undefined;
}

/**
 * A noun's modifier cut in the first predicate, up to the conjunction ("… repaired the lamp | of the old
 * tower on the cape | and asked …"), the rest then cut after it (cutAfter).
 */
function firstPredicateCut(
  s: string,
  p: { at: number; verbAt: number },
  maxWords: number,
): string | undefined {
  for (const at of nounModifierStarts(s).reverse()) {
    if (at >= p.at || at <= p.verbAt) continue;
    const head = s.slice(0, at).replace(CUT_END, "");
    const c = head + s.slice(p.at);
    if (words(head) < MIN_PHRASE_CUT_WORDS / 2 || ENDS_CUT_OPEN.test(head) || !cutReads(s, c)) continue;
    const k = cutAfter(c, head.length, maxWords);
    if (k) return k;
  }
  return undefined;
}

/**
 * Cuts that keep the main clause's second predicate ("… met the unions and said the strike would end
 * …"): after it, else in the first predicate, else the subject with that predicate alone ("The mayor
 * said the strike would end …") cut after it; the sentence itself when none fits.
 */
const secondPredicateKeptCut: HeadlineCut = (s, maxWords) => {
  const second = secondPredicate(s);
  if (!second) return s;
  return (
    cutAfter(s, second.at, maxWords) ??
    firstPredicateCut(s, second, maxWords) ??
    (second.alone && cutReads(s, second.alone)
      ? cutAfter(second.alone, second.aloneAt, maxWords)
      : undefined) ??
    s
  );
};

/**
 * An opening phrase (HEADLINE_CUTS' leadingCuts) when the sentence reads as a headline only without
 * it: another cut may have made it fit first ("On Wednesday, the mayor told reporters … on Thursday"
 * loses its day before its opening phrase), leaving it opening on a phrase that hangs on what follows.
 * Not when what is left opens on a conjunction or a number ("…, so he ate the rest", "Uploaded on
 * Apr 5, | 2017 …"): not its subject.
 */
const openingCut: HeadlineCut = (s) => {
  if (readsAsHeadline(s)) return s;
  for (const c of HEADLINE_CUTS.at(-2)!(s)) {
    if (/^(?:(?:and|but|or|nor|so|yet|then)(?![\p{L}'’-])|\d)/iu.test(c)) continue;
    const next = c.replace(/^\p{Ll}/u, (x) => x.toUpperCase());
    if (cutReads(s, next) && readsAsHeadline(next)) return next;
  }
  return s;
};

/** Words that open a clause of time, cause or condition, which the tagger may read as prepositions. */
const SUBORDINATING =
  /^(?:after|before|since|as|because|when|while|until|though|although|if|unless|once|where|whereas)$/i;

/**
 * Whether a shortened sentence lost its main verb and kept a participle the tagger reads as one ("A bag
 * carried to the Moon aboard the spacecraft", from "… spacecraft is at the centre of a dispute"): in
 * the sentence, a past form after a noun and before a preposition, and a finite verb later with no
 * comma, conjunction or relative word between them (the subject's own verb), which the cut left out.
 */
function lostMainVerb(sentence: string, h: string): boolean {
  const t = tag(asHeadline(sentence));
  const n = t.value.length;
  for (let p = 1; p < n - 1; p++) {
    const past =
      t.pos[p] === "VERB" &&
      finiteVerb(t, p) &&
      t.value[p]!.toLowerCase() !== t.lemma[p]!.toLowerCase() &&
      !/(?:s|ing)$/i.test(t.value[p]!);
    if (!past || !["NOUN", "PROPN"].includes(t.pos[p - 1]!) || t.pos[p + 1] !== "ADP") {
      // Only the sentence's first finite verb may be its subject's participle.
      if (finiteVerb(t, p)) return false;
      continue;
    }
    for (let q = p + 1; q < n; q++) {
      const w = t.value[q]!;
      if (/^[,;:–—()"“”]$/.test(w) || ["CCONJ", "SCONJ"].includes(t.pos[q]!) || RELATIVE_WORD.test(w)) break;
      // A subordinating word, or a pronoun's verb: another clause ("a hole they'd dug").
      if (SUBORDINATING.test(w) || (finiteVerb(t, q) && t.pos[q - 1] === "PRON")) break;
      // The subject's verb: an auxiliary, or a verb right after the subject's last noun (not a participle
      // after an adverb, "hotly anticipated"; not a compound's, "president-elect").
      const own = t.pos[q] === "AUX" || (t.pos[q] === "VERB" && ["NOUN", "PROPN"].includes(t.pos[q - 1]!));
      if (!finiteVerb(t, q) || !own) continue;
      return !h
        .toLowerCase()
        .split(/[^\p{L}\d'’-]+/u)
        .includes(w.toLowerCase());
    }
    return false;
  }
  return false;
}

/**
 * compactHeadline's cuts, in the order it tries them, each on what the one before left and only while
 * the sentence is too long (unless `always`); every cut keeps what made the sentence read whole
 * (cutReads). `name` is what compactHeadline reports as made.
 */
/** Words that open a relative clause. */
const RELATIVE_OPENER = /^(?:who|which|that)$/i;
/** Parts of speech that end the search for a relative clause's end: punctuation, another clause ("before he was …"). */
const CLAUSE_IN_RELATIVE = new Set(["PUNCT", "PRON", "SCONJ"]);
/** Pronouns of a noun phrase, not a clause's subject ("who took a piece of her husband's …"). */
const POSSESSIVE_PRONOUN = /^(?:his|her|its|their|our|my|your)$/i;
/** Auxiliaries and modals that may open the main clause's verb after a relative clause ends. */
const MAIN_AUXILIARY =
  /^(?:is|are|was|were|has|have|had|will|would|can|could|should|must|may|might|does|did|do)$/i;

/**
 * A relative clause inside a noun phrase, its own verb right after "who", "which" or "that", cut up to
 * the verb the noun phrase is the subject of ("… neo-nazi groups | that are reportedly planning a rally in
 * Kentucky | are not welcome …"): the clause's verb group (not a verb of saying), then words with no
 * verb, punctuation, pronoun (but a possessive), subordinating word or other relative word, up to an auxiliary or modal
 * after a noun, a name, a number or an adverb. Tried after the other cuts of a noun's modifier: the
 * clause often holds the news ("A hat that belonged to Lincoln is …").
 */
const relativeClauseCut: HeadlineCut = (s, maxWords, contrast) => {
  const b = asHeadline(s);
  const t = tag(b);
  const n = t.value.length;
  for (let r = 1; r < n; r++) {
    if (!RELATIVE_OPENER.test(t.value[r]!) || !["NOUN", "PROPN"].includes(t.pos[r - 1]!) || t.start[r]! < 0)
      continue;
    let j = r + 1;
    while (j < n && t.pos[j] === "ADV") j++;
    // Its own verb, not one that reports a clause ("that says it is …").
    if (j >= n || !finiteVerb(t, j) || REPORTING.test(t.value[j]!)) continue;
    while (j < n && (finiteVerb(t, j) || t.pos[j] === "VERB" || ["ADV", "PART"].includes(t.pos[j]!))) j++;
    let k = j;
    while (
      k < n &&
      !(MAIN_AUXILIARY.test(t.value[k]!) && ["NOUN", "PROPN", "NUM", "ADV"].includes(t.pos[k - 1]!)) &&
      !finiteVerb(t, k) &&
      !(CLAUSE_IN_RELATIVE.has(t.pos[k]!) && !POSSESSIVE_PRONOUN.test(t.value[k]!)) &&
      !RELATIVE_OPENER.test(t.value[k]!)
    )
      k++;
    if (k >= n || k === j || !MAIN_AUXILIARY.test(t.value[k]!) || t.start[k]! < 0) continue;
    const c = `${b.slice(0, t.start[r]).trimEnd()} ${b.slice(t.start[k])}`;
    if (words(c) >= words(b) || !cutReads(s, c)) continue;
    if (!tooLong(c, maxWords)) return c;
    // Still long: another relative clause, else what trails the main clause (the cut before this one
    // found the sentence too long for it).
    const shorter = relativeClauseCut(c, maxWords, contrast);
    return shorter !== c ? shorter : (trailingClauseCut(c, -1, maxWords, contrast) ?? c);
  }
  return s;
};

const COMPACT_CUTS: readonly { name: string; always?: boolean; cut: HeadlineCut }[] = [
  // A bracketed aside, a trailing attribution (", police said"), an "According to …" before it.
  { name: "bracket or attribution", cut: repeatedCuts(...HEADLINE_CUTS.slice(0, 4)) },
  // A phrase set off inside a clause (phrasing.ts withoutInsertions).
  { name: "insertion", cut: repeatedCuts((s) => [withoutInsertions(s)]) },
  // The day or date, "said that" as "said", an aside after a name, an opening phrase, a leading "But".
  { name: "time, aside or opening", cut: repeatedCuts(...HEADLINE_CUTS.slice(4)) },
  // "that" after a verb of saying or finding, when that makes the sentence fit (and below, again).
  { name: "reported that", cut: reportedThatCut },
  // A bracketed aside or an attribution once more, even when the rest fits.
  { name: "bracket or attribution once more", always: true, cut: asideOrAttributionCut },
  // A place or time phrase at the end ("… in the French Alps").
  { name: "trailing place or time", cut: trailingPlaceOrTimeCut },
  { name: "reported that", cut: reportedThatCut },
  // A cut that keeps the main clause's second predicate ("… met the unions and said …").
  { name: "second predicate kept", cut: secondPredicateKeptCut },
  // What trails the main clause after a comma, dash, subordinate clause or second verb.
  {
    name: "trailing clause",
    cut: (s, maxWords, contrast) => trailingClauseCut(s, -1, maxWords, contrast) ?? s,
  },
  // A prepositional phrase at the end the main verb does not need ("… a tribute | to the victims").
  { name: "trailing phrase", cut: trailingPhraseCut },
  { name: "reported that", cut: reportedThatCut },
  // A noun's modifier inside the subject ("The statement | by the ministry | offered …").
  { name: "subject's modifier", cut: subjectModifierCut },
  // The sentence ended where a noun's modifier begins ("… at a hearing | that served as …").
  { name: "noun's modifier", cut: (s, maxWords) => nounModifierCut(s, -1, maxWords) ?? s },
  // A relative clause inside a noun phrase before its verb ("… groups | that are planning a rally | are …").
  { name: "relative clause", cut: relativeClauseCut },
  // A tail with no verb of its own (", an apparent suicide") once the rest fits: what trails the main
  // clause, when the sentence reads whole only without it.
  {
    name: "verbless tail",
    always: true,
    cut: (s, maxWords) => {
      if (readsAsHeadline(s)) return s;
      const c = trailingClauseCut(s, -1, maxWords);
      // A noun phrase opened by an article or possessive, not the rest of a list ("long-time, | working-class …").
      return c && /^[\s,;:–—-]*(?:a|an|the|his|her|its|their)\s/i.test(s.slice(c.length)) ? c : s;
    },
  },
  // An opening phrase once more, even when the rest fits, when the sentence reads whole only without it.
  { name: "opening once more", always: true, cut: openingCut },
];

/**
 * A sentence too long for a headline shortened the way an editor shortens it, keeping its main clause:
 * the cuts of COMPACT_CUTS in order (an attribution, an aside, the day, an opening phrase, then what
 * trails the main clause, never before its second predicate while a cut elsewhere keeps it, then a
 * phrase inside the subject), each kept only when what is left still reads as a complete sentence (a
 * subject and a finite verb, no flaw, its last part a clause, not opening on a dependent phrase unless
 * the sentence did: wholeChecks). Null when it never gets to at most `maxWords` words. `made`, when
 * given, is filled with the names of the cuts that shortened it, in order.
 */
export function compactHeadline(text: string, maxWords: number, made?: string[]): string | null {
  for (const contrast of [false, true]) {
    const cuts: string[] = [];
    const h = compacted(text, maxWords, cuts, contrast);
    if (h) {
      made?.push(...cuts);
      return h;
    }
  }
  return null;
}

/**
 * compactHeadline's one try; with `contrast`, what trails the main clause may be a clause of contrast
 * (", but the hours before the vote made up for it"): dropped rather than leave the sentence too long.
 */
function compacted(text: string, maxWords: number, made: string[], contrast: boolean): string | null {
  const start = text.trim();
  // A sentence of more than COMPACT_MAX_WORDS is a page's run-on text, not a point to shorten.
  if (!tooLong(start, maxWords) || words(start) > COMPACT_MAX_WORDS) return null;
  let t = start;
  for (const { name, always, cut } of COMPACT_CUTS) {
    if (!always && !tooLong(t, maxWords)) continue;
    const next = cut(t, maxWords, contrast);
    if (next !== t) made.push(name);
    t = next;
  }
  const h = asHeadline(t);
  // What is left says something (six words at least) and opens on its subject, not on a participle
  // ("Compared to 27 in the first report"), unless the sentence opens so and the participle describes
  // the subject's noun ("Flooded roads cut off …").
  if (words(h) > maxWords || words(h) < 6 || t === start || opensOnParticiple(h, start)) return null;
  if (lostMainVerb(start, h)) return null;
  // A subject with a comma in it ("A line of cars, trucks and trailers clogged …", "The company, citing
  // fraud, is asking …") has no verb before its first comma in the sentence as written: the shortened
  // one may keep it so, when it still opens as the sentence does up to that comma (not on a cut inside
  // an opening phrase or a list) and the verb after its last comma is no relative clause's ("The
  // channel, the station that produced the show" has lost the sentence's own verb).
  const parts = asHeadline(start).split(/,\s/);
  const opens = h.split(/,\s/)[0]!;
  // (Or on what follows an opening phrase the cut took, "For six months, | Andrew Shirvell, an aide,
  // has …", a name or a noun phrase of two words or more, no list's item.)
  const afterOpening =
    DEPENDENT_OPENER.test(start) &&
    parts.length > 2 &&
    opens.split(/\s+/).length >= 2 &&
    opens.toLowerCase() === parts[1]!.toLowerCase() &&
    !/^(?:and|or|but)\s/i.test(opens) &&
    !/^(?:and|or)\s/i.test(parts[2]!);
  const listed =
    !verbBeforeComma(asHeadline(start)) &&
    (opens === parts[0] || afterOpening) &&
    !RELATIVE_WORD.test(h.split(/,\s/).at(-1)!);
  // (A sentence that opens on a person described by role alone may still be shortened: a cut only may
  // not make one open so, cutReads.)
  const described = !wholeChecks(start)[NOT_DESCRIBED];
  return wholeChecks(t).every(
    (ok, k) => ok || (listed && k === VERB_BEFORE_COMMA) || (described && k === NOT_DESCRIBED),
  )
    ? h
    : null;
}
