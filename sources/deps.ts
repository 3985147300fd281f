/**
 * What fetching and polling need from the outside, passed in: the HTTP client (with its per-host
 * limiter), the robots.txt policy, the clock and the settings. `createSourceDeps` builds the
 * production set; tests build theirs against the local feed server and a controlled clock.
 */
import { POLL_DEFAULTS, type PollSettings } from "./config.ts";
import { createHttpClient, type HttpClient, type HttpClientOptions } from "./http.ts";
import { createRobotsPolicy, type RobotsPolicy } from "./robots.ts";

export interface SourceDeps {
  http: HttpClient;
  robots: RobotsPolicy;
  /** Milliseconds since the epoch. */
  now: () => number;
  settings: PollSettings;
}

export interface SourceDepsOptions {
  http?: HttpClientOptions;
  now?: () => number;
  settings?: Partial<PollSettings>;
}

/** Deps for production use; `close()` releases the HTTP connection pool (safe twice). */
export function createSourceDeps(options: SourceDepsOptions = {}): SourceDeps & { close(): Promise<void> } {
  const now = options.now ?? Date.now;
  const settings: PollSettings = { ...POLL_DEFAULTS, ...options.settings };
  const http = createHttpClient(options.http);
  const robots = createRobotsPolicy({
    http,
    now,
    ttlMs: settings.robotsTtlMs,
    errorTtlMs: settings.robotsErrorTtlMs,
    maxBytes: settings.robotsMaxBytes,
  });
  return { http, robots, now, settings, close: () => http.close() };
}
