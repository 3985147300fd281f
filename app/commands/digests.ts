/**
 * `summit subscribe | subscriptions | unsubscribe` and `summit digest send ID` (the core's `digest`
 * command dispatches `send` to runDigestSend). Subscribe, list and unsubscribe are the same use cases
 * Slack and Discord call (usecases/), as the operator (every workspace). Contract (tools depend on it):
 *   subscribe --platform slack|discord --channel ID [--team ID] --at HH:MM --tz ZONE [--days mon-fri|daily] [--topics "a,b"]
 *     prints the new subscription's id (only the id) on stdout
 *   subscriptions [--json]      lists them
 *   unsubscribe ID              prints "unsubscribed ID"
 *   digest send ID              enqueues that digest now through the scheduled path; prints delivered or failed
 * Redis from REDIS_URL; one-line error when unreachable.
 */
import type { Command } from "commander";
// Every `summit` command registers these, so what they run is imported by the action that runs it:
// BullMQ/ioredis (runtime) and the platform SDKs (senders) cost ~0.6 s of CPU per start, the schedule
// (cron-parser, luxon) and the use cases most of the rest of a bundle's start-up.
import type { DigestRuntime } from "../../queue/runtime.ts";
import { inputError, userFailure } from "../../src/errors.ts";
import { CLI_SCOPE } from "../../usecases/scope.ts";
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import { type CliContext, println } from "./context.ts";

async function withDigests<T>(
  ctx: CliContext,
  fn: (rt: DigestRuntime, env: { config: Config; log: Logger }) => Promise<T>,
): Promise<T> {
  const config = await ctx.config();
  const log = await ctx.log();
  const { DigestRuntime } = await import("../../queue/runtime.ts");
  // Unreachable Redis throws RedisUnavailableError, whose one line is the catalogue's.
  const rt = await DigestRuntime.start({
    redisUrl: config.redisUrl,
    prefix: config.redisPrefix,
    clock: ctx.clock,
    log,
  });
  try {
    return await fn(rt, { config, log });
  } finally {
    await rt.close();
  }
}

export function registerDigestCommands(program: Command, ctx: CliContext): void {
  program
    .command("subscribe")
    .description("subscribe a channel to a digest at a local time; prints the new subscription id")
    .requiredOption("--platform <platform>", "slack or discord")
    .requiredOption("--channel <id>", "channel id")
    .option("--team <id>", "Slack team id or Discord guild id")
    .requiredOption("--at <HH:MM>", "local time, 24-hour")
    .requiredOption("--tz <zone>", "IANA timezone, e.g. Europe/Berlin")
    .option("--days <days>", "daily, weekdays (mon-fri), weekends or a list like mon,wed,fri", "daily")
    .option("--topics <list>", 'comma-separated topics, e.g. "sanctions,labour"', "")
    .action(async (o: Record<string, string | undefined>) => {
      await withDigests(ctx, async (rt) => {
        const { subscribe } = await import("../../usecases/subscribe.ts");
        const { subscription } = await subscribe(
          {
            at: o.at ?? "",
            tz: o.tz ?? "",
            days: o.days ?? "daily",
            topics: o.topics ?? "",
            target: { platform: o.platform ?? "", workspace: o.team ?? null, channel: o.channel ?? "" },
          },
          CLI_SCOPE,
          { subscriptions: rt.service },
        );
        println(ctx.out, subscription.id);
      });
    });

  program
    .command("subscriptions")
    .description("list digest subscriptions")
    .option("--json", "print JSON")
    .action(async (o: { json?: boolean }) => {
      await withDigests(ctx, async (rt) => {
        const { listSubscriptions } = await import("../../usecases/listSubscriptions.ts");
        const { reply, subscriptions } = await listSubscriptions({}, CLI_SCOPE, {
          subscriptions: rt.service,
        });
        const now = ctx.clock.now();
        if (o.json) {
          const rows = subscriptions.map((s) => ({
            ...s,
            nextDelivery: rt.service.nextDelivery(s, now)?.toISOString() ?? null,
          }));
          println(ctx.out, JSON.stringify(rows, null, 2));
          return;
        }
        if (subscriptions.length === 0) ctx.terminal.write(reply);
        else println(ctx.out, (await import("./subscriptionTable.ts")).formatTable(subscriptions, now));
      });
    });

  program
    .command("unsubscribe")
    .description("remove a digest subscription and its schedule")
    .argument("<id>", "subscription id")
    .action(async (id: string) => {
      await withDigests(ctx, async (rt) => {
        const { unsubscribe } = await import("../../usecases/unsubscribe.ts");
        const { subscription } = await unsubscribe({ id }, CLI_SCOPE, { subscriptions: rt.service });
        println(ctx.out, `unsubscribed ${subscription.id}`);
      });
    });
}

/**
 * `summit digest send ID`: enqueue that subscription's digest now through the scheduled path and wait
 * until it is delivered or failed. When no worker is running anywhere, this process runs one for the
 * duration, with the configured platform senders; without a token for the platform it says so.
 */
export async function runDigestSend(id: string, ctx: CliContext): Promise<void> {
  const { deps } = ctx;
  await withDigests(ctx, async (rt, { config, log }) => {
    const sub = await rt.service.get(id);
    if (!sub) throw inputError("unknown_subscription", id);
    // CLIENT LIST may be disabled on managed Redis: then assume no worker and run one here.
    const workers = await rt.queue.getWorkersCount().catch(() => 0);
    if (workers === 0) {
      const [{ configuredSenders, SENDER_TOKEN_ENV, slackConfigured }, { defaultEngine }] = await Promise.all(
        [import("../senders.ts"), import("../engine/factory.ts")],
      );
      const tokenEnv = SENDER_TOKEN_ENV[sub.platform];
      const configured = sub.platform === "slack" ? slackConfigured(config) : Boolean(config.discordToken);
      if (!deps.senders && !configured) throw userFailure("no_worker_no_token", tokenEnv);
      const engine = await (deps.engine ?? defaultEngine)(config, log);
      const senders =
        deps.senders ??
        configuredSenders({ config, log, redis: rt.redis, engine, subscriptions: rt.service });
      if (!senders[sub.platform]) throw userFailure("no_worker_no_sender", sub.platform, tokenEnv);
      rt.startWorker({ engine, senders, concurrency: 1 });
    }
    const outcome = await rt.sendNow(id, deps.sendTimeoutMs ? { timeoutMs: deps.sendTimeoutMs } : {});
    const where = `${sub.platform} ${sub.workspace ? `${sub.workspace}/` : ""}${sub.channel}`;
    switch (outcome.status) {
      case "delivered":
        println(ctx.out, `delivered ${id} to ${where} (message ${outcome.messageId})`);
        return;
      case "already-delivered":
        println(ctx.out, `already delivered ${id} to ${where} (message ${outcome.messageId})`);
        return;
      case "skipped":
        throw userFailure("delivery_skipped", id, outcome.reason ?? "");
      case "failed":
        throw userFailure("delivery_failed", id, outcome.reason ?? "");
    }
  });
}
