/**
 * `ask` against another checkout of Summit, in one process, interleaved (A/B then B/A): the core bench's
 * questions over BBC News (../shared/eval/bbc_news, 2,225 articles), then every RealTimeQA dev question over
 * its own pages (../shared/eval/realtimeqa, a fresh engine per question, as `npm run eval:qa` asks them).
 * Prints both medians and their ratio. Without SUMMIT_BENCH_BASELINE (the other checkout's root, with its
 * own node_modules) it says so and does nothing, so `npm run bench` stays self-contained.
 *
 *   SUMMIT_BENCH_BASELINE=/tmp/main npx node bench/askVersus.ts
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sharedUrl } from "../scripts/shared.ts";
import type { ArticleRecord } from "../src/corpus/load.ts";
import { median } from "./stats.ts";
import { QUESTIONS } from "./workload.ts";

interface Engine {
  ask(q: string): Promise<unknown>;
}
interface Checkout {
  engine(records: ArticleRecord[], now?: Date): Engine;
}

async function checkout(root: string): Promise<Checkout> {
  const load = (await import(`${root}/src/corpus/load.ts`)) as typeof import("../src/corpus/load.ts");
  const ext = (await import(
    `${root}/src/engine/extractive.ts`
  )) as typeof import("../src/engine/extractive.ts");
  return {
    engine: (records, now) =>
      ext.createExtractiveEngine(load.articlesFromRecords(records), now ? { clock: { now: () => now } } : {}),
  };
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

export async function run(): Promise<void> {
  const baseline = process.env.SUMMIT_BENCH_BASELINE;
  if (!baseline) {
    console.log("askVersus: set SUMMIT_BENCH_BASELINE to another checkout's root to compare ask with it");
    return;
  }
  const [base, here] = [
    await checkout(baseline),
    await checkout(fileURLToPath(new URL("..", import.meta.url))),
  ];
  const bbc = readFileSync(fileURLToPath(new URL("eval/bbc_news/bbc_news.jsonl", sharedUrl())), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => {
      const r = JSON.parse(l) as { id: string; title: string; text: string };
      return { id: r.id, title: r.title, text: r.text };
    });
  const ea = base.engine(bbc);
  const eb = here.engine(bbc);
  const ta: number[] = [];
  const tb: number[] = [];
  for (let pass = 0; pass < 5; pass++)
    for (const [k, q] of QUESTIONS.entries())
      await both(
        k + pass,
        () => ea.ask(q),
        () => eb.ask(q),
        ta,
        tb,
      );
  const row = (name: string, a: number[], b: number[]) =>
    `| ${name} | ${median(a).toFixed(2)} ms | ${median(b).toFixed(2)} ms | ${(median(b) / median(a)).toFixed(2)}× |`;
  console.log("| ask median | baseline | this checkout | ratio |\n|---|---|---|---|");
  console.log(row(`BBC News, ${QUESTIONS.length} questions × 5 passes`, ta, tb));
  const { loadQa, qaRecords, askedOn } = await import("../scripts/eval-qa.ts");
  const qa = loadQa();
  const qa_a: number[] = [];
  const qa_b: number[] = [];
  for (const [k, r] of qa.entries()) {
    const now = askedOn(r) ?? undefined;
    const xa = base.engine(qaRecords(r), now);
    const xb = here.engine(qaRecords(r), now);
    await both(
      k,
      () => xa.ask(r.question),
      () => xb.ask(r.question),
      qa_a,
      qa_b,
    );
  }
  console.log(row(`RealTimeQA dev, ${qa.length} questions over their own pages`, qa_a, qa_b));
}

if (import.meta.main) await run();
