/** The digests of the caller's workspace (every workspace's for the operator at the CLI). */
import type { Subscription, SubscriptionService } from "../queue/types.ts";
import { digestSummary } from "./digestSummary.ts";
import { type Notice, notice } from "./reply.ts";
import { type Scope, subscriptionFilter } from "./scope.ts";

export interface ListSubscriptionsOutcome {
  reply: Notice;
  subscriptions: Subscription[];
}

export async function listSubscriptions(
  _input: Record<string, never>,
  scope: Scope,
  deps: { subscriptions: Pick<SubscriptionService, "list"> },
): Promise<ListSubscriptionsOutcome> {
  const subscriptions = await deps.subscriptions.list(subscriptionFilter(scope));
  const reply =
    subscriptions.length === 0
      ? notice("subscriptions_empty")
      : notice("subscriptions_list", subscriptions.map(digestSummary));
  return { reply, subscriptions };
}
