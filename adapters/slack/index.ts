/**
 * The Slack adapter: a Bolt app (HTTP mode on POST /slack/events, or Socket Mode when an app token
 * is set), its handlers, and the PlatformSender for digests. Single workspace with SLACK_BOT_TOKEN,
 * or multi-workspace through Bolt's OAuth flow with the installation store in Redis.
 *
 *   const slack = createSlackAdapter({ config, engine, subscriptions, redis, logger });
 *   router.mount("/slack", slack.requestListener);   // HTTP mode: commands, events, interactivity, OAuth
 *   await slack.start();                              // Socket Mode connects here
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { App, HTTPReceiver, type InstallationStore, webApi } from "@slack/bolt";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { SubscriptionService } from "../../queue/types.ts";
import type { PlatformSender } from "../../src/delivery.ts";
import { SummitError } from "../../src/errors.ts";
import { type Clock, type Engine, systemClock } from "../../src/model.ts";
import type { CommandHook } from "../../usecases/reply.ts";
import type { SourcesDeps } from "../../usecases/sources.ts";
import { type Background, createBackground } from "./background.ts";
import { toBoltLogger } from "./boltLogger.ts";
import { registerButtons } from "./buttons.ts";
import type { HandlerContext } from "./context.ts";
import { createSlackDigestSender } from "./digestSender.ts";
import { createDocumentStore } from "./documentStore.ts";
import { createEventDedupe } from "./eventDedupe.ts";
import { createFeedbackStore, type FeedbackStore } from "./feedbackStore.ts";
import { createRedisInstallationStore } from "./installationStore.ts";
import { registerSlashCommand } from "./slashCommand.ts";
import { registerThreadQuestions } from "./threadQuestions.ts";
import { createThreadStore, type ThreadStore } from "./threadStore.ts";
import { createRequestGate } from "./verifyRequest.ts";

/** The settings this adapter reads (a subset of app/config.ts's Config). */
export interface SlackConfig {
  slackBotToken?: string | undefined;
  slackSigningSecret?: string | undefined;
  slackAppToken?: string | undefined;
  slackApiUrl?: string | undefined;
  slackClientId?: string | undefined;
  slackClientSecret?: string | undefined;
  slackStateSecret?: string | undefined;
  redisPrefix: string;
}

export interface SlackAdapterDeps {
  config: SlackConfig;
  engine: Engine;
  subscriptions: SubscriptionService;
  redis: Redis;
  logger: Logger;
  clock?: Clock;
  /** Slash command name, default "/summit". */
  command?: string;
  /** Deadline for a briefing or an answer (default 20 s). */
  workTimeoutMs?: number;
  /** The news sources (`/summit sources`), when the deployment runs on the shared store. */
  sources?: SourcesDeps;
  /** Told once per slash command handled, with its outcome (the composition root counts them). */
  onCommand?: CommandHook;
}

