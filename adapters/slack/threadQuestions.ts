/**
 * Questions in threads. A reply in the thread under a Summit briefing or digest is a question (no
 * mention needed); elsewhere `@Summit <question>` answers in a thread under the mention. Every event
 * is handled once: Slack's retries share the event_id, and one message may arrive both as `message`
 * and as `app_mention`, so both the event id and the message are claimed before answering.
 */
import type { App, webApi } from "@slack/bolt";
import { type AskOutcome, ask, MAX_QUESTION_LENGTH } from "../../usecases/ask.ts";
import { failureNotice } from "../../usecases/reply.ts";
import { bestEffort } from "./bestEffort.ts";
import { type HandlerContext, slackScope } from "./context.ts";
import { renderDocument, renderNotice } from "./render.ts";

type WebClient = webApi.WebClient;

export interface Question {
  team: string | null;
  channel: string;
  user: string;
  /** The question's own ts. */
  ts: string;
  /** Root of the thread the answer goes in. */
  threadTs: string;
  text: string;
  /** Open the thread as a Summit thread, so later replies need no mention. */
  openThread: boolean;
}

/** A question longer than this is cut (the ask use case's bound). */
export const MAX_QUESTION = MAX_QUESTION_LENGTH;

/** Removes mentions of the bot (and any other mention markup) from a message's text; at most MAX_QUESTION characters. */
export function questionText(text: string, botUserId: string | undefined): string {
  let out = text;
  if (botUserId) out = out.split(`<@${botUserId}>`).join(" ");
  // Slack sends a literal "<" as "&lt;", so markup never holds one: stopping there keeps each try to
  // one token (`[^>]*` scanned to the end of the text from every "<@" when no ">" followed).
  return out
    .replace(/<[@#!][^<>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_QUESTION)
    .trim();
}

export async function answerQuestion(ctx: HandlerContext, client: WebClient, q: Question): Promise<void> {
  // Thread state and stored documents are best effort: with Redis down the question is still answered.
  const thread = await bestEffort(
    ctx.log,
    "reading the thread",
    () => ctx.threads.get(q.channel, q.threadTs),
    null,
  );
  let outcome: AskOutcome;
  try {
    outcome = await ask(
      {
        question: q.text,
        thread: thread ? { topic: thread.topic, history: thread.turns.map((t) => t.question) } : null,
      },
      slackScope(q.team, q.channel, q.user),
      { engine: ctx.engine, deadlineMs: ctx.workTimeoutMs },
    );
  } catch (err) {
    // Only the asker sees why there is no answer (an empty question, a failure).
    await client.chat.postEphemeral({
      channel: q.channel,
      user: q.user,
      thread_ts: q.threadTs,
      ...renderNotice(failureNotice(err, ctx.log, { what: "answer" }).content),
    });
    return;
  }
  const doc = outcome.reply;
  const ref = await bestEffort(
    ctx.log,
    "storing the answer for its buttons",
    () => ctx.documents.put(doc),
    null,
  );
  for (const message of renderDocument(doc, ref ? { ref } : { actions: [] })) {
    await client.chat.postMessage({
      channel: q.channel,
      thread_ts: q.threadTs,
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
    });
  }
  await bestEffort(
    ctx.log,
    "recording the thread",
    async () => {
      if (!thread && q.openThread)
        await ctx.threads.open(q.channel, q.threadTs, { topic: outcome.question, kind: "mention" });
      await ctx.threads.append(q.channel, q.threadTs, {
        question: outcome.question,
        answer: doc.fallbackText,
      });
    },
    undefined,
  );
}

interface MessageLike {
  type: string;
  subtype?: string;
  bot_id?: string;
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  channel: string;
}

/** Bot messages (ours included), edits, deletions and joins are never questions. */
function isHumanMessage(e: MessageLike): boolean {
  if (e.bot_id) return false;
  if (e.subtype && e.subtype !== "thread_broadcast") return false;
  return typeof e.user === "string" && typeof e.text === "string";
}

export function registerThreadQuestions(app: App, ctx: HandlerContext): void {
  /** Claims the event and the message; false when either was already handled. */
  async function firstTime(eventId: string | undefined, channel: string, ts: string, retryNum?: number) {
    // Redis down: answer (a rare double beats no answer at all).
    const claim = (key: string) =>
      bestEffort(ctx.log, "de-duplicating the event", () => ctx.dedupe.claim(key), true);
    if (eventId && !(await claim(`event:${eventId}`))) {
      ctx.log.info({ eventId, retryNum }, "duplicate Slack event ignored");
      return false;
    }
    return claim(`message:${channel}:${ts}`);
  }

  app.event("message", async ({ event, body, client, context }) => {
    const e = event as unknown as MessageLike;
    if (!isHumanMessage(e) || !e.thread_ts || e.thread_ts === e.ts) return;
    if (context.botUserId && e.user === context.botUserId) return;
    // Whether the thread is ours lives in Redis; with Redis down a plain thread reply cannot be told apart (mentions still are).
    const thread = await bestEffort(
      ctx.log,
      "reading the thread",
      () => ctx.threads.get(e.channel, e.thread_ts as string),
      null,
    );
    if (!thread) return;
    // A mention in our own thread arrives as app_mention too; whichever comes first answers.
    if (!(await firstTime(body.event_id, e.channel, e.ts, context.retryNum))) return;
    const question: Question = {
      team: body.team_id ?? null,
      channel: e.channel,
      user: e.user as string,
      ts: e.ts,
      threadTs: e.thread_ts,
      text: questionText(e.text ?? "", context.botUserId),
      openThread: false,
    };
    ctx.background.run("thread-question", () => answerQuestion(ctx, client, question));
  });

  app.event("app_mention", async ({ event, body, client, context }) => {
    const e = event as unknown as MessageLike;
    if (e.bot_id || !e.user) return;
    if (!(await firstTime(body.event_id, e.channel, e.ts, context.retryNum))) return;
    const question: Question = {
      team: body.team_id ?? null,
      channel: e.channel,
      user: e.user,
      ts: e.ts,
      threadTs: e.thread_ts ?? e.ts,
      text: questionText(e.text ?? "", context.botUserId),
      // A top-level mention starts a Summit thread; a mention inside someone else's thread does not take it over.
      openThread: !e.thread_ts,
    };
    ctx.background.run("mention", () => answerQuestion(ctx, client, question));
  });
}
