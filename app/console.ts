/**
 * Wires the web console (console/) into the server: its ports over the digest runtime, the feedback
 * log, /healthz and the source registry, mounted at /console on the one HTTP port.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { type ConsoleHandler, createConsole } from "../console/handler.ts";
import type { ConsoleDeps, PollSummary } from "../console/ports.ts";
import { recentDeliveries } from "../queue/recent.ts";
import type { DigestRuntime } from "../queue/runtime.ts";
import type { SourceDepsOptions } from "../sources/deps.ts";
import type { Clock, Engine } from "../src/model.ts";
import { SharedStore } from "../store/sharedStore.ts";
import type { FeedbackVote } from "../usecases/feedback.ts";
import type { Config } from "./config.ts";
import { consoleSources } from "./consoleSources.ts";
import { endedSessionsInRedis, loginAttemptsInRedis } from "./consoleStores.ts";
import type { Router } from "./http.ts";
import type { Logger } from "./logger.ts";
import type { Metrics } from "./metrics.ts";
import type { OpenStore } from "./store.ts";

/** What tests and benches may change about the console. */
export interface ConsoleOptions {
  /**
   * Feed fetching options (tests allow the local feed server on 127.0.0.1), folder mode only: in store
   * mode the console uses the server's feed client (SUMMIT_ALLOW_PRIVATE_NETWORKS).
   */
  sourceHttp?: SourceDepsOptions["http"];
  loginLimit?: ConsoleDeps["loginLimit"];
}

/** Try it has no platform's 3-second deadline, but a person is still waiting. */
const TRY_DEADLINE_MS = 15_000;

export function mountConsole(ctx: {
  router: Router;
  config: Config;
  log: Logger;
  clock: Clock;
  engine: Engine | null;
  digests: DigestRuntime;
  health: () => Promise<object>;
  metrics: Metrics;
  options?: ConsoleOptions | undefined;
  /**
   * The shared store and feed client the server opened (store mode): the console uses them rather than
   * opening a second view and a second HTTP pool. Without them (folder mode) it opens its own over the
   * digests' Redis connection, closed with the console.
   */
  open?: Pick<OpenStore, "store" | "redis" | "fetching"> | undefined;
}): { console: ConsoleHandler; close(): Promise<void> } {
  const { digests, config, metrics } = ctx;
  const onPoll = (outcome: PollSummary["status"]) => metrics.poll(outcome);
  const sources = ctx.open
    ? consoleSources({
        store: ctx.open.store,
        redis: ctx.open.redis,
        clock: ctx.clock,
        fetching: ctx.open.fetching,
        onPoll,
      })
    : consoleSources({
        store: new SharedStore({
          redis: digests.redis,
          prefix: config.redisPrefix,
          clock: ctx.clock,
          log: ctx.log,
        }),
        redis: digests.redis,
        clock: ctx.clock,
        ...(ctx.options?.sourceHttp ? { http: ctx.options.sourceHttp } : {}),
        onPoll,
      });
  // The Slack adapter's feedback log (adapters/slack/feedbackStore.ts): every vote, newest last.
  const feedbackLog = `${config.redisPrefix}:slack:feedback-log`;
  const handler = createConsole({
    clock: ctx.clock,
    token: config.consoleToken,
    engine: ctx.engine,
    deadlineMs: TRY_DEADLINE_MS,
    subscriptions: {
      list: () => digests.service.list(),
      get: (id) => digests.service.get(id),
      nextDelivery: (sub, from) => digests.service.nextDelivery(sub, from),
      pause: (id, reason) => digests.store.pause(id, reason),
      resume: (id) => digests.service.resume(id),
      sendNow: (id) => digests.sendNow(id, { timeoutMs: 60_000 }),
    },
    deliveries: { recent: (limit) => recentDeliveries(digests.queue, limit) },
    feedback: {
      async recent(limit) {
        const raw = await digests.redis.lrange(feedbackLog, -limit, -1);
        return raw.flatMap((r) => {
          try {
            return [JSON.parse(r) as FeedbackVote];
          } catch {
            return [];
          }
        });
      },
    },
    health: async () => ({ ...(await ctx.health()) }),
    sources,
    secureCookie: config.consoleSecureCookie,
    endedSessions: endedSessionsInRedis(digests.redis, `${config.redisPrefix}:console:ended`, ctx.clock),
    loginAttempts: loginAttemptsInRedis(
      digests.redis,
      `${config.redisPrefix}:console:attempts`,
      ctx.clock,
      ctx.options?.loginLimit,
    ),
    onCommand: (command, outcome) => metrics.command("web", command, outcome),
  });
  ctx.router.mount("/console", (req: IncomingMessage, res: ServerResponse) => handler.handle(req, res));
  ctx.router.get("/metrics", async (req, res) => {
    const who = await handler.auth.identify(req);
    if (who.kind === "none") {
      const [status, text] =
        who.reason === "forbidden"
          ? [403, "metrics: loopback only unless SUMMIT_CONSOLE_TOKEN is set\n"]
          : who.reason === "limited"
            ? [429, `metrics: too many wrong tokens; try again in ${who.retryAfter} s\n`]
            : [401, "metrics: send Authorization: Bearer <SUMMIT_CONSOLE_TOKEN>\n"];
      res.writeHead(status, {
        "content-type": "text/plain; charset=utf-8",
        ...(who.reason === "limited" ? { "retry-after": String(who.retryAfter) } : {}),
      });
      res.end(text);
      return;
    }
    const text = await metrics.text();
    res.writeHead(200, { "content-type": metrics.contentType });
    res.end(text);
  });
  return { console: handler, close: () => sources.close() };
}
