/**
 * Polling figures: 1,000 feeds of 50 items each on the local feed server (tests/peers/feeds, BBC News
 * articles when /work/shared/eval is present, else the seeds), polled with `pollSource` (conditional
 * GET, decompression, charset, feedsmith parsing, item hashing, HTML → text, the corpus's cleaning)
 * against raw undici GETs of the same URLs at the same concurrency, in the same run, rounds
 * alternating. Then the same with the feeds unchanged (every poll a 304 against raw conditional GETs).
 *   npx node bench/polling.ts [--feeds 1000] [--items 50] [--rounds 3] [--concurrency 16]
 * All feeds live on one local host, so the per-host limit (2 in production, where 1,000 feeds span
 * many hosts) is raised to the concurrency for this bench; a second table keeps it at 2.
 */
import { availableParallelism, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { Agent, request } from "undici";
import { createSourceDeps } from "../sources/deps.ts";
import { pollSource } from "../sources/poll.ts";
import { newSourceState, type SourceState } from "../sources/types.ts";
import { bbcArticles, peerArticles } from "../tests/peers/feeds/articles.ts";
import { startFeedServer } from "../tests/peers/feeds/server.ts";

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const f = (x: number, d = 0) =>
  x.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });

async function pool<T>(inputs: T[], n: number, fn: (x: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < inputs.length) await fn(inputs[next++]!);
    }),
  );
}

function source(i: number, url: string): SourceState {
  return newSourceState({
    id: `bench-${i}`,
    url,
    feedUrl: url,
    name: `Bench ${i}`,
    everyMs: 15 * 60_000,
    addedAt: new Date(0).toISOString(),
  });
}

interface Row {
  seconds: number;
  feeds: number;
  items: number;
}

export async function run(argv: string[] = []): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      feeds: { type: "string", default: "1000" },
      items: { type: "string", default: "50" },
      rounds: { type: "string", default: "3" },
      concurrency: { type: "string", default: "16" },
    },
  });
  const feeds = Number(values.feeds);
  const perFeed = Number(values.items);
  const rounds = Number(values.rounds);
  const concurrency = Number(values.concurrency);
  const bbc = bbcArticles(2225);
  const articles = bbc.length > 0 ? bbc : peerArticles();
  const server = await startFeedServer({ articles });
  const urls = Array.from({ length: feeds }, (_, i) => server.url(`/bench/${i}.xml?items=${perFeed}`));
  const loadBefore = loadavg()[0]!;

  const rawRound = async (conc: number, etags?: string[]): Promise<Row> => {
    const agent = new Agent({ connections: conc });
    const t = performance.now();
    let got = 0;
    await pool(
      urls.map((u, i) => [u, i] as const),
      conc,
      async ([u, i]) => {
        const headers: Record<string, string> = { "accept-encoding": "identity" };
        if (etags?.[i]) headers["if-none-match"] = etags[i]!;
        const res = await request(u, { dispatcher: agent, headers });
        await res.body.text();
        if (res.statusCode === 200 || res.statusCode === 304) got++;
      },
    );
    const seconds = (performance.now() - t) / 1000;
    await agent.close();
    if (got !== feeds) throw new Error(`raw: ${got} of ${feeds} answered`);
    return { seconds, feeds, items: etags ? 0 : feeds * perFeed };
  };

  const oursRound = async (conc: number, perHost: number, states?: SourceState[]) => {
    const deps = createSourceDeps({ http: { allowPrivateNetworks: true, perHostConcurrency: perHost } });
    const next: SourceState[] = new Array(feeds);
    let items = 0;
    let failed = 0;
    const t = performance.now();
    await pool(
      urls.map((u, i) => [u, i] as const),
      conc,
      async ([u, i]) => {
        const r = await pollSource(states?.[i] ?? source(i, u), deps);
        if (r.outcome === "failed") failed++;
        items += r.items.length;
        next[i] = r.next;
      },
    );
    const seconds = (performance.now() - t) / 1000;
    await deps.close();
    if (failed > 0) throw new Error(`ours: ${failed} polls failed`);
    return { row: { seconds, feeds, items }, next };
  };

  // Warm the server's feed cache (and the JIT) once, untimed.
  await rawRound(concurrency);
  const table = async (conc: number, perHost: number) => {
    const raw: Row[] = [];
    const ours: Row[] = [];
    const raw304: Row[] = [];
    const ours304: Row[] = [];
    for (let r = 0; r < rounds; r++) {
      raw.push(await rawRound(conc));
      const first = await oursRound(conc, perHost);
      if (first.row.items !== feeds * perFeed)
        throw new Error(`ours: ${first.row.items} items, expected ${feeds * perFeed}`);
      ours.push(first.row);
      raw304.push(
        await rawRound(
          conc,
          first.next.map((s) => s.etag ?? ""),
        ),
      );
      const again = await oursRound(conc, perHost, first.next);
      if (again.row.items !== 0) throw new Error("ours: unchanged feeds gave items");
      ours304.push(again.row);
    }
    const fps = (rows: Row[]) => median(rows.map((x) => x.feeds / x.seconds));
    const ips = (rows: Row[]) => median(rows.map((x) => x.items / x.seconds));
    const ratio = (a: Row[], b: Row[]) =>
      median(a.map((x, i) => x.feeds / x.seconds / (b[i]!.feeds / b[i]!.seconds)));
    console.log(
      `\n${feeds} feeds × ${perFeed} items, ${conc} requests in flight, per-host limit ${perHost}, medians of ${rounds} rounds`,
    );
    console.log(
      "| poll | pollSource feeds/s | items/s | raw undici GET feeds/s | items/s | ratio (ours ÷ raw) |",
    );
    console.log("|---|---|---|---|---|---|");
    console.log(
      `| first poll (200, full text) | ${f(fps(ours))} | ${f(ips(ours))} | ${f(fps(raw))} | ${f(ips(raw))} | ${f(ratio(ours, raw), 3)} |`,
    );
    console.log(
      `| unchanged (304) | ${f(fps(ours304))} | — | ${f(fps(raw304))} | — | ${f(ratio(ours304, raw304), 3)} |`,
    );
  };
  await table(concurrency, concurrency);
  await table(concurrency, 2);
  await server.close();
  console.log(
    `\narticles: ${bbc.length > 0 ? `BBC News (${articles.length})` : `seeds (${articles.length})`}; load average (1 min) ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after, on ${availableParallelism()} cores`,
  );
}

if (import.meta.main) await run(process.argv.slice(2));
