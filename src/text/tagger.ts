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
 * The core model is read by `coreModel` (the same model, without the package loader's copy of it).
 */
function loadTagger(): ReturnType<typeof WinkNLP> {
  const require = createRequire(import.meta.url);
  const winkNLP = require("wink-nlp") as typeof WinkNLP;
  const model = require("wink-eng-lite-web-model") as Parameters<typeof WinkNLP>[0];
  const core = coreModel(require);
  return winkNLP(core ? { ...model, core } : model, ["pos"]);
}

/** The model package whose core model `coreModel` knows how to read. */
const CORE_MODEL_VERSION = "1.8.1";

interface ModelFeature {
  list: string[];
  hash?: Record<string, number>;
  intrinsicSize?: number;
  index?: number;
  maxIndex?: number;
}
interface CoreModelJson {
  packing: { layout: Record<string, number[]>; efList?: string[] };
  features: Record<string, ModelFeature> & { lexeme: ModelFeature; posClusters: { list: unknown[] } };
  pos: { hash: Record<string, number> };
  lexicon: string | Uint32Array;
  xpansions: string | Uint32Array;
}

/**
 * The core model as wink-eng-lite-web-model 1.8.1's own loader (dist/read-core-model.js and
 * load-core-model.js) makes it, without its two costs on first use (about half of the tagger's load):
 * it deep-copies the model's parsed JSON (`JSON.parse(JSON.stringify(…))`) and decodes base64 a
 * character at a time. Here the parse its module already made is read where wink changes nothing; what
 * wink writes to (each feature's list and hash, the packing's efList, the decoded lexicon) is this
 * model's own, so the parsed JSON is left as the package's loader finds it. Null for any other version
 * of the package (its own loader is used), or when the file is not where 1.8.1 keeps it.
 * tests/core/taggerModel.test.ts checks the two loaders make the same model.
 */
export function coreModel(require: NodeJS.Require): (() => CoreModelJson) | null {
  try {
    const pkg = require.resolve("wink-eng-lite-web-model/package.json");
    if ((require(pkg) as { version?: string }).version !== CORE_MODEL_VERSION) return null;
    const json = require.resolve("wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json");
    return () => {
      const parsed = require(json) as CoreModelJson;
      const features: Record<string, ModelFeature> = {};
      for (const f in parsed.features)
        features[f] = { ...parsed.features[f]!, list: [...parsed.features[f]!.list] };
      const model = {
        ...parsed,
        packing: { ...parsed.packing },
        features: features as CoreModelJson["features"],
        lexicon: words32(parsed.lexicon as string),
        xpansions: words32(parsed.xpansions as string),
      };
      const { packing, pos } = model;
      for (const f in packing.layout)
        if (packing.layout[f]![3] === 0) features[f]!.hash = indexOf(features[f]!.list);
      model.features.lexeme.hash = indexOf(model.features.lexeme.list);
      const clusters = model.features.posClusters.list;
      for (let k = 0; k < clusters.length; k++)
        clusters[k] = new Set((clusters[k] as string).split("_").map((e) => pos.hash[e] || 0));
      packing.efList = [];
      for (const f in packing.layout) {
        const layout = packing.layout[f]!;
        if (layout[3] === 0) {
          const feature = features[f]!;
          feature.intrinsicSize = feature.list.length;
          feature.index = feature.list.length;
          feature.maxIndex = layout[1]! >>> layout[2]!;
        }
        if (layout[4] === 1) packing.efList.push(f);
      }
      model.features.lexeme.intrinsicSize = model.features.lexeme.list.length;
      model.features.lexeme.index = model.features.lexeme.list.length;
      return model;
    };
  } catch {
    return null;
  }
}

/** Base64 text as 32-bit words, in a buffer of their own. */
function words32(base64: string): Uint32Array {
  const bytes = Buffer.from(base64, "base64");
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** Each string's position in a list (a later repeat wins, as the model's loader has it). */
function indexOf(list: readonly string[]): Record<string, number> {
  const hash: Record<string, number> = Object.create(null);
  for (let k = 0; k < list.length; k++) hash[list[k]!] = k;
  return hash;
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
