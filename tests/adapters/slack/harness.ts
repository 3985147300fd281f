/**
 * End-to-end harness: the REAL Bolt app (createSlackAdapter) mounted on a real HTTP server on
 * 127.0.0.1, talking to the fake Slack Web API (tests/peers/slack), with real Redis under a unique
 * prefix. Requests are signed exactly as Slack signs them (v0 HMAC-SHA256 of "v0:ts:body").
 */

import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { pino } from "pino";
import { createSlackAdapter, type SlackAdapter } from "../../../adapters/slack/index.ts";
import type { SubscriptionService } from "../../../queue/types.ts";
import type { Engine } from "../../../src/model.ts";
import type { SourcesDeps } from "../../../usecases/sources.ts";
import { type FakeSlackApi, type RecordedCall, startFakeSlackApi } from "../../peers/slack/fakeSlackApi.ts";
import { createMemorySubscriptions } from "../../support/memorySubscriptions.ts";
import { deleteKeysUnder } from "../../support/redisKeys.ts";
import { slackSignature } from "../../support/slackSigning.ts";
import type { PostedMessage } from "../contract/driver.ts";

export const SIGNING_SECRET = "test-signing-secret-0123456789abcdef";
export const USER = "U0ASKER";
export const CHANNEL = "C0GENERAL";

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return slackSignature(secret, timestamp, body);
}

export interface SignedPostOptions {
  timestamp?: number;
  secret?: string;
  signature?: string;
  headers?: Record<string, string>;
  /** Leave these signature headers out of the request. */
  omit?: ("timestamp" | "signature")[];
}

export interface HttpResult {
  status: number;
  text: string;
}

export interface SlackHarness {
  api: FakeSlackApi;
  adapter: SlackAdapter;
  redis: Redis;
  prefix: string;
  /** Base URL of the app's HTTP server. */
  url: string;
  subscriptions: SubscriptionService;
  post(body: string, contentType: string, opts?: SignedPostOptions): Promise<HttpResult>;
  /** `/summit <text>`; resolves after the app has finished, with the ack and every message since. */
  slash(
    text: string,
    opts?: { user?: string; channel?: string; team?: string },
  ): Promise<{ status: number; messages: PostedMessage[] }>;
  /** An Events API callback; resolves after the app has finished, with every message since. */
  event(
    event: Record<string, unknown>,
    opts?: { eventId?: string; retryNum?: number },
  ): Promise<{ status: number; messages: PostedMessage[] }>;
  /** Clicks a button of a message the bot posted. */
  click(
    message: PostedMessage,
    actionId: string,
    opts?: { user?: string },
  ): Promise<{ status: number; messages: PostedMessage[] }>;
  /** Messages recorded after call number `seq`. */
  messagesSince(seq: number): PostedMessage[];
  lastSeq(): number;
  close(): Promise<void>;
}

