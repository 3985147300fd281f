#!/usr/bin/env node
/**
 * `npm run summit -- <command>`: runs the prebuilt CLI in dist/ when it was built from exactly the
 * files that are here now, and the TypeScript sources (app/cli.ts) otherwise. The prebuilt one starts
 * several times faster (no type stripping, one bundle instead of ~700 module files; bench/startup.ts),
 * and `npm ci` makes it (`prepare` → scripts/build.ts). An edited file is never hidden behind an old
 * build: any input whose size or content differs from dist/build.json sends the run to the sources
 * until `npm run build`. `NODE_DEBUG=summit` says which one runs and why.
 *
 * Plain JavaScript on purpose: a .ts entry would pay for the type stripper before anything else.
 */
import { readFileSync, realpathSync, statSync } from "node:fs";
// A namespace import, so an older Node reaches the version check below instead of failing to link.
import * as nodeModule from "node:module";
import { pathToFileURL } from "node:url";
import { debuglog } from "node:util";

const ROOT = new URL("../", import.meta.url);
const debug = debuglog("summit");

/**
 * The prebuilt entry when dist/build.json matches every input it lists, else why not.
 * @param {URL} root the project's root folder (a URL ending in /)
 * @returns {{ entry: URL } | { stale: string }}
 */
export function prebuilt(root = ROOT) {
  /** @type {{ entry: string, inputs: { path: string, size: number, mtimeMs: number, sha1: string }[] }} */
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(new URL("dist/build.json", root), "utf8"));
  } catch {
    return { stale: "there is no build in dist/ (npm run build makes one)" };
  }
  if (!Array.isArray(manifest.inputs) || typeof manifest.entry !== "string") {
    return { stale: "dist/build.json is not a build manifest" };
  }
  for (const input of manifest.inputs) {
    const url = new URL(input.path, root);
    let size;
    let mtimeMs;
    try {
      ({ size, mtimeMs } = statSync(url));
    } catch {
      return { stale: `${input.path} is gone` };
    }
    if (size !== input.size) return { stale: `${input.path} changed` };
    // Same size and time: unchanged. Another time (a checkout, a touch): compare the content.
    if (mtimeMs !== input.mtimeMs) {
      // node:crypto only here: importing it costs every start ~5 ms, and most starts compare no content.
      const { createHash } = process.getBuiltinModule("node:crypto");
      const sha1 = createHash("sha1").update(readFileSync(url)).digest("hex");
      if (sha1 !== input.sha1) return { stale: `${input.path} changed` };
    }
  }
  return { entry: new URL(`dist/${manifest.entry}`, root) };
}

/** The oldest Node major the CLI runs on (package.json `engines`). */
const NODE_MAJOR = 24;

/** Whether this file is the program being run (import.meta.main is Node 24's; older ones lack it). */
function isMain() {
  if (typeof import.meta.main === "boolean") return import.meta.main;
  const script = process.argv[1];
  if (!script) return false;
  try {
    return pathToFileURL(realpathSync(script)).href === import.meta.url;
  } catch {
    return false;
  }
}

if (isMain() && Number(process.versions.node.split(".")[0]) < NODE_MAJOR) {
  console.error(
    `Summit needs Node.js ${NODE_MAJOR} or later; this is ${process.version}. ` +
      "Run it through npm (npm run summit -- <command>): the node@24 dev dependency puts Node 24 first on the PATH there.",
  );
  process.exitCode = 1;
} else if (isMain()) {
  // Node keeps compiled code on disk (os.tmpdir()/node-compile-cache) and reuses it when the file is
  // the same: the next start skips most of the compiling.
  nodeModule.enableCompileCache();
  const found = prebuilt();
  let url;
  if ("entry" in found) {
    debug("running the prebuilt CLI in dist/");
    url = found.entry;
  } else {
    debug("running from the sources: %s", found.stale);
    url = new URL("app/cli.ts", ROOT);
  }
  const cli = await import(url.href);
  process.exitCode = await cli.main(process.argv.slice(2));
}
