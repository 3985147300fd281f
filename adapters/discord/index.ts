/**
 * The Discord adapter: gateway mode (a discord.js Client: interactions, thread Q&A), HTTP interactions
 * mode (a handler for POST /discord/interactions), and the digest sender. Both modes feed the same
 * interaction core, so they give the same replies.
 */

import { REST } from "@discordjs/rest";
import {
  type APIInteraction,
  Client,
  Events,
  GatewayDispatchEvents,
  GatewayIntentBits,
  type Message,
  Partials,
  Routes,
} from "discord.js";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { SubscriptionService } from "../../queue/types.ts";
import type { PlatformSender } from "../../src/delivery.ts";
import { type Clock, type Engine, systemClock } from "../../src/model.ts";
import type { CommandHook } from "../../usecases/reply.ts";
import type { SourcesDeps } from "../../usecases/sources.ts";
import { createInteractionsHandler, type HttpHandler } from "./http.ts";
import { createInteractionCore } from "./interactions.ts";
import { createMessageHandler, type IncomingMessage } from "./messages.ts";
import { NO_MENTIONS } from "./render.ts";
import { createDiscordSender } from "./sender.ts";
import { createDiscordState } from "./state.ts";
import { createVerifier } from "./verify.ts";

export { commandDefinitions, registerCommands } from "./commands.ts";

/** The settings this adapter reads (a subset of app/config.ts's Config, passed in by the composition root). */
export interface DiscordConfig {
  discordToken?: string | undefined;
  discordApplicationId?: string | undefined;
  discordPublicKey?: string | undefined;
  discordApiUrl?: string | undefined;
  redisPrefix: string;
}

export interface DiscordAdapterOptions {
  config: DiscordConfig;
  engine: Engine;
  subscriptions: SubscriptionService;
  redis: Redis;
  logger: Logger;
  clock?: Clock;
  /** Connect to the gateway (interactions unless an endpoint URL is set, and thread Q&A). Default: true. */
  gateway?: boolean;
  /** REST client for replies and threads; built from the config when absent. */
  rest?: REST;
  /** How long quick commands may take before they are deferred. */
  quickReplyMs?: number;
  /** Rate-limit waits longer than this make the digest sender throw PlatformRateLimitError instead of waiting. */
  senderMaxWaitMs?: number;
  /** The news sources (`/summit-sources`), when the deployment runs on the shared store. */
  sources?: SourcesDeps;
  /** Told once per slash command handled, with its outcome (the composition root counts them). */
  onCommand?: CommandHook;
}

export interface DiscordAdapter {
  /** For POST /discord/interactions; null when DISCORD_PUBLIC_KEY is not set. */
  interactionsHandler: HttpHandler | null;
  /** The gateway client (gateway mode), else null. */
  client: Client | null;
  sender: PlatformSender;
  rest: REST;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves once no interaction or message is being handled. */
  idle(): Promise<void>;
}

function restFor(config: DiscordConfig, extra: ConstructorParameters<typeof REST>[0] = {}): REST {
  const rest = new REST({
    version: "10",
    ...(config.discordApiUrl ? { api: config.discordApiUrl } : {}),
    ...extra,
  });
  if (config.discordToken) rest.setToken(config.discordToken);
  return rest;
}

function toIncoming(m: Message, botId: string | null): IncomingMessage {
  return {
    id: m.id,
    channelId: m.channelId,
    guildId: m.guildId,
    content: m.content,
    authorIsBot: m.author.bot,
    isSystem: m.system || m.webhookId !== null,
    inThread: m.channel.isThread(),
    mentionsBot: botId !== null && new RegExp(`<@!?${botId}>`).test(m.content),
  };
}

export function createDiscordAdapter(opts: DiscordAdapterOptions): DiscordAdapter {
  const { config, engine, subscriptions, redis, logger } = opts;
  const log = logger.child({ adapter: "discord" });
  const clock = opts.clock ?? systemClock;
  const rest = opts.rest ?? restFor(config);
  const state = createDiscordState(redis, config.redisPrefix);

  const inflight = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    const p = work.catch(() => undefined).finally(() => inflight.delete(p));
    inflight.add(p);
  };
  const idle = async () => {
    while (inflight.size > 0) await Promise.all([...inflight]);
  };

  const core = createInteractionCore({
    engine,
    subscriptions,
    state,
    rest,
    logger: log,
    clock,
    ...(opts.quickReplyMs !== undefined ? { quickReplyMs: opts.quickReplyMs } : {}),
    ...(opts.sources ? { sources: opts.sources } : {}),
    ...(opts.onCommand ? { onCommand: opts.onCommand } : {}),
  });

  const interactionsHandler = config.discordPublicKey
    ? createInteractionsHandler({
        verify: createVerifier(config.discordPublicKey, clock),
        claim: async (key, ttl) =>
          (await redis.set(`${config.redisPrefix}:discord:seen:${key}`, "1", "EX", ttl, "NX")) === "OK",
        core,
        logger: log,
        track,
      })
    : null;

  const maxWait = opts.senderMaxWaitMs ?? 2000;
  const senderRest = restFor(config, {
    rejectOnRateLimit: (data) => Math.max(data.retryAfter, data.timeToReset) > maxWait,
  });
  const sender = createDiscordSender({ rest: senderRest, state });

  let client: Client | null = null;
  if (opts.gateway !== false) {
    client = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
      // Messages in threads the cache has not seen still arrive.
      partials: [Partials.Channel],
      allowedMentions: NO_MENTIONS,
      rest: config.discordApiUrl ? { api: config.discordApiUrl } : {},
    });
    const gatewayClient = client;
    const messages = createMessageHandler({
      engine,
      state,
      rest,
      logger: log,
      botUserId: () => gatewayClient.user?.id ?? null,
    });
    // Raw interaction payloads, so the gateway and the HTTP endpoint share one core.
    client.ws.on(GatewayDispatchEvents.InteractionCreate, (data: APIInteraction) => {
      track(
        core.handle(data, async (response) => {
          await rest.post(Routes.interactionCallback(data.id, data.token), { body: response, auth: false });
        }),
      );
    });
    client.on(Events.MessageCreate, (m) => {
      track(messages.handle(toIncoming(m, gatewayClient.user?.id ?? null)));
    });
    client.on(Events.Error, (err) => log.error({ err }, "discord gateway error"));
  }

  return {
    interactionsHandler,
    client,
    sender,
    rest,
    idle,
    async start() {
      if (!client) return;
      if (!config.discordToken) throw new Error("DISCORD_TOKEN is required for the Discord gateway");
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(config.discordToken);
      await ready;
      log.info({ user: client.user?.id }, "discord gateway ready");
    },
    async stop() {
      await client?.destroy();
      await idle();
    },
  };
}
