/**
 * Where the shared evaluation data lives: $SUMMIT_SHARED_DIR, else the first `shared/` folder holding
 * `eval/` found beside the project or beside one of its parent folders (a git worktree under
 * /work/wt/NAME finds /work/shared). Read at run time, never copied into the project.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The shared folder as a file URL ending in "/"; falls back to ../shared beside the project. */
export function sharedUrl(): URL {
  const env = process.env.SUMMIT_SHARED_DIR;
  if (env) return pathToFileURL(`${resolve(env)}/`);
  const project = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  for (let dir = project; ; dir = dirname(dir)) {
    const candidate = join(dirname(dir), "shared");
    if (existsSync(join(candidate, "eval"))) return pathToFileURL(`${candidate}/`);
    if (dirname(dir) === dir) break;
  }
  return pathToFileURL(`${join(dirname(project), "shared")}/`);
}

/** A Markdown table, columns padded to their widest cell (the eval scripts' output). */
export function markdownTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? "").length)));
  const line = (row: readonly string[]) => `| ${row.map((cell, c) => cell.padEnd(widths[c]!)).join(" | ")} |`;
  return [
    line(rows[0]!),
    `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
    ...rows.slice(1).map(line),
  ].join("\n");
}

/** A small deterministic PRNG (mulberry32): the same sequence for the same seed, every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A measure run on a baseline checkout (its root, when given) and then on this one, in the same run: each
 * run labelled ("baseline", "this"), this one alone asked to dump what it flags.
 */
export async function besideBaseline<T>(
  baseline: string | undefined,
  here: string,
  run: (root: string, dump: boolean) => Promise<T>,
  dump: boolean,
): Promise<[string, T][]> {
  const runs: [string, T][] = [];
  if (baseline) runs.push(["baseline", await run(baseline, false)]);
  runs.push(["this", await run(here, dump)]);
  return runs;
}
