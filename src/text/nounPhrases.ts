/**
 * Noun phrases in tagged text (src/text/tagger.ts): where one opens and where it ends, with its
 * possessives, phrases of a preposition and relative clauses ("the officer who died", "the president of
 * the club", "the city's oldest bakery"). Read by the question-as-a-clause code (src/engine/questions.ts)
 * to find a question's subject.
 */
import type { Tagged } from "./tagger.ts";
import { isNoun } from "./wordnet.ts";

/**
 * Tokens joined by a hyphen with no space ("three-digit", "most-searched") made one, with the part of
 * speech of the last (a participle an adjective).
 */
export function joinHyphens(t: Tagged, text: string): Tagged {
  const out: Tagged = { value: [], pos: [], lemma: [], start: [] };
  for (let i = 0; i < t.value.length; i++) {
    const k = out.value.length - 1;
    if (
      t.value[i] === "-" &&
      k >= 0 &&
      i + 1 < t.value.length &&
      t.start[i] === out.start[k]! + out.value[k]!.length &&
      t.start[i + 1] === t.start[i]! + 1
    ) {
      out.value[k] = text.slice(out.start[k]!, t.start[i + 1]! + t.value[i + 1]!.length);
      out.pos[k] = /^(VERB|ADP|ADV|PART)$/.test(t.pos[i + 1]!) ? "ADJ" : t.pos[i + 1]!;
      out.lemma[k] = out.value[k]!.toLowerCase();
      i++;
      continue;
    }
    out.value.push(t.value[i]!);
    out.pos.push(t.pos[i]!);
    out.lemma.push(t.lemma[i]!);
    out.start.push(t.start[i]!);
  }
  return out;
}

/** Subject pronouns and words standing for a noun phrase alone. */
const SUBJECT_PRONOUN =
  /^(i|you|he|she|it|we|they|there|this|that|these|those|someone|anyone|everyone|anything|something|everything|nobody|one)$/i;
const POSSESSIVE_PRONOUN = /^(my|your|his|her|its|our|their)$/i;
const RELATIVE_PRONOUN = /^(who|whom|whose|that|which|where)$/i;
/** Lower-case words inside a person's name ("da", "van der", "bin", "al"). */
const NAME_PARTICLE = /^(da|de|del|della|der|den|di|du|la|le|van|von|ter|ten|bin|bint|ibn|al|el|zu)$/;

/** Whether a noun phrase opens at token `i` (a determiner, noun, name, pronoun, or an adjective before a noun). */
export function startsNounPhrase(t: Tagged, i: number, e: number): boolean {
  if (i >= e) return false;
  const p = t.pos[i]!;
  const w = t.value[i]!;
  if (p === "PRON") return SUBJECT_PRONOUN.test(w) || POSSESSIVE_PRONOUN.test(w);
  if (p === "DET") return !/^(which|what|whose|no)$/i.test(w);
  if (p === "NOUN" || p === "PROPN" || p === "NUM") return true;
  if (p === "ADJ") return startsNounPhrase(t, i + 1, e) && t.pos[i + 1] !== "PRON";
  // "very old houses"; not "now the richest man" (an adverb before the predicate).
  if (p === "ADV") return /^(ADJ|ADV)$/.test(t.pos[i + 1] ?? "") && startsNounPhrase(t, i + 1, e);
  return false;
}

/**
 * Where the noun phrase opening at token `i` ends (exclusive), or -1: determiners, adjectives, nouns
 * and names, a possessive ("the city's oldest bakery"), phrases of a preposition ("the president of the
 * club"; their starts are pushed on `pp` when given) and a relative clause ("the officer who died", "the
 * woman who found the ring"), up to a verb or a word that can't continue it.
 */
