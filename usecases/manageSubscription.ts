/**
 * An operator's hands on one subscription: pause it (with a reason the channel's `subscriptions` list
 * shows), resume it, or send its digest now. Admin-only; the web console calls these.
 */
import type { DeliveryOutcome, Subscription } from "../queue/types.ts";
import { inputError } from "../src/errors.ts";
import { requireAdmin, type Scope } from "./scope.ts";

/** The longest pause reason kept (it is shown in lists). */
export const MAX_PAUSE_REASON = 200;

export interface SubscriptionControls {
  get(id: string): Promise<Subscription | null>;
  pause(id: string, reason: string): Promise<boolean>;
  resume(id: string): Promise<boolean>;
  sendNow(id: string): Promise<DeliveryOutcome>;
}

async function existing(id: string, deps: { subscriptions: SubscriptionControls }): Promise<Subscription> {
  const sub = await deps.subscriptions.get(id.trim());
  if (!sub) throw inputError("unknown_subscription", id.trim().slice(0, 40));
  return sub;
}

export async function pauseSubscription(
  input: { id: string; reason: string },
  scope: Scope,
  deps: { subscriptions: SubscriptionControls },
): Promise<Subscription> {
  requireAdmin(scope);
  const sub = await existing(input.id, deps);
  const reason =
    input.reason.replace(/\s+/g, " ").trim().slice(0, MAX_PAUSE_REASON) || "paused by an operator";
  await deps.subscriptions.pause(sub.id, `${reason} (${scope.user ?? "operator"})`);
  return (await deps.subscriptions.get(sub.id)) ?? sub;
}

export async function resumeSubscription(
  input: { id: string },
  scope: Scope,
  deps: { subscriptions: SubscriptionControls },
): Promise<Subscription> {
  requireAdmin(scope);
  const sub = await existing(input.id, deps);
  await deps.subscriptions.resume(sub.id);
  return (await deps.subscriptions.get(sub.id)) ?? sub;
}

export async function sendDigestNow(
  input: { id: string },
  scope: Scope,
  deps: { subscriptions: SubscriptionControls },
): Promise<DeliveryOutcome> {
  requireAdmin(scope);
  const sub = await existing(input.id, deps);
  return deps.subscriptions.sendNow(sub.id);
}
