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
}

export function createDocumentStore(redis: Redis, prefix: string, ttlSeconds = 24 * 3600): DocumentStore {
  const key = (ref: string) => `${prefix}:slack:doc:${ref}`;
  return {
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
