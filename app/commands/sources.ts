/**
 * `summit sources add|list|remove|import|export|poll`: the news sources of the shared store (they need
 * SUMMIT_STORE=redis). The same use cases as Slack, Discord and the console (usecases/sources.ts), as the
 * operator. Contract (scripts depend on it):
 *   sources add URL [--every 15m] [--name NAME] [--json]   the id; --json {"id","url","feedUrl","name","every"}
 *   sources list [--json]      --json [{"id","url","feedUrl","name","every","status","lastFetchAt","nextFetchAt","lastError","articles"}]
 *   sources remove ID          "removed ID"
 *   sources import FILE.opml   one id per line, then "N added, M already followed"
 *   sources export             OPML 2.0
 *   sources poll [ID] [--json] polls now in this process; {"polled","added","updated","unchanged","failed"}
 */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { inputError } from "../../src/errors.ts";
import { CLI_SCOPE } from "../../usecases/scope.ts";
import type { OpenStore } from "../store.ts";
import { type CliContext, println } from "./context.ts";

/** How long `sources poll` waits for a source another process is polling right now. */
const POLL_WAIT_MS = 60_000;

/** Opens the shared store for one command (one line and exit 1 without SUMMIT_STORE=redis or Redis). */
export async function withStore<T>(
  ctx: CliContext,
  what: string,
  fn: (open: OpenStore) => Promise<T>,
): Promise<T> {
  const config = await ctx.config();
  const { openStore, requireStoreMode } = await import("../store.ts");
  requireStoreMode(config, what);
  const open = await openStore(config, {
    log: await ctx.log(),
    clock: ctx.clock,
    connectionName: "summit-cli",
  });
  try {
    return await fn(open);
  } finally {
    await open.close();
  }
}

export function registerSourceCommands(program: Command, ctx: CliContext): void {
  const sources = program
    .command("sources")
    .description("the feeds and sites Summit follows (needs SUMMIT_STORE=redis)");

  sources
    .command("add")
    .description("follow a feed, or a site whose feed is discovered; prints the id")
    .argument("<url>", "feed or site address")
    .option("--every <interval>", "how often to poll, e.g. 15m, 1h (at least 5m)", "15m")
    .option("--name <name>", "what to call it (default: the feed's title)")
    .option("--json", 'print {"id","url","feedUrl","name","every"}')
    .action(async (url: string, opts: { every: string; name?: string; json?: boolean }) => {
      await withStore(ctx, "summit sources add", async (open) => {
        const { sourcesDeps } = await import("../store.ts");
        const { addSource } = await import("../../usecases/sources.ts");
        const { source } = await addSource(
          { url, every: opts.every, name: opts.name ?? null },
          CLI_SCOPE,
          sourcesDeps(open),
        );
        println(ctx.out, opts.json ? JSON.stringify(source) : source.id);
      });
    });

  sources
    .command("list")
    .description("the sources, their status and article counts")
    .option("--json", "print them as a JSON array")
    .action(async (opts: { json?: boolean }) => {
      await withStore(ctx, "summit sources list", async (open) => {
        const { sourcesDeps } = await import("../store.ts");
        const { listSources } = await import("../../usecases/sources.ts");
        const { reply, sources: list } = await listSources({}, CLI_SCOPE, sourcesDeps(open));
        if (opts.json) println(ctx.out, JSON.stringify(list));
        else ctx.terminal.write(reply);
      });
    });

  sources
    .command("remove")
    .description("stop following a source (its articles stay until retention)")
    .argument("<id>", "the source's id (sources list)")
    .action(async (id: string) => {
      await withStore(ctx, "summit sources remove", async (open) => {
        const { sourcesDeps } = await import("../store.ts");
        const { removeSource } = await import("../../usecases/sources.ts");
        const { source } = await removeSource({ id }, CLI_SCOPE, sourcesDeps(open));
        println(ctx.out, `removed ${source.id}`);
      });
    });

  sources
    .command("import")
    .description("follow every feed of an OPML file")
    .argument("<file>", "an .opml export of feed subscriptions")
    .option("--json", 'print {"sources":[…],"created":N,"failed":[…]}')
    .action(async (file: string, opts: { json?: boolean }) => {
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch (err) {
        throw inputError("cannot_read", file, (err as NodeJS.ErrnoException).code ?? "error");
      }
      await withStore(ctx, "summit sources import", async (open) => {
        const { sourcesDeps } = await import("../store.ts");
        const { importOpml } = await import("../../usecases/sources.ts");
        const r = await importOpml({ text }, CLI_SCOPE, sourcesDeps(open));
        if (opts.json) {
          println(ctx.out, JSON.stringify(r));
          return;
        }
        const lines = [
          ...r.sources.map((s) => s.id),
          ...r.failed.map((f) => `skipped ${f.feedUrl}: ${f.error}`),
          `${r.created} added, ${r.sources.length - r.created} already followed${r.failed.length ? `, ${r.failed.length} skipped` : ""}`,
        ];
        println(ctx.out, lines.join("\n"));
      });
    });

  sources
    .command("export")
    .description("print the sources as OPML")
    .action(async () => {
      await withStore(ctx, "summit sources export", async (open) => {
        const { sourcesDeps } = await import("../store.ts");
        const { exportOpml } = await import("../../usecases/sources.ts");
        const { opml } = await exportOpml({}, CLI_SCOPE, sourcesDeps(open));
        ctx.out.write(opml.endsWith("\n") ? opml : `${opml}\n`);
      });
    });

  sources
    .command("poll")
    .description("poll now (every enabled source, or one) in this process and wait until done")
    .argument("[id]", "only this source (a disabled one is tried too)")
    .option("--json", 'print {"polled","added","updated","unchanged","failed"}')
    .action(async (id: string | undefined, opts: { json?: boolean }) => {
      await withStore(ctx, "summit sources poll", async (open) => {
        const { sourcesDeps } = await import("../store.ts");
        const { pollSources } = await import("../../usecases/sources.ts");
        const { totals } = await pollSources(
          { id: id ?? null },
          CLI_SCOPE,
          sourcesDeps(open, { pollWaitMs: POLL_WAIT_MS }),
        );
        println(
          ctx.out,
          opts.json
            ? JSON.stringify(totals)
            : `polled ${totals.polled}: ${totals.added} added, ${totals.updated} updated, ${totals.unchanged} unchanged, ${totals.failed} failed`,
        );
      });
    });
}
