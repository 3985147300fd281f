/**
 * `node scripts/regex-audit.ts`: every regular expression in the shipped code, checked for catastrophic
 * backtracking (ReDoS) with `recheck` (a devDependency). Run by `npm run verify` as its `regex` step.
 *
 * What it reads: every `.ts` file under the folders in `ROOTS` (tests, benches and scripts are not shipped
 * and not searched), parsed with rolldown's parser (oxc; TypeScript 7 has no JavaScript compiler API). It
 * collects each regex literal (`/…/g`) and each `new RegExp(…)` / `RegExp(…)` whose source and flags fold
 * to constants: string literals, templates (`String.raw` too) and `+` over the module's top-level `const`s or those it
 * imports from a relative module, `[…].map((p) => …).join(…)`, another regex's `.source` / `.flags`, a
 * string's `.replace(s, t)` (`folder`). A RegExp built from a value known only at run time (a parameter,
 * a bot's id, an escaped search term) is not checked (it is counted and listed with `--verbose`).
 *
 * What it says: recheck gives each pattern one of safe, vulnerable (exponential, or polynomial of some
 * degree) or unknown (timed out, or a construct it cannot analyse, e.g. back-references with lookbehind).
 *   - exponential: the step FAILS (exit 1), with the file, line and recheck's attack string. One such
 *     pattern can stall a process on a line of a few dozen characters.
 *   - polynomial: listed, not a failure. Most are a `\s*` or `[^x]*` next to something that can match
 *     the same characters; they cost O(n²) on one input, bounded by the input caps (article size,
 *     sentence length: src/corpus/sentences.ts), and are fixed when the fix is cheap.
 *   - unknown: listed, not a failure.
 *
 * Results are cached in scripts/regex-audit.json, keyed by pattern and flags (with recheck's version):
 * a run with no new pattern parses the files and checks nothing (about 2 s); a new pattern costs one
 * recheck call (milliseconds with the native binary, about a second with the pure-JavaScript fallback).
 * Entries for patterns no longer in the code are dropped. Commit the cache with the change that adds
 * the pattern, so CI does not recompute it.
 *
 *   node scripts/regex-audit.ts             check, print exponential and polynomial patterns
 *   node scripts/regex-audit.ts --verbose   also every pattern and the dynamic RegExps skipped
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { parseAst } from "rolldown/parseAst";

const ROOT = join(import.meta.dirname, "..");
/** The shipped code: everything that reads text from outside (articles, feeds, chat messages, requests). */
export const ROOTS = ["src", "adapters", "app", "sources", "store", "usecases", "console", "queue"];
const CACHE = join(import.meta.dirname, "regex-audit.json");
/** Per pattern, recheck's own budget (ms); a pattern over it is "unknown" (timeout). */
const TIMEOUT_MS = 10_000;

export interface Found {
  file: string;
  line: number;
  pattern: string;
  flags: string;
}

export interface Verdict {
  status: "safe" | "vulnerable" | "unknown";
  /** "safe", "exponential", "polynomial" (with `degree`), or the reason it is unknown. */
  complexity: string;
  degree?: number;
  /** recheck's attack string, as JavaScript (`'a'.repeat(31) + '!'`), for a vulnerable pattern. */
  attack?: string;
}

interface CacheFile {
  recheck: string;
  patterns: Record<string, Verdict>;
}

/** The cache key: the pattern as a literal would spell it. */
export function key(pattern: string, flags: string): string {
  return `/${pattern}/${flags}`;
}

function tsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name === "node_modules" || name === "static" || name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...tsFiles(path));
    else if (/\.(ts|mts|js|mjs)$/.test(name) && !name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

type Node = { type?: string; start?: number; [k: string]: unknown };

/** A folded constant: a string, a regex (pattern and flags), or an array of strings. */
type Folded = string | { pattern: string; flags: string } | string[];

/** How deep a constant may refer to other constants (a cycle, or a chain longer, is not folded). */
const MAX_FOLD_DEPTH = 20;

/**
 * One module's top-level constants and imports, for folding the sources of RegExps built from them
 * (a template holding `${MONTH}`, `[…].map((p) => …).join("|")`, `OTHER.source.replace(…)`).
 */
interface Module {
  consts: Map<string, unknown>;
  /** The names of `consts` other modules may import. */
  exported: Set<string>;
  imports: Map<string, { from: string; name: string }>;
}

function moduleOf(ast: unknown): Module {
  const consts = new Map<string, unknown>();
  const exported = new Set<string>();
  const imports = new Map<string, { from: string; name: string }>();
  for (const raw of (ast as { body: Node[] }).body) {
    const isExport = raw.type === "ExportNamedDeclaration";
    const stmt = isExport ? (raw.declaration as Node | null) : raw;
    if (isExport && !raw.source)
      for (const sp of (raw.specifiers ?? []) as { local?: { name?: string } }[])
        if (sp.local?.name) exported.add(sp.local.name);
    if (stmt?.type === "VariableDeclaration" && stmt.kind === "const")
      for (const d of stmt.declarations as { id: Node & { name?: string }; init: unknown }[])
        if (d.id.type === "Identifier" && d.id.name) {
          consts.set(d.id.name, d.init);
          if (isExport) exported.add(d.id.name);
        }
    if (raw.type === "ImportDeclaration") {
      const from = (raw.source as { value: string }).value;
      if (!from.startsWith(".")) continue;
      for (const sp of raw.specifiers as {
        type: string;
        imported?: { name?: string };
        local: { name: string };
      }[])
        if (sp.type === "ImportSpecifier" && sp.imported?.name)
          imports.set(sp.local.name, { from, name: sp.imported.name });
    }
  }
  return { consts, exported, imports };
}

/**
 * Folds constant expressions: string literals, templates and `+` of constants, top-level `const`s of
 * the module or imported from a relative module (`load` reads one), `[…].join(s)`, a regex's `.source`
 * and `.flags`, a string's `.replace(s, t)`, `new RegExp(…)` of constants, `as const`. Anything else,
 * or a chain deeper than MAX_FOLD_DEPTH: null.
 */
function folder(
  file: string,
  mod: Module,
  load: (from: string, file: string) => { file: string; mod: Module } | null,
) {
  const fold = (node: unknown, depth = 0, env?: ReadonlyMap<string, string>): Folded | null => {
    const n = node as Node | undefined;
    if (!n || depth > MAX_FOLD_DEPTH) return null;
    const str = (x: unknown): string | null => {
      const v = fold(x, depth + 1, env);
      return typeof v === "string" ? v : null;
    };
    /** A template's text (its `cooked` or `raw` parts), its substitutions folded. */
    const template = (t: Node, part: "cooked" | "raw"): string | null => {
      const quasis = t.quasis as { value: { cooked: string | null; raw: string } }[];
      const exprs = t.expressions as unknown[];
      let out = quasis[0]?.value[part] ?? null;
      for (let i = 0; i < exprs.length && out !== null; i++) {
        const v = str(exprs[i]);
        const q = quasis[i + 1]?.value[part];
        out = v === null || q == null ? null : out + v + q;
      }
      return out;
    };
    switch (n.type) {
      case "Literal": {
        const regex = n.regex as { pattern: string; flags: string } | undefined;
        if (regex) return { pattern: regex.pattern, flags: regex.flags };
        return typeof n.value === "string" ? n.value : null;
      }
      case "TSAsExpression":
      case "TSSatisfiesExpression":
      case "ParenthesizedExpression":
        return fold(n.expression, depth + 1, env);
      case "TemplateLiteral":
        return template(n, "cooked");
      case "TaggedTemplateExpression": {
        // String.raw`…`: the template's raw text, its substitutions folded.
        const tag = n.tag as Node & { object?: { name?: string }; property?: { name?: string } };
        if (tag.type !== "MemberExpression" || tag.object?.name !== "String" || tag.property?.name !== "raw")
          return null;
        return template(n.quasi as Node, "raw");
      }
      case "BinaryExpression": {
        if (n.operator !== "+") return null;
        const l = str(n.left);
        const r = str(n.right);
        return l === null || r === null ? null : l + r;
      }
      case "ArrayExpression": {
        const items = (n.elements as unknown[]).map((e) => str(e));
        return items.every((x): x is string => x !== null) ? items : null;
      }
      case "Identifier": {
        const name = n.name as string;
        if (env?.has(name)) return env.get(name)!;
        if (mod.consts.has(name)) return fold(mod.consts.get(name), depth + 1);
        const imp = mod.imports.get(name);
        const other = imp ? load(imp.from, file) : null;
        if (!imp || !other?.mod.exported.has(imp.name)) return null;
        return folder(other.file, other.mod, load)(other.mod.consts.get(imp.name), depth + 1);
      }
      case "MemberExpression": {
        if (n.computed) return null;
        const prop = (n.property as { name?: string }).name;
        const obj = fold(n.object, depth + 1);
        if (obj && typeof obj === "object" && !Array.isArray(obj)) {
          if (prop === "source") return obj.pattern;
          if (prop === "flags") return obj.flags;
        }
        return null;
      }
      case "CallExpression":
      case "NewExpression": {
        const callee = n.callee as Node & { name?: string; property?: { name?: string }; object?: unknown };
        const args = n.arguments as unknown[];
        if (callee.type === "Identifier" && callee.name === "RegExp") {
          const pattern = str(args[0]);
          const flags = args.length > 1 ? str(args[1]) : "";
          return pattern === null || flags === null ? null : { pattern, flags };
        }
        if (callee.type !== "MemberExpression") return null;
        const obj = fold(callee.object, depth + 1);
        const method = callee.property?.name;
        // `.map((p) => expression of p)` over an array of strings.
        const fn = args[0] as (Node & { params?: Node[]; body?: Node; expression?: boolean }) | undefined;
        if (method === "map" && Array.isArray(obj) && fn?.type === "ArrowFunctionExpression") {
          const param =
            fn.params?.length === 1 && fn.params[0]!.type === "Identifier"
              ? (fn.params[0]!.name as string)
              : null;
          if (!param || !fn.expression) return null;
          const out = obj.map((x) => fold(fn.body, depth + 1, new Map([...(env ?? []), [param, x]])));
          return out.every((x): x is string => typeof x === "string") ? out : null;
        }
        if (method === "join" && Array.isArray(obj)) {
          const sep = args.length > 0 ? str(args[0]) : ",";
          return sep === null ? null : obj.join(sep);
        }
        if (method === "replace" && typeof obj === "string") {
          const from = str(args[0]);
          const to = str(args[1]);
          return from === null || to === null ? null : obj.replace(from, () => to);
        }
        return null;
      }
      default:
        return null;
    }
  };
  return fold;
}

/** Reads and parses modules for the folder, each once. */
function moduleLoader(): (from: string, file: string) => { file: string; mod: Module } | null {
  const cache = new Map<string, Module | null>();
  return (from, file) => {
    const path = join(dirname(file), from);
    if (!cache.has(path)) {
      let mod: Module | null = null;
      try {
        const src = readFileSync(path, "utf8");
        mod = moduleOf(parseAst(src, { lang: path.endsWith(".ts") ? "ts" : "js" }, path));
      } catch {
        mod = null;
      }
      cache.set(path, mod);
    }
    const mod = cache.get(path);
    return mod ? { file: path, mod } : null;
  };
}

/**
 * The regexes in one file's source: literals, and RegExp constructions whose arguments fold to
 * constants (imports are read from `path`'s folder on disk when given).
 */
export function regexesIn(
  source: string,
  file: string,
  path?: string,
): { found: Found[]; dynamic: { file: string; line: number }[] } {
  const ast = parseAst(source, { lang: file.endsWith(".ts") || file.endsWith(".mts") ? "ts" : "js" }, file);
  const load = moduleLoader();
  const fold = folder(path ?? file, moduleOf(ast), path ? load : () => null);
  const lineStarts = [0];
  for (let i = source.indexOf("\n"); i >= 0; i = source.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const found: Found[] = [];
  const dynamic: { file: string; line: number }[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const c of node) visit(c);
      return;
    }
    if (!node || typeof node !== "object") return;
    const n = node as Node;
    const regex = n.regex as { pattern: string; flags: string } | undefined;
    if (n.type === "Literal" && regex) {
      found.push({ file, line: lineOf(n.start ?? 0), pattern: regex.pattern, flags: regex.flags });
    } else if (n.type === "NewExpression" || n.type === "CallExpression") {
      const callee = n.callee as Node & { name?: string };
      if (callee?.type === "Identifier" && callee.name === "RegExp") {
        const r = fold(n);
        if (r && typeof r === "object" && !Array.isArray(r))
          found.push({ file, line: lineOf(n.start ?? 0), pattern: r.pattern, flags: r.flags });
        else dynamic.push({ file, line: lineOf(n.start ?? 0) });
      }
    }
    for (const [k, v] of Object.entries(n)) if (k !== "regex" && v && typeof v === "object") visit(v);
  };
  visit(ast);
  return { found, dynamic };
}

