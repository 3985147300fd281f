/** Autocomplete for a digest id: the caller's own workspace's digests matching what was typed. */
import type { SubscriptionService } from "../queue/types.ts";
import { describeDays } from "../queue/validate.ts";
import { type Scope, subscriptionFilter } from "./scope.ts";

export interface SubscriptionChoice {
  /** "08:00 Europe/Berlin, weekdays (sub_ab12cd34)" */
  label: string;
  id: string;
}

export async function suggestSubscriptions(
  input: { typed: string; limit: number },
  scope: Scope,
  deps: { subscriptions: Pick<SubscriptionService, "list"> },
): Promise<SubscriptionChoice[]> {
  const typed = input.typed.trim().toLowerCase();
  const subs = await deps.subscriptions.list(subscriptionFilter(scope));
  return subs
    .filter((s) => s.id.toLowerCase().includes(typed) || s.tz.toLowerCase().includes(typed))
    .slice(0, input.limit)
    .map((s) => ({ label: `${s.at} ${s.tz}, ${describeDays(s.days)} (${s.id})`, id: s.id }));
}
