/**
 * Live news end to end (issue 12), each figure beside a baseline measured in the same run:
 *  1. Arrival → searchable in another process: an article upserted here; the other process (a follower
 *     feeding the server's engine, as app/server.ts wires it: the engine itself when it implements
 *     LiveCorpus, else app/liveEngine.ts RebuildingEngine) reports when `brief(title)` cites it. Baseline:
 *     arrival → applied (the follower handed it to the corpus) in the same process, same articles.
 *     Median and p99 over paced samples, on a store preloaded with BENCH_LIVE_BASE BBC articles.
 *  2. Polling into the store: BENCH_LIVE_FEEDS feeds × 50 items from the local feed server, each polled by
 *     `pollOneSource` (poll lock, pollSource, applyPoll: upserts with dedupe), 16 at a time; baseline: raw
 *     undici GETs of the same URLs (body read as text), same concurrency, same run.
 *   npx node bench/live.ts     (BENCH_LIVE_BASE=2000, BENCH_LIVE_SAMPLES=60, BENCH_LIVE_FEEDS=100)
 * Uses REDIS_URL under a unique prefix, deleted afterwards. BBC News from ../shared/eval at run time.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { pino } from "pino";
import { request } from "undici";
import { loadConfig } from "../app/config.ts";
import { createEngine } from "../app/engine/create.ts";
import { isLiveCorpus, RebuildingEngine } from "../app/liveEngine.ts";
import { openStore, pollOneSource } from "../app/store.ts";
import { articleFromRecord } from "../src/corpus/load.ts";
import type { Article, Engine } from "../src/model.ts";
import { entryTime } from "../store/log.ts";
import type { LiveCorpus } from "../store/types.ts";
import { BBC_PATH, bbcArticles, peerArticles } from "../tests/peers/feeds/articles.ts";
import { startFeedServer } from "../tests/peers/feeds/server.ts";
import { deleteKeysUnder } from "../tests/support/redisKeys.ts";

const log = pino({ level: "silent" });
const clock = { now: () => new Date() };
const now = () => performance.timeOrigin + performance.now();
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

function quantile(samples: number[], q: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
}
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "–");

interface Bbc {
  id: string;
  title: string;
  text: string;
}

function loadBbc(): Bbc[] {
  const candidates = [
    ...[
      ["..", ".."],
      ["..", "..", ".."],
    ].map((up) => join(import.meta.dirname, ...up, "shared", "eval", "bbc_news", "bbc_news.jsonl")),
    BBC_PATH,
  ];
  for (const p of candidates) {
    if (existsSync(p))
      return readFileSync(p, "utf8")
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as Bbc);
  }
  throw new Error("BBC News data not found (../shared/eval/bbc_news/bbc_news.jsonl)");
}

const configFor = (prefix: string) =>
  loadConfig({
    REDIS_URL,
    SUMMIT_REDIS_PREFIX: prefix,
    SUMMIT_STORE: "redis",
    SUMMIT_ALLOW_PRIVATE_NETWORKS: "1",
  });

// ---------------------------------------------------------------- child: the other process

/** Passes changes to the engine, reporting when each was handed over (the baseline's "applied"). */
class Reporting implements LiveCorpus {
  readonly inner: LiveCorpus;
  readonly onApplied: (ids: string[]) => void;
  constructor(inner: LiveCorpus, onApplied: (ids: string[]) => void) {
    this.inner = inner;
    this.onApplied = onApplied;
  }
  upsert(a: Article): void {
    this.inner.upsert(a);
    this.onApplied([a.id]);
  }
  remove(id: string): void {
    this.inner.remove(id);
  }
  applyBatch(batch: { upserts: Article[]; removes: string[] }): void {
    if (this.inner.applyBatch) this.inner.applyBatch(batch);
    else {
      for (const id of batch.removes) this.inner.remove(id);
      for (const a of batch.upserts) this.inner.upsert(a);
    }
    this.onApplied(batch.upserts.map((a) => a.id));
  }
}

