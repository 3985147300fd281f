/**
 * Light sentence compression (Gillick & Favre 2009 style, rule-based): drops material that costs
 * words but carries little a reader needs in a digest — trailing attributions (", officials said
 * Friday."), bracketed asides, leading discourse connectives ("But", "However,"). Each rule keeps
 * the sentence grammatical; a sentence that would lose too much is left alone.
 */

const DAY =
  "(?:on\\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|last\\s+week|this\\s+week|earlier|later)";
const SPEECH =
  "(?:said|says|reported|reports|added|stated|announced|told\\s+reporters|told\\s+the\\s+[a-z]+(?:\\s+[a-z]+)?)";
/** ", the foreign ministry said Friday." / ", he said." / ", according to police." at the end. */
const TRAILING_ATTRIBUTION = new RegExp(
  `,\\s*(?:according\\s+to\\s+[^,;"]{1,60}|(?:[\\w.'’-]+\\s+){0,6}?${SPEECH}(?:\\s+${DAY})?(?:\\s+(?:in|at)\\s+a\\s+[\\w\\s]{1,30})?)\\s*([.!?])$`,
  "i",
);
/** `..., ” he said.` → `...”.`; the comma inside the quote becomes a full stop. */
const QUOTE_ATTRIBUTION = new RegExp(
  `,(["”])\\s+(?:[\\w.'’-]+\\s+){0,6}?${SPEECH}(?:\\s+${DAY})?\\s*\\.$`,
  "i",
);
const PARENTHESIS = /\s*\([^()]{1,60}\)/g;
const CONNECTIVE =
  /^(?:but|and|however|meanwhile|also|still|yet|so|in addition|moreover|furthermore|instead)\s*,?\s+/i;

export interface CompressRules {
  attribution: boolean;
  parentheses: boolean;
  connectives: boolean;
}

export const ALL_RULES: CompressRules = { attribution: true, parentheses: true, connectives: true };

export function compressSentence(s: string, rules: CompressRules = ALL_RULES): string {
  let t = s;
  if (rules.attribution) t = t.replace(QUOTE_ATTRIBUTION, ".$1").replace(TRAILING_ATTRIBUTION, "$1");
  if (rules.parentheses) t = t.replace(PARENTHESIS, "");
  if (rules.connectives) t = t.replace(CONNECTIVE, "");
  t = t.replace(/\s+([,.;:!?])/g, "$1").trim();
  if (t.length > 0) t = t[0]!.toUpperCase() + t.slice(1);
  // Keep the original when compression would gut it.
  if (t.split(/\s+/).length < Math.min(6, s.split(/\s+/).length)) return s;
  return t;
}
