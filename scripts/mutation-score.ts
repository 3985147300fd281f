/**
 * Mutation score: plants one-line bugs (the kind a careless change introduces) one at a time in this
 * working tree, runs only the test files that cover the mutated module, and counts how many the tests
 * catch. Each file is restored right after its run. Run with `nice -n 10 npx node scripts/mutation-score.ts
 * [name-filter]` (MUTANT_ROOT=dir to mutate another checkout, `--check` to only check every mutant
 * applies); prints a table and `caught N / M`. Do not edit the checkout while it runs.
 *
 * Every mutant must apply (its `find` text must occur exactly once), so a refactor that moves the code
 * shows up as "not applied" instead of silently scoring.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

interface Mutant {
  name: string;
  file: string;
  find: string;
  replace: string;
  tests: string[];
}

// Test files that do not exist in the checkout are left out (so one list serves before and after).
const NO_PING = "tests/adapters/noPing.test.ts";
const SLACK_RENDER = ["tests/adapters/slack/render.test.ts", "tests/adapters/slack/e2e.test.ts", NO_PING];
const DISCORD_RENDER = [
  "tests/adapters/discord/render.test.ts",
  "tests/adapters/discord/e2e.test.ts",
  NO_PING,
];
const DISCORD_HTTP = [
  "tests/adapters/discord/http.test.ts",
  "tests/adapters/discord/e2e.test.ts",
  "tests/adapters/discord/requestLimits.test.ts",
  "tests/adapters/requestGuards.test.ts",
];
const SLACK_E2E = ["tests/adapters/slack/e2e.test.ts", "tests/adapters/requestGuards.test.ts"];
const QUEUE = ["tests/queue/worker.test.ts", "tests/queue/crash.test.ts"];

export const MUTANTS: Mutant[] = [
  {
    name: "slack: '<' no longer escaped (mentions/broadcasts live)",
    file: "adapters/slack/escape.ts",
    find: '.replace(/</g, "&lt;")',
    replace: '.replace(/</g, "<")',
    tests: SLACK_RENDER,
  },
  {
    name: "slack: bare @here/@channel not defused",
    file: "adapters/slack/escape.ts",
    find: '.replace(BROADCAST_WORDS, "@\\u2060$1")',
    replace: '.replace(BROADCAST_WORDS, "@$1")',
    tests: SLACK_RENDER,
  },
  {
    name: "slack: link URL may break out of <url|label>",
    file: "adapters/slack/escape.ts",
    find: "url.replace(/[<>|\\s]/g, encodeURIComponent)",
    replace: "url.replace(/[\\s]/g, encodeURIComponent)",
    tests: SLACK_RENDER,
  },
  {
    name: "discord: @everyone/@here not defused",
    file: "adapters/discord/render.ts",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: source text, not a template
    find: "return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`);",
    replace: "return text;",
    tests: DISCORD_RENDER,
  },
  {
    name: "discord: '<' not escaped in markdown (<@id> pings)",
    file: "adapters/discord/render.ts",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: source text, not a template
    find: ".replace(/[\\\\*_~`|>#[\\]()<-]/g, (c) => `\\\\${c}`)",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: source text, not a template
    replace: ".replace(/[\\\\*_~`|>#[\\]()-]/g, (c) => `\\\\${c}`)",
    tests: DISCORD_RENDER,
  },
  {
    name: "discord: allowed_mentions parses users/roles/everyone",
    file: "adapters/discord/render.ts",
    find: "export const NO_MENTIONS: APIAllowedMentions = { parse: [] };",
    replace: 'export const NO_MENTIONS: APIAllowedMentions = { parse: ["users", "roles", "everyone"] };',
    tests: DISCORD_RENDER,
  },
  {
    name: "discord: timestamp skew check off by 1000×",
    file: "adapters/discord/verify.ts",
    find: "if (age > MAX_SKEW_S) return false;",
    replace: "if (age > MAX_SKEW_S * 1000) return false;",
    tests: DISCORD_HTTP,
  },
  {
    name: "discord: future timestamps accepted (no abs)",
    file: "adapters/discord/verify.ts",
    find: "const age = Math.abs(clock.now().getTime() / 1000 - Number(timestamp));",
    replace: "const age = clock.now().getTime() / 1000 - Number(timestamp);",
    tests: DISCORD_HTTP,
  },
  {
    name: "discord: body cap 100× larger",
    file: "adapters/discord/http.ts",
    find: "if (size > MAX_BODY_BYTES) {",
    replace: "if (size > MAX_BODY_BYTES * 100) {",
    tests: DISCORD_HTTP,
  },
  {
    name: "slack: event replay dedupe always claims",
    file: "adapters/slack/eventDedupe.ts",
    find: 'return ok === "OK";',
    replace: "return ok !== undefined;",
    tests: SLACK_E2E,
  },
  {
    name: "slack sender: per-part record ignored on retry",
    file: "adapters/slack/sender.ts",
    find: "if (already) {",
    replace: "if (already && false) {",
    tests: SLACK_E2E,
  },
  {
    name: "queue: posted record not honoured by BEGIN",
    file: "queue/deliveries.ts",
    find: "if rec[1] == 'posted' then return {'posted', sub, rec[2] or ''} end",
    replace: "if rec[1] == 'postd' then return {'posted', sub, rec[2] or ''} end",
    tests: QUEUE,
  },
  {
    name: "queue: superseded slot not skipped",
    file: "queue/deliveries.ts",
    find: "tonumber(last) >= tonumber(ARGV[2]) then return {'stale', sub, last} end",
    replace: "tonumber(last) > tonumber(ARGV[2]) then return {'stale', sub, last} end",
    tests: QUEUE,
  },
  {
    name: "queue: scheduler proceeds without the leader lock",
    file: "queue/scheduler.ts",
    find: "if (!token) return { leader: false, upserted: 0, removed: 0, unchanged: 0 };",
    replace:
      "if (!token && Math.random() > 2) return { leader: false, upserted: 0, removed: 0, unchanged: 0 };",
    tests: ["tests/queue/scheduler.test.ts"],
  },
  {
    name: "core: 'as of' takes the oldest date",
    file: "src/engine/citations.ts",
    find: "if (s.date && (!best || s.date > best)) best = s.date;",
    replace: "if (s.date && (!best || s.date < best)) best = s.date;",
    tests: ["tests/core/engine.test.ts", "tests/core/present.test.ts", "tests/core/citationsE2e.test.ts"],
  },
  {
    name: "core: zero-width characters kept in article text",
    file: "src/corpus/clean.ts",
    find: '.replace(/[\\u200b-\\u200d\\ufeff]/g, "");',
    replace: ";",
    tests: ["tests/core/clean.test.ts", "tests/core/ingest.test.ts", "tests/core/edgeCases.test.ts"],
  },
  {
    name: "core: unsupported citations kept",
    file: "src/engine/citations.ts",
    find: "    if (!articleSupports(index, a, c.text)) continue;",
    replace: "    if (!articleSupports(index, a, c.text) && a < 0) continue;",
    tests: ["tests/core/engine.test.ts", "tests/core/present.test.ts", "tests/core/citationsE2e.test.ts"],
  },
  {
    name: "core: 'Read more' lines kept",
    file: "src/corpus/clean.ts",
    find: "/^(read more|read on|continue reading|",
    replace: "/^(read on|continue reading|",
    tests: ["tests/core/clean.test.ts", "tests/core/ingest.test.ts", "tests/core/edgeCases.test.ts"],
  },
];

// MUTANT_ROOT: run against another checkout (e.g. a clean copy of main for a "before" score).
const root = resolve(process.env.MUTANT_ROOT ?? resolve(import.meta.dirname, ".."));
if (process.argv.includes("--check")) {
  for (const m of MUTANTS) {
    const text = readFileSync(resolve(root, m.file), "utf8");
    console.log(text.split(m.find).length === 2 ? "ok " : "BAD", m.name);
  }
  process.exit(0);
}

const filter = process.argv.slice(2).find((a) => !a.startsWith("--"));
const chosen = MUTANTS.filter((m) => !filter || m.name.includes(filter));

const rows: string[] = [];
let caught = 0;
let survived = 0;
let notApplied = 0;
for (const m of chosen) {
  const path = resolve(root, m.file);
  const original = readFileSync(path, "utf8");
  const at = original.indexOf(m.find);
  if (at < 0 || original.indexOf(m.find, at + 1) >= 0) {
    rows.push(`| ${m.name} | ${m.file} | NOT APPLIED |`);
    notApplied++;
    continue;
  }
  writeFileSync(path, original.slice(0, at) + m.replace + original.slice(at + m.find.length));
  const started = Date.now();
  let status: number | null;
  try {
    const files = m.tests.filter((t) => existsSync(resolve(root, t)));
    const r = spawnSync("npx", ["vitest", "run", "--reporter=dot", ...files], {
      cwd: root,
      encoding: "utf8",
      timeout: 240_000,
    });
    status = r.status;
  } finally {
    writeFileSync(path, original);
  }
  const verdict = status === 0 ? "survived" : "caught";
  if (status === 0) survived++;
  else caught++;
  rows.push(`| ${m.name} | ${m.file} | ${verdict} (${((Date.now() - started) / 1000).toFixed(0)} s) |`);
  console.error(`${verdict}: ${m.name}`);
}
console.log("| mutant | file | result |\n|---|---|---|");
console.log(rows.join("\n"));
console.log(`caught ${caught} / ${caught + survived} (survived ${survived}, not applied ${notApplied})`);
