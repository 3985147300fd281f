/**
 * Word-level text processing shared by search, selection and citation checks:
 * tokenising, British→American spelling, stemming (Porter, via the `stemmer` package) and stopwords.
 */
import { stemmer } from "stemmer";

const WORD = /\p{N}+(?:[.,]\p{N}+)*\p{L}*|[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu;

/** Lower-cased word tokens; apostrophe suffixes ("Kim’s") are kept with the word then dropped. */
export function words(text: string): string[] {
  // String#match with /g returns plain strings: much cheaper than matchAll's match objects.
  const out = text.toLowerCase().match(WORD) ?? [];
  for (let i = 0; i < out.length; i++) {
    const w = out[i]!;
    if (w.includes("'") || w.includes("’")) out[i] = w.replace(/['’](s|re|ll|ve|d|t)$/u, "");
  }
  return out;
}

/** Whole-word British spellings whose American form a suffix rule cannot produce. */
const BRITISH_WORDS: Record<string, string> = {
  programme: "program",
  programmes: "programs",
  tonne: "ton",
  tonnes: "tons",
  defence: "defense",
  offence: "offense",
  licence: "license",
  grey: "gray",
  cheque: "check",
  tyre: "tire",
  kerb: "curb",
  aluminium: "aluminum",
  manoeuvre: "maneuver",
  enrol: "enroll",
  travelled: "traveled",
  travelling: "traveling",
  cancelled: "canceled",
  cancelling: "canceling",
  modelling: "modeling",
  labelled: "labeled",
  fuelled: "fueled",
};

/** Words ending in -our that are not British spellings of -or words. */
const OUR_KEEP = new Set([
  "our",
  "hour",
  "four",
  "pour",
  "tour",
  "your",
  "sour",
  "flour",
  "dour",
  "contour",
  "detour",
  "devour",
  "scour",
]);

/** Maps a lower-cased British spelling to its American form; other words pass unchanged. */
export function americanize(word: string): string {
  const direct = BRITISH_WORDS[word];
  if (direct) return direct;
  // labour, labourers, favourite, neighbouring, honours ...
  const our = /^([a-z]{2,})our(s|ed|ing|er|ers|ite|ites|able|ful|less|ist|ists|ism)?$/.exec(word);
  if (our && !OUR_KEEP.has(`${our[1]}our`)) return `${our[1]}or${our[2] ?? ""}`;
  // centre, theatre, metre (but not "acre", "genre", "ogre", "massacre", "mediocre")
  const re = /^([a-z]{2,}[^aeiou])re(s|d)?$/.exec(word);
  if (re && /(?:cent|theat|met|lit|fib|calib|somb|meag|spect|sab|lust)$/.test(re[1]!))
    return `${re[1]}er${re[2] ?? ""}`;
  // organise, organisation, realised, apologising (not "rise", "wise", "precise", "exercise"...)
  const ise = /^([a-z]{3,})is(e|es|ed|ing|ation|ations|er|ers)$/.exec(word);
  if (
    ise &&
    /(?:al|an|ar|at|er|gn|iz|og|on|or|ph|ri|ys|ut|em|ic|ol|ag|ap|al|ri)$/.test(ise[1]!) &&
    !/(?:adv|comprom|desp|exerc|franch|merchand|superv|telev|surpr|rev|prem|expert|improv|circumc|wise|prec|conc)$/.test(
      ise[1]!,
    )
  )
    return `${ise[1]}iz${ise[2]}`;
  // analyse, paralysed
  if (/^(anal|paral|catal)ys(e|es|ed|ing)$/.test(word)) return word.replace("ys", "yz");
  return word;
}

const STEM_CACHE = new Map<string, string>();

/** Porter stem of the American spelling (memoised: a corpus has a small vocabulary and many tokens). */
export function stem(word: string): string {
  let s = STEM_CACHE.get(word);
  if (s === undefined) {
    s = stemmer(americanize(word));
    if (STEM_CACHE.size > 500_000) STEM_CACHE.clear();
    STEM_CACHE.set(word, s);
  }
  return s;
}

/** English stopwords for retrieval and concept scoring (a standard list, kept short). */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before being below " +
    "between both but by can could did do does doing down during each few for from further had has have having " +
    "he her here hers herself him himself his how i if in into is it its itself just me more most my myself no " +
    "nor not now of off on once only or other our ours ourselves out over own same she should so some such than " +
    "that the their theirs them themselves then there these they this those through to too under until up very " +
    "was we were what when where which while who whom why will with would you your yours yourself yourselves " +
    "said says say told according mr mrs ms one two also would could may might must shall us new"
  ).split(" "),
);

/** Content-word stems of a text: tokenised, stopwords removed, americanised, stemmed. */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (STOPWORDS.has(w) || w.length < 2) continue;
    out.push(stem(w));
  }
  return out;
}
