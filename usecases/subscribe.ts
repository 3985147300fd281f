/**
 * Subscribe a channel to a digest at a local time, in its timezone, on some days, about some topics.
 * On Slack and Discord the digest goes to the channel the command came from (in the caller's own
 * workspace); the CLI (and a web console) say which channel.
 */
import type { Subscription, SubscriptionService } from "../queue/types.ts";
import { parseDays, parsePlatform, validateNewSubscription } from "../queue/validate.ts";
import type { Platform } from "../src/delivery.ts";
import { InputError, inputError } from "../src/errors.ts";
import { digestSummary } from "./digestSummary.ts";
import { type Notice, publicNotice } from "./reply.ts";
import { isChatSurface, requireWorkspace, type Scope } from "./scope.ts";

/**
 * True when `word` is a set of days ("weekdays", "mon,wed,fri", "tue-thu") rather than a topic word:
 * for surfaces whose subscribe command takes the days and the topics as free words (Slack's).
 */
export function isDaysWord(word: string): boolean {
  try {
    parseDays(word);
    return true;
  } catch (err) {
    if (err instanceof InputError) return false;
    throw err;
  }
}

export interface SubscribeInput {
  /** Local time, 24-hour "08:00" (also "8:00", "8.00", "8h00"). */
  at: string;
  /** IANA timezone, e.g. "Europe/Berlin" (any case). */
  tz: string;
  /** "daily" (default), "weekdays", "weekends", "mon,wed,fri", "tue-thu"… */
  days?: string;
  /** Only these topics: a comma list or a list (default: everything new). */
  topics?: string | readonly string[];
  /** Where the digest goes, for surfaces without a channel of their own (the CLI, a web console). */
  target?: { platform: string; workspace: string | null; channel: string };
}

export interface SubscribeOutcome {
  reply: Notice;
  subscription: Subscription;
}

function targetFor(
  scope: Scope,
  target: SubscribeInput["target"],
): { platform: Platform; workspace: string | null; channel: string } {
  if (isChatSurface(scope.surface)) {
    const own = requireWorkspace(scope);
    return { ...own, channel: scope.channel ?? "" };
  }
  if (!target) throw inputError("missing_target");
  const platform = parsePlatform(target.platform);
  if (scope.surface !== "cli") {
    // A console acting for one workspace may only subscribe that workspace's channels.
    const own = requireWorkspace(scope);
    if (own.platform !== platform || own.workspace !== target.workspace) throw inputError("needs_workspace");
  }
  return { platform, workspace: target.workspace, channel: target.channel };
}

export async function subscribe(
  input: SubscribeInput,
  scope: Scope,
  deps: { subscriptions: Pick<SubscriptionService, "subscribe"> },
): Promise<SubscribeOutcome> {
  const target = targetFor(scope, input.target);
  // Checked here with the catalogue's words, whatever store is behind the service.
  const valid = validateNewSubscription({
    ...target,
    at: input.at,
    tz: input.tz,
    days: parseDays(input.days ?? ""),
    topics: typeof input.topics === "string" ? input.topics.split(",") : [...(input.topics ?? [])],
    createdBy: scope.user,
  });
  const subscription = await deps.subscriptions.subscribe(valid);
  return { reply: publicNotice("subscribed", digestSummary(subscription)), subscription };
}
