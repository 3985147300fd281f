/**
 * The subscription model and the store interface the adapters' commands use
 * (`/summit subscribe`, `/summit subscriptions`, `/summit unsubscribe`). The digests issue implements it on Redis.
 */
import type { Platform } from "../src/delivery.ts";

export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";

export interface Subscription {
  id: string;
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
  createdAt: string;
  /** The last slot delivered (ISO timestamp of the scheduled local time), or null. */
  lastDeliveredSlot: string | null;
  /** Set when delivery failed permanently (channel gone, bot removed); the schedule is paused. */
  pausedReason: string | null;
}

export interface NewSubscription {
  platform: Platform;
  workspace: string | null;
  channel: string;
  at: string;
  tz: string;
  days: Weekday[];
  topics: string[];
  createdBy: string | null;
}

/** Thrown for invalid subscription input (bad time, unknown timezone): its message is shown to the user. */
export class SubscriptionInputError extends Error {
  override readonly name = "SubscriptionInputError";
}

export interface SubscriptionService {
  /** Validates, stores and schedules; throws SubscriptionInputError for bad input. */
  subscribe(input: NewSubscription): Promise<Subscription>;
  list(filter?: {
    platform?: Platform;
    workspace?: string | null;
    channel?: string;
  }): Promise<Subscription[]>;
  /** Removes the subscription and its schedule; false when there was none. */
  unsubscribe(id: string): Promise<boolean>;
}
