/**
 * Keeps one process's live corpus in step with the shared store: loads what the store holds, then
 * follows the change log with XREAD from its own last id (no consumer group: every process must see
 * every entry) and applies each change to the injected LiveCorpus. A follower that lost its connection
 * resumes from its last id; it reloads everything only when the log was trimmed past that id, or when
 * the store itself was lost and started again (a new epoch, e.g. Redis restarted without AOF).
 */
import type { Logger } from "pino";
import type { Redis } from "../queue/redis.ts";
import type { Article, Clock } from "../src/model.ts";
import { parseArticle } from "./articles.ts";
import type { StoreKeys } from "./keys.ts";
import {
  compareIds,
  EMPTY_LOG,
  entryTime,
  type LogInfo,
  parseEntries,
  parseLogInfo,
  START_ID,
} from "./log.ts";
import type { Change, FollowerStatus, LiveCorpus } from "./types.ts";

export interface StoreFollowerDeps {
  /** The command connection (reads articles); the follower opens its own blocking connection from it. */
  redis: Redis;
  keys: StoreKeys;
  clock: Clock;
  log: Logger;
  corpus: LiveCorpus;
  /** Entries per XREAD (default 500). */
  batch?: number;
  /** How long one XREAD blocks (default 5 s); stop() interrupts it. */
  blockMs?: number;
  /** Articles fetched per round trip when loading (default 500). */
  loadBatch?: number;
  /** CLIENT SETNAME of the blocking connection (default "summit-store-follower"). */
  connectionName?: string;
}

const LAG_WINDOW = 1_000;

interface Waiter {
  id: string;
  resolve: () => void;
}

export class StoreFollower {
  readonly #d: StoreFollowerDeps;
  readonly #batch: number;
  readonly #blockMs: number;
  readonly #loadBatch: number;
  #blocking: Redis | null = null;
  #loop: Promise<void> | null = null;
  #stopping = false;
  #loaded = false;

  #lastId = START_ID;
  #epoch: string | null = null;
  /** Log entries up to lastId (XINFO entries-added at the last reload + entries read since). */
  #position = 0;
  #behind = 0;
  #applied = 0;
  #reloads = 0;
  #lastError: string | null = null;
  #known = new Set<string>();
  readonly #lags = new Float64Array(LAG_WINDOW);
  #lagCount = 0;
  #waiters: Waiter[] = [];

  constructor(deps: StoreFollowerDeps) {
    this.#d = deps;
    this.#batch = deps.batch ?? 500;
    this.#blockMs = deps.blockMs ?? 5_000;
    this.#loadBatch = deps.loadBatch ?? 500;
  }

