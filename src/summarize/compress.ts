/**
 * Light sentence compression (Gillick & Favre 2009 style, rule-based): drops material that costs
 * words but carries little a reader needs in a digest — trailing attributions (", officials said
 * Friday."), bracketed asides, leading discourse connectives ("But", "However,"). Each rule keeps
 * the sentence grammatical; a sentence that would lose too much is left alone.
 */

const DAY =
  "(?:on\\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|last\\s+week|this\\s+week|earlier|later)";
/** Verbs that attribute a statement (alternatives of a regular expression). */
const SPEECH_VERBS =
  "said|says|reported|reports|added|stated|announced|told\\s+reporters|told\\s+the\\s+[a-z]+(?:\\s+[a-z]+)?";
const SPEECH = `(?:${SPEECH_VERBS})`;
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
/** `…," according to an affidavit.` → `…"`: a quotation's source after it, the comma inside the quote dropped. */
const QUOTE_ACCORDING = /,\s*(["”])\s+according\s+to\s+(?=\S)[^,;"“”]{1,60}[.!?]$/i;
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

/*
 * Headline compression: the cuts an editor makes to fit a sentence into a headline, as candidates
 * (each one cut, in the order an editor makes them: what carries least first). The caller
 * (src/engine/headlines.ts, compactHeadline) keeps a candidate only when it still reads as a complete
 * sentence, and stops as soon as the sentence is short enough.
 */

/** ", police said Tuesday." and ", a report obtained by the paper reveals." at the end. */
const HEADLINE_SPEECH = `(?:${SPEECH_VERBS}|reveals|revealed|shows|showed|confirmed|wrote|explained|noted)`;
const TRAILING_REPORT = new RegExp(
  `,\\s*(?:according\\s+to\\s+[^,;"“”]{1,60}|(?:[\\w.'’-]+\\s+){0,8}?${HEADLINE_SPEECH}(?:\\s+${DAY})?(?:\\s+(?:morning|afternoon|evening|night))?(?:\\s+(?:in|at|on)\\s+(?:a|an|the)\\s+[\\w\\s]{1,30})?)\\s*([.!?])$`,
  "i",
);
/** ", said John Andrews, a spokesman for the diocese." at the end: the verb before its speaker. */
const TRAILING_SAID =
  /,\s*(?:said|says|according\s+to)\s+[^,;"“”()]{1,50}(?:,\s*[^,;"“”()]{1,60})?\s*([.!?])$/i;
