/**
 * The web console at scale, in one server (app/server.ts, bot role, the real Slack adapter over HTTP):
 *  1. Page render median for each console page with 10,000 subscriptions and 100 sources in Redis,
 *     against GET /healthz in the same run (requests one at a time, rounds alternating). The
 *     Subscriptions page reuses one read of every subscription for 5 s; `?fresh=1` reads them each time.
 *  2. Slack ack latency (signed `/summit <topic>` commands, concurrent) with and without console
 *     traffic (two clients loading console pages back to back), phases alternating.
 * The load generator runs in a worker thread so its work does not sit on the measured event loop.
 *   npx node bench/console.ts [--subs 10000] [--sources 100] [--rounds 3] [--n 300] [--concurrency 20]
 */
import { availableParallelism, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { Redis } from "ioredis";
import { pino } from "pino";
import { loadConfig } from "../app/config.ts";
import { startServer } from "../app/server.ts";
import { SharedStore } from "../store/sharedStore.ts";
import { startFakeSlackApi } from "../tests/peers/slack/fakeSlackApi.ts";
import { deleteKeysUnder } from "../tests/support/redisKeys.ts";
import { signedSlashCommand } from "../tests/support/slackSigning.ts";

const SECRET = "bench-console-signing-secret";
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const TOPICS = ["laborers", "sanctions", "Vladivostok", "nuclear talks", "railway"];
const PAGES = [
  "/healthz",
  "/console/try",
  "/console/try?q=sanctions",
  "/console/sources",
  "/console/subscriptions",
  "/console/subscriptions?fresh=1",
  "/console/subscriptions?page=50",
  "/console/subscriptions?q=c-0042",
  "/console/deliveries",
  "/console/feedback",
  "/console/health",
];

interface Job {
  base: string;
  responseBase: string;
  rounds: number;
  n: number;
  concurrency: number;
}
type Report =
  | { kind: "pages"; medians: Record<string, number> }
  | { kind: "acks"; phase: "alone" | "with console"; ms: number[]; consolePages: number };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : (s[Math.floor((s.length - 1) / 2)] ?? Number.NaN);
};
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? Number.NaN;
};

// ---- load generator (worker thread) ----

async function timeGet(url: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
  return performance.now() - t;
}

async function loadGenerator(job: Job): Promise<void> {
  const post = (r: Report) => parentPort?.postMessage(r);
  // 1. Pages, one request at a time, every page once per round, rounds alternating order.
  const times: Record<string, number[]> = Object.fromEntries(PAGES.map((p) => [p, []]));
  for (const p of PAGES) await timeGet(`${job.base}${p}`); // warm-up
  for (let r = 0; r < job.rounds * 5; r++) {
    const order = r % 2 === 0 ? PAGES : [...PAGES].reverse();
    for (const p of order) times[p]?.push(await timeGet(`${job.base}${p}`));
  }
  post({ kind: "pages", medians: Object.fromEntries(PAGES.map((p) => [p, median(times[p] ?? [])])) });

  // 2. Slack acks, alone and with console traffic, phases alternating.
  let seq = 0;
  const acks = async (): Promise<number[]> => {
    const ms: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: job.concurrency }, async () => {
        while (next < job.n) {
          const i = next++;
          const { body, headers } = signedSlashCommand(SECRET, {
            text: TOPICS[i % TOPICS.length] ?? "news",
            responseUrl: `${job.responseBase}/${seq++}`,
          });
          const t = performance.now();
          const res = await fetch(`${job.base}/slack/events`, { method: "POST", headers, body });
          await res.arrayBuffer();
          ms.push(performance.now() - t);
        }
      }),
    );
    return ms;
  };
  for (let r = 0; r < job.rounds; r++) {
    post({ kind: "acks", phase: "alone", ms: await acks(), consolePages: 0 });
    let stop = false;
    let pages = 0;
    const browsing = Array.from({ length: 2 }, async (_, c) => {
      for (let i = c; !stop; i++) {
        await timeGet(`${job.base}${PAGES[1 + (i % (PAGES.length - 1))]}`);
        pages++;
      }
    });
    const ms = await acks();
    stop = true;
    await Promise.all(browsing);
    post({ kind: "acks", phase: "with console", ms, consolePages: pages });
  }
}

if (!isMainThread && workerData?.consoleBench) {
  await loadGenerator(workerData.job as Job);
}

// ---- server and report (main thread) ----

