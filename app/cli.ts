/**
 * The `summit` command line: `npm run --silent summit -- <command>`.
 * Core commands (brief, ask, digest, ingest, summarize) are in commands/core.ts; subscription and
 * delivery commands (subscribe, subscriptions, unsubscribe, digest send) in commands/digests.ts.
 */
import { Command, CommanderError } from "commander";
import { registerCoreCommands } from "./commands/core.ts";
import { registerDigestCommands } from "./commands/digests.ts";
import { UserError } from "./errors.ts";

export function buildProgram(): Command {
  const program = new Command("summit")
    .description("News briefings with a citation on every point.")
    .exitOverride()
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      // Commander's own errors (unknown option, missing value) as one "summit: …" line.
      outputError: (s, write) =>
        write(
          `summit: ${s
            .replace(/^error:\s*/i, "")
            .trim()
            .replace(/\s*\n\s*/g, " ")}\n`,
        ),
    });
  registerCoreCommands(program);
  registerDigestCommands(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? 0 : 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`summit: ${message}\n`);
    if (!(err instanceof UserError) && process.env.SUMMIT_DEBUG) console.error(err);
    return 1;
  }
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}
