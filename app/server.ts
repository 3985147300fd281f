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
import { mkdtempSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Redis } from "ioredis";
import { createDiscordAdapter } from "../adapters/discord/index.ts";
import { createSlackAdapter } from "../adapters/slack/index.ts";
import { type DigestHealth, DigestRuntime } from "../queue/runtime.ts";
import type { SubscriptionAdmin } from "../queue/types.ts";
import type { PlatformSender } from "../src/delivery.ts";
import { type Clock, type Engine, systemClock } from "../src/model.ts";
import type { StoreFollower } from "../store/follower.ts";
import type { RetentionTimer } from "../store/retention.ts";
import type { FollowerStatus, LiveCorpus } from "../store/types.ts";
import type { CommandHook } from "../usecases/reply.ts";
import type { SourcesDeps } from "../usecases/sources.ts";
import { type Config, ConfigError, loadConfig } from "./config.ts";
import { type ConsoleOptions, mountConsole } from "./console.ts";
import { type EngineFactory, serverEngine } from "./engine/factory.ts";
import { createRouter, listen, type Router, sendJson } from "./http.ts";
import { type ConnectionState, errorLine, keepTrying } from "./keepTrying.ts";
import { createLogger, type Logger } from "./logger.ts";
import { createMetrics } from "./metrics.ts";
import {
  configuredSenders,
  missingSenders,
  type SenderContext,
  type SenderMap,
  slackConfigured,
} from "./senders.ts";
import type { OpenStore } from "./store.ts";

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
  /** How long to wait for the platform's first connection attempt before going on (it is retried). */
  connectWaitMs?: number;
  /** The news sources (`/summit sources`), when the process runs on the shared store. */
  sources?: SourcesDeps;
  /** Told once per command handled (summit_commands_total{surface,command,outcome} on GET /metrics). */
  onCommand?: CommandHook;
}
/** A started adapter: how to stop it, and its digest sender (reused by a worker in the same process). */
export interface StartedBot {
  stop(): Promise<void>;
  sender?: PlatformSender;
  /** Its platform and how its connection stands (for /healthz); absent when it has none to watch. */
  health?: () => { platform: string } & ConnectionState;
}
export type BotStarter = (ctx: BotContext) => Promise<StartedBot>;

export interface ServerDeps {
  config?: Config;
  log?: Logger;
  clock?: Clock;
  /**
   * Default: the core engine over the configured corpus, in worker threads (app/engine/factory.ts
   * serverEngine: app/engine/pool.ts, SUMMIT_ENGINE_THREADS; 0 runs it in-process, app/engine/create.ts).
   */
  engine?: EngineFactory;
  /** Default: a sender for each platform whose token is set (app/senders.ts). */
  senders?: SenderMap | ((ctx: SenderContext) => SenderMap);
  /** Default: the Slack and Discord adapters, each when configured. */
  bots?: BotStarter[];
  /**
   * Install process handlers (default true; tests turn it off): SIGTERM/SIGINT shut down cleanly and
   * exit 0; an unhandled rejection is logged and the process carries on; an uncaught exception is
   * logged, then the process shuts down and exits 1.
   */
  handleSignals?: boolean;
  /** How long start-up waits for a platform's first connection attempt before going on without it (default 5 s). */
  connectWaitMs?: number;
  /** How often the worker role brings the sources' job schedulers in line with the registry (default 1 min). */
  sourcesReconcileMs?: number;
  /** The web console (/console): test hooks (feed fetching options, login limit). */
  console?: ConsoleOptions;
}

/**
 * /healthz: status "degraded" when Redis is down or a platform is not connected (being retried);
 * the HTTP status is 503 only when Redis is down (nothing works), else 200, so a load balancer does
 * not restart a process whose other platform and digest workers are fine.
 */
export type Health = DigestHealth & {
  status: "ok" | "degraded";
  roles: Role[];
  platforms: Record<string, ConnectionState>;
  /** With the shared store (SUMMIT_STORE=redis, the default of `npm start`). */
  store?: StoreHealth;
};

/** The shared store as this process sees it: sources by status, and how far its index lags the change log. */
export interface StoreHealth {
  articles: number | null;
  sources: { ok: number; failing: number; disabled: number } | null;
  /** This process's follower (absent without an engine): entries behind, and the age of the oldest unapplied one. */
  changeLog:
    | (Pick<FollowerStatus, "lastId" | "applied" | "reloads" | "p50LagMs" | "p99LagMs" | "lastError"> & {
        behind: number | null;
        oldestUnappliedMs: number | null;
      })
    | null;
  error?: string;
}

