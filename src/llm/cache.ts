/**
 * A small in-memory LRU for LLM results, keyed by (prompt version, model, request, evidence hash).
 * Injectable: anything with get/set fits (e.g. a Redis-backed cache in a multi-process deployment).
 */
import { createHash } from "node:crypto";

export interface ResultCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
}

/** Least-recently-used map with a fixed number of entries (Map keeps insertion order). */
export class LruCache<V> implements ResultCache<V> {
  readonly #max: number;
  readonly #map = new Map<string, V>();

  constructor(maxEntries = 500) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError("maxEntries must be ≥ 1");
    this.#max = maxEntries;
  }

  get size(): number {
    return this.#map.size;
  }

  get(key: string): V | undefined {
    const v = this.#map.get(key);
    if (v === undefined) return undefined;
    this.#map.delete(key);
    this.#map.set(key, v);
    return v;
  }

  set(key: string, value: V): void {
    this.#map.delete(key);
    this.#map.set(key, value);
    while (this.#map.size > this.#max) {
      const oldest = this.#map.keys().next();
      if (oldest.done) break;
      this.#map.delete(oldest.value);
    }
  }
}

/** sha256 of a JSON value (stable for the plain objects we hash: same construction order). */
export function hashJson(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex");
}
