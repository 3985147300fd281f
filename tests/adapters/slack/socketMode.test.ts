/**
 * Socket Mode end to end: the REAL Bolt app (createSlackAdapter with SLACK_APP_TOKEN set) opens its
 * connection through the fake Slack's apps.connections.open, gets `hello` on the WebSocket, and
 * receives the same payloads the HTTP tests post, wrapped in Socket Mode envelopes. Each envelope must
 * be acknowledged by its envelope_id; the work then lands on the fake Web API / response_url.
 */
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackAdapter, type SlackAdapter } from "../../../adapters/slack/index.ts";
import { createEngine } from "../../../app/engine/create.ts";
import { type Envelope, type FakeSlackApi, startFakeSlackApi } from "../../peers/slack/fakeSlackApi.ts";
import { createMemorySubscriptions } from "../../support/memorySubscriptions.ts";
import { deleteKeysUnder } from "../../support/redisKeys.ts";
import type { PostedMessage } from "../contract/driver.ts";
import {
  blockActionsPayload,
  CHANNEL,
  eventCallbackPayload,
  slashCommandPayload,
  USER,
  visibleText,
} from "./harness.ts";

const APP_TOKEN = "xapp-1-A0SUMMIT-1-socketmodetest";
const BOT_TOKEN = "xoxb-socket-test";

