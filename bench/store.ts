/**
 * The shared store (store/), each figure beside a baseline measured in the same run:
 *  1. Propagation: time from an article's arrival in the store (its change-log entry's time, which Redis
 *     stamps in ms: figures carry up to 1 ms of that rounding) to being applied to
 *     another process's live corpus (follower: XREAD wake-up, HGET, JSON parse, corpus upsert), median
 *     and p99, paced and in a burst; baseline: a raw XADD → XREAD BLOCK round trip between the same two
 *     processes. Goal: p99 < 2 s.
 *  2. Catch-up: a new process loading a store of 100,000 articles (BBC News copied ~48 times, each copy
 *     under its own publisher; BBC's own repeated articles are found duplicate and left out) into a
 *     Map-backed corpus: time and RSS; baseline: the same
 *     process shape reading every article hash raw (ZRANGE + pipelined HGETALL, strings kept), and the
 *     RSS of an idle process with the same imports.
 *   npx node bench/store.ts     (BENCH_STORE_ARTICLES, BENCH_STORE_SAMPLES, BENCH_STORE_RUNS to change)
 * Runs its own redis-server (no persistence) when one is on PATH, else uses REDIS_URL under a unique
 * prefix that it deletes afterwards.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { Redis } from "ioredis";
import { pino } from "pino";
import { createRedis } from "../queue/redis.ts";
import { articleFromRecord } from "../src/corpus/load.ts";
import type { Article } from "../src/model.ts";
import { entryTime } from "../store/log.ts";
import { SharedStore } from "../store/sharedStore.ts";
import type { LiveCorpus } from "../store/types.ts";
import { findRedisServer, OwnRedis } from "../tests/queue/ownRedis.ts";
import { deleteKeysUnder } from "../tests/support/redisKeys.ts";

const log = pino({ level: "silent" });
const clock = { now: () => new Date() };
const now = () => performance.timeOrigin + performance.now();
const RAW_STREAM = "bench:raw";

function quantile(samples: number[], q: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
}
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "–");
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function bbcPath(): string {
  for (const up of [
    ["..", ".."],
    ["..", "..", ".."],
  ]) {
    const p = join(import.meta.dirname, ...up, "shared", "eval", "bbc_news", "bbc_news.jsonl");
    if (existsSync(p)) return p;
  }
  throw new Error("BBC News data not found (../shared/eval/bbc_news/bbc_news.jsonl)");
}

// ---------------------------------------------------------------- child process (the "other process")

/** A corpus that only keeps articles, and reports each applied one. */
class TimedCorpus implements LiveCorpus {
  readonly articles = new Map<string, Article>();
  readonly #report: ((id: string) => void) | null;
  constructor(report: ((id: string) => void) | null) {
    this.#report = report;
  }
  upsert(a: Article): void {
    this.articles.set(a.id, a);
    this.#report?.(a.id);
  }
  remove(id: string): void {
    this.articles.delete(id);
  }
}

async function child(mode: string): Promise<void> {
  const redis = createRedis(process.env.REDIS_URL!, { name: "bench-store-child" });
  const prefix = process.env.PREFIX!;
  const out = (s: string) => process.stdout.write(`${s}\n`);
  if (mode === "idle") {
    await redis.ping();
    out(`DONE 0 ${process.memoryUsage().rss}`);
  } else if (mode === "follow") {
    const store = new SharedStore({ redis, prefix, clock, log });
    const f = store.follower(new TimedCorpus((id) => out(`A ${id} ${now()}`)), { blockMs: 1_000 });
    await f.start();
    out("READY");
  } else if (mode === "raw") {
    const conn = redis.duplicate({ enableAutoPipelining: false });
    out("READY");
    let last = "$";
    for (;;) {
      const res = (await conn.xread("BLOCK", 1_000, "STREAMS", `${prefix}:${RAW_STREAM}`, last)) as
        | [string, [string, string[]][]][]
        | null;
      for (const [id, fields] of res?.[0]?.[1] ?? []) {
        last = id;
        out(`A ${fields[1]} ${now()}`);
      }
    }
  } else if (mode === "catchup") {
    const store = new SharedStore({ redis, prefix, clock, log });
    const corpus = new TimedCorpus(null);
    const t0 = now();
    const f = store.follower(corpus, { blockMs: 1_000 });
    await f.start();
    const ms = now() - t0;
    await f.stop();
    out(`DONE ${ms} ${process.memoryUsage().rss} ${corpus.articles.size}`);
  } else if (mode === "scan") {
    const t0 = now();
    const ids = await redis.zrange(`${prefix}:store:arrivals`, "0", "-1");
    const kept: Record<string, string>[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const pipe = redis.pipeline();
      for (const id of ids.slice(i, i + 500)) pipe.hgetall(`${prefix}:store:art:${id}`);
      for (const [err, h] of (await pipe.exec()) ?? []) {
        if (err) throw err;
        kept.push(h as Record<string, string>);
      }
    }
    const ms = now() - t0;
    out(`DONE ${ms} ${process.memoryUsage().rss} ${kept.length}`);
  }
  if (mode !== "follow" && mode !== "raw") {
    redis.disconnect();
    process.exit(0);
  }
}

