/**
 * Arrival order and retention: "what arrived since T" comes from the arrival index; articles older than
 * the retention period leave the store, the per-source counts and (through the log) every live index;
 * their items are not added back while a feed still lists them; one process runs each retention pass.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { StoreFollower } from "../../store/follower.ts";
import { RetentionTimer, runRetention } from "../../store/retention.ts";
import { SharedStore } from "../../store/sharedStore.ts";
import { until } from "../queue/helpers.ts";
import { item, MapCorpus, openTestStore, quietLog, TestClock, type TestStore } from "./helpers.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let store: TestStore | null = null;
const followers: StoreFollower[] = [];
afterEach(async () => {
  await Promise.all(followers.splice(0).map((f) => f.stop()));
  await store?.close();
  store = null;
});

describe("arrival order", () => {
  it("answers what arrived since T (exclusive) and up to U, oldest first", async () => {
    const clock = new TestClock("2026-03-01T08:00:00Z");
    store = openTestStore({ clock });
    const a = store.articles;
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      ids.push((await a.upsert(item({ variant: i }))).id);
      clock.advance(HOUR);
    }
    const t0 = Date.parse("2026-03-01T08:00:00Z");
    expect((await a.since(new Date(t0 + 30 * 60_000))).map((x) => x.id)).toEqual(ids.slice(1));
    // Exclusive at T: an article that arrived exactly at the last digest's slot belongs to that digest.
    expect((await a.since(new Date(t0 + HOUR))).map((x) => x.id)).toEqual(ids.slice(2));
    expect(
      (await a.idsByArrival({ since: new Date(t0), until: new Date(t0 + 2 * HOUR) })).map((x) => x.id),
    ).toEqual(ids.slice(1, 3));
    expect((await a.since(new Date(t0 + 2 * HOUR)))[0]!.addedAt).toBe(new Date(t0 + 3 * HOUR).toISOString());
    // An update does not make an article arrive again.
    clock.advance(HOUR);
    expect((await a.upsert(item({ variant: 0, title: "Edited later" }))).outcome).toBe("updated");
    expect((await a.since(new Date(t0 + 3.5 * HOUR))).map((x) => x.id)).toEqual([]);
  });
});

describe("retention", () => {
  it("removes articles older than the period from the store, its counts and every live index", async () => {
    const clock = new TestClock("2026-03-01T08:00:00Z");
    store = openTestStore({ clock, tombstoneMs: 30 * DAY });
    const shared = new SharedStore({ redis: store.connect(), prefix: store.prefix, clock, log: quietLog });
    const corpus = new MapCorpus();
    const f = shared.follower(corpus, { blockMs: 500 });
    followers.push(f);
    await f.start();

    const a = store.articles;
    const old = item({ variant: 0, sourceId: "src_one" });
    const oldId = (await a.upsert(old)).id;
    clock.advance(10 * DAY);
    const mid = (await a.upsert(item({ variant: 1, sourceId: "src_one" }))).id;
    clock.advance(25 * DAY);
    const fresh = (await a.upsert(item({ variant: 2, sourceId: "src_two" }))).id;
    await until(() => corpus.articles.size === 3, 5_000, "three articles followed");

    // Day 35: only the first article is older than 30 days.
    const result = await runRetention(a, clock, { retentionDays: 30 });
    expect(result.removed).toBe(1);
    expect(await a.count()).toBe(2);
    expect(await a.get(oldId)).toBeNull();
    expect(await a.countBySource(["src_one", "src_two"])).toEqual({ src_one: 1, src_two: 1 });
    await until(() => !corpus.articles.has(oldId), 5_000, "removed from the live index");
    expect([...corpus.articles.keys()].sort()).toEqual([mid, fresh].sort());

    // The feed still lists the old item: it is not added back.
    expect(await a.upsert(old)).toEqual({ outcome: "unchanged", id: oldId });
    expect(await a.count()).toBe(2);

    // Long after (the tombstone ended): everything is gone, and the item would be new again.
    clock.advance(70 * DAY);
    const later = await runRetention(a, clock, { retentionDays: 30 });
    expect(later.removed).toBe(2);
    expect(later.tombstonesPurged).toBeGreaterThanOrEqual(1);
    await until(() => corpus.articles.size === 0, 5_000, "live index empty");
    expect((await a.upsert(old)).outcome).toBe("added");
  });

  it("trims the change log, so a process away for longer reloads instead of catching up", async () => {
    const clock = new TestClock();
    store = openTestStore({ clock });
    const a = store.articles;
    for (let i = 0; i < 3; i++) await a.upsert(item({ variant: i }));
    expect(await store.redis.xlen(store.keys.log)).toBe(3);
    const r = await runRetention(a, clock, { retentionDays: 30, logKeepMs: 0 });
    expect(r.removed).toBe(0);
    expect(r.logTrimmed).toBe(3);
    expect(await store.redis.xlen(store.keys.log)).toBe(0);
    expect(await a.count()).toBe(3);
  });

  it("runs once per period across processes (a leader-locked interval)", async () => {
    const clock = new TestClock();
    store = openTestStore({ clock });
    const timers = [0, 1, 2].map(
      () =>
        new RetentionTimer(
          { articles: store!.another(clock), redis: store!.connect(), clock, log: quietLog },
          { everyMs: 60_000 },
        ),
    );
    const results = await Promise.all(timers.map((t) => t.tick()));
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(await Promise.all(timers.map((t) => t.tick()))).toEqual([null, null, null]);
    expect(timers.reduce((n, t) => n + t.runs, 0)).toBe(1);
    await Promise.all(timers.map((t) => t.close()));
    // The next period (the lock expired) runs again.
    await store.redis.del(store.keys.retentionLock);
    expect(await timers[2]!.tick()).not.toBeNull();
  });
});
