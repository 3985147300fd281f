/**
 * The digest worker's way to post on Discord: the digest as embeds in the subscribed channel, each message
 * with a nonce derived from the idempotency key and `enforce_nonce`, so a retried delivery never posts twice.
 *
 * Discord honours a nonce only for a few minutes, and a retry after a worker was killed mid-post comes
 * later than that (stall check + backoff). So, with Redis, each part's attempt is marked before it is
 * posted; a retry that finds the mark first looks through the channel's messages since the attempt
 * (GET /channels/{id}/messages?after=…) for one by a bot with the same embeds, and posts only when
 * there is none. A failed lookup posts (a duplicate rather than a lost digest).
 */
import type { REST } from "@discordjs/rest";
import { type APIMessage, Routes } from "discord.js";
import type { Redis } from "ioredis";
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
  /** With Redis, a retry after the nonce window still finds an earlier post (see above). */
  redis?: Redis;
  prefix?: string;
}

/** Discord's epoch (2015-01-01) in ms: snowflakes carry their creation time from it. */
const DISCORD_EPOCH = 1_420_070_400_000n;
const LOOKBACK_MS = 120_000;
const TRY_TTL_S = 7 * 24 * 3600;

function snowflakeAt(ms: number): string {
  return ((BigInt(Math.max(0, Math.floor(ms))) - DISCORD_EPOCH) << 22n).toString();
}

/** What identifies a rendered part among a channel's messages: its embeds' visible text. */
function fingerprint(embeds: unknown): string {
  const list = Array.isArray(embeds) ? (embeds as Record<string, unknown>[]) : [];
  return JSON.stringify(
    list.map((e) => [
      e.title ?? null,
      e.description ?? null,
      ((e.fields as { name: string; value: string }[] | undefined) ?? []).map((f) => [f.name, f.value]),
    ]),
  );
}

async function findPosted(rest: REST, channel: string, message: DiscordMessage, sinceMs: number) {
  try {
    const query = new URLSearchParams({ after: snowflakeAt(sinceMs - LOOKBACK_MS), limit: "100" });
    const recent = (await rest.get(Routes.channelMessages(channel), { query })) as APIMessage[];
    const want = fingerprint(message.embeds);
    return recent.find((m) => m.author?.bot && fingerprint(m.embeds) === want)?.id ?? null;
  } catch {
    return null;
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
      for (const [i, message] of messages.entries()) {
        const tryKey = deps.redis
          ? `${deps.prefix ?? "summit"}:discord:try:${opts.idempotencyKey}#${i}`
          : null;
        if (deps.redis && tryKey) {
          const triedAt = await deps.redis.get(tryKey);
          const found = triedAt
            ? await findPosted(deps.rest, target.channel, message, Number(triedAt))
            : null;
          if (found) {
            ids.push(found);
            continue;
          }
          await deps.redis.set(tryKey, String(Date.now()), "EX", TRY_TTL_S);
        }
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
