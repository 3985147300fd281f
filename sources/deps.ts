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
  /**
   * Told when a fetched page lost part of its markup to the bounds every page passes
   * (src/corpus/htmlBounds.ts: "nesting cut at depth 100", …), to log; the article is kept.
   */
  warn?: (message: string) => void;
}

export interface SourceDepsOptions {
  http?: HttpClientOptions;
  now?: () => number;
  settings?: Partial<PollSettings>;
  warn?: (message: string) => void;
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
  return {
    http,
    robots,
    now,
    settings,
    ...(options.warn ? { warn: options.warn } : {}),
    close: () => http.close(),
  };
}
