/**
 * Connecting to a platform (Slack's auth.test, Discord's gateway login) without taking the process
 * down when the platform is unreachable or the token is refused: the first attempt runs at once;
 * each failure is logged as ONE line ("Slack auth.test failed: …; retrying in 4s") and the next
 * attempt follows after an exponential backoff with jitter (1 s, 2 s, 4 s … capped at 5 minutes).
 * The rest of the process (other platforms, digest workers, /healthz) keeps running meanwhile, and
 * `state()` says how the connection stands, for /healthz.
 *
 *   const slack = keepTrying({ name: "slack", attempt: () => adapter.start(), describe, log });
 *   await slack.settled(5_000);   // first attempt done (or still running after 5 s)
 *   slack.state();                // { status: "ok" | "connecting" | "degraded", … }
 *   slack.stop();                 // no more attempts (shutdown)
 */
import type { Logger } from "./logger.ts";

export interface ConnectionState {
  /** ok: connected; connecting: first attempt still running; degraded: failing, being retried. */
  status: "ok" | "connecting" | "degraded";
  /** Why the last attempt failed (one line), while degraded. */
  error?: string;
  /** Failed attempts since the last success. */
  failures: number;
  /** When the next attempt starts (ISO), while degraded. */
  nextAttemptAt?: string;
}

export interface KeepTrying {
  state(): ConnectionState;
  /** Resolves when the first attempt has finished (either way) or after `timeoutMs`, whichever comes first. */
  settled(timeoutMs: number): Promise<void>;
  /** Cancels any pending retry; an attempt under way finishes but is not retried. */
  stop(): void;
}

export interface KeepTryingOptions {
  /** Platform name, logged with each line. */
  name: string;
  attempt: () => Promise<void>;
  /** One line for a failure, e.g. `Slack auth.test failed: ${message}`. */
  describe: (err: unknown) => string;
  log: Logger;
  minDelayMs?: number;
  maxDelayMs?: number;
  /** For tests: 0..1 (default Math.random). */
  random?: () => number;
}

/** An error's message with its causes ("fetch failed: connect ECONNREFUSED 127.0.0.1:9"), on one line. */
export function errorLine(err: unknown): string {
  const parts: string[] = [];
  let e: unknown = err;
  for (let depth = 0; e !== undefined && e !== null && depth < 4; depth++) {
    const msg = e instanceof Error ? e.message : String(e);
    if (msg && !parts.some((p) => p.includes(msg))) parts.push(msg);
    e = e instanceof Error ? e.cause : undefined;
  }
  return parts.join(": ").replace(/\s+/g, " ").trim() || "unknown error";
}

export function keepTrying(opts: KeepTryingOptions): KeepTrying {
  const minDelay = opts.minDelayMs ?? 1000;
  const maxDelay = opts.maxDelayMs ?? 5 * 60_000;
  const random = opts.random ?? Math.random;
  let state: ConnectionState = { status: "connecting", failures: 0 };
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let resolveFirst: () => void = () => {};
  const first = new Promise<void>((r) => {
    resolveFirst = r;
  });

  const run = async () => {
    timer = null;
    try {
      await opts.attempt();
      if (state.failures > 0) opts.log.info({ platform: opts.name }, `${opts.name} connected`);
      state = { status: "ok", failures: 0 };
    } catch (err) {
      const failures = state.failures + 1;
      const delay = Math.round(Math.min(maxDelay, minDelay * 2 ** (failures - 1)) * (0.5 + random() / 2));
      const line = opts.describe(err);
      state = {
        status: "degraded",
        error: line,
        failures,
        nextAttemptAt: new Date(Date.now() + delay).toISOString(),
      };
      if (stopped) {
        opts.log.error({ platform: opts.name }, line);
      } else {
        opts.log.error(
          { platform: opts.name, failures },
          `${line}; retrying in ${delay >= 1000 ? `${Math.round(delay / 1000)}s` : `${delay}ms`}`,
        );
        timer = setTimeout(() => void run(), delay);
        timer.unref();
      }
    } finally {
      resolveFirst();
    }
  };
  void run();

  return {
    state: () => ({ ...state }),
    async settled(timeoutMs) {
      let t: NodeJS.Timeout | undefined;
      await Promise.race([
        first,
        new Promise<void>((r) => {
          t = setTimeout(r, timeoutMs);
          t.unref();
        }),
      ]);
      clearTimeout(t);
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
