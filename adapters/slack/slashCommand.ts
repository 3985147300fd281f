/**
 * `/summit …`: acknowledge at once (Slack gives us 3 seconds), then do the work in the background
 * and answer through response_url. A briefing is ephemeral first, with Share / Follow-up / feedback
 * buttons; subscription commands answer in the channel (confirmations) or to the asker (lists, errors).
 */
import type { App, RespondFn, SlashCommand } from "@slack/bolt";
import { type Subscription, SubscriptionInputError } from "../../queue/types.ts";
import { briefingToDocument } from "../../src/present/fromCore.ts";
import { describeDays, parseCommand, type SummitCommand, USAGE } from "./commands.ts";
import { type HandlerContext, isTimeout, SORRY, TOO_SLOW } from "./context.ts";
import { escapeText } from "./escape.ts";
import { renderDocument, renderNotice, type SlackMessage } from "./render.ts";

const NO_UNFURL = { unfurl_links: false, unfurl_media: false } as const;

function ephemeral(m: SlackMessage) {
  return { response_type: "ephemeral" as const, text: m.text, blocks: m.blocks, ...NO_UNFURL };
}

export function describeSubscription(s: Subscription): string {
  const topics = s.topics.length > 0 ? ` · topics: ${s.topics.join(", ")}` : "";
  const paused = s.pausedReason ? ` · paused (${s.pausedReason})` : "";
  return `\`${s.id}\` · ${s.at} ${s.tz} · ${describeDays(s.days)}${topics}${paused}`;
}

async function sendBriefing(ctx: HandlerContext, respond: RespondFn, topic: string): Promise<void> {
  let doc: ReturnType<typeof briefingToDocument>;
  try {
    const briefing = await ctx.engine.brief(topic, { signal: AbortSignal.timeout(ctx.workTimeoutMs) });
    doc = briefingToDocument(briefing);
    if (!briefing.found) {
      const near = ctx.engine.suggestTopics(topic, 5);
      const suggestions = near.length > 0 ? near : ctx.engine.suggestTopics("", 5);
      if (suggestions.length > 0) {
        doc.blocks.push({
          kind: "paragraph",
          content: [{ kind: "text", text: `Topics I do cover include: ${suggestions.join(", ")}.` }],
        });
      }
    }
  } catch (err) {
    ctx.log.error({ err, topic }, "briefing failed");
    await respond(ephemeral(renderNotice(isTimeout(err) ? TOO_SLOW : SORRY)));
    return;
  }
  const ref = await ctx.documents.put(doc);
  for (const message of renderDocument(doc, { ref })) {
    await respond({ ...ephemeral(message), replace_original: false });
  }
}

async function runSubscriptionCommand(
  ctx: HandlerContext,
  respond: RespondFn,
  command: SlashCommand,
  cmd: Extract<SummitCommand, { kind: "subscribe" | "subscriptions" | "unsubscribe" }>,
): Promise<void> {
  const workspace = command.team_id;
  const channel = command.channel_id;
  try {
    if (cmd.kind === "subscribe") {
      const sub = await ctx.subscriptions.subscribe({
        platform: "slack",
        workspace,
        channel,
        at: cmd.at,
        tz: cmd.tz,
        days: cmd.days,
        topics: cmd.topics,
        createdBy: command.user_id,
      });
      const text = [
        `Subscribed: Summit will post a digest in this channel at ${sub.at} (${sub.tz}), ${describeDays(sub.days)}${
          sub.topics.length > 0 ? `, about ${sub.topics.join(", ")}` : ""
        }.`,
        `Id \`${sub.id}\` (stop it with \`/summit unsubscribe ${sub.id}\`). Make sure Summit is a member of this channel.`,
      ].join("\n");
      await respond({ ...ephemeral(renderNotice(text)), response_type: "in_channel" });
      return;
    }
    if (cmd.kind === "subscriptions") {
      const subs = await ctx.subscriptions.list({ platform: "slack", workspace, channel });
      const text =
        subs.length === 0
          ? "This channel has no Summit digests yet. Start one with `/summit subscribe 08:00 Europe/Berlin weekdays`."
          : [
              `Digests in this channel (${subs.length}):`,
              ...subs.map((s) => `• ${describeSubscription(s)}`),
            ].join("\n");
      await respond(ephemeral(renderNotice(text)));
      return;
    }
    // Only a subscription of this workspace may be removed from here.
    const mine = (await ctx.subscriptions.list({ platform: "slack", workspace })).find(
      (s) => s.id === cmd.id,
    );
    if (!mine || !(await ctx.subscriptions.unsubscribe(cmd.id))) {
      await respond(
        ephemeral(
          renderNotice(
            `I couldn't find a digest with id ${cmd.id} here. \`/summit subscriptions\` lists them.`,
          ),
        ),
      );
      return;
    }
    await respond({
      ...ephemeral(
        renderNotice(`Unsubscribed: the digest at ${mine.at} (${mine.tz}) will no longer be posted.`),
      ),
      response_type: "in_channel",
    });
  } catch (err) {
    if (err instanceof SubscriptionInputError || (err as Error | null)?.name === "SubscriptionInputError") {
      await respond(ephemeral(renderNotice((err as Error).message)));
      return;
    }
    ctx.log.error({ err, command: cmd.kind }, "subscription command failed");
    await respond(ephemeral(renderNotice(SORRY)));
  }
}

export function registerSlashCommand(app: App, ctx: HandlerContext, commandName = "/summit"): void {
  app.command(commandName, async ({ command, ack, respond }) => {
    const cmd = parseCommand(command.text ?? "");
    switch (cmd.kind) {
      case "help":
        await ack(ephemeral(renderNotice(USAGE)));
        return;
      case "invalid":
        await ack(ephemeral(renderNotice(cmd.message)));
        return;
      case "brief":
        await ack({
          response_type: "ephemeral",
          text: `:hourglass_flowing_sand: Working on a briefing about “${escapeText(cmd.topic)}”…`,
        });
        ctx.background.run("briefing", () => sendBriefing(ctx, respond, cmd.topic));
        return;
      default:
        await ack();
        ctx.background.run(cmd.kind, () => runSubscriptionCommand(ctx, respond, command, cmd));
    }
  });
}
