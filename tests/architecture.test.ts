/**
 * The architecture rules, checked on every run (CONTRIBUTING.md says why each exists). Imports are read
 * with a real parser (tests/support/moduleGraph.ts): static, type-only and literal dynamic imports.
 *
 * An exception goes in one of the allowlists below, naming exactly the file or import it excuses, with
 * a comment saying when it goes away. An exception that no longer occurs fails the run, so fixed ones
 * are removed instead of lingering.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  cycleEdges,
  findCycles,
  type ImportEdge,
  type ModuleGraph,
  readGraph,
} from "./support/moduleGraph.ts";

const ROOT = join(import.meta.dirname, "..");

/** The project's own code: every folder of it, tests included. */
const OWN_CODE = [
  "src",
  "queue",
  "adapters",
  "app",
  "usecases",
  "console",
  "sources",
  "store",
  "bench",
  "scripts",
  "bin",
  "tests",
];

/** Import edges (importer → imported file) allowed to close a cycle, until the named change lands. */
const CYCLE_ALLOWLIST: { from: string; to: string }[] = [];

/** Adapter files allowed to import app/. */
const ADAPTER_APP_ALLOWLIST: { from: string; to: string }[] = [];

/** Adapter shape deviations: `<platform>/<file>` that is allowed to be missing. */
const ADAPTER_SHAPE_ALLOWLIST: string[] = [];

const graph: ModuleGraph = readGraph(ROOT, OWN_CODE);

const PLATFORM_SDK = /^(@slack\/|discord\.js$|@discordjs\/)/;
const QUEUE_LIBS = /^(bullmq|ioredis)$/;

/** The project file an import leads to, or null for a package or builtin. */
const fileOf = (e: ImportEdge): string | null => (e.target.kind === "file" ? e.target.path : null);

const matches = (e: ImportEdge, list: { from: string; to: string }[]) =>
  list.some((a) => a.from === e.from && a.to === fileOf(e));

interface Rule {
  /** Files under this folder … */
  from: string;
  /** … import nothing from these folders … */
  folders?: string[];
  /** … nor these packages. */
  packages?: RegExp;
}

/** Every import that breaks the rule, as "file → specifier". */
function offenders(rule: Rule, allow: { from: string; to: string }[] = []): string[] {
  const inFolder = (path: string, folder: string) => path.startsWith(`${folder}/`);
  const breaks = (e: ImportEdge) => {
    const t = e.target;
    if (t.kind === "file") return (rule.folders ?? []).some((f) => inFolder(t.path, f));
    if (t.kind === "package") return rule.packages?.test(t.name) ?? false;
    return false;
  };
  return graph.edges
    .filter((e) => inFolder(e.from, rule.from) && breaks(e) && !matches(e, allow))
    .map((e) => `${e.from} → ${e.specifier}`);
}

function edgeExists(from: string, to: string): boolean {
  return graph.edges.some((e) => e.from === from && fileOf(e) === to);
}

