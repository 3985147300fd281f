/**
 * The digest worker's way to post on Discord: the digest as embeds in the subscribed channel, each message
 * with a nonce derived from the idempotency key and `enforce_nonce`, so a retried delivery never posts twice.
 * Discord honours a nonce only a few minutes: when an earlier attempt's outcome is unknown
 * (`uncertain`, the worker died mid-post), the channel's latest messages are read first and a message
 * of ours with the same nonce or the same content counts as posted.
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

/** How many of the channel's latest messages an uncertain retry reads. */
export const HISTORY_LOOKBACK = 50;

/** What identifies one rendered part among the channel's messages (content and embed texts). */
function fingerprint(m: { content?: string | undefined; embeds?: readonly unknown[] | undefined }): string {
  const embeds = (m.embeds ?? []) as { title?: string; description?: string }[];
  return JSON.stringify([m.content ?? "", embeds.map((e) => [e.title ?? "", e.description ?? ""])]);
}

async function recentOwn(rest: REST, channel: string): Promise<APIMessage[]> {
  try {
    const list = (await rest.get(Routes.channelMessages(channel), {
      query: new URLSearchParams({ limit: String(HISTORY_LOOKBACK) }),
    })) as APIMessage[];
    return list.filter((m) => m.author?.bot);
  } catch (err) {
    const mapped = toPlatformError(err);
    // Missing Read Message History: post anyway (the nonce still covers a quick retry).
    if ((err as { status?: number }).status === 403) return [];
    throw mapped;
  }
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
      const recent = opts.uncertain ? await recentOwn(deps.rest, target.channel) : [];
      for (const [i, message] of messages.entries()) {
        const nonce = nonceFor(`${opts.idempotencyKey}#${i}`);
        const want = fingerprint(message);
        const there = recent.find(
          (m) => !ids.includes(m.id) && (m.nonce === nonce || fingerprint(m) === want),
        );
        if (there) {
          ids.push(there.id);
          continue;
        }
        const body = { ...message, nonce, enforce_nonce: true };
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
