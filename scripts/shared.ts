/**
 * Where the shared evaluation data lives: $SUMMIT_SHARED_DIR, else the first `shared/` folder holding
 * `eval/` found beside the project or beside one of its parent folders (a git worktree under
 * /work/wt/NAME finds /work/shared). Read at run time, never copied into the project.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The shared folder as a file URL ending in "/"; falls back to ../shared beside the project. */
export function sharedUrl(): URL {
  const env = process.env.SUMMIT_SHARED_DIR;
  if (env) return pathToFileURL(`${resolve(env)}/`);
  const project = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  for (let dir = project; ; dir = dirname(dir)) {
    const candidate = join(dirname(dir), "shared");
    if (existsSync(join(candidate, "eval"))) return pathToFileURL(`${candidate}/`);
    if (dirname(dir) === dir) break;
  }
  return pathToFileURL(`${join(dirname(project), "shared")}/`);
}
