/**
 * The long-running process: one HTTP port (Slack, Discord interactions, /healthz), the gateway
 * connections, the digest scheduler and workers. Which roles run is set by SUMMIT_ROLES:
 *   all (default)  everything in one process
 *   bot            HTTP endpoints and gateways of the adapters (answers /summit, takes subscriptions)
 *   worker         digest workers (run as many as you like against one Redis)
 *   scheduler      keeps BullMQ job schedulers in line with the subscriptions store (one leader at a time)
 * e.g. SUMMIT_ROLES=bot,scheduler in one process and SUMMIT_ROLES=worker in several others.
 * Composition root: the only place that wires core, queue and adapters together.
 * SIGTERM/SIGINT: stop accepting HTTP and jobs, let the current jobs finish, close Redis, exit.
 */
import type { Server } from "node:http";
import type { Redis } from "ioredis";
import { createDiscordAdapter } from "../adapters/discord/index.ts";
import { createSlackAdapter } from "../adapters/slack/app.ts";
import { type DigestHealth, DigestRuntime } from "../queue/runtime.ts";
import type { SubscriptionAdmin } from "../queue/types.ts";
import type { PlatformSender } from "../src/delivery.ts";
import { type Clock, type Engine, systemClock } from "../src/model.ts";
import { type Config, ConfigError, loadConfig } from "./config.ts";
import { createRouter, listen, type Router, sendJson } from "./http.ts";
import { createLogger, type Logger } from "./logger.ts";
import {
  configuredSenders,
  defaultEngine,
  type EngineFactory,
  type SenderContext,
  type SenderMap,
  slackConfigured,
} from "./senders.ts";

export type Role = "bot" | "worker" | "scheduler";
const ROLES: readonly Role[] = ["bot", "worker", "scheduler"];

export function parseRoles(text: string): Set<Role> {
  const parts = text
    .split(",")
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean);
  if (parts.length === 0 || parts.includes("all")) return new Set(ROLES);
  const bad = parts.filter((p) => !ROLES.includes(p as Role));
  if (bad.length > 0) {
    throw new ConfigError(
      `SUMMIT_ROLES: unknown role ${bad.join(", ")} (use all, or a comma list of ${ROLES.join(", ")})`,
    );
  }
  return new Set(parts as Role[]);
}

/** What an adapter gets to plug itself in (bot role); it returns how to stop it. */
export interface BotContext {
  router: Router;
  config: Config;
  log: Logger;
  engine: Engine;
  subscriptions: SubscriptionAdmin;
  /** A Redis connection for adapter state (thread topics and the like). */
  redis: Redis;
}
/** A started adapter: how to stop it, and its digest sender (reused by a worker in the same process). */
export interface StartedBot {
  stop(): Promise<void>;
  sender?: PlatformSender;
}
export type BotStarter = (ctx: BotContext) => Promise<StartedBot>;

export interface ServerDeps {
  config?: Config;
  log?: Logger;
  clock?: Clock;
  /** Default: the core engine over the configured corpus (app/engine.ts). */
  engine?: EngineFactory;
  /** Default: a sender for each platform whose token is set (app/senders.ts). */
  senders?: SenderMap | ((ctx: SenderContext) => SenderMap);
  /** Default: the Slack and Discord adapters, each when configured. */
  bots?: BotStarter[];
  /** Install SIGTERM/SIGINT handlers (default true; tests turn it off). */
  handleSignals?: boolean;
}

export interface RunningServer {
  port: number;
  roles: Set<Role>;
  digests: DigestRuntime;
  health(): Promise<DigestHealth & { status: "ok" | "degraded"; roles: Role[] }>;
  close(): Promise<void>;
}

