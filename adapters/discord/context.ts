/**
 * What the Discord interaction handlers share (the core engine, the subscription service, the adapter's
 * Redis state, the REST client, the replier), the caller's Scope, and reading a payload's options.
 */
import type { REST } from "@discordjs/rest";
import {
  type APIApplicationCommandInteractionDataBasicOption,
  type APIInteraction,
  PermissionFlagsBits,
} from "discord.js";
import type { Logger } from "pino";
import type { SubscriptionService } from "../../queue/types.ts";
import type { Clock, Engine } from "../../src/model.ts";
import type { Scope } from "../../usecases/scope.ts";
import type { SourcesDeps } from "../../usecases/sources.ts";
import type { Replier, Respond } from "./respond.ts";
import type { DiscordState } from "./state.ts";

export interface InteractionContext {
  engine: Engine;
  subscriptions: SubscriptionService;
  state: DiscordState;
  rest: REST;
  logger: Logger;
  clock: Clock;
  reply: Replier;
  /** The news sources of the shared store (absent when the deployment reads a folder). */
  sources?: SourcesDeps;
}

/** One command, button or autocomplete handler: answers `interaction` through `respond` and the webhook. */
export type Handler<I extends APIInteraction = APIInteraction> = (
  interaction: I,
  respond: Respond,
  ctx: InteractionContext,
) => Promise<void>;

export function userId(i: APIInteraction): string | null {
  return i.member?.user.id ?? i.user?.id ?? null;
}

/** Manage Server (or Administrator) in the member's permissions, as Discord computed them for this interaction. */
function canManageServer(permissions: string | undefined): boolean {
  if (!permissions) return false;
  const p = BigInt(permissions);
  const has = (flag: bigint) => (p & flag) === flag;
  return has(PermissionFlagsBits.Administrator) || has(PermissionFlagsBits.ManageGuild);
}

export function discordScope(i: APIInteraction): Scope {
  return {
    surface: "discord",
    workspace: i.guild_id ?? null,
    channel: i.channel?.id ?? i.channel_id ?? null,
    user: userId(i),
    isAdmin: canManageServer(i.member?.permissions),
  };
}

type WithOptions = { data: { options?: unknown } };

/** A string option's value as typed, or "" when it was left out. */
export function stringOption(i: WithOptions, name: string): string {
  const options = (i.data.options ?? []) as APIApplicationCommandInteractionDataBasicOption[];
  const opt = options.find((o) => o.name === name);
  return opt && typeof opt.value === "string" ? opt.value : "";
}

/** The option being typed in an autocomplete request. */
export function focusedOption(i: WithOptions): { name: string; value: string } | null {
  const options = (i.data.options ?? []) as (APIApplicationCommandInteractionDataBasicOption & {
    focused?: boolean;
  })[];
  const opt = options.find((o) => o.focused);
  return opt ? { name: opt.name, value: String(opt.value ?? "") } : null;
}
