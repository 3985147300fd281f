/**
 * A heading (a briefing's headline, a digest story's title) in a speaker's or the page's voice ("Not
 * all the loyalists I spoke with …", "Here's our take …", "… will change your commute") reports
 * nothing a reader can place: a cited sentence of the same points in the third person heads in its
 * place (`inThirdPerson`), else the heading without the clause in which the speaker appears. Also
 * what a heading is made of: a point's sentences (`titleSentences`), one whole or shortened
 * (`wholeOrCompact`), and the stems that tie two sentences to no one story (`SPAN_STEM`).
 */
import { splitSentences } from "../corpus/sentences.ts";
import type { Point } from "../model.ts";
import type { CorpusIndex } from "../search/index.ts";
import { withoutDateline } from "../text/dateline.ts";
import { withoutLeadingPageLabels } from "../text/furniture.ts";
import { shapedQuotesLeftOpen } from "../text/quotes.ts";
import { stemSet } from "../text/similarity.ts";
import { withoutStamps } from "../text/stamps.ts";
import { compactHeadline } from "./headlines.ts";
import {
  opensOnVerb,
  SHORT_HEADLINE_WORDS,
  shorten,
  shownWords,
  speaksInFirstPerson,
  speaksInPerson,
  withoutPageWord,
} from "./phrasing.ts";

/**
 * A heading as a reader should see it: when it speaks as "I", "we" or "you" outside a quotation
 * (speaksInPerson), the first sentence of the points or of their cited articles in the third person
 * that heads well (thirdPersonCited; `headsPoorly` says what heads poorly where the heading is used);
 * none: the heading without the speaker's clause (withoutSpeakerClause) when that heads well; else the
 * heading unchanged. `readerVoiceStays`: a heading that speaks only to the reader ("you", "your")
 * gives way only to a sentence that tells the main point as much.
 */
export function inThirdPerson(
  heading: string,
  index: CorpusIndex,
  points: Point[],
  headsPoorly: (h: string) => boolean,
  readerVoiceStays = false,
): string {
  if (!speaksInPerson(heading)) return heading;
  const cited = thirdPersonCited(index, points, headsPoorly);
  // When `readerVoiceStays`, one that only speaks to the reader ("… will disable your device") is a
  // headline's style: it gives way only to a sentence that tells the main point as much (content words
  // in common, not counts or spans of time); a tamer sentence further in stated the story less well.
  const main = stemSet(points[0]?.text ?? "");
  const told = (t: string) => [...stemSet(t)].filter((x) => main.has(x) && !SPAN_STEM.test(x)).length;
  if (cited && (!readerVoiceStays || speaksInFirstPerson(heading) || told(cited) >= told(heading)))
    return cited;
  const cut = withoutSpeakerClause(heading);
  return cut && !headsPoorly(cut) && !speaksInPerson(cut, true) ? cut : heading;
}

/**
 * A point as a story's title: the sentence itself (its stop dropped) when it has at most
 * SHORT_HEADLINE_WORDS words, else shortened as an editor would (compactHeadline) keeping a share of
 * its words at least (`kept`), else null.
 */
export function wholeOrCompact(text: string, kept = 0): string | null {
  const plain = withoutDateline(withoutPageWord(withoutStamps(withoutLeadingPageLabels(text.trim()))));
  if (shownWords(plain) <= SHORT_HEADLINE_WORDS) return shorten(plain, Number.MAX_SAFE_INTEGER);
  const c = compactHeadline(plain, SHORT_HEADLINE_WORDS);
  // Not cut so deep that it loses what made it tell the story ("… woke up one morning", cut from what
  // they woke up to).
  return c && shownWords(c) >= kept * shownWords(plain) ? c : null;
}

/**
 * Share of its words a point further down keeps at least when shortened to head the story (a lead
 * sentence, the report's own summing up, may be cut deeper).
 */
export const KEPT_SHARE = 0.6;

/**
 * A relative clause whose subject is the speaker, after a noun and before the main verb ("Not all the
 * loyalists | I spoke with | were giddy …"): its pronoun, an auxiliary perhaps, a verb, a preposition
 * perhaps, then an auxiliary or a past tense (the main clause's verb).
 */
const SPEAKER_RELATIVE =
  /(?<=\p{L}{3})\s+(?:(?:that|who|whom)\s+)?(?:I|i|we|We)\s+(?:(?:have|had|'ve)\s+)?\p{Ll}+(?:\s+(?:with|to|about|for))?(?=\s+(?:was|were|is|are|has|have|had|will|would|could|did|\p{Ll}+ed)(?![\p{L}'’-]))/u;
