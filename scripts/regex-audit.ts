/**
 * `node scripts/regex-audit.ts`: every regular expression in the shipped code, checked for catastrophic
 * backtracking (ReDoS) with `recheck` (a devDependency). Run by `npm run verify` as its `regex` step.
 *
 * What it reads: every `.ts` file under the folders in `ROOTS` (tests, benches and scripts are not shipped
 * and not searched), parsed with rolldown's parser (oxc; TypeScript 7 has no JavaScript compiler API). It
 * collects each regex literal (`/…/g`) and each `new RegExp(…)` / `RegExp(…)` whose source is a string
 * literal or a template without substitutions (flags likewise, or none). A RegExp built from a variable
 * or a template with `${…}` is not checked (it is counted and listed with `--verbose`).
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
import { join, relative } from "node:path";
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

/** A string literal or a template without substitutions: its value; anything else: null. */
function constantString(node: unknown): string | null {
  const n = node as Node | undefined;
  if (!n) return null;
  if (n.type === "Literal" && typeof n.value === "string") return n.value;
  if (n.type === "TemplateLiteral" && (n.expressions as unknown[]).length === 0) {
    const q = (n.quasis as { value: { cooked: string | null } }[])[0];
    return q?.value.cooked ?? null;
  }
  return null;
}

/** The regexes in one file's source: literals and RegExp constructions with constant arguments. */
export function regexesIn(
  source: string,
  file: string,
): { found: Found[]; dynamic: { file: string; line: number }[] } {
  const ast = parseAst(source, { lang: file.endsWith(".ts") || file.endsWith(".mts") ? "ts" : "js" }, file);
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
        const args = n.arguments as unknown[];
        const pattern = constantString(args[0]);
        const flags = args.length > 1 ? constantString(args[1]) : "";
        if (pattern !== null && flags !== null)
          found.push({ file, line: lineOf(n.start ?? 0), pattern, flags });
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
      const r = regexesIn(readFileSync(path, "utf8"), relative(root, path));
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
