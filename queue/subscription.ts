/**
 * What a subscription is: the model every part of the digest system shares, what makes two of them
 * the same delivery. Nothing here imports the rest of queue/, so validate.ts and types.ts can both
 * build on it without importing each other.
 */
import { randomBytes } from "node:crypto";
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

/** What the store holds for each id: the subscription without its delivery state. */
export type StoredSubscription = Omit<Subscription, "lastDeliveredSlot" | "pausedReason">;

/** A new id: `sub_` and 8 base-36 characters (~2.8e12 ids; stores still check for collisions). */
export function newSubscriptionId(): string {
  const n = randomBytes(6).readUIntBE(0, 6);
  return `sub_${n.toString(36).padStart(8, "0").slice(-8)}`;
}

/** What makes two subscriptions the same delivery (subscribing twice to it gives the one already there). */
/** The channel a subscription posts to, as one string (what the per-channel bound counts by). */
export function channelKey(s: Pick<NewSubscription, "platform" | "workspace" | "channel">): string {
  return JSON.stringify([s.platform, s.workspace ?? null, s.channel]);
}

export function signature(s: NewSubscription | StoredSubscription): string {
  const topics = s.topics.map((t) => t.toLowerCase()).sort();
  return JSON.stringify([s.platform, s.workspace, s.channel, s.at, s.tz, s.days, topics]);
}
