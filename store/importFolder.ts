/**
 * First start: when the store is empty, the SUMMIT_CORPUS folder (default seeds/) is imported once.
 * Processes starting together take a Redis lock; the one that gets it imports and leaves a marker, the
 * others wait for the marker (up to `waitMs`) and import nothing. A store that already holds articles is
 * never imported into (the marker then says so), and the marker stays, so a store emptied later by
 * retention does not get the folder back.
 */
import type { Logger } from "pino";
import { RedisLock } from "../queue/lock.ts";
import type { Redis } from "../queue/redis.ts";
import { loadCorpus } from "../src/corpus/load.ts";
import type { Clock } from "../src/model.ts";
import { type ArticleStore, StoreBusyError } from "./articles.ts";

export interface ImportResult {
  /** True only in the process that imported. */
  imported: boolean;
  /** Why nothing was imported here. */
  reason: "imported" | "already imported" | "store not empty";
  added: number;
  duplicates: number;
}

const CONCURRENCY = 16;

export async function importFolderOnce(
  deps: { articles: ArticleStore; redis: Redis; clock: Clock; log: Logger },
  dir: string,
  opts: { waitMs?: number } = {},
): Promise<ImportResult> {
  const { articles, redis, clock, log } = deps;
  const keys = articles.keys;
  const none = (reason: ImportResult["reason"]): ImportResult => ({
    imported: false,
    reason,
    added: 0,
    duplicates: 0,
  });
  if (await redis.exists(keys.imported)) return none("already imported");
  const lock = new RedisLock(redis, keys.importLock, 60_000);
  const token = await lock.acquire(opts.waitMs ?? 300_000, 100);
  if (!token) throw new StoreBusyError("another process is still importing the corpus folder");
  const keepAlive = setInterval(() => void lock.extend(token).catch(() => {}), 20_000);
  try {
    if (await redis.exists(keys.imported)) return none("already imported");
    const at = clock.now().toISOString();
    if ((await articles.count()) > 0) {
      await redis.set(keys.imported, JSON.stringify({ dir, at, skipped: "store not empty" }));
      return none("store not empty");
    }
    const all = loadCorpus(dir);
    let added = 0;
    let duplicates = 0;
    let next = 0;
    const worker = async () => {
      while (next < all.length) {
        const a = all[next++]!;
        const r = await articles.putArticle(a);
        if (r.outcome === "added") added++;
        else duplicates++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, all.length) }, worker));
    await redis.set(keys.imported, JSON.stringify({ dir, at, added, duplicates }));
    log.info({ dir, added, duplicates }, "imported the corpus folder into the empty store");
    return { imported: true, reason: "imported", added, duplicates };
  } finally {
    clearInterval(keepAlive);
    await lock.release(token).catch(() => {});
  }
}
