/** `/summit-unsubscribe id:…`: stop one of this server's digests (a public confirmation). */
import type { APIChatInputApplicationCommandInteraction } from "discord.js";
import { unsubscribe } from "../../../usecases/unsubscribe.ts";
import { discordScope, type Handler, stringOption } from "../context.ts";

export const unsubscribeCommand: Handler<APIChatInputApplicationCommandInteraction> = (i, respond, ctx) =>
  ctx.reply.quick(i, respond, "unsubscribe", { ephemeral: false }, () =>
    unsubscribe({ id: stringOption(i, "id") }, discordScope(i), ctx),
  );
