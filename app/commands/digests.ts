/**
 * `summit subscribe | subscriptions | unsubscribe` and `summit digest send ID` (the core's `digest`
 * command dispatches `send` to runDigestSend). Contract (tools depend on it):
 *   subscribe --platform slack|discord --channel ID [--team ID] --at HH:MM --tz ZONE [--days mon-fri|daily] [--topics "a,b"]
 *     prints the new subscription's id (only the id) on stdout
 *   subscriptions [--json]      lists them
 *   unsubscribe ID
 *   digest send ID              enqueues that digest now through the scheduled path; prints delivered or failed
 * Redis from REDIS_URL; one-line error when unreachable.
 */
import type { Command } from "commander";
// BullMQ/ioredis (runtime) and the platform SDKs (senders) are loaded only by the commands that use
// them: every `summit` command registers these, and loading them costs ~0.6 s of CPU per start.
import type { DigestRuntime } from "../../queue/runtime.ts";
import { describeSlot, nextSlot } from "../../queue/schedule.ts";
import { type Subscription, SubscriptionInputError } from "../../queue/types.ts";
import { describeDays, parseDays, parseTopics } from "../../queue/validate.ts";
import type { Platform } from "../../src/delivery.ts";
import { type Clock, systemClock } from "../../src/model.ts";
import { type Config, loadConfig } from "../config.ts";
import type { EngineFactory } from "../engine/factory.ts";
import { UserError } from "../errors.ts";
import { createLogger, type Logger } from "../logger.ts";
import type { SenderMap } from "../senders.ts";

export interface DigestCliDeps {
  config?: Config;
  clock?: Clock;
  log?: Logger;
  out?: (text: string) => void;
  /** Senders for a local worker when no worker is running (default: the configured platform senders). */
  senders?: SenderMap;
  engine?: EngineFactory;
  /** How long `digest send` waits for the outcome. */
  sendTimeoutMs?: number;
}

let deps: DigestCliDeps = {};

/** Lets the composition root (and tests) supply the engine, senders, clock or output. */
export function configureDigestCommands(next: DigestCliDeps): void {
  deps = { ...deps, ...next };
}

function out(text: string): void {
  (deps.out ?? ((t: string) => process.stdout.write(t)))(`${text}\n`);
}

async function withDigests<T>(fn: (rt: DigestRuntime, ctx: { config: Config; log: Logger }) => Promise<T>) {
  const config = deps.config ?? loadConfig();
  const log = deps.log ?? createLogger(process.env.LOG_LEVEL ? config.logLevel : "warn");
  const [{ DigestRuntime }, { RedisUnavailableError }] = await Promise.all([
    import("../../queue/runtime.ts"),
    import("../../queue/redis.ts"),
  ]);
  let rt: DigestRuntime;
  try {
    rt = await DigestRuntime.start({
      redisUrl: config.redisUrl,
      prefix: config.redisPrefix,
      clock: deps.clock ?? systemClock,
      log,
    });
  } catch (err) {
    if (err instanceof RedisUnavailableError) throw new UserError(err.message);
    throw err;
  }
  try {
    return await fn(rt, { config, log });
  } catch (err) {
    if (err instanceof SubscriptionInputError) throw new UserError(err.message);
    throw err;
  } finally {
    await rt.close();
  }
}

function parsePlatform(value: string): Platform {
  if (value === "slack" || value === "discord") return value;
  throw new UserError(`--platform must be slack or discord, not "${value}"`);
}

