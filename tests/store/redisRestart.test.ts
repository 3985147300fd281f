/**
 * Redis restarts, on a redis-server of the test's own (never the shared one). With AOF the articles,
 * sources and change log survive; a follower reconnects by itself, catches up from its last id without
 * reloading, and writes made after the restart reach it. Without persistence the store is lost: the next
 * write starts a new epoch and the follower reloads, so its index matches the (empty then new) store.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoreFollower } from "../../store/follower.ts";
import { SharedStore } from "../../store/sharedStore.ts";
import { until } from "../queue/helpers.ts";
import { findRedisServer, OwnRedis } from "../queue/ownRedis.ts";
import { item, MapCorpus, openTestStore, quietLog, realClock, type TestStore } from "./helpers.ts";

const BIN = findRedisServer();
const SKIP_REASON = "redis-server is not on PATH: the Redis restart tests need their own redis-server";

async function rig(redis: OwnRedis): Promise<{ s: TestStore; corpus: MapCorpus; f: StoreFollower }> {
  const s = openTestStore({ redisUrl: redis.url });
  const corpus = new MapCorpus();
  const shared = new SharedStore({ redis: s.connect(), prefix: s.prefix, clock: realClock, log: quietLog });
  const f = shared.follower(corpus, { blockMs: 500 });
  await f.start();
  return { s, corpus, f };
}

describe.skipIf(!BIN)("a Redis restart, with AOF", () => {
  let redis: OwnRedis | null = null;
  beforeAll(async () => {
    redis = await OwnRedis.start(BIN!, { persist: true });
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it("is survived: the store and sources persist, the follower catches up without a reload", async () => {
    const { s, corpus, f } = await rig(redis!);
    try {
      const shared = new SharedStore({
        redis: s.connect(),
        prefix: s.prefix,
        clock: realClock,
        log: quietLog,
      });
      const { source } = await shared.sources.add({ url: "https://a.example/feed" });
      const before = await s.articles.upsert(item({ variant: 0, sourceId: source.id }));
      await until(() => corpus.articles.has(before.id), 5_000, "applied before the restart");

      await redis!.restart();
      const after = await s.articles.upsert(item({ variant: 1, sourceId: source.id }));
      await until(() => corpus.articles.has(after.id), 10_000, "applied after the restart");
      expect(f.status().reloads).toBe(1);
      expect(await s.articles.count()).toBe(2);
      expect((await shared.sources.list()).map((x) => [x.id, x.articles])).toEqual([[source.id, 2]]);
      // The item seen before the restart is still known.
      expect((await s.articles.upsert(item({ variant: 0, sourceId: source.id }))).outcome).toBe("unchanged");

      // Redis away for about a second while a change is made elsewhere afterwards: caught up too.
      await redis!.down();
      await new Promise((r) => setTimeout(r, 800));
      await redis!.up();
      await s.articles.remove(before.id);
      await until(() => !corpus.articles.has(before.id), 10_000, "removal applied");
      expect(f.status().reloads).toBe(1);
    } finally {
      await f.stop();
      await s.close();
    }
  });
});

describe.skipIf(!BIN)("a Redis restart, without persistence", () => {
  let redis: OwnRedis | null = null;
  beforeAll(async () => {
    redis = await OwnRedis.start(BIN!, { persist: false });
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it("loses the store; the follower notices the new epoch and reloads to match it", async () => {
    const { s, corpus, f } = await rig(redis!);
    try {
      const lost = await s.articles.upsert(item({ variant: 0 }));
      await until(() => corpus.articles.has(lost.id), 5_000, "applied");
      await redis!.restart();
      expect(await s.articles.count()).toBe(0);
      const fresh = await s.articles.upsert(item({ variant: 1 }));
      await until(() => corpus.articles.has(fresh.id) && !corpus.articles.has(lost.id), 10_000, "reloaded");
      expect([...corpus.articles.keys()]).toEqual([fresh.id]);
      expect(f.status().reloads).toBe(2);
    } finally {
      await f.stop();
      await s.close();
    }
  });
});

it.skipIf(BIN)("Redis restart tests skipped", () => {
  console.warn(SKIP_REASON);
});
