/**
 * The platform senders and the engine a digest worker needs, built from the configuration, in one
 * place so the server and `summit digest send` use the same ones. Each adapter implements
 * src/delivery.ts PlatformSender; a platform gets a sender only when its bot token is set.
 */
import type { Redis } from "ioredis";
import { createDiscordAdapter } from "../adapters/discord/index.ts";
import type { SubscriptionService } from "../queue/types.ts";
import type { Platform, PlatformSender } from "../src/delivery.ts";
import type { Engine } from "../src/model.ts";
import type { Config } from "./config.ts";
import { createEngine } from "./engine.ts";
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

/** Senders for every platform whose token is configured. (Slack joins here when its adapter lands.) */
export function configuredSenders(ctx: SenderContext): SenderMap {
  const out: SenderMap = {};
  if (ctx.config.discordToken) {
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

export type EngineFactory = (config: Config, log: Logger) => Promise<Engine>;

/** The core engine for this configuration (extractive, or LLM-written when configured). */
export const defaultEngine: EngineFactory = async (config, log) => createEngine(config, { logger: log });
