/**
 * Mutation check: plants one-line bugs (the kind a careless change introduces) one at a time in a
 * temporary copy of the tree, runs only the test files that should notice, and prints which mutants
 * were caught (some test failed) and which survived. Run from the repository root:
 *
 *   nice -n 10 node scripts/mutants.ts            # every mutant
 *   node scripts/mutants.ts escape-lt dedupe      # only these (by name)
 *   node scripts/mutants.ts --check               # only check that every mutant still applies
 *
 * The working tree is never touched: files are copied to a temp folder (node_modules linked), each
 * mutant patches one line there, and the file is restored before the next.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

interface Mutant {
  name: string;
  file: string;
  /** Exact text to replace (must occur once). */
  from: string;
  to: string;
  tests: string[];
}

// Test files that do not exist in the tree are left out (so one list serves older checkouts too).
const NO_PING = "tests/adapters/noPing.test.ts";
const SLACK_ADAPTER = ["tests/adapters/slack/render.test.ts", "tests/adapters/slack/contract.test.ts"];
const SLACK_RENDER = [...SLACK_ADAPTER, "tests/adapters/slack/e2e.test.ts", NO_PING];
const SLACK_E2E = ["tests/adapters/slack/e2e.test.ts", "tests/adapters/requestGuards.test.ts"];
const DISCORD_ADAPTER = [
  "tests/adapters/discord/render.test.ts",
  "tests/adapters/discord/contract.test.ts",
  "tests/adapters/discord/http.test.ts",
];
const DISCORD_RENDER = [...DISCORD_ADAPTER, "tests/adapters/discord/e2e.test.ts", NO_PING];
const DISCORD_HTTP = [
  ...DISCORD_ADAPTER,
  "tests/adapters/discord/e2e.test.ts",
  "tests/adapters/discord/requestLimits.test.ts",
  "tests/adapters/requestGuards.test.ts",
];
const CORE = [
  "tests/core/engine.test.ts",
  "tests/core/answers.test.ts",
  "tests/core/present.test.ts",
  "tests/core/edgeCases.test.ts",
  "tests/core/citationsE2e.test.ts",
  "tests/core/boundaries.test.ts",
];
const CLEAN = [
  "tests/core/clean.test.ts",
  "tests/core/ingest.test.ts",
  "tests/core/edgeCases.test.ts",
  "tests/core/boundaries.test.ts",
];
const QUEUE = ["tests/queue/worker.test.ts", "tests/queue/crash.test.ts", "tests/queue/staleSlot.test.ts"];

/** Merged from scripts/mutation-score.ts (hardening, 18 mutants) and this script (harden-data, 15): 23 distinct, plus 2 on the
 * guards harden-http added in front (Slack request gate, src/present/safeText.ts). */
