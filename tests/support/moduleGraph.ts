/**
 * The project's own import graph, read with a real parser (oxc, through `rolldown/utils`) instead of
 * regular expressions, so an import inside a comment or a string is not one and `export … from` is.
 * Edges: static imports and re-exports (type-only ones included: a cycle of types is still a cycle
 * between modules, as madge counts it for BullMQ's CI) and `import("…")` with a literal specifier.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, posix, relative, sep } from "node:path";
import { parseSync } from "rolldown/utils";

export type ImportKind = "static" | "type" | "dynamic";

/** Where an import leads: a file of the project (path relative to the root, `/`-separated) or a package. */
export type ImportTarget =
  | { kind: "file"; path: string }
  | { kind: "package"; name: string }
  | { kind: "builtin"; name: string }
  /** A relative import that names no file of the scanned folders. */
  | { kind: "missing"; specifier: string };

export interface ImportEdge {
  from: string;
  specifier: string;
  kind: ImportKind;
  target: ImportTarget;
}

export interface ModuleGraph {
  root: string;
  files: string[];
  edges: ImportEdge[];
  /** Named exports of each file (for shape checks such as "index.ts exports createXAdapter"). */
  exports: Map<string, string[]>;
}

const toPosix = (p: string) => p.split(sep).join("/");

/** Every .ts and .js file under the given folders (relative to root), in a stable order. */
export function projectFiles(root: string, dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(root, dir)).sort()) {
      if (name === "node_modules" || name.startsWith(".")) continue;
      const rel = posix.join(dir, name);
      if (statSync(join(root, rel)).isDirectory()) walk(rel);
      else if (/\.(ts|js)$/.test(name)) out.push(rel);
    }
  };
  for (const dir of dirs) if (existsSync(join(root, dir))) walk(dir);
  return out;
}

const BUILTINS = new Set(builtinModules);

function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

function resolveTarget(root: string, from: string, specifier: string, known: Set<string>): ImportTarget {
  if (specifier.startsWith(".") || specifier.startsWith("/")) {
    const abs = specifier.startsWith("/") ? specifier : join(root, dirname(from), specifier);
    const path = toPosix(relative(root, abs));
    return known.has(path) ? { kind: "file", path } : { kind: "missing", specifier };
  }
  if (specifier.startsWith("node:") || BUILTINS.has(specifier))
    return { kind: "builtin", name: specifier.replace(/^node:/, "") };
  return { kind: "package", name: packageName(specifier) };
}

/** Parses every file once and returns its import edges. Throws on a file that does not parse. */
export function readGraph(root: string, dirs: readonly string[]): ModuleGraph {
  const files = projectFiles(root, dirs);
  const known = new Set(files);
  const edges: ImportEdge[] = [];
  const exports = new Map<string, string[]>();
  for (const from of files) {
    const text = readFileSync(join(root, from), "utf8");
    const parsed = parseSync(from, text, { lang: from.endsWith(".js") ? "js" : "ts", sourceType: "module" });
    if (parsed.errors.length > 0) {
      throw new Error(`${from} does not parse: ${parsed.errors.map((e) => e.message).join("; ")}`);
    }
    const mod = parsed.module;
    const add = (specifier: string, kind: ImportKind) =>
      edges.push({ from, specifier, kind, target: resolveTarget(root, from, specifier, known) });
    for (const imp of mod.staticImports) {
      const typeOnly = /^import\s+type\b/.test(text.slice(imp.start, imp.end));
      add(imp.moduleRequest.value, typeOnly ? "type" : "static");
    }
    const names: string[] = [];
    const reexports = new Map<string, boolean>();
    for (const exp of mod.staticExports) {
      for (const entry of exp.entries) {
        if (entry.exportName.name) names.push(entry.exportName.name);
        const request = entry.moduleRequest?.value;
        if (request !== undefined)
          reexports.set(request, (reexports.get(request) ?? true) && entry.isType === true);
      }
    }
    for (const [specifier, typeOnly] of reexports) add(specifier, typeOnly ? "type" : "static");
    for (const dyn of mod.dynamicImports) {
      const literal = /^\s*["'`]([^"'`$]+)["'`]\s*$/.exec(
        text.slice(dyn.moduleRequest.start, dyn.moduleRequest.end),
      );
      if (literal) add(literal[1]!, "dynamic");
    }
    exports.set(from, names);
  }
  return { root, files, edges, exports };
}

/**
 * Import cycles: the strongly connected components of the file graph with more than one file (or a
 * file importing itself), each sorted, found with Tarjan's algorithm.
 */
export function findCycles(graph: ModuleGraph): string[][] {
  const next = new Map<string, string[]>();
  for (const f of graph.files) next.set(f, []);
  for (const e of graph.edges) if (e.target.kind === "file") next.get(e.from)!.push(e.target.path);

  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];

  // Iterative, so a long import chain cannot overflow the call stack.
  for (const start of graph.files) {
    if (index.has(start)) continue;
    const work: { node: string; i: number }[] = [{ node: start, i: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work.at(-1)!;
      const targets = next.get(frame.node)!;
      if (frame.i < targets.length) {
        const t = targets[frame.i++]!;
        if (!index.has(t)) {
          index.set(t, counter);
          low.set(t, counter++);
          stack.push(t);
          onStack.add(t);
          work.push({ node: t, i: 0 });
        } else if (onStack.has(t)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(t)!));
        }
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = component.length === 1 && targets.includes(frame.node);
        if (component.length > 1 || selfLoop) cycles.push(component.sort());
      }
    }
  }
  return cycles.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** The import edges (from → to) that keep a cycle closed, for a readable failure message. */
export function cycleEdges(graph: ModuleGraph, cycle: readonly string[]): string[] {
  const members = new Set(cycle);
  return graph.edges
    .filter((e) => members.has(e.from) && e.target.kind === "file" && members.has(e.target.path))
    .map((e) => `${e.from} → ${e.specifier}${e.kind === "static" ? "" : ` (${e.kind})`}`);
}
