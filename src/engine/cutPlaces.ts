/**
 * Where a sentence too long for a headline can be cut, read with the tagger (src/text/tagger.ts), and
 * whether a cut left it its main verb: the places compactHeadline (headlines.ts) tries.
 */
import { finiteVerb, tag } from "../text/tagger.ts";
import { clauseVerb, REPORTING } from "./phrasing.ts";

/**
 * Where a clause of time, reason or concession, a means ("by donating …") or a second clause ("… and
 * it caused …", "… and that …") begins after the main clause, with no comma ("… was killed on Monday as
 * she responded to a call", "… when he will warn …"): a headline can end before it.
 */
export const SUBORDINATE_START =
  /(?<!\b(?:such|same|well|known|so|just|soon|long|much|far|even|only|as|than|the|a|is|was|be|been|seen|used|served|acts?|acted|regarded|described|named|identified)|\bas\s+\S+)\s(?=(?:(?:when|since|though|although|whereas|even as|even though|as soon as)\s+(?:the|he|she|it|they|we|his|her|its|their|police|officials|authorities|\p{Lu})|as\s+(?:he|she|it|they|we)\s|by\s+\p{L}+ing\s|and\s+(?:that|it|he|she|they|we)\s))/gu;

/**
 * Where a second verb of the same subject begins ("… bought the rifle a week ago and had even scheduled
 * a class …", "… ignored the warning and marched aboard", '… are not welcome and "should not be …"'):
 * "and" or "but" and a finite verb (the tagger's), an adverb or a quotation mark between them.
 */
