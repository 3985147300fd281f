/**
 * GET /metrics: Prometheus text format with prom-client, named the way Prometheus' own conventions
 * say (`summit_` prefix, base units: seconds, `_total` counters, low-cardinality labels), so Grafana
 * charts it as it is. What it counts:
 *   summit_commands_total{surface,command,outcome}          commands handled: slack and discord slash
 *                                                           commands (the server passes `command` to the
 *                                                           adapters as their onCommand hook), web = console
 *   summit_briefing_duration_seconds / summit_answer_duration_seconds   engine latency, every surface
 *   summit_digest_deliveries_total{outcome}                 digest jobs settled (delivered, skipped, failed…)
 *   summit_source_polls_total{outcome}                      feed polls (ok, not-modified, failed, busy)
 *   summit_changelog_lag_seconds / summit_changelog_entries_behind   the store follower, when one runs
 *   summit_queue_jobs{queue,state}                          queue depths, read at scrape time
 * plus prom-client's default process metrics (CPU, memory, event-loop lag) under `summit_`.
 */
import { type Queue, QueueEvents } from "bullmq";
import type { Logger } from "pino";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { createRedis } from "../queue/redis.ts";
import type { Engine } from "../src/model.ts";
import type { FollowerStatus } from "../store/types.ts";

const LATENCY_BUCKETS = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10];

export interface Metrics {
  registry: Registry;
  command(surface: string, command: string, outcome: "ok" | "error"): void;
  poll(outcome: string): void;
  /** The engine with its brief/ask timed (everything else passes through). */
  meter<E extends Engine>(engine: E): E;
  /** Reports the change-log follower's status at scrape time (a process with a live corpus sets it). */
  followChangeLog(status: () => FollowerStatus | null): void;
  text(): Promise<string>;
  contentType: string;
  close(): Promise<void>;
}

export function createMetrics(opts: {
  queue?: Queue;
  /** With these, a QueueEvents connection counts digest deliveries as they settle. */
  redisUrl?: string;
  prefix?: string;
  log: Logger;
  defaultMetrics?: boolean;
}): Metrics {
  const registry = new Registry();
  if (opts.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: "summit_" });
  const commands = new Counter({
    name: "summit_commands_total",
    help: "Commands handled, by surface (slack, discord, cli, web), command and outcome (ok, error).",
    labelNames: ["surface", "command", "outcome"] as const,
    registers: [registry],
  });
  const briefing = new Histogram({
    name: "summit_briefing_duration_seconds",
    help: "Time the engine took to write a briefing.",
    labelNames: ["outcome"] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const answer = new Histogram({
    name: "summit_answer_duration_seconds",
    help: "Time the engine took to answer a question.",
    labelNames: ["outcome"] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const deliveries = new Counter({
    name: "summit_digest_deliveries_total",
    help: "Digest jobs settled, by outcome (delivered, already-delivered, skipped, failed, attempt_failed).",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });
  const polls = new Counter({
    name: "summit_source_polls_total",
    help: "Feed polls, by outcome (ok, not-modified, failed, busy).",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });
  const queue = opts.queue;
  if (queue) {
    new Gauge({
      name: "summit_queue_jobs",
      help: "Jobs in a queue by state, read at scrape time.",
      labelNames: ["queue", "state"] as const,
      registers: [registry],
      async collect() {
        try {
          const counts = await queue.getJobCounts("waiting", "active", "delayed", "failed", "completed");
          for (const [state, n] of Object.entries(counts)) this.set({ queue: queue.name, state }, n);
        } catch (err) {
          opts.log.debug({ err }, "metrics: queue counts unavailable");
        }
      },
    });
  }

  let events: QueueEvents | null = null;
  let eventsRedis: ReturnType<typeof createRedis> | null = null;
  if (queue && opts.redisUrl) {
    eventsRedis = createRedis(opts.redisUrl, { bullmq: true, name: "summit-metrics-events" });
    eventsRedis.on("error", () => {});
    events = new QueueEvents(queue.name, {
      connection: eventsRedis,
      ...(opts.prefix ? { prefix: opts.prefix } : {}),
    });
    events.on("error", (err) => opts.log.debug({ err }, "metrics: queue events error"));
    events.on("completed", ({ returnvalue }) => {
      const status = (returnvalue as unknown as { status?: string } | null)?.status;
      deliveries.inc({ outcome: typeof status === "string" ? status : "unknown" });
    });
    events.on("failed", () => deliveries.inc({ outcome: "attempt_failed" }));
  }

  const timed =
    <A extends unknown[], R>(h: Histogram<"outcome">, fn: (...a: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const end = h.startTimer();
      try {
        const r = await fn(...args);
        end({ outcome: "ok" });
        return r;
      } catch (err) {
        end({ outcome: "error" });
        throw err;
      }
    };

  return {
    registry,
    command: (surface, command, outcome) => commands.inc({ surface, command, outcome }),
    poll: (outcome) => polls.inc({ outcome }),
    meter<E extends Engine>(engine: E): E {
      const brief = timed(briefing, engine.brief.bind(engine));
      const ask = timed(answer, engine.ask.bind(engine));
      return new Proxy(engine, {
        get(target, prop, receiver) {
          if (prop === "brief") return brief;
          if (prop === "ask") return ask;
          const v = Reflect.get(target, prop, receiver);
          return typeof v === "function" ? v.bind(target) : v;
        },
      });
    },
    followChangeLog(status) {
      // Registered only here, so a process without a follower shows no made-up zero lag.
      if (registry.getSingleMetric("summit_changelog_lag_seconds")) return;
      new Gauge({
        name: "summit_changelog_lag_seconds",
        help: "Time between an article change and this process applying it (last applied entry).",
        registers: [registry],
        collect() {
          const s = status();
          if (s?.lastLagMs != null) this.set(s.lastLagMs / 1000);
        },
      });
      new Gauge({
        name: "summit_changelog_entries_behind",
        help: "Change-log entries written but not yet applied by this process.",
        registers: [registry],
        collect() {
          const s = status();
          if (s) this.set(s.behind);
        },
      });
    },
    text: () => registry.metrics(),
    contentType: registry.contentType,
    async close() {
      await events?.close().catch(() => {});
      eventsRedis?.disconnect();
    },
  };
}
