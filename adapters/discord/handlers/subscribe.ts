/** `/summit-subscribe time:… timezone:… [days:…] [topics:…]`: a digest in this channel (a public confirmation). */
import type { APIChatInputApplicationCommandInteraction } from "discord.js";
import { subscribe } from "../../../usecases/subscribe.ts";
import { discordScope, type Handler, stringOption } from "../context.ts";

export const subscribeCommand: Handler<APIChatInputApplicationCommandInteraction> = (i, respond, ctx) =>
  ctx.reply.quick(i, respond, "subscribe", { ephemeral: false }, () =>
    subscribe(
      {
        at: stringOption(i, "time"),
        tz: stringOption(i, "timezone"),
        days: stringOption(i, "days"),
        topics: stringOption(i, "topics"),
      },
      discordScope(i),
      ctx,
    ),
  );