export const MUTANTS: Mutant[] = [
  {
    name: "slack-escape-lt",
    file: "adapters/slack/escape.ts",
    from: '.replace(/</g, "&lt;")',
    to: '.replace(/</g, "<")',
    tests: SLACK_RENDER,
  },
  {
    name: "slack-broadcast-words",
    file: "adapters/slack/escape.ts",
    from: '.replace(BROADCAST_WORDS, "@\\u2060$1")',
    to: '.replace(BROADCAST_WORDS, "@$1")',
    tests: SLACK_RENDER,
  },
  {
    name: "slack-link-breakout",
    file: "adapters/slack/escape.ts",
    from: "url.replace(/[<>|\\s]/g, encodeURIComponent)",
    to: "url.replace(/[\\s]/g, encodeURIComponent)",
    tests: SLACK_RENDER,
  },
  {
    name: "slack-signature-off",
    file: "adapters/slack/index.ts",
    from: "      processBeforeResponse: false,",
    to: "      processBeforeResponse: false, signatureVerification: false,",
    tests: SLACK_E2E,
  },
  {
    name: "slack-event-dedupe",
    file: "adapters/slack/eventDedupe.ts",
    from: 'return ok === "OK";',
    to: 'return ok === "OK" || true;',
    tests: [...SLACK_E2E, "tests/adapters/slack/stores.test.ts"],
  },
  {
    name: "slack-sender-part-record",
    file: "adapters/slack/sender.ts",
    from: "if (already) {",
    to: "if (already && false) {",
    tests: SLACK_E2E,
  },
  {
    name: "slack-gate-future-timestamp",
    file: "adapters/slack/verifyRequest.ts",
    from: 'if (skew < -MAX_SKEW_S) return "timestamp in the future";',
    to: 'if (skew < -MAX_SKEW_S * 1000) return "timestamp in the future";',
    tests: SLACK_E2E,
  },
  {
    name: "safe-text-mass-mentions",
    file: "src/present/safeText.ts",
    from: '.replace(MARKUP, "").replace(MASS, "")',
    to: '.replace(MARKUP, "")',
    tests: [...SLACK_RENDER, ...DISCORD_RENDER],
  },
  {
    name: "discord-escape-lt",
    file: "adapters/discord/render.ts",
    from: "()<-]/g",
    to: "()-]/g",
    tests: DISCORD_RENDER,
  },
  {
    name: "discord-defuse-everyone",
    file: "adapters/discord/render.ts",
    from: "/@(everyone|here)/gi",
    to: "/@(here)/gi",
    tests: DISCORD_RENDER,
  },
  {
    name: "discord-allowed-mentions",
    file: "adapters/discord/render.ts",
    from: "export const NO_MENTIONS: APIAllowedMentions = { parse: [] };",
    to: 'export const NO_MENTIONS: APIAllowedMentions = { parse: ["users", "roles", "everyone"] };',
    tests: DISCORD_RENDER,
  },
  {
    name: "discord-timestamp-skew",
    file: "adapters/discord/verify.ts",
    from: "if (age > MAX_SKEW_S) return false;",
    to: "if (age > MAX_SKEW_S * 1000) return false;",
    tests: DISCORD_HTTP,
  },
  {
    name: "discord-future-timestamp",
    file: "adapters/discord/verify.ts",
    from: "const age = Math.abs(clock.now().getTime() / 1000 - Number(timestamp));",
    to: "const age = clock.now().getTime() / 1000 - Number(timestamp);",
    tests: DISCORD_HTTP,
  },
  {
    name: "discord-signature-ignored",
    file: "adapters/discord/verify.ts",
    from: "    return verify(",
    to: "    return body.length >= 0 || verify(",
    tests: DISCORD_HTTP,
  },
  {
    name: "discord-body-cap",
    file: "adapters/discord/http.ts",
    from: "if (size > MAX_BODY_BYTES) {",
    to: "if (size > MAX_BODY_BYTES * 100) {",
    tests: DISCORD_HTTP,
  },
  {
    name: "citation-check-skipped",
    file: "src/engine/citations.ts",
    from: "    if (!articleSupports(index, a, c.text)) continue;",
    to: "    if (!articleSupports(index, a, c.text) && a < 0) continue;",
    tests: CORE,
  },
  {
    name: "as-of-oldest",
    file: "src/engine/citations.ts",
    from: "if (s.date && (!best || s.date > best)) best = s.date;",
    to: "if (s.date && (!best || s.date < best)) best = s.date;",
    tests: CORE,
  },
  {
    name: "disagreement-overlap",
    file: "src/engine/disagreements.ts",
    from: "return a.lo <= b.hi && b.lo <= a.hi;",
    to: "return a.lo < b.hi && b.lo < a.hi;",
    tests: CORE,
  },
  {
    name: "delivery-posted-ignored",
    file: "queue/deliveries.ts",
    from: "if rec[1] == 'posted' then return {'posted', sub, rec[2] or ''} end",
    to: "if rec[1] == 'posted_' then return {'posted', sub, rec[2] or ''} end",
    tests: QUEUE,
  },
  {
    name: "delivery-stale-slot",
    file: "queue/deliveries.ts",
    from: "tonumber(last) >= tonumber(ARGV[2]) then return {'stale'",
    to: "tonumber(last) > tonumber(ARGV[2]) then return {'stale'",
    tests: QUEUE,
  },
  {
    name: "scheduler-no-leader-lock",
    file: "queue/scheduler.ts",
    from: "if (!token) return { leader: false, upserted: 0, removed: 0, unchanged: 0 };",
    to: "if (!token && Math.random() > 2) return { leader: false, upserted: 0, removed: 0, unchanged: 0 };",
    tests: ["tests/queue/scheduler.test.ts"],
  },
  {
    name: "schedule-tz-ignored",
    file: "queue/schedule.ts",
    from: "return CronExpressionParser.parse(cronPattern(spec), { currentDate: from, tz: spec.tz }).next().toDate();",
    to: 'return CronExpressionParser.parse(cronPattern(spec), { currentDate: from, tz: "UTC" }).next().toDate();',
    tests: ["tests/queue/schedule.test.ts", "tests/queue/scheduler.test.ts"],
  },
  {
    name: "clean-zero-width",
    file: "src/corpus/clean.ts",
    from: '.replace(/[\\u200b-\\u200d\\ufeff]/g, "");',
    to: ";",
    tests: CLEAN,
  },
  {
    name: "clean-read-more",
    file: "src/corpus/clean.ts",
    from: "/^(read more|read on|continue reading|",
    to: "/^(read on|continue reading|",
    tests: CLEAN,
  },
  {
    name: "clean-copyright",
    file: "src/corpus/clean.ts",
    from: "const COPYRIGHT = /(^©|^\\(c\\)\\s|\\bcopyright\\b|all rights reserved)/i;",
    to: "const COPYRIGHT = /(^©|^\\(c\\)\\s|all rights reserved)/i;",
    tests: CLEAN,
  },
];