async function child(): Promise<void> {
  const prefix = process.env.PREFIX!;
  const config = configFor(prefix);
  const out = (s: string) => process.stdout.write(`${s}\n`);
  const open = await openStore(config, { log, clock });
  const base = createEngine(config, { articles: [] });
  const engine: Engine & LiveCorpus = isLiveCorpus(base)
    ? (base as Engine & LiveCorpus)
    : new RebuildingEngine((articles) => createEngine(config, { articles }));
  const titles = new Map<string, string>();
  const applied = new Set<string>();
  const pending = new Set<string>();
  const corpus = new Reporting(engine, (ids) => {
    const t = now();
    for (const id of ids) {
      out(`A ${id} ${t}`);
      applied.add(id);
      if (titles.has(id)) pending.add(id);
    }
  });
  // Titles to look for come from the parent on stdin: "W id title" (before or after the change arrives).
  createInterface({ input: process.stdin }).on("line", (l) => {
    const [, id, ...rest] = l.split(" ");
    titles.set(id!, rest.join(" "));
    if (applied.has(id!)) pending.add(id!);
  });
  const follower = open.store.follower(corpus, { blockMs: 1_000 });
  await follower.start();
  out(`READY ${isLiveCorpus(base) ? "livecorpus" : "rebuilding"} ${follower.status().applied}`);
  for (;;) {
    for (const id of [...pending]) {
      const b = await engine.brief(titles.get(id)!);
      if (b.sources.some((s) => s.id === id)) {
        out(`S ${id} ${now()}`);
        pending.delete(id);
      }
    }
    await new Promise((r) => setTimeout(r, 2));
  }
}

// ---------------------------------------------------------------- parent

