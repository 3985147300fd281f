/**
 * Scale bench: memory and latency of the engine on a large corpus, each configuration in its own
 * process (RSS is per process) over the same corpus file.
 *
 *   npm run bench -- scale                       BBC ×40 (≈89,000 articles): one engine; engine pools of 3 and 4 threads
 *   SUMMIT_BENCH_MODES=none SUMMIT_BENCH_SIZES=1000000 npm run bench -- scale   (that size only)
 *   SUMMIT_BENCH_SIZES=100000,300000 npm run bench -- scale
 *                                                 + generated corpora of those sizes (one engine each)
 *
 * Reported: load (read + clean + index) rate, RSS after load (after GC), after the requests and at
 * its peak (loading included), brief / ask median and p99
 * (20 topics, 10 questions, cold), the average cost of a live upsert (2,000 new articles into the
 * loaded index), and for pools the whole process's RSS and the cost of each thread past the third.
 * Generated corpora recombine sentences of the BBC set into new articles and add names that grow as
 * a real news vocabulary does (new names keep appearing, about with the square root of the corpus).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createExtractiveFromConfig } from "../app/engine/create.ts";
import { ENGINE_PROCESS_FLAGS, IDLE_RELEASE_MS, releasingWhenIdle } from "../app/engine/memory.ts";
import { createEnginePool } from "../app/engine/pool.ts";
import { seededRandom, sharedUrl } from "../scripts/shared.ts";
import { streamCorpus } from "../src/corpus/load.ts";
import { splitSentences } from "../src/corpus/sentences.ts";
import type { Article, Engine } from "../src/model.ts";
import { quantile } from "./stats.ts";
import { QUESTIONS, TOPICS } from "./workload.ts";

// The shared evaluation data (scripts/shared.ts: found from a git worktree too).
const DATA = fileURLToPath(new URL("eval/bbc_news/bbc_news.jsonl", sharedUrl()));

interface Bbc {
  id: string;
  title: string;
  text: string;
}

function bbc(): Bbc[] {
  return readFileSync(DATA, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Bbc);
}

/** Generated articles per corpus file. */
const PART = 20_000;

const SYLLABLES = "ka lo mi ren tas vo bel dri an ost ur pel zan quo fir nak sel tor ima gus".split(" ");

