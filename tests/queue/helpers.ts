/** Shared test scaffolding for the digest queue: unique Redis prefixes, a quiet logger, a fake engine. */

import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { pino } from "pino";
import type { Article, Digest, DigestOptions, Engine } from "../../src/model.ts";
import { deleteKeysUnder } from "../support/redisKeys.ts";

export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

export function uniquePrefix(): string {
  return `summit-test-${randomUUID()}`;
}

export const quietLog = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });

/** Deletes every key under the prefix (and only those). */
export async function deletePrefix(
  prefix: string,
  pattern = `${prefix}:*`,
  redisUrl = REDIS_URL,
): Promise<number> {
  const redis = new Redis(redisUrl);
  try {
    return await deleteKeysUnder(redis, prefix, pattern);
  } finally {
    redis.disconnect();
  }
}

/**
 * A small engine over in-memory articles: `digest({since, topics})` returns the articles added at or
 * after `since` whose title mentions a topic, and says plainly when there is nothing new.
 */
export class FakeEngine implements Engine {
  articles: Pick<Article, "id" | "title" | "addedAt">[];
  digestCalls: DigestOptions[] = [];

  constructor(articles: Pick<Article, "id" | "title" | "addedAt">[]) {
    this.articles = articles;
  }

  async digest(opts: DigestOptions = {}): Promise<Digest> {
    this.digestCalls.push(opts);
    const fresh = this.articles.filter(
      (a) =>
        (!opts.since || Date.parse(a.addedAt) >= opts.since.getTime()) &&
        (!opts.topics?.length || opts.topics.some((t) => a.title.toLowerCase().includes(t.toLowerCase()))),
    );
    return {
      since: opts.since?.toISOString() ?? null,
      found: fresh.length > 0,
      summary: fresh.length > 0 ? `${fresh.length} new articles.` : "Nothing new since your last digest.",
      stories: fresh.map((a) => ({ title: a.title, points: [{ text: `${a.title}.`, sources: [a.id] }] })),
      sources: fresh.map((a) => ({
        id: a.id,
        title: a.title,
        publisher: null,
        date: null,
        location: `${a.id}.txt`,
      })),
      engine: "extractive",
      asOf: null,
    };
  }

  async brief(): Promise<never> {
    throw new Error("not used by the digest queue");
  }
  async ask(): Promise<never> {
    throw new Error("not used by the digest queue");
  }
  suggestTopics(): string[] {
    return [];
  }
}

export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 15_000, what = "condition") {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

import { DigestRuntime, type DigestRuntimeOptions } from "../../queue/runtime.ts";
import type { NewSubscription } from "../../queue/types.ts";
import type { DeliveryPoint } from "../../queue/worker.ts";
import { type FakePlatform, fakePlatformSender, startFakePlatform } from "../peers/fakePlatform.ts";

export interface Rig {
  prefix: string;
  fake: FakePlatform;
  engine: FakeEngine;
  /** runtimes[0] is the scheduler; every runtime runs a worker unless `workers: 0`. */
  runtimes: DigestRuntime[];
  startRuntime(extra?: Partial<DigestRuntimeOptions>): Promise<DigestRuntime>;
  close(): Promise<void>;
}

export const fixedClock = (iso: string) => ({ now: () => new Date(iso) });

export async function startRig(
  opts: {
    workers?: number;
    engine?: FakeEngine;
    paceMs?: number;
    prefix?: string;
    fake?: FakePlatform;
    hooks?: { at?: (point: DeliveryPoint, key: string) => Promise<void> };
    /** Another Redis than the shared one (e.g. a test's own redis-server). */
    redisUrl?: string;
  } = {},
): Promise<Rig> {
  const redisUrl = opts.redisUrl ?? REDIS_URL;
  const prefix = opts.prefix ?? uniquePrefix();
  const fake = opts.fake ?? (await startFakePlatform());
  const engine =
    opts.engine ??
    new FakeEngine([
      { id: "a1", title: "Summit in Vladivostok", addedAt: "2019-04-25T08:00:00Z" },
      { id: "a2", title: "Sanctions on labourers", addedAt: "2019-04-26T08:00:00Z" },
    ]);
  const runtimes: DigestRuntime[] = [];
  const pace = opts.paceMs ?? 0;
  const startRuntime = async (extra: Partial<DigestRuntimeOptions> = {}) => {
    const rt = await DigestRuntime.start({
      redisUrl,
      prefix,
      clock: { now: () => new Date() },
      log: quietLog,
      worker: {
        engine,
        senders: {
          slack: fakePlatformSender(fake.url, "slack"),
          discord: fakePlatformSender(fake.url, "discord"),
        },
        paceMs: { slack: pace, discord: pace },
        concurrency: 8,
        ...(opts.hooks ? { hooks: opts.hooks } : {}),
      },
      ...extra,
    });
    runtimes.push(rt);
    return rt;
  };
  for (let i = 0; i < Math.max(1, opts.workers ?? 1); i++) {
    await startRuntime(opts.workers === 0 ? { worker: undefined } : {});
  }
  return {
    prefix,
    fake,
    engine,
    runtimes,
    startRuntime,
    async close() {
      await Promise.all(runtimes.map((r) => r.close()));
      if (!opts.fake) await fake.close();
      await deletePrefix(prefix, `${prefix}:*`, redisUrl);
    },
  };
}

export function newSub(over: Partial<NewSubscription> = {}): NewSubscription {
  return {
    platform: "discord",
    workspace: "G1",
    channel: `c-${randomUUID().slice(0, 8)}`,
    at: "08:00",
    tz: "Europe/Berlin",
    days: [],
    topics: [],
    createdBy: "tester",
    ...over,
  };
}
