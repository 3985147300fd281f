/**
 * Text similarity used for merging near-identical sentences, checking citations, and recognising an
 * article the corpus already has (word shingles + Jaccard).
 */
import { contentStems, words } from "./tokens.ts";

/** Lower-cased words joined by single spaces: punctuation, quotes and case differences removed. */
export function normalizeText(text: string): string {
  return words(text).join(" ");
}

/**
 * Lower-cased, every run of characters other than letters and digits one space, trimmed ("Tolleson,
 * Ariz. — a" → "tolleson ariz a"): for comparing wordings whatever their punctuation (contractions kept
 * whole, unlike normalizeText).
 */
export function foldedText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The set of content stems of a text. */
export function stemSet(text: string): Set<string> {
  return new Set(contentStems(text));
}

export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/** |a ∩ b| / min(|a|, |b|): high when one text is contained in the other. */
export function containment<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  const min = Math.min(a.size, b.size);
  if (min === 0) return 0;
  let inter = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) inter++;
  return inter / min;
}

/**
 * Two sentences say the same thing nearly word for word: most content stems shared both ways.
 * The one rule behind merging points and checking that a cited source supports a point.
 */
export function nearIdentical(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size < 3 || b.size < 3) return a.size === b.size && jaccard(a, b) === 1;
  // Same rule as jaccard(a, b) >= 0.7 || (containment(a, b) >= 0.9 && min size >= 6), in one pass over
  // the smaller set that stops as soon as neither threshold can be reached (most pairs differ early).
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const n = small.size;
  // jaccard >= 0.7  ⇔  inter >= 0.7 (|a| + |b|) / 1.7;  containment >= 0.9  ⇔  inter >= 0.9 n.
  const needJaccard = (0.7 * (a.size + b.size)) / 1.7;
  const needContain = n >= 6 ? 0.9 * n : Number.POSITIVE_INFINITY;
  const need = Math.min(needJaccard, needContain) - 1e-9;
  let inter = 0;
  let left = n;
  for (const x of small) {
    left--;
    if (large.has(x)) inter++;
    else if (inter + left < need) return false;
  }
  return jaccard(a, b) >= 0.7 || (containment(a, b) >= 0.9 && n >= 6);
}

/** Hashed word shingles (k consecutive normalised words) of a text, for duplicate detection. */
export function shingles(text: string, k = 4): Set<number> {
  const ws = words(text);
  const out = new Set<number>();
  if (ws.length < k) {
    if (ws.length > 0) out.add(hash(ws.join(" ")));
    return out;
  }
  for (let i = 0; i + k <= ws.length; i++) out.add(hash(ws.slice(i, i + k).join(" ")));
  return out;
}

/** 32-bit FNV-1a. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
