/**
 * What the store compares articles by: identity fields (the same feed item seen again), an exact-text
 * hash and MinHash bands (an identical or near-identical text from the same publisher), and a content
 * hash (did an item's title or text change). All computed in the process, so the Lua scripts only
 * compare strings.
 */
import { createHash } from "node:crypto";
import { normalizeText, shingles } from "../src/text/similarity.ts";

/** MinHash: 10 bands of 3 rows. Two texts with shingle Jaccard 0.8 share a band with probability 0.9992,
 * at 0.5 with 0.74, at 0.3 with 0.24, at 0.1 with 0.01; every candidate is then checked exactly. */
export const BANDS = 10;
export const ROWS = 3;

export function sha(text: string, hexChars = 20): string {
  return createHash("sha1").update(text).digest("hex").slice(0, hexChars);
}

/** `g:` the feed item's guid within its source; `u:` its canonical URL (fragment dropped). In precedence order. */
export function identityFields(item: {
  sourceId: string | null;
  guid: string | null;
  url: string | null;
}): string[] {
  const out: string[] = [];
  const guid = item.guid?.trim();
  if (guid) out.push(`g:${sha(`${item.sourceId ?? ""}\n${guid}`)}`);
  const url = canonicalUrl(item.url);
  if (url) out.push(`u:${sha(url)}`);
  return out;
}

/** The URL as an identity: parsed (host lower-cased, default port dropped), fragment removed. */
export function canonicalUrl(url: string | null | undefined): string | null {
  if (!url?.trim()) return null;
  try {
    const u = new URL(url.trim());
    u.hash = "";
    return u.toString();
  } catch {
    return url.trim();
  }
}

/** The shingles duplicate detection compares (the same as `ingest`'s: word 4-grams of the body). */
export function bodyShingles(paragraphs: readonly string[]): Set<number> {
  return shingles(paragraphs.join("\n"));
}

/** Did the title or text change (what makes a re-seen item "updated"). */
export function contentHash(title: string, paragraphs: readonly string[]): string {
  return sha(JSON.stringify([title, paragraphs]), 24);
}

/** Dedupe fields of a text within a publisher: `x:` its exact (normalised) words, `n:` one per MinHash band. */
export function dedupeFields(
  publisherKey: string,
  paragraphs: readonly string[],
  prints: Set<number>,
): string[] {
  const ph = sha(publisherKey, 10);
  const out = [`x:${ph}:${sha(normalizeText(paragraphs.join("\n")))}`];
  if (prints.size === 0) return out;
  const mins = minhash(prints);
  for (let b = 0; b < BANDS; b++) {
    const row = mins.slice(b * ROWS, (b + 1) * ROWS).map((m) => m.toString(36));
    out.push(`n:${ph}:${b}:${row.join(",")}`);
  }
  return out;
}

const SEEDS: number[] = (() => {
  // Fixed, well-mixed 32-bit seeds (splitmix-style), the same in every process.
  const out: number[] = [];
  let s = 0x9e3779b9;
  for (let i = 0; i < BANDS * ROWS; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    out.push(mix(s));
  }
  return out;
})();

/** murmur3's 32-bit finaliser: a cheap, well-distributed permutation of 32-bit integers. */
function mix(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** One minimum per hash function over the shingles. */
export function minhash(prints: Set<number>): number[] {
  const mins = new Array<number>(SEEDS.length).fill(0xffffffff);
  for (const p of prints) {
    for (let i = 0; i < SEEDS.length; i++) {
      const h = mix(p ^ SEEDS[i]!);
      if (h < mins[i]!) mins[i] = h;
    }
  }
  return mins;
}
