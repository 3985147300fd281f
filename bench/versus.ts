/**
 * What the "versus" benches share (askVersus.ts, briefVersus.ts, digestVersus.ts): another checkout of Summit loaded
 * beside this one in the same process, one input timed on both alternately (A/B then B/A), and a row of
 * both medians with their ratio. No `run`: `npm run bench` skips this file.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sharedUrl } from "../scripts/shared.ts";
import type { ArticleRecord } from "../src/corpus/load.ts";
import type { Engine } from "../src/model.ts";
import { median } from "./stats.ts";

/** A checkout's engine factory (its own corpus loader and extractive engine), optionally on a fixed clock. */
export interface Checkout {
  engine(records: ArticleRecord[], now?: Date): Pick<Engine, "brief" | "ask" | "digest">;
}

/** Loads the checkout at `root` (a directory with its own node_modules). */
export async function checkout(root: string): Promise<Checkout> {
  const load = (await import(`${root}/src/corpus/load.ts`)) as typeof import("../src/corpus/load.ts");
  const ext = (await import(
    `${root}/src/engine/extractive.ts`
  )) as typeof import("../src/engine/extractive.ts");
  return {
    engine: (records, now) =>
      ext.createExtractiveEngine(load.articlesFromRecords(records), now ? { clock: { now: () => now } } : {}),
  };
}

/** The baseline checkout (SUMMIT_BENCH_BASELINE) and this one, or null (with a line saying why) when unset. */
export async function checkouts(bench: string, what: string): Promise<[Checkout, Checkout] | null> {
  const baseline = process.env.SUMMIT_BENCH_BASELINE;
  if (!baseline) {
    console.log(`${bench}: set SUMMIT_BENCH_BASELINE to another checkout's root to compare ${what} with it`);
    return null;
  }
  return [await checkout(baseline), await checkout(fileURLToPath(new URL("..", import.meta.url)))];
}

async function time(f: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}

/** Times `a` into `ta` and `b` into `tb` on the same input, alternating which goes first with `k`. */
export async function both(
  k: number,
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  ta: number[],
  tb: number[],
): Promise<void> {
  if (k % 2 === 0) {
    ta.push(await time(a));
    tb.push(await time(b));
  } else {
    tb.push(await time(b));
    ta.push(await time(a));
  }
}

/** The table's head for `what` ("ask", "brief"). */
export function versusHead(what: string): string {
  return `| ${what} median | baseline | this checkout | ratio |\n|---|---|---|---|`;
}

/** One table row: both medians and this checkout's over the baseline's. */
export function versusRow(name: string, a: number[], b: number[]): string {
  return `| ${name} | ${median(a).toFixed(2)} ms | ${median(b).toFixed(2)} ms | ${(median(b) / median(a)).toFixed(2)}× |`;
}

/** The records of a JSONL file under ../shared (scripts/shared.ts finds it from a worktree too). */
export function sharedLines(file: string): unknown[] {
  return readFileSync(fileURLToPath(new URL(file, sharedUrl())), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as unknown);
}

/** BBC News (../shared/eval/bbc_news, 2,225 articles) as corpus records. */
export function bbcRecords(): ArticleRecord[] {
  return (sharedLines("eval/bbc_news/bbc_news.jsonl") as { id: string; title: string; text: string }[]).map(
    (r) => ({
      id: r.id,
      title: r.title,
      text: r.text,
    }),
  );
}

type Call = (engine: ReturnType<Checkout["engine"]>, input: string) => Promise<unknown>;

/** Both checkouts' engines over BBC News built once, each input run `passes` times on both: the timings. */
export async function warmOverBbc(
  [base, here]: [Checkout, Checkout],
  inputs: readonly string[],
  call: Call,
  passes = 5,
): Promise<[number[], number[]]> {
  const bbc = bbcRecords();
  const ea = base.engine(bbc);
  const eb = here.engine(bbc);
  const ta: number[] = [];
  const tb: number[] = [];
  for (let pass = 0; pass < passes; pass++)
    for (const [k, input] of inputs.entries())
      await both(
        k + pass,
        () => call(ea, input),
        () => call(eb, input),
        ta,
        tb,
      );
  return [ta, tb];
}
