/**
 * Pool latency: the same requests answered in-process and by the engine pool (app/engine/pool.ts),
 * in ONE process over the same corpus, each request sent to both (which goes first alternates), so
 * the two see the same machine load: the pool's per-request cost as a ratio measured in one run.
 * The first pass is cold (each engine's first time for these requests), later passes warm.
 *
 *   npx node --max-semi-space-size=8 bench/poolLatency.ts      (BBC ×40, as bench/scale.ts; 3 threads, 4 passes)
 *   SUMMIT_BENCH_THREADS=1 SUMMIT_BENCH_PASSES=6 npx node bench/poolLatency.ts
 *   SUMMIT_BENCH_BASELINE=/tmp/old SUMMIT_BENCH_THREADS=0 npx node --max-semi-space-size=8 bench/poolLatency.ts
 *       + another checkout's engine in-process (its root, with its own node_modules) as the first
 *         column; every ratio is then against it (THREADS=0: no pool, the two in-process engines only)
 *
 * Needs the corpus file bench/scale.ts writes (run `npm run bench -- scale` once).
 */
import { existsSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createExtractiveFromConfig } from "../app/engine/create.ts";
import { createEnginePool } from "../app/engine/pool.ts";
import type { Engine } from "../src/model.ts";
import { median } from "./stats.ts";
import { QUESTIONS, TOPICS } from "./workload.ts";

const FILE = join(tmpdir(), "summit-bench-scale", "bbc-x40.jsonl");

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

export async function run(): Promise<void> {
  if (!existsSync(FILE)) {
    console.log(`(skipped: ${FILE} is written by \`npm run bench -- scale\`)`);
    return;
  }
  const threads = Number(process.env.SUMMIT_BENCH_THREADS ?? 3);
  const passes = Math.max(2, Number(process.env.SUMMIT_BENCH_PASSES ?? 4));
  const engines: [string, Engine][] = [];
  const baseline = process.env.SUMMIT_BENCH_BASELINE;
  if (baseline) {
    const other = (await import(`${baseline}/app/engine/create.ts`)) as {
      createExtractiveFromConfig(config: { corpusDir: string }): Engine;
    };
    engines.push(["baseline in-process", other.createExtractiveFromConfig({ corpusDir: FILE })]);
  }
  engines.push(["in-process", createExtractiveFromConfig({ corpusDir: FILE })]);
  const pool =
    threads > 0
      ? await createEnginePool({ config: { corpusDir: FILE, logLevel: "silent" }, size: threads })
      : null;
  if (pool) engines.push([`pool of ${threads}`, pool]);
  const work = [
    ...TOPICS.map((t) => ({ kind: "brief" as const, text: t })),
    ...QUESTIONS.map((q) => ({ kind: "ask" as const, text: q })),
  ];
  // ms[engine][pass][request]
  const ms = engines.map(() => Array.from({ length: passes }, () => [] as number[]));
  let differ = 0;
  console.log(`\nload average before: ${load()}`);
  for (let p = 0; p < passes; p++)
    for (const [k, w] of work.entries()) {
      const outs: string[] = [];
      for (let j = 0; j < engines.length; j++) {
        const e = (j + k + p) % engines.length;
        const engine = engines[e]![1];
        const t0 = performance.now();
        const out = w.kind === "brief" ? await engine.brief(w.text) : await engine.ask(w.text);
        ms[e]![p]!.push(performance.now() - t0);
        outs[e] = JSON.stringify(out);
      }
      if (outs.some((o) => o !== outs[0])) differ++;
    }
  await pool?.close();
  console.log(`load average after: ${load()}; requests whose results differ between them: ${differ}\n`);
  const names = engines.map(([name]) => name);
  const others = names.slice(1);
  console.log(
    `| requests | ${names.map((n) => `${n} median ms`).join(" | ")} | ${others.map((n) => `${n} / ${names[0]}`).join(" | ")} |`,
  );
  console.log(`|---|${names.map(() => "---|").join("")}${others.map(() => "---|").join("")}`);
  for (const phase of ["cold", "warm"] as const)
    for (const kind of ["brief", "ask"] as const) {
      const pick = (e: number) =>
        ms[e]!.flatMap((xs, p) => ((phase === "cold") === (p === 0) ? xs : [])).filter(
          (_, i) => work[i % work.length]!.kind === kind,
        );
      const meds = engines.map((_, e) => median(pick(e)));
      console.log(
        `| ${phase} ${kind} (${pick(0).length} each) | ${meds.map((m) => m.toFixed(1)).join(" | ")} | ${meds
          .slice(1)
          .map((m) => `${(m / meds[0]!).toFixed(2)}×`)
          .join(" | ")} |`,
      );
    }
}

if (import.meta.main) await run();
