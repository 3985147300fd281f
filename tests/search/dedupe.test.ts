/**
 * Sentence de-duplication in linear time (src/search/dedupe.ts) gives exactly what the scan of every
 * earlier sentence gave, on articles full of exact repeats, near repeats, decks contained in longer
 * sentences, and sentences that share common words without being repeats.
 */
import { describe, expect, it } from "vitest";
import { dedupeSentences } from "../../src/search/dedupe.ts";
import { termStems } from "../../src/search/index.ts";
import { nearIdentical } from "../../src/text/similarity.ts";

/** The quadratic rule it replaces, written out as it was in CorpusIndex.sentences(). */
function scan(texts: string[]): { text: string; stems: Set<string> }[] {
  const out: { text: string; stems: Set<string> }[] = [];
  for (const t of texts) {
    const stems = new Set(termStems(t));
    const dup = out.find((o) => o.text === t || (stems.size >= 5 && nearIdentical(o.stems, stems)));
    if (dup) {
      if (t.length > dup.text.length) {
        dup.text = t;
        dup.stems = stems;
      }
      continue;
    }
    out.push({ text: t, stems });
  }
  return out;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const VOCAB = (
  "council harbour bridge repairs budget minister election voters railway station reservoir drought " +
  "orchard farmers prices market hospital nurses strike wages school teachers library museum police " +
  "court judge appeal football league striker coach season storm flooding river tunnel airport"
).split(" ");

/** A large vocabulary with a few very common words (as real text): the candidate-index path. */
const WIDE = Array.from({ length: 3000 }, (_, i) => (i < 36 ? VOCAB[i]! : `w${i.toString(36)}x`));

/** An article's sentences: fresh ones, exact repeats, repeats with a word changed, dropped or added. */
function article(seed: number, n: number, vocab: string[] = VOCAB): string[] {
  const rand = rng(seed);
  // Zipf-like: word i drawn with probability ~ 1/(i+1).
  const word = () => vocab[Math.min(vocab.length - 1, Math.floor(vocab.length ** rand()) - 1)]!;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (out.length > 0 && r < 0.45) {
      const base = out[Math.floor(rand() * out.length)]!.replace(/\.$/, "").split(" ");
      const kind = Math.floor(rand() * 4);
      if (kind === 1) base[Math.floor(rand() * base.length)] = word();
      if (kind === 2 && base.length > 3) base.splice(Math.floor(rand() * base.length), 1);
      if (kind === 3) for (let k = 0; k < 1 + Math.floor(rand() * 6); k++) base.push(word());
      out.push(`${base.join(" ")}.`);
    } else {
      const len = 2 + Math.floor(rand() * 14);
      out.push(`${Array.from({ length: len }, word).join(" ")} ${i}.`);
    }
  }
  return out;
}

describe("dedupeSentences", () => {
  it("keeps exactly what the scan of every earlier sentence kept, in the same order and wording", () => {
    let merged = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const texts = article(seed, 20 + (seed % 7) * 30);
      const want = scan(texts);
      const got = dedupeSentences(texts, termStems);
      expect(got).toEqual(want);
      merged += texts.length - want.length;
    }
    expect(merged).toBeGreaterThan(500); // the articles did hold repeats of every kind
  });

  it("is exact on a wide vocabulary too (candidates found through the stem index)", () => {
    let merged = 0;
    for (let seed = 100; seed <= 130; seed++) {
      const texts = article(seed, 300 + seed * 3, WIDE);
      const want = scan(texts);
      expect(dedupeSentences(texts, termStems)).toEqual(want);
      merged += texts.length - want.length;
    }
    expect(merged).toBeGreaterThan(1000);
  });
});
