/**
 * The command line's AdapterDriver (tests/adapters/contract/driver.ts): runs `summit …` in-process
 * through main(argv, deps) with the real commands, use cases, terminal renderer and Redis (a unique
 * prefix), and records what a person would see on stdout and stderr.
 */

import { renderNotice } from "../../../adapters/terminal/render.ts";
import { main } from "../../../app/cli.ts";
import { loadConfig } from "../../../app/config.ts";
import type { Engine } from "../../../src/model.ts";
import { deletePrefix, quietLog, REDIS_URL, uniquePrefix } from "../../queue/helpers.ts";
import type { AdapterDriver, PostedMessage } from "../contract/driver.ts";

/** A terminal rings its bell on BEL; other control characters could drive it (the renderer strips them). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function startCliDriver(opts: {
  engine: Engine;
}): Promise<AdapterDriver & { run(argv: string[]): Promise<CliRun> }> {
  const prefix = uniquePrefix();
  const config = loadConfig({ REDIS_URL, SUMMIT_REDIS_PREFIX: prefix });
  let seq = 0;

  async function run(argv: string[]): Promise<CliRun> {
    let stdout = "";
    let stderr = "";
    const code = await main(argv, {
      config,
      log: quietLog,
      engine: async () => opts.engine,
      out: { write: (t: string) => (stdout += t) },
      err: { write: (t: string) => (stderr += t) },
      color: false,
    });
    return { code, stdout, stderr };
  }

  /** One command's output as the person sees it (results and errors), kept with its argv. */
  async function posted(argv: string[]): Promise<PostedMessage[]> {
    const r = await run(argv);
    return [
      {
        id: `run-${++seq}`,
        channel: "terminal",
        text: r.stdout + r.stderr,
        threadOf: null,
        ephemeral: false,
        raw: { argv, ...r },
      },
    ];
  }

  return {
    name: "cli",
    run,
    slash: (topic) => posted(["brief", ...topic.split(/\s+/).filter(Boolean)]),
    async followUp(briefing, question) {
      // The command line's thread context is the briefing's topic, given with --context.
      const argv = (briefing.raw as { argv: string[] }).argv;
      return posted(["ask", question, "--context", argv.slice(1).join(" ")]);
    },
    subscribe: ({ at, tz, days, topics }) =>
      posted([
        "subscribe",
        ...["--platform", "slack", "--team", "T0CLI", "--channel", "C0CLI", "--at", at, "--tz", tz],
        ...(days !== undefined ? ["--days", days] : []),
        ...(topics !== undefined ? ["--topics", topics] : []),
      ]),
    // `summit subscribe` prints the new id and nothing else (a contract tools rely on).
    subscriptionIdIn: (text) => /^(\S+)\n$/.exec(text)?.[1] ?? null,
    listSubscriptions: () => posted(["subscriptions"]),
    unsubscribe: (id) => posted(["unsubscribe", id]),
    // The operator sees every workspace: what it cannot stop is a digest that does not exist.
    foreignSubscriptionId: async () => "sub_elsewhere1",
    visible: (text) => renderNotice(text),
    couldPing: (m) => CONTROL.test(m.text.replace(/\n/g, "")),
    limitViolations: () => [],
    close: async () => {
      await deletePrefix(prefix);
    },
  };
}
