/**
 * Digest delivery throughput: post one slot's digest to N channels (default 10,000) through the real
 * queue path (subscriptions store, delivery records with claim + pacing, one digest build per slot on
 * the real engine over seeds/, HTTP post to a local fake platform API), beside raw BullMQ throughput
 * for no-op jobs with the same concurrency and retention, measured in the same run. Target: ≥ 50%.
 *   npx node bench/digests.ts        (BENCH_CHANNELS, BENCH_CONCURRENCY, BENCH_RUNS to change)
 * Needs Redis at REDIS_URL (default redis://127.0.0.1:6379); uses its own key prefix and deletes it.
 */

import { randomUUID } from "node:crypto";
import { availableParallelism, loadavg } from "node:os";
import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import { pino } from "pino";
import { loadConfig } from "../app/config.ts";
import { defaultEngine } from "../app/engine/factory.ts";
import { DIGEST_QUEUE } from "../queue/keys.ts";
import { DigestRuntime } from "../queue/runtime.ts";
import { DIGEST_JOB, DIGEST_JOB_OPTIONS, type DigestJobData, jobData } from "../queue/scheduler.ts";
import type { Subscription } from "../queue/types.ts";
import { validateNewSubscription } from "../queue/validate.ts";
import { DigestWorker } from "../queue/worker.ts";
import {
  type FakePlatformProcess,
  fakePlatformSender,
  startFakePlatformProcess,
} from "../tests/peers/fakePlatform.ts";
import { deleteKeysUnder } from "../tests/support/redisKeys.ts";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const log = pino({ level: "silent" });

function quantile(samples: number[], q: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
}

async function deletePrefix(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  await deleteKeysUnder(redis, prefix);
  redis.disconnect();
}

interface RunResult {
  jobsPerS: number;
  /** CPU per job (µs): this (worker) process, the platform API process, Redis. */
  cpuUsPerJob: { worker: number; platform: number; redis: number };
  /** Per job: processedOn → finishedOn (ms). */
  processMs: number[];
}

function waitForCompleted(worker: Worker, n: number, what: string): Promise<void> {
  let done = 0;
  return new Promise((resolve, reject) => {
    worker.on("completed", () => {
      if (++done === n) resolve();
    });
    worker.on("failed", (job, err) => reject(new Error(`${what} job ${job?.id} failed: ${err.message}`)));
  });
}

async function jobTimes(queue: Queue): Promise<number[]> {
  const out: number[] = [];
  for (let start = 0; ; start += 2000) {
    const jobs = await queue.getCompleted(start, start + 1999);
    for (const j of jobs) if (j.processedOn && j.finishedOn) out.push(j.finishedOn - j.processedOn);
    if (jobs.length < 2000) return out;
  }
}

async function noopRun(n: number, concurrency: number): Promise<RunResult> {
  const prefix = `summit-bench-${randomUUID()}`;
  const conn = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue(DIGEST_QUEUE, { connection: conn, prefix });
  for (let i = 0; i < n; i += 1000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1000, n - i) }, (_, k) => ({
        name: DIGEST_JOB,
        data: { subscriptionId: `sub_${i + k}` },
        opts: { removeOnComplete: DIGEST_JOB_OPTIONS.removeOnComplete },
      })),
    );
  }
  const started = performance.now();
  const redisCpu0 = await redisCpuMs(conn);
  const cpu0 = process.cpuUsage();
  const worker = new Worker(DIGEST_QUEUE, async () => null, { connection: conn, prefix, concurrency });
  await waitForCompleted(worker, n, "no-op");
  const seconds = (performance.now() - started) / 1000;
  const cpuUsPerJob = {
    worker: (cpuMsSince(cpu0) * 1000) / n,
    platform: 0,
    redis: (((await redisCpuMs(conn)) - redisCpu0) * 1000) / n,
  };
  await worker.close();
  const processMs = await jobTimes(queue);
  await queue.close();
  conn.disconnect();
  await deletePrefix(prefix);
  return { jobsPerS: n / seconds, cpuUsPerJob, processMs };
}

