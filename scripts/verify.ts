/**
 * `npm run verify`: everything CI checks, in one command (`.ci/run` runs it on a clean clone).
 *
 *   lint          biome check .            (format + lint, writes nothing; `npm run check` fixes)
 *   types         tsc --noEmit             (strict tsconfig)
 *   regex         node scripts/regex-audit.ts (recheck on every regex in the shipped code: fails on
 *                 exponential backtracking; cached in scripts/regex-audit.json, ~1 s when nothing is new)
 *   architecture  vitest run tests/architecture.test.ts tests/moduleGraph.test.ts
 *   tests         vitest run               (every other test; needs Redis on 127.0.0.1:6379)
 *
 * Every step runs even when an earlier one failed, so one run reports every problem. The counts are
 * honest: each test is one check, a lint or type step is one check, and a test file that failed
 * without a failing test (an import error) is one failed check. They are printed last and written to
 * `.verify/report.json` ({ passed, failed, skipped, steps }), which `.ci/run` turns into its last line.
 * Exit code 1 when anything failed. `npm run verify -- lint types` runs only the steps named.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..");
const OUT = join(ROOT, ".verify");
const BIN = join(ROOT, "node_modules", ".bin");

/** The test files that hold the architecture rules (run first: quick, and they say what is wrong). */
export const ARCHITECTURE_TESTS = ["tests/architecture.test.ts", "tests/moduleGraph.test.ts"];

export interface StepResult {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  ms: number;
  /** One line for the summary. */
  detail: string;
}

export interface VerifyReport {
  passed: number;
  failed: number;
  skipped: number;
  steps: StepResult[];
}

/** Runs `command` from node_modules/.bin, or this Node for "node" (its .bin shim may not be installed). */
function run(command: string, args: string[]): { status: number; ms: number } {
  const started = performance.now();
  const bin = command === "node" ? process.execPath : join(BIN, command);
  const r = spawnSync(bin, args, { cwd: ROOT, stdio: "inherit" });
  const status = r.error ? 127 : (r.status ?? 1);
  if (r.error) process.stderr.write(`verify: could not run ${command}: ${r.error.message}\n`);
  return { status, ms: performance.now() - started };
}

/** A step that passes or fails as a whole (lint, types): one check. */
function wholeStep(name: string, command: string, args: string[]): StepResult {
  process.stdout.write(`\n── verify: ${name} (${command} ${args.join(" ")})\n`);
  const { status, ms } = run(command, args);
  const ok = status === 0;
  return { name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, ms, detail: ok ? "ok" : "FAILED" };
}

interface VitestJson {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
  testResults?: { name?: string; status?: string; assertionResults?: { status?: string }[] }[];
}

/** Counts from vitest's JSON report; a file that failed with no failing test counts as one failure. */
export function countVitest(report: VitestJson): { passed: number; failed: number; skipped: number } {
  const brokenFiles = (report.testResults ?? []).filter(
    (f) => f.status === "failed" && !(f.assertionResults ?? []).some((a) => a.status === "failed"),
  ).length;
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

/** A vitest run: one check per test. No report at all (vitest crashed) is one failure. */
function testStep(name: string, args: string[]): StepResult {
  const json = join(OUT, `${name}.json`);
  rmSync(json, { force: true });
  process.stdout.write(`\n── verify: ${name} (vitest run ${args.join(" ")})\n`);
  const { status, ms } = run("vitest", [
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${json}`,
    ...args,
  ]);
  if (!existsSync(json)) {
    return {
      name,
      passed: 0,
      failed: 1,
      skipped: 0,
      ms,
      detail: `FAILED: vitest exited ${status}, no report`,
    };
  }
  const counts = countVitest(JSON.parse(readFileSync(json, "utf8")) as VitestJson);
  // vitest failing for another reason (unhandled error, failed threshold) with every test green.
  if (status !== 0 && counts.failed === 0) counts.failed = 1;
  const detail = `${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ""}`;
  return { name, ...counts, ms, detail };
}

const STEPS: Record<string, () => StepResult> = {
  lint: () => wholeStep("lint", "biome", ["check", "."]),
  types: () => wholeStep("types", "tsc", ["--noEmit"]),
  regex: () => wholeStep("regex", "node", ["scripts/regex-audit.ts"]),
  architecture: () => testStep("architecture", ARCHITECTURE_TESTS),
  tests: () =>
    testStep(
      "tests",
      ARCHITECTURE_TESTS.map((f) => `--exclude=${f}`),
    ),
};

/** `npm run verify` runs every step; `npm run verify -- lint types` only those (CI always runs all). */
export function main(argv: string[] = []): number {
  const unknown = argv.filter((a) => !(a in STEPS));
  if (unknown.length > 0) {
    process.stderr.write(
      `verify: unknown step ${unknown.join(", ")}; steps: ${Object.keys(STEPS).join(", ")}\n`,
    );
    return 2;
  }
  mkdirSync(OUT, { recursive: true });
  const names = argv.length > 0 ? Object.keys(STEPS).filter((n) => argv.includes(n)) : Object.keys(STEPS);
  const steps = names.map((n) => STEPS[n]!());
  const report: VerifyReport = {
    passed: steps.reduce((n, s) => n + s.passed, 0),
    failed: steps.reduce((n, s) => n + s.failed, 0),
    skipped: steps.reduce((n, s) => n + s.skipped, 0),
    steps,
  };
  writeFileSync(join(OUT, "report.json"), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write("\n── verify: summary\n");
  for (const s of steps)
    process.stdout.write(`  ${s.name.padEnd(13)} ${s.detail} (${(s.ms / 1000).toFixed(1)} s)\n`);
  process.stdout.write(
    `verify: ${report.passed} passed, ${report.failed} failed${report.skipped ? `, ${report.skipped} skipped` : ""}\n`,
  );
  return report.failed === 0 ? 0 : 1;
}

if (import.meta.main) process.exitCode = main(process.argv.slice(2));