// ---------------------------------------------------------------- parent

interface Child {
  /** Lines that are not "A …" reports, in order. */
  lines: string[];
  applied: Map<string, number>;
  kill(): void;
}

function startChild(mode: string, redisUrl: string, prefix: string): Child {
  const proc = spawn(process.execPath, ["--max-old-space-size=8192", new URL(import.meta.url).pathname], {
    env: { ...process.env, BENCH_STORE_CHILD: mode, REDIS_URL: redisUrl, PREFIX: prefix },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const c: Child = { lines: [], applied: new Map(), kill: () => proc.kill("SIGKILL") };
  // A plain 'line' listener: readline's async iterator pauses its input after 1,024 unread lines.
  createInterface({ input: proc.stdout! }).on("line", (l) => {
    if (!l.startsWith("A ")) return void c.lines.push(l);
    const [, id, t] = l.split(" ");
    c.applied.set(id!, Number(t));
  });
  return c;
}

async function expectLine(c: Child, prefix: string, timeoutMs = 600_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const line = c.lines.find((l) => l.startsWith(prefix));
    if (line) return line;
    if (Date.now() > end) throw new Error(`no ${prefix} from the child process`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function waitApplied(c: Child, ids: string[], timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ids.every((id) => c.applied.has(id))) {
    if (Date.now() > end)
      throw new Error(
        `changes were not applied in the other process within 60 s (${ids.filter((id) => !c.applied.has(id)).length} of ${ids.length} missing, ${c.applied.size} applied)`,
      );
    await new Promise((r) => setTimeout(r, 20));
  }
}

interface Bbc {
  id: string;
  title: string;
  text: string;
}

function loadBbc(): Bbc[] {
  return readFileSync(bbcPath(), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Bbc);
}

/** Propagation samples (ms), store path and raw baseline, paced one at a time then in a burst. */
async function propagation(redisUrl: string, bbc: Bbc[], samples: number) {
  const prefix = `bench-store-${randomUUID()}`;
  const redis = createRedis(redisUrl, { name: "bench-store" });
  redis.on("error", () => {});
  const store = new SharedStore({ redis, prefix, clock, log });
  const follower = startChild("follow", redisUrl, prefix);
  const raw = startChild("raw", redisUrl, prefix);
  await Promise.all([expectLine(follower, "READY"), expectLine(raw, "READY")]);
  const res = { store: [] as number[], storeCall: [] as number[], raw: [] as number[] };
  const burst = { store: [] as number[], raw: [] as number[], storeMs: 0, rawMs: 0 };
  let n = 0;
  const item = (b: Bbc, i: number) => ({
    sourceId: "src_bench",
    guid: `${b.id}#${i}`,
    url: `https://bench.example/${b.id}/${i}`,
    title: b.title,
    publisher: `Publisher ${i}`,
    author: null,
    publishedAt: null,
    text: b.text,
  });
  try {
    // Paced: one change at a time, alternating store and raw, 10 ms apart.
    for (let i = 0; i < samples; i++) {
      const b = bbc[i % bbc.length]!;
      const t0 = now();
      const { id, logId } = await store.articles.upsert(item(b, n++));
      await waitApplied(follower, [id]);
      res.store.push(follower.applied.get(id)! - entryTime(logId!));
      res.storeCall.push(follower.applied.get(id)! - t0);
      const tag = `r${i}`;
      const rawId = await redis.xadd(`${prefix}:${RAW_STREAM}`, "*", "tag", tag, "text", b.text);
      await waitApplied(raw, [tag]);
      res.raw.push(raw.applied.get(tag)! - entryTime(rawId!));
      await new Promise((r) => setTimeout(r, 10));
    }
    // Burst: 1,000 changes issued 20 at a time; each measured from its own arrival.
    const BURST = 1_000;
    const arrivals = new Map<string, number>();
    const b0 = now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (next < BURST) {
          const k = next++;
          const { id, logId } = await store.articles.upsert(item(bbc[k % bbc.length]!, n++));
          arrivals.set(id, entryTime(logId!));
        }
      }),
    );
    await waitApplied(follower, [...arrivals.keys()]);
    burst.storeMs = now() - b0;
    for (const [id, t] of arrivals) burst.store.push(follower.applied.get(id)! - t);
    const rawArrivals = new Map<string, number>();
    const r0 = now();
    next = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (next < BURST) {
          const tag = `b${next++}`;
          const rawId = await redis.xadd(
            `${prefix}:${RAW_STREAM}`,
            "*",
            "tag",
            tag,
            "text",
            bbc[next % bbc.length]!.text,
          );
          rawArrivals.set(tag, entryTime(rawId!));
        }
      }),
    );
    await waitApplied(raw, [...rawArrivals.keys()]);
    burst.rawMs = now() - r0;
    for (const [tag, t] of rawArrivals) burst.raw.push(raw.applied.get(tag)! - t);
  } finally {
    follower.kill();
    raw.kill();
    await deleteKeysUnder(redis, prefix);
    redis.disconnect();
  }
  return { res, burst };
}