/** Redis server CPU time so far (user + sys), from INFO cpu. */
async function redisCpuMs(redis: Redis): Promise<number> {
  const info = await redis.info("cpu");
  const get = (k: string) => Number(new RegExp(`${k}:([\\d.]+)`).exec(info)?.[1] ?? 0);
  return (get("used_cpu_user") + get("used_cpu_sys")) * 1000;
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

/** A sender that posts nowhere: isolates what the queue path itself costs. */
function nullSenders(counter: { posts: number }) {
  const send = async () => {
    counter.posts++;
    return { messageId: String(counter.posts) };
  };
  return { slack: { platform: "slack" as const, send }, discord: { platform: "discord" as const, send } };
}

async function digestRun(
  n: number,
  concurrency: number,
  engine: Awaited<ReturnType<typeof defaultEngine>>,
  platform: FakePlatformProcess | null,
): Promise<RunResult & { builds: number; posts: number }> {
  const prefix = `summit-bench-${randomUUID()}`;
  await platform?.reset();
  const rt = await DigestRuntime.start({
    redisUrl: REDIS_URL,
    prefix,
    clock: { now: () => new Date() },
    log,
  });
  const subs: Subscription[] = [];
  for (let i = 0; i < n; i += 500) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(500, n - i) }, (_, k) =>
        rt.store.create(
          validateNewSubscription({
            platform: (i + k) % 2 ? "slack" : "discord",
            workspace: "W1",
            channel: `bench-${i + k}`,
            at: "08:00",
            tz: "Europe/Berlin",
            days: [],
            topics: [],
            createdBy: "bench",
          }),
          new Date(),
        ),
      ),
    );
    subs.push(...batch.map((b) => b.subscription));
  }
  // One slot for everyone: a digest storm, as at 08:00 in a popular timezone.
  const slot = Date.now();
  for (let i = 0; i < n; i += 1000) {
    await rt.queue.addBulk(
      subs.slice(i, i + 1000).map((sub) => ({
        name: DIGEST_JOB,
        data: { ...jobData(sub), slot, manual: true } satisfies DigestJobData,
        opts: { ...DIGEST_JOB_OPTIONS, jobId: `bench-${sub.id}` },
      })),
    );
  }
  const counter = { posts: 0 };
  const senders = platform
    ? {
        slack: fakePlatformSender(platform.url, "slack"),
        discord: fakePlatformSender(platform.url, "discord"),
      }
    : nullSenders(counter);
  const platformCpu0 = platform ? (await platform.stats()).cpuMs : 0;
  const redisCpu0 = await redisCpuMs(rt.redis);
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const worker = new DigestWorker({
    redis: rt.redis,
    bullRedis: rt.bullRedis,
    keys: rt.keys,
    engine,
    senders,
    clock: { now: () => new Date() },
    log,
    concurrency,
  });
  await waitForCompleted(worker.worker, n, "digest");
  const seconds = (performance.now() - started) / 1000;
  const cpuUsPerJob = {
    worker: (cpuMsSince(cpu0) * 1000) / n,
    platform: platform ? (((await platform.stats()).cpuMs - platformCpu0) * 1000) / n : 0,
    redis: (((await redisCpuMs(rt.redis)) - redisCpu0) * 1000) / n,
  };
  await worker.close();
  const processMs = await jobTimes(rt.queue);
  const builds = worker.builder.builds;
  await rt.close();
  await deletePrefix(prefix);
  const posts = platform ? (await platform.stats()).posts : counter.posts;
  if (posts !== n) throw new Error(`expected ${n} posts, the platform got ${posts}`);
  return { jobsPerS: n / seconds, cpuUsPerJob, processMs, builds, posts };
}

