/**
 * Every Redis key of the shared store, under the deployment's prefix (SUMMIT_REDIS_PREFIX, "summit").
 * Articles and their change log live under `<prefix>:store:*`, followed sources under `<prefix>:sources*`.
 * store/README.md says what each one holds.
 */
export interface StoreKeys {
  prefix: string;
  /** `<prefix>:store`: the Lua scripts build per-article and per-source key names from it. */
  base: string;
  /** Hash per article: `a` (Article JSON) and what the store keeps beside it. */
  article(id: string): string;
  /** Hash: identity field (`g:` source + guid, `u:` canonical url) → article id. */
  ident: string;
  /** Sorted set: identity field → until when (epoch ms) it stays a tombstone of a removed article. */
  gone: string;
  /** Hash: dedupe field (`x:` exact text, `n:` near-duplicate band, both per publisher) → article ids. */
  dedupe: string;
  /** Sorted set: article id → arrival (epoch ms). */
  arrivals: string;
  /** Set per followed source: the ids of the stored articles it delivered. */
  bySource(sourceId: string): string;
  /** Stream: the change log (`op` add|update|remove, `id`). */
  log: string;
  /** String: the id of the log's first entry ever; a new value means the store was lost and started again. */
  epoch: string;
  /** String: set once the SUMMIT_CORPUS folder was imported (or skipped because the store had articles). */
  imported: string;
  importLock: string;
  retentionLock: string;
  /** Hash: source id → SourceState JSON. */
  sources: string;
  /** Hash: normalised feed (and site) URL → source id. */
  sourceUrls: string;
  /** Per source: held while one process polls it. */
  pollLock(sourceId: string): string;
}

export function storeKeys(prefix: string): StoreKeys {
  const base = `${prefix}:store`;
  return {
    prefix,
    base,
    article: (id) => `${base}:art:${id}`,
    ident: `${base}:ident`,
    gone: `${base}:gone`,
    dedupe: `${base}:dedupe`,
    arrivals: `${base}:arrivals`,
    bySource: (sourceId) => `${base}:src:${sourceId}`,
    log: `${base}:log`,
    epoch: `${base}:epoch`,
    imported: `${base}:imported`,
    importLock: `${base}:lock:import`,
    retentionLock: `${base}:lock:retention`,
    sources: `${prefix}:sources`,
    sourceUrls: `${prefix}:sources:urls`,
    pollLock: (sourceId) => `${prefix}:sources:lock:${sourceId}`,
  };
}
