/**
 * What the digest worker needs from a platform, and the errors a platform sender throws so the
 * queue knows what to do (retry, wait, or give up). Adapters implement PlatformSender; the queue
 * never imports an adapter.
 */
import type { Document } from "./present/document.ts";

export type Platform = "slack" | "discord";

export interface DeliveryTarget {
  platform: Platform;
  /** Slack team id or Discord guild id; null when the platform needs none. */
  workspace: string | null;
  channel: string;
}

export interface SendOptions {
  /** Deterministic per (subscription, slot): the same key never posts twice. */
  idempotencyKey: string;
}

export interface PlatformSender {
  readonly platform: Platform;
  send(target: DeliveryTarget, doc: Document, opts: SendOptions): Promise<{ messageId: string }>;
}

/**
 * What a rate limit holds back: one channel (Slack's per-channel posting limit, a Discord per-route
 * bucket), or every post of this bot (Discord's global limit, a Slack workspace-wide limit).
 */
export type RateLimitScope = "channel" | "global";

/** The platform asked us to slow down; retry after `retryAfterMs`. */
export class PlatformRateLimitError extends Error {
  override readonly name = "PlatformRateLimitError";
  readonly retryAfterMs: number;
  readonly scope: RateLimitScope;
  constructor(message: string, retryAfterMs: number, scope: RateLimitScope = "channel") {
    super(message);
    this.retryAfterMs = retryAfterMs;
    this.scope = scope;
  }
}

/** A failure that cannot succeed on retry (channel gone, bot removed, no permission). */
export class PlatformPermanentError extends Error {
  override readonly name = "PlatformPermanentError";
  /** Platform's own code, e.g. Slack's "channel_not_found" or Discord's 10003. */
  readonly code: string;
  constructor(message: string, code: string) {
    super(message);
    this.code = code;
  }
}
