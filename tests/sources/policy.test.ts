import { describe, expect, it } from "vitest";
import { POLL_DEFAULTS } from "../../sources/config.ts";
import { HttpStatusError, SourceError } from "../../sources/errors.ts";
import {
  afterFailure,
  afterSuccess,
  failureDelay,
  maxAgeMs,
  normalizeEvery,
  parseInterval,
  retryAfterMs,
  successDelay,
} from "../../sources/policy.ts";
import { newSource } from "./helpers.ts";

const MIN = 60_000;
const HOUR = 60 * MIN;
const NOW = Date.parse("2024-06-03T08:00:00Z");

describe("poll policy (pure)", () => {
  it("intervals: default 15 minutes, never under 5", () => {
    expect(normalizeEvery(undefined)).toBe(15 * MIN);
    expect(normalizeEvery(0)).toBe(15 * MIN);
    expect(normalizeEvery(MIN)).toBe(5 * MIN);
    expect(normalizeEvery(2 * HOUR)).toBe(2 * HOUR);
    expect(parseInterval("15m")).toBe(15 * MIN);
    expect(parseInterval("1h30m")).toBe(90 * MIN);
    expect(parseInterval("90s")).toBe(90_000);
    expect(parseInterval("1d")).toBe(24 * HOUR);
    expect(parseInterval("20")).toBe(20 * MIN);
    expect(parseInterval("soon")).toBeNull();
    expect(parseInterval("15 minutes")).toBeNull();
  });

  it("reads Cache-Control and Retry-After", () => {
    expect(maxAgeMs("public, max-age=600")).toBe(600_000);
    expect(maxAgeMs("s-maxage=120")).toBeNull();
    expect(maxAgeMs("s-maxage=120, max-age=60")).toBe(60_000);
    expect(maxAgeMs("no-cache, max-age=600")).toBeNull();
    expect(maxAgeMs(null)).toBeNull();
    expect(retryAfterMs("120", NOW)).toBe(120_000);
    expect(retryAfterMs(new Date(NOW + 3 * HOUR).toUTCString(), NOW)).toBe(3 * HOUR);
    expect(retryAfterMs(new Date(NOW - HOUR).toUTCString(), NOW)).toBe(0);
    expect(retryAfterMs("whenever", NOW)).toBeNull();
  });

  it("ttl, sy:updatePeriod and max-age raise the interval, up to 24 hours", () => {
    expect(successDelay(15 * MIN, {})).toBe(15 * MIN);
    expect(successDelay(15 * MIN, { ttlMinutes: 60 })).toBe(HOUR);
    expect(successDelay(15 * MIN, { ttlMinutes: 5 })).toBe(15 * MIN); // never lowered
    expect(successDelay(15 * MIN, { cacheControl: "max-age=1800" })).toBe(30 * MIN);
    expect(successDelay(15 * MIN, { updateEveryMs: 2 * HOUR, ttlMinutes: 60 })).toBe(2 * HOUR);
    expect(successDelay(15 * MIN, { ttlMinutes: 100_000 })).toBe(24 * HOUR);
    expect(successDelay(48 * HOUR, {})).toBe(48 * HOUR); // the user's own long interval stands
  });

  it("failures back off exponentially, at most 24 hours, and never before Retry-After", () => {
    const seq = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => failureDelay(15 * MIN, n, null) / MIN);
    expect(seq).toEqual([30, 60, 120, 240, 480, 960, 1440, 1440]);
    expect(failureDelay(15 * MIN, 1, 3 * HOUR)).toBe(3 * HOUR);
    expect(failureDelay(15 * MIN, 5, 10 * MIN)).toBe(480 * MIN);
    expect(failureDelay(15 * MIN, 1, 30 * 24 * HOUR)).toBe(24 * HOUR); // an absurd Retry-After is capped
  });

  it("state after failures: failing, then disabled after 10 with the reason; 410 at once", () => {
    const err = new HttpStatusError(503, "https://news.example/feed", "600");
    let s = newSource("https://news.example/feed");
    for (let i = 1; i <= 9; i++) {
      s = afterFailure(s, NOW, err);
      expect(s).toMatchObject({ failures: i, status: "failing", lastError: "HTTP 503 from news.example" });
      expect(s.nextFetchAt).not.toBeNull();
    }
    s = afterFailure(s, NOW, new SourceError("timeout", "connecting to news.example timed out after 10 s"));
    expect(s).toMatchObject({
      failures: 10,
      status: "disabled",
      nextFetchAt: null,
      disabledReason: "10 failures in a row; the last: connecting to news.example timed out after 10 s",
    });
    const gone = afterFailure(
      newSource("https://x.example/feed"),
      NOW,
      new HttpStatusError(410, "https://x.example/feed", null),
    );
    expect(gone).toMatchObject({ status: "disabled", failures: 1 });
    expect(gone.disabledReason).toMatch(/gone/);
  });

  it("state after success: reset, re-enabled, validators kept only when present", () => {
    const failing = {
      ...newSource("https://news.example/feed"),
      failures: 10,
      status: "disabled" as const,
      disabledReason: "x",
      lastError: "x",
      etag: '"old"',
    };
    const s = afterSuccess(failing, NOW, { etag: '"new"', lastModified: "  ", hints: { ttlMinutes: 30 } });
    expect(s).toMatchObject({
      failures: 0,
      status: "ok",
      disabledReason: null,
      lastError: null,
      etag: '"new"',
      lastModified: null,
    });
    expect(s.lastFetchAt).toBe(new Date(NOW).toISOString());
    expect(s.nextFetchAt).toBe(new Date(NOW + 30 * MIN).toISOString());
    const kept = afterSuccess(failing, NOW, {
      etag: '"newer"',
      lastModified: null,
      hints: {},
      keepValidators: true,
    });
    expect(kept.etag).toBe('"old"');
    const moved = afterSuccess(failing, NOW, {
      etag: null,
      lastModified: null,
      hints: {},
      movedTo: "https://news.example/rss",
    });
    expect(moved.feedUrl).toBe("https://news.example/rss");
    expect(POLL_DEFAULTS.maxFailures).toBe(10);
  });
});
