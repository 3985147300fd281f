/**
 * Terms for concept scoring: the tokens ROUGE itself sees (lower-cased ASCII letters and digits,
 * everything else a separator, Porter stems for tokens longer than 3 characters), so the concepts
 * we cover are the ones a reader's summary is compared on; and a stopword list for bigram filtering.
 */
import { stemmer } from "stemmer";

const stemCache = new Map<string, string>();

/** Porter stem of one lower-cased token, as ROUGE -m applies it (tokens longer than 3 characters). */
export function stemToken(t: string): string {
  if (t.length <= 3) return t;
  let s = stemCache.get(t);
  if (s === undefined) {
    s = stemmer(t);
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(t, s);
  }
  return s;
}

/** Stemmed tokens of a text, in order. */
export function stemTokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/[a-z0-9]+/g)) out.push(stemToken(m[0]));
  return out;
}

/** Function words (the SMART list's most frequent part plus reporting verbs), compared on stems. */
const STOP_WORDS =
  "a about above across after afterwards again against all almost alone along already also although always am among " +
  "an and another any anyhow anyone anything anyway anywhere are around as at back be became because become becomes " +
  "been before beforehand behind being below beside besides between beyond both but by can cannot could did do does " +
  "doing done down during each either else elsewhere enough etc even ever every everyone everything everywhere except " +
  "few for former formerly from further had has have having he hence her here hereafter hereby herein hers herself him " +
  "himself his how however i ie if in indeed into is it its itself just last latter latterly least less ll many may me " +
  "meanwhile might more moreover most mostly much must my myself namely neither never nevertheless next no nobody none " +
  "noone nor not nothing now nowhere of off often on once one only onto or other others otherwise our ours ourselves out " +
  "over own per perhaps rather re s same say said says seem seemed seeming seems several she should since so some " +
  "somehow someone something sometime sometimes somewhere still such t than that the their theirs them themselves then " +
  "thence there thereafter thereby therefore therein thereupon these they this those though through throughout thru " +
  "thus to together too toward towards under until up upon us ve very via was we well were what whatever when whence " +
  "whenever where whereafter whereas whereby wherein whereupon wherever whether which while whither who whoever whole " +
  "whom whose why will with within without would yet you your yours yourself yourselves mr mrs ms told tell also";

export const STOP_STEMS: ReadonlySet<string> = new Set(STOP_WORDS.split(" ").map(stemToken));

export function isStop(stem: string): boolean {
  return STOP_STEMS.has(stem);
}
