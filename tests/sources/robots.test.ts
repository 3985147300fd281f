import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpClient, type HttpClient } from "../../sources/http.ts";
import { createRobotsPolicy } from "../../sources/robots.ts";
import { type FeedServer, startFeedServer } from "../peers/feeds/server.ts";
import { testClock } from "./helpers.ts";

let server: FeedServer;
let http: HttpClient;

beforeAll(async () => {
  server = await startFeedServer();
  http = createHttpClient({ allowPrivateNetworks: true });
});
afterAll(async () => {
  await http.close();
  await server.close();
});

describe("robots.txt", () => {
  it("is fetched once per origin, honoured for our agent, and refreshed after its TTL", async () => {
    server.reset();
    const clock = testClock();
    const robots = createRobotsPolicy({ http, now: clock.now, ttlMs: 60_000 });
    const checks = await Promise.all([
      robots.allowed(server.url("/articles/a")),
      robots.allowed(server.url("/private/a")),
      robots.allowed(server.url("/private/b?x=1")),
      robots.allowed(server.url("/feeds/rss.xml")),
    ]);
    expect(checks).toEqual([true, false, false, true]);
    expect(server.requestsTo("/robots.txt")).toHaveLength(1);
    clock.advance(61_000);
    expect(await robots.allowed(server.url("/private/a"))).toBe(false);
    expect(server.requestsTo("/robots.txt")).toHaveLength(2);
  });

  it("a missing robots.txt allows everything; a failing one disallows for a short while", async () => {
    const clock = testClock();
    const robots = createRobotsPolicy({ http, now: clock.now, errorTtlMs: 5_000 });
    server.route("/robots.txt", (_req, res) => {
      res.writeHead(404);
      res.end();
    });
    expect(await robots.allowed(server.url("/private/a"))).toBe(true);
    const strict = createRobotsPolicy({ http, now: clock.now, errorTtlMs: 5_000 });
    server.route("/robots.txt", (_req, res) => {
      res.writeHead(503);
      res.end();
    });
    expect(await strict.allowed(server.url("/articles/a"))).toBe(false);
    server.route("/robots.txt", (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("User-agent: Summit\nDisallow: /\n\nUser-agent: *\nAllow: /\n");
    });
    expect(await strict.allowed(server.url("/articles/a"))).toBe(false); // still the cached failure
    clock.advance(6_000);
    // Now read: a group for our agent by name applies to us, even though * is allowed.
    expect(await strict.allowed(server.url("/articles/a"))).toBe(false);
    const fresh = createRobotsPolicy({ http, now: clock.now, agent: "OtherBot" });
    expect(await fresh.allowed(server.url("/articles/a"))).toBe(true);
  });
});
