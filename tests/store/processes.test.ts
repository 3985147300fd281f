/**
 * Several processes on one store: a change made in one is applied (searchable, or gone) in another
 * within 2 seconds, whichever way; processes upserting the same items at once make one article each.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import type { StoreFollower } from "../../store/follower.ts";
import { SharedStore } from "../../store/sharedStore.ts";
import { until } from "../queue/helpers.ts";
import { item, MapCorpus, openTestStore, quietLog, realClock, type TestStore } from "./helpers.ts";

const CHILD = fileURLToPath(new URL("./fixtures/storeChild.ts", import.meta.url));

/** A store process: its output lines, and a way to send it commands. */
class Child {
  readonly proc: ChildProcess;
  readonly lines: string[] = [];
  /** When each line arrived here (ms). */
  readonly at: number[] = [];
  constructor(s: TestStore) {
    this.proc = spawn(process.execPath, [CHILD], {
      env: { ...process.env, REDIS_URL: s.redisUrl, PREFIX: s.prefix },
      stdio: ["pipe", "pipe", "inherit"],
    });
    let buf = "";
    this.proc.stdout!.on("data", (chunk: Buffer) => {
      buf += chunk.toString();
      for (let nl = buf.indexOf("\n"); nl >= 0; nl = buf.indexOf("\n")) {
        this.lines.push(buf.slice(0, nl));
        this.at.push(Date.now());
        buf = buf.slice(nl + 1);
      }
    });
  }
  send(cmd: unknown): void {
    this.proc.stdin!.write(`${JSON.stringify(cmd)}\n`);
  }
  /** Waits for a line matching `re` after line index `from`; returns its match. */
  async expectLine(re: RegExp, timeoutMs = 15_000, from = 0): Promise<RegExpExecArray> {
    let m: RegExpExecArray | null = null;
    await until(
      () => {
        for (let i = from; i < this.lines.length && !m; i++) m = re.exec(this.lines[i]!);
        return m !== null;
      },
      timeoutMs,
      String(re),
    );
    return m!;
  }
  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (this.proc.exitCode !== null || this.proc.signalCode !== null) return resolve();
      this.proc.once("exit", () => resolve());
      this.proc.kill("SIGKILL");
    });
  }
}

let store: TestStore | null = null;
const children: Child[] = [];
const followers: StoreFollower[] = [];
afterEach(async () => {
  await Promise.all(children.splice(0).map((c) => c.stop()));
  await Promise.all(followers.splice(0).map((f) => f.stop()));
  await store?.close();
  store = null;
});

async function startChild(s: TestStore): Promise<Child> {
  const c = new Child(s);
  children.push(c);
  await c.expectLine(/^READY$/, 90_000); // a child's start-up is slow on a loaded machine
  return c;
}

describe("across processes", () => {
  it("an article added here is searchable in another process within 2 s, and a removed one gone within 2 s", {
    timeout: 120_000,
  }, async () => {
    store = openTestStore();
    const child = await startChild(store);
    const it0 = item({
      variant: 0,
      text: "Harbour pilots in Vladivostok went on strike on Monday.\n\nFerries were cancelled for the day.",
    });
    const { id } = await store.articles.upsert(it0);
    const added = Date.now();
    const applied = await child.expectLine(new RegExp(`^UPSERT ${id} (\\d+)$`), 2_000);
    expect(Number(applied[1]) - added).toBeLessThan(2_000);
    const from = child.lines.length;
    child.send({ search: "harbour pilots strike" });
    expect((await child.expectLine(/^FOUND (.*)$/, 5_000, from))[1]!.split(",")).toEqual([id]);

    await store.articles.remove(id);
    await child.expectLine(new RegExp(`^REMOVE ${id} \\d+$`), 2_000);
    const from2 = child.lines.length;
    child.send({ search: "harbour pilots strike" });
    expect((await child.expectLine(/^FOUND (.*)$/, 5_000, from2))[1]).toBe("");
  });

  it("an article added by another process is searchable here within 2 s", { timeout: 120_000 }, async () => {
    store = openTestStore();
    const child = await startChild(store);
    const corpus = new MapCorpus();
    const shared = new SharedStore({
      redis: store.connect(),
      prefix: store.prefix,
      clock: realClock,
      log: quietLog,
    });
    const f = shared.follower(corpus, { blockMs: 1_000 });
    followers.push(f);
    await f.start();
    const it0 = item({
      variant: 1,
      text: "A glacier in Kamchatka moved twelve metres overnight.\n\nScientists were surprised.",
    });
    child.send({ upsert: it0 });
    const done = await child.expectLine(/^DONE added (\S+)$/);
    const doneAt = child.at[child.lines.indexOf(done[0])]!;
    await until(() => corpus.search("glacier kamchatka").includes(done[1]!), 2_000, "searchable here");
    expect(Date.now() - doneAt).toBeLessThan(2_000);
  });

  it("processes upserting the same items at once make one article per item", {
    timeout: 180_000,
  }, async () => {
    store = openTestStore();
    const kids = await Promise.all([startChild(store), startChild(store), startChild(store)]);
    const items = Array.from({ length: 8 }, (_, i) => item({ variant: 10 + i }));
    for (const it0 of items) for (const k of kids) k.send({ upsert: it0 });
    // Here too, at the same time.
    const here = await Promise.all(items.map((it0) => store!.another().upsert(it0)));
    for (const k of kids)
      await until(() => k.lines.filter((l) => l.startsWith("DONE ")).length === 8, 15_000, "done");
    const outcomes = [
      ...here.map((r) => r.outcome),
      ...kids.flatMap((k) => k.lines.filter((l) => l.startsWith("DONE ")).map((l) => l.split(" ")[1])),
    ];
    expect(outcomes.filter((o) => o === "added")).toHaveLength(8);
    expect(outcomes.filter((o) => o === "unchanged")).toHaveLength(24);
    expect(await store.articles.count()).toBe(8);
    const adds = (await store.redis.xrange(store.keys.log, "-", "+")).filter(([, f]) => f[1] === "add");
    expect(adds).toHaveLength(8);
  });
});
