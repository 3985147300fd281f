/**
 * The `summit` command line: `npm run --silent summit -- <command>`.
 * Core commands (brief, ask, digest, ingest, summarize) are in commands/core.ts; subscription and
 * delivery commands (subscribe, subscriptions, unsubscribe, digest send) in commands/digests.ts. Both
 * call the same use cases (usecases/) as Slack and Discord, so a failure reads the same everywhere.
 * Registering a command loads nothing of what it runs: each action imports its use cases, the corpus
 * loader, the queue or the store when it runs (separate chunks in dist/), so `--help` and each command
 * pay only for their own code at start-up (bench/startup.ts).
 */
import { Command, CommanderError } from "commander";
import { renderNotice } from "../adapters/terminal/render.ts";
import { isUserFacing } from "../src/errors.ts";
import { type CliDeps, createCliContext } from "./commands/context.ts";
import { registerCoreCommands } from "./commands/core.ts";
import { registerDigestCommands } from "./commands/digests.ts";
import { registerSourceCommands } from "./commands/sources.ts";

export type { CliDeps } from "./commands/context.ts";

export function buildProgram(deps: CliDeps = {}): Command {
  const ctx = createCliContext(deps);
  const program = new Command("summit")
    .description("News briefings with a citation on every point.")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.out.write(s),
      writeErr: (s) => ctx.err.write(s),
      // Commander's own errors (unknown option, missing value) as one "summit: …" line.
      outputError: (s, write) =>
        write(
          `summit: ${s
            .replace(/^error:\s*/i, "")
            .trim()
            .replace(/\s*\n\s*/g, " ")}\n`,
        ),
    });
  registerCoreCommands(program, ctx);
  registerDigestCommands(program, ctx);
  registerSourceCommands(program, ctx);
  return program;
}

/** Whether to print stack traces of unexpected errors (SUMMIT_DEBUG, read through app/config.ts). */
async function debugging(deps: CliDeps): Promise<boolean> {
  if (deps.config) return deps.config.debug;
  try {
    return (await createCliContext(deps).config()).debug;
  } catch {
    return false; // an invalid configuration is reported by the command itself
  }
}

export async function main(argv: string[], deps: CliDeps = {}): Promise<number> {
  const err = deps.err ?? process.stderr;
  try {
    await buildProgram(deps).parseAsync(argv, { from: "user" });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    // The catalogue's words for anything the person can act on; the message otherwise.
    const text = isUserFacing(e) ? renderNotice(e.userMessage) : e instanceof Error ? e.message : String(e);
    err.write(`summit: ${text.replace(/\s*\n\s*/g, " ")}\n`);
    if (!isUserFacing(e) && (await debugging(deps)))
      err.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}
