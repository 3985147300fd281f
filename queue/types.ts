/**
 * What the rest of Summit sees of the digest system: the service interface the adapters' commands use
 * (`/summit subscribe`, `/summit subscriptions`, `/summit unsubscribe`), the admin interface, delivery
 * outcomes, and re-exports of the model (subscription.ts) and the parsing helpers (validate.ts).
 */
import type { Platform } from "../src/delivery.ts";
import type { NewSubscription, Subscription } from "./subscription.ts";

export type { NewSubscription, Subscription, Weekday } from "./subscription.ts";

export interface SubscriptionService {
  /** Validates, stores and schedules; throws InputError (src/errors.ts) for bad input. */
  subscribe(input: NewSubscription): Promise<Subscription>;
  list(filter?: {
    platform?: Platform;
    workspace?: string | null;
    channel?: string;
  }): Promise<Subscription[]>;
  /** Removes the subscription and its schedule; false when there was none. */
  unsubscribe(id: string): Promise<boolean>;
}

/** A subscription's id as printed by `summit subscribe` and shown by adapters. */
export type SubscriptionId = Subscription["id"];

/** What `digest send ID` (and any caller of a manual send) learns about the delivery. */
export interface DeliveryOutcome {
  status: "delivered" | "already-delivered" | "skipped" | "failed";
  subscriptionId: string;
  /** The platform's message id (Slack ts, Discord snowflake) when delivered. */
  messageId: string | null;
  /** Why it was skipped or failed, in words a user can read. */
  reason: string | null;
}

/** The store with the operations the worker and operators need beyond the adapters' SubscriptionService. */
export interface SubscriptionAdmin extends SubscriptionService {
  get(id: string): Promise<Subscription | null>;
  /** Clears pausedReason and schedules it again; false when there was none. */
  resume(id: string): Promise<boolean>;
  /** When the next digest is due (UTC instant), or null when paused. */
  nextDelivery(sub: Subscription, from?: Date): Date | null;
}
