/**
 * The buttons under a Summit message: Share to channel (posts the ephemeral briefing publicly and
 * makes it a Summit thread), Ask a follow-up (opens a thread), 👍/👎 (recorded per user).
 */
import type { App, BlockButtonAction, RespondFn, types, webApi } from "@slack/bolt";
import type { Document } from "../../src/present/document.ts";
import { recordFeedback } from "../../usecases/feedback.ts";
import { failureNotice, type Notice, notice } from "../../usecases/reply.ts";
import { type HandlerContext, slackScope } from "./context.ts";
import { ACTION_IDS, renderDocument, renderNotice } from "./render.ts";
import { slackErrorCode } from "./sender.ts";

type WebClient = webApi.WebClient;

function ephemeralNotice(n: Notice) {
  const m = renderNotice(n.content);
  return { response_type: "ephemeral" as const, replace_original: false, text: m.text, blocks: m.blocks };
}

/** Why a post failed, in the catalogue's words: the bot cannot post there, or something else broke. */
function postFailure(ctx: HandlerContext, err: unknown, what: string): Notice {
  const code = slackErrorCode(err);
  if (code && /channel|member|archived/.test(code)) {
    ctx.log.warn({ err, code }, `${what} failed`);
    return notice("cant_post_here");
  }
  return failureNotice(err, ctx.log, { what });
}

/** chat.postMessage; joins a public channel once when the bot is not a member yet. */
async function postInChannel(
  client: WebClient,
  args: { channel: string; text: string; blocks: types.KnownBlock[]; thread_ts?: string },
): Promise<string> {
  const post = async () => {
    const res = await client.chat.postMessage({
      ...args,
      unfurl_links: false,
      unfurl_media: false,
    } as webApi.ChatPostMessageArguments);
    return String(res.ts ?? "");
  };
  try {
    return await post();
  } catch (err) {
    if (slackErrorCode(err) !== "not_in_channel" || !args.channel.startsWith("C")) throw err;
    await client.conversations.join({ channel: args.channel });
    return post();
  }
}

async function share(
  ctx: HandlerContext,
  client: WebClient,
  respond: RespondFn,
  channel: string,
  doc: Document,
  ref: string,
) {
  // At most once per (document, channel): a double click, or a retry after a part failed, never
  // posts a part twice; parts posted before a failure are recorded and skipped on the next click.
  const claim = await ctx.documents.claimShare(ref, channel);
  if (claim === "busy") return;
  if (claim === "done") {
    await respond({ delete_original: true });
    return;
  }
  try {
    const messages = renderDocument(doc, { ref, actions: doc.actions.filter((a) => a !== "share") });
    const posted = await ctx.documents.sharedParts(ref, channel);
    let rootTs: string | null = null;
    for (const [i, m] of messages.entries()) {
      let ts = posted.get(i);
      if (ts === undefined) {
        ts = await postInChannel(client, { channel, text: m.text, blocks: m.blocks });
        await ctx.documents.recordSharedPart(ref, channel, i, ts);
      }
      rootTs ??= ts;
    }
    if (rootTs) await ctx.threads.open(channel, rootTs, { topic: doc.topic, kind: doc.kind });
    await ctx.documents.finishShare(ref, channel);
    await respond({ delete_original: true });
  } finally {
    await ctx.documents.releaseShare(ref, channel);
  }
}

async function startFollowUp(
  ctx: HandlerContext,
  client: WebClient,
  respond: RespondFn,
  body: BlockButtonAction,
  doc: Document | null,
) {
  const channel = body.channel?.id ?? body.container.channel_id;
  if (!channel) return;
  const topic = doc?.topic ?? null;
  const opener = renderNotice(notice("thread_opened", topic).content);
  const isPublic = body.container.is_ephemeral !== true && body.message?.ts !== undefined;
  if (isPublic && body.message) {
    const root = (body.message.thread_ts as string | undefined) ?? body.message.ts;
    if (!(await ctx.threads.get(channel, root)))
      await ctx.threads.open(channel, root, { topic, kind: doc?.kind ?? "briefing" });
    await postInChannel(client, { channel, thread_ts: root, text: opener.text, blocks: opener.blocks });
    return;
  }
  const ts = await postInChannel(client, { channel, text: opener.text, blocks: opener.blocks });
  await ctx.threads.open(channel, ts, { topic, kind: "followup" });
  await respond(ephemeralNotice(notice("thread_started")));
}

export function registerButtons(app: App, ctx: HandlerContext): void {
  app.action<BlockButtonAction>(ACTION_IDS.share, async ({ ack, body, action, client, respond }) => {
    await ack();
    ctx.background.run("share", async () => {
      const doc = await ctx.documents.get(action.value ?? "");
      const channel = body.channel?.id ?? body.container.channel_id;
      if (!doc || !channel) {
        await respond(ephemeralNotice(notice("expired")));
        return;
      }
      try {
        await share(ctx, client, respond, channel, doc, action.value ?? "");
      } catch (err) {
        await respond(ephemeralNotice(postFailure(ctx, err, "share")));
      }
    });
  });

  app.action<BlockButtonAction>(ACTION_IDS.ask_followup, async ({ ack, body, action, client, respond }) => {
    await ack();
    ctx.background.run("follow-up", async () => {
      try {
        await startFollowUp(ctx, client, respond, body, await ctx.documents.get(action.value ?? ""));
      } catch (err) {
        await respond(ephemeralNotice(postFailure(ctx, err, "follow-up")));
      }
    });
  });

  for (const vote of ["up", "down"] as const) {
    app.action<BlockButtonAction>(
      ACTION_IDS[vote === "up" ? "feedback_up" : "feedback_down"],
      async ({ ack, body, action, respond }) => {
        await ack();
        ctx.background.run("feedback", async () => {
          const ref = action.value ?? "";
          const doc = await ctx.documents.get(ref);
          const scope = slackScope(body.team?.id, body.channel?.id, body.user.id);
          try {
            const { reply } = await recordFeedback(
              { ref, vote, kind: doc?.kind ?? "unknown", topic: doc?.topic ?? null },
              scope,
              ctx,
            );
            await respond(ephemeralNotice(reply));
          } catch (err) {
            await respond(ephemeralNotice(failureNotice(err, ctx.log, { what: "feedback" })));
          }
        });
      },
    );
  }
}