/** Writes the corpus file for `size` (0 = BBC ×40) unless it exists; returns its path. */
function corpusFile(size: number): string {
  const dir = join(tmpdir(), "summit-bench-scale");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, size === 0 ? "bbc-x40.jsonl" : `gen-${size}`);
  if (existsSync(path)) return path;
  const base = bbc();
  const lines: string[] = [];
  if (size === 0) {
    // As bench/core.ts: 40 editions, ids and titles varied so nothing collapses.
    for (let k = 0; k < 40; k++)
      for (const r of base)
        lines.push(
          JSON.stringify({
            id: `${r.id}~${k}`,
            title: `${r.title} (${k})`,
            text: k === 0 ? r.text : `${r.text}\n\nEdition ${k}.`,
          }),
        );
  } else {
    const rand = seededRandom(size);
    const sentences = base.map((r) => splitSentences(r.text.split("\n").slice(1).join(" ")));
    const names: string[] = [];
    for (let i = 0; i < size; i++) {
      // Vocabulary growth: a new name with probability ~ 1/sqrt(i) (Heaps' law, exponent 1/2).
      if (names.length === 0 || rand() < 3 / Math.sqrt(i + 1)) {
        const n = 2 + Math.floor(rand() * 2);
        let w = "";
        for (let j = 0; j < n; j++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
        names.push(w[0]!.toUpperCase() + w.slice(1) + names.length.toString(36));
      }
      const home = Math.floor(rand() * base.length);
      const body: string[] = [];
      const count = 8 + Math.floor(rand() * 12);
      for (let j = 0; j < count; j++) {
        // Mostly from the same story (a coherent article), some from a neighbour in the same section.
        const from =
          rand() < 0.7 ? home : Math.max(0, Math.min(base.length - 1, home + Math.floor(rand() * 40) - 20));
        const ss = sentences[from]!;
        let s = ss[Math.floor(rand() * ss.length)] ?? "";
        if (rand() < 0.3) s = s.replace(/\b[A-Z][a-z]{3,}\b/, names[Math.floor(rand() * names.length)]!);
        body.push(s);
      }
      const paras: string[] = [];
      for (let j = 0; j < body.length; j += 3) paras.push(body.slice(j, j + 3).join(" "));
      const title = base[home]!.title.replace(
        /\b[A-Z][a-z]{3,}\b/,
        names[Math.floor(rand() * names.length)]!,
      );
      lines.push(JSON.stringify({ id: `gen-${i}`, title, text: `${title}\n\n${paras.join("\n\n")}` }));
      // A folder of parts: one file would pass V8's longest string at a million articles.
      if (lines.length === PART || i === size - 1) {
        mkdirSync(`${path}.tmp`, { recursive: true });
        writeFileSync(
          join(`${path}.tmp`, `part-${String(Math.floor(i / PART)).padStart(4, "0")}.jsonl`),
          `${lines.join("\n")}\n`,
        );
        lines.length = 0;
      }
    }
    renameSync(`${path}.tmp`, path);
    return path;
  }
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

function gc(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

/** The process's highest RSS so far, MB (VmHWM; 0 where /proc is missing). */
function peakRssMb(): number {
  try {
    const kb = /VmHWM:\s+(\d+)/.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

interface Result {
  mode: string;
  articles: number;
  loadMs: number;
  rssMb: number;
  /** RSS once the briefings and answers below have run (caches filled, heaps grown by requests). */
  rssAfterMb: number;
  /** RSS once the engine has been idle past IDLE_RELEASE_MS (it gives back what requests left). */
  rssIdleMb: number;
  /** Highest RSS of the process (loading included; Linux only, else 0). */
  peakMb: number;
  heapMb: number;
  brief: [number, number];
  ask: [number, number];
  /**
   * Median CPU time of a brief and of an ask (the whole process's, all threads): unlike wall time,
   * hardly changed by other work on a shared machine.
   */
  cpu: [number, number];
  upsertMs?: number;
}

/** CPU time of the whole process (every thread), ms. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

async function latencies(
  engine: Engine,
): Promise<{ brief: [number, number]; ask: [number, number]; cpu: [number, number] }> {
  const b: number[] = [];
  const a: number[] = [];
  const bc: number[] = [];
  const ac: number[] = [];
  for (const t of TOPICS) {
    const [t0, c0] = [performance.now(), cpuMs()];
    await engine.brief(t);
    b.push(performance.now() - t0);
    bc.push(cpuMs() - c0);
  }
  for (const q of QUESTIONS) {
    const [t0, c0] = [performance.now(), cpuMs()];
    await engine.ask(q);
    a.push(performance.now() - t0);
    ac.push(cpuMs() - c0);
  }
  return {
    brief: [quantile(b, 0.5), quantile(b, 0.99)],
    ask: [quantile(a, 0.5), quantile(a, 0.99)],
    cpu: [quantile(bc, 0.5), quantile(ac, 0.5)],
  };
}

/** Runs in the child process: one configuration, prints its Result as JSON. */
async function child(mode: string, file: string): Promise<Result> {
  const t0 = performance.now();
  if (mode === "engine") {
    // Built as the CLI builds it (app/engine/create.ts): the corpus (one .jsonl file, or a folder of
    // .jsonl parts) read one article at a time straight into the index.
    // As the server runs it in-process (app/engine/factory.ts): memory given back once idle.
    const engine = releasingWhenIdle(createExtractiveFromConfig({ corpusDir: file }));
    const count = engine.index.size;
    // For the live adds below: 2,000 copies with new ids (read after the load, not counted in it).
    const extra: Article[] = [];
    for (const a of streamCorpus(file)) {
      extra.push({ ...a, id: `${a.id}#live${extra.length}` });
      if (extra.length === 2000) break;
    }
    const loadMs = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 100)); // background merges after the load
    gc();
    const mem = process.memoryUsage();
    const lat = await latencies(engine);
    const u0 = performance.now();
    for (const a of extra) engine.upsert(a);
    const upsertMs = (performance.now() - u0) / extra.length;
    const rssAfterMb = process.memoryUsage().rss / 2 ** 20;
    await new Promise((r) => setTimeout(r, IDLE_RELEASE_MS + 1000));
    return {
      mode,
      articles: count,
      loadMs,
      rssMb: mem.rss / 2 ** 20,
      rssAfterMb,
      rssIdleMb: process.memoryUsage().rss / 2 ** 20,
      peakMb: peakRssMb(),
      heapMb: mem.heapUsed / 2 ** 20,
      ...lat,
      upsertMs,
    };
  }
  const threads = Number(mode.replace("pool", ""));
  const pool = await createEnginePool({ config: { corpusDir: file, logLevel: "silent" }, size: threads });
  const loadMs = performance.now() - t0;
  const articles = file.includes("x40") ? 2225 * 40 : Number(/gen-(\d+)/.exec(file)?.[1] ?? 0);
  gc();
  await new Promise((r) => setTimeout(r, 2000)); // let the threads' own GC settle
  const mem = process.memoryUsage();
  const lat = await latencies(pool);
  const rssAfterMb = process.memoryUsage().rss / 2 ** 20;
  await new Promise((r) => setTimeout(r, IDLE_RELEASE_MS + 1000));
  const rssIdleMb = process.memoryUsage().rss / 2 ** 20;
  await pool.close();
  return {
    mode,
    articles,
    loadMs,
    rssMb: mem.rss / 2 ** 20,
    rssAfterMb,
    rssIdleMb,
    peakMb: peakRssMb(),
    heapMb: mem.heapUsed / 2 ** 20,
    ...lat,
  };
}

function runChild(mode: string, file: string): Result {
  // Started as `npm start` starts the server (app/engine/memory.ts ENGINE_PROCESS_FLAGS).
  const args = [...ENGINE_PROCESS_FLAGS, import.meta.filename, "--child", mode, file];
  const out = execFileSync(process.execPath, args, {
    encoding: "utf8",
    maxBuffer: 1 << 24,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = out.trim().split("\n").at(-1) ?? "{}";
  return JSON.parse(line) as Result;
}

const f = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));

function row(r: Result): string {
  const what = r.mode === "engine" ? "one engine, in-process" : `engine pool, ${r.mode.slice(4)} threads`;
  return `| ${r.articles.toLocaleString("en")} | ${what} | ${(r.loadMs / 1000).toFixed(1)} s | ${Math.round(r.articles / (r.loadMs / 1000)).toLocaleString("en")}/s | ${r.rssMb.toFixed(0)} MB | ${r.rssAfterMb.toFixed(0)} MB | ${r.rssIdleMb.toFixed(0)} MB | ${r.peakMb.toFixed(0)} MB | ${r.heapMb.toFixed(0)} MB | ${f(r.brief[0])} / ${f(r.brief[1])} | ${f(r.ask[0])} / ${f(r.ask[1])} | ${f(r.cpu[0])} / ${f(r.cpu[1])} | ${r.upsertMs === undefined ? "–" : `${r.upsertMs.toFixed(3)} ms`} |`;
}

export async function run(): Promise<void> {
  console.log("\n## Scale: memory and latency per process (each configuration in its own process)\n");
  console.log(
    `| corpus | process | load | load rate | RSS after load | RSS after requests | RSS idle ${IDLE_RELEASE_MS / 1000} s later | peak RSS | heap | brief ms (med / p99) | ask ms (med / p99) | CPU ms brief / ask (med) | live upsert (avg) |`,
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  // Each row as soon as it is measured (a long run still leaves its finished rows).
  const rows: Result[] = [];
  const measure = (mode: string, file: string) => {
    const r = runChild(mode, file);
    rows.push(r);
    console.log(row(r));
  };
  const x40 = corpusFile(0);
  // SUMMIT_BENCH_MODES=engine (or none) picks the 89,000-article rows; all three by default.
  const modes = (process.env.SUMMIT_BENCH_MODES ?? "engine,pool3,pool4")
    .split(",")
    .map((m) => m.trim())
    .filter((m) => /^(engine|pool\d+)$/.test(m));
  for (const mode of modes) measure(mode, x40);
  const sizes = (process.env.SUMMIT_BENCH_SIZES ?? "")
    .split(",")
    .map((s) => Number(s.trim()))
    .filter((n) => n > 0);
  for (const size of sizes) measure("engine", corpusFile(size));
  // Pools over generated corpora (only when asked: each takes minutes on a shared machine).
  if (process.env.SUMMIT_BENCH_POOL_SIZES) for (const size of sizes) measure("pool3", corpusFile(size));
  const p3 = rows.find((r) => r.mode === "pool3");
  const p4 = rows.find((r) => r.mode === "pool4");
  if (p3 && p4) console.log(`\nEach thread past the third adds ${(p4.rssMb - p3.rssMb).toFixed(0)} MB RSS.`);
}

if (process.argv[2] === "--child") {
  const r = await child(process.argv[3] ?? "engine", process.argv[4] ?? "");
  console.log(JSON.stringify(r));
} else if (import.meta.main) await run();
