/**
 * Slack ack latency: 1,000 signed `/summit <topic>` commands at 100 concurrent against the real Bolt
 * app (signature check, parsing, ack) over real HTTP on 127.0.0.1, briefings then built by the engine
 * and delivered to a local fake Slack Web API. Baseline in the same run: a bare node:http handler that
 * reads the body and answers 200 at once. Also reports how long until the briefing itself landed.
 *
 * Two Summit variants in the same run: the engine on the main event loop, and the engine in worker
 * threads (app/engine/pool.ts, as the server runs it). The fake Slack API and the load generator run
 * in worker threads of their own, so their work does not sit on the measured event loop.
 *
 *   npx node bench/slack.ts [--n 1000] [--concurrency 100] [--threads N]
 */

import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { availableParallelism, loadavg } from "node:os";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { Redis } from "ioredis";
import { pino } from "pino";
import { createSlackAdapter } from "../adapters/slack/index.ts";
import { createEngine } from "../app/engine/create.ts";
import { createEnginePool, defaultPoolSize } from "../app/engine/pool.ts";
import type { Engine } from "../src/model.ts";
import { startFakeSlackApi } from "../tests/peers/slack/fakeSlackApi.ts";
import { createMemorySubscriptions } from "../tests/support/memorySubscriptions.ts";
import { deleteKeysUnder } from "../tests/support/redisKeys.ts";
import { signedSlashCommand } from "../tests/support/slackSigning.ts";

const SECRET = "bench-signing-secret";
const TOPICS = [
  "laborers",
  "sanctions",
  "Vladivostok",
  "nuclear talks",
  "Kim Putin summit",
  "railway",
  "food aid",
];

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
}

