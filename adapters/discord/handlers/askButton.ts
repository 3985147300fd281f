/**
 * "Ask in thread" under a briefing or digest: opens a thread on the message (or finds the one someone
 * already opened) where every message is a question about its topic, and points the asker to it.
 */
import { type APIMessageComponentInteraction, type APIThreadChannel, Routes } from "discord.js";
import { notice } from "../../../usecases/reply.ts";
import type { Handler, InteractionContext } from "../context.ts";
import { discordCode, THREAD_ALREADY_EXISTS } from "../errors.ts";
import { LIMITS } from "../limits.ts";
import { plain, renderNotice } from "../render.ts";
import type { ThreadContext } from "../state.ts";

async function openThread(i: APIMessageComponentInteraction, ctx: InteractionContext) {
  const message = i.message;
  const thread: ThreadContext = (await ctx.state.thread(message.id)) ?? {
    topic: message.embeds[0]?.title ?? null,
    kind: "briefing",
  };
  let threadId = message.id;
  let created = false;
  try {
    const made = (await ctx.rest.post(Routes.threads(message.channel_id, message.id), {
      body: {
        name: plain(thread.topic ?? "Questions", LIMITS.threadName) || "Questions",
        auto_archive_duration: 1440,
      },
    })) as APIThreadChannel;
    threadId = made.id;
    created = true;
  } catch (err) {
    // The thread exists already (someone clicked before): send the asker there.
    if (discordCode(err) !== THREAD_ALREADY_EXISTS) throw err;
  }
  await ctx.state.rememberThread([threadId], thread);
  if (created) {
    await ctx.rest.post(Routes.channelMessages(threadId), {
      body: renderNotice(notice("thread_opened", thread.topic).content),
    });
  }
  return { reply: notice("thread_pointer", threadId) };
}

export const askButton: Handler<APIMessageComponentInteraction> = (i, respond, ctx) =>
  ctx.reply.quick(i, respond, "ask", { ephemeral: true }, () => openThread(i, ctx));
