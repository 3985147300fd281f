import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { tempCorpus } from "../core/helpers.ts";

/** Runs the CLI as a user would (the same Node that runs the tests). */
function summit(args: string[], env: NodeJS.ProcessEnv = {}) {
  const base = { ...process.env };
  delete base.SUMMIT_CORPUS;
  const r = spawnSync(process.execPath, ["app/cli.ts", ...args], {
    encoding: "utf8",
    env: { ...base, ...env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = tempCorpus({});
afterAll(() => tmp.remove());

describe("summit CLI contract", { timeout: 120_000 }, () => {
  it("brief --json prints exactly one JSON object with the contract's fields", () => {
    const r = summit(["brief", "laborers", "--json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const b = JSON.parse(lines[0]!);
    expect(b).toMatchObject({ topic: "laborers", found: true, engine: "extractive" });
    expect(typeof b.headline).toBe("string");
    for (const p of b.points) {
      expect(typeof p.text).toBe("string");
      expect(p.sources.length).toBeGreaterThan(0);
    }
    for (const s of b.sources)
      expect(Object.keys(s).sort()).toEqual(["date", "id", "location", "publisher", "title"]);
    expect(Array.isArray(b.disagreements)).toBe(true);
  });

  it("ask --json with --context; not-found answers say so", () => {
    const yes = JSON.parse(
      summit(["ask", "How", "many", "workers?", "--context", "North Korea", "--json"]).stdout,
    );
    expect(yes).toMatchObject({ question: "How many workers?", found: true, engine: "extractive" });
    const no = JSON.parse(summit(["ask", "What is the capital of Peru?", "--json"]).stdout);
    expect(no.found).toBe(false);
    expect(no.answer).toMatch(/^The articles don't say/);
  });

  it("prints a readable briefing without --json", () => {
    const r = summit(["brief", "laborers"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^• .+\[\d\]/m);
    expect(r.stdout).toContain("Sources");
  });

  it("says where sources differ only when SUMMIT_SOURCES_DIFFER is on (off by default: fewer than half of its pairs are real on unseen news)", () => {
    // The detector finds a difference in the seeds' briefing on laborers; the default hides it.
    expect(summit(["brief", "laborers"]).stdout).not.toContain("Where sources differ");
    const on = summit(["brief", "laborers"], { SUMMIT_SOURCES_DIFFER: "1" });
    expect(on.code).toBe(0);
    expect(on.stdout).toContain("Where sources differ");
    const json = JSON.parse(summit(["brief", "laborers", "--json"]).stdout) as { disagreements: unknown[] };
    expect(json.disagreements).toEqual([]);
  });

  it("digest --since and ingest work on a corpus folder", () => {
    const src = join(tmp.dir, "in.txt");
    writeFileSync(
      src,
      "Lighthouse restored\n\nThe old lighthouse on the cape was restored by volunteers and will open to visitors in June.",
    );
    const corpus = join(tmp.dir, "corpus");
    const ing = summit(["ingest", src, "--corpus", corpus]);
    expect(ing.code).toBe(0);
    expect(ing.stdout).toContain("added");
    const again = summit(["ingest", src, "--corpus", corpus]);
    expect(again.stdout).toMatch(/skipped .*same text as in/);
    const d = JSON.parse(
      summit(["digest", "--json", "--corpus", corpus, "--since", "2000-01-01T00:00:00Z"]).stdout,
    );
    expect(d).toMatchObject({ found: true, engine: "extractive" });
    const none = JSON.parse(
      summit(["digest", "--json", "--corpus", corpus, "--since", "2999-01-01T00:00:00Z"]).stdout,
    );
    expect(none.found).toBe(false);
    expect(none.summary).toMatch(/^Nothing new since/);
  });

  it("summarize writes one {id, summary} line per cluster within the word budget", () => {
    const input = join(tmp.dir, "clusters.jsonl");
    writeFileSync(
      input,
      `${JSON.stringify({ id: "c1", docs: [{ text: "One two three four five six. Seven eight nine ten." }] })}\n${JSON.stringify({ id: "c2", docs: [{ text: "Alpha beta gamma delta." }] })}\n`,
    );
    const r = summit(["summarize", "--input", input, "--words", "5"]);
    expect(r.code).toBe(0);
    const out = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(["c1", "c2"]);
    expect(out[0].summary.split(/\s+/).length).toBeLessThanOrEqual(5);
  });
});

describe("summit CLI errors: one line, non-zero exit, no stack", { timeout: 120_000 }, () => {
  const cases: [string, string[], RegExp][] = [
    ["empty topic", ["brief"], /^summit: Tell me what to brief you on: `summit brief <topic>`/],
    ["blank topic", ["brief", "  "], /^summit: Tell me what to brief you on: `summit brief <topic>`/],
    [
      "missing folder",
      ["brief", "x", "--corpus", "/nonexistent/summit"],
      /^summit: corpus folder not found: \/nonexistent\/summit/,
    ],
    [
      "missing ingest file",
      ["ingest", "/nonexistent/a.txt", "--corpus", join(tmp.dir, "c2")],
      /^summit: file not found/,
    ],
    [
      "unreadable input",
      ["summarize", "--input", "/nonexistent/x.jsonl"],
      /^summit: cannot read \/nonexistent\/x\.jsonl/,
    ],
    ["bad --since", ["digest", "--since", "yesterday-ish"], /^summit: --since is not a date/],
    ["unknown option", ["brief", "x", "--bogus"], /^summit: unknown option '--bogus'/],
  ];
  for (const [name, args, re] of cases) {
    it(name, () => {
      const r = summit(args);
      expect(r.code).not.toBe(0);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(re);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it("a malformed JSONL line is named by its line number", () => {
    const input = join(tmp.dir, "bad.jsonl");
    writeFileSync(
      input,
      `${JSON.stringify({ id: "ok", docs: [{ text: "Fine." }] })}\n{"id": "broken", docs:\n`,
    );
    const r = summit(["summarize", "--input", input]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/^summit: .*bad\.jsonl: line 2 is not valid JSON\n$/);
  });
});
