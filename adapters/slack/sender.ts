/**
 * The Slack PlatformSender the digest worker uses: renders the Document to Block Kit, posts it with
 * chat.postMessage, and turns Slack's failures into what the queue understands (wait, give up, retry).
 * Each part of a multi-message digest is remembered under the idempotency key, so a retry after a
 * partial failure posts only the missing parts; the key is also attached as message metadata.
 */
import type { webApi } from "@slack/bolt";
import type { Redis } from "ioredis";
import {
  type DeliveryTarget,
  PlatformPermanentError,
  PlatformRateLimitError,
  type PlatformSender,
  type SendOptions,
} from "../../src/delivery.ts";
import type { Document } from "../../src/present/document.ts";
import type { DocumentStore } from "./documentStore.ts";
import { renderDocument, type SlackMessage } from "./render.ts";
import type { ThreadStore } from "./threadStore.ts";

type WebClient = webApi.WebClient;

/** Slack errors that cannot succeed on retry: the channel or the installation is gone or forbidden. */
export const PERMANENT_SLACK_ERRORS = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "account_inactive",
  "invalid_auth",
  "not_authed",
  "token_revoked",
  "token_expired",
  "missing_scope",
  "no_permission",
  "restricted_action",
  "ekm_access_denied",
  "team_access_not_granted",
  "org_login_required",
]);

/** Slack's platform error code ("channel_not_found"), or null for transport errors. */
export function slackErrorCode(err: unknown): string | null {
  const e = err as { code?: string; data?: { error?: string } } | null;
  if (e?.code === "slack_webapi_platform_error" && typeof e.data?.error === "string") return e.data.error;
  return null;
}

/** Maps a WebClient failure to the queue's error types (see src/delivery.ts). */
export function toDeliveryError(err: unknown): Error {
  const e = err as { code?: string; retryAfter?: number; message?: string } | null;
  if (e?.code === "slack_webapi_rate_limited_error") {
    const seconds = typeof e.retryAfter === "number" && e.retryAfter > 0 ? e.retryAfter : 1;
    // Slack's 429 does not say which limit tripped; chat.postMessage's documented one is per channel
    // (about 1 message/s), so the wait holds back this channel only.
    return new PlatformRateLimitError("Slack rate limit", seconds * 1000, "channel");
  }
  const code = slackErrorCode(err);
  if (code && PERMANENT_SLACK_ERRORS.has(code))
    return new PlatformPermanentError(`Slack refused the post: ${code}`, code);
  if (code) return new Error(`Slack error: ${code}`);
  return new Error(`Slack request failed: ${e?.message ?? String(err)}`);
}

/** How many of the channel's latest messages are searched for an uncertain delivery's key. */
export const HISTORY_LOOKBACK = 100;

/** Errors that mean the history cannot be read (scope not granted): post anyway, as before. */
const HISTORY_UNREADABLE = new Set(["missing_scope", "not_in_channel", "no_permission", "channel_not_found"]);

/**
 * The parts of delivery `key` already in the channel (part → ts), found by the `summit_delivery`
 * metadata among its latest messages (conversations.history with include_all_metadata; needs
 * channels:history / groups:history).
 */
export async function postedParts(
  client: WebClient,
  channel: string,
  key: string,
): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  let res: Awaited<ReturnType<WebClient["conversations"]["history"]>>;
  try {
    res = await client.conversations.history({
      channel,
      limit: HISTORY_LOOKBACK,
      include_all_metadata: true,
    });
  } catch (err) {
    const code = slackErrorCode(err);
    if (code && HISTORY_UNREADABLE.has(code)) return out;
    throw toDeliveryError(err);
  }
  for (const m of res.messages ?? []) {
    const meta = m.metadata as { event_type?: string; event_payload?: Record<string, unknown> } | undefined;
    if (meta?.event_type !== "summit_delivery" || meta.event_payload?.idempotency_key !== key) continue;
    const part = Number(meta.event_payload.part);
    if (Number.isInteger(part) && m.ts && !out.has(part)) out.set(part, m.ts);
  }
  return out;
}

export interface SlackSenderDeps {
  /** The Web API client for a workspace (one bot token, or the workspace's OAuth installation). */
  clientFor(workspace: string | null): Promise<WebClient>;
  redis: Redis;
  prefix: string;
  threads: ThreadStore;
  documents: DocumentStore;
}

/**
 * How long one stored copy of a Document (the reference its buttons carry) serves further posts of the
 * same Document; well inside the document store's 24 h, so buttons keep working a day after any post.
 */
const SHARED_DOCUMENT_REUSE_MS = 3600 * 1000;

export function createSlackSender(deps: SlackSenderDeps): PlatformSender {
  const sentKey = (key: string, part: number) => `${deps.prefix}:slack:sent:${key}:${part}`;
  // A digest storm sends the same Document (built once per slot) to many channels: store it and render
  // it once, not once per channel (a Redis write of the whole Document each time).
  const prepared = new WeakMap<Document, { until: number; ready: Promise<SlackMessage[]> }>();
  const render = (doc: Document): Promise<SlackMessage[]> => {
    const now = Date.now();
    const have = prepared.get(doc);
    if (have && have.until > now) return have.ready;
    const entry = {
      until: now + SHARED_DOCUMENT_REUSE_MS,
      ready: deps.documents
        .put(doc)
        .then((ref) => renderDocument(doc, { ref, actions: doc.actions.filter((a) => a !== "share") })),
    };
    entry.ready.catch(() => {
      if (prepared.get(doc) === entry) prepared.delete(doc);
    });
    prepared.set(doc, entry);
    return entry.ready;
  };
  return {
    platform: "slack",
    async send(target: DeliveryTarget, doc: Document, opts: SendOptions) {
      const client = await deps.clientFor(target.workspace);
      const messages = await render(doc);
      // The outcome of an earlier attempt is unknown (killed while chat.postMessage was in flight):
      // parts Slack already holds are found by the key in their metadata, not posted again.
      const found = opts.uncertain
        ? await postedParts(client, target.channel, opts.idempotencyKey)
        : new Map();
      let firstTs: string | null = null;
      for (const [part, message] of messages.entries()) {
        const already =
          (await deps.redis.get(sentKey(opts.idempotencyKey, part))) ??
          (found.get(part) as string | undefined);
        if (already) {
          await deps.redis.set(sentKey(opts.idempotencyKey, part), already, "EX", 7 * 24 * 3600);
          if (part === 0 && !firstTs)
            await deps.threads.open(target.channel, already, { topic: doc.topic, kind: doc.kind });
          firstTs ??= already;
          continue;
        }
        let ts: string;
        try {
          const res = await client.chat.postMessage({
            channel: target.channel,
            text: message.text,
            blocks: message.blocks,
            unfurl_links: false,
            unfurl_media: false,
            metadata: {
              event_type: "summit_delivery",
              event_payload: { idempotency_key: opts.idempotencyKey, part, parts: messages.length },
            },
          });
          ts = String(res.ts ?? "");
        } catch (err) {
          throw toDeliveryError(err);
        }
        await deps.redis.set(sentKey(opts.idempotencyKey, part), ts, "EX", 7 * 24 * 3600);
        if (part === 0) {
          firstTs = ts;
          await deps.threads.open(target.channel, ts, { topic: doc.topic, kind: doc.kind });
        }
      }
      return { messageId: firstTs ?? "" };
    },
  };
}