const TREE_DIRS = [
  "adapters",
  "app",
  "bin",
  "queue",
  "seeds",
  "slack",
  "sources",
  "src",
  "store",
  "tests",
  "usecases",
  "prompts",
];
const TREE_FILES = ["package.json", "tsconfig.json", "vitest.config.ts", "biome.json"];

function copyTree(root: string): string {
  const dir = mkdtempSync(join(tmpdir(), "summit-mutants-"));
  for (const d of TREE_DIRS)
    if (existsSync(join(root, d))) cpSync(join(root, d), join(dir, d), { recursive: true });
  for (const f of TREE_FILES) if (existsSync(join(root, f))) cpSync(join(root, f), join(dir, f));
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
  return dir;
}

interface RunResult {
  ok: boolean;
  summary: string;
  /** Full names of the tests that failed (from vitest's JSON report). */
  failed: Set<string>;
}

function runTests(dir: string, tests: string[]): RunResult {
  const report = join(dir, ".mutants-report.json");
  rmSync(report, { force: true });
  const r = spawnSync(
    process.execPath,
    [
      join(dir, "node_modules/vitest/vitest.mjs"),
      "run",
      "--reporter=dot",
      "--reporter=json",
      `--outputFile.json=${report}`,
      ...tests,
    ],
    {
      cwd: dir,
      encoding: "utf8",
      timeout: 300_000,
      env: { ...process.env, CI: "1", NO_COLOR: "1", FORCE_COLOR: "0" },
    },
  );
  const out = `${r.stdout}\n${r.stderr}`;
  const summary = /Tests\s+(.*)/.exec(out)?.[1]?.trim() ?? `exit ${r.status}`;
  const failed = new Set<string>();
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, "utf8")) as {
      testResults: {
        name: string;
        status: string;
        assertionResults: { fullName: string; status: string }[];
      }[];
    };
    for (const f of json.testResults) {
      const file = f.name.slice(dir.length + 1);
      if (f.status === "failed" && f.assertionResults.every((a) => a.status !== "failed"))
        failed.add(`${file} (file failed to run)`);
      for (const a of f.assertionResults) if (a.status === "failed") failed.add(`${file} > ${a.fullName}`);
    }
  } else if (r.status !== 0) failed.add(`(no report: exit ${r.status})`);
  return { ok: r.status === 0, summary, failed };
}

function main(): void {
  const root = resolve(".");
  const only = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const chosen = only.length ? MUTANTS.filter((m) => only.includes(m.name)) : MUTANTS;
  if (process.argv.includes("--check")) {
    // A refactor that moves the code shows up here instead of silently scoring.
    for (const m of chosen) {
      const n = readFileSync(join(root, m.file), "utf8").split(m.from).length - 1;
      console.log(`${n === 1 ? "ok " : "BAD"} ${m.name} (${n}× in ${m.file})`);
    }
    return;
  }
  const dir = copyTree(root);
  let caught = 0;
  let survived = 0;
  const rows: string[] = [];
  try {
    // Unmutated first: a test file that already fails would count every mutant as caught.
    const files = [...new Set(chosen.flatMap((m) => m.tests))].filter((t) => existsSync(join(dir, t)));
    // A test that fails without any mutant (a flaky or broken one) does not count as catching.
    const base = runTests(dir, files);
    console.log(`baseline (no mutant): ${base.ok ? "green" : "FAILING"}  ${base.summary}`);
    for (const f of base.failed) console.log(`  baseline failure (ignored below): ${f}`);
    for (const m of chosen) {
      const path = join(dir, m.file);
      const original = readFileSync(path, "utf8");
      const count = original.split(m.from).length - 1;
      if (count !== 1) {
        rows.push(`SKIP      ${m.name}  (pattern found ${count}× in ${m.file})`);
        console.log(rows.at(-1));
        continue;
      }
      writeFileSync(path, original.replace(m.from, m.to));
      const t0 = Date.now();
      const r = runTests(
        dir,
        m.tests.filter((t) => existsSync(join(dir, t))),
      );
      writeFileSync(path, original);
      const fresh = [...r.failed].filter((f) => !base.failed.has(f));
      const isCaught = fresh.length > 0 || (!r.ok && r.failed.size === 0);
      const verdict = isCaught ? "caught  " : "SURVIVED";
      if (isCaught) caught++;
      else survived++;
      rows.push(
        `${verdict}  ${m.name.padEnd(26)} ${m.file.padEnd(32)} ${((Date.now() - t0) / 1000).toFixed(0)}s  ${r.summary}`,
      );
      console.log(rows.at(-1));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\nmutation score: ${caught}/${caught + survived} caught, ${survived} survived`);
}

main();