export async function run(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      subs: { type: "string", default: "10000" },
      sources: { type: "string", default: "100" },
      rounds: { type: "string", default: "3" },
      n: { type: "string", default: "300" },
      concurrency: { type: "string", default: "20" },
    },
    strict: false,
  });
  const subsN = Number(values.subs);
  const sourcesN = Number(values.sources);
  const prefix = `summit-bench-console-${process.pid}`;
  const log = pino({ level: "silent" });
  const slack = await startFakeSlackApi();
  const server = await startServer({
    config: loadConfig({
      REDIS_URL,
      SUMMIT_REDIS_PREFIX: prefix,
      PORT: "0",
      SUMMIT_ROLES: "bot",
      SUMMIT_ENGINE_THREADS: "1",
      SLACK_BOT_TOKEN: "xoxb-bench-console",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
    }),
    log,
    handleSignals: false,
  });
  const redis = new Redis(REDIS_URL);
  try {
    // 10,000 subscriptions straight into the store (no schedulers: this measures reading them).
    const now = new Date();
    const zones = ["Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC", "Australia/Sydney"];
    for (let i = 0; i < subsN; i += 500) {
      await Promise.all(
        Array.from({ length: Math.min(500, subsN - i) }, (_, j) =>
          server.digests.store.create(
            {
              platform: (i + j) % 2 ? "slack" : "discord",
              workspace: `W${(i + j) % 300}`,
              channel: `c-${String(i + j).padStart(5, "0")}`,
              at: `${String((i + j) % 24).padStart(2, "0")}:00`,
              tz: zones[(i + j) % zones.length] ?? "UTC",
              days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
              topics: [TOPICS[(i + j) % TOPICS.length] ?? "news"],
              createdBy: "bench",
            },
            now,
          ),
        ),
      );
    }
    const store = new SharedStore({ redis, prefix, clock: { now: () => new Date() }, log });
    for (let i = 0; i < sourcesN; i++) {
      await store.sources.add({
        url: `https://site${i}.example/`,
        feedUrl: `https://site${i}.example/feed.xml`,
        name: `Site ${i}`,
      });
    }

    const job: Job = {
      base: `http://127.0.0.1:${server.port}`,
      responseBase: `${slack.url}/response`,
      rounds: Number(values.rounds),
      n: Number(values.n),
      concurrency: Number(values.concurrency),
    };
    const reports: Report[] = [];
    await new Promise<void>((resolve, reject) => {
      const w = new Worker(new URL(import.meta.url), { workerData: { consoleBench: true, job } });
      w.on("message", (r: Report) => reports.push(r));
      w.on("error", reject);
      w.on("exit", () => resolve());
    });

    const pages = reports.find((r) => r.kind === "pages");
    const [l1, l5] = loadavg();
    console.log(
      `\nConsole page render: ${subsN} subscriptions, ${sourcesN} sources, ${Number(values.rounds) * 5} requests per page one at a time (${availableParallelism()} cores, load ${l1?.toFixed(2)} / ${l5?.toFixed(2)})`,
    );
    console.log("| page | median ms | ÷ /healthz median |");
    console.log("|---|---|---|");
    const base = pages?.kind === "pages" ? (pages.medians["/healthz"] ?? Number.NaN) : Number.NaN;
    if (pages?.kind === "pages") {
      for (const [p, m] of Object.entries(pages.medians)) {
        console.log(`| ${p} | ${m.toFixed(2)} | ${(m / base).toFixed(1)} |`);
      }
    }
    const alone = reports.flatMap((r) => (r.kind === "acks" && r.phase === "alone" ? r.ms : []));
    const withConsole = reports.flatMap((r) => (r.kind === "acks" && r.phase === "with console" ? r.ms : []));
    const consolePages = reports.reduce((a, r) => a + (r.kind === "acks" ? r.consolePages : 0), 0);
    console.log(
      `\nSlack ack latency: ${job.n} signed /summit commands × ${job.rounds} rounds per phase, ${job.concurrency} concurrent; "with console" = 2 clients loading console pages back to back (${consolePages} pages served meanwhile)`,
    );
    console.log("| phase | acks | median ms | p95 ms | p99 ms |");
    console.log("|---|---|---|---|---|");
    for (const [name, ms] of [
      ["alone", alone],
      ["with console traffic", withConsole],
    ] as const) {
      console.log(
        `| ${name} | ${ms.length} | ${median(ms).toFixed(2)} | ${pct(ms, 0.95).toFixed(2)} | ${pct(ms, 0.99).toFixed(2)} |`,
      );
    }
    console.log(`ratio of medians (with ÷ alone): ${(median(withConsole) / median(alone)).toFixed(2)}`);
  } finally {
    await server.close();
    await slack.close();
    await deleteKeysUnder(redis, prefix, `${prefix}:*`);
    redis.disconnect();
  }
}

if (import.meta.main && isMainThread) await run();