export function coordinatedVerbs(t: string): number[] {
  const tagged = tag(t);
  const out: number[] = [];
  for (let i = 1; i + 1 < tagged.value.length; i++) {
    if (!/^(?:and|but)$/i.test(tagged.value[i]!) || tagged.start[i]! < 0) continue;
    // Not two modifiers ("in emerging and developed markets").
    const prev = tagged.pos[i - 1]!;
    if (prev === "ADJ" || prev === "DET" || prev === "ADP" || /ing$/i.test(tagged.value[i - 1]!)) continue;
    // Past a quotation mark that opens the second predicate ('and "should not be …"').
    let next = /^["“]$/.test(tagged.value[i + 1]!) ? i + 2 : i + 1;
    if (tagged.pos[next] === "ADV") next++;
    if (next < tagged.value.length && finiteVerb(tagged, next)) out.push(tagged.start[i]! - 1);
  }
  return out;
}

/** Words of a subject between "as" and its verb ("as nervous residents fled", "as the 22-year-old …"). */
const SUBJECT_WORD = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON"]);

/**
 * Where a clause of time opens on "as" and a subject of a few words with its finite verb after the main
 * clause, with no comma ("… clogged the lanes | as nervous residents fled the area"): SUBORDINATE_START
 * takes "as" only before a pronoun; here the tagger reads the subject and its verb. Not after a verb or
 * a word that takes "as" ("served as", "such as", "as well as": SUBORDINATE_START's list).
 */
export function asClauses(t: string): number[] {
  const tagged = tag(t);
  const out: number[] = [];
  for (let i = 1; i + 2 < tagged.value.length; i++) {
    if (!/^as$/i.test(tagged.value[i]!) || tagged.start[i]! < 1) continue;
    const prev = tagged.value[i - 1]!;
    if (tagged.pos[i - 1] === "VERB" || tagged.pos[i - 1] === "AUX" || AS_AFTER.test(prev)) continue;
    let k = i + 1;
    while (k < tagged.value.length && k <= i + 4 && SUBJECT_WORD.has(tagged.pos[k]!)) k++;
    if (k === i + 1 || k >= tagged.value.length || !finiteVerb(tagged, k)) continue;
    if (/^(?:well|soon|long|much|far|many|if|though)$/i.test(tagged.value[i + 1]!)) continue;
    out.push(tagged.start[i]! - 1);
  }
  return out;
}

/** Words before "as" that take it as their own ("such as", "known as", "as much as"). */
const AS_AFTER =
  /^(?:such|same|well|known|so|just|soon|long|much|far|even|only|as|than|the|a|is|was|be|been|seen|used|served|acts?|acted|regarded|described|named|identified|twice|half|times)$/i;

/** An object pronoun or "there": a word that points back at something named before it. */
const POINTS_BACK = /\b(?:him|her|them|it|there)\b/i;

/**
 * Where the main clause's second predicate begins (the offset of its "and"/"but"): the main verb (the
 * sentence's first finite verb), then "and" or "but" and a finite verb, with no comma (but one just before
 * the conjunction), no clause opener and no other verb between ("… broke with the council and rejected
 * …", "… denied the report, but said …"). What it says is often the news, so a cut keeps it. Also the
 * sentence with only that predicate after its subject ("The mayor said …"), when the verb is finite on its
 * own (not "will meet and sign") and the subject has no comma; null when there is none.
 */
export function secondPredicate(
  t: string,
): { at: number; verbAt: number; alone: string | null; aloneAt: number } | null {
  const tagged = tag(t);
  const main = tagged.pos.findIndex((_, i) => finiteVerb(tagged, i));
  if (main < 1) return null;
  for (let i = main + 1; i + 1 < tagged.value.length; i++) {
    const w = tagged.value[i]!;
    if (/^(?:and|but)$/i.test(w)) {
      const next = tagged.pos[i + 1] === "ADV" ? i + 2 : i + 1;
      if (next >= tagged.value.length || !finiteVerb(tagged, next) || tagged.start[i]! < 0) return null;
      const inflected =
        tagged.pos[next] === "AUX" || tagged.value[next]!.toLowerCase() !== tagged.lemma[next];
      const subject = t.slice(0, tagged.start[main]).trim();
      // Not when the predicate points back at what the first one named ("… and made no threats
      // against him").
      const rest = t.slice(tagged.start[next]);
      const alone =
        inflected && subject && !/[,;:()"“”]/.test(subject) && !POINTS_BACK.test(rest)
          ? `${subject} ${rest}`
          : null;
      return { at: tagged.start[i]! - 1, verbAt: tagged.start[main]!, alone, aloneAt: subject.length };
    }
    if (w === "," && /^(?:and|but)$/i.test(tagged.value[i + 1]!)) continue;
    if (/^[,;:()"“”–—-]$/.test(w) || SUBORDINATOR.test(w) || finiteVerb(tagged, i)) return null;
  }
  return null;
}

/** Words that open a clause which needs its own verb ("… and while the president traveled"). */
const SUBORDINATOR =
  /^(?:while|when|whenever|as|because|if|although|though|since|after|before|until|unless|whether|that|who|which|whom|whose|where)$/i;

/**
 * Whether a sentence cut short still has its main verb, and no clause left without one: a finite verb
 * (the tagger's) that is neither an infinitive's ("to have carried") nor a participle after a noun ("The
 * man believed to have …", "… the teams supported by …"; not "The board voted to close …"), and a verb after the last word that opens a clause
 * ("… and while the president and first lady" has none). A verb of saying or knowing before a cut
 * "that" keeps its clause ("told a conference in Munich | that …" is no cut).
 */
export function hasMainVerb(c: string): boolean {
  const t = tag(c);
  let main = false;
  let lastOpener = -1;
  for (let i = 0; i < t.value.length; i++) {
    // A conjunction that opens a clause (the tagger's SCONJ: "while", "because", not "before the
    // wreck") or a relative pronoun.
    if (
      SUBORDINATOR.test(t.value[i]!) &&
      (t.pos[i] === "SCONJ" || /^(?:who|whom|whose|which)$/i.test(t.value[i]!))
    )
      lastOpener = i;
    if (!clauseVerb(t, i)) continue;
    const infinitive =
      /^to$/i.test(t.value[i - 1] ?? "") || (t.pos[i - 1] === "AUX" && /^to$/i.test(t.value[i - 2] ?? ""));
    const reduced =
      t.pos[i] === "VERB" &&
      /(?:ed|en|wn)$/i.test(t.value[i]!) &&
      ["NOUN", "PROPN"].includes(t.pos[i - 1] ?? "") &&
      (/^by$/i.test(t.value[i + 1] ?? "") ||
        (/^to$/i.test(t.value[i + 1] ?? "") && /^(?:be|have)$/i.test(t.value[i + 2] ?? "")));
    if (!infinitive && !reduced) main = true;
  }
  if (!main) return false;
  if (lastOpener >= 0 && !t.pos.slice(lastOpener + 1).some((_, k) => finiteVerb(t, lastOpener + 1 + k)))
    return false;
  return true;
}

/** Prepositions that open a phrase modifying the noun before them (not "of": "the leader | of …" says little). */
const NOUN_PREPOSITION =
  /^(?:in|on|at|for|from|with|during|amid|after|before|over|under|across|near|since|into|about|against|between|beyond|outside|inside|following|including)$/i;

/**
 * Where a phrase modifying the noun before it begins, with no comma (the tagger's): a relative clause
 * ("… a hearing that served …"), a participle ("… a bill recently introduced in …", "… a claim seeking
 * …"), an infinitive ("… tests to monitor …") or a prepositional phrase ("… a panel in one of …").
 * Character offsets, in order.
 */
export function nounModifierStarts(t: string): number[] {
  const tagged = tag(t);
  const out: number[] = [];
  const nounish = (k: number) => ["NOUN", "PROPN"].includes(tagged.pos[k] ?? "");
  for (let i = 2; i < tagged.value.length; i++) {
    const w = tagged.value[i]!;
    const at = tagged.start[i]!;
    if (at < 0) continue;
    // "recently introduced": an adverb before the participle.
    const prev = tagged.pos[i - 1] === "ADV" && nounish(i - 2) ? i - 2 : i - 1;
    if (!nounish(prev)) continue;
    const next = tagged.value[i + 1] ?? "";
    // "that" after a verb of saying or knowing and its object ("told a conference in Munich that …")
    // opens what was said.
    const said = tagged.value
      .slice(0, i)
      .some((v) => REPORTING.test(v) || /^(?:tell|tells|told|revealed|showed|shows|found|learned)$/i.test(v));
    const relative = /^(?:who|which|whose|where)$/i.test(w) || (/^that$/i.test(w) && !said);
    // Not "had his passport canceled": what was had or got done.
    const causative = tagged.value
      .slice(Math.max(0, prev - 3), prev)
      .some((v) => /^(?:had|has|have|got|gets|get)$/i.test(v));
    // A past participle after a common noun only: after a name it is the name's verb ("Vanilla Ice
    // revealed in an interview …").
    const participle =
      !causative &&
      tagged.pos[i] === "VERB" &&
      (/ing$/i.test(w) ||
        (/(?:ed|en|wn)$/i.test(w) &&
          tagged.pos[prev] === "NOUN" &&
          /^(?:by|in|on|at|from|to|for|with|during|after|as)$/i.test(next)));
    const infinitive = /^to$/i.test(w) && tagged.pos[i + 1] === "VERB";
    const phrase = tagged.pos[i] === "ADP" && NOUN_PREPOSITION.test(w);
    if (relative || participle || infinitive || phrase) out.push(tagged.start[prev + 1]! - 1);
  }
  return out;
}

/**
 * A last word a cut headline never ends on: a saying verb, its speaker cut off ("…, say"), or a word
 * that needs more after it beyond ENDS_OPEN's ("… about the crash, in", "… in exchange", "… in an attempt",
 * "… as part").
 */
export const ENDS_CUT_OPEN =
  /(?<![\p{L}'’-])(?:say|says|said|told|tells|according|in|on|at|by|as|over|under|after|before|since|until|while|because|if|when|where|is|are|was|were|be|been|being|has|have|had|will|would|can|could|should|may|might|must|very|more|most|less|such|so|not|in (?:exchange|response|addition|connection|charge|favou?r|front|spite|terms|search|hono?r|memory|place|lieu|light|view|case|need|touch|line|protest|support|return)|(?:in|as) (?:an? |the |its |their |his |her )?(?:attempt|effort|bid|order|move|push|part|way|means))$/iu;

/** A phrase of place or time ending a sentence, with no verb or clause in it ("… in southern France"). */
export const TRAILING_PHRASE =
  /\s(?:in|at|near|outside|inside|across|throughout|during|since)\s(?:(?!(?:in|at|on|near|from|for|to|that|which|who|when|where|but|is|are|was|were|has|have|had)\s)[^\s,;:()"“”]+\s){0,6}[^\s,;:()"“”]+$/iu;
