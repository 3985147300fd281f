/**
 * The shared store live, across processes: an article ingested by one process (the CLI, spawned) is
 * searchable in another (this one: a follower feeding the engine, as the server runs it) within 2 s;
 * polling on BullMQ job schedulers by two "workers" fetches each source once per tick, never twice at once.
 */
import { execFile } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../app/config.ts";
import { createEngine } from "../../app/engine/create.ts";
import { RebuildingEngine } from "../../app/liveEngine.ts";
import { SourcePolling } from "../../app/polling.ts";
import { type OpenStore, openStore } from "../../app/store.ts";
import { systemClock } from "../../src/model.ts";
import { type FeedServer, startFeedServer } from "../peers/feeds/server.ts";
import { deletePrefix, quietLog, REDIS_URL, uniquePrefix, until } from "../queue/helpers.ts";

let feeds: FeedServer;
const prefix = `${uniquePrefix()}-live-procs`;
const env = {
  REDIS_URL,
  SUMMIT_REDIS_PREFIX: prefix,
  SUMMIT_STORE: "redis",
  SUMMIT_ALLOW_PRIVATE_NETWORKS: "1",
};
const config = loadConfig(env);
const opened: OpenStore[] = [];
const open = async () => {
  const o = await openStore(config, { log: quietLog, clock: systemClock });
  opened.push(o);
  return o;
};

beforeAll(async () => {
  feeds = await startFeedServer();
});
afterAll(async () => {
  for (const o of opened) await o.close();
  await feeds?.close();
  await deletePrefix(prefix);
});

function cli(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["bin/summit.js", ...args],
      { env: { ...process.env, LOG_LEVEL: "silent", ...env }, timeout: 90_000, encoding: "utf8" },
      (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)),
    );
  });
}

describe("one shared store, every index live", { timeout: 90_000 }, () => {
  it("an article ingested by another process is searchable here within 2 seconds of its arrival", async () => {
    const here = await open();
    const engine = new RebuildingEngine((articles) => createEngine(config, { articles }));
    const follower = here.store.follower(engine, { blockMs: 500 });
    await follower.start();
    try {
      const article = feeds.articles[3]!;
      const topic = article.title.split(" ").slice(0, 5).join(" ");
      expect((await engine.brief(topic)).sources.some((s) => s.title === article.title)).toBe(false);
      const out = JSON.parse(await cli(["ingest", feeds.url(`/articles/${article.slug}`), "--json"])) as {
        added: { id: string }[];
      };
      const id = out.added[0]!.id;
      const stored = await here.store.articles.getStored(id);
      expect(stored).not.toBeNull();
      // Arrival (Redis's clock, in the store) → applied here.
      await until(() => engine.size > 0, 10_000, "the follower applied the article");
      const appliedAt = Date.now();
      expect(appliedAt - stored!.arrivedAt).toBeLessThan(2_000);
      const b = await engine.brief(topic);
      expect(b.sources.map((s) => s.id)).toContain(id);
      expect(b.sources.find((s) => s.id === id)?.url?.startsWith(feeds.origin)).toBe(true);
    } finally {
      await follower.stop();
      await engine.close();
    }
  });

  it("two workers share polling on job schedulers: each source fetched once per tick, never by two at once", async () => {
    const a = await open();
    const b = await open();
    const rss = await a.store.sources.add({ url: feeds.url("/feeds/rss.xml") });
    const atom = await a.store.sources.add({ url: feeds.url("/feeds/atom.xml") });
    feeds.reset();
    const polling = [a, b].map(
      (o) =>
        new SourcePolling({
          open: o,
          redisUrl: REDIS_URL,
          prefix,
          clock: systemClock,
          log: quietLog,
          worker: true,
          reconcile: true,
        }),
    );
    try {
      await Promise.all(polling.map((p) => p.start()));
      expect(await polling[0]!.queue.getJobSchedulersCount()).toBe(2);
      await until(
        async () => (await a.store.sources.list()).every((s) => s.lastFetchAt !== null),
        20_000,
        "both sources polled",
      );
      await until(async () => (await polling[0]!.queue.getCompletedCount()) >= 2, 10_000, "jobs completed");
      expect(feeds.requestsTo("/feeds/rss.xml")).toHaveLength(1);
      expect(feeds.requestsTo("/feeds/atom.xml")).toHaveLength(1);
      expect(await a.store.articles.count()).toBe(feeds.articles.length);
      for (const s of await a.store.sources.list()) {
        expect(s.status).toBe("ok");
        expect([rss.source.id, atom.source.id]).toContain(s.id);
      }
      // Removing a source removes its scheduler at the next reconcile.
      await a.store.sources.remove(atom.source.id);
      expect((await polling[1]!.reconcile()).removed).toBe(1);
      expect(await polling[0]!.queue.getJobSchedulersCount()).toBe(1);
    } finally {
      for (const p of polling) await p.close();
    }
  });
});