export interface SlackAdapter {
  app: App;
  mode: "http" | "socket";
  /** For POST /slack/events (and /slack/install, /slack/oauth_redirect with OAuth) on the shared HTTP server. */
  requestListener: (req: IncomingMessage, res: ServerResponse) => void;
  sender: PlatformSender;
  threads: ThreadStore;
  feedback: FeedbackStore;
  /** Resolves when all work started by earlier requests is done (tests, graceful shutdown). */
  idle(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Bot scopes the app needs; keep in step with slack/manifest.yml. */
export const BOT_SCOPES = [
  "commands",
  "chat:write",
  "chat:write.public",
  "app_mentions:read",
  "channels:history",
  "groups:history",
  "channels:join",
  // users.info: is the caller a workspace admin or owner (adding and removing news sources).
  "users:read",
];

/** The Slack settings cannot work together (no token, no signing secret in HTTP mode). */
export class SlackConfigError extends SummitError {
  override readonly name: string = "SlackConfigError";
  constructor(message: string) {
    super("slack_config", message);
  }
}

/** start() could not reach Slack or the token was refused ("Slack auth.test failed: …"; the SDK's error is the cause). */
export class SlackStartError extends SummitError {
  override readonly name: string = "SlackStartError";
  constructor(message: string, opts: { cause?: unknown } = {}) {
    super("slack_start", message, opts);
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Bolt's WebClient wants a trailing slash on the API base URL. */
function apiUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return url.endsWith("/") ? url : `${url}/`;
}

export function createSlackAdapter(deps: SlackAdapterDeps): SlackAdapter {
  const { config, redis, logger } = deps;
  const log = logger.child({ adapter: "slack" });
  const prefix = config.redisPrefix;
  const slackApiUrl = apiUrl(config.slackApiUrl);
  const oauth = Boolean(config.slackClientId && config.slackClientSecret && config.slackStateSecret);
  const socket = Boolean(config.slackAppToken);
  if (!oauth && !config.slackBotToken) {
    throw new SlackConfigError(
      "Slack needs SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (OAuth install)",
    );
  }
  if (!socket && !config.slackSigningSecret) {
    throw new SlackConfigError(
      "Slack HTTP mode needs SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN for Socket Mode)",
    );
  }

  const boltLogger = toBoltLogger(log);
  const clientOptions: webApi.WebClientOptions = {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    retryConfig: { retries: 2, minTimeout: 200, maxTimeout: 2000 },
    // A black-holed API must not hang a call (or start-up) for minutes.
    timeout: 10_000,
  };
  const installationStore: InstallationStore | undefined = oauth
    ? createRedisInstallationStore(redis, prefix)
    : undefined;
  const oauthOptions = oauth
    ? {
        clientId: config.slackClientId as string,
        clientSecret: config.slackClientSecret as string,
        stateSecret: config.slackStateSecret as string,
        scopes: BOT_SCOPES,
        installationStore: installationStore as InstallationStore,
        installerOptions: { directInstall: true, clientOptions },
      }
    : {};
  // One workspace: our own authorize instead of Bolt's `token` option. Bolt would call auth.test in
  // its constructor and keep that promise: with Slack unreachable or the token refused, that is an
  // unhandled rejection that kills the process, and every later request fails with the same cached
  // error. Here start() calls auth.test (the server retries it with backoff, app/keepTrying.ts), and
  // until it succeeds requests are still verified and acknowledged with the bot token alone; only
  // the bot's own ids (for ignoring its own messages and stripping its mention) are missing.
  const botToken = config.slackBotToken as string;
  let identity: { botId?: string; botUserId?: string } = {};
  const tokenOptions = oauth ? {} : { authorize: async () => ({ botToken, ...identity }) };

  let receiver: HTTPReceiver | null = null;
  let app: App;
  if (socket) {
    app = new App({
      ...tokenOptions,
      ...oauthOptions,
      appToken: config.slackAppToken as string,
      socketMode: true,
      logger: boltLogger,
      clientOptions,
    });
  } else {
    receiver = new HTTPReceiver({
      signingSecret: config.slackSigningSecret as string,
      endpoints: "/slack/events",
      logger: boltLogger,
      processBeforeResponse: false,
      ...oauthOptions,
    });
    app = new App({ ...tokenOptions, receiver, logger: boltLogger, clientOptions });
  }

  // auth.test at start: one try per call (the caller retries with backoff and logs each failure in
  // one line), so the SDK's own per-request retry warnings stay out of the log.
  const authClient = new webApi.WebClient(undefined, {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    retryConfig: { retries: 0 },
    timeout: 10_000,
    logger: toBoltLogger(log.levelVal >= 50 ? log : log.child({}, { level: "error" })),
  });

  const background: Background = createBackground(log);
  const threads = createThreadStore(redis, prefix);
  const documents = createDocumentStore(redis, prefix);
  const feedback = createFeedbackStore(redis, prefix);
  const dedupe = createEventDedupe(redis, prefix);
  const clock = deps.clock ?? systemClock;
  const ctx: HandlerContext = {
    engine: deps.engine,
    subscriptions: deps.subscriptions,
    threads,
    documents,
    feedback,
    dedupe,
    background,
    log,
    clock,
    workTimeoutMs: deps.workTimeoutMs ?? 20_000,
    ...(deps.sources ? { sources: deps.sources } : {}),
    ...(deps.onCommand ? { onCommand: deps.onCommand } : {}),
  };
  // Follow each request's processing from start to end, so idle() also covers the listeners that
  // run after Bolt has acknowledged (events are acked before any listener runs).
  const processEvent = app.processEvent.bind(app);
  app.processEvent = (event) => {
    const p = processEvent(event);
    background.track("slack-request", p);
    return p;
  };
  registerSlashCommand(app, ctx, deps.command);
  registerThreadQuestions(app, ctx);
  registerButtons(app, ctx);
  app.error(async (err) => {
    log.error({ err }, "slack handler failed");
  });

  // The digest sender reports rate limits and errors to the queue instead of retrying by itself.
  const sender = createSlackDigestSender({ config, redis, logger: log, threads, documents });

  const requestListener = (req: IncomingMessage, res: ServerResponse) => {
    const notFound = () => {
      if (!res.headersSent) res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    };
    if (!receiver) return notFound();
    try {
      receiver.requestListener(req, res);
    } catch (err) {
      if ((err as { code?: string }).code !== "slack_bolt_http_receiver_deferred_request_error") {
        log.error({ err }, "slack request failed");
      }
      notFound();
    }
  };
  // Signature, timestamp (both directions), body size and shape, replays: checked before Bolt (verifyRequest.ts).
  const gatedListener = receiver
    ? createRequestGate(
        {
          signingSecret: config.slackSigningSecret as string,
          clock,
          log,
          claim: (key, ttl) => dedupe.claim(key, ttl),
        },
        requestListener,
      )
    : requestListener;

  let started = false;
  return {
    app,
    mode: socket ? "socket" : "http",
    requestListener: gatedListener,
    sender,
    threads,
    feedback,
    idle: () => background.idle(),
    async start() {
      if (!oauth) {
        const who = await authClient.auth.test({ token: botToken }).catch((err: unknown) => {
          throw new SlackStartError(`Slack auth.test failed: ${messageOf(err)}`, { cause: err });
        });
        identity = {
          ...(who.bot_id ? { botId: who.bot_id } : {}),
          ...(who.user_id ? { botUserId: who.user_id } : {}),
        };
      }
      if (socket && !started) {
        await app.start().catch((err: unknown) => {
          throw new SlackStartError(`Slack Socket Mode connection failed: ${messageOf(err)}`, { cause: err });
        });
      }
      started = true;
      log.info({ mode: socket ? "socket" : "http", oauth }, "slack adapter ready");
    },
    async stop() {
      await Promise.race([background.idle(), new Promise((r) => setTimeout(r, 10_000).unref())]);
      if (socket && started) await app.stop();
      started = false;
    },
  };
}
