/** `/summit-subscriptions`: this server's digests (only the asker sees the list). */
import type { APIChatInputApplicationCommandInteraction } from "discord.js";
import { listSubscriptions } from "../../../usecases/listSubscriptions.ts";
import { discordScope, type Handler } from "../context.ts";

export const subscriptionsCommand: Handler<APIChatInputApplicationCommandInteraction> = (i, respond, ctx) =>
  ctx.reply.quick(i, respond, "subscriptions", { ephemeral: true }, () =>
    listSubscriptions({}, discordScope(i), ctx),
  );