export async function run(): Promise<void> {
  const n = Number(process.env.BENCH_CHANNELS ?? 10_000);
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 50);
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const loadBefore = loadavg()[0]!;
  // The platform API runs in its own process, as a remote API would.
  const platform = await startFakePlatformProcess();
  const engine = await defaultEngine(loadConfig({}), log);
  type Row = {
    noop: RunResult;
    http: Awaited<ReturnType<typeof digestRun>>;
    noIo: Awaited<ReturnType<typeof digestRun>>;
  };
  const rows: Row[] = [];
  try {
    // Interleaved, so load from anything else on the machine hits all three alike.
    for (let r = 0; r < runs; r++) {
      const noop = await noopRun(n, concurrency);
      const http = await digestRun(n, concurrency, engine, platform);
      const noIo = await digestRun(n, concurrency, engine, null);
      rows.push({ noop, http, noIo });
    }
  } finally {
    await platform.close();
  }
  const f = (x: number, d = 0) => x.toFixed(d);
  const med = (xs: number[]) => quantile(xs, 0.5);
  console.log(
    `${n} channels, one slot, worker concurrency ${concurrency}, ${runs} interleaved runs; every digest run built the digest ${[...new Set(rows.flatMap((r) => [r.http.builds, r.noIo.builds]))].join("/")} time(s) and posted to all ${n} channels`,
  );
  console.log(
    "\n| run | BullMQ no-op jobs/s | digests/s, HTTP post to platform API | ratio | digests/s, sender without I/O | ratio |",
  );
  console.log("|---:|---:|---:|---:|---:|---:|");
  rows.forEach((r, i) => {
    console.log(
      `| ${i + 1} | ${f(r.noop.jobsPerS)} | ${f(r.http.jobsPerS)} | ${f(r.http.jobsPerS / r.noop.jobsPerS, 2)} | ${f(r.noIo.jobsPerS)} | ${f(r.noIo.jobsPerS / r.noop.jobsPerS, 2)} |`,
    );
  });
  const httpRatio = med(rows.map((r) => r.http.jobsPerS / r.noop.jobsPerS));
  const noIoRatio = med(rows.map((r) => r.noIo.jobsPerS / r.noop.jobsPerS));
  console.log(
    `| median | ${f(med(rows.map((r) => r.noop.jobsPerS)))} | ${f(med(rows.map((r) => r.http.jobsPerS)))} | ${f(httpRatio, 2)} | ${f(med(rows.map((r) => r.noIo.jobsPerS)))} | ${f(noIoRatio, 2)} |`,
  );

  console.log(
    "\n| CPU per job, median of runs (µs) | worker process | platform API process | Redis | total |",
  );
  console.log("|---|---:|---:|---:|---:|");
  const kinds = [
    ["BullMQ no-op", (r: Row) => r.noop],
    ["digest, HTTP post", (r: Row) => r.http],
    ["digest, no I/O sender", (r: Row) => r.noIo],
  ] as const;
  for (const [label, pick] of kinds) {
    const c = (k: "worker" | "platform" | "redis") => med(rows.map((r) => pick(r).cpuUsPerJob[k]));
    console.log(
      `| ${label} | ${f(c("worker"))} | ${f(c("platform"))} | ${f(c("redis"))} | ${f(c("worker") + c("platform") + c("redis"))} |`,
    );
  }

  console.log("\n| job time, processedOn → finishedOn | median ms | p99 ms |");
  console.log("|---|---:|---:|");
  for (const [label, pick] of kinds) {
    const all = rows.flatMap((r) => pick(r).processMs);
    console.log(`| ${label} | ${quantile(all, 0.5)} | ${quantile(all, 0.99)} |`);
  }
  console.log(
    `\ndigests/s ÷ BullMQ no-op jobs/s (median of per-run ratios): ${f(httpRatio, 2)} with HTTP posts, ${f(noIoRatio, 2)} for the queue path alone (target ≥ 0.50)`,
  );
  // The platform API is not ours but shares the cores; what our side costs per digest is worker + Redis.
  const ours = (pick: (r: Row) => RunResult) =>
    med(rows.map((r) => pick(r).cpuUsPerJob.worker + pick(r).cpuUsPerJob.redis));
  console.log(
    `our side (worker + Redis) CPU per job: no-op ${f(ours((r) => r.noop))} µs, digest with HTTP post ${f(ours((r) => r.http))} µs, without I/O ${f(ours((r) => r.noIo))} µs; platform API ${f(med(rows.map((r) => r.http.cpuUsPerJob.platform)))} µs per post on the same cores`,
  );
  console.log(
    `load average (1 min) ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after, on ${availableParallelism()} cores: other processes' load lowers the CPU-hungrier digest runs more than the no-op runs`,
  );
}

if (import.meta.main) await run();
