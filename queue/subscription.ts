/**
 * What a subscription is: the model every part of the digest system shares, and the error its
 * validation throws. Nothing here imports the rest of queue/, so validate.ts and types.ts can both
 * build on it without importing each other.
 */
import type { Platform } from "../src/delivery.ts";

export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";

export interface NewSubscription {
  platform: Platform;
  /** Slack team id or Discord guild id. */
  workspace: string | null;
  channel: string;
  /** Local time "HH:MM" (24h). */
  at: string;
  /** IANA timezone, e.g. "Europe/Berlin". */
  tz: string;
  days: Weekday[];
  topics: string[];
  createdBy: string | null;
}

export interface Subscription extends NewSubscription {
  id: string;
  createdAt: string;
  /** The last slot delivered (ISO timestamp of the scheduled local time), or null. */
  lastDeliveredSlot: string | null;
  /** Set when delivery failed permanently (channel gone, bot removed); the schedule is paused. */
  pausedReason: string | null;
}

/** Thrown for invalid subscription input (bad time, unknown timezone): its message is shown to the user. */
export class SubscriptionInputError extends Error {
  override readonly name = "SubscriptionInputError";
}
