/**
 * The platform senders a digest worker needs, built from the configuration, in one place so the
 * server and `summit digest send` use the same ones (their engine comes from app/engine/factory.ts).
 * Each adapter implements src/delivery.ts PlatformSender; a platform gets a sender only when its bot
 * token is set.
 */
import type { Redis } from "ioredis";
import { createDiscordAdapter } from "../adapters/discord/index.ts";
import { createSlackAdapter, SlackConfigError } from "../adapters/slack/index.ts";
import type { SubscriptionService } from "../queue/types.ts";
import type { Platform, PlatformSender } from "../src/delivery.ts";
import type { Engine } from "../src/model.ts";
import { type Config, ConfigError } from "./config.ts";
import type { Logger } from "./logger.ts";

export type SenderMap = Partial<Record<Platform, PlatformSender>>;

export interface SenderContext {
  config: Config;
  log: Logger;
  redis: Redis;
  engine: Engine;
  subscriptions: SubscriptionService;
}

/** The env variable that enables each platform's sender, for error messages. */
export const SENDER_TOKEN_ENV: Record<Platform, string> = {
  slack: "SLACK_BOT_TOKEN",
  discord: "DISCORD_TOKEN",
};

/** Slack is set up for one workspace (bot token) or for OAuth installs. */
export function slackConfigured(config: Config): boolean {
  return Boolean(
    config.slackBotToken || (config.slackClientId && config.slackClientSecret && config.slackStateSecret),
  );
}

/** Senders for every platform whose credentials are configured (except those in `skip`). */
export function configuredSenders(ctx: SenderContext, opts: { skip?: string[] } = {}): SenderMap {
  const out: SenderMap = {};
  const skip = new Set(opts.skip ?? []);
  if (!skip.has("slack") && slackConfigured(ctx.config)) {
    try {
      out.slack = createSlackAdapter({
        // A digest sender only posts with the bot token (or the OAuth installs): it never receives
        // requests, so a worker needs no signing secret; the adapter built here is never mounted.
        config:
          ctx.config.slackSigningSecret || ctx.config.slackAppToken
            ? ctx.config
            : { ...ctx.config, slackSigningSecret: "not-used-by-a-digest-sender" },
        engine: ctx.engine,
        subscriptions: ctx.subscriptions,
        redis: ctx.redis,
        logger: ctx.log,
      }).sender;
    } catch (err) {
      if (!(err instanceof SlackConfigError)) throw err;
      ctx.log.warn({ reason: err.message }, "no Slack digest sender");
    }
  }
  if (!skip.has("discord") && ctx.config.discordToken) {
    out.discord = createDiscordAdapter({
      config: ctx.config,
      engine: ctx.engine,
      subscriptions: ctx.subscriptions,
      redis: ctx.redis,
      logger: ctx.log,
      gateway: false,
    }).sender;
  }
  return out;
}

/**
 * A worker must be able to post to every platform a subscription needs: a missing credential is a
 * start-up error (naming the variable), not six failed attempts and a dropped slot per digest.
 * Paused subscriptions do not count. Platforms nobody subscribes on need nothing.
 */
export function assertSendersFor(
  subscriptions: readonly { platform: Platform; pausedReason: string | null }[],
  senders: SenderMap,
): void {
  const missing = new Map<Platform, number>();
  for (const s of subscriptions) {
    if (s.pausedReason || senders[s.platform]) continue;
    missing.set(s.platform, (missing.get(s.platform) ?? 0) + 1);
  }
  if (missing.size === 0) return;
  const lines = [...missing].map(
    ([platform, n]) =>
      `${n} ${platform} subscription${n === 1 ? "" : "s"} need${n === 1 ? "s" : ""} a ${platform} sender: set ${SENDER_TOKEN_ENV[platform]}`,
  );
  throw new ConfigError(`worker role cannot deliver every digest: ${lines.join("; ")}`);
}
