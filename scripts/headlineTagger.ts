/**
 * The headline checker's own reading of a headline's words (scripts/headlineChecks.ts): wink-nlp and its
 * English lite model, called here rather than through the engine's src/text/tagger.ts, so that the
 * measure shares none of the engine's reading of a sentence, only the library.
 */

import { createRequire } from "node:module";
import type WinkNLP from "wink-nlp";

/** A headline's tokens, their parts of speech (Universal tags) and where each starts in the text. */
export interface Tagged {
  value: string[];
  pos: string[];
  start: number[];
}

let nlp: ReturnType<typeof WinkNLP> | null = null;
const read = new Map<string, Tagged>();

/** A headline's tokens and parts of speech (remembered: the checker reads a headline several times). */
export function tag(text: string): Tagged {
  const known = read.get(text);
  if (known) return known;
  if (!nlp) {
    const require = createRequire(import.meta.url);
    const winkNLP = require("wink-nlp") as typeof WinkNLP;
    nlp = winkNLP(require("wink-eng-lite-web-model") as Parameters<typeof WinkNLP>[0], ["pos"]);
  }
  const tokens = nlp.readDoc(text).tokens();
  const value = tokens.out(nlp.its.value) as string[];
  const pos = tokens.out(nlp.its.pos) as string[];
  const spaces = tokens.out(nlp.its.precedingSpaces) as string[];
  // Each token starts where the one before it ended, after the spaces before it.
  const start: number[] = [];
  let end = 0;
  value.forEach((v, i) => {
    start.push(end + spaces[i]!.length);
    end = start[i]! + v.length;
  });
  const tagged = { value, pos, start };
  if (read.size > 5000) read.clear();
  read.set(text, tagged);
  return tagged;
}