/** "According to the Telegraph, …" before the sentence. */
const LEADING_REPORT = /^according\s+to\s+[^,;"“”]{1,60},\s+(?=\S)/i;
/**
 * A time or place phrase, or a clause of time, manner or concession, before the sentence's subject
 * ("On Tuesday, …", "In a statement released late Friday, …", "Speaking to reporters, …", "Although
 * prices rose, …"). Never a condition ("If …", "Unless …", "Until …"): the sentence is not true without it.
 */
const LEADING_ADVERBIAL =
  /^(?:\p{L}{3,}(?:ing|ed)|on|in|at|during|after|before|since|earlier|later|last|this|early|late|following|amid|amidst|over|within|now|then|still|speaking|asked|when|as|while|whilst|although|though|whereas|despite|because|once|for|with|back|throughout)\b/iu;
/**
 * A time phrase of a few words before the subject, ending on "later", "ago" or opening a clause of
 * time ("Several minutes later, …", "Nearly 50 years after the first landing, …", "Two weeks ago, …").
 */
const LEADING_TIME = /^(?:[\p{L}\d'’-]+\s+){1,3}?(?:later|ago|earlier|after|before|since)\b/iu;
/** A weekday or "yesterday", "last week" inside a sentence: when it happened, which a headline leaves out. */
const TIME_WORDS =
  /(?<!(?:\b(?:the|a|an|this|that|next|every|each|of|until|by|since|from|through|to|and|or|last|between|till|before|after|on|in|at|late|early)|[,;:]))\s+(?:(?:late|early)\s+)?(?:(?:on|last)\s+)?(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?|yesterday|today|tonight|last\s+(?:week|night)|earlier\s+this\s+(?:week|month))(?=[\s,.;:!?]|$)/giu;
/** A date after the sentence's news ("… in Washington, February 27, 2015.", "… on Aug. 15"). */
const DATE_WORDS =
  /,?\s+(?:on\s+)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,\s+\d{4})?(?=[,.;:!?]?$|\s*[,;]\s)/giu;
/** "said that …": a headline's "said …". */
const SAID_THAT = /(?<=\b(?:said|says)) that(?= )/giu;
/**
 * "warned that …", "is recommending that …": a verb of saying, thinking or finding and its clause, in a
 * headline with no "that" (`withoutReportedThat`).
 */
const REPORTED_THAT =
  /(?<=\b(?:suggest(?:s|ed)|warn(?:s|ed)|argu(?:es|ed)|claim(?:s|ed)|believ(?:es|ed)|insist(?:s|ed)|admit(?:s|ted)|announc(?:es|ed)|predict(?:s|ed)|recommend(?:s|ed|ing)|found|finds|reveal(?:s|ed)|confirm(?:s|ed)|estimat(?:es|ed)|fear(?:s|ed)|hop(?:es|ed)|not(?:es|ed)|conclud(?:es|ed)|acknowledg(?:es|ed)|conced(?:es|ed)|stress(?:es|ed)|allege[sd]|ruled|rules|requested)) that(?= )/giu;

/**
 * A sentence with no "that" after a verb of saying, thinking or finding ("The agency warned | that | the
 * river would rise"). Only as the cut that makes a sentence fit (headlines.ts): a cut after it could
 * leave the verb with what reads as its object ("warned the river").
 */
export function withoutReportedThat(s: string): string {
  return one(s.replace(REPORTED_THAT, ""))[0]!;
}

/**
 * When it happened, as a possessive before a noun ("last month's storm", "Sunday's vote"): a headline's
 * "the storm", "the vote".
 */
const TIME_POSSESSIVE =
  /(?<![\p{L}'’-])(?:(?:last|this|next|past)\s+(?:week|month|year|weekend|night|summer|winter|spring|fall|autumn|season)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight)\s?['’]s(?=\s+[\p{L}\d])/giu;
/**
 * A relative clause, an age or a phrase between commas after a name ("Paul Bonello, who arrived early, said
 * …"; "Smith, 37, said …"; "Lee, after repeated requests, agreed …").
 */
const NONRESTRICTIVE =
  /(?<=\p{L}), (?:(?:who|which|whose)\s[^,;:"“”()]{3,90}?|\d{1,2}|(?:after|before|despite|in|at|for|with|without|under|during|amid|like|unlike|along with|together with)\s(?!which|whom|whose)[^,;:"“”()]{3,60}?), (?=\p{Ll})/gu;

/** Each cut of one kind that `compressSentence`'s rules and the editor's make, most dispensable first. */
export const HEADLINE_CUTS: readonly ((s: string) => string[])[] = [
  // A bracketed aside, a trailing attribution, an "according to" before the sentence.
  (s) => one(s.replace(PARENTHESIS, "")),
  (s) =>
    one(s.replace(QUOTE_ATTRIBUTION, ".$1").replace(TRAILING_REPORT, "$1").replace(QUOTE_ACCORDING, "$1.")),
  (s) => one(s.replace(TRAILING_SAID, "$1")),
  (s) => one(s.replace(LEADING_REPORT, "")),
  // When it happened, one mention at a time; "said that" as "said"; "last week's vote" as "the vote".
  (s) => [...s.matchAll(TIME_WORDS)].map((m) => s.slice(0, m.index) + s.slice(m.index + m[0].length)),
  (s) => [...s.matchAll(DATE_WORDS)].map((m) => s.slice(0, m.index) + s.slice(m.index + m[0].length)),
  (s) => one(s.replace(SAID_THAT, "")),
  (s) =>
    [...s.matchAll(TIME_POSSESSIVE)].map(
      (m) => `${s.slice(0, m.index)}${m.index === 0 ? "The" : "the"}${s.slice(m.index + m[0].length)}`,
    ),
  // Asides after a name, then a time or place phrase before the subject.
  (s) =>
    [...s.matchAll(NONRESTRICTIVE)].map((m) => `${s.slice(0, m.index)} ${s.slice(m.index + m[0].length)}`),
  (s) => leadingCuts(s),
  (s) => one(s.replace(CONNECTIVE, "")),
];

/**
 * The sentence without its opening phrase (LEADING_ADVERBIAL), cut at each of its first three commas
 * within 90 characters ("Clad in a cotton dress, a flannel shirt and a scarf, Avital …"): the caller
 * keeps the one after which the subject and its verb come.
 */
function leadingCuts(s: string): string[] {
  if (!LEADING_ADVERBIAL.test(s) && !LEADING_TIME.test(s)) return [];
  const out: string[] = [];
  for (const m of s.slice(0, 92).matchAll(/,\s+(?=\S)/g)) {
    if (/[;:"“”()]/.test(s.slice(0, m.index))) break;
    out.push(...one(s.slice(m.index + m[0].length)));
    if (out.length === 3) break;
  }
  return out;
}

function one(t: string): string[] {
  return [
    t
      .replace(/\s+([,.;:!?])/g, "$1")
      .replace(/\s{2,}/g, " ")
      .trim(),
  ];
}
