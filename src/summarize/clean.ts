/**
 * Newswire clean-up before sentence selection: datelines and bylines ("WASHINGTON (AP) _",
 * "BRUSSELS, January 22 (Xinhua) --", "By JANE DOE"), old-style quotes (``...''), and the "_" that
 * wire text uses for a dash. Generic rules for any news text; nothing keyed to a corpus.
 */
import { splitSentences } from "../corpus/sentences.ts";
import { withoutDateline } from "../text/dateline.ts";

const BYLINE =
  /^\s*By\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}(?:\s*,\s*[A-Z][\w ]{0,40}(?:Writer|Correspondent|Press|Service|Times|News|Post))?\s*\n/;

/** Web-page furniture that scrapers leave inside the running text: caption and gallery controls, ad slots. */
const INLINE_FURNITURE =
  /\b(?:image copyright\b.{0,80}?\bimage caption|enlarge this image|toggle caption|hide caption|view full caption|continue reading the main story|story highlights|photo advertisement)\b\s*(\S?)/gi;
/** "Advertisement" left between two sentences by an ad slot. */
const AD_SLOT = /(^|[.!?]["'”’]?\s+)advertisement\s+(\S)/gi;
/** A sentence that is page furniture (sign-up prompts, photo credits, archive notes), not news. */
const FURNITURE_SENTENCE =
  /\b(?:sign up (?:for|to|now|here)|our (?:[\w-]+ )?newsletters?|click here|subscribe (?:now|today|here|to our)|follow us|all rights reserved|archived article|getty images|photo:|image \d+ of \d+|read more|share this|email this|related:)/i;

/**
 * Cleans one article body: strips a leading byline, then its dateline as headlines and points lose
 * theirs (src/text/dateline.ts), and normalises wire punctuation.
 */
export function cleanArticle(text: string): string {
  let t = text
    .replace(/\r/g, "")
    // What follows removed furniture starts a sentence.
    .replace(INLINE_FURNITURE, (_, next: string) => next.toUpperCase())
    .replace(AD_SLOT, (_, before: string, next: string) => before + next.toUpperCase());
  t = t.replace(BYLINE, "");
  t = withoutDateline(t);
  return normalisePunctuation(t);
}

/** `` and '' to ", a spaced _ or -- to an em dash, collapsed spaces (newlines kept for paragraphs). */
export function normalisePunctuation(text: string): string {
  return text
    .replace(/``\s*/g, '"')
    .replace(/\s*''/g, '"')
    .replace(/[ \t]+_[ \t]+/g, " — ")
    .replace(/[ \t]+--[ \t]+/g, " — ")
    .replace(/[ \t]+/g, " ");
}

export interface ArticleSentence {
  text: string;
  /** False for what is not a whole prose sentence: a cut-off ending, a photo caption, a fragment. */
  whole: boolean;
}

const quoteCount = (s: string) => (s.match(/"/g) ?? []).length;

/** Paragraph-aware sentence split of a cleaned article, with each sentence judged whole or not. */
export function articleSentences(text: string): ArticleSentence[] {
  const raw: string[] = [];
  for (const para of cleanArticle(text).split(/\n\s*\n/)) {
    // sbd throws on text with no word at all (rules such as "------").
    if (!/[\p{L}\p{N}]/u.test(para)) continue;
    for (const s of splitSentences(para)) {
      const prev = raw.length ? raw[raw.length - 1]! : undefined;
      // A closing quote that the splitter put at the start of the next sentence goes back where it belongs.
      if (prev !== undefined && quoteCount(prev) % 2 === 1 && /^["”]\s/.test(s)) {
        raw[raw.length - 1] = `${prev}"`;
        const rest = s.slice(1).trim();
        if (rest) raw.push(rest);
        continue;
      }
      raw.push(s);
    }
  }
  return raw.map((s, i) => ({ text: s, whole: isWhole(s, i === raw.length - 1) }));
}

/**
 * Sentences already split (by a caller that caches its own split), each judged whole or not as
 * `articleSentences` judges them; the last one is the article's last (a cut-off ending is not whole).
 */
export function judgeSentences(texts: readonly string[]): ArticleSentence[] {
  return texts.map((s, i) => ({ text: s, whole: isWhole(s, i === texts.length - 1) }));
}

function isWhole(s: string, last: boolean): boolean {
  if (FURNITURE_SENTENCE.test(s)) return false;
  if (last && !/[.!?](?:["'”’)]|\s")*$/.test(s)) return false; // the article was cut off mid-sentence
  if (/(?:\.\.\.|…)\s*(?:\(|$)/.test(s)) return false; // a truncated photo caption or teaser
  if (/\((?:\s*ap\s*photo|\s*associated press\s*|\s*photo\b)/i.test(s)) return false;
  if (/^[a-z]/.test(s)) return false; // starts mid-sentence
  return true;
}
