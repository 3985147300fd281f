/** Discord REST failures → what the caller should do (friendly text, retry later, or give up). */
import { createHash } from "node:crypto";
import { DiscordAPIError, RateLimitError } from "@discordjs/rest";
import { PlatformPermanentError, PlatformRateLimitError } from "../../src/delivery.ts";

/** Discord error codes that no retry can fix. */
export const PERMANENT_CODES = new Set([
  10003 /* Unknown Channel */, 50001 /* Missing Access */, 50013 /* Missing Permissions */,
]);

/** Discord's code for "a thread has already been created for this message". */
export const THREAD_ALREADY_EXISTS = 160004;

export function discordCode(err: unknown): number | null {
  return err instanceof DiscordAPIError && typeof err.code === "number" ? err.code : null;
}

/** A message nonce (Discord allows at most 25 characters) derived from an idempotency key. */
export function nonceFor(key: string): string {
  return createHash("sha256").update(key).digest("base64url").slice(0, 25);
}

/** Maps a REST failure to PlatformRateLimitError, PlatformPermanentError or a plain (retryable) Error. */
export function toPlatformError(err: unknown): Error {
  if (err instanceof RateLimitError) {
    const wait = Math.max(err.retryAfter, err.timeToReset, err.sublimitTimeout, 1);
    // Only the global limit (X-RateLimit-Global) holds back every post; a route bucket is per channel.
    return new PlatformRateLimitError(
      `Discord rate limit on ${err.route} (${err.global ? "global" : err.scope})`,
      wait,
      err.global ? "global" : "channel",
    );
  }
  if (err instanceof DiscordAPIError) {
    const code = typeof err.code === "number" ? err.code : null;
    if (err.status === 429)
      return new PlatformRateLimitError(`Discord rate limit: ${err.message}`, 1000, "channel");
    if ((code !== null && PERMANENT_CODES.has(code)) || err.status === 403 || err.status === 404) {
      return new PlatformPermanentError(`Discord refused: ${err.message}`, String(code ?? err.status));
    }
    return new Error(`Discord API error ${err.status} (${code ?? "no code"}): ${err.message}`, {
      cause: err,
    });
  }
  if (err instanceof Error) return err;
  return new Error(String(err));
}
