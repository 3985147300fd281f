/**
 * Builds the digest Document for a (slot, since, topics) once, however many channels share it: an
 * in-process promise memo for concurrent jobs in one worker, and a Redis cache plus a short build lock
 * so other workers wait for the first build instead of repeating it.
 */
import { createHash } from "node:crypto";
import type { Logger } from "pino";
import { message } from "../src/messages.ts";
import type { Engine } from "../src/model.ts";
import type { Document } from "../src/present/document.ts";
import { digestToDocument } from "../src/present/fromCore.ts";
import { plainText } from "../src/present/richText.ts";
import type { DigestKeys } from "./keys.ts";
import { RedisLock } from "./lock.ts";
import type { Redis } from "./redis.ts";

const CACHE_TTL_S = 6 * 3600;
const MEMO_LIMIT = 1_000;

export interface DigestRequest {
  slot: number;
  since: Date | null;
  topics: string[];
}

export class DigestBuilder {
  readonly #engine: Engine;
  readonly #redis: Redis;
  readonly #keys: DigestKeys;
  readonly #log: Logger;
  readonly #memo = new Map<string, Promise<Document>>();
  /** How many times the engine was asked for a digest (for tests and logs). */
  builds = 0;

  constructor(deps: { engine: Engine; redis: Redis; keys: DigestKeys; log: Logger }) {
    this.#engine = deps.engine;
    this.#redis = deps.redis;
    this.#keys = deps.keys;
    this.#log = deps.log;
  }

  document(req: DigestRequest): Promise<Document> {
    // The memo is asked once per job: key it by a plain string, hash only on a miss (for Redis keys).
    const memoKey = memoId(req);
    let p = this.#memo.get(memoKey);
    if (!p) {
      p = this.#load(cacheId(req), req);
      p.catch(() => this.#memo.delete(memoKey));
      this.#memo.set(memoKey, p);
      if (this.#memo.size > MEMO_LIMIT) this.#memo.delete(this.#memo.keys().next().value!);
    }
    return p;
  }

  async #load(id: string, req: DigestRequest): Promise<Document> {
    const cacheKey = this.#keys.digestCache(id);
    const cached = await this.#redis.get(cacheKey);
    if (cached) return JSON.parse(cached) as Document;
    const lock = new RedisLock(this.#redis, this.#keys.digestBuildLock(id), 60_000);
    const token = await lock.tryAcquire();
    if (token) {
      // Another worker may have built it, cached it and released the lock between our cache read and
      // this acquire: look again before building, or the digest is built twice.
      const built = await this.#redis.get(cacheKey);
      if (built) {
        await lock.release(token);
        return JSON.parse(built) as Document;
      }
    } else {
      // Another worker is building it: wait for its result (up to 30 s), then build ourselves.
      for (let i = 0; i < 300; i++) {
        await new Promise((r) => setTimeout(r, 100));
        const ready = await this.#redis.get(cacheKey);
        if (ready) return JSON.parse(ready) as Document;
      }
    }
    try {
      const doc = await this.#build(req);
      await this.#redis.set(cacheKey, JSON.stringify(doc), "EX", CACHE_TTL_S);
      return doc;
    } finally {
      if (token) await lock.release(token);
    }
  }

  async #build(req: DigestRequest): Promise<Document> {
    this.builds++;
    const started = performance.now();
    const digest = await this.#engine.digest({
      ...(req.since ? { since: req.since } : {}),
      ...(req.topics.length > 0 ? { topics: req.topics } : {}),
    });
    if (!digest.found && digest.summary.trim() === "") {
      digest.summary = plainText(message("digest_nothing_since_last", req.since ?? null));
    }
    const ms = Math.round(performance.now() - started);
    this.#log.info({ ms, found: digest.found, topics: req.topics, since: req.since }, "digest built");
    return digestToDocument(digest, { topics: req.topics });
  }
}

function memoId(req: DigestRequest): string {
  const topics = req.topics.length === 0 ? "" : JSON.stringify(req.topics.map((t) => t.toLowerCase()).sort());
  return `${req.slot}|${req.since?.getTime() ?? ""}|${topics}`;
}

function cacheId(req: DigestRequest): string {
  const topics = req.topics.map((t) => t.toLowerCase()).sort();
  const raw = JSON.stringify([req.slot, req.since?.getTime() ?? null, topics]);
  return createHash("sha1").update(raw).digest("hex").slice(0, 20);
}
