/**
 * The platform senders a digest worker needs, built from the configuration, in one place so the
 * server and `summit digest send` use the same ones (their engine comes from app/engine/factory.ts).
 * Each adapter implements src/delivery.ts PlatformSender; a platform gets a sender only when its bot
 * token is set.
 */
import type { Redis } from "ioredis";
import { createDiscordAdapter } from "../adapters/discord/index.ts";
import { createSlackDigestSender, slackSendConfigured } from "../adapters/slack/digestSender.ts";
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
  return slackSendConfigured(config);
}

/**
 * Senders for every platform whose credentials are configured (except those in `skip`). A sender
 * needs only what it sends with: Slack's bot token (or OAuth installs), not the signing secret.
 */
export function configuredSenders(ctx: SenderContext, opts: { skip?: string[] } = {}): SenderMap {
  const out: SenderMap = {};
  const skip = new Set(opts.skip ?? []);
  if (!skip.has("slack") && slackConfigured(ctx.config)) {
    out.slack = createSlackDigestSender({ config: ctx.config, redis: ctx.redis, logger: ctx.log });
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
 * Platforms that have subscriptions but no sender in this worker: each would fail every attempt and
 * drop its slot, so start-up refuses them with one line naming the missing setting.
 */
export async function missingSenders(ctx: SenderContext, senders: SenderMap): Promise<string | null> {
  const subscribed = new Set((await ctx.subscriptions.list()).map((s) => s.platform));
  const missing = [...subscribed].filter((p) => !senders[p]).sort();
  if (missing.length === 0) return null;
  return `digests are subscribed on ${missing.join(" and ")} but this worker cannot send there: set ${missing
    .map((p) => SENDER_TOKEN_ENV[p])
    .join(" and ")} (or run the worker role where it is set)`;
}