/** Fills a store with `count` articles; returns the prefix and the fill rate. */
async function fill(redisUrl: string, bbc: Bbc[], count: number) {
  const prefix = `bench-store-${randomUUID()}`;
  const redis = createRedis(redisUrl, { name: "bench-store-fill" });
  redis.on("error", () => {});
  const store = new SharedStore({ redis, prefix, clock, log });
  const cleaned = bbc.map((b) => articleFromRecord({ id: b.id, text: b.text, title: b.title }));
  const t0 = now();
  let next = 0;
  let added = 0;
  let inFlight = 0;
  let duplicates = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      // BBC News repeats some articles word for word: within one copy those are duplicates (left out),
      // so go on until `count` articles are in.
      while (added + inFlight < count) {
        const k = next++;
        inFlight++;
        const a = cleaned[k % cleaned.length]!;
        const copy = Math.floor(k / cleaned.length);
        const r = await store.articles.putArticle({
          ...a,
          id: `${a.id}-c${copy}`,
          publisher: `BBC copy ${copy}`,
        });
        inFlight--;
        if (r.outcome === "added") added++;
        else duplicates++;
      }
    }),
  );
  const perS = next / ((now() - t0) / 1000);
  redis.disconnect();
  return { prefix, perS, duplicates };
}

async function childResult(mode: string, redisUrl: string, prefix: string) {
  const c = startChild(mode, redisUrl, prefix);
  const line = await expectLine(c, "DONE");
  const [, ms, rss, n] = line.split(" ");
  return { ms: Number(ms), rss: Number(rss), n: Number(n ?? 0) };
}