/** Every regex in the shipped code, in file order. */
export function collect(root = ROOT): { found: Found[]; dynamic: { file: string; line: number }[] } {
  const found: Found[] = [];
  const dynamic: { file: string; line: number }[] = [];
  for (const dir of ROOTS)
    for (const path of tsFiles(join(root, dir))) {
      const r = regexesIn(readFileSync(path, "utf8"), relative(root, path), path);
      found.push(...r.found);
      dynamic.push(...r.dynamic);
    }
  return { found, dynamic };
}

interface RecheckDiagnostics {
  status: "safe" | "vulnerable" | "unknown";
  complexity?: { type: string; degree?: number };
  attack?: { pattern: string };
  error?: { kind: string; message?: string };
}

function verdictOf(d: RecheckDiagnostics): Verdict {
  if (d.status === "unknown") return { status: "unknown", complexity: d.error?.kind ?? "unknown" };
  const type = d.complexity?.type ?? d.status;
  return {
    status: d.status,
    complexity: type,
    ...(type === "polynomial" && d.complexity?.degree ? { degree: d.complexity.degree } : {}),
    ...(d.status === "vulnerable" && d.attack ? { attack: d.attack.pattern } : {}),
  };
}

function recheckVersion(): string {
  const require = createRequire(import.meta.url);
  return (require("recheck/package.json") as { version: string }).version;
}

