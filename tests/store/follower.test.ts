/**
 * Following the change log: a follower loads what the store holds, then applies every add, update and
 * remove; after a disconnect it catches up from its last id; when the log was trimmed past that id, or
 * the store was lost and started again, it reloads everything; its lag is reported.
 */
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import type { StoreFollower } from "../../store/follower.ts";
import { SharedStore } from "../../store/sharedStore.ts";
import { deletePrefix, until } from "../queue/helpers.ts";
import {
  item,
  MapCorpus,
  openTestStore,
  quietLog,
  RecordingCorpus,
  realClock,
  type TestStore,
} from "./helpers.ts";

let store: TestStore | null = null;
const followers: StoreFollower[] = [];
afterEach(async () => {
  await Promise.all(followers.splice(0).map((f) => f.stop()));
  await store?.close();
  store = null;
});

/** A second process's view: its own connection, its own SharedStore, a follower into `corpus`. */
function followerOf(
  s: TestStore,
  corpus: RecordingCorpus | MapCorpus,
  name = `summit-store-follower-${randomUUID()}`,
) {
  const shared = new SharedStore({ redis: s.connect(), prefix: s.prefix, clock: realClock, log: quietLog });
  const f = shared.follower(corpus, { blockMs: 500, connectionName: name });
  followers.push(f);
  return f;
}

/** The client id of our own connection with this name (waits until it is connected). */
async function clientIdNamed(s: TestStore, name: string): Promise<string> {
  let id: string | undefined;
  await until(
    async () => {
      const line = String(await s.redis.client("LIST"))
        .split("\n")
        .find((l) => l.includes(`name=${name} `));
      id = line ? /\bid=(\d+)/.exec(line)?.[1] : undefined;
      return id !== undefined;
    },
    5_000,
    `connection ${name}`,
  );
  return id!;
}