export async function run(): Promise<void> {
  const articles = Number(process.env.BENCH_STORE_ARTICLES ?? 100_000);
  const samples = Number(process.env.BENCH_STORE_SAMPLES ?? 300);
  const runs = Number(process.env.BENCH_STORE_RUNS ?? 2);
  const bin = findRedisServer();
  const own = bin ? await OwnRedis.start(bin, { persist: false }) : null;
  const redisUrl = own?.url ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const bbc = loadBbc();
  try {
    console.log(
      `Redis: ${own ? "own redis-server (no persistence)" : redisUrl}; load average at start ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
    const { res, burst } = await propagation(redisUrl, bbc, samples);
    console.log(
      `\n| arrival in the store → applied in another process (${samples} paced, 1,000 burst) | median ms | p99 ms |`,
    );
    console.log("|---|---|---|");
    console.log(
      `| store: log entry written → follower applied, paced | ${f1(quantile(res.store, 0.5))} | ${f1(quantile(res.store, 0.99))} |`,
    );
    console.log(
      `| store: upsert called (cleaning, dedupe, commit) → applied, paced | ${f1(quantile(res.storeCall, 0.5))} | ${f1(quantile(res.storeCall, 0.99))} |`,
    );
    console.log(
      `| baseline: raw XADD → XREAD BLOCK woke in another process, paced | ${f1(quantile(res.raw, 0.5))} | ${f1(quantile(res.raw, 0.99))} |`,
    );
    console.log(
      `| store, burst of 1,000 (20 writers; ${f1(1000 / (burst.storeMs / 1000))} upserts/s end to end) | ${f1(quantile(burst.store, 0.5))} | ${f1(quantile(burst.store, 0.99))} |`,
    );
    console.log(
      `| baseline, raw burst of 1,000 (${f1(1000 / (burst.rawMs / 1000))} XADD/s) | ${f1(quantile(burst.raw, 0.5))} | ${f1(quantile(burst.raw, 0.99))} |`,
    );

    const { prefix, perS, duplicates } = await fill(redisUrl, bbc, articles);
    const admin = new Redis(redisUrl);
    const mem = String(await admin.info("memory")).match(/used_memory:(\d+)/)?.[1];
    try {
      const idle = await childResult("idle", redisUrl, prefix);
      const rows: {
        catchup: Awaited<ReturnType<typeof childResult>>;
        scan: Awaited<ReturnType<typeof childResult>>;
      }[] = [];
      for (let r = 0; r < runs; r++) {
        // Alternate the order so neither always runs on a warmer machine.
        if (r % 2 === 0) {
          const catchup = await childResult("catchup", redisUrl, prefix);
          rows.push({ catchup, scan: await childResult("scan", redisUrl, prefix) });
        } else {
          const scan = await childResult("scan", redisUrl, prefix);
          rows.push({ catchup: await childResult("catchup", redisUrl, prefix), scan });
        }
      }
      const med = (xs: number[]) => quantile(xs, 0.5);
      const c = {
        ms: med(rows.map((x) => x.catchup.ms)),
        rss: med(rows.map((x) => x.catchup.rss)),
        n: rows[0]!.catchup.n,
      };
      const s = { ms: med(rows.map((x) => x.scan.ms)), rss: med(rows.map((x) => x.scan.rss)) };
      console.log(
        `\n| a new process catching up on ${articles.toLocaleString("en")} stored articles (median of ${runs}) | time | RSS | articles/s |`,
      );
      console.log("|---|---|---|---|");
      console.log(
        `| follower load into a Map corpus (ZRANGE, HGET, JSON.parse → Article) | ${(c.ms / 1000).toFixed(2)} s | ${mb(c.rss)} | ${Math.round(c.n / (c.ms / 1000))} |`,
      );
      console.log(
        `| baseline: raw HGETALL of every article hash, strings kept | ${(s.ms / 1000).toFixed(2)} s | ${mb(s.rss)} | ${Math.round(articles / (s.ms / 1000))} |`,
      );
      console.log(`| idle process, same imports | – | ${mb(idle.rss)} | – |`);
      console.log(
        `\nfill: ${Math.round(perS)} putArticle/s (shingles + MinHash + PROBE + COMMIT, 32 at a time; ${duplicates} of BBC News' repeated articles found duplicate and left out); Redis used_memory with the store: ${mem ? mb(Number(mem)) : "?"}; catch-up ÷ raw scan time: ${(c.ms / s.ms).toFixed(2)}×; load average at end ${loadavg()
          .map((l) => l.toFixed(2))
          .join(" ")}`,
      );
    } finally {
      await deleteKeysUnder(admin, prefix);
      admin.disconnect();
    }
  } finally {
    await own?.stop();
  }
}

if (import.meta.main) {
  const mode = process.env.BENCH_STORE_CHILD;
  if (mode) await child(mode);
  else await run();
}
