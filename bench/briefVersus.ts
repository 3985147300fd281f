/**
 * `brief` against another checkout of Summit, in one process, interleaved (A/B then B/A): the core bench's
 * topics over BBC News (../shared/eval/bbc_news, 2,225 articles; warm: both engines built once, each topic
 * asked 5 times), then a briefing over every DUC 2004 and DUC 2007 cluster as its own corpus (a fresh
 * engine each, as `npm run eval:brief` makes them: cold, where finding disagreements among many reports
 * of one event costs most). Prints both medians and their ratio. Without SUMMIT_BENCH_BASELINE (the other
 * checkout's root, with its own node_modules) it says so and does nothing.
 *
 *   SUMMIT_BENCH_BASELINE=/tmp/main npx node bench/briefVersus.ts
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sharedUrl } from "../scripts/shared.ts";
import type { ArticleRecord } from "../src/corpus/load.ts";
import { median } from "./stats.ts";
import { TOPICS } from "./workload.ts";

interface Engine {
  brief(topic: string): Promise<unknown>;
}
interface Checkout {
  engine(records: ArticleRecord[]): Engine;
}

async function checkout(root: string): Promise<Checkout> {
  const load = (await import(`${root}/src/corpus/load.ts`)) as typeof import("../src/corpus/load.ts");
  const ext = (await import(
    `${root}/src/engine/extractive.ts`
  )) as typeof import("../src/engine/extractive.ts");
  return { engine: (records) => ext.createExtractiveEngine(load.articlesFromRecords(records)) };
}

async function time(f: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}

/** Times `a` and `b` on the same input, alternating which goes first. */
async function both(
  k: number,
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  ta: number[],
  tb: number[],
) {
  if (k % 2 === 0) {
    ta.push(await time(a));
    tb.push(await time(b));
  } else {
    tb.push(await time(b));
    ta.push(await time(a));
  }
}

function lines(file: string): unknown[] {
  return readFileSync(fileURLToPath(new URL(file, sharedUrl())), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as unknown);
}

export async function run(): Promise<void> {
  const baseline = process.env.SUMMIT_BENCH_BASELINE;
  if (!baseline) {
    console.log("briefVersus: set SUMMIT_BENCH_BASELINE to another checkout's root to compare brief with it");
    return;
  }
  const [base, here] = [
    await checkout(baseline),
    await checkout(fileURLToPath(new URL("..", import.meta.url))),
  ];
  const bbc = (lines("eval/bbc_news/bbc_news.jsonl") as { id: string; title: string; text: string }[]).map(
    (r) => ({ id: r.id, title: r.title, text: r.text }),
  );
  const ea = base.engine(bbc);
  const eb = here.engine(bbc);
  const ta: number[] = [];
  const tb: number[] = [];
  for (let pass = 0; pass < 5; pass++)
    for (const [k, t] of TOPICS.entries())
      await both(
        k + pass,
        () => ea.brief(t),
        () => eb.brief(t),
        ta,
        tb,
      );
  const row = (name: string, a: number[], b: number[]) =>
    `| ${name} | ${median(a).toFixed(2)} ms | ${median(b).toFixed(2)} ms | ${(median(b) / median(a)).toFixed(2)}× |`;
  console.log("| brief median | baseline | this checkout | ratio |\n|---|---|---|---|");
  console.log(row(`BBC News, ${TOPICS.length} topics × 5 passes (warm)`, ta, tb));
  type Cluster = { id: string; query?: string; docs: { title?: string; date?: string; text: string }[] };
  const clusters = [
    ...(lines("eval/duc2004_task2/duc2004_task2.jsonl") as Cluster[]),
    ...(lines("eval/duc2007/duc2007_main.jsonl") as Cluster[]),
  ];
  const ca: number[] = [];
  const cb: number[] = [];
  for (let pass = 0; pass < 3; pass++)
    for (const [k, c] of clusters.entries()) {
      const records = c.docs.map((d, i) => ({
        id: `${c.id}/d${i}`,
        text: d.text,
        ...(d.title ? { title: d.title } : {}),
        ...(d.date ? { date: d.date } : {}),
      }));
      const topic = (c.query ?? c.docs[0]?.title ?? c.id).split(/[.\n]/)[0]!.slice(0, 60);
      await both(
        k + pass,
        () => base.engine(records).brief(topic),
        () => here.engine(records).brief(topic),
        ca,
        cb,
      );
    }
  console.log(row(`DUC 2004 + 2007, ${clusters.length} clusters × 3 passes (cold engine each)`, ca, cb));
}

if (import.meta.main) await run();
