/**
 * The server on the shared store (SUMMIT_STORE=redis, what `npm start` runs): an empty store gets the
 * corpus folder once; /healthz reports the store's sources by status and this process's change-log lag;
 * a source added meanwhile is polled by the worker role on its job scheduler.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../app/config.ts";
import { type RunningServer, startServer } from "../../app/server.ts";
import { type OpenStore, openStore } from "../../app/store.ts";
import { systemClock } from "../../src/model.ts";
import { tempCorpus } from "../core/helpers.ts";
import { type FeedServer, startFeedServer } from "../peers/feeds/server.ts";
import { deletePrefix, quietLog, REDIS_URL, uniquePrefix, until } from "../queue/helpers.ts";
import { SEED_TEXTS } from "../store/helpers.ts";

const prefix = `${uniquePrefix()}-live-server`;
const corpus = tempCorpus(
  Object.fromEntries(SEED_TEXTS.slice(0, 3).map((t, i) => [`story-${i}.txt`, `${t.title}\n\n${t.text}`])),
);
let feeds: FeedServer;
let server: RunningServer | undefined;
let open: OpenStore;

const config = loadConfig({
  REDIS_URL,
  SUMMIT_REDIS_PREFIX: prefix,
  PORT: "0",
  SUMMIT_ROLES: "all",
  SUMMIT_STORE: "redis",
  SUMMIT_CORPUS: corpus.dir,
  SUMMIT_ENGINE_THREADS: "0",
  SUMMIT_ALLOW_PRIVATE_NETWORKS: "1",
});

beforeAll(async () => {
  feeds = await startFeedServer();
  open = await openStore(config, { log: quietLog, clock: systemClock });
});
afterAll(async () => {
  await server?.close();
  await open?.close();
  await feeds?.close();
  corpus.remove();
  await deletePrefix(prefix);
});

describe("server on the shared store", () => {
  it("imports the folder once, reports the store in /healthz, and polls sources in the worker role", async () => {
    server = await startServer({
      config,
      log: quietLog,
      handleSignals: false,
      bots: [],
      sourcesReconcileMs: 500,
    });
    expect(await open.store.articles.count()).toBe(3);
    const h = (await (await fetch(`http://127.0.0.1:${server.port}/healthz`)).json()) as { store: unknown };
    expect(h.store).toMatchObject({
      articles: 3,
      sources: { ok: 0, failing: 0, disabled: 0 },
      changeLog: { behind: 0, applied: 3 },
    });

    const added = await open.store.sources.add({ url: feeds.url("/feeds/rss.xml") });
    const broken = await open.store.sources.add({ url: feeds.url("/status/500") });
    await until(
      async () => (await open.store.sources.list()).every((s) => s.lastFetchAt !== null),
      30_000,
      "the worker polled both sources (at its next reconcile)",
    );
    await until(async () => (await server!.health()).store?.changeLog?.applied === 3 + feeds.articles.length);
    const after = await server.health();
    expect(after.store?.sources).toEqual({ ok: 1, failing: 1, disabled: 0 });
    expect(after.store?.changeLog?.behind).toBe(0);
    expect((await open.store.sources.get(added.source.id))?.status).toBe("ok");
    expect((await open.store.sources.get(broken.source.id))?.lastError).toMatch(/500/);

    // A second start does not import the folder again.
    await server.close();
    server = await startServer({ config, log: quietLog, handleSignals: false, bots: [] });
    expect(await open.store.articles.count()).toBe(3 + feeds.articles.length);
  }, 60_000);
});
