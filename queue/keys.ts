/**
 * Every Redis key the digest system uses, under one prefix (SUMMIT_REDIS_PREFIX, "summit" by default).
 * BullMQ's own keys live under `<prefix>:<DIGEST_QUEUE>:*`; everything else here is ours.
 */
export const DIGEST_QUEUE = "digests";

export interface DigestKeys {
  prefix: string;
  /** id → subscription JSON (the source of truth). */
  subs: string;
  /** signature → id, so subscribing the same channel to the same schedule twice is one subscription. */
  subsBySignature: string;
  /** channel key (queue/subscription.ts channelKey) → how many subscriptions post there. */
  subsByChannel: string;
  /** id → last delivered slot (epoch ms). */
  lastSlot: string;
  /** id → paused reason. */
  paused: string;
  /** Leader lock for creating/removing BullMQ job schedulers. */
  schedulerLock: string;
  delivery(deliveryKey: string): string;
  pace(target: string): string;
  digestCache(hash: string): string;
  digestBuildLock(hash: string): string;
}

export function digestKeys(prefix: string): DigestKeys {
  return {
    prefix,
    subs: `${prefix}:subs`,
    subsBySignature: `${prefix}:subs:sig`,
    subsByChannel: `${prefix}:subs:perChannel`,
    lastSlot: `${prefix}:subs:last`,
    paused: `${prefix}:subs:paused`,
    schedulerLock: `${prefix}:lock:scheduler`,
    delivery: (k) => `${prefix}:delivery:${k}`,
    pace: (t) => `${prefix}:pace:${t}`,
    digestCache: (h) => `${prefix}:digest:${h}`,
    digestBuildLock: (h) => `${prefix}:digest:${h}:building`,
  };
}

/**
 * Deterministic per (subscription, slot), at most 25 characters of [a-z0-9_.] so it fits Discord's
 * `nonce` as is: `sub_abcd1234.smhw2k9c0` (scheduled) or `sub_abcd1234.mmhw2k9c0` (manual send).
 */
export function deliveryKey(subscriptionId: string, slotMs: number, manual = false): string {
  return `${subscriptionId}.${manual ? "m" : "s"}${slotMs.toString(36)}`;
}

/** The subscription id and slot a delivery key was made from (inverse of deliveryKey). */
export function parseDeliveryKey(key: string): { subscriptionId: string; slot: number; manual: boolean } {
  const dot = key.lastIndexOf(".");
  const kind = key[dot + 1];
  if (dot <= 0 || (kind !== "s" && kind !== "m")) throw new Error(`not a delivery key: ${key}`);
  return {
    subscriptionId: key.slice(0, dot),
    slot: Number.parseInt(key.slice(dot + 2), 36),
    manual: kind === "m",
  };
}