  /**
   * Loads the store into the corpus (first start only) and starts following; resolves once loaded.
   * After stop(), start() again catches up from the last applied id.
   */
  async start(): Promise<void> {
    if (this.#loop) return;
    this.#stopping = false;
    if (!this.#loaded) {
      await this.#reload();
      this.#loaded = true;
    }
    this.#blocking = this.#d.redis.duplicate({
      enableAutoPipelining: false,
      maxRetriesPerRequest: null,
      connectionName: this.#d.connectionName ?? "summit-store-follower",
    }) as Redis;
    this.#blocking.on("error", (err) =>
      this.#d.log.debug({ err: { message: err.message } }, "follower connection"),
    );
    this.#loop = this.#follow();
  }

  /** Stops following (the current XREAD is interrupted); keeps the position. Safe twice. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#blocking?.disconnect();
    await this.#loop;
    this.#loop = null;
    this.#blocking = null;
  }

  status(): FollowerStatus {
    const lags = [...this.#lags.subarray(0, Math.min(this.#lagCount, LAG_WINDOW))].sort((a, b) => a - b);
    const pick = (q: number) =>
      lags.length ? lags[Math.min(lags.length - 1, Math.floor(q * lags.length))]! : null;
    return {
      running: this.#loop !== null && !this.#stopping,
      lastId: this.#lastId,
      behind: this.#behind,
      applied: this.#applied,
      reloads: this.#reloads,
      lastLagMs: this.#lagCount ? this.#lags[(this.#lagCount - 1) % LAG_WINDOW]! : null,
      p50LagMs: pick(0.5),
      p99LagMs: pick(0.99),
      lastError: this.#lastError,
    };
  }

  /** Fresh from Redis: entries not yet applied and the age of the oldest (for /healthz). */
  async check(): Promise<{ behind: number; oldestUnappliedMs: number | null }> {
    const info = await this.#info(this.#d.redis);
    const behind = Math.max(0, info.entriesAdded - this.#position);
    if (behind === 0) return { behind, oldestUnappliedMs: null };
    const next = await this.#d.redis.xrange(this.#d.keys.log, `(${this.#lastId}`, "+", "COUNT", 1);
    const first = next[0]?.[0];
    return {
      behind,
      oldestUnappliedMs: first ? Math.max(0, this.#d.clock.now().getTime() - entryTime(first)) : null,
    };
  }

  /** Resolves once the entry `entryId` (e.g. a write's own log entry) has been applied here. */
  applied(entryId: string): Promise<void> {
    if (compareIds(this.#lastId, entryId) >= 0) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ id: entryId, resolve }));
  }

  async #follow(): Promise<void> {
    let backoff = 100;
    const conn = this.#blocking!;
    while (!this.#stopping) {
      try {
        const pipe = conn.pipeline();
        pipe.xinfo("STREAM", this.#d.keys.log);
        pipe.get(this.#d.keys.epoch);
        pipe.xread("COUNT", this.#batch, "BLOCK", this.#blockMs, "STREAMS", this.#d.keys.log, this.#lastId);
        const res = (await pipe.exec()) ?? [];
        const [infoErr, infoReply] = res[0] ?? [null, null];
        const [epochErr, epoch] = res[1] ?? [null, null];
        const [readErr, read] = res[2] ?? [null, null];
        if (epochErr) throw epochErr;
        if (readErr) throw readErr;
        const info = infoErr ? null : parseLogInfo(infoReply);
        if (this.#stopping) break;
        this.#lastError = null;
        backoff = 100;
        const why = this.#mustReload(info, (epoch as string | null) ?? null);
        if (why) {
          this.#d.log.info({ reason: why, lastId: this.#lastId }, "store follower reloading");
          await this.#reload();
          continue;
        }
        const streams = read as [string, [string, string[]][]][] | null;
        const entries = streams?.[0]?.[1] ?? [];
        if (entries.length > 0) await this.#apply(entries);
        this.#behind = Math.max(0, (info?.entriesAdded ?? 0) - this.#position);
      } catch (err) {
        if (this.#stopping) break;
        this.#lastError = (err as Error).message;
        this.#d.log.warn({ err: { message: this.#lastError } }, "store follower read failed; retrying");
        await new Promise((r) => setTimeout(r, backoff));
        backoff = Math.min(backoff * 2, 2_000);
      }
    }
  }

  /** Why the position cannot be caught up from the log (so everything must be reloaded), or null. */
  #mustReload(info: LogInfo | null, epoch: string | null): string | null {
    if (this.#epoch === null) {
      // Loaded an empty store: whatever was written since is all in the log.
      if (epoch !== null && this.#lastId === START_ID) this.#epoch = epoch;
    } else if (epoch !== this.#epoch) {
      return "the store was lost and started again";
    }
    const log = info ?? EMPTY_LOG;
    // Entries leave the log only from its front (XTRIM; nothing here uses XDEL): more gone than this
    // process has read means some it has not read are gone.
    if (log.entriesAdded - log.length > this.#position)
      return "the log was trimmed past this process's position";
    if (compareIds(log.maxDeletedId, this.#lastId) > 0)
      return "entries after this process's position were deleted";
    if (compareIds(log.lastGeneratedId, this.#lastId) < 0) return "the log is behind this process's position";
    return null;
  }

  async #info(conn: Redis): Promise<LogInfo> {
    try {
      return parseLogInfo(await conn.xinfo("STREAM", this.#d.keys.log));
    } catch (err) {
      if (/no such key/i.test((err as Error).message)) return EMPTY_LOG;
      throw err;
    }
  }

  /** Loads every stored article (removing from the corpus what the store no longer holds) and resets the position. */
  async #reload(): Promise<void> {
    const { redis, keys } = this.#d;
    // Position first, then the snapshot: whatever changes in between is in the log after the position.
    const [info, epoch] = await Promise.all([this.#info(redis), redis.get(keys.epoch)]);
    const ids = await redis.zrange(keys.arrivals, "0", "-1");
    const seen = new Set<string>();
    for (let i = 0; i < ids.length; i += this.#loadBatch) {
      const chunk = ids.slice(i, i + this.#loadBatch);
      const found = await this.#fetch(chunk);
      const upserts = found.filter((a): a is Article => a !== null);
      for (const a of upserts) seen.add(a.id);
      this.#deliver(upserts, []);
    }
    const removes = [...this.#known].filter((id) => !seen.has(id));
    this.#deliver([], removes);
    this.#known = seen;
    this.#lastId = info.lastGeneratedId;
    this.#position = info.entriesAdded;
    this.#epoch = epoch;
    this.#applied += seen.size + removes.length;
    this.#reloads++;
    this.#notify();
  }

  async #apply(entries: [string, string[]][]): Promise<void> {
    // Loaded an empty store and reading from its start: the first entry is the store's first ever, whose
    // id is its epoch (the read that fetched the epoch may have come before that entry was written).
    if (this.#epoch === null && this.#lastId === START_ID) this.#epoch = entries[0]![0];
    const changes = parseEntries(entries);
    // The last change of each article wins; adds and updates read the article as it is now.
    const last = new Map<string, Change>();
    for (const c of changes) {
      last.delete(c.id);
      last.set(c.id, c);
    }
    const wanted = [...last.values()].filter((c) => c.op !== "remove").map((c) => c.id);
    const found = await this.#fetch(wanted);
    const upserts = found.filter((a): a is Article => a !== null);
    const present = new Set(upserts.map((a) => a.id));
    const removes = [...last.keys()].filter((id) => !present.has(id));
    this.#deliver(upserts, removes);
    for (const a of upserts) this.#known.add(a.id);
    for (const id of removes) this.#known.delete(id);
    const now = this.#d.clock.now().getTime();
    for (const [entryId] of entries) {
      this.#lags[this.#lagCount % LAG_WINDOW] = Math.max(0, now - entryTime(entryId));
      this.#lagCount++;
    }
    this.#lastId = entries[entries.length - 1]![0];
    this.#position += entries.length;
    this.#applied += upserts.length + removes.length;
    this.#notify();
  }

  async #fetch(ids: string[]): Promise<(Article | null)[]> {
    if (ids.length === 0) return [];
    const pipe = this.#d.redis.pipeline();
    for (const id of ids) pipe.hget(this.#d.keys.article(id), "a");
    const res = (await pipe.exec()) ?? [];
    return res.map(([err, raw], i) => {
      if (err) throw err;
      if (typeof raw !== "string") return null;
      try {
        return parseArticle(raw);
      } catch {
        this.#d.log.warn({ id: ids[i] }, "skipping a malformed stored article");
        return null;
      }
    });
  }

  /** Hands changes to the corpus; one bad article never stops the follower. */
  #deliver(upserts: Article[], removes: string[]): void {
    if (upserts.length === 0 && removes.length === 0) return;
    const { corpus, log } = this.#d;
    if (corpus.applyBatch) {
      try {
        corpus.applyBatch({ upserts, removes });
        return;
      } catch (err) {
        log.error({ err }, "live corpus rejected a batch; applying one by one");
      }
    }
    for (const a of upserts) {
      try {
        corpus.upsert(a);
      } catch (err) {
        log.error({ err, id: a.id }, "live corpus rejected an article");
      }
    }
    for (const id of removes) {
      try {
        corpus.remove(id);
      } catch (err) {
        log.error({ err, id }, "live corpus failed to remove an article");
      }
    }
  }

  #notify(): void {
    if (this.#waiters.length === 0) return;
    const keep: Waiter[] = [];
    for (const w of this.#waiters) {
      if (compareIds(this.#lastId, w.id) >= 0) w.resolve();
      else keep.push(w);
    }
    this.#waiters = keep;
  }
}