describe("architecture: imports", () => {
  it("every relative import names a file of the project", () => {
    const missing = graph.edges
      .filter((e) => e.target.kind === "missing")
      .map((e) => `${e.from} → ${e.specifier}`);
    expect(missing).toEqual([]);
  });

  it("no import cycles anywhere in the project's own code (type-only and dynamic imports count)", () => {
    const pruned: ModuleGraph = { ...graph, edges: graph.edges.filter((e) => !matches(e, CYCLE_ALLOWLIST)) };
    const cycles = findCycles(pruned).map((c) => cycleEdges(pruned, c).join(", "));
    expect(cycles).toEqual([]);
  });

  it("the core (src/) imports no platform SDK, queue library, nor queue/, adapters/, app/, sources/, store/, usecases/", () => {
    expect(
      offenders({
        from: "src",
        folders: ["queue", "adapters", "app", "sources", "store", "usecases"],
        packages: new RegExp(`${PLATFORM_SDK.source}|${QUEUE_LIBS.source}`),
      }),
    ).toEqual([]);
  });

  it("the queue imports no platform SDK, nor adapters/ or app/", () => {
    expect(offenders({ from: "queue", folders: ["adapters", "app"], packages: PLATFORM_SDK })).toEqual([]);
  });

  it("adapters never import app/ (they get what they need passed in)", () => {
    expect(offenders({ from: "adapters", folders: ["app"] }, ADAPTER_APP_ALLOWLIST)).toEqual([]);
  });

  it("adapters take from queue/ only its public interface (queue/types.ts)", () => {
    const internals = graph.edges
      .filter(
        (e) =>
          e.from.startsWith("adapters/") &&
          e.target.kind === "file" &&
          e.target.path.startsWith("queue/") &&
          e.target.path !== "queue/types.ts",
      )
      .map((e) => `${e.from} → ${e.specifier}`);
    expect(internals).toEqual([]);
  });

  it("use cases (usecases/) import no BullMQ, ioredis or platform SDK, nor adapters/ or app/", () => {
    expect(
      offenders({
        from: "usecases",
        folders: ["adapters", "app"],
        packages: new RegExp(`${PLATFORM_SDK.source}|${QUEUE_LIBS.source}`),
      }),
    ).toEqual([]);
  });

  it("the web console (console/) imports no app/, BullMQ, ioredis or store/: it gets its ports passed in", () => {
    expect(offenders({ from: "console", folders: ["app", "store"], packages: QUEUE_LIBS })).toEqual([]);
  });

  it("feeds (sources/) and the article store (store/) import no adapters/ or app/", () => {
    expect([
      ...offenders({ from: "sources", folders: ["adapters", "app"] }),
      ...offenders({ from: "store", folders: ["adapters", "app"] }),
    ]).toEqual([]);
  });

  it("feeds (sources/) touch no queue, store or Redis: they fetch and parse, the store persists", () => {
    expect(
      offenders({
        from: "sources",
        folders: ["queue", "store"],
        packages: new RegExp(`${PLATFORM_SDK.source}|${QUEUE_LIBS.source}`),
      }),
    ).toEqual([]);
  });

  it("the core (src/) is offline: no HTTP client", () => {
    expect(offenders({ from: "src", packages: /^(undici|node:https?|https?|node:net|net)$/ })).toEqual([]);
  });

  it("the measured alternative point selections are for benches and scripts only", () => {
    const alt = "src/engine/selection/alternatives.ts";
    const users = graph.edges
      .filter((e) => fileOf(e) === alt && !/^(bench|scripts|tests)\//.test(e.from))
      .map((e) => `${e.from} → ${e.specifier}`);
    expect(users).toEqual([]);
  });

  it("every allowlisted exception still occurs (remove the ones that were fixed)", () => {
    const stale = [
      ...CYCLE_ALLOWLIST.filter((a) => !edgeExists(a.from, a.to)).map((a) => `cycle ${a.from} → ${a.to}`),
      ...ADAPTER_APP_ALLOWLIST.filter((a) => !edgeExists(a.from, a.to)).map(
        (a) => `adapter import ${a.from} → ${a.to}`,
      ),
      ...ADAPTER_SHAPE_ALLOWLIST.filter((f) => existsSync(join(ROOT, "adapters", f))).map(
        (f) => `adapter shape adapters/${f} (it exists now)`,
      ),
    ];
    expect(stale).toEqual([]);
  });
});

describe("architecture: every adapter has the same shape", () => {
  const platforms = readdirSync(join(ROOT, "adapters")).filter((d) =>
    statSync(join(ROOT, "adapters", d)).isDirectory(),
  );
  const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

  it("finds the adapters", () => {
    expect(platforms).toEqual(expect.arrayContaining(["slack", "discord", "terminal"]));
  });

  it.each(platforms)(
    "adapters/%s has index.ts (exporting create<Platform>Adapter), render.ts and sender.ts",
    (p) => {
      const problems: string[] = [];
      for (const file of ["index.ts", "render.ts", "sender.ts"]) {
        if (ADAPTER_SHAPE_ALLOWLIST.includes(`${p}/${file}`)) continue;
        if (!existsSync(join(ROOT, "adapters", p, file))) problems.push(`adapters/${p}/${file} is missing`);
      }
      const entry = `adapters/${p}/index.ts`;
      const factory = `create${pascal(p)}Adapter`;
      if (existsSync(join(ROOT, entry)) && !graph.exports.get(entry)?.includes(factory)) {
        problems.push(`${entry} does not export ${factory}`);
      }
      expect(problems).toEqual([]);
    },
  );
});
