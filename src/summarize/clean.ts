/**
 * Newswire clean-up before sentence selection: datelines and bylines ("WASHINGTON (AP) _",
 * "BRUSSELS, January 22 (Xinhua) --", "By JANE DOE"), old-style quotes (``...''), and the "_" that
 * wire text uses for a dash. Generic rules for any news text; nothing keyed to a corpus.
 */
import { splitSentences } from "../corpus/sentences.ts";

/** A dateline at the start of a story: an upper-case place, optional ", region/date", optional (AGENCY), then a dash. */
const DATELINE =
  /^\s*(?:[A-Z][A-Z'.\-]*(?:\s+[A-Z][A-Z'.\-]*){0,4})(?:,\s*[A-Z][\w.']*(?:\s+[A-Z\d][\w.']*){0,3})?\s*(?:\([A-Za-z][\w .&-]{0,30}\))?\s*(?:_|--|—|–|-|:)\s+/;
/** "(AP) -" or "(Xinhua) --" left at the start once a place has gone, or a bare agency tag. */
const AGENCY = /^\s*\([A-Za-z][\w .&-]{0,30}\)\s*(?:_|--|—|–|-)\s+/;
const BYLINE = /^\s*By\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}(?:\s*,\s*[A-Z][\w ]{0,40}(?:Writer|Correspondent|Press|Service|Times|News|Post))?\s*\n/;

/** Cleans one article body: strips a leading byline/dateline and normalises wire punctuation. */
export function cleanArticle(text: string): string {
  let t = text.replace(/\r/g, "");
  t = t.replace(BYLINE, "");
  t = t.replace(DATELINE, "").replace(AGENCY, "");
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

/** Paragraph-aware sentence split of a cleaned article. */
export function articleSentences(text: string): string[] {
  const out: string[] = [];
  for (const para of cleanArticle(text).split(/\n\s*\n/)) {
    // sbd throws on text with no word at all (rules such as "------").
    if (!/[\p{L}\p{N}]/u.test(para)) continue;
    for (const s of splitSentences(para)) out.push(s);
  }
  return out;
}
