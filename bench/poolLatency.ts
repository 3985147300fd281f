/**
 * Pool latency: the same requests answered in-process and by the engine pool (app/engine/pool.ts),
 * in ONE process over the same corpus, each request sent to both (which goes first alternates), so
 * the two see the same machine load: the pool's per-request cost as a ratio measured in one run.
 * The first pass is cold (each engine's first time for these requests), later passes warm.
 *
 *   npx node --max-semi-space-size=8 bench/poolLatency.ts      (BBC ×40, as bench/scale.ts; 3 threads, 4 passes)
 *   SUMMIT_BENCH_THREADS=1 SUMMIT_BENCH_PASSES=6 npx node bench/poolLatency.ts
 *   SUMMIT_BENCH_BASELINE=/tmp/old npx node --max-semi-space-size=8 bench/poolLatency.ts
 *       against another checkout (its root, with its own node_modules): its engine in-process and its
 *       pool beside this tree's, four engines in one process, each of this tree's compared with the
 *       baseline's of the same kind (SUMMIT_BENCH_THREADS=0: the two in-process engines only)
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
  // [name, engine, the engine its ratio is against (index), its close]
  const engines: [string, Engine, number, (() => Promise<void>) | null][] = [];
  const baseline = process.env.SUMMIT_BENCH_BASELINE;
  const pool = (create: typeof createEnginePool) =>
    create({ config: { corpusDir: FILE, logLevel: "silent" }, size: threads });
  if (baseline) {
    // Another checkout: its in-process engine (and pool), each compared with this tree's same kind.
    const other = (await import(`${baseline}/app/engine/create.ts`)) as {
      createExtractiveFromConfig(config: { corpusDir: string }): Engine;
    };
    engines.push(["baseline in-process", other.createExtractiveFromConfig({ corpusDir: FILE }), -1, null]);
    engines.push(["in-process", createExtractiveFromConfig({ corpusDir: FILE }), 0, null]);
    if (threads > 0) {
      const otherPool = (await import(`${baseline}/app/engine/pool.ts`)) as {
        createEnginePool: typeof createEnginePool;
      };
      const [bp, hp] = [await pool(otherPool.createEnginePool), await pool(createEnginePool)];
      engines.push([`baseline pool of ${threads}`, bp, -1, () => bp.close()]);
      engines.push([`pool of ${threads}`, hp, 2, () => hp.close()]);
    }
  } else {
    engines.push(["in-process", createExtractiveFromConfig({ corpusDir: FILE }), -1, null]);
    const p = await pool(createEnginePool);
    engines.push([`pool of ${threads}`, p, 0, () => p.close()]);
  }
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
  for (const [, , , close] of engines) await close?.();
  console.log(`load average after: ${load()}; requests whose results differ between them: ${differ}\n`);
  const names = engines.map(([name]) => name);
  const pairs = engines.flatMap(([name, , vs], e) =>
    vs >= 0 ? [[e, vs, `${name} / ${names[vs]}`] as const] : [],
  );
  console.log(
    `| requests | ${names.map((n) => `${n} median ms`).join(" | ")} | ${pairs.map(([, , n]) => n).join(" | ")} |`,
  );
  console.log(`|---|${names.map(() => "---|").join("")}${pairs.map(() => "---|").join("")}`);
  for (const phase of ["cold", "warm"] as const)
    for (const kind of ["brief", "ask"] as const) {
      const pick = (e: number) =>
        ms[e]!.flatMap((xs, p) => ((phase === "cold") === (p === 0) ? xs : [])).filter(
          (_, i) => work[i % work.length]!.kind === kind,
        );
      const meds = engines.map((_, e) => median(pick(e)));
      console.log(
        `| ${phase} ${kind} (${pick(0).length} each) | ${meds.map((m) => m.toFixed(1)).join(" | ")} | ${pairs
          .map(([e, vs]) => `${(meds[e]! / meds[vs]!).toFixed(2)}×`)
          .join(" | ")} |`,
      );
    }
}

if (import.meta.main) await run();
