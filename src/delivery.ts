/**
 * What the digest worker needs from a platform, and the errors a platform sender throws so the
 * queue knows what to do (retry, wait, or give up). Adapters implement PlatformSender; the queue
 * never imports an adapter.
 */
import { SummitError } from "./errors.ts";
import type { Document } from "./present/document.ts";

export type Platform = "slack" | "discord";

/** Where a Document goes; `P` is the sender's platform (a chat platform, or e.g. "terminal"). */
export interface DeliveryTarget<P extends string = Platform> {
  platform: P;
  /** Slack team id or Discord guild id; null when the platform needs none. */
  workspace: string | null;
  channel: string;
}

export interface SendOptions {
  /** Deterministic per (subscription, slot): the same key never posts twice. */
  idempotencyKey: string;
  /**
   * An earlier attempt of this delivery started and its outcome is unknown (the worker died or the
   * answer was lost while the post was in flight): the sender should look for the key among the
   * channel's latest messages before posting again.
   */
  uncertain?: boolean;
}

export interface PlatformSender<P extends string = Platform> {
  readonly platform: P;
  send(target: DeliveryTarget<P>, doc: Document, opts: SendOptions): Promise<{ messageId: string }>;
}

/**
 * What a rate limit holds back: one channel (Slack's per-channel posting limit, a Discord per-route
 * bucket), or every post of this bot (Discord's global limit, a Slack workspace-wide limit).
 */
export type RateLimitScope = "channel" | "global";

/** The platform asked us to slow down; retry after `retryAfterMs`. */
export class PlatformRateLimitError extends SummitError {
  override readonly name: string = "PlatformRateLimitError";
  readonly retryAfterMs: number;
  readonly scope: RateLimitScope;
  constructor(
    message: string,
    retryAfterMs: number,
    scope: RateLimitScope = "channel",
    opts: { cause?: unknown } = {},
  ) {
    super("platform_rate_limited", message, opts);
    this.retryAfterMs = retryAfterMs;
    this.scope = scope;
  }
}

/** A failure that cannot succeed on retry (channel gone, bot removed, no permission). */
export class PlatformPermanentError extends SummitError {
  override readonly name: string = "PlatformPermanentError";
  /** Platform's own code, e.g. Slack's "channel_not_found" or Discord's 10003 (`code` is ours: "platform_permanent"). */
  readonly platformCode: string;
  constructor(message: string, platformCode: string, opts: { cause?: unknown } = {}) {
    super("platform_permanent", message, opts);
    this.platformCode = platformCode;
  }
}
