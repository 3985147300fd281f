import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fetchArticle } from "../../sources/article.ts";
import { SourceError } from "../../sources/errors.ts";
import { pollSource } from "../../sources/poll.ts";
import type { IncomingArticle } from "../../sources/types.ts";
import { articlePage, JUNK, renderRss, teaser } from "../peers/feeds/render.ts";
import { type FeedServer, startFeedServer } from "../peers/feeds/server.ts";
import { newSource, norm, testDeps } from "./helpers.ts";

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
beforeEach(() => server.reset());

/** Every paragraph the server published (long enough to be a sentence) is in the article's text. */
function expectFullText(article: IncomingArticle, paragraphs: string[]) {
  const text = norm(article.text);
  const long = paragraphs.filter((p) => p.split(/\s+/).length >= 8);
  expect(long.length).toBeGreaterThan(0);
  for (const p of long) expect(text, article.title).toContain(norm(p));
}

const FORMATS = ["/feeds/rss.xml", "/feeds/rdf.xml", "/feeds/atom.xml", "/feeds/feed.json"];

describe("pollSource: every feed format → IncomingArticle", () => {
  for (const path of FORMATS) {
    it(`${path}: full text, canonical links, guid, title, publisher, author, date`, async () => {
      const r = await pollSource(newSource(server.url(path)), deps);
      expect(r.error).toBeNull();
      expect(r.outcome).toBe("ok");
      expect(r.items).toHaveLength(server.articles.length);
      for (const [i, a] of server.articles.entries()) {
        const item = r.items[i]!;
        expect(item.sourceId).toBe("src-1");
        expect(item.title).toBe(a.title);
        // Relative links resolved (against the feed, or Atom's xml:base), tracking and fragment removed.
        expect(item.url).toBe(server.url(`/articles/${a.slug}`));
        expect(item.guid).toBeTruthy();
        expect(item.publisher).toBe("Summit Test Wire");
        expect(item.author).toBe(a.author);
        expect(item.publishedAt).toBe(a.publishedAt);
        expectFullText(item, a.paragraphs);
      }
      // Full text was in the feed: no article page was fetched.
      expect(server.requests.filter((q) => q.pathname.startsWith("/articles/"))).toHaveLength(0);
    });
  }

  it("reads windows-1252 (Content-Type) and ISO-8859-1 (XML prolog) feeds to the same text as UTF-8", async () => {
    const utf8 = await pollSource(newSource(server.url("/feeds/rss.xml")), deps);
    const cp1252 = await pollSource(newSource(server.url("/feeds/rss-1252.xml")), deps);
    const latin1 = await pollSource(newSource(server.url("/feeds/rss-latin1.xml")), deps);
    expect(cp1252.items.map((a) => a.text)).toEqual(utf8.items.map((a) => a.text));
    expect(latin1.items.map((a) => a.text)).toEqual(utf8.items.map((a) => a.text));
    expect(latin1.items.map((a) => a.title)).toEqual(utf8.items.map((a) => a.title));
    expect(latin1.items[0]!.publisher).toBe("Le Café du Monde");
    // The articles do carry characters outside ASCII (curly quotes, dashes), so the check means something.
    expect(utf8.items.some((a) => /[^ -~\s]/.test(a.text))).toBe(true);
  });

  it("decodes compressed feeds the same", async () => {
    const plain = await pollSource(newSource(server.url("/feeds/rss.xml")), deps);
    for (const enc of ["gzip", "br", "deflate"]) {
      const r = await pollSource(newSource(server.url(`/feeds/rss.xml?enc=${enc}`)), deps);
      expect(r.items.map((a) => a.text)).toEqual(plain.items.map((a) => a.text));
    }
  });
});

