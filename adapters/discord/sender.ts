/**
 * The digest worker's way to post on Discord: the digest as embeds in the subscribed channel, each message
 * with a nonce derived from the idempotency key and `enforce_nonce`, so a retried delivery never posts twice.
 */
import type { REST } from "@discordjs/rest";
import { type APIMessage, Routes } from "discord.js";
import type { DeliveryTarget, PlatformSender, SendOptions } from "../../src/delivery.ts";
import type { Document } from "../../src/present/document.ts";
import { nonceFor, toPlatformError } from "./errors.ts";
import { type DiscordMessage, renderDocument } from "./render.ts";
import type { DiscordState } from "./state.ts";

export interface DiscordSenderDeps {
  /** A REST client whose rate-limit handling rejects long waits (see createSenderRest). */
  rest: REST;
  /** When given, threads started from a posted digest become Q&A threads. */
  state?: DiscordState;
}

export function createDiscordSender(deps: DiscordSenderDeps): PlatformSender {
  // A digest storm sends the same Document (the digest worker builds it once per slot) to many
  // channels: render it once, not once per channel.
  const rendered = new WeakMap<Document, DiscordMessage[]>();
  return {
    platform: "discord",
    async send(target: DeliveryTarget, doc: Document, opts: SendOptions) {
      let messages = rendered.get(doc);
      if (!messages) {
        messages = renderDocument(doc);
        rendered.set(doc, messages);
      }
      const ids: string[] = [];
      for (const [i, message] of messages.entries()) {
        const body = { ...message, nonce: nonceFor(`${opts.idempotencyKey}#${i}`), enforce_nonce: true };
        try {
          const posted = (await deps.rest.post(Routes.channelMessages(target.channel), {
            body,
          })) as APIMessage;
          ids.push(posted.id);
        } catch (err) {
          throw toPlatformError(err);
        }
      }
      await deps.state?.rememberThread(ids, { topic: doc.topic, kind: doc.kind }).catch(() => undefined);
      return { messageId: ids[0]! };
    },
  };
}
