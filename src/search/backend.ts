/**
 * The search backend: what retrieval needs from an index of articles, so the in-memory index is one
 * implementation among others (a distributed engine such as OpenSearch could be another; see
 * src/search/README.md). Documents are numbered by the caller (consecutive from 0, never reused);
 * terms are already tokenised (our stems, src/search/index.ts termStems).
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

export interface SearchBackend {
  /** Documents currently searchable (added and not removed). */
  readonly live: number;
  /** Adds document `doc` (the next number) with its title and body terms. */
  add(doc: number, title: readonly string[], body: readonly string[]): void;
  /**
   * Removes a document: it is never returned again; a no-op for an unknown or removed one. `title` and
   * `body` are the terms it was added with (an in-memory index updates its frequencies from them).
   */
  remove(doc: number, title: readonly string[], body: readonly string[]): void;
  /** Live documents containing the term. */
  docFreq(term: string): number;
  /** BM25 over the terms (OR), each scaled by its boost; best `limit` documents first (ties: lower doc first). */
  search(terms: readonly WeightedTerm[], limit: number): IndexHit[];
}
