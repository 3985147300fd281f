/**
 * Fragments a headline may be though the tagger finds a finite verb in it (headlineFlaw, phrasing.ts):
 * a participle that modifies a noun read as the verb ("President Ana Ruiz's first proposed budget"), a
 * verb of saying whose reported clause lost its verb ("The mayor said in an editorial", "X said local
 * rowers … that are planning a protest"), an adverb whose verb was cut off ("… and volunteers all
 * bravely", "… who reportedly"). Read on the tagger's parts of speech (src/text/tagger.ts).
 */

import { finiteVerb, type Tagged } from "../text/tagger.ts";

/** A possessive pronoun: what follows it is a noun phrase ("his extended interview"). */
const POSSESSIVE = /^(?:his|her|its|their|our|my|your)$/i;

/**
 * Whether token `i` is a participle in -ed the tagger read as a verb that modifies the noun after it
 * ("in his first extended interview", "the newly elected mayor"): a determiner, a possessive or an
 * adjective before it (past adverbs and adjectives), a noun right after it.
 */
export function modifierParticiple(t: Tagged, i: number): boolean {
  if (t.pos[i] !== "VERB" || !/ed$/i.test(t.value[i]!) || t.pos[i + 1] !== "NOUN") return false;
  let j = i - 1;
  while (j >= 0 && (t.pos[j] === "ADV" || t.pos[j] === "ADJ")) j--;
  return j >= 0 && (t.pos[j] === "DET" || POSSESSIVE.test(t.value[j]!) || t.value[j] === "'s");
}

