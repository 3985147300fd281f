/**
 * `/summit-sources list|add|remove`: the news sources Summit follows. Everyone may list them; adding and
 * removing is for members with Manage Server (the use case refuses others, kindly).
 */
import type {
  APIApplicationCommandInteractionDataSubcommandOption,
  APIChatInputApplicationCommandInteraction,
} from "discord.js";
import { notice } from "../../../usecases/reply.ts";
import { addSource, listSources, removeSource } from "../../../usecases/sources.ts";
import { discordScope, type Handler, stringOption } from "../context.ts";

export const sourcesCommand: Handler<APIChatInputApplicationCommandInteraction> = (i, respond, ctx) => {
  const sub = ((i.data.options ?? []) as APIApplicationCommandInteractionDataSubcommandOption[])[0];
  const action = sub?.name ?? "list";
  const opts = { data: { options: sub?.options ?? [] } };
  const scope = discordScope(i);
  const sources = ctx.sources;
  return ctx.reply.quick(i, respond, `sources ${action}`, { ephemeral: action === "list" }, async () => {
    if (!sources) return { reply: notice("sources_unavailable") };
    switch (action) {
      case "add":
        return addSource(
          { url: stringOption(opts, "url"), every: stringOption(opts, "every") || null },
          scope,
          sources,
        );
      case "remove":
        return removeSource({ id: stringOption(opts, "id") }, scope, sources);
      default:
        return listSources({}, scope, sources);
    }
  });
};
