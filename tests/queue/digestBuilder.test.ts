/**
 * The digest builder builds one digest per (slot, since, topics) across workers, whatever the
 * interleaving: these tests force the interleavings that used to build it twice.
 */
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { DigestBuilder } from "../../queue/digestBuilder.ts";
import { digestKeys } from "../../queue/keys.ts";
import { deletePrefix, FakeEngine, quietLog, REDIS_URL, uniquePrefix } from "./helpers.ts";

const prefix = uniquePrefix();
const conns: Redis[] = [];
afterEach(async () => {
  await Promise.all(conns.splice(0).map((c) => c.quit()));
  await deletePrefix(prefix);
});

function connect(): Redis {
  const r = new Redis(REDIS_URL);
  conns.push(r);
  return r;
}

/** A connection whose first GET returns its (real) answer only once `gate` has resolved. */
function slowFirstGet(gate: Promise<unknown>): Redis {
  const redis = connect();
  let first = true;
  return new Proxy(redis, {
    get(target, prop, receiver) {
      if (prop === "get" && first) {
        first = false;
        return async (key: string) => {
          const answer = await target.get(key);
          await gate;
          return answer;
        };
      }
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

describe("digest builder", () => {
  it("does not build again when another worker finished between its cache miss and its lock", async () => {
    const engine = new FakeEngine([{ id: "x", title: "Sanctions news", addedAt: "2019-04-25T08:00:00Z" }]);
    const keys = digestKeys(prefix);
    const req = { slot: Date.parse("2026-01-05T07:00:00Z"), since: null, topics: ["sanctions"] };
    let firstDone: () => void = () => {};
    const gate = new Promise<void>((r) => {
      firstDone = r;
    });
    // Worker B reads the cache (a miss) before worker A has built; its answer arrives after A has
    // built, cached and released the build lock, so B then gets the lock.
    const b = new DigestBuilder({ engine, redis: slowFirstGet(gate), keys, log: quietLog });
    const a = new DigestBuilder({ engine, redis: connect(), keys, log: quietLog });
    const late = b.document(req);
    const docA = await a.document(req);
    firstDone();
    const docB = await late;
    expect(docB).toEqual(docA);
    expect(engine.digestCalls).toHaveLength(1);
    expect(a.builds + b.builds).toBe(1);
  });

  it("waits for a build in progress elsewhere instead of building it too", async () => {
    const engine = new FakeEngine([{ id: "x", title: "Summit news", addedAt: "2019-04-25T08:00:00Z" }]);
    let release: () => void = () => {};
    const slow = new Promise<void>((r) => {
      release = r;
    });
    const digest = engine.digest.bind(engine);
    engine.digest = async (opts) => {
      await slow;
      return digest(opts);
    };
    const keys = digestKeys(prefix);
    const req = { slot: Date.parse("2026-01-05T07:00:00Z"), since: null, topics: [] };
    const a = new DigestBuilder({ engine, redis: connect(), keys, log: quietLog });
    const b = new DigestBuilder({ engine, redis: connect(), keys, log: quietLog });
    const first = a.document(req);
    // A holds the build lock once its engine call has started.
    while (a.builds === 0) await new Promise((r) => setTimeout(r, 5));
    const second = b.document(req);
    release();
    expect(await second).toEqual(await first);
    expect(a.builds + b.builds).toBe(1);
  });
});
