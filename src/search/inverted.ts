/**
 * A compact inverted index with BM25 scoring over pre-tokenised articles (title terms count double).
 *
 * Why not MiniSearch: measured in bench/core.ts on the same stems, MiniSearch builds its index at
 * about 1,800 articles/s on this machine (a radix tree and a Map per term and field) and holds
 * ~1 GB for the 89,000-article corpus; this index stores each term's postings as one flat number
 * array and builds many times faster, which is what the 2,000 articles/s loading target needs.
 *
 * Live: removal marks the document dead (skipped by search, subtracted from document frequencies and
 * the average length at once); a term's dead postings are dropped the next time a search reads it
 * and finds them to be a quarter or more of the list, so no rebuild ever stops the world.
 */
import type { IndexHit, SearchBackend, WeightedTerm } from "./backend.ts";

export type { IndexHit, WeightedTerm };

const K1 = 1.2;
const B = 0.75;
const TITLE_WEIGHT = 2;

export class InvertedIndex implements SearchBackend {
  /** term → flat [doc, tf, doc, tf, ...] in ascending doc order. */
  private readonly postings = new Map<string, number[]>();
  /** term → live documents containing it. */
  private readonly df = new Map<string, number>();
  /** term → dead postings still in its list. */
  private readonly dead = new Map<string, number>();
  /** Length per document; -1 once removed (and -2 for a number never added). */
  private readonly lengths: number[] = [];
  private totalLength = 0;
  private liveDocs = 0;

  get size(): number {
    return this.lengths.length;
  }

  get live(): number {
    return this.liveDocs;
  }

  /** Adds document `doc` (default: the next number). */
  add(title: readonly string[], body: readonly string[]): number;
  add(doc: number, title: readonly string[], body: readonly string[]): void;
  add(a: number | readonly string[], b: readonly string[], c?: readonly string[]): number {
    const doc = typeof a === "number" ? a : this.lengths.length;
    const title = typeof a === "number" ? b : a;
    const body = typeof a === "number" ? (c ?? []) : b;
    if (doc < this.lengths.length) throw new RangeError(`document ${doc} was already added`);
    while (this.lengths.length < doc) {
      this.lengths.push(-2);
    }
    const tf = new Map<string, number>();
    for (const t of title) tf.set(t, (tf.get(t) ?? 0) + TITLE_WEIGHT);
    for (const t of body) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) {
      const p = this.postings.get(t);
      if (p) p.push(doc, n);
      else this.postings.set(t, [doc, n]);
      this.df.set(t, (this.df.get(t) ?? 0) + 1);
    }
    const len = title.length * TITLE_WEIGHT + body.length;
    this.lengths.push(len);
    this.totalLength += len;
    this.liveDocs++;
    return doc;
  }

  remove(doc: number, title: readonly string[], body: readonly string[]): void {
    const len = this.lengths[doc];
    if (len === undefined || len < 0) return;
    this.lengths[doc] = -1;
    this.totalLength -= len;
    this.liveDocs--;
    for (const t of new Set([...title, ...body])) {
      if (!this.postings.has(t)) continue;
      this.df.set(t, (this.df.get(t) ?? 1) - 1);
      this.dead.set(t, (this.dead.get(t) ?? 0) + 1);
    }
  }

  docFreq(term: string): number {
    return this.df.get(term) ?? 0;
  }

  /** The term's postings with dead documents dropped once they are a quarter of the list. */
  private postingsOf(term: string): number[] | undefined {
    const p = this.postings.get(term);
    const dead = this.dead.get(term) ?? 0;
    if (!p || dead * 8 < p.length) return p;
    const kept: number[] = [];
    for (let j = 0; j < p.length; j += 2) if (this.lengths[p[j]!]! >= 0) kept.push(p[j]!, p[j + 1]!);
    this.dead.delete(term);
    if (kept.length === 0) {
      this.postings.delete(term);
      this.df.delete(term);
      return undefined;
    }
    this.postings.set(term, kept);
    return kept;
  }

  /** BM25 over the terms (OR), each scaled by its boost; best `limit` documents first. */
  search(terms: readonly WeightedTerm[], limit: number): IndexHit[] {
    const n = this.liveDocs;
    if (n === 0 || terms.length === 0) return [];
    const avg = this.totalLength / n;
    const scores = new Map<number, IndexHit>();
    terms.slice(0, 31).forEach(({ term, boost }, i) => {
      const p = this.postingsOf(term);
      if (!p) return;
      const df = this.docFreq(term);
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const bit = 1 << i;
      for (let j = 0; j < p.length; j += 2) {
        const doc = p[j]!;
        const len = this.lengths[doc]!;
        if (len < 0) continue;
        const tf = p[j + 1]!;
        const s = (boost * idf * (tf * (K1 + 1))) / (tf + K1 * (1 - B + (B * len) / avg));
        const hit = scores.get(doc);
        if (hit) {
          hit.score += s;
          hit.mask |= bit;
        } else scores.set(doc, { doc, score: s, mask: bit });
      }
    });
    return topHits([...scores.values()], limit);
  }
}

/** The best `limit` hits, best first (ties: lower doc first), without sorting everything. */
export function topHits(all: IndexHit[], limit: number): IndexHit[] {
  if (all.length > limit * 4) {
    // A threshold from a sample, then sort what passes it.
    const sample = all
      .filter((_, i) => i % Math.max(1, Math.floor(all.length / 512)) === 0)
      .map((h) => h.score)
      .sort((a, b) => b - a);
    const cut = sample[Math.min(sample.length - 1, Math.ceil((limit * 2 * sample.length) / all.length))] ?? 0;
    const kept = all.filter((h) => h.score >= cut);
    if (kept.length >= limit) return kept.sort((a, b) => b.score - a.score || a.doc - b.doc).slice(0, limit);
  }
  return all.sort((a, b) => b.score - a.score || a.doc - b.doc).slice(0, limit);
}
