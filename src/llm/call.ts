/**
 * One chat completion under a deadline, with Summit's own retry rules (the SDK's retries are off:
 * `maxRetries: 0`, so every wait is counted against the platform deadline).
 *
 * Rules (at most one retry per request):
 *  - 429 (RateLimitError): retry once after Retry-After (`retry-after-ms`, else `retry-after` in
 *    seconds or as an HTTP date; default `defaultRetryAfterMs`), only if the wait plus `minAttemptMs`
 *    still fits before the deadline; otherwise give up at once.
 *  - 5xx (InternalServerError) and connection failures (APIConnectionError): retry once after
 *    `serverBackoffMs` if `minAttemptMs` still remains.
 *  - any other 4xx (BadRequestError, AuthenticationError, NotFoundError, …): no retry.
 *  - timeout (APIConnectionTimeoutError) or the caller's abort (APIUserAbortError): no retry.
 * Errors keep the SDK's own classes (openai-node maps statuses to them); `failureKind` names them
 * for logs and metrics.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type OpenAI from "openai";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  InternalServerError,
  RateLimitError,
} from "openai";
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
} from "openai/resources/chat/completions";
import { isAbortError, SummitError } from "../errors.ts";
import { InvalidOutputError } from "./schemas.ts";

export interface RetryPolicy {
  /** Attempts in all (1 = never retry). */
  maxAttempts: number;
  /** Don't start an attempt with less time than this before the deadline. */
  minAttemptMs: number;
  /** Wait after a 429 that gives no Retry-After. */
  defaultRetryAfterMs: number;
  /** Wait after a 5xx or a connection failure. */
  serverBackoffMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 2,
  minAttemptMs: 250,
  defaultRetryAfterMs: 500,
  serverBackoffMs: 100,
};

export type FailureKind =
  | "timeout"
  | "aborted"
  | "rate_limited"
  | "server_error"
  | "client_error"
  | "connection"
  | "invalid_output"
  | "unknown";

/** Names a failure for logs: by the SDK's error class (which openai-node picks by HTTP status). */
export function failureKind(err: unknown): FailureKind {
  if (err instanceof APIUserAbortError) return "aborted";
  if (err instanceof APIConnectionTimeoutError) return "timeout";
  if (err instanceof APIConnectionError) return "connection";
  if (err instanceof RateLimitError) return "rate_limited";
  if (err instanceof InternalServerError) return "server_error";
  if (err instanceof APIError) return "client_error";
  if (err instanceof InvalidOutputError) return "invalid_output";
  if (isAbortError(err)) return "aborted";
  return "unknown";
}

/** Milliseconds the server asked us to wait, from a 429's headers; undefined when it didn't say. */
export function retryAfterMs(headers: Headers | undefined, nowMs: number): number | undefined {
  const ms = headers?.get("retry-after-ms");
  if (ms) {
    const v = Number.parseFloat(ms);
    if (Number.isFinite(v) && v >= 0) return v;
  }
  const ra = headers?.get("retry-after");
  if (ra) {
    const secs = Number(ra.trim());
    if (ra.trim() !== "" && Number.isFinite(secs) && secs >= 0) return secs * 1000;
    const at = Date.parse(ra);
    if (Number.isFinite(at)) return Math.max(0, at - nowMs);
  }
  return undefined;
}

export interface CallContext {
  /** Absolute deadline (ms since epoch, same clock as `now`). */
  deadlineMs: number;
  now: () => number;
  /** Aborted when the caller's deadline passes or the caller gives up. */
  signal: AbortSignal;
  policy: RetryPolicy;
  onRetry?: (info: { attempt: number; kind: FailureKind; waitMs: number }) => void;
}

export class DeadlineError extends SummitError {
  override readonly name: string = "DeadlineError";
  constructor(message: string) {
    super("llm_deadline", message);
  }
}

/** Sends one non-streaming chat completion, retrying per the rules above within the deadline. */
export async function completeWithinDeadline(
  client: OpenAI,
  body: ChatCompletionCreateParamsNonStreaming,
  ctx: CallContext,
): Promise<ChatCompletion> {
  for (let attempt = 1; ; attempt++) {
    const remaining = ctx.deadlineMs - ctx.now();
    if (remaining <= 0) throw new DeadlineError("no time left for the LLM");
    try {
      return await client.chat.completions.create(body, {
        signal: ctx.signal,
        timeout: Math.max(1, Math.floor(remaining)),
        maxRetries: 0,
      });
    } catch (err) {
      if (attempt >= ctx.policy.maxAttempts || ctx.signal.aborted) throw err;
      let waitMs: number;
      if (err instanceof RateLimitError) {
        waitMs = retryAfterMs(err.headers, ctx.now()) ?? ctx.policy.defaultRetryAfterMs;
      } else if (
        err instanceof InternalServerError ||
        (err instanceof APIConnectionError && !(err instanceof APIConnectionTimeoutError))
      ) {
        waitMs = ctx.policy.serverBackoffMs;
      } else {
        throw err;
      }
      if (ctx.now() + waitMs + ctx.policy.minAttemptMs > ctx.deadlineMs) throw err;
      ctx.onRetry?.({ attempt, kind: failureKind(err), waitMs });
      await sleep(waitMs, undefined, { signal: ctx.signal });
    }
  }
}