async function listen(handler: RequestListener) {
  const server = createServer(handler);
  server.keepAliveTimeout = 30_000;
  // A deep accept queue for both servers, so a burst of new connections is not dropped (and retried
  // by TCP a second later) while the event loop is busy.
  await new Promise<void>((r) => server.listen({ port: 0, host: "127.0.0.1", backlog: 4096 }, r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

interface LoadResult {
  latencies: number[];
  /** Absolute send times (performance.timeOrigin + now), comparable across threads. */
  sentAt: number[];
  failures: number;
  wallMs: number;
}

/** Fires n requests, `concurrency` at a time; returns per-request ack latency (ms) and send times. */
async function fire(
  url: string,
  n: number,
  concurrency: number,
  responseUrl: (i: number) => string,
): Promise<LoadResult> {
  const latencies: number[] = new Array(n);
  const sentAt: number[] = new Array(n);
  let next = 0;
  let failures = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      const { body, headers } = signedSlashCommand(SECRET, {
        text: TOPICS[i % TOPICS.length] as string,
        responseUrl: responseUrl(i),
      });
      const t0 = performance.now();
      sentAt[i] = performance.timeOrigin + t0;
      const res = await fetch(`${url}/slack/events`, { method: "POST", headers, body });
      await res.arrayBuffer();
      latencies[i] = performance.now() - t0;
      if (res.status !== 200) failures++;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, sentAt, failures, wallMs: performance.now() - start };
}

interface Variant {
  label: string;
  make(): Promise<{ engine: Engine; close(): Promise<void> }>;
}

/** The fake Slack Web API in its own thread, so the bench measures our process, not the fake. */
async function startFakeInThread() {
  const w = new Worker(new URL(import.meta.url), { workerData: { role: "fake" } });
  const ready = await new Promise<{ url: string; apiUrl: string }>((resolve, reject) => {
    w.once("message", resolve);
    w.once("error", reject);
  });
  return {
    ...ready,
    /** response_url id → when its first post landed (absolute ms, comparable across threads). */
    landed: () =>
      new Promise<Map<string, number>>((resolve) => {
        w.once("message", (m: [string, number][]) => resolve(new Map(m)));
        w.postMessage("landed");
      }),
    close: () => w.terminate(),
  };
}

export async function benchSlack(n = arg("n", 1000), concurrency = arg("concurrency", 100)): Promise<void> {
  const api = await startFakeInThread();
  const redis = new Redis("redis://127.0.0.1:6379");
  const prefix = `summit-bench-${randomUUID()}`;
  const threads = arg("threads", defaultPoolSize());
  const variants: Variant[] = [
    {
      label: "engine in-process",
      make: async () => ({ engine: createEngine({ corpusDir: "seeds" }), close: async () => {} }),
    },
    {
      label: `engine in ${threads} worker thread${threads === 1 ? "" : "s"}`,
      make: async () => {
        const pool = await createEnginePool({
          config: { corpusDir: "seeds", logLevel: "silent" },
          size: threads,
        });
        return { engine: pool, close: () => pool.close() };
      },
    },
  ];

  /** The load runs in a worker thread, so the client's own work does not sit on the server's event loop. */
  const load = (url: string, count: number, conc: number, responseUrls: string[] | null, warmup: string[]) =>
    new Promise<LoadResult>((resolve, reject) => {
      const w = new Worker(new URL(import.meta.url), {
        workerData: { role: "load", url, count, conc, responseUrls, warmup },
      });
      w.once("message", (r: LoadResult) => {
        resolve(r);
        void w.terminate();
      });
      w.once("error", reject);
    });

  const bare = await listen((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"response_type":"ephemeral","text":"ok"}');
    });
  });
  let nextResponse = 0;
  const responseUrls = (k: number) =>
    Array.from({ length: k }, () => `${api.url}/response/b${++nextResponse}`);
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const row = (label: string, xs: number[], fails: number, wall: number) =>
    `| ${label.padEnd(44)} | ${quantile(xs, 0.5).toFixed(1).padStart(7)} | ${quantile(xs, 0.99).toFixed(1).padStart(7)} | ${quantile(xs, 1).toFixed(1).padStart(7)} | ${((n / wall) * 1000).toFixed(0).padStart(6)} | ${String(fails).padStart(5)} |`;

  // Each run warms up first in the same worker (JIT, open connections), then is measured.
  const baseline = await load(bare.url, n, concurrency, null, responseUrls(200));
  const b = sorted(baseline.latencies);
  const lines: string[] = [
    row("bare node:http, ack at once (baseline)", b, baseline.failures, baseline.wallMs),
  ];
  const ratios: string[] = [];
  for (const variant of variants) {
    const { engine, close } = await variant.make();
    const adapter = createSlackAdapter({
      config: {
        slackBotToken: "xoxb-bench",
        slackSigningSecret: SECRET,
        slackApiUrl: api.apiUrl,
        redisPrefix: prefix,
      },
      engine,
      subscriptions: createMemorySubscriptions(),
      redis,
      logger: pino({ level: "silent" }),
    });
    await adapter.start();
    const app = await listen((req, res) => adapter.requestListener(req, res));
    const urls = responseUrls(n);
    const slack = await load(app.url, n, concurrency, urls, responseUrls(200));
    await adapter.idle();
    const landedAt = await api.landed();
    // The briefing's first response_url post, per command: time from sending the command until it landed.
    const delivered = urls
      .map((u, i) => {
        const at = landedAt.get(u.split("/").at(-1) as string);
        return at === undefined ? null : at - (slack.sentAt[i] as number);
      })
      .filter((x): x is number => x !== null);
    if (process.env.BENCH_DEBUG) {
      for (let k = 0; k < n; k += 100) {
        const chunk = sorted(slack.latencies.slice(k, k + 100));
        console.log(
          `${variant.label} requests ${k}-${k + 99}: median ${quantile(chunk, 0.5).toFixed(0)} max ${quantile(chunk, 1).toFixed(0)}`,
        );
      }
    }
    const s = sorted(slack.latencies);
    lines.push(row(`Summit Bolt app, ${variant.label}`, s, slack.failures, slack.wallMs));
    lines.push(row("  … until the briefing landed", sorted(delivered), n - delivered.length, slack.wallMs));
    ratios.push(
      `${variant.label}: median ×${(quantile(s, 0.5) / quantile(b, 0.5)).toFixed(2)}, p99 ×${(quantile(s, 0.99) / quantile(b, 0.99)).toFixed(2)} of the baseline; target p99 < 300 ms: ${quantile(s, 0.99) < 300 ? "met" : "MISSED"}`,
    );
    await adapter.stop();
    app.server.closeAllConnections();
    await new Promise<void>((r) => app.server.close(() => r()));
    await close();
  }

  const [l1, l5] = loadavg();
  console.log(
    `\nSlack ack latency: ${n} signed /summit commands, ${concurrency} concurrent, extractive engine over seeds/ (${availableParallelism()} cores, load average ${l1?.toFixed(2)} / ${l5?.toFixed(2)} at the end)`,
  );
  console.log(
    "| handler                                      | median ms | p99 ms | max ms | req/s | non-200 |",
  );
  console.log("|---|---|---|---|---|---|");
  for (const l of lines) console.log(l);
  for (const r of ratios) console.log(`ratio Summit/baseline, ${r}`);

  bare.server.closeAllConnections();
  await new Promise<void>((r) => bare.server.close(() => r()));
  await api.close();
  await deleteKeysUnder(redis, prefix);
  redis.disconnect();
}

if (!isMainThread && (workerData as { role: string }).role === "fake") {
  const api = await startFakeSlackApi();
  parentPort?.postMessage({ url: api.url, apiUrl: api.apiUrl });
  parentPort?.on("message", () => {
    const landed = new Map<string, number>();
    for (const c of api.calls)
      if (c.kind === "response" && !landed.has(c.method)) landed.set(c.method, performance.timeOrigin + c.at);
    parentPort?.postMessage([...landed]);
  });
} else if (!isMainThread) {
  const { url, count, conc, responseUrls, warmup } = workerData as {
    url: string;
    count: number;
    conc: number;
    responseUrls: string[] | null;
    warmup: string[];
  };
  await fire(url, warmup.length, conc, (i) => warmup[i] as string);
  // Let the warm-up's briefings finish before measuring.
  await new Promise((r) => setTimeout(r, 1500));
  parentPort?.postMessage(
    await fire(url, count, conc, (i) => responseUrls?.[i] ?? "http://127.0.0.1:1/unused"),
  );
} else if (import.meta.main) {
  await benchSlack();
}

/** For bench/run.ts. */
export const run = (): Promise<void> => benchSlack();
