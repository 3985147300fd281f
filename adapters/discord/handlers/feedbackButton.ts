/** 👍/👎 under a message: one vote per user per message, kept in Redis (the feedback use case). */
import type { APIMessageComponentInteraction } from "discord.js";
import { recordFeedback, type Vote } from "../../../usecases/feedback.ts";
import { discordScope, type Handler } from "../context.ts";

export function feedbackButton(vote: Vote): Handler<APIMessageComponentInteraction> {
  return (i, respond, ctx) =>
    ctx.reply.quick(i, respond, "feedback", { ephemeral: true }, () =>
      recordFeedback(
        { ref: i.message.id, vote, kind: i.message.embeds[0] ? "embed" : "message", topic: null },
        discordScope(i),
        {
          clock: ctx.clock,
          feedback: {
            record: async (v) => {
              await ctx.state.recordFeedback(v.ref, v.user, v.vote, v.kind);
            },
          },
        },
      ),
    );
}
