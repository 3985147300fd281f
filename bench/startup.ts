/**
 * CLI start-up: what a person waits for on every command. Each command is run as a fresh process by the
 * same Node 24 as a bare `node -e 0` (the baseline), interleaved round by round, and the table gives
 * medians and the ratio to bare node measured in the same run.
 *   npx node bench/startup.ts            (BENCH_RUNS=N rounds, default 11, after one warm-up round)
 *
 * Rows: the sources (`node app/cli.ts`, type stripping + ~700 module files) and what `npm run summit`
 * runs (`node bin/summit.js`: the prebuilt bundle in dist/, rebuilt first so it is fresh; Node's compile
 * cache on, as the launcher sets it, and off). Targets (issue 10): --help within 3× of bare node, a
 * briefing on the seed articles within 5×.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { build } from "../scripts/build.ts";

const ROOT = join(import.meta.dirname, "..");

interface Case {
  name: string;
  args: string[];
  env?: Record<string, string>;
  /** The ratio to bare node this row must stay within, if it is a target row. */
  target?: number;
}

const NO_CACHE = { NODE_DISABLE_COMPILE_CACHE: "1" };

const CASES: Case[] = [
  { name: "bare node -e 0 (baseline)", args: ["-e", "0"] },
  { name: "--help, sources", args: ["app/cli.ts", "--help"] },
  { name: "--help, prebuilt, no cache", args: ["bin/summit.js", "--help"], env: NO_CACHE },
  { name: "--help, npm run summit", args: ["bin/summit.js", "--help"], target: 3 },
  { name: "brief laborers, sources", args: ["app/cli.ts", "brief", "laborers"] },
  { name: "brief laborers, prebuilt, no cache", args: ["bin/summit.js", "brief", "laborers"], env: NO_CACHE },
  { name: "brief laborers, npm run summit", args: ["bin/summit.js", "brief", "laborers"], target: 5 },
];

function timeOnce(c: Case): number {
  const env: NodeJS.ProcessEnv = { ...process.env, ...c.env };
  delete env.SUMMIT_CORPUS;
  delete env.NODE_DEBUG;
  const started = performance.now();
  const r = spawnSync(process.execPath, c.args, { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`${c.name} exited ${r.status}: ${r.stderr.toString().slice(0, 300)}`);
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export async function run(): Promise<void> {
  const rounds = Number(process.env.BENCH_RUNS ?? 11);
  const buildStarted = performance.now();
  const manifest = await build();
  const buildMs = performance.now() - buildStarted;

  const times = new Map<Case, number[]>(CASES.map((c) => [c, []]));
  for (let round = -1; round < rounds; round++) {
    for (const c of CASES) {
      const ms = timeOnce(c);
      if (round >= 0) times.get(c)!.push(ms); // round -1 warms the disk and compile caches
    }
  }
  const bare = median(times.get(CASES[0]!)!);
  console.log(`startup: ${rounds} interleaved rounds, medians, Node ${process.version}, ratio to bare node`);
  console.log(`  ${"command".padEnd(36)} ${"median ms".padStart(10)} ${"× bare".padStart(8)}  target`);
  for (const c of CASES) {
    const m = median(times.get(c)!);
    const ratio = m / bare;
    const target = c.target ? `≤ ${c.target}×: ${ratio <= c.target ? "met" : "NOT met"}` : "";
    console.log(
      `  ${c.name.padEnd(36)} ${m.toFixed(0).padStart(10)} ${ratio.toFixed(1).padStart(8)}  ${target}`,
    );
  }
  console.log(`  (dist/ rebuilt first: ${manifest.inputs.length} inputs, ${buildMs.toFixed(0)} ms)`);
}

if (import.meta.main) await run();
