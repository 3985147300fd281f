/**
 * The source registry on real Redis: the same feed added twice is one source; listing with article
 * counts and OPML outlines; a poll's state is persisted without undoing an admin's disable or reviving a
 * removed source; one process at a time holds a source's poll lock; applyPoll stores items then state.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { SourceState } from "../../sources/types.ts";
import { SharedStore } from "../../store/sharedStore.ts";
import { feedKey, SourceInputError, type SourceRegistry } from "../../store/sources.ts";
import { until } from "../queue/helpers.ts";
import { item, openTestStore, quietLog, TestClock, type TestStore } from "./helpers.ts";

let store: TestStore | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

function open(clock = new TestClock()): { shared: SharedStore; sources: SourceRegistry; clock: TestClock } {
  store = openTestStore({ clock });
  const shared = new SharedStore({ redis: store.connect(), prefix: store.prefix, clock, log: quietLog });
  return { shared, sources: shared.sources, clock };
}

describe("adding sources", () => {
  it("gives back the same id for the same feed, however its URL is written", async () => {
    const { sources } = open();
    const first = await sources.add({
      url: "https://www.Example.com/feed.xml?utm_source=x#top",
      name: "Example",
    });
    expect(first.created).toBe(true);
    expect(first.source).toMatchObject({
      url: "https://www.example.com/feed.xml?utm_source=x",
      feedUrl: "https://www.example.com/feed.xml?utm_source=x",
      name: "Example",
      everyMs: 15 * 60_000,
      status: "ok",
      failures: 0,
      etag: null,
    });
    for (const again of [
      "http://example.com/feed.xml",
      "https://example.com:443/feed.xml/",
      "https://EXAMPLE.com/feed.xml?utm_medium=email",
    ]) {
      const r = await sources.add({ url: again });
      expect(r).toEqual({ source: first.source, created: false });
    }
    // A site URL whose discovered feed is the same feed is the same source too.
    const bySite = await sources.add({
      url: "https://example.com/",
      feedUrl: "https://example.com/feed.xml",
    });
    expect(bySite.source.id).toBe(first.source.id);
    // Another feed of the site is another source.
    const other = await sources.add({ url: "https://example.com/sport/feed.xml" });
    expect(other.created).toBe(true);
    expect(other.source.id).not.toBe(first.source.id);
    expect((await sources.states()).map((s) => s.id)).toEqual([first.source.id, other.source.id]);
  });

  it("concurrent adds of one feed make one source", async () => {
    const { sources, shared } = open();
    const others = [0, 1, 2].map(
      () =>
        new SharedStore({
          redis: store!.connect(),
          prefix: store!.prefix,
          clock: new TestClock(),
          log: quietLog,
        }),
    );
    const results = await Promise.all(
      [shared, ...others].flatMap((s) => [
        s.sources.add({ url: "https://feeds.example/a.rss" }),
        s.sources.add({ url: "http://feeds.example/a.rss" }),
      ]),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.source.id)).size).toBe(1);
    expect(await sources.states()).toHaveLength(1);
  });

  it("refuses what cannot be followed, with a clear reason", async () => {
    const { sources } = open();
    await expect(sources.add({ url: "not a url" })).rejects.toThrow(/not a web address/);
    await expect(sources.add({ url: "ftp://example.com/feed" })).rejects.toThrow(/only http and https/);
    await expect(sources.add({ url: "https://example.com/feed", everyMs: 60_000 })).rejects.toBeInstanceOf(
      SourceInputError,
    );
    expect(feedKey("https://www.a.example/x/?b=1&utm_campaign=c")).toBe("a.example/x?b=1");
  });
});

describe("listing, updating, removing", () => {
  it("lists sources with their articles and as OPML outlines; remove forgets the source, not its articles", async () => {
    const { sources, shared } = open();
    const { source: a } = await sources.add({ url: "https://a.example/feed", name: "Alpha" });
    const { source: b } = await sources.add({ url: "https://b.example/", feedUrl: "https://b.example/rss" });
    await shared.articles.upsert(item({ variant: 1, sourceId: a.id }));
    await shared.articles.upsert(item({ variant: 2, sourceId: a.id }));
    const list = await sources.list();
    expect(list.map((s) => [s.name, s.articles])).toEqual([
      ["Alpha", 2],
      ["b.example", 0],
    ]);
    expect(await sources.opml()).toEqual([
      { text: "Alpha", title: "Alpha", type: "rss", xmlUrl: a.feedUrl, htmlUrl: a.url },
      { text: "b.example", title: "b.example", type: "rss", xmlUrl: "https://b.example/rss", htmlUrl: b.url },
    ]);
    expect((await sources.findByUrl("https://b.example"))?.id).toBe(b.id);
    expect(await sources.remove(a.id)).toBe(true);
    expect(await sources.remove(a.id)).toBe(false);
    expect(await sources.get(a.id)).toBeNull();
    expect(await sources.findByUrl(a.feedUrl)).toBeNull();
    expect(await shared.articles.count()).toBe(2);
    // Added again: the same id, and its articles count again.
    const again = await sources.add({ url: "https://a.example/feed" });
    expect(again.source.id).toBe(a.id);
    expect((await sources.list()).find((s) => s.id === a.id)?.articles).toBe(2);
  });

  it("persists a poll's state but keeps an admin's disable, name and interval, and never revives a removed source", async () => {
    const { sources } = open();
    const { source } = await sources.add({
      url: "https://a.example/feed",
      name: "Alpha",
      everyMs: 30 * 60_000,
    });
    const polled: SourceState = {
      ...source,
      name: "Alpha (feed title)",
      everyMs: 5 * 60_000,
      etag: '"v1"',
      lastModified: "Sun, 01 Mar 2026 07:00:00 GMT",
      lastFetchAt: "2026-03-01T08:00:00.000Z",
      nextFetchAt: "2026-03-01T08:30:00.000Z",
    };
    expect(await sources.recordPoll(polled)).toBe(true);
    expect(await sources.get(source.id)).toEqual({
      ...polled,
      name: "Alpha",
      everyMs: 30 * 60_000,
    });
    // Failing polls: counted, with the reason.
    const failing: SourceState = { ...polled, failures: 3, lastError: "HTTP 500", status: "failing" };
    await sources.recordPoll(failing);
    expect(await sources.countByStatus()).toEqual({ ok: 0, failing: 1, disabled: 0 });
    // An admin disables it while a poll is running; the poll's "ok" does not undo it.
    await sources.disable(source.id, "disabled by an admin");
    await sources.recordPoll({ ...polled, failures: 0, lastError: null, status: "ok" });
    expect(await sources.get(source.id)).toMatchObject({
      status: "disabled",
      disabledReason: "disabled by an admin",
      failures: 0,
    });
    expect(await sources.enable(source.id)).toBe(true);
    expect(await sources.get(source.id)).toMatchObject({ status: "ok", disabledReason: null, failures: 0 });
    await sources.remove(source.id);
    expect(await sources.recordPoll(polled)).toBe(false);
    expect(await sources.get(source.id)).toBeNull();
  });

  it("follows a feed that moved: the new feed URL names the same source", async () => {
    const { sources } = open();
    const { source } = await sources.add({ url: "https://a.example/old.rss" });
    await sources.recordPoll({ ...source, feedUrl: "https://a.example/new.rss" });
    expect((await sources.get(source.id))?.feedUrl).toBe("https://a.example/new.rss");
    expect((await sources.add({ url: "https://a.example/new.rss" })).source.id).toBe(source.id);
  });
});

describe("the poll lock", () => {
  it("lets one process at a time poll a source", async () => {
    const { sources } = open();
    const { source } = await sources.add({ url: "https://a.example/feed" });
    const other = new SharedStore({
      redis: store!.connect(),
      prefix: store!.prefix,
      clock: new TestClock(),
      log: quietLog,
    }).sources;
    let inside = 0;
    let most = 0;
    // The holder keeps the lock until every other attempt has come back (however slowly a loaded machine
    // runs them), so a second run could only come from the lock letting two in.
    let refused = 0;
    const poll = (reg: SourceRegistry) =>
      reg.withPollLock(source.id, async () => {
        inside++;
        most = Math.max(most, inside);
        await until(() => refused >= 3, 10_000, "the other attempts refused").catch(() => {});
        inside--;
        return "polled";
      });
    const attempts = [poll(sources), poll(other), poll(sources), poll(other)].map((p) =>
      p.then((r) => {
        if (!r.ran) refused++;
        return r;
      }),
    );
    const results = await Promise.all(attempts);
    expect(results.filter((r) => r.ran)).toHaveLength(1);
    expect(most).toBe(1);
    // Released afterwards; and held past its TTL by the holder's keep-alive (the task outlasts the TTL
    // more than twice over; the margins are wide, as a loaded machine delays the keep-alive's timer).
    const long = await other.withPollLock(
      source.id,
      async () => {
        await new Promise((r) => setTimeout(r, 2_600));
        return (await sources.withPollLock(source.id, async () => 1)).ran;
      },
      1_200,
    );
    expect(long).toEqual({ ran: true, value: false });
  });
});

describe("applyPoll", () => {
  it("stores the items, then the source's new state, and counts what happened", async () => {
    const { shared, sources } = open();
    const { source } = await sources.add({ url: "https://a.example/feed" });
    const items = [1, 2, 3].map((v) => item({ variant: v, sourceId: null }));
    const next: SourceState = { ...source, etag: '"e1"', lastFetchAt: "2026-03-01T08:00:00.000Z" };
    expect(await shared.applyPoll({ items, next })).toEqual({
      added: 3,
      updated: 0,
      unchanged: 0,
      failed: 0,
    });
    expect((await sources.list())[0]).toMatchObject({ etag: '"e1"', articles: 3 });
    const edited = { ...items[0]!, text: `${items[0]!.text}\n\nThis paragraph was added after publication.` };
    const dup = { ...items[1]!, guid: "another-guid", url: "https://news.example/another" };
    const empty = { ...items[2]!, guid: "empty", url: null, text: " " };
    expect(await shared.applyPoll({ items: [edited, items[1]!, dup, empty], next })).toEqual({
      added: 0,
      updated: 1,
      unchanged: 2,
      failed: 1,
    });
    expect(await shared.articles.count()).toBe(3);
    expect((await shared.articles.idsOfSource(source.id)).length).toBe(3);
  });
});
