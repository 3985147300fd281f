/**
 * Thread Q&A from gateway messages. In a thread started from a Summit message every message is a
 * question (no mention needed; the thread's topic steers the answer); elsewhere `@Summit question`
 * answers in a new thread started from the question. Bots (Summit included) are ignored.
 */
import type { REST } from "@discordjs/rest";
import { type APIThreadChannel, Routes } from "discord.js";
import type { Logger } from "pino";
import type { Engine } from "../../src/model.ts";
import { ask } from "../../usecases/ask.ts";
import { failureNotice, notice } from "../../usecases/reply.ts";
import type { Scope } from "../../usecases/scope.ts";
import { nonceFor } from "./errors.ts";
import { LIMITS } from "./limits.ts";
import { type DiscordMessage, NO_MENTIONS_REPLY, plain, renderDocument, renderNotice } from "./render.ts";
import type { DiscordState } from "./state.ts";

/** What the handler needs of a gateway message (mapped from a discord.js Message). */
export interface IncomingMessage {
  id: string;
  channelId: string;
  guildId: string | null;
  content: string;
  authorIsBot: boolean;
  /** System messages (joins, pins, thread created…) and webhook posts. */
  isSystem: boolean;
  inThread: boolean;
  /** The bot is mentioned directly (not via @everyone or a role). */
  mentionsBot: boolean;
}

export type MessageOutcome = "ignored" | "answered" | "hint" | "failed";

export interface MessageHandlerDeps {
  engine: Engine;
  state: DiscordState;
  rest: REST;
  logger: Logger;
  /** The bot's own user id, once known (for stripping its mention). */
  botUserId: () => string | null;
}

const ANSWER_TIMEOUT_MS = 60_000;

export function stripBotMention(content: string, botId: string | null): string {
  if (!botId) return content.trim();
  return content
    .replace(new RegExp(`<@!?${botId}>`, "g"), " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function createMessageHandler(deps: MessageHandlerDeps) {
  const { engine, state, rest, logger } = deps;

  async function post(channelId: string, message: DiscordMessage, nonceKey: string, replyTo: string | null) {
    const body: Record<string, unknown> = { ...message, nonce: nonceFor(nonceKey), enforce_nonce: true };
    if (replyTo) {
      body.message_reference = { message_id: replyTo, fail_if_not_exists: false };
      body.allowed_mentions = NO_MENTIONS_REPLY;
    }
    return (await rest.post(Routes.channelMessages(channelId), { body })) as { id: string };
  }

  async function answer(threadId: string, question: IncomingMessage, text: string, topic: string | null) {
    await rest.post(Routes.channelTyping(threadId)).catch(() => undefined);
    const history = await state.history(threadId);
    const scope: Scope = {
      surface: "discord",
      workspace: question.guildId,
      channel: threadId,
      user: null,
      isAdmin: false,
    };
    const { reply, question: asked } = await ask({ question: text, thread: { topic, history } }, scope, {
      engine,
      deadlineMs: ANSWER_TIMEOUT_MS,
    });
    const messages = renderDocument(reply);
    // Reply to the question when it sits in the same channel (a reply cannot cross channels).
    const replyTo = question.channelId === threadId ? question.id : null;
    for (const [i, m] of messages.entries()) {
      await post(threadId, m, `answer:${question.id}#${i}`, i === 0 ? replyTo : null);
    }
    await state.addQuestion(threadId, asked);
  }

  async function handle(msg: IncomingMessage): Promise<MessageOutcome> {
    if (msg.authorIsBot || msg.isSystem) return "ignored";
    const text = stripBotMention(msg.content, deps.botUserId());
    const thread = await state.thread(msg.channelId);
    try {
      if (thread) {
        if (text === "") return "ignored";
        await answer(msg.channelId, msg, text, thread.topic);
        return "answered";
      }
      if (!msg.mentionsBot) return "ignored";
      if (text === "") {
        await post(msg.channelId, renderNotice(notice("empty_question").content), `hint:${msg.id}`, msg.id);
        return "hint";
      }
      let threadId = msg.channelId;
      if (!msg.inThread) {
        try {
          const created = (await rest.post(Routes.threads(msg.channelId, msg.id), {
            body: { name: plain(text, LIMITS.threadName) || "Question", auto_archive_duration: 1440 },
          })) as APIThreadChannel;
          threadId = created.id;
        } catch (err) {
          // No permission to create threads here: answer in the channel instead.
          logger.warn({ err, channel: msg.channelId }, "could not start a thread; answering in the channel");
        }
      }
      await state.rememberThread([threadId], { topic: text, kind: "question" });
      await answer(threadId, msg, text, null);
      return "answered";
    } catch (err) {
      const failure = failureNotice(err, logger, { channel: msg.channelId, what: "answer" });
      await post(msg.channelId, renderNotice(failure.content), `error:${msg.id}`, msg.id).catch(
        () => undefined,
      );
      return "failed";
    }
  }

  return { handle };
}