describe("teasers are completed from their pages", () => {
  it("fetches each page, extracts it through Readability and drops the furniture; robots.txt is obeyed", async () => {
    const r = await pollSource(newSource(server.url("/feeds/teaser.xml")), deps);
    expect(r.outcome).toBe("ok");
    const n = server.articles.length;
    expect(r.items).toHaveLength(n);
    for (const [i, a] of server.articles.slice(0, -1).entries()) {
      const item = r.items[i]!;
      expectFullText(item, a.paragraphs);
      const text = item.text;
      for (const junk of [
        ...JUNK.nav,
        ...JUNK.share,
        JUNK.cookie,
        JUNK.related,
        ...JUNK.mostRead,
        JUNK.comment,
        JUNK.newsletter,
        JUNK.copyright,
      ])
        expect(text.split("\n\n"), `${a.slug}: "${junk}"`).not.toContain(junk);
      expect(text).not.toContain(JUNK.cookie);
      expect(text).not.toContain("Summit Test Wire. All rights reserved");
      expect(text).not.toContain(JUNK.sidebar);
      expect(text).not.toContain(JUNK.reader);
      expect(item.url).toBe(server.url(`/articles/${a.slug}`));
    }
    expect(server.requests.filter((q) => q.pathname.startsWith("/articles/"))).toHaveLength(n - 1);
    // The last item's page is disallowed: never requested, and its teaser stands in.
    expect(server.requests.filter((q) => q.pathname.startsWith("/private/"))).toHaveLength(0);
    const last = r.items[n - 1]!;
    expect(norm(last.text)).toBe(norm(teaser(server.articles[n - 1]!)));
    // robots.txt was fetched once for the host, with our User-Agent.
    const robots = server.requestsTo("/robots.txt");
    expect(robots).toHaveLength(1);
    expect(robots[0]!.headers["user-agent"]).toMatch(/^Summit\//);
    // At most 2 page requests at a time to the host.
    expect(server.maxInFlight("/articles")).toBeLessThanOrEqual(2);
  });

  it("a page that fails for a passing reason leaves the teaser now and is fetched again next poll", async () => {
    const a = server.articles[2]!;
    let hits = 0;
    server.route("/feeds/teaser-flaky.xml", (req, res) => {
      if (req.headers["if-none-match"] === '"same"') {
        res.writeHead(304, { etag: '"same"' });
        res.end();
        return;
      }
      const xml = renderRss(
        {
          title: "Summit Test Wire - Flaky",
          site: server.url("/"),
          self: server.url("/feeds/teaser-flaky.xml"),
        },
        [a],
        { fullText: false, link: () => "/flaky-page" },
      );
      res.writeHead(200, { "content-type": "application/rss+xml", etag: '"same"' });
      res.end(xml);
    });
    server.route("/flaky-page", (_req, res) => {
      hits++;
      if (hits === 1) {
        res.writeHead(503);
        res.end();
        return;
      }
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(articlePage(a, { siteName: "Summit Test Wire", canonical: server.url("/flaky-page") }));
    });
    const first = await pollSource(newSource(server.url("/feeds/teaser-flaky.xml")), deps);
    expect(first.items).toHaveLength(1);
    expect(norm(first.items[0]!.text)).toBe(norm(teaser(a)));
    // The validators were not kept, so the next poll is not a 304 that would hide the item.
    expect(first.next.etag).toBeNull();
    const second = await pollSource(first.next, deps);
    expect(second.items).toHaveLength(1);
    expectFullText(second.items[0]!, a.paragraphs);
    expect(second.items[0]!.guid).toBe(first.items[0]!.guid);
    expect(second.next.etag).toBe('"same"');
    expect((await pollSource(second.next, deps)).outcome).toBe("not-modified");
    expect(hits).toBe(2);
  });

  it("spends at most the page budget per poll and leaves the rest (and the validators) for the next", async () => {
    const d = testDeps({ settings: { maxPageFetchesPerPoll: 4 } });
    try {
      const first = await pollSource(newSource(server.url("/feeds/teaser.xml")), d);
      expect(first.items).toHaveLength(4);
      expect(first.deferred).toBe(server.articles.length - 4);
      const second = await pollSource(first.next, d);
      expect(second.unchanged).toBe(4);
      expect(second.items).toHaveLength(4);
      const third = await pollSource(second.next, d);
      const all = [...first.items, ...second.items, ...third.items].map((a) => a.url);
      expect(new Set(all).size).toBe(server.articles.length);
      const fourth = await pollSource(third.next, d);
      expect(fourth.items).toHaveLength(0);
      expect(fourth.unchanged).toBe(server.articles.length);
    } finally {
      await d.close();
    }
  });
});

describe("polling over time", () => {
  it("sends the last good validators, and a 304 yields nothing and keeps them", async () => {
    const url = server.url("/feeds/conditional.xml");
    const first = await pollSource(newSource(url), deps);
    expect(first.outcome).toBe("ok");
    expect(first.items).toHaveLength(server.articles.length - 1);
    expect(first.next.etag).toMatch(/^"v\d+"$/);
    expect(first.next.lastModified).toMatch(/GMT$/);
    const second = await pollSource(first.next, deps);
    expect(second.outcome).toBe("not-modified");
    expect(second.items).toEqual([]);
    expect(second.next.etag).toBe(first.next.etag);
    const reqs = server.requestsTo("/feeds/conditional.xml");
    expect(reqs[0]!.headers).not.toHaveProperty("if-none-match");
    expect(reqs[1]!.headers["if-none-match"]).toBe(first.next.etag);
    expect(reqs[1]!.headers["if-modified-since"]).toBe(first.next.lastModified);
    // The feed changes: one new item comes back, the others are unchanged.
    server.edit();
    const third = await pollSource(second.next, deps);
    expect(third.outcome).toBe("ok");
    expect(third.items.map((a) => a.title)).toEqual([server.articles.at(-1)!.title]);
    expect(third.unchanged).toBe(server.articles.length - 1);
    expect(third.next.etag).not.toBe(first.next.etag);
  });

  it("a feed that republishes old items with new dates yields nothing new", async () => {
    const first = await pollSource(newSource(server.url("/feeds/republish.xml")), deps);
    expect(first.items).toHaveLength(server.articles.length);
    const second = await pollSource(first.next, deps);
    expect(second.outcome).toBe("ok");
    expect(second.items).toEqual([]);
    expect(second.unchanged).toBe(server.articles.length);
  });

  it("an item edited after publication comes back once, with the same guid and link", async () => {
    const d = testDeps();
    const before = await pollSource(newSource(server.url("/feeds/edited.xml")), d);
    server.edit();
    try {
      const after = await pollSource(before.next, d);
      expect(after.items).toHaveLength(1);
      const [edited] = after.items;
      expect(edited!.guid).toBe(before.items[0]!.guid);
      expect(edited!.url).toBe(before.items[0]!.url);
      expect(edited!.title).toMatch(/\(updated\)$/);
      expect(edited!.text).toMatch(/Correction, version \d+:/);
      expect((await pollSource(after.next, d)).items).toHaveLength(0);
    } finally {
      await d.close();
    }
  });

  it("the interval is raised by the feed's ttl and by Cache-Control max-age", async () => {
    const now = deps.clock.now();
    const ttl = await pollSource(newSource(server.url("/feeds/rss.xml?ttl=60")), deps);
    expect(Date.parse(ttl.next.nextFetchAt!) - now).toBe(60 * 60_000);
    const maxAge = await pollSource(newSource(server.url("/feeds/rss.xml?maxAge=2700")), deps);
    expect(Date.parse(maxAge.next.nextFetchAt!) - now).toBe(45 * 60_000);
    const plain = await pollSource(newSource(server.url("/feeds/rss.xml"), { everyMs: 60_000 }), deps);
    expect(Date.parse(plain.next.nextFetchAt!) - now).toBe(5 * 60_000); // never under 5 minutes
  });

  it("a 429 waits for its Retry-After; 500s back off exponentially and disable the source after 10", async () => {
    const now = deps.clock.now();
    const limited = await pollSource(newSource(server.url("/status/429?retryAfter=7200")), deps);
    expect(limited.outcome).toBe("failed");
    expect(limited.error?.code).toBe("http-status");
    expect(limited.next).toMatchObject({
      failures: 1,
      status: "failing",
      lastError: expect.stringMatching(/HTTP 429/),
    });
    expect(Date.parse(limited.next.nextFetchAt!) - now).toBe(2 * 3_600_000);

    let state = newSource(server.url("/status/500"));
    const waits: number[] = [];
    for (let i = 1; i <= 10; i++) {
      const r = await pollSource(state, deps);
      expect(r.outcome).toBe("failed");
      state = r.next;
      expect(state.failures).toBe(i);
      if (i < 10) {
        expect(state.status).toBe("failing");
        waits.push(Date.parse(state.nextFetchAt!) - deps.clock.now());
        deps.clock.advance(waits.at(-1)!);
      }
    }
    expect(waits.slice(0, 5)).toEqual([30, 60, 120, 240, 480].map((m) => m * 60_000));
    expect(Math.max(...waits)).toBe(24 * 3_600_000);
    expect(state.status).toBe("disabled");
    expect(state.nextFetchAt).toBeNull();
    expect(state.disabledReason).toMatch(/^10 failures in a row; the last: HTTP 500 from /);
    expect(server.requestsTo("/status/500")).toHaveLength(10);
  });

  it("recovers after failures: a good response resets the count", async () => {
    let state = newSource(server.url("/flaky/recovering?fail=3"));
    for (let i = 0; i < 3; i++) state = (await pollSource(state, deps)).next;
    expect(state).toMatchObject({ failures: 3, status: "failing" });
    const ok = await pollSource(state, deps);
    expect(ok.outcome).toBe("ok");
    expect(ok.next).toMatchObject({ failures: 0, status: "ok", lastError: null, disabledReason: null });
    expect(ok.items.length).toBe(server.articles.length);
  });

  it("410 Gone disables at once; malformed XML, oversized bodies and redirect loops fail with their reason", async () => {
    const gone = await pollSource(newSource(server.url("/status/410")), deps);
    expect(gone.next.status).toBe("disabled");
    expect(gone.next.disabledReason).toMatch(/gone/);
    const cases: Array<[string, string]> = [
      ["/malformed.xml", "malformed"],
      ["/big.xml", "too-large"],
      ["/loop/a", "redirect-loop"],
      ["/plain/", "malformed"],
    ];
    for (const [path, code] of cases) {
      const r = await pollSource(newSource(server.url(path)), deps);
      expect(r.outcome, path).toBe("failed");
      expect(r.error?.code, path).toBe(code);
      expect(r.next.lastError, path).toBe(r.error?.message);
      expect(r.next.status).toBe("failing");
    }
  });

  it("a permanent redirect moves the feed; validators are never stored empty", async () => {
    const r = await pollSource(newSource(server.url("/moved.xml")), deps);
    expect(r.next.feedUrl).toBe(server.url("/feeds/rss.xml"));
    expect(r.next.etag).toBeNull();
    expect(r.next.lastModified).toBeNull();
    const temp = await pollSource(newSource(server.url("/redirect/2")), deps);
    expect(temp.next.feedUrl).toBe(server.url("/redirect/2"));
  });
});

describe("fetchArticle: one article URL", () => {
  it("extracts the page, canonical URL from <link rel=canonical>, author, publisher and date", async () => {
    const a = server.articles[1]!;
    const art = await fetchArticle(
      server.url(`/articles/${a.slug}?utm_source=newsletter&fbclid=x#top`),
      deps,
    );
    expect(art).toMatchObject({
      sourceId: null,
      guid: null,
      url: server.url(`/articles/${a.slug}`),
      title: a.title,
      publisher: "Summit Test Wire",
      author: a.author,
      publishedAt: a.publishedAt,
    });
    expectFullText(art, a.paragraphs);
    for (const junk of [JUNK.cookie, JUNK.sidebar, JUNK.reader, JUNK.related])
      expect(art.text).not.toContain(junk);
  });

  it("decodes a windows-1252 page declared only by <meta charset>", async () => {
    const a = server.articles.find((x) => x.paragraphs.some((p) => /[“”’—]/.test(p)))!;
    const art = await fetchArticle(server.url(`/articles/${a.slug}?charset=windows-1252`), deps);
    expectFullText(art, a.paragraphs);
  });

  it("keeps a page whose markup was cut by the bounds, and tells deps.warn what was cut", async () => {
    const a = server.articles[2]!;
    const nested = `${"<div>".repeat(150)}<p>Trailing note inside the nest.</p>${"</div>".repeat(150)}`;
    const body = `<!doctype html><html><head><title>${a.title}</title></head><body><article><h1>${a.title}</h1>${a.paragraphs
      .map((p) => `<p>${p}</p>`)
      .join("")}</article>${nested}</body></html>`;
    server.route("/deep-page", (_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(body);
    });
    const warned: string[] = [];
    const art = await fetchArticle(server.url("/deep-page"), { ...deps, warn: (m) => warned.push(m) });
    expectFullText(art, a.paragraphs);
    expect(warned).toEqual([
      `${server.url("/deep-page")}: elements nested deeper than 100 were flattened to their text`,
    ]);
    // A page within bounds tells nothing.
    await fetchArticle(server.url(`/articles/${a.slug}`), { ...deps, warn: (m) => warned.push(m) });
    expect(warned).toHaveLength(1);
  });

  it("refuses a page robots.txt disallows, and reports HTTP errors", async () => {
    const a = server.articles[0]!;
    const err = await fetchArticle(server.url(`/private/${a.slug}`), deps).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect((err as SourceError).code).toBe("robots-disallowed");
    expect(server.requests.filter((q) => q.pathname.startsWith("/private/"))).toHaveLength(0);
    const missing = await fetchArticle(server.url("/articles/no-such-article"), deps).catch(
      (e: unknown) => e,
    );
    expect(missing).toMatchObject({ code: "http-status", status: 404 });
  });
});
