/**
 * In store mode the web console uses the shared store and the feed client the server opened: one HTTP
 * pool per process (not a second one for the console), and a source polled from the console goes
 * through it into the same store.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../../app/config.ts";
import { type RunningServer, startServer } from "../../app/server.ts";
import { type OpenStore, openStore } from "../../app/store.ts";
import { systemClock } from "../../src/model.ts";
import { tempCorpus } from "../core/helpers.ts";
import { type FeedServer, startFeedServer } from "../peers/feeds/server.ts";
import { deletePrefix, quietLog, REDIS_URL, uniquePrefix } from "../queue/helpers.ts";
import { SEED_TEXTS } from "../store/helpers.ts";

/** Every HTTP client (connection pool) made in this process, counted. */
const made = vi.hoisted(() => ({ clients: 0 }));
vi.mock("../../sources/http.ts", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../sources/http.ts")>();
  return {
    ...real,
    createHttpClient: (...args: Parameters<typeof real.createHttpClient>) => {
      made.clients++;
      return real.createHttpClient(...args);
    },
  };
});

const TOKEN = "console-store-test-token-0123456789";
const prefix = `${uniquePrefix()}-console-store`;
const corpus = tempCorpus({ "story.txt": `${SEED_TEXTS[0]!.title}\n\n${SEED_TEXTS[0]!.text}` });
let feeds: FeedServer;
let server: RunningServer | undefined;
let open: OpenStore | undefined;

const config = loadConfig({
  REDIS_URL,
  SUMMIT_REDIS_PREFIX: prefix,
  PORT: "0",
  // No engine: the store, the scheduler and the console are what this test is about.
  SUMMIT_ROLES: "scheduler",
  SUMMIT_STORE: "redis",
  SUMMIT_CORPUS: corpus.dir,
  SUMMIT_ALLOW_PRIVATE_NETWORKS: "1",
  SUMMIT_CONSOLE_TOKEN: TOKEN,
});

beforeAll(async () => {
  feeds = await startFeedServer();
});
afterAll(async () => {
  await server?.close();
  await open?.close();
  await feeds?.close();
  corpus.remove();
  await deletePrefix(prefix);
});

describe("the console in store mode", () => {
  it("opens no feed client of its own and polls through the server's", async () => {
    made.clients = 0;
    server = await startServer({ config, log: quietLog, handleSignals: false, bots: [] });
    expect(made.clients).toBe(1);

    open = await openStore(config, { log: quietLog, clock: systemClock });
    const { source } = await open.store.sources.add({ url: feeds.url("/feeds/rss.xml") });
    const res = await fetch(`http://127.0.0.1:${server.port}/console/sources/poll`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ id: source.id }).toString(),
    });
    const body = (await res.json()) as { ok: boolean; result: { status: string; added: number } };
    expect(body).toMatchObject({ ok: true, result: { status: "ok" } });
    expect(body.result.added).toBe(feeds.articles.length);
    expect((await open.store.sources.get(source.id))?.status).toBe("ok");

    // Closing the console leaves the server's client to the server: the server still closes cleanly.
    await server.close();
    server = undefined;
  }, 60_000);
});
