/**
 * A compact inverted index with BM25 scoring over pre-tokenised articles (title terms count double).
 *
 * Why not MiniSearch: measured in bench/core.ts on the same stems, MiniSearch builds its index at
 * about 1,800 articles/s on this machine (a radix tree and a Map per term and field) and holds
 * ~1 GB for the 89,000-article corpus; this index stores each term's postings as one flat number
 * array and builds many times faster, which is what the 2,000 articles/s loading target needs.
 */

export interface WeightedTerm {
  term: string;
  boost: number;
}

export interface IndexHit {
  doc: number;
  score: number;
  /** Bit i set when query term i matched. */
  mask: number;
}

const K1 = 1.2;
const B = 0.75;
const TITLE_WEIGHT = 2;

export class InvertedIndex {
  /** term → flat [doc, tf, doc, tf, ...] in ascending doc order. */
  private readonly postings = new Map<string, number[]>();
  private readonly lengths: number[] = [];
  private totalLength = 0;

  get size(): number {
    return this.lengths.length;
  }

  /** Adds the next document (ids are consecutive from 0). */
  add(title: readonly string[], body: readonly string[]): number {
    const doc = this.lengths.length;
    const tf = new Map<string, number>();
    for (const t of title) tf.set(t, (tf.get(t) ?? 0) + TITLE_WEIGHT);
    for (const t of body) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) {
      const p = this.postings.get(t);
      if (p) p.push(doc, n);
      else this.postings.set(t, [doc, n]);
    }
    const len = title.length * TITLE_WEIGHT + body.length;
    this.lengths.push(len);
    this.totalLength += len;
    return doc;
  }

  docFreq(term: string): number {
    return (this.postings.get(term)?.length ?? 0) / 2;
  }

  /** BM25 over the terms (OR), each scaled by its boost; best `limit` documents first. */
  search(terms: readonly WeightedTerm[], limit: number): IndexHit[] {
    const n = this.lengths.length;
    if (n === 0 || terms.length === 0) return [];
    const avg = this.totalLength / n;
    const scores = new Map<number, IndexHit>();
    terms.slice(0, 31).forEach(({ term, boost }, i) => {
      const p = this.postings.get(term);
      if (!p) return;
      const df = p.length / 2;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const bit = 1 << i;
      for (let j = 0; j < p.length; j += 2) {
        const doc = p[j]!;
        const tf = p[j + 1]!;
        const s = (boost * idf * (tf * (K1 + 1))) / (tf + K1 * (1 - B + (B * this.lengths[doc]!) / avg));
        const hit = scores.get(doc);
        if (hit) {
          hit.score += s;
          hit.mask |= bit;
        } else scores.set(doc, { doc, score: s, mask: bit });
      }
    });
    const all = [...scores.values()];
    if (all.length > limit * 4) {
      // Keep the best `limit` without sorting everything: a threshold from a sample, then sort.
      const sample = all
        .filter((_, i) => i % Math.max(1, Math.floor(all.length / 512)) === 0)
        .map((h) => h.score)
        .sort((a, b) => b - a);
      const cut =
        sample[Math.min(sample.length - 1, Math.ceil((limit * 2 * sample.length) / all.length))] ?? 0;
      const kept = all.filter((h) => h.score >= cut);
      if (kept.length >= limit)
        return kept.sort((a, b) => b.score - a.score || a.doc - b.doc).slice(0, limit);
    }
    return all.sort((a, b) => b.score - a.score || a.doc - b.doc).slice(0, limit);
  }
}
