/**
 * Documents we showed ephemerally, kept for a day so the "Share to channel" and "Ask a follow-up"
 * buttons can post them publicly later (a button's value carries only the reference).
 */
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { Document } from "../../src/present/document.ts";

export interface DocumentStore {
  put(doc: Document): Promise<string>;
  get(ref: string): Promise<Document | null>;
  /**
   * Sharing a document to a channel, at most once: "claimed" (go ahead, then finishShare or
   * releaseShare), "busy" (another click is sharing it now) or "done" (already shared there).
   */
  claimShare(ref: string, channel: string): Promise<"claimed" | "busy" | "done">;
  /** The parts (index → ts) already posted by an earlier, interrupted share. */
  sharedParts(ref: string, channel: string): Promise<Map<number, string>>;
  recordSharedPart(ref: string, channel: string, index: number, ts: string): Promise<void>;
  finishShare(ref: string, channel: string): Promise<void>;
  releaseShare(ref: string, channel: string): Promise<void>;
}

export function createDocumentStore(redis: Redis, prefix: string, ttlSeconds = 24 * 3600): DocumentStore {
  const key = (ref: string) => `${prefix}:slack:doc:${ref}`;
  const shareKey = (ref: string, channel: string) => `${prefix}:slack:share:${ref}:${channel.slice(0, 40)}`;
  return {
    async claimShare(ref, channel) {
      const k = shareKey(ref, channel);
      if ((await redis.hget(k, "done")) === "1") return "done";
      const ok = await redis.set(`${k}:lock`, "1", "EX", 120, "NX");
      return ok === "OK" ? "claimed" : "busy";
    },
    async sharedParts(ref, channel) {
      const all = await redis.hgetall(shareKey(ref, channel));
      const parts = new Map<number, string>();
      for (const [field, ts] of Object.entries(all)) if (/^\d+$/.test(field)) parts.set(Number(field), ts);
      return parts;
    },
    async recordSharedPart(ref, channel, index, ts) {
      const k = shareKey(ref, channel);
      await redis.multi().hset(k, String(index), ts).expire(k, ttlSeconds).exec();
    },
    async finishShare(ref, channel) {
      const k = shareKey(ref, channel);
      await redis.multi().hset(k, "done", "1").expire(k, ttlSeconds).exec();
    },
    async releaseShare(ref, channel) {
      await redis.del(`${shareKey(ref, channel)}:lock`);
    },
    async put(doc) {
      const ref = randomUUID();
      await redis.set(key(ref), JSON.stringify(doc), "EX", ttlSeconds);
      return ref;
    },
    async get(ref) {
      if (!/^[0-9a-f-]{36}$/.test(ref)) return null;
      const raw = await redis.get(key(ref));
      return raw ? (JSON.parse(raw) as Document) : null;
    },
  };
}
