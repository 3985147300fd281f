/**
 * `/summit topic:…`: a briefing. Acknowledged at once (a public "thinking…", since retrieval or an LLM
 * may take a while), then edited in within the interaction token's 15 minutes.
 */
import { type APIChatInputApplicationCommandInteraction, InteractionResponseType } from "discord.js";
import { brief } from "../../../usecases/brief.ts";
import { discordScope, type Handler, stringOption } from "../context.ts";
import { renderDocument } from "../render.ts";

/** Interaction tokens stay valid for 15 minutes; stop work a little before. */
const TOKEN_WINDOW_MS = 14 * 60_000;

export const summitCommand: Handler<APIChatInputApplicationCommandInteraction> = async (i, respond, ctx) => {
  await respond({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: {} });
  try {
    const { reply, briefing } = await brief({ topic: stringOption(i, "topic") }, discordScope(i), {
      engine: ctx.engine,
      deadlineMs: TOKEN_WINDOW_MS,
    });
    const ids = await ctx.reply.deliverDeferred(i, renderDocument(reply), false);
    if (briefing.found) await ctx.state.rememberThread(ids, { topic: reply.topic, kind: "briefing" });
  } catch (err) {
    await ctx.reply
      .deliverDeferred(i, [ctx.reply.failureMessage(err, "summit")], false)
      .catch((e: unknown) => ctx.logger.warn({ err: e }, "could not report a failed briefing"));
  }
};