/** A clause of time or cause ending the text, its subject the speaker ("… was in reflective mood | when we spoke"). */
const SPEAKER_TAIL =
  /,?\s+(?:when|as|after|before|since|while|until|because)\s+(?:I|i|we|We)(?![\p{L}'’-])[^,;:]*$/u;

/** A title without the clause in which its speaker appears (SPEAKER_RELATIVE, SPEAKER_TAIL); null when it has none or too little is left. */
function withoutSpeakerClause(title: string): string | null {
  const cut = title.replace(SPEAKER_RELATIVE, "").replace(SPEAKER_TAIL, "");
  return cut !== title && shownWords(cut) >= 5 ? cut : null;
}

/** How many sentences of each cited article, from its start, may head a story in place of one in a person's voice. */
const CITED_SENTENCES = 15;

/** How many of those, best first, are tried. */
const CITED_TRIED = 10;

/**
 * A sentence of the story in the third person that heads it well (`headsPoorly`: no; no "I",
 * "we" or "you", quoted or not): a point of the story, else a sentence of a cited article (among its
 * first CITED_SENTENCES) sharing LEAD_SHARED content words or more with the story's points (not counts
 * or spans of time), the most first, then the earliest; whole when short, else shortened as an editor
 * would. Null when none does.
 */
function thirdPersonCited(
  index: CorpusIndex,
  points: Point[],
  headsPoorly: (h: string) => boolean,
): string | null {
  const pointStems = new Set(points.flatMap((p) => [...stemSet(p.text)]).filter((x) => !SPAN_STEM.test(x)));
  const texts = points.flatMap((p) => titleSentences(p.text));
  const seen = new Set(texts);
  const cited = [...new Set(points.flatMap((p) => p.sources.map((id) => index.indexOf(id) ?? -1)))];
  const others: { text: string; shared: number; position: number }[] = [];
  for (const a of cited) {
    if (a < 0) continue;
    for (const s of index.sentences(a).slice(0, CITED_SENTENCES)) {
      if (seen.has(s.text)) continue;
      seen.add(s.text);
      const shared = [...s.stems].filter((x) => pointStems.has(x)).length;
      if (shared >= LEAD_SHARED) others.push({ text: s.text, shared, position: s.position });
    }
  }
  others.sort((x, y) => y.shared - x.shared || x.position - y.position);
  const tries = [
    ...texts.map((t) => () => wholeOrCompact(t, KEPT_SHARE)),
    ...others.slice(0, CITED_TRIED).map((o) => () => wholeOrCompact(o.text)),
  ];
  for (const make of tries) {
    const h = make();
    // (Not a sentence torn from another, opening in lower case: "someone at the harbour board …"; nor
    // one that bids the reader, opening on its verb: "Tell others what you saw".)
    if (h && !/^\p{Ll}/u.test(h) && !opensOnVerb(h) && !headsPoorly(h) && !speaksInPerson(h, true)) return h;
  }
  return null;
}

/**
 * A wire copy's quotation closed ('') at the end of a sentence, another after it ("… secretive means.''
 * The arrests …"): a stop the sentence splitter reads past.
 */
const WIRE_QUOTE_STOP = /(?<=[.!?]'')\s+(?=``|\p{Lu})/u;

/**
 * A point's sentences, as a title may be made of one: split where splitSentences splits and after a
 * wire copy's closing quotation (WIRE_QUOTE_STOP); never inside a quotation ("… bellow ``Go home! Go
 * home!'' at …" is one sentence): pieces that leave a quotation open are joined to the next.
 */
export function titleSentences(text: string): string[] {
  const out: string[] = [];
  let open = "";
  for (const piece of splitSentences(text).flatMap((s) => s.split(WIRE_QUOTE_STOP))) {
    const s = open ? `${open} ${piece}` : piece;
    open = shapedQuotesLeftOpen(s) === true ? s : "";
    if (!open) out.push(s);
  }
  if (open) out.push(open);
  return out;
}

/**
 * Stems of a count or a span of time ("seven", "12", "year", "long", "time"): two sentences that share
 * only these ("It's been seven years since …" and "Seven years is a long time") tell no one story.
 */
export const SPAN_STEM =
  /^(?:\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelv|twenti|thirti|fifti|hundr|thousand|million|billion|year|month|week|dai|hour|minut|second|decad|centuri|time|long|first|last|ago)$/;

/** Content words a lead sentence shares with the main point at least, to head the story in its place. */
export const LEAD_SHARED = 2;
