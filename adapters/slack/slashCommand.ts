/**
 * `/summit …`: acknowledge at once (Slack gives us 3 seconds), then run the use case in the background
 * and answer through response_url. A briefing is ephemeral first, with Share / Follow-up / feedback
 * buttons; a notice is public when the use case says so (a subscription's confirmation), else private.
 */
import type { App, RespondFn } from "@slack/bolt";
import type { Logger } from "pino";
import type { Document } from "../../src/present/document.ts";
import { brief } from "../../usecases/brief.ts";
import { help } from "../../usecases/help.ts";
import { listSubscriptions } from "../../usecases/listSubscriptions.ts";
import { failureNotice, isNotice, type Notice, notice } from "../../usecases/reply.ts";
import type { Scope } from "../../usecases/scope.ts";
import { addSource, listSources, removeSource } from "../../usecases/sources.ts";
import { subscribe } from "../../usecases/subscribe.ts";
import { unsubscribe } from "../../usecases/unsubscribe.ts";
import { bestEffort } from "./bestEffort.ts";
import { parseCommand, type SummitCommand } from "./commands.ts";
import { type HandlerContext, slackScope } from "./context.ts";
import { renderDocument, renderNotice } from "./render.ts";

const NO_UNFURL = { unfurl_links: false, unfurl_media: false } as const;

/** A notice as a response_url / ack payload: in the channel when public, else only for the asker. */
export function noticeResponse(n: Notice) {
  const m = renderNotice(n.content);
  return {
    response_type: n.public ? ("in_channel" as const) : ("ephemeral" as const),
    text: m.text,
    blocks: m.blocks,
    ...NO_UNFURL,
  };
}

/** Runs a use case and answers with its reply, or with the failure's notice; says which it was. */
async function reply(
  ctx: HandlerContext,
  respond: RespondFn,
  what: string,
  run: () => Promise<{ reply: Document }>,
): Promise<"ok" | "error"> {
  let doc: Document;
  try {
    doc = (await run()).reply;
  } catch (err) {
    await respond(noticeResponse(failureNotice(err, ctx.log, { command: what })));
    return "error";
  }
  if (isNotice(doc)) {
    await respond(noticeResponse(doc));
    return "ok";
  }
  // Redis down: the briefing still goes out, without the buttons that need the stored document.
  const ref = await bestEffort(
    ctx.log,
    "storing the document for its buttons",
    () => ctx.documents.put(doc),
    null,
  );
  for (const message of renderDocument(doc, ref ? { ref } : { actions: [] })) {
    await respond({
      response_type: "ephemeral",
      text: message.text,
      blocks: message.blocks,
      ...NO_UNFURL,
      replace_original: false,
    });
  }
  return "ok";
}

/** Runs the command's reply and tells the hook how it went (a failed answer counts as an error too). */
async function tracked(
  ctx: HandlerContext,
  command: string,
  work: () => Promise<"ok" | "error">,
): Promise<void> {
  let outcome: "ok" | "error" = "error";
  try {
    outcome = await work();
  } finally {
    ctx.onCommand?.("slack", command, outcome);
  }
}

function run(ctx: HandlerContext, cmd: Exclude<SummitCommand, { kind: "help" }>, scope: Scope) {
  switch (cmd.kind) {
    case "brief":
      return () => brief({ topic: cmd.topic }, scope, { engine: ctx.engine, deadlineMs: ctx.workTimeoutMs });
    case "subscribe":
      return () => subscribe(cmd, scope, ctx);
    case "subscriptions":
      return () => listSubscriptions({}, scope, ctx);
    case "unsubscribe":
      return () => unsubscribe({ id: cmd.id }, scope, ctx);
    case "sources":
      return () => runSources(ctx, cmd, scope);
  }
}

/** What users.info says about the caller (scope `users:read`). */
export type SlackUserLookup = (
  user: string,
) => Promise<{ user?: { is_admin?: boolean; is_owner?: boolean; is_primary_owner?: boolean } }>;

/**
 * A workspace admin or owner, as users.info says. Asked only for commands that change something for
 * everyone; any failure (no users:read scope, an unknown user) counts as "not an admin".
 */
export async function isWorkspaceAdmin(
  lookup: SlackUserLookup,
  user: string | null,
  log: Logger,
): Promise<boolean> {
  if (!user) return false;
  try {
    const u = (await lookup(user)).user;
    return Boolean(u?.is_admin || u?.is_owner || u?.is_primary_owner);
  } catch (err) {
    log.warn(
      { err: { message: (err as Error).message } },
      "users.info failed; treating the caller as not an admin",
    );
    return false;
  }
}

async function runSources(
  ctx: HandlerContext,
  cmd: Extract<SummitCommand, { kind: "sources" }>,
  scope: Scope,
): Promise<{ reply: Document }> {
  const sources = ctx.sources;
  if (!sources) return { reply: notice("sources_unavailable") };
  switch (cmd.action) {
    case "list":
      return listSources({}, scope, sources);
    case "add":
      return addSource({ url: cmd.arg, every: cmd.every || null }, scope, sources);
    case "remove":
      return removeSource({ id: cmd.arg }, scope, sources);
    case "usage":
      return { reply: notice("sources_usage") };
  }
}

export function registerSlashCommand(app: App, ctx: HandlerContext, commandName = "/summit"): void {
  app.command(commandName, async ({ command, ack, respond, client }) => {
    let scope = slackScope(command.team_id, command.channel_id, command.user_id);
    const cmd = parseCommand(command.text ?? "");
    if (cmd.kind === "sources" && (cmd.action === "add" || cmd.action === "remove")) {
      await ack();
      const lookup: SlackUserLookup = (user) => client.users.info({ user });
      ctx.background.run(cmd.kind, () =>
        tracked(ctx, cmd.kind, async () => {
          scope = { ...scope, isAdmin: await isWorkspaceAdmin(lookup, command.user_id, ctx.log) };
          return reply(ctx, respond, cmd.kind, run(ctx, cmd, scope));
        }),
      );
      return;
    }
    if (cmd.kind === "help") {
      await tracked(ctx, cmd.kind, async () => {
        await ack(noticeResponse(help({}, scope).reply));
        return "ok";
      });
      return;
    }
    if (cmd.kind === "brief") await ack(noticeResponse(notice("working_on_briefing", cmd.topic)));
    else await ack();
    ctx.background.run(cmd.kind, () =>
      tracked(ctx, cmd.kind, () => reply(ctx, respond, cmd.kind, run(ctx, cmd, scope))),
    );
  });
}