describe("slack adapter in Socket Mode", () => {
  let api: FakeSlackApi;
  let adapter: SlackAdapter;
  const redis = new Redis("redis://127.0.0.1:6379", { maxRetriesPerRequest: 2 });
  const prefix = `summit-test-${randomUUID()}`;

  beforeAll(async () => {
    api = await startFakeSlackApi();
    adapter = createSlackAdapter({
      config: {
        slackBotToken: BOT_TOKEN,
        slackAppToken: APP_TOKEN,
        slackApiUrl: api.apiUrl,
        redisPrefix: prefix,
      },
      engine: createEngine({ corpusDir: "seeds" }),
      subscriptions: createMemorySubscriptions(),
      redis,
      logger: pino({ level: process.env.SUMMIT_TEST_LOG ?? "silent" }),
      workTimeoutMs: 5000,
    });
    await adapter.start();
  });
  afterAll(async () => {
    await adapter?.stop();
    await api?.close();
    await deleteKeysUnder(redis, prefix);
    redis.disconnect();
  });

  /** Pushes an envelope, waits for its ack and for the work it started; returns the ack and what was posted since. */
  async function deliver(envelope: Envelope) {
    const since = api.mark();
    const id = api.socket.send(envelope);
    const ack = await api.socket.ack(id);
    await adapter.idle();
    return { id, ack, since, messages: postedSince(since) };
  }

  function postedSince(seq: number): PostedMessage[] {
    const out: PostedMessage[] = [];
    for (const c of api.calls.filter((c) => c.seq > seq)) {
      if (c.kind === "response" && c.body.delete_original !== true) {
        out.push({
          id: `response-${c.seq}`,
          channel: CHANNEL,
          text: visibleText(c.body),
          threadOf: null,
          ephemeral: c.body.response_type !== "in_channel",
          raw: { ...c.body, response_url: `${api.url}/response/${c.method}` },
        });
      } else if (c.kind === "api" && c.method === "chat.postMessage") {
        out.push({
          id: c.ts ?? "",
          channel: String(c.body.channel ?? ""),
          text: visibleText(c.body),
          threadOf: typeof c.body.thread_ts === "string" ? c.body.thread_ts : null,
          ephemeral: false,
          raw: c.body,
        });
      }
    }
    return out;
  }

  it("connects with the app-level token through apps.connections.open and waits for hello", async () => {
    const open = api.calls.filter((c) => c.method === "apps.connections.open");
    expect(open).toHaveLength(1);
    expect(open[0]?.token).toBe(APP_TOKEN);
    expect(open[0]?.ok).toBe(true);
    expect(api.socket.connections).toBe(1);
    // The bot token is used for the Web API, never to open the socket.
    expect(api.calls.find((c) => c.method === "auth.test")?.token).toBe(BOT_TOKEN);
  });

  it("acks /summit laborers by envelope_id, then the briefing lands through response_url", async () => {
    const { id, ack, since, messages } = await deliver({
      type: "slash_commands",
      payload: slashCommandPayload(api, "laborers", { responseUrl: api.responseUrl() }),
    });
    expect(ack.envelope_id).toBe(id);
    // The ack carries the "working on it" reply (Socket Mode's equivalent of the HTTP 200 body).
    expect(visibleText(ack.payload ?? {})).toMatch(/Working on a briefing about “laborers”/);
    // Acknowledged before any work: the ack precedes the first response_url post.
    const firstResponse = api.calls.find((c) => c.kind === "response" && c.seq > since);
    expect(ack.seq).toBeLessThan(firstResponse?.seq ?? 0);
    const briefing = messages.at(-1);
    expect(briefing?.ephemeral).toBe(true);
    expect(briefing?.text).toMatch(/labou?rers/i);
    expect(briefing?.text).toMatch(/\[\d\]/);
  });

  it("shares through an interactive envelope, answers a thread reply once, and ignores Slack's redelivery", async () => {
    const slash = await deliver({
      type: "slash_commands",
      payload: slashCommandPayload(api, "laborers", { responseUrl: api.responseUrl() }),
    });
    const briefing = slash.messages.at(-1) as PostedMessage;

    const share = await deliver({
      type: "interactive",
      payload: blockActionsPayload(api, briefing, "summit_share", { responseUrl: api.responseUrl() }),
    });
    expect(share.ack.envelope_id).toBe(share.id);
    const post = share.messages.find((m) => !m.ephemeral && m.threadOf === null);
    expect(post?.channel).toBe(CHANNEL);
    expect(post?.text).toMatch(/labou?rers/i);

    const eventId = `Ev${randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}`;
    const reply = eventCallbackPayload(
      api,
      {
        type: "message",
        channel: CHANNEL,
        channel_type: "channel",
        user: USER,
        text: "How many workers are in Russia?",
        ts: "1800000100.000100",
        thread_ts: post?.id,
      },
      eventId,
    );
    const first = await deliver({ type: "events_api", payload: reply });
    expect(first.ack.envelope_id).toBe(first.id);
    const answers = first.messages.filter((m) => m.threadOf === post?.id);
    expect(answers).toHaveLength(1);
    expect(answers[0]?.text).toMatch(/\[\d\]/);

    // Slack did not see the ack in time and delivers the same event again, in a new envelope.
    const again = await deliver({
      type: "events_api",
      payload: reply,
      retry_attempt: 1,
      retry_reason: "timeout",
    });
    expect(again.id).not.toBe(first.id);
    expect(again.ack.envelope_id).toBe(again.id);
    expect(again.messages).toEqual([]);
  });

  it("reconnects when Slack asks (disconnect: refresh_requested) with a fresh URL, and keeps acknowledging", async () => {
    const opened = api.calls.filter((c) => c.method === "apps.connections.open").length;
    const hellos = api.socket.hellos;
    api.socket.disconnect("refresh_requested");
    // The SDK closes the old socket, waits (5 s, its clientPingTimeout) and opens a new one.
    await api.socket.helloCount(hellos + 1);
    expect(api.calls.filter((c) => c.method === "apps.connections.open")).toHaveLength(opened + 1);
    expect(api.socket.connections).toBe(1);
    const { id, ack } = await deliver({
      type: "slash_commands",
      payload: slashCommandPayload(api, "help", { responseUrl: api.responseUrl() }),
    });
    expect(ack.envelope_id).toBe(id);
    expect(visibleText(ack.payload ?? {})).toMatch(/\/summit subscribe/);
  }, 15_000);
});