export async function startServer(deps: ServerDeps = {}): Promise<RunningServer> {
  const config = deps.config ?? loadConfig();
  const log = deps.log ?? createLogger(config.logLevel);
  const roles = parseRoles(config.roles);
  const clock = deps.clock ?? systemClock;
  log.info({ roles: [...roles], port: config.port }, "summit starting");

  const digests = await DigestRuntime.start({
    redisUrl: config.redisUrl,
    prefix: config.redisPrefix,
    clock,
    log,
    scheduler: roles.has("scheduler"),
  });
  const stops: (() => Promise<void>)[] = [];
  const router = createRouter(log);
  try {
    const needsEngine = roles.has("worker") || roles.has("bot");
    const engine = needsEngine ? await (deps.engine ?? defaultEngine)(config, log) : null;
    // Build topic suggestions in the background (in slices) so the first autocomplete is quick.
    if (engine?.warmUp) {
      const warm = engine.warmUp.bind(engine);
      setImmediate(() => {
        warm().catch((err: unknown) => log.warn({ err }, "engine warm-up failed"));
      });
    }
    const botSenders: SenderMap = {};
    if (roles.has("bot") && engine) {
      for (const start of deps.bots ?? [slackBot, discordBot]) {
        const bot = await start({
          router,
          config,
          log,
          engine,
          subscriptions: digests.service,
          redis: digests.redis,
        });
        stops.push(() => bot.stop());
        if (bot.sender) botSenders[bot.sender.platform] = bot.sender;
      }
    }
    if (roles.has("worker") && engine) {
      const ctx = { config, log, redis: digests.redis, engine, subscriptions: digests.service };
      const senders =
        typeof deps.senders === "function"
          ? deps.senders(ctx)
          : (deps.senders ?? { ...configuredSenders(ctx, { skip: Object.keys(botSenders) }), ...botSenders });
      if (Object.keys(senders).length === 0) {
        log.warn(
          "worker role without platform tokens (SLACK_BOT_TOKEN / DISCORD_TOKEN): digests will fail and retry",
        );
      }
      digests.startWorker({ engine, senders });
    }
  } catch (err) {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    await digests.close();
    throw err;
  }

  const health = async () => {
    const h = await digests.health();
    return { status: h.redis === "up" ? ("ok" as const) : ("degraded" as const), roles: [...roles], ...h };
  };
  router.get("/healthz", async (_req, res) => {
    const h = await health();
    sendJson(res, h.status === "ok" ? 200 : 503, h);
  });

  let server: Server;
  try {
    server = await listen(router, config.port);
  } catch (err) {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    await digests.close();
    throw err;
  }
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  log.info({ port }, "summit listening");

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      log.info("summit shutting down");
      const httpClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      for (const stop of stops.reverse())
        await stop().catch((err) => log.error({ err }, "stopping an adapter failed"));
      await digests.close(); // stops taking jobs, lets current ones finish, closes Redis
      server.closeAllConnections();
      await httpClosed;
      log.info("summit stopped");
    })();
    return closing;
  };

  if (deps.handleSignals ?? true) {
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      process.once(signal, () => {
        close().then(
          () => process.exit(0),
          (err) => {
            log.error({ err }, "shutdown failed");
            process.exit(1);
          },
        );
      });
    }
  }
  return { port, roles, digests, health, close };
}

/** Discord: HTTP interactions at /discord/interactions (when DISCORD_PUBLIC_KEY is set) and the gateway (DISCORD_TOKEN). */
export const discordBot: BotStarter = async ({ router, config, log, engine, subscriptions, redis }) => {
  if (!config.discordToken && !config.discordPublicKey) return { stop: async () => {} };
  const adapter = createDiscordAdapter({
    config,
    engine,
    subscriptions,
    redis,
    logger: log,
    gateway: Boolean(config.discordToken),
  });
  if (adapter.interactionsHandler) router.mount("/discord/interactions", adapter.interactionsHandler);
  await adapter.start();
  return { stop: () => adapter.stop(), ...(config.discordToken ? { sender: adapter.sender } : {}) };
};

/** Slack: Bolt on /slack/* (events, commands, interactivity, OAuth) or Socket Mode with SLACK_APP_TOKEN. */
export const slackBot: BotStarter = async ({ router, config, log, engine, subscriptions, redis }) => {
  if (!slackConfigured(config)) return { stop: async () => {} };
  const adapter = createSlackAdapter({ config, engine, subscriptions, redis, logger: log });
  if (adapter.mode === "http") router.mount("/slack", adapter.requestListener);
  await adapter.start();
  return { stop: () => adapter.stop(), sender: adapter.sender };
};

if (import.meta.main) {
  try {
    await startServer();
  } catch (err) {
    process.stderr.write(`summit: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