/** Verbs of saying whose object is a clause, its "that" often left out ("said the plan was …"). */
const SAYING = /^(?:says|said|insists|insisted|argues|argued)$/i;
/** Words of time between a verb of saying and what it reports ("said Tuesday the …"), and "that". */
const SAID_WHEN =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|last|this|next|earlier|later|week|month|year|night|morning|afternoon|evening|that)$/i;
/** Prepositions of a phrase between a verb of saying and what it reports ("said in a statement …"). */
const SAID_WHERE = /^(?:in|on|at|during|after|before|from|through|via)$/i;
/** Words of a noun phrase after such a preposition. */
const IN_PHRASE = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON", "PART"]);
/** Words that open a relative clause. */
const RELATIVE_OPENER = /^(?:who|whom|whose|which|that)$/i;
/** A quotation mark standing as a token. */
const QUOTE_MARK = /^(?:["“”'’]|''|``)$/;

/** The token after phrases of time and place that follow a verb of saying at `i` (SAID_WHEN, SAID_WHERE). */
function afterWhenAndWhere(t: Tagged, i: number): number {
  const n = t.value.length;
  let k = i + 1;
  for (;;) {
    if (k < n && SAID_WHEN.test(t.value[k]!)) k++;
    else if (k + 1 < n && SAID_WHERE.test(t.value[k]!) && IN_PHRASE.has(t.pos[k + 1]!)) {
      k++;
      // The phrase's noun phrase: up to its first noun or name run's end.
      while (k < n && IN_PHRASE.has(t.pos[k]!) && !(t.pos[k] !== "NOUN" && t.pos[k - 1] === "NOUN")) k++;
    } else return k;
  }
}

/**
 * Whether a finite verb (`isVerb`) follows token `from`, not counting the verbs of relative clauses whose
 * subject the relative word is (a verb or an adverb right after "who", "which", "that" after a noun or
 * a mark; a word right after it that the tagger read as a noun is the clause's verb, "who train at …",
 * but after "whose" its noun).
 */
export function mainVerbAfter(
  t: Tagged,
  from: number,
  isVerb = (j: number) => finiteVerb(t, j) && !modifierParticiple(t, j),
): boolean {
  const n = t.value.length;
  let inRelative = false;
  let relativeVerb = false;
  for (let j = from; j < n; j++) {
    const opens =
      RELATIVE_OPENER.test(t.value[j]!) &&
      j > 0 &&
      ["NOUN", "PROPN", "PUNCT"].includes(t.pos[j - 1]!) &&
      ["VERB", "AUX", "ADV", "NOUN"].includes(t.pos[j + 1] ?? "");
    if (opens) {
      inRelative = true;
      relativeVerb = t.pos[j + 1] === "NOUN" && !/^whose$/i.test(t.value[j]!);
      if (relativeVerb) j++;
      continue;
    }
    const verb = isVerb(j);
    // An auxiliary right after the relative clause's participle opens the main verb ("… that were
    // rebuilt don't …").
    if (inRelative && relativeVerb && t.pos[j] === "AUX" && t.pos[j - 1] === "VERB") inRelative = false;
    if (inRelative) {
      if (verb || t.pos[j] === "VERB") relativeVerb = true;
      else if (relativeVerb && t.pos[j] !== "ADV" && t.pos[j] !== "PART") inRelative = false;
      continue;
    }
    if (verb) return true;
  }
  return false;
}

/**
 * Whether a verb of saying reports nothing with a verb of its own: after it (not an attribution after a
 * quotation or a comma), past phrases of time and place and "that", a noun phrase with no finite verb
 * after it but those of relative clauses ("The mayor said the new bridge", "The paper said in an
 * editorial that the council"), or nothing at all after a phrase of place ("The paper said in an
 * editorial on Saturday").
 */
export function reportsNoClause(t: Tagged): boolean {
  const n = t.value.length;
  for (let i = 1; i < n; i++) {
    if (!SAYING.test(t.value[i]!) || !finiteVerb(t, i) || t.pos[i - 1] === "PUNCT") continue;
    if (t.value.slice(0, i).some((v) => QUOTE_MARK.test(v))) continue;
    const k = afterWhenAndWhere(t, i);
    let last = n - 1;
    while (last > k && t.pos[last] === "PUNCT") last--;
    // Only phrases of time after the verb ("said Tuesday") is a whole report of no one's words: not read.
    if (k >= n || t.pos[k] === "PUNCT") {
      if (t.value.slice(i + 1, k).some((v) => SAID_WHERE.test(v))) return true;
      continue;
    }
    if (!["DET", "NOUN", "PROPN", "PRON", "ADJ", "NUM"].includes(t.pos[k]!)) continue;
    if (!mainVerbAfter(t, k + 1)) return true;
  }
  return false;
}

/** A floating quantifier before an adverb, the verb they go with cut off ("… and volunteers all bravely"). */
const QUANTIFIER = /^(?:all|both|each)$/i;
/** Adverbs that stand before a verb, which a text ending on them has lost ("… who reportedly"). */
const BEFORE_VERB = /^(?:reportedly|allegedly|apparently|also|never|already)$/i;

/** Whether a text stops on an adverb whose verb is cut off (QUANTIFIER and an -ly adverb, BEFORE_VERB). */
export function endsBeforeVerb(t: Tagged): boolean {
  let last = t.value.length - 1;
  while (last >= 0 && t.pos[last] === "PUNCT") last--;
  if (last < 2 || t.pos[last] !== "ADV") return false;
  if (BEFORE_VERB.test(t.value[last]!) && t.pos[last - 1] !== "PUNCT") return true;
  return (
    /ly$/i.test(t.value[last]!) &&
    QUANTIFIER.test(t.value[last - 1]!) &&
    t.pos[last - 2] !== "PRON" &&
    t.pos[last - 2] !== "PUNCT"
  );
}

/** Words that open a subordinate clause of time, cause, condition or place whatever the tagger calls them. */
const SUBORDINATOR = /^(?:because|although|though|unless|whereas|while|whilst|when|whenever|where|if)$/i;
/**
 * Words that open a subordinate clause when the tagger reads them as a conjunction ("after the pier
 * fell"); "as" only opening the text or after a comma ("… of Tim Kaine as her pick was greeted …" is
 * the tagger's misreading of a preposition).
 */
const SUBORDINATOR_IF_CONJUNCTION = /^(?:after|before|since|until|till|once|as)$/i;

/**
 * The tokens of the verb groups subordinate clauses hold ("As prices rose in March, …", "… when the pier
 * fell"): from a subordinating word (SUBORDINATOR; SUBORDINATOR_IF_CONJUNCTION only as the tagger's
 * conjunction, not "after the vote") to the end of the first verb group after it, when one follows
 * before the next comma or semicolon (no number or preposition right after it: "since 1992", "because
 * of the storm" open none).
 */
function subordinateVerbs(t: Tagged, isVerb: (j: number) => boolean): Set<number> {
  const n = t.value.length;
  const out = new Set<number>();
  for (let i = 0; i < n; i++) {
    const w = t.value[i]!;
    // Opening the text, the tagger's preposition too ("As prices rose in March, …"), when a comma closes
    // the clause.
    const opening = i === 0 && SUBORDINATOR_IF_CONJUNCTION.test(w);
    const conjunction =
      SUBORDINATOR_IF_CONJUNCTION.test(w) &&
      t.pos[i] === "SCONJ" &&
      (!/^as$/i.test(w) || i === 0 || t.value[i - 1] === ",");
    const opens = SUBORDINATOR.test(w) || conjunction;
    if (!(opens || opening) || t.pos[i + 1] === "NUM" || t.pos[i + 1] === "ADP") continue;
    let j = i + 1;
    while (j < n && !/^[,;:]$/.test(t.value[j]!) && !isVerb(j)) j++;
    if (j >= n || !isVerb(j)) continue;
    const group = new Set<number>();
    // The verb group: the verb, and the auxiliaries, verbs, adverbs and particles right after it.
    while (j < n && (isVerb(j) || ["VERB", "AUX", "ADV", "PART"].includes(t.pos[j]!))) group.add(j++);
    if (!opens && !t.value.slice(j).includes(",")) continue;
    for (const k of group) out.add(k);
  }
  return out;
}

/**
 * Whether a text's finite verbs (`isVerb`) are all a subordinate clause's or a relative clause's, no
 * main clause left ("As prices rose in March, when the mill closed", "Even if you choose not to …"):
 * a fragment, though the tagger finds a verb in it.
 */
export function subordinateOnly(t: Tagged, isVerb: (j: number) => boolean): boolean {
  const held = subordinateVerbs(t, isVerb);
  if (held.size === 0) return false;
  return !mainVerbAfter(t, 0, (j) => !held.has(j) && isVerb(j));
}
