/**
 * Stop a digest. Only one of the caller's own workspace can be stopped; another workspace's id is
 * refused exactly like an id that does not exist, so ids of other workspaces cannot be probed.
 */
import type { Subscription, SubscriptionService } from "../queue/types.ts";
import { inputError } from "../src/errors.ts";
import { digestSummary } from "./digestSummary.ts";
import { type Notice, publicNotice } from "./reply.ts";
import { type Scope, subscriptionFilter } from "./scope.ts";

export interface UnsubscribeOutcome {
  reply: Notice;
  subscription: Subscription;
}

export async function unsubscribe(
  input: { id: string },
  scope: Scope,
  deps: { subscriptions: Pick<SubscriptionService, "list" | "unsubscribe"> },
): Promise<UnsubscribeOutcome> {
  const id = input.id.trim();
  if (id === "") throw inputError("missing_subscription_id");
  const mine = (await deps.subscriptions.list(subscriptionFilter(scope))).find((s) => s.id === id);
  if (!mine || !(await deps.subscriptions.unsubscribe(id))) throw inputError("unknown_subscription", id);
  return { reply: publicNotice("unsubscribed", digestSummary(mine)), subscription: mine };
}
