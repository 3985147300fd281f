/**
 * The grammar around a figure: the verb it belongs to ("ban 317,377 users" vs "deliver the names of
 * 335,435 users") and the thing a distance locates ("the epicenter … 70 km southeast of Istanbul" vs
 * "the Izmit Refinery, about 110 km southeast"). Found with a part-of-speech tagger (wink-nlp and its
 * English lite model; src/text/tagger.ts), run only on sentences whose figures are already
 * candidates for a disagreement (a few per briefing): about 0.2 ms a sentence; the model costs about
 * 240 ms and 30 MB once per process.
 */

import { canonicalWordStem } from "../../text/synonyms.ts";
import { type Tagged, tag } from "../../text/tagger.ts";

/** Verbs that report or frame a figure rather than say what it counts. */
const FRAMING = new Set([
  "say",
  "tell",
  "report",
  "announce",
  "add",
  "state",
  "confirm",
  "claim",
  "show",
  "find",
  "estimate",
  "believe",
  "think",
  "accord",
  "put",
  "give",
  "quote",
  "cite",
  "include",
  "reach",
  "total",
  "number",
]);
const CLAUSE_END = /^(,|;|:|\(|\)|--|_|—|–)$/;
/** Words that open a clause of their own before a figure ("said that 62 percent", "where 20 states"). */
const CLAUSE_OPENER = new Set(["that", "which", "who", "where", "when", "while", "because", "as"]);

function tokenAt(t: Tagged, offset: number): number {
  let found = -1;
  for (let i = 0; i < t.start.length; i++) {
    if (t.start[i]! < 0) continue;
    if (t.start[i]! <= offset) found = i;
    else break;
  }
  return found;
}

/**
 * The verb a figure at `offset` belongs to, as a canonical stem of its lemma: the nearest verb before
 * it in its clause ("to veto 38 spending items", "has arrested more than 500"), else the first after
 * its noun phrase ("15 armed groups … have made peace", "20 states that sued"). Null when neither is
 * found or the verb only frames the figure ("said", "found").
 */
export function governingVerb(text: string, offset: number): string | null {
  const t = tag(text);
  const at = tokenAt(t, offset);
  if (at < 0) return null;
  for (let i = at - 1, n = 0; i >= 0 && n < 10; i--, n++) {
    const pos = t.pos[i]!;
    const w = t.value[i]!.toLowerCase();
    if (CLAUSE_END.test(w) || pos === "SCONJ" || pos === "CCONJ") break;
    if (CLAUSE_OPENER.has(w) && pos !== "ADP") break;
    if (pos === "VERB") return FRAMING.has(t.lemma[i]!) ? null : canonicalWordStem(t.lemma[i]!);
    // A gerund the tagger reads as a noun ("accused … of spending £10,000").
    if (pos === "NOUN" && /ing$/i.test(w) && w.length > 5) return canonicalWordStem(w);
  }
  // The figure's noun phrase, then the first verb of its clause.
  let i = at + 1;
  while (i < t.pos.length && /^(NUM|NOUN|PROPN|ADJ|SYM)$/.test(t.pos[i]!)) i++;
  for (let n = 0; i < t.pos.length && n < 8; i++, n++) {
    const pos = t.pos[i]!;
    const w = t.value[i]!.toLowerCase();
    if (CLAUSE_END.test(w) || pos === "CCONJ" || pos === "PUNCT") break;
    if (pos === "VERB") return FRAMING.has(t.lemma[i]!) ? null : canonicalWordStem(t.lemma[i]!);
  }
  return null;
}

/**
 * What a distance locates ("Izmit, about 55 miles east of Istanbul" → izmit; "The epicenter is located
 * at about 70 kilometers" → epicent): the nearest noun before the figure, within a few words.
 */
export function locatedThing(text: string, offset: number): string | null {
  const t = tag(text);
  const at = tokenAt(t, offset);
  for (let i = at - 1, n = 0; i >= 0 && n < 6; i--, n++) {
    const pos = t.pos[i]!;
    if (pos === "NOUN" || pos === "PROPN") return canonicalWordStem(t.lemma[i]!);
    if (pos === "VERB" && !/^(locate|lie|situate|base|center|centre)$/.test(t.lemma[i]!)) return null;
  }
  return null;
}
