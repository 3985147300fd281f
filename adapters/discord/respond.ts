/**
 * Answering an interaction, the same over both transports: `respond` is the transport's initial
 * response (an HTTP body, or POST /interactions/{id}/{token}/callback); everything after it (editing
 * the deferred reply, follow-ups) goes through the interaction webhook.
 */
import type { REST } from "@discordjs/rest";
import {
  type APIInteraction,
  type APIInteractionResponse,
  type APIMessage,
  InteractionResponseType,
  Routes,
} from "discord.js";
import type { Logger } from "pino";
import { failureNotice, type Notice } from "../../usecases/reply.ts";
import { type DiscordMessage, EPHEMERAL, renderNotice, SUPPRESS_EMBEDS } from "./render.ts";

export type Respond = (body: APIInteractionResponse) => Promise<void>;

/** A notice as one message: private unless the use case made it public. */
export function noticeMessage(n: Notice): DiscordMessage {
  return renderNotice(n.content, { ephemeral: !n.public });
}

export function createReplier(deps: { rest: REST; logger: Logger; quickReplyMs: number }) {
  const { rest, logger, quickReplyMs } = deps;
  const webhook = (i: APIInteraction) => Routes.webhook(i.application_id, i.token);
  const original = (i: APIInteraction) => Routes.webhookMessage(i.application_id, i.token, "@original");

  async function editOriginal(i: APIInteraction, message: DiscordMessage): Promise<APIMessage> {
    // An edit cannot change EPHEMERAL; SUPPRESS_EMBEDS is the one flag it may (and must) carry.
    const { flags, ...fields } = message;
    const body =
      flags !== undefined && flags & SUPPRESS_EMBEDS ? { ...fields, flags: SUPPRESS_EMBEDS } : fields;
    return (await rest.patch(original(i), { body, auth: false })) as APIMessage;
  }

  async function followUp(i: APIInteraction, message: DiscordMessage): Promise<APIMessage> {
    return (await rest.post(webhook(i), { body: message, auth: false })) as APIMessage;
  }

  /** After a deferral: put the first message in the deferred reply and the rest as follow-ups; returns their ids. */
  async function deliverDeferred(
    i: APIInteraction,
    messages: DiscordMessage[],
    deferredEphemeral: boolean,
  ): Promise<string[]> {
    const [first, ...more] = messages;
    if (!first) return [];
    if (((first.flags ?? 0) & EPHEMERAL) !== 0 && !deferredEphemeral) {
      // A public "thinking…" cannot turn private: remove it and answer privately.
      await rest.delete(original(i), { auth: false }).catch(() => undefined);
      const ids: string[] = [];
      for (const m of messages) ids.push((await followUp(i, m)).id);
      return ids;
    }
    const ids = [(await editOriginal(i, first)).id];
    for (const m of more) ids.push((await followUp(i, m)).id);
    return ids;
  }

  /** The failure's notice (the catalogue's words; unexpected errors are logged) as a private message. */
  function failureMessage(err: unknown, what: string): DiscordMessage {
    return noticeMessage(failureNotice(err, logger, { what }));
  }

  /**
   * For quick commands: answers with the use case's notice directly when it is ready within the
   * quick-reply budget, else defers (privately or publicly, as given) and edits the reply in when it is.
   */
  async function quick(
    i: APIInteraction,
    respond: Respond,
    what: string,
    opts: { ephemeral: boolean },
    work: () => Promise<{ reply: Notice }>,
  ): Promise<void> {
    const settled = work().then(
      (outcome) => noticeMessage(outcome.reply),
      (err: unknown) => failureMessage(err, what),
    );
    let timer: NodeJS.Timeout | undefined;
    const early = await Promise.race([
      settled,
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), quickReplyMs);
      }),
    ]);
    clearTimeout(timer);
    if (early) {
      await respond({ type: InteractionResponseType.ChannelMessageWithSource, data: early });
      return;
    }
    await respond({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: opts.ephemeral ? { flags: EPHEMERAL } : {},
    });
    await deliverDeferred(i, [await settled], opts.ephemeral);
  }

  return { deliverDeferred, failureMessage, quick };
}

export type Replier = ReturnType<typeof createReplier>;
