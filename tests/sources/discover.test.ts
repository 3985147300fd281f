import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discoverSource, findFeedLinks, pageTitle, withScheme } from "../../sources/discover.ts";
import { SourceError } from "../../sources/errors.ts";
import { type FeedServer, startFeedServer } from "../peers/feeds/server.ts";
import { testDeps } from "./helpers.ts";

let server: FeedServer;
let deps: ReturnType<typeof testDeps>;

beforeAll(async () => {
  server = await startFeedServer();
  deps = testDeps();
});
afterAll(async () => {
  await deps.close();
  await server.close();
});

describe("feed discovery", () => {
  it("a feed URL is its own feed, named by its title", async () => {
    for (const [path, format] of [
      ["/feeds/rss.xml", "rss"],
      ["/feeds/rdf.xml", "rdf"],
      ["/feeds/atom.xml", "atom"],
      ["/feeds/feed.json", "json"],
    ] as const) {
      const d = await discoverSource(server.url(path), deps);
      expect(d).toMatchObject({ url: server.url(path), feedUrl: server.url(path), format });
      expect(d.name).toMatch(/Summit Test Wire/);
    }
  });

  it("a site page: the feed its <link rel=alternate> announces, before comment feeds", async () => {
    const d = await discoverSource(server.url("/site/"), deps);
    expect(d.feedUrl).toBe(server.url("/feeds/atom.xml"));
    expect(d.name).toBe("World news | Summit Test Wire");
    expect(d.siteUrl).toBe(server.url("/"));
  });

  it("a page announcing nothing: the usual paths, in order", async () => {
    server.reset();
    const d = await discoverSource(server.url("/plain/"), deps);
    expect(d.feedUrl).toBe(server.url("/feed"));
    expect(server.requests.map((r) => r.pathname)).toEqual(["/plain/", "/feed"]);
  });

  it("says plainly when there is no feed", async () => {
    server.commonPaths = false;
    try {
      const err = await discoverSource(server.url("/plain/"), deps).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SourceError);
      expect((err as SourceError).code).toBe("no-feed");
      expect((err as Error).message).toMatch(/^no feed found at 127\.0\.0\.1:\d+ \(Summit Test Wire\)/);
    } finally {
      server.commonPaths = true;
    }
    const e404 = await discoverSource(server.url("/nothing-here"), deps).catch((e: unknown) => e);
    expect(e404).toMatchObject({ code: "http-status", status: 404 });
  });

  it("reads alternate links of every feed type, resolving against <base>", () => {
    const html = `<html><head><base href="https://news.example/en/">
      <link rel="alternate" type="application/rss+xml" title="All comments" href="comments/feed/">
      <link rel="alternate" type="application/rss+xml" href="rss.xml">
      <link rel="alternate" type="application/atom+xml" href="/atom.xml">
      <link rel="alternate" type="application/feed+json" href="https://news.example/feed.json">
      <link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
      <link rel="stylesheet" type="text/css" href="x.css">
      <link rel="alternate" type="application/rss+xml" href="rss.xml">
    </head><body></body></html>`;
    expect(findFeedLinks(html, "https://news.example/en/index.html")).toEqual([
      "https://news.example/en/rss.xml",
      "https://news.example/atom.xml",
      "https://news.example/feed.json",
      "https://news.example/en/comments/feed/",
    ]);
    expect(withScheme("news.example/world")).toBe("https://news.example/world");
    expect(withScheme("http://news.example")).toBe("http://news.example");
  });
});

describe("a page's title, for the error naming the site", () => {
  it("reads the first <title>; a page of 100,000 '<title' without a '>' is read once", () => {
    expect(pageTitle('<html><head><title lang="en">Storm &amp; Coast\nNews</title></head>')).toBe(
      "Storm & Coast News",
    );
    expect(pageTitle("<html><body>no title</body></html>")).toBeNull();
    expect(pageTitle("<title".repeat(100_000))).toBeNull();
  }, 15_000);
});