export function registerDigestCommands(program: Command): void {
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
      await withDigests(async (rt) => {
        const sub = await rt.service.subscribe({
          platform: parsePlatform(o.platform ?? ""),
          workspace: o.team ?? null,
          channel: o.channel ?? "",
          at: o.at ?? "",
          tz: o.tz ?? "",
          days: parseDays(o.days ?? "daily"),
          topics: parseTopics(o.topics ?? ""),
          createdBy: "cli",
        });
        out(sub.id);
      });
    });

  program
    .command("subscriptions")
    .description("list digest subscriptions")
    .option("--json", "print JSON")
    .action(async (o: { json?: boolean }) => {
      await withDigests(async (rt) => {
        const subs = await rt.service.list();
        const now = (deps.clock ?? systemClock).now();
        if (o.json) {
          const rows = subs.map((s) => ({
            ...s,
            nextDelivery: rt.service.nextDelivery(s, now)?.toISOString() ?? null,
          }));
          out(JSON.stringify(rows, null, 2));
          return;
        }
        if (subs.length === 0) {
          out(
            "No subscriptions yet. Add one with: summit subscribe --platform slack --channel C123 --at 08:00 --tz Europe/Berlin",
          );
          return;
        }
        out(formatTable(subs, now));
      });
    });

  program
    .command("unsubscribe")
    .description("remove a digest subscription and its schedule")
    .argument("<id>", "subscription id")
    .action(async (id: string) => {
      await withDigests(async (rt) => {
        if (!(await rt.service.unsubscribe(id)))
          throw new UserError(`no subscription ${id} (see: summit subscriptions)`);
        out(`unsubscribed ${id}`);
      });
    });
}

export function formatTable(subs: Subscription[], now: Date): string {
  const header = ["ID", "PLATFORM", "TEAM", "CHANNEL", "AT", "TZ", "DAYS", "TOPICS", "NEXT"];
  const rows = subs.map((s) => [
    s.id,
    s.platform,
    s.workspace ?? "-",
    s.channel,
    s.at,
    s.tz,
    describeDays(s.days),
    s.topics.length > 0 ? s.topics.join(", ") : "(all)",
    s.pausedReason ? `paused: ${s.pausedReason}` : describeSlot(nextSlot(s, now), s.tz),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [header, ...rows]
    .map((r) =>
      r
        .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/**
 * `summit digest send ID`: enqueue that subscription's digest now through the scheduled path and wait
 * until it is delivered or failed. When no worker is running anywhere, this process runs one for the
 * duration, with the configured platform senders; without a token for the platform it says so.
 */
export async function runDigestSend(id: string): Promise<void> {
  await withDigests(async (rt, { config, log }) => {
    const sub = await rt.service.get(id);
    if (!sub) throw new UserError(`no subscription ${id} (see: summit subscriptions)`);
    // CLIENT LIST may be disabled on managed Redis: then assume no worker and run one here.
    const workers = await rt.queue.getWorkersCount().catch(() => 0);
    if (workers === 0) {
      const [{ configuredSenders, SENDER_TOKEN_ENV, slackConfigured }, { defaultEngine }] = await Promise.all(
        [import("../senders.ts"), import("../engine/factory.ts")],
      );
      const tokenEnv = SENDER_TOKEN_ENV[sub.platform];
      const configured = sub.platform === "slack" ? slackConfigured(config) : Boolean(config.discordToken);
      if (!deps.senders && !configured) {
        throw new UserError(
          `no digest worker is running and ${tokenEnv} is not set: start \`npm start\` (or a worker with SUMMIT_ROLES=worker), or set ${tokenEnv} to send from here`,
        );
      }
      const engine = await (deps.engine ?? defaultEngine)(config, log);
      const senders =
        deps.senders ??
        configuredSenders({ config, log, redis: rt.redis, engine, subscriptions: rt.service });
      if (!senders[sub.platform]) {
        throw new UserError(
          `no digest worker is running and no ${sub.platform} sender is configured here (${tokenEnv}): start \`npm start\` or a worker with SUMMIT_ROLES=worker`,
        );
      }
      rt.startWorker({ engine, senders, concurrency: 1 });
    }
    const outcome = await rt.sendNow(id, deps.sendTimeoutMs ? { timeoutMs: deps.sendTimeoutMs } : {});
    const where = `${sub.platform} ${sub.workspace ? `${sub.workspace}/` : ""}${sub.channel}`;
    switch (outcome.status) {
      case "delivered":
        out(`delivered ${id} to ${where} (message ${outcome.messageId})`);
        return;
      case "already-delivered":
        out(`already delivered ${id} to ${where} (message ${outcome.messageId})`);
        return;
      case "skipped":
        throw new UserError(`not sent ${id}: ${outcome.reason}`);
      case "failed":
        throw new UserError(`failed ${id}: ${outcome.reason}`);
    }
  });
}
