/**
 * The one interaction-handling core, fed raw interaction payloads by either transport: the gateway
 * (INTERACTION_CREATE, answered through POST /interactions/{id}/{token}/callback) or the HTTP endpoint
 * (answered in the HTTP response). It routes each interaction to its handler (handlers/: one file per
 * command or button, each calling one use case); anything unknown gets the catalogue's hint.
 */
import {
  type APIChatInputApplicationCommandInteraction,
  type APIInteraction,
  type APIMessageComponentInteraction,
  InteractionResponseType,
  InteractionType,
} from "discord.js";
import { type Clock, systemClock } from "../../src/model.ts";
import { type CommandHook, notice } from "../../usecases/reply.ts";
import { COMMANDS } from "./commands.ts";
import type { Handler, InteractionContext } from "./context.ts";
import { askButton } from "./handlers/askButton.ts";
import { autocomplete } from "./handlers/autocomplete.ts";
import { feedbackButton } from "./handlers/feedbackButton.ts";
import { sourcesCommand } from "./handlers/sources.ts";
import { subscribeCommand } from "./handlers/subscribe.ts";
import { subscriptionsCommand } from "./handlers/subscriptions.ts";
import { summitCommand } from "./handlers/summit.ts";
import { unsubscribeCommand } from "./handlers/unsubscribe.ts";
import { BUTTONS, NO_MENTIONS } from "./render.ts";
import { createReplier, noticeMessage, type Replier, type Respond } from "./respond.ts";

export type { Respond } from "./respond.ts";

/** What the handlers share (context.ts), less what the core builds itself. */
export interface InteractionCoreDeps extends Omit<InteractionContext, "clock" | "reply"> {
  clock?: Clock;
  /** How long a quick command may take before it is deferred (Discord wants an answer within 3 s). */
  quickReplyMs?: number;
  /** Told once per slash command handled, with its outcome (metrics). */
  onCommand?: CommandHook;
}

const COMMAND_HANDLERS: Record<string, Handler<APIChatInputApplicationCommandInteraction>> = {
  [COMMANDS.summit]: summitCommand,
  [COMMANDS.subscribe]: subscribeCommand,
  [COMMANDS.subscriptions]: subscriptionsCommand,
  [COMMANDS.unsubscribe]: unsubscribeCommand,
  [COMMANDS.sources]: sourcesCommand,
};

const BUTTON_HANDLERS: Record<string, Handler<APIMessageComponentInteraction>> = {
  [BUTTONS.ask]: askButton,
  [BUTTONS.up]: feedbackButton("up"),
  [BUTTONS.down]: feedbackButton("down"),
};

export function createInteractionCore(deps: InteractionCoreDeps) {
  const ctx: InteractionContext = {
    engine: deps.engine,
    subscriptions: deps.subscriptions,
    state: deps.state,
    rest: deps.rest,
    logger: deps.logger,
    clock: deps.clock ?? systemClock,
    reply: createReplier({ rest: deps.rest, logger: deps.logger, quickReplyMs: deps.quickReplyMs ?? 1500 }),
    ...(deps.sources ? { sources: deps.sources } : {}),
  };

  /**
   * Runs a command handler and tells the hook how it went: "error" when the handler threw or answered
   * with a failure notice (every handler words failures through ctx.reply.failureMessage).
   */
  async function tracked(name: string, run: (c: InteractionContext) => Promise<void>): Promise<void> {
    const hook = deps.onCommand;
    if (!hook) return run(ctx);
    let failed = false;
    const reply = {
      ...ctx.reply,
      failureMessage: (err: unknown, what: string) => {
        failed = true;
        return ctx.reply.failureMessage(err, what);
      },
      quick: (...[i, respond, what, opts, work]: Parameters<Replier["quick"]>) =>
        ctx.reply.quick(i, respond, what, opts, () =>
          work().catch((err: unknown) => {
            failed = true;
            throw err;
          }),
        ),
    };
    try {
      await run({ ...ctx, reply });
    } catch (err) {
      failed = true;
      throw err;
    } finally {
      hook("discord", name, failed ? "error" : "ok");
    }
  }

  async function handle(i: APIInteraction, respond: Respond): Promise<void> {
    switch (i.type) {
      case InteractionType.Ping:
        return respond({ type: InteractionResponseType.Pong });
      case InteractionType.ApplicationCommandAutocomplete:
        return autocomplete(i, respond, ctx);
      case InteractionType.ApplicationCommand: {
        const command = COMMAND_HANDLERS[i.data.name];
        if (command)
          return tracked(i.data.name, (c) =>
            command(i as APIChatInputApplicationCommandInteraction, respond, c),
          );
        break;
      }
      case InteractionType.MessageComponent: {
        const button = BUTTON_HANDLERS[i.data.custom_id];
        if (button) return button(i, respond, ctx);
        break;
      }
    }
    await respond({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: noticeMessage(notice("unknown_command")),
    });
  }

  return { handle, allowedMentions: NO_MENTIONS };
}

export type InteractionCore = ReturnType<typeof createInteractionCore>;