function readCache(version: string): CacheFile {
  if (!existsSync(CACHE)) return { recheck: version, patterns: {} };
  const c = JSON.parse(readFileSync(CACHE, "utf8")) as CacheFile;
  return c.recheck === version ? c : { recheck: version, patterns: {} };
}

export async function main(argv: string[] = []): Promise<number> {
  const verbose = argv.includes("--verbose");
  const started = performance.now();
  const { found, dynamic } = collect();
  const version = recheckVersion();
  const cache = readCache(version);
  const unique = new Map<string, Found>();
  for (const f of found) if (!unique.has(key(f.pattern, f.flags))) unique.set(key(f.pattern, f.flags), f);
  const fresh = [...unique.entries()].filter(([k]) => !(k in cache.patterns));
  const verdicts = new Map<string, Verdict>();
  for (const [k, v] of Object.entries(cache.patterns)) if (unique.has(k)) verdicts.set(k, v);
  if (fresh.length > 0) {
    const { check } = (await import("recheck")) as {
      check(source: string, flags: string, params?: object): Promise<RecheckDiagnostics>;
    };
    for (const [k, f] of fresh) {
      const d = await check(f.pattern, f.flags, { timeout: TIMEOUT_MS, randomSeed: 0 });
      verdicts.set(k, verdictOf(d));
    }
  }
  // The cache holds exactly the patterns in the code now, sorted so a diff shows what changed. A
  // pattern recheck gave up on (timeout) is remembered too, so it does not cost 10 s every run;
  // delete its entry to have it checked again.
  const patterns: Record<string, Verdict> = {};
  for (const k of [...verdicts.keys()].sort()) patterns[k] = verdicts.get(k)!;
  const next = `${JSON.stringify({ recheck: version, patterns }, null, 2)}\n`;
  if (!existsSync(CACHE) || readFileSync(CACHE, "utf8") !== next) writeFileSync(CACHE, next);

  const where = (k: string): string =>
    found
      .filter((f) => key(f.pattern, f.flags) === k)
      .map((f) => `${f.file}:${f.line}`)
      .join(", ");
  const byKind = (pred: (v: Verdict) => boolean): string[] =>
    [...verdicts.entries()].filter(([, v]) => pred(v)).map(([k]) => k);
  const exponential = byKind((v) => v.complexity === "exponential");
  const polynomial = byKind((v) => v.complexity === "polynomial");
  const unknown = byKind((v) => v.status === "unknown");
  if (verbose) {
    for (const [k, v] of verdicts) process.stdout.write(`  ${v.complexity.padEnd(11)} ${k}  ${where(k)}\n`);
    for (const d of dynamic) process.stdout.write(`  dynamic     ${d.file}:${d.line}\n`);
  }
  if (polynomial.length > 0) {
    process.stdout.write(`regex-audit: ${polynomial.length} polynomial (listed, not a failure):\n`);
    for (const k of polynomial) {
      const v = verdicts.get(k)!;
      process.stdout.write(`  degree ${v.degree ?? "?"}  ${k}  ${where(k)}\n`);
    }
  }
  if (unknown.length > 0) {
    process.stdout.write(`regex-audit: ${unknown.length} not decided by recheck (listed, not a failure):\n`);
    for (const k of unknown) process.stdout.write(`  ${verdicts.get(k)!.complexity}  ${k}  ${where(k)}\n`);
  }
  for (const k of exponential)
    process.stdout.write(
      `regex-audit: EXPONENTIAL backtracking in ${k} at ${where(k)}\n  attack: ${verdicts.get(k)!.attack ?? "?"}\n`,
    );
  process.stdout.write(
    `regex-audit: ${found.length} regexes (${unique.size} distinct, ${fresh.length} checked now, ${dynamic.length} built at run time not checked) in ${ROOTS.join(", ")}: ${exponential.length} exponential, ${polynomial.length} polynomial, ${unknown.length} unknown (${((performance.now() - started) / 1000).toFixed(1)} s)\n`,
  );
  return exponential.length > 0 ? 1 : 0;
}

if (import.meta.main) {
  const code = await main(process.argv.slice(2));
  // recheck's native agent is a child process; end without waiting on it.
  process.exit(code);
}