/** The live parts of a process on the shared store, and how to stop them. */
interface Live {
  open: OpenStore;
  follower: StoreFollower | null;
  retention: RetentionTimer | null;
  stops: (() => Promise<void>)[];
}

export interface RunningServer {
  port: number;
  roles: Set<Role>;
  digests: DigestRuntime;
  health(): Promise<Health>;
  close(): Promise<void>;
}

export async function startServer(deps: ServerDeps = {}): Promise<RunningServer> {
  const config = deps.config ?? loadConfig();
  const log = deps.log ?? createLogger(config.logLevel);
  const roles = parseRoles(config.roles);
  const clock = deps.clock ?? systemClock;
  log.info({ roles: [...roles], port: config.port }, "summit starting");
  // Installed before anything starts, so even a rejection during start-up is logged, not fatal.
  const closeRef: { current: (() => Promise<void>) | null } = { current: null };
  if (deps.handleSignals ?? true) installProcessHandlers(log, closeRef);

  const digests = await DigestRuntime.start({
    redisUrl: config.redisUrl,
    prefix: config.redisPrefix,
    clock,
    log,
    scheduler: roles.has("scheduler"),
  });
  const stops: (() => Promise<void>)[] = [];
  const platformHealth: NonNullable<StartedBot["health"]>[] = [];
  /** Stops the engine's threads, after the adapters and the digest workers have finished with it. */
  let engineClose: () => Promise<void> = async () => {};
  const router = createRouter(log);
  // GET /metrics (app/metrics.ts); the engine is metered so every surface's briefings are timed.
  const metrics = createMetrics({
    queue: digests.queue,
    redisUrl: config.redisUrl,
    prefix: config.redisPrefix,
    log,
  });
  let consoleEngine: Engine | null = null;
  let live: Live | null = null;
  try {
    const needsEngine = roles.has("worker") || roles.has("bot");
    let rawEngine: Engine | null = null;
    if (config.store === "redis") {
      live = await startLive(config, log, clock, roles, deps.sourcesReconcileMs);
      if (needsEngine) {
        rawEngine = await liveEngine(config, log, deps.engine ?? serverEngine);
        const follower = live.open.store.follower(rawEngine as unknown as LiveCorpus);
        live.follower = follower;
        await follower.start();
        metrics.followChangeLog(() => follower.status());
        log.info(
          { articles: follower.status().applied },
          "engine loaded from the shared store; following its change log",
        );
      }
    } else if (needsEngine) {
      rawEngine = await (deps.engine ?? serverEngine)(config, log);
    }
    const engine = rawEngine ? metrics.meter(rawEngine) : null;
    consoleEngine = engine;
    if (engine && "close" in engine && typeof engine.close === "function") {
      const closeEngine = engine.close.bind(engine) as () => Promise<void>;
      engineClose = closeEngine;
    }
    // An in-process engine builds its topic suggestions in the background (in slices), so the first
    // autocomplete is quick (engine threads build them before they report ready).
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
          connectWaitMs: deps.connectWaitMs ?? 5_000,
          onCommand: (surface, command, outcome) => metrics.command(surface, command, outcome),
          ...(live ? { sources: await liveSourcesDeps(live.open) } : {}),
        });
        stops.push(() => bot.stop());
        if (bot.health) platformHealth.push(bot.health);
        if (bot.sender) botSenders[bot.sender.platform] = bot.sender;
      }
    }
    if (roles.has("worker") && engine) {
      const ctx = { config, log, redis: digests.redis, engine, subscriptions: digests.service };
      const senders =
        typeof deps.senders === "function"
          ? deps.senders(ctx)
          : (deps.senders ?? { ...configuredSenders(ctx, { skip: Object.keys(botSenders) }), ...botSenders });
      // A platform with subscriptions but no credentials here would fail every attempt and drop its
      // slots: refuse to start, naming the setting.
      const missing = await missingSenders(ctx, senders);
      if (missing) throw new ConfigError(missing);
      if (Object.keys(senders).length === 0) {
        log.warn(
          "worker role without platform tokens (SLACK_BOT_TOKEN / DISCORD_TOKEN): digests will fail and retry",
        );
      }
      digests.startWorker({ engine, senders });
    }
  } catch (err) {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    await metrics.close();
    await digests.close();
    await stopLive(live, log);
    await engineClose().catch(() => {});
    throw err;
  }

  const health = async (): Promise<Health> => {
    const h = await digests.health();
    const platforms: Record<string, ConnectionState> = {};
    for (const get of platformHealth) {
      const { platform, ...state } = get();
      platforms[platform] = state;
    }
    const allUp = h.redis === "up" && Object.values(platforms).every((p) => p.status === "ok");
    const store = live ? await storeHealth(live) : undefined;
    return {
      status: allUp ? "ok" : "degraded",
      roles: [...roles],
      platforms,
      ...h,
      ...(store ? { store } : {}),
    };
  };
  router.get("/healthz", async (_req, res) => {
    const h = await health();
    sendJson(res, h.redis === "up" ? 200 : 503, h);
  });
  // The web console at /console and GET /metrics (app/console.ts; console/README.md).
  const web = mountConsole({
    router,
    config,
    log,
    clock,
    engine: consoleEngine,
    digests,
    health,
    metrics,
    options: deps.console,
    open: live?.open,
  });
  stops.push(async () => {
    await web.close();
    await metrics.close();
  });

  let server: Server;
  try {
    server = await listen(router, config.port);
  } catch (err) {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    await digests.close();
    await stopLive(live, log);
    await engineClose().catch(() => {});
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
      await stopLive(live, log); // polling, follower, retention, the store's connection
      await engineClose().catch((err: unknown) => log.error({ err }, "stopping the engine threads failed"));
      server.closeAllConnections();
      await httpClosed;
      log.info("summit stopped");
    })();
    return closing;
  };

  closeRef.current = close;
  return { port, roles, digests, health, close };
}

