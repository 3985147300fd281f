/**
 * The prebuilt CLI (scripts/build.ts → dist/, run by bin/summit.js): it must behave exactly as the
 * sources do, and the launcher must never run a build older than the files it was made from.
 */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prebuilt } from "../../bin/summit.js";
import { type BuildManifest, build, describeInput } from "../../scripts/build.ts";

const ROOT = join(import.meta.dirname, "..", "..");

function run(entry: string, args: string[]) {
  const env = { ...process.env };
  delete env.SUMMIT_CORPUS;
  const r = spawnSync(process.execPath, [entry, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env,
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("the prebuilt CLI", () => {
  // One folder below the root, as dist/ is (bundled code finds prompts/ at ../prompts).
  const outDir = join(ROOT, `dist-test-${randomUUID().slice(0, 8)}`);
  let manifest: BuildManifest;
  beforeAll(async () => {
    manifest = await build({ outDir });
  }, 120_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it.each([
    ["brief --json", ["brief", "laborers", "--json"], 0],
    ["--help", ["--help"], 0],
    ["a user error", ["brief", "   "], 1],
  ])("%s: same output and exit code as the sources", (_what, args, code) => {
    const fromSources = run("app/cli.ts", args);
    expect(fromSources.code).toBe(code);
    expect(run(join(outDir, manifest.entry), args)).toEqual(fromSources);
  });

  it("lists every input it was built from: our files in the bundle, the build script and the installed packages", () => {
    const paths = manifest.inputs.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "app/cli.ts",
        "app/config.ts",
        "src/model.ts",
        "scripts/build.ts",
        "node_modules/.package-lock.json",
      ]),
    );
    expect(
      paths.filter((p) => p.includes("node_modules/") && p !== "node_modules/.package-lock.json"),
    ).toEqual([]);
    expect(paths).not.toContain("app/server.ts");
  });

  it("leaves BullMQ, ioredis and the platform SDKs in node_modules, loaded only by the commands that use them", () => {
    const code = readdirSync(outDir)
      .filter((f) => f.endsWith(".js"))
      .map((f) => readFileSync(join(outDir, f), "utf8"));
    const all = code.join("\n");
    expect(all).toMatch(/from "bullmq"|import\("bullmq"\)/);
    expect(all).not.toMatch(/class Worker extends QueueBase/);
    const entry = readFileSync(join(outDir, manifest.entry), "utf8");
    expect(entry).not.toMatch(/from "(bullmq|ioredis|@slack\/bolt|discord\.js)"/);
  });

  it("the entry and what it imports statically hold the command registration only (each action imports its own code)", () => {
    const reached = new Set<string>();
    const visit = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      const code = readFileSync(join(outDir, file), "utf8");
      for (const m of code.matchAll(/^import [^;]*?from "\.\/([^"]+)";?$/gm)) visit(m[1]!);
    };
    visit(manifest.entry);
    const loaded = [...reached].map((f) => readFileSync(join(outDir, f), "utf8")).join("\n");
    // The bundle marks each module it holds with a `// path` line.
    expect(loaded).toMatch(/^\/\/ node_modules\/commander\//m);
    expect(loaded).toMatch(/^\/\/ app\/commands\/core\.ts$/m);
    for (const heavy of ["zod", "pino", "cron-parser", "luxon", "openai", "sbd", "feedsmith"])
      expect(loaded).not.toMatch(new RegExp(`^// node_modules/${heavy}/`, "m"));
    const lines = new Set(loaded.split("\n"));
    expect(lines.has("// app/cli.ts")).toBe(true);
    for (const ours of [
      "src/corpus/load.ts",
      "src/engine/brief.ts",
      "usecases/brief.ts",
      "queue/schedule.ts",
      "app/config.ts",
    ])
      expect(lines.has(`// ${ours}`)).toBe(false);
    // The HTML cleaner's DOM is never bundled: src/corpus/html.ts requires it on the first HTML article.
    const all = readdirSync(outDir)
      .filter((f) => f.endsWith(".js"))
      .map((f) => readFileSync(join(outDir, f), "utf8"))
      .join("\n");
    expect(all).not.toMatch(/^\/\/ node_modules\/(linkedom|@mozilla\/readability|sanitize-html|postcss)\//m);
  });
});

describe("bin/summit.js chooses the build only when it is fresh", () => {
  let root: string;
  let rootUrl: URL;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "summit-launch-"));
    rootUrl = pathToFileURL(`${root}/`);
    mkdirSync(join(root, "app"));
    mkdirSync(join(root, "dist"));
    writeFileSync(join(root, "app", "a.ts"), "export const a = 1;\n");
    writeFileSync(join(root, "app", "b.ts"), "export const b = 2;\n");
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const writeManifest = (m: unknown) => writeFileSync(join(root, "dist", "build.json"), JSON.stringify(m));
  const manifestNow = () => ({
    entry: "cli.js",
    builtAt: new Date().toISOString(),
    inputs: ["app/a.ts", "app/b.ts"].map((p) => describeInput(root, p)),
  });

  it("fresh build: the entry in dist/", () => {
    writeManifest(manifestNow());
    expect(prebuilt(rootUrl)).toEqual({ entry: new URL("dist/cli.js", rootUrl) });
  });

  it("a file touched but unchanged (a checkout, an editor) keeps the build", () => {
    writeManifest(manifestNow());
    utimesSync(join(root, "app", "a.ts"), new Date(), new Date(Date.now() + 5_000));
    expect(prebuilt(rootUrl)).toHaveProperty("entry");
  });

  it("a file edited, even to the same size, sends the run to the sources", () => {
    writeManifest(manifestNow());
    writeFileSync(join(root, "app", "a.ts"), "export const a = 9;\n");
    expect(prebuilt(rootUrl)).toEqual({ stale: "app/a.ts changed" });
    writeFileSync(join(root, "app", "a.ts"), "export const a = 10;\n");
    expect(prebuilt(rootUrl)).toEqual({ stale: "app/a.ts changed" });
  });

  it("a file removed, no manifest, or a broken one: the sources", () => {
    writeManifest({
      ...manifestNow(),
      inputs: [...manifestNow().inputs, { path: "app/gone.ts", size: 1, mtimeMs: 1, sha1: "x" }],
    });
    expect(prebuilt(rootUrl)).toEqual({ stale: "app/gone.ts is gone" });
    writeFileSync(join(root, "dist", "build.json"), "{not json");
    expect(prebuilt(rootUrl)).toHaveProperty("stale");
    writeManifest({ entry: "cli.js" });
    expect(prebuilt(rootUrl)).toHaveProperty("stale");
    rmSync(join(root, "dist", "build.json"));
    expect(prebuilt(rootUrl)).toHaveProperty("stale");
  });

  it("`npm run summit` gives what the sources give, whichever it runs", () => {
    const args = ["brief", "laborers", "--json"];
    expect(run("bin/summit.js", args)).toEqual(run("app/cli.ts", args));
  });
});

describe("bin/summit.js on an older Node", () => {
  // The machine's own node, when it is older than the project's (npm scripts put Node 24 first).
  const older = ["/usr/bin/node", "/usr/local/bin/node"]
    .map((bin) => ({
      bin,
      version: spawnSync(bin, ["--version"], { encoding: "utf8" }).stdout?.trim() ?? "",
    }))
    .find((n) => /^v(\d+)\./.test(n.version) && Number(/^v(\d+)\./.exec(n.version)?.[1]) < 24);

  it.skipIf(!older)("says in one line which Node it needs, instead of a link error", () => {
    const r = spawnSync(older?.bin ?? "node", ["bin/summit.js", "brief", "laborers"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(`Summit needs Node.js 24 or later; this is ${older?.version}`);
    expect(r.stderr).not.toMatch(/SyntaxError|enableCompileCache/);
  });
});
