/**
 * Upserts at the same time from many connections (as many workers would): one article per item, one per
 * duplicated text, no false merges of different texts, and updates racing removes leave a consistent store.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { ArticleStore } from "../../store/articles.ts";
import { item, openTestStore, type TestStore } from "./helpers.ts";

let store: TestStore | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

function workers(s: TestStore, n: number): ArticleStore[] {
  return Array.from({ length: n }, () => s.another());
}

async function logCount(s: TestStore, op: string): Promise<number> {
  return (await s.redis.xrange(s.keys.log, "-", "+")).filter(([, f]) => f[1] === op).length;
}

describe("concurrent upserts", () => {
  it("of the same item by many workers make one article", async () => {
    store = openTestStore();
    const ws = workers(store, 6);
    const it0 = item({ variant: 0 });
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => ws[i % ws.length]!.upsert(it0)));
    expect(results.filter((r) => r.outcome === "added")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "unchanged")).toHaveLength(29);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await store.articles.count()).toBe(1);
    expect(await logCount(store, "add")).toBe(1);
  });

  it("of one text under many guids (one publisher) make one article, the rest duplicates of it", async () => {
    store = openTestStore();
    const ws = workers(store, 5);
    const base = item({ variant: 1 });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        ws[i % ws.length]!.upsert({ ...base, guid: `copy-${i}`, url: `https://news.example/copy-${i}` }),
      ),
    );
    expect(results.filter((r) => r.outcome === "added")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "duplicate")).toHaveLength(19);
    expect(await store.articles.count()).toBe(1);
    // Every copy's guid now names the one article.
    const again = await store.articles.upsert({ ...base, guid: "copy-7", url: null });
    expect(again).toEqual({ outcome: "unchanged", id: results[0]!.id });
  });

  it("of different texts from one publisher all get in", async () => {
    store = openTestStore();
    const ws = workers(store, 4);
    const items = Array.from({ length: 20 }, (_, i) => item({ variant: 100 + i }));
    const results = await Promise.all(items.map((it0, i) => ws[i % ws.length]!.upsert(it0)));
    expect(results.map((r) => r.outcome)).toEqual(Array(20).fill("added"));
    expect(await store.articles.count()).toBe(20);
  });

  it("racing updates and removes of one article leave either the article or nothing, never a half", async () => {
    store = openTestStore();
    const ws = workers(store, 4);
    const it0 = item({ variant: 2 });
    const { id } = await store.articles.upsert(it0);
    const ops = Array.from({ length: 12 }, (_, i) =>
      i === 6 ? ws[0]!.remove(id) : ws[i % 4]!.upsert({ ...it0, text: `${it0.text}\n\nRevision ${i}.` }),
    );
    await Promise.all(ops);
    const [exists, inArrivals, ident] = await Promise.all([
      store.redis.exists(store.keys.article(id)),
      store.redis.zscore(store.keys.arrivals, id),
      store.redis.hvals(store.keys.ident),
    ]);
    expect(exists === 1).toBe(inArrivals !== null);
    const live = await store.articles.count();
    // Whatever won, every identity points at an article that exists or at the removed one (a tombstone).
    for (const target of ident) {
      const alive = (await store.redis.exists(store.keys.article(target))) === 1;
      if (!alive) expect(target).toBe(id);
    }
    expect(live).toBeLessThanOrEqual(1);
  });
});
