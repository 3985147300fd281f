/**
 * Adapter state in Redis (stored documents for the buttons, thread topics, event de-duplication) helps
 * but must never stop a reply: with Redis down or stalled, a briefing is still posted (without the
 * buttons that need the store) and a mention is still answered. bestEffort runs one such call with a
 * deadline and, when it fails or is late, logs one warn line and goes on with `fallback`.
 */
import type { Logger } from "pino";

/** Longer than a healthy Redis ever takes, short next to the platform's patience. */
export const STATE_TIMEOUT_MS = 1_500;

export async function bestEffort<T>(
  log: Logger,
  what: string,
  work: () => Promise<T>,
  fallback: T,
  timeoutMs = STATE_TIMEOUT_MS,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    timer.unref();
  });
  try {
    return await Promise.race([work(), late]);
  } catch (err) {
    log.warn(
      { err: err instanceof Error ? err.message : String(err) },
      `${what} failed; going on without it`,
    );
    return fallback;
  } finally {
    clearTimeout(timer);
  }
}