describe("a follower", () => {
  it("loads what the store holds, then applies adds, updates and removes in order", async () => {
    store = openTestStore();
    const a = store.articles;
    const first = await a.upsert(item({ variant: 0 }));
    const second = await a.upsert(item({ variant: 1 }));
    const rec = new RecordingCorpus();
    const f = followerOf(store, rec);
    await f.start();
    expect(rec.calls.map((c) => `${c.op} ${c.id}`)).toEqual([`upsert ${first.id}`, `upsert ${second.id}`]);

    const third = await a.upsert(item({ variant: 2 }));
    const edited = item({ variant: 0, title: "A corrected headline" });
    await a.upsert(edited);
    await a.remove(second.id);
    await until(() => rec.calls.length >= 5, 5_000, "three changes applied");
    expect(rec.calls.slice(2)).toEqual([
      { op: "upsert", id: third.id, title: expect.any(String) },
      { op: "upsert", id: first.id, title: "A corrected headline" },
      { op: "remove", id: second.id },
    ]);
    const st = f.status();
    expect(st.reloads).toBe(1);
    expect(st.behind).toBe(0);
    expect(st.lastLagMs).not.toBeNull();
    expect(st.lastError).toBeNull();
  });

  it("keeps a real corpus searchable: an article added in the store is found, a removed one is not", async () => {
    store = openTestStore();
    const corpus = new MapCorpus();
    const f = followerOf(store, corpus);
    await f.start();
    const it0 = item({
      variant: 3,
      text: "Vladivostok harbour froze early this year.\n\nShips waited outside for days.",
    });
    const { id } = await store.articles.upsert(it0);
    // Read your writes: the upsert's log entry says when this process's index has it.
    const written = await store.articles.upsert({
      ...it0,
      guid: "again",
      url: null,
      title: "Harbour frozen",
    });
    expect(written.outcome).toBe("duplicate");
    const other = await store.articles.upsert(item({ variant: 5 }));
    await f.applied(other.logId!);
    expect(corpus.articles.has(other.id)).toBe(true);
    expect(corpus.search("vladivostok harbour")).toEqual([id]);
    await store.articles.remove(id);
    await until(() => corpus.search("vladivostok harbour").length === 0, 5_000, "article gone");
  });

  it("that was stopped catches up from its last id, without reloading", async () => {
    store = openTestStore();
    const a = store.articles;
    const kept = await a.upsert(item({ variant: 0 }));
    const doomed = await a.upsert(item({ variant: 1 }));
    const rec = new RecordingCorpus();
    const f = followerOf(store, rec);
    await f.start();
    await f.stop();
    const added = await a.upsert(item({ variant: 2 }));
    await a.remove(doomed.id);
    rec.calls = [];
    await f.start();
    await until(() => rec.calls.length >= 2, 5_000, "catch-up");
    expect(rec.calls.map((c) => `${c.op} ${c.id}`)).toEqual([`upsert ${added.id}`, `remove ${doomed.id}`]);
    expect(f.status().reloads).toBe(1);
    expect(rec.calls.some((c) => c.id === kept.id)).toBe(false);
  });

  it("whose connection is killed reconnects and catches up from its last id", async () => {
    store = openTestStore();
    const name = `summit-store-follower-${randomUUID()}`;
    const rec = new RecordingCorpus();
    const f = followerOf(store, rec, name);
    await f.start();
    const first = await clientIdNamed(store, name);
    await store.redis.client("KILL", "ID", first); // our own follower's connection only
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await store.articles.upsert(item({ variant: 4 + i }))).id);
    await until(
      () => ids.every((id) => rec.calls.some((c) => c.id === id)),
      10_000,
      "applied after reconnect",
    );
    expect(await clientIdNamed(store, name)).not.toBe(first);
    expect(f.status().reloads).toBe(1);
  });

  it("reloads everything when the log was trimmed past its position", async () => {
    store = openTestStore();
    const a = store.articles;
    const kept = await a.upsert(item({ variant: 0 }));
    const doomed = await a.upsert(item({ variant: 1 }));
    const corpus = new MapCorpus();
    const f = followerOf(store, corpus);
    await f.start();
    await f.stop();
    const added = await a.upsert(item({ variant: 2 }));
    await a.remove(doomed.id);
    // Retention trimmed the log: the entries this process has not read are gone.
    expect(await a.trimLog(-60_000)).toBeGreaterThan(0);
    await f.start();
    await until(() => f.status().reloads === 2, 5_000, "a reload");
    expect([...corpus.articles.keys()].sort()).toEqual([kept.id, added.id].sort());
    // And it follows on from there.
    const later = await a.upsert(item({ variant: 3 }));
    await until(() => corpus.articles.has(later.id), 5_000, "following after the reload");
  });

  it("reloads when the store was lost and started again (a new epoch), dropping what no longer exists", async () => {
    store = openTestStore();
    const a = store.articles;
    const old = await a.upsert(item({ variant: 0 }));
    const corpus = new MapCorpus();
    const f = followerOf(store, corpus);
    await f.start();
    expect(corpus.articles.has(old.id)).toBe(true);
    await f.stop();
    await deletePrefix(store.prefix); // as a Redis restart without persistence would (our own keys only)
    const fresh = await a.upsert(item({ variant: 1 }));
    await f.start();
    await until(() => corpus.articles.has(fresh.id), 5_000, "the new article");
    expect([...corpus.articles.keys()]).toEqual([fresh.id]);
    expect(f.status().reloads).toBe(2);
  });

  it("notices a new epoch when its first entry arrived while it was blocked on an empty store", async () => {
    // The follower reads the epoch and then blocks; the store's first write (which sets the epoch) wakes
    // the block. It must still learn that epoch, or a later loss of the store goes unnoticed.
    store = openTestStore();
    const corpus = new MapCorpus();
    const name = `summit-store-follower-${randomUUID()}`;
    const f = followerOf(store, corpus, name);
    await f.start();
    await until(
      async () =>
        String(await store!.redis.client("LIST"))
          .split("\n")
          .some((l) => l.includes(`name=${name} `) && l.includes("cmd=xread")),
      5_000,
      "the follower blocked in XREAD",
    );
    const old = await store.articles.upsert(item({ variant: 0 }));
    await until(() => corpus.articles.has(old.id), 5_000, "the first article");
    await f.stop();
    await deletePrefix(store.prefix); // as a Redis restart without persistence would
    const fresh = await store.articles.upsert(item({ variant: 1 }));
    await f.start();
    await until(() => corpus.articles.has(fresh.id), 5_000, "the new article");
    await until(() => !corpus.articles.has(old.id), 5_000, "the lost article dropped");
    expect(f.status().reloads).toBe(2);
  });

  it("reports how far behind it is", async () => {
    store = openTestStore();
    const f = followerOf(store, new RecordingCorpus());
    await f.start();
    await f.stop();
    for (let i = 0; i < 3; i++) await store.articles.upsert(item({ variant: i }));
    const check = await f.check();
    expect(check.behind).toBe(3);
    expect(check.oldestUnappliedMs).toBeGreaterThanOrEqual(0);
    await f.start();
    await until(async () => (await f.check()).behind === 0, 5_000, "caught up");
    expect(f.status().p99LagMs).not.toBeNull();
  });
});