/**
 * The shared store for this process: opened, the SUMMIT_CORPUS folder imported once when it is empty,
 * retention on its schedule, and (worker role) polling of the sources on BullMQ job schedulers.
 */
async function startLive(
  config: Config,
  log: Logger,
  clock: Clock,
  roles: Set<Role>,
  reconcileEveryMs?: number,
): Promise<Live> {
  const { openStore } = await import("./store.ts");
  const open = await openStore(config, { log, clock, connectionName: "summit-store" });
  const live: Live = { open, follower: null, retention: null, stops: [] };
  try {
    const imported = await open.store.importFolderOnce(config.corpusDir);
    if (imported.imported)
      log.info({ dir: config.corpusDir, added: imported.added }, "imported the corpus folder");
    live.retention = open.store.retention();
    if (roles.has("worker")) {
      const { SourcePolling } = await import("./polling.ts");
      const polling = new SourcePolling({
        open,
        redisUrl: config.redisUrl,
        prefix: config.redisPrefix,
        clock,
        log,
        worker: true,
        reconcile: true,
        ...(reconcileEveryMs ? { reconcileEveryMs } : {}),
      });
      await polling.start();
      live.stops.push(() => polling.close());
    }
    return live;
  } catch (err) {
    await stopLive(live, log);
    throw err;
  }
}

/**
 * The engine of a process on the shared store: built over no articles (the follower loads the store
 * into it), used as is when it implements LiveCorpus, else replaced by an in-process engine rebuilt on
 * changes (app/liveEngine.ts).
 */
async function liveEngine(config: Config, log: Logger, factory: EngineFactory): Promise<Engine> {
  const { isLiveCorpus, RebuildingEngine } = await import("./liveEngine.ts");
  const empty = mkdtempSync(join(tmpdir(), "summit-empty-corpus-"));
  const engine = await factory({ ...config, corpusDir: empty }, log);
  if (isLiveCorpus(engine)) return engine;
  log.warn(
    "the engine cannot add articles incrementally (no LiveCorpus): rebuilding an in-process engine on changes",
  );
  if ("close" in engine && typeof engine.close === "function") await (engine.close as () => Promise<void>)();
  const { createEngine } = await import("./engine/create.ts");
  return new RebuildingEngine((articles) => createEngine(config, { articles, logger: log }));
}

async function liveSourcesDeps(open: OpenStore): Promise<SourcesDeps> {
  const { sourcesDeps } = await import("./store.ts");
  return sourcesDeps(open);
}

async function storeHealth(live: Live): Promise<StoreHealth> {
  try {
    const [articles, sources, check] = await Promise.all([
      live.open.store.articles.count(),
      live.open.store.sources.countByStatus(),
      live.follower ? live.follower.check() : Promise.resolve(null),
    ]);
    const st = live.follower?.status();
    return {
      articles,
      sources,
      changeLog:
        st && check
          ? {
              lastId: st.lastId,
              behind: check.behind,
              oldestUnappliedMs: check.oldestUnappliedMs,
              applied: st.applied,
              reloads: st.reloads,
              p50LagMs: st.p50LagMs,
              p99LagMs: st.p99LagMs,
              lastError: st.lastError,
            }
          : null,
    };
  } catch (err) {
    return { articles: null, sources: null, changeLog: null, error: (err as Error).message };
  }
}

