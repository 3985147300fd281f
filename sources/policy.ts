/**
 * When to poll a source next, and how its state moves after a poll: pure functions of the state, the
 * outcome and the time (passed in), so tests control the clock. The rules, after Miniflux and
 * MonitoRSS:
 * - interval: the user's (default 15 minutes, never under 5), raised to the feed's <ttl> or
 *   sy:updatePeriod, or the response's Cache-Control max-age, never beyond 24 hours;
 * - after a failure: exponential backoff, interval × 2^failures, at most 24 hours, and never before a
 *   429/503's Retry-After (itself honoured up to 24 hours);
 * - 10 failures in a row disable the source with the reason; HTTP 410 Gone disables it at once;
 * - a good response (200 or 304) resets the failures and re-enables; its validators are kept for the
 *   next conditional GET (an empty or absent validator is never kept).
 */
import { POLL_DEFAULTS, type PollSettings } from "./config.ts";
import { HttpStatusError, type SourceError } from "./errors.ts";
import type { SourceState, SourceStatus } from "./types.ts";

export interface FreshnessHints {
  /** RSS <ttl>, minutes. */
  ttlMinutes?: number | null;
  /** sy:updatePeriod / updateFrequency, ms. */
  updateEveryMs?: number | null;
  /** Cache-Control header of the response. */
  cacheControl?: string | null;
}

/** The user's interval, defaulted and clamped to the minimum. */
export function normalizeEvery(everyMs: number | null | undefined, s: PollSettings = POLL_DEFAULTS): number {
  if (everyMs == null || !Number.isFinite(everyMs) || everyMs <= 0) return s.defaultEveryMs;
  return Math.max(s.minEveryMs, Math.round(everyMs));
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "15m", "90s", "2h", "1d", "1h30m" or a bare number of minutes → ms; null when unreadable. */
export function parseInterval(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(t)) return Math.round(Number(t) * UNIT_MS.m!);
  const parts = [...t.matchAll(/(\d+(?:\.\d+)?)\s*([smhd])/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== t.replace(/\s+/g, "")) return null;
  return Math.round(parts.reduce((sum, p) => sum + Number(p[1]) * UNIT_MS[p[2]!]!, 0));
}

/** max-age of a Cache-Control header, ms; null for none, no-cache or no-store (s-maxage is for shared caches, not us). */
export function maxAgeMs(cacheControl: string | null | undefined): number | null {
  if (!cacheControl) return null;
  const cc = cacheControl.toLowerCase();
  if (/\bno-(cache|store)\b/.test(cc)) return null;
  const m = /(?:^|[,\s])max-age\s*=\s*"?(\d+)/.exec(cc);
  return m ? Number(m[1]) * 1000 : null;
}

/** Retry-After (delta-seconds or an HTTP date) as a delay from `now`, ms; null when absent or unreadable. */
export function retryAfterMs(value: string | null | undefined, now: number): number | null {
  const v = value?.trim();
  if (!v) return null;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  if (Number.isNaN(t)) return null;
  return Math.max(0, t - now);
}

/** The wait after a good response. */
export function successDelay(
  everyMs: number,
  hints: FreshnessHints,
  s: PollSettings = POLL_DEFAULTS,
): number {
  const base = normalizeEvery(everyMs, s);
  const raised = Math.max(
    (hints.ttlMinutes ?? 0) * 60_000,
    hints.updateEveryMs ?? 0,
    maxAgeMs(hints.cacheControl) ?? 0,
  );
  // Hints raise the interval, up to the cap; a user interval above the cap is kept as it is.
  return Math.max(base, Math.min(raised, s.maxIntervalMs));
}

/** The wait after the n-th failure in a row (n ≥ 1), honouring a Retry-After delay. */
export function failureDelay(
  everyMs: number,
  failures: number,
  retryAfter: number | null,
  s: PollSettings = POLL_DEFAULTS,
): number {
  const base = normalizeEvery(everyMs, s);
  const backoff = Math.min(base * 2 ** Math.min(failures, 30), Math.max(base, s.maxBackoffMs));
  const honoured = retryAfter == null ? 0 : Math.min(retryAfter, s.maxIntervalMs);
  return Math.max(backoff, honoured);
}

export function statusOf(failures: number, disabled: boolean): SourceStatus {
  if (disabled) return "disabled";
  return failures > 0 ? "failing" : "ok";
}

export interface GoodResponse {
  etag: string | null;
  lastModified: string | null;
  hints: FreshnessHints;
  /** A permanent redirect's target: the feed's new address. */
  movedTo?: string | null;
  /** Keep the previous validators (some items were left for the next poll, so 304 must not hide them). */
  keepValidators?: boolean;
}

const iso = (t: number) => new Date(t).toISOString();

/** The state after a 200 or 304. */
export function afterSuccess(
  state: SourceState,
  now: number,
  good: GoodResponse,
  s: PollSettings = POLL_DEFAULTS,
): SourceState {
  return {
    ...state,
    feedUrl: good.movedTo ?? state.feedUrl,
    etag: good.keepValidators ? state.etag : good.etag?.trim() || null,
    lastModified: good.keepValidators ? state.lastModified : good.lastModified?.trim() || null,
    failures: 0,
    lastError: null,
    lastFetchAt: iso(now),
    nextFetchAt: iso(now + successDelay(state.everyMs, good.hints, s)),
    disabledReason: null,
    status: "ok",
  };
}

/** The state after a failed poll: backoff, or disabled after too many failures or a permanent error. */
export function afterFailure(
  state: SourceState,
  now: number,
  error: SourceError,
  s: PollSettings = POLL_DEFAULTS,
): SourceState {
  const failures = state.failures + 1;
  const retryAfter =
    error instanceof HttpStatusError && (error.status === 429 || error.status === 503)
      ? retryAfterMs(error.retryAfter, now)
      : null;
  const gone = error instanceof HttpStatusError && error.status === 410;
  let disabledReason: string | null = null;
  if (gone) disabledReason = `the feed is gone (${error.message})`;
  else if (failures >= s.maxFailures)
    disabledReason = `${failures} failures in a row; the last: ${error.message}`;
  return {
    ...state,
    failures,
    lastError: error.message,
    lastFetchAt: iso(now),
    nextFetchAt: disabledReason ? null : iso(now + failureDelay(state.everyMs, failures, retryAfter, s)),
    disabledReason,
    status: statusOf(failures, disabledReason !== null),
  };
}
