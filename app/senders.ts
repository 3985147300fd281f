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
import type { Config } from "./config.ts";
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
        config: ctx.config,
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