async function stopLive(live: Live | null, log: Logger): Promise<void> {
  if (!live) return;
  for (const stop of live.stops.splice(0).reverse())
    await stop().catch((err: unknown) => log.error({ err }, "stopping source polling failed"));
  await live.follower?.stop().catch(() => {});
  await live.retention?.close().catch(() => {});
  await live.open.close();
}

/** Longest a shutdown may take before the process exits anyway (jobs are released to other workers). */
const SHUTDOWN_DEADLINE_MS = 30_000;

function installProcessHandlers(log: Logger, closeRef: { current: (() => Promise<void>) | null }): void {
  let shuttingDown = false;
  const shutdown = (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    const close = closeRef.current;
    if (!close) process.exit(code); // still starting: nothing to finish yet
    const deadline = setTimeout(() => {
      log.error({ deadlineMs: SHUTDOWN_DEADLINE_MS }, "shutdown took too long; exiting");
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    close().then(
      () => process.exit(code),
      (err: unknown) => {
        log.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      log.info({ signal }, "signal received");
      shutdown(0);
    });
  }
  // A stray rejection (a library's background promise, say) is a bug to fix, not a reason to drop
  // every other request and job: log it and carry on.
  process.on("unhandledRejection", (reason) => {
    log.error({ err: reason }, `unhandled rejection: ${errorLine(reason)}`);
  });
  // After an uncaught exception the process state is unknown: log it, shut down cleanly, exit 1.
  process.on("uncaughtException", (err, origin) => {
    log.fatal({ err, origin }, `uncaught exception: ${errorLine(err)}`);
    shutdown(1);
  });
}

/**
 * Starts a bot's platform connection (auth.test, gateway login) through keepTrying: the first
 * attempt gets `waitMs` before start-up goes on; failures are logged in one line and retried with
 * backoff in the background, and /healthz reports the platform as degraded meanwhile.
 */
async function connect(
  platform: string,
  adapter: { start(): Promise<void>; stop(): Promise<void>; sender: PlatformSender },
  log: Logger,
  waitMs: number,
): Promise<StartedBot> {
  const conn = keepTrying({ name: platform, attempt: () => adapter.start(), describe: errorLine, log });
  await conn.settled(waitMs);
  return {
    stop: async () => {
      conn.stop();
      await adapter.stop();
    },
    sender: adapter.sender,
    health: () => ({ platform, ...conn.state() }),
  };
}

/** Discord: HTTP interactions at /discord/interactions (when DISCORD_PUBLIC_KEY is set) and the gateway (DISCORD_TOKEN). */
export const discordBot: BotStarter = async ({
  router,
  config,
  log,
  engine,
  subscriptions,
  redis,
  connectWaitMs,
  sources,
  onCommand,
}) => {
  if (!config.discordToken && !config.discordPublicKey) return { stop: async () => {} };
  const adapter = createDiscordAdapter({
    config,
    engine,
    subscriptions,
    redis,
    logger: log,
    gateway: Boolean(config.discordToken),
    ...(sources ? { sources } : {}),
    ...(onCommand ? { onCommand } : {}),
  });
  if (adapter.interactionsHandler) router.mount("/discord/interactions", adapter.interactionsHandler);
  if (!config.discordToken) return { stop: () => adapter.stop() };
  const gateway = {
    start: () =>
      adapter.start().catch((err: unknown) => {
        throw new Error(`Discord gateway login failed: ${errorLine(err)}`, { cause: err });
      }),
    stop: () => adapter.stop(),
    sender: adapter.sender,
  };
  return connect("discord", gateway, log, connectWaitMs ?? 5_000);
};

/** Slack: Bolt on /slack/* (events, commands, interactivity, OAuth) or Socket Mode with SLACK_APP_TOKEN. */
export const slackBot: BotStarter = async ({
  router,
  config,
  log,
  engine,
  subscriptions,
  redis,
  connectWaitMs,
  sources,
  onCommand,
}) => {
  if (!slackConfigured(config)) return { stop: async () => {} };
  const adapter = createSlackAdapter({
    config,
    engine,
    subscriptions,
    redis,
    logger: log,
    ...(sources ? { sources } : {}),
    ...(onCommand ? { onCommand } : {}),
  });
  if (adapter.mode === "http") router.mount("/slack", adapter.requestListener);
  return connect("slack", adapter, log, connectWaitMs ?? 5_000);
};

if (import.meta.main) {
  try {
    // `npm start` runs on the shared store unless SUMMIT_STORE says otherwise.
    await startServer({ config: loadConfig(process.env, { defaults: { store: "redis" } }) });
  } catch (err) {
    process.stderr.write(`summit: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
