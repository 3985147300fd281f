/**
 * A site's notice to its reader about reading it (a paywall or subscription notice: "you can come back at
 * the end of your 30-day period for another 5 free articles", "thank you for reading 10 free articles")
 * is not part of the report: its figures take no side. It speaks to the reader in the second person about
 * the site's articles, subscription or account, with no quotation mark. A report's own generic "you"
 * ("you are obese if you weigh 30 percent over your ideal weight") and a quoted speaker's stay reports.
 */
import type { Sentence } from "../../search/index.ts";

/** Second-person words addressed to the reader. */
const SECOND_PERSON = /\b(?:you|your|yours|yourself)\b/i;
/** What a site's notice to its reader is about: its articles, subscription, account or newsletter. */
const SITE_SERVICE =
  /\b(?:(?:free|premium) (?:articles?|stories|story|views?)|articles? (?:left|remaining)|subscri(?:be|ption|ber)s?|sign(?:ed)? (?:in|up)|log(?:ged)? in|newsletters?|digital access|paywall)\b/i;
/** Any quotation mark, straight or curly (a sentence inside or around a quote). */
const QUOTATION_MARK = /["\u201c\u201d\u00ab\u00bb]/;

/** Whether a sentence is a site's notice to its reader about reading it (a paywall notice), unquoted. */
export function addressesReader(sentence: Sentence): boolean {
  const t = sentence.text;
  return SECOND_PERSON.test(t) && SITE_SERVICE.test(t) && !QUOTATION_MARK.test(t);
}