export function nounPhraseEnd(t: Tagged, i: number, e: number, pp?: number[]): number {
  const p = (k: number) => t.pos[k]!;
  const w = (k: number) => t.value[k]!.toLowerCase();
  if (i >= e) return -1;
  if (p(i) === "PRON" && SUBJECT_PRONOUN.test(w(i))) return i + 1;
  const start = i;
  let head = false;
  let any = false;
  // Whether a determiner or modifier opened the current noun (a second determiner ends the phrase).
  let opened = false;
  while (i < e) {
    const pos = p(i);
    if (!head) {
      // A noun the tagger read otherwise after a determiner, ending the phrase ("from the well").
      const misread =
        i > start &&
        (/^(DET|ADJ|ADV)$/.test(p(i - 1)) || POSSESSIVE_PRONOUN.test(w(i - 1))) &&
        /^(ADV|ADJ|VERB)$/.test(pos) &&
        (i + 1 >= e ||
          /^(ADP|PUNCT|AUX)$/.test(p(i + 1)) ||
          (p(i + 1) === "VERB" && !(i + 2 < e && /^(NOUN|PROPN|ADJ)$/.test(p(i + 2))))) &&
        isNoun(w(i));
      // One determiner ("all the", "both the": two), before the modifiers.
      const det =
        (!opened || (i > start && /^(all|both|half)$/.test(w(i - 1)))) &&
        ((pos === "DET" && !/^(which|what|whose)$/.test(w(i))) ||
          (pos === "PRON" && POSSESSIVE_PRONOUN.test(w(i))));
      const modifier =
        pos === "NUM" ||
        // Quotation marks around a word of the phrase ("the “germiest” place").
        (pos === "PUNCT" && /^[“”"]$/.test(t.value[i]!) && i + 1 < e) ||
        // "the only British player", "the very man".
        (pos === "ADV" && i > start && p(i - 1) === "DET" && /^(NOUN|PROPN|ADJ)$/.test(p(i + 1) ?? "")) ||
        pos === "ADJ" ||
        (pos === "SYM" && i + 1 < e && p(i + 1) === "NUM") ||
        (pos === "ADV" &&
          i + 1 < e &&
          (/^(ADJ|ADV|NUM)$/.test(p(i + 1)) ||
            (p(i + 1) === "VERB" && i + 2 < e && /^(NOUN|PROPN|ADJ)$/.test(p(i + 2))))) ||
        // "the stolen paintings", "ousted President X": a participle before a noun describes it.
        (pos === "VERB" &&
          (i > start || /(ed|en)$/i.test(w(i))) &&
          i + 1 < e &&
          /^(NOUN|PROPN|ADJ)$/.test(p(i + 1)));
      if ((det || modifier) && !misread) {
        opened = true;
        i++;
        continue;
      }
      if (pos === "NOUN" || pos === "PROPN" || misread) {
        head = true;
        any = true;
        i++;
        continue;
      }
      // A number alone ("the 12 were rescued") or a possessive's noun left out.
      if (any || (i > start && p(i - 1) === "NUM")) return i;
      return -1;
    }
    if (pos === "NOUN" || pos === "PROPN" || pos === "NUM") {
      i++;
      continue;
    }
    // A name's lower-case particle between its capitalised words ("Leonardo da Vinci", "Jan van der Berg").
    if (p(i - 1) === "PROPN" && NAME_PARTICLE.test(t.value[i]!)) {
      let j = i;
      while (j < e && NAME_PARTICLE.test(t.value[j]!)) j++;
      if (j < e && p(j) === "PROPN") {
        i = j;
        continue;
      }
    }
    // A possessive: "the city's", "the dockers'"; its noun follows.
    if (/^['’]s?$/.test(t.value[i]!) && (pos === "PART" || pos === "PUNCT")) {
      head = false;
      opened = true;
      i++;
      continue;
    }
    // "bike sharing start": an -ing noun before the verb.
    if (pos === "VERB" && /ing$/i.test(w(i)) && i + 1 < e && p(i + 1) === "VERB") {
      i++;
      continue;
    }
    // An adjective before another noun: "the three-digit mental health line".
    if (pos === "ADJ" && i + 1 < e && /^(NOUN|PROPN)$/.test(p(i + 1))) {
      head = false;
      i++;
      continue;
    }
    // "campaigner and podcast host X": nouns joined.
    if (pos === "CCONJ" && /^(and|or)$/.test(w(i)) && startsNounPhrase(t, i + 1, e)) {
      const j = nounPhraseEnd(t, i + 1, e);
      if (j < 0) break;
      i = j;
      continue;
    }
    if (pos === "ADP" && !/^(than|like|as)$/.test(w(i))) {
      const j = nounPhraseEnd(t, i + 1, e);
      if (j < 0) break;
      pp?.push(i);
      i = j;
      continue;
    }
    // "the deadline to file your taxes": an infinitive describing the noun.
    if (pos === "PART" && w(i) === "to" && i + 1 < e && p(i + 1) === "VERB") {
      i = relativeEnd(t, i + 1, e);
      continue;
    }
    if (RELATIVE_PRONOUN.test(w(i)) && /^(PRON|DET|ADV|SCONJ)$/.test(pos)) {
      const j = relativeEnd(t, i + 1, e);
      if (j < 0) return -1;
      i = j;
      continue;
    }
    // "the novel he wrote": a relative clause with no pronoun, its subject a pronoun.
    if (
      pos === "PRON" &&
      /^(i|you|he|she|we|they)$/.test(w(i)) &&
      i + 1 < e &&
      /^(VERB|AUX)$/.test(p(i + 1))
    ) {
      const j = relativeEnd(t, i, e);
      if (j < 0) break;
      i = j;
      continue;
    }
    // ", who has died aged 40,": a relative clause between commas, to the closing comma.
    if (w(i) === "," && i + 1 < e && RELATIVE_PRONOUN.test(w(i + 1))) {
      let j = i + 2;
      while (j < e && w(j) !== ",") j++;
      if (j >= e) break;
      i = j + 1;
      continue;
    }
    break;
  }
  return any ? i : -1;
}

/** Where a relative clause after its pronoun ends: its subject, verb and complements, up to the next verb. */
function relativeEnd(t: Tagged, i: number, e: number): number {
  const p = (k: number) => t.pos[k]!;
  // "that the woman found": an object relative has its own subject.
  const pastRead = (k: number) => p(k) === "NOUN" && /ed$/i.test(t.value[k]!);
  if (startsNounPhrase(t, i, e) && !pastRead(i)) {
    const j = nounPhraseEnd(t, i, e);
    if (j < 0) return -1;
    i = j;
  }
  while (i < e && /^(AUX|PART|ADV)$/.test(p(i))) i++;
  // (A past form the tagger read as a noun is the verb: "who rescued the dog".)
  const verb = i < e && (/^(VERB|ADJ)$/.test(p(i)) || pastRead(i));
  if (!verb) {
    // "who was 12", "who was in the car": a copula's complement.
    if (i > 0 && p(i - 1) === "AUX" && i < e) {
      const j = p(i) === "ADP" ? nounPhraseEnd(t, i + 1, e) : nounPhraseEnd(t, i, e);
      return j;
    }
    return -1;
  }
  i++;
  while (i < e) {
    const pos = p(i);
    if (pos === "VERB" || pos === "AUX") break;
    if (pos === "ADP" || pos === "PART") {
      const j = nounPhraseEnd(t, i + 1, e);
      // (A preposition ending the question is the main clause's: "where is the man who … from".)
      if (j < 0 && i + 1 >= e) break;
      i = j < 0 ? i + 1 : j;
      continue;
    }
    if (pos === "ADV") {
      i++;
      continue;
    }
    if (startsNounPhrase(t, i, e)) {
      const j = nounPhraseEnd(t, i, e);
      if (j < 0) break;
      i = j;
      continue;
    }
    break;
  }
  return i;
}
