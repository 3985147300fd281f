/**
 * The platform senders and the engine a digest worker needs, built from the configuration. The Slack
 * and Discord adapters provide the senders (each implements src/delivery.ts PlatformSender); they are
 * registered here, in one place, so the server and `summit digest send` use the same ones.
 */
import type { Platform, PlatformSender } from "../src/delivery.ts";
import type { Engine } from "../src/model.ts";
import type { Config } from "./config.ts";
import type { Logger } from "./logger.ts";

export type SenderMap = Partial<Record<Platform, PlatformSender>>;

/** A sender factory per platform; each returns null when its tokens are not configured. */
export type SenderFactory = (config: Config, log: Logger) => PlatformSender | null;

const factories: Partial<Record<Platform, SenderFactory>> = {};

/** Adapters call this (from the composition root) to offer their sender. */
export function registerSenderFactory(platform: Platform, factory: SenderFactory): void {
  factories[platform] = factory;
}

export function configuredSenders(config: Config, log: Logger): SenderMap {
  const out: SenderMap = {};
  for (const [platform, factory] of Object.entries(factories) as [Platform, SenderFactory][]) {
    const sender = factory(config, log);
    if (sender) out[platform] = sender;
  }
  return out;
}

/** The env variable that enables each platform's sender, for error messages. */
export const SENDER_TOKEN_ENV: Record<Platform, string> = {
  slack: "SLACK_BOT_TOKEN",
  discord: "DISCORD_TOKEN",
};

export type EngineFactory = (config: Config, log: Logger) => Promise<Engine>;
