/** The import graph the architecture checks stand on: it must see every kind of import, and only imports. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findCycles, readGraph } from "./support/moduleGraph.ts";

let root: string | null = null;

function project(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), "summit-graph-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = null;
});

describe("module graph", () => {
  it("sees static, type-only, re-export and literal dynamic imports, and resolves them to files or packages", () => {
    const dir = project({
      "a/one.ts": [
        'import { x } from "./two.ts";',
        'import type { T } from "../b/three.ts";',
        'export { y } from "./four.ts";',
        'import { Queue } from "bullmq";',
        'import { readFileSync } from "node:fs";',
        'const lazy = () => import("./five.ts");',
        "export const z: T = x + lazy.length;",
      ].join("\n"),
      "a/two.ts": "export const x = 1;",
      "a/four.ts": "export const y = 1;",
      "a/five.ts": "export {};",
      "b/three.ts": "export type T = number;",
    });
    const g = readGraph(dir, ["a", "b"]);
    const from = g.edges.filter((e) => e.from === "a/one.ts").map((e) => [e.specifier, e.kind, e.target]);
    expect(from).toEqual(
      expect.arrayContaining([
        ["./two.ts", "static", { kind: "file", path: "a/two.ts" }],
        ["../b/three.ts", "type", { kind: "file", path: "b/three.ts" }],
        ["./four.ts", "static", { kind: "file", path: "a/four.ts" }],
        ["bullmq", "static", { kind: "package", name: "bullmq" }],
        ["node:fs", "static", { kind: "builtin", name: "fs" }],
        ["./five.ts", "dynamic", { kind: "file", path: "a/five.ts" }],
      ]),
    );
    expect(from).toHaveLength(6);
    expect(g.exports.get("a/one.ts")).toEqual(expect.arrayContaining(["y", "z"]));
  });

  it("ignores import-looking text in comments and strings", () => {
    const dir = project({
      "a/one.ts": [
        '// import { x } from "./two.ts";',
        "const s = 'import(\"./two.ts\")';",
        'export const t = `from "./two.ts"` + s;',
      ].join("\n"),
      "a/two.ts": "export const x = 1;",
    });
    expect(readGraph(dir, ["a"]).edges).toEqual([]);
  });

  it("finds cycles, including ones closed by a type-only or dynamic import, and not chains", () => {
    const dir = project({
      "a/one.ts": 'import { two } from "./two.ts";\nexport const one = two;',
      "a/two.ts": 'import type { T } from "./three.ts";\nexport const two: T = 1;',
      "a/three.ts": 'import { one } from "./one.ts";\nexport type T = number;\nexport const three = one;',
      "b/lazy.ts": 'export const go = () => import("./back.ts");',
      "b/back.ts": 'import { go } from "./lazy.ts";\nexport const back = go;',
      "c/chain1.ts": 'import { c2 } from "./chain2.ts";\nexport const c1 = c2;',
      "c/chain2.ts": "export const c2 = 1;",
      "c/self.ts": 'import * as me from "./self.ts";\nexport const s = me;',
    });
    expect(findCycles(readGraph(dir, ["a", "b", "c"]))).toEqual([
      ["a/one.ts", "a/three.ts", "a/two.ts"],
      ["b/back.ts", "b/lazy.ts"],
      ["c/self.ts"],
    ]);
  });

  it("reports a relative import of a file that does not exist", () => {
    const dir = project({ "a/one.ts": 'import { x } from "./gone.ts";\nexport const y = x;' });
    expect(readGraph(dir, ["a"]).edges.map((e) => e.target)).toEqual([
      { kind: "missing", specifier: "./gone.ts" },
    ]);
  });
});