async function searchable(bbc: Bbc[], baseCount: number, samples: number) {
  const prefix = `bench-live-${randomUUID()}`;
  const open = await openStore(configFor(prefix), { log, clock });
  const cleaned = bbc.map((b) => articleFromRecord({ id: b.id, text: b.text, title: b.title }));
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < baseCount) {
        const k = next++;
        const a = cleaned[k % cleaned.length]!;
        const copy = Math.floor(k / cleaned.length);
        await open.store.articles.putArticle({ ...a, id: `${a.id}-c${copy}`, publisher: `BBC copy ${copy}` });
      }
    }),
  );
  const proc = spawn(process.execPath, [new URL(import.meta.url).pathname], {
    env: { ...process.env, BENCH_LIVE_CHILD: "1", PREFIX: prefix },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const applied = new Map<string, number>();
  const found = new Map<string, number>();
  let ready = "";
  createInterface({ input: proc.stdout! }).on("line", (l) => {
    const [kind, id, t] = l.split(" ");
    if (kind === "A") applied.set(id!, Number(t));
    else if (kind === "S") found.set(id!, Number(t));
    else if (kind === "READY") ready = l;
  });
  const until = async (ok: () => boolean, what: string, ms = 600_000) => {
    const end = Date.now() + ms;
    while (!ok()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const toApplied: number[] = [];
  const toSearchable: number[] = [];
  try {
    await until(() => ready !== "", "the other process to load");
    for (let i = 0; i < samples; i++) {
      const b = bbc[(i * 37) % bbc.length]!;
      const guid = `fresh-${i}`;
      // A distinctive title so the briefing can only cite this article.
      const word = `Zebulon${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + (Math.floor(i / 26) % 26))}`;
      const title = `${word} Quarvex ${b.title}`;
      // The id is not known before the upsert: tell the child the title under the id right after.
      const { id, logId } = await open.store.articles.upsert({
        sourceId: "src_bench",
        guid,
        url: `https://bench.example/${guid}`,
        title,
        publisher: "Bench Wire",
        author: null,
        publishedAt: null,
        text: `${word} Quarvex said on Monday that talks would go on. ${b.text}`,
      });
      proc.stdin!.write(`W ${id} ${word} Quarvex\n`);
      const arrival = entryTime(logId!);
      await until(() => found.has(id), `article ${i} to be searchable`, 60_000);
      toApplied.push(applied.get(id)! - arrival);
      toSearchable.push(found.get(id)! - arrival);
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    proc.kill("SIGKILL");
    await deleteKeysUnder(open.redis, prefix);
    await open.close();
  }
  return { mode: ready.split(" ")[1] ?? "?", loaded: Number(ready.split(" ")[2]), toApplied, toSearchable };
}

async function polling(feedsCount: number) {
  const prefix = `bench-live-${randomUUID()}`;
  const peer = bbcArticles(2225);
  const feeds = await startFeedServer({ articles: peer.length > 0 ? peer : peerArticles() });
  const open = await openStore(configFor(prefix), { log, clock });
  const urls = Array.from({ length: feedsCount }, (_, i) => feeds.url(`/bench/${i}.xml?items=50`));
  const ids: string[] = [];
  for (const u of urls)
    ids.push((await open.store.sources.add({ url: u, name: `Bench ${ids.length}` })).source.id);
  const pool = async <T>(items: T[], fn: (x: T) => Promise<void>) => {
    let k = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (k < items.length) await fn(items[k++]!);
      }),
    );
  };
  try {
    // Baseline first (warms the server's cache of generated feeds for both).
    let rawBytes = 0;
    const r0 = now();
    await pool(urls, async (u) => {
      const res = await request(u);
      rawBytes += (await res.body.text()).length;
    });
    const rawMs = now() - r0;
    let added = 0;
    const p0 = now();
    await pool(ids, async (id) => {
      const r = await pollOneSource(open, id);
      added += r?.added ?? 0;
    });
    const pollMs = now() - p0;
    return { feeds: feedsCount, items: feedsCount * 50, added, rawMs, pollMs, rawBytes };
  } finally {
    await deleteKeysUnder(open.redis, prefix);
    await open.close();
    await feeds.close();
  }
}

export async function run(): Promise<void> {
  const base = Number(process.env.BENCH_LIVE_BASE ?? 2_000);
  const samples = Number(process.env.BENCH_LIVE_SAMPLES ?? 60);
  const feedsCount = Number(process.env.BENCH_LIVE_FEEDS ?? 100);
  const bbc = loadBbc();
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  const s = await searchable(bbc, base, samples);
  console.log(
    `\narrival in the store → searchable in another process (engine: ${s.mode}, ${s.loaded} articles loaded, ${samples} paced samples)`,
  );
  console.log("| measure | median ms | p99 ms |");
  console.log("|---|---|---|");
  console.log(
    `| baseline: arrival → applied by the follower | ${f1(quantile(s.toApplied, 0.5))} | ${f1(quantile(s.toApplied, 0.99))} |`,
  );
  console.log(
    `| arrival → brief(title) cites it | ${f1(quantile(s.toSearchable, 0.5))} | ${f1(quantile(s.toSearchable, 0.99))} |`,
  );
  const p = await polling(feedsCount);
  console.log(`\npolling ${p.feeds} feeds × 50 items into the store (16 at a time), first poll`);
  console.log("| path | ms | feeds/s | items/s | ratio |");
  console.log("|---|---|---|---|---|");
  console.log(
    `| raw undici GET (baseline) | ${p.rawMs.toFixed(0)} | ${((p.feeds * 1000) / p.rawMs).toFixed(0)} | ${((p.items * 1000) / p.rawMs).toFixed(0)} | 1.00 |`,
  );
  console.log(
    `| pollOneSource → store (${p.added} added) | ${p.pollMs.toFixed(0)} | ${((p.feeds * 1000) / p.pollMs).toFixed(1)} | ${((p.items * 1000) / p.pollMs).toFixed(0)} | ${(p.rawMs / p.pollMs).toFixed(3)} |`,
  );
}

if (import.meta.main) {
  if (process.env.BENCH_LIVE_CHILD) await child();
  else {
    await run();
    process.exit(0);
  }
}