/** Text as Slack would display it: links show their label, the three entities are decoded. */
export function displayText(mrkdwn: string): string {
  return mrkdwn
    .replace(/<([^|>]+)\|([^>]*)>/g, "$2")
    .replace(/<([^>]+)>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

type Json = Record<string, unknown>;

function blockTexts(blocks: unknown): string[] {
  if (!Array.isArray(blocks)) return [];
  const out: string[] = [];
  for (const b of blocks as Json[]) {
    const text = b.text as Json | undefined;
    if (text && typeof text.text === "string") out.push(text.text);
    for (const f of (b.fields as Json[] | undefined) ?? []) if (typeof f.text === "string") out.push(f.text);
    for (const e of (b.elements as Json[] | undefined) ?? []) {
      if (typeof e.text === "string") out.push(e.text);
      else if (e.text && typeof (e.text as Json).text === "string") out.push((e.text as Json).text as string);
    }
  }
  return out;
}

export function visibleText(body: Json): string {
  const texts = blockTexts(body.blocks);
  if (texts.length === 0 && typeof body.text === "string") texts.push(body.text);
  return texts.map(displayText).join("\n");
}

/** The fields of a `/summit` invocation (form fields over HTTP, the `slash_commands` payload in Socket Mode). */
export function slashCommandPayload(
  api: FakeSlackApi,
  text: string,
  o: { user?: string; channel?: string; team?: string; responseUrl: string },
): Record<string, string> {
  return {
    token: "legacy-verification-token",
    team_id: o.team ?? api.teamId,
    team_domain: "summit-test",
    channel_id: o.channel ?? CHANNEL,
    channel_name: "general",
    user_id: o.user ?? USER,
    user_name: "asker",
    command: "/summit",
    text,
    api_app_id: "A0SUMMIT",
    is_enterprise_install: "false",
    response_url: o.responseUrl,
    trigger_id: `${Date.now()}.${randomUUID()}.trigger`,
  };
}

/** An Events API `event_callback` (the HTTP body, or the `events_api` payload in Socket Mode). */
export function eventCallbackPayload(api: FakeSlackApi, event: Json, eventId: string): Json {
  return {
    token: "legacy-verification-token",
    team_id: api.teamId,
    api_app_id: "A0SUMMIT",
    event: { event_ts: event.ts, ...event },
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      { team_id: api.teamId, user_id: api.botUserId, is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
  };
}

/** A `block_actions` click on a button of a message the bot posted (the `interactive` payload in Socket Mode). */
export function blockActionsPayload(
  api: FakeSlackApi,
  message: PostedMessage,
  actionId: string,
  o: { user?: string; responseUrl: string },
): Json {
  const raw = message.raw as Json;
  const actions = ((raw.blocks as Json[] | undefined) ?? []).find((b) => b.type === "actions");
  const button = ((actions?.elements as Json[] | undefined) ?? []).find((e) => e.action_id === actionId);
  if (!button) throw new Error(`message ${message.id} has no ${actionId} button`);
  return {
    type: "block_actions",
    user: { id: o.user ?? USER, username: "asker", team_id: api.teamId },
    api_app_id: "A0SUMMIT",
    token: "legacy-verification-token",
    container: message.ephemeral
      ? {
          type: "message",
          message_ts: "1700000000.000001",
          channel_id: message.channel,
          is_ephemeral: true,
        }
      : { type: "message", message_ts: message.id, channel_id: message.channel, is_ephemeral: false },
    trigger_id: `${Date.now()}.${randomUUID()}.trigger`,
    team: { id: api.teamId, domain: "summit-test" },
    channel: { id: message.channel, name: "general" },
    ...(message.ephemeral
      ? {}
      : {
          message: {
            type: "message",
            ts: message.id,
            text: raw.text,
            blocks: raw.blocks,
            ...(message.threadOf ? { thread_ts: message.threadOf } : {}),
          },
        }),
    response_url: o.responseUrl,
    actions: [
      {
        action_id: actionId,
        block_id: actions?.block_id,
        value: button.value,
        type: "button",
        text: button.text,
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
}

/** Which Redis the next harness uses: a test may point it at a redis-server of its own (tests/queue/ownRedis.ts). */
export const harnessRedis = { url: "redis://127.0.0.1:6379" };

export async function startSlackHarness(
  opts: {
    engine: Engine;
    subscriptions?: SubscriptionService;
    workTimeoutMs?: number;
    sources?: SourcesDeps;
  } = {} as never,
): Promise<SlackHarness> {
  const api = await startFakeSlackApi();
  const redis = new Redis(harnessRedis.url, { lazyConnect: false, maxRetriesPerRequest: 2 });
  redis.on("error", () => {}); // a test may stop its own Redis
  const prefix = `summit-test-${randomUUID()}`;
  const subscriptions = opts.subscriptions ?? createMemorySubscriptions();
  const adapter = createSlackAdapter({
    config: {
      slackBotToken: "xoxb-test-token",
      slackSigningSecret: SIGNING_SECRET,
      slackApiUrl: api.apiUrl,
      redisPrefix: prefix,
    },
    engine: opts.engine,
    subscriptions,
    redis,
    logger: pino({ level: process.env.SUMMIT_TEST_LOG ?? "silent" }),
    ...(opts.workTimeoutMs ? { workTimeoutMs: opts.workTimeoutMs } : {}),
    ...(opts.sources ? { sources: opts.sources } : {}),
  });
  await adapter.start();
  const server: Server = createServer((req, res) => adapter.requestListener(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** Which channel each response_url belongs to, so replies through it are placed correctly. */
  const responseChannels = new Map<string, string>();
  const acks: { seq: number; message: PostedMessage }[] = [];

  function toMessage(call: RecordedCall): PostedMessage | null {
    const body = call.body;
    if (call.kind === "response") {
      if (body.delete_original === true) return null;
      return {
        id: `response-${call.seq}`,
        channel: responseChannels.get(call.method) ?? "",
        text: visibleText(body),
        threadOf: null,
        ephemeral: body.response_type !== "in_channel",
        raw: { ...body, response_url: `${api.url}/response/${call.method}` },
      };
    }
    if (call.method === "chat.postMessage" || call.method === "chat.postEphemeral") {
      return {
        id: call.ts ?? `ephemeral-${call.seq}`,
        channel: String(body.channel ?? ""),
        text: visibleText(body),
        threadOf: typeof body.thread_ts === "string" ? body.thread_ts : null,
        ephemeral: call.method === "chat.postEphemeral",
        raw: body,
      };
    }
    return null;
  }

  function messagesSince(seq: number): PostedMessage[] {
    const fromCalls = api.calls
      .filter((c) => c.seq > seq)
      .map((c) => ({ seq: c.seq, message: toMessage(c) }))
      .filter((x): x is { seq: number; message: PostedMessage } => x.message !== null);
    return [...acks.filter((a) => a.seq > seq), ...fromCalls]
      .sort((a, b) => a.seq - b.seq)
      .map((x) => x.message);
  }
  /** A fresh mark: every call after it has a higher number; the request's ack goes right after it. */
  const lastSeq = () => api.mark();

  async function post(body: string, contentType: string, o: SignedPostOptions = {}): Promise<HttpResult> {
    const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      "content-type": contentType,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": o.signature ?? sign(body, timestamp, o.secret),
      ...o.headers,
    };
    if (o.omit?.includes("timestamp")) delete headers["x-slack-request-timestamp"];
    if (o.omit?.includes("signature")) delete headers["x-slack-signature"];
    const res = await fetch(`${url}/slack/events`, { method: "POST", headers, body });
    return { status: res.status, text: await res.text() };
  }

  async function settle(start: number, res: HttpResult, ackChannel: string | null) {
    if (ackChannel !== null && res.text.trim() !== "") {
      const body = JSON.parse(res.text) as Json;
      acks.push({
        seq: start + 0.5,
        message: {
          id: `ack-${start}`,
          channel: ackChannel,
          text: visibleText(body),
          threadOf: null,
          ephemeral: body.response_type !== "in_channel",
          raw: body,
        },
      });
    }
    await adapter.idle();
    return { status: res.status, messages: messagesSince(start) };
  }

  return {
    api,
    adapter,
    redis,
    prefix,
    url,
    subscriptions,
    post,
    lastSeq,
    messagesSince,
    async slash(text, o = {}) {
      const channel = o.channel ?? CHANNEL;
      const responseUrl = api.responseUrl();
      responseChannels.set(responseUrl.split("/").at(-1) as string, channel);
      const form = new URLSearchParams(
        slashCommandPayload(api, text, { ...o, channel, responseUrl }),
      ).toString();
      const start = lastSeq();
      const res = await post(form, "application/x-www-form-urlencoded");
      return settle(start, res, channel);
    },
    async event(event, o = {}) {
      const eventId = o.eventId ?? `Ev${randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}`;
      const body = JSON.stringify(eventCallbackPayload(api, event, eventId));
      const headers: Record<string, string> =
        o.retryNum !== undefined
          ? { "x-slack-retry-num": String(o.retryNum), "x-slack-retry-reason": "http_timeout" }
          : {};
      const start = lastSeq();
      const res = await post(body, "application/json", { headers });
      return settle(start, res, null);
    },
    async click(message, actionId, o = {}) {
      const responseUrl = api.responseUrl();
      responseChannels.set(responseUrl.split("/").at(-1) as string, message.channel);
      const payload = blockActionsPayload(api, message, actionId, { ...o, responseUrl });
      const start = lastSeq();
      const res = await post(
        new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
        "application/x-www-form-urlencoded",
      );
      return settle(start, res, null);
    },
    async close() {
      await adapter.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await api.close();
      await deleteKeysUnder(redis, prefix);
      redis.disconnect();
    },
  };
}
