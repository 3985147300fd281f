/**
 * A part-of-speech tagger (wink-nlp and its English lite model), loaded on first use: the disagreement
 * finder's grammar (src/engine/disagreements/grammar.ts), the headline's clause check
 * (src/engine/phrasing.ts) and a question's reading (src/engine/questions.ts: its clause for "don't
 * say", the verb it asks with) call it only on the few sentences that need it: about 0.2 ms a sentence; the
 * model costs about 240 ms and 30 MB once per process.
 */

import { createRequire } from "node:module";
import type WinkNLP from "wink-nlp";

export interface Tagged {
  value: string[];
  pos: string[];
  lemma: string[];
  /** Character offset of each token in the text (-1 when it could not be placed). */
  start: number[];
}

let nlp: ReturnType<typeof WinkNLP> | null = null;

/**
 * The tagger and its 5 MB model are required on first use, not imported: most briefings never reach a
 * candidate pair, and a static import cost every command ~150 ms and ~5 MB of bundle at start-up
 * (bench/startup.ts). Both packages are CommonJS, so a synchronous require keeps `tag` synchronous.
 */
function loadTagger(): ReturnType<typeof WinkNLP> {
  const require = createRequire(import.meta.url);
  const winkNLP = require("wink-nlp") as typeof WinkNLP;
  const model = require("wink-eng-lite-web-model") as Parameters<typeof WinkNLP>[0];
  return winkNLP(model, ["pos"]);
}
/** Whether the tagger has been loaded in this process (tests: a briefing that needs no grammar never loads it). */
export function taggerLoaded(): boolean {
  return nlp !== null;
}
const cache = new Map<string, Tagged>();
const CACHE_MAX = 4000;

/** Tokens, parts of speech and lemmas of a sentence (cached: the same sentences meet many pairs). */
export function tag(text: string): Tagged {
  const hit = cache.get(text);
  if (hit) return hit;
  nlp ??= loadTagger();
  const doc = nlp.readDoc(text);
  const toks = doc.tokens();
  const value = toks.out(nlp.its.value) as string[];
  const pos = toks.out(nlp.its.pos) as string[];
  // The model's lemma function takes the model's add-ons; wink's types declare it apart from ItsFunction.
  const lemma = (toks.out(nlp.its.lemma as unknown as typeof nlp.its.value) as string[]).map((l) =>
    l.toLowerCase(),
  );
  const start: number[] = [];
  let at = 0;
  for (const v of value) {
    const i = text.indexOf(v, at);
    start.push(i);
    if (i >= 0) at = i + v.length;
  }
  const t = { value, pos, lemma, start };
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(text, t);
  return t;
}

/** Whether token `i` is a verb that can head a clause: an auxiliary, or a verb that is no -ing participle. */
export function finiteVerb(t: Tagged, i: number): boolean {
  const p = t.pos[i];
  return p === "AUX" || (p === "VERB" && !/ing$/i.test(t.value[i]!));
}
