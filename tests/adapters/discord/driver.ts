/**
 * End-to-end harness for the Discord adapter: the real discord.js Client and @discordjs/rest against the
 * local Discord (tests/peers/discord), real Redis, and interactions delivered either over the gateway or
 * as signed HTTP requests to the adapter's endpoint. Implements the shared AdapterDriver contract.
 */

import { generateKeyPairSync, type KeyObject, randomUUID, sign } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { createDiscordAdapter, type DiscordAdapter } from "../../../adapters/discord/index.ts";
import { limitViolations } from "../../../adapters/discord/limits.ts";
import { renderNotice } from "../../../adapters/discord/render.ts";
import { createLogger } from "../../../app/logger.ts";
import type { SubscriptionService } from "../../../queue/types.ts";
import type { Clock, Engine } from "../../../src/model.ts";
import type { SourcesDeps } from "../../../usecases/sources.ts";
import { type FakeDiscord, type StoredMessage, startFakeDiscord } from "../../peers/discord/server.ts";
import { createMemorySubscriptions } from "../../support/memorySubscriptions.ts";
import type { AdapterDriver, PostedMessage } from "../contract/driver.ts";

export type Mode = "gateway" | "http";

export interface DiscordHarness extends AdapterDriver {
  mode: Mode;
  fake: FakeDiscord;
  adapter: DiscordAdapter;
  redis: Redis;
  prefix: string;
  subscriptions: SubscriptionService;
  /** Delivers an interaction through this mode's transport and waits until the bot is done with it. */
  deliver(interaction: { token: string }): Promise<{ status: number; response: unknown }>;
  /** Posts a body to the HTTP endpoint with the given signature headers (http mode). */
  postRaw(
    body: string,
    headers: Record<string, string>,
    opts?: { chunked?: boolean },
  ): Promise<{ status: number; text: string }>;
  signed(body: string, at?: Date): Record<string, string>;
  toPosted(m: StoredMessage): PostedMessage;
  /** A user's slash command; resolves with the messages it produced. */
  command(name: string, options: Record<string, string>): Promise<PostedMessage[]>;
}

export function keypair(): { publicKeyHex: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const x = publicKey.export({ format: "jwk" }).x!;
  return { publicKeyHex: Buffer.from(x, "base64url").toString("hex"), privateKey };
}

/** What a person would see: markdown escapes and link syntax removed. */
export function visibleText(raw: { content?: unknown; embeds?: unknown }): string {
  const parts: string[] = [];
  if (typeof raw.content === "string") parts.push(raw.content);
  for (const e of (raw.embeds ?? []) as {
    title?: string;
    description?: string;
    fields?: { name: string; value: string }[];
    footer?: { text: string };
  }[]) {
    if (e.title) parts.push(e.title);
    if (e.description) parts.push(e.description);
    for (const f of e.fields ?? []) parts.push(f.name, f.value);
    if (e.footer) parts.push(e.footer.text);
  }
  return parts
    .join("\n")
    .replace(/\[([^\]]*)\]\((https?:[^)]+)\)/g, "$1")
    .replace(/\*\*/g, "")
    .replace(/\\(.)/g, "$1")
    .replace(/\u200b/g, "");
}

/** True when Discord would notify someone for this message payload. */
export function couldPing(raw: Record<string, unknown>): boolean {
  const am = raw.allowed_mentions as
    | { parse?: unknown[]; users?: unknown[]; roles?: unknown[]; replied_user?: boolean }
    | undefined;
  const restricted =
    am !== undefined &&
    Array.isArray(am.parse) &&
    am.parse.length === 0 &&
    (am.users?.length ?? 0) === 0 &&
    (am.roles?.length ?? 0) === 0 &&
    (raw.message_reference === undefined || am.replied_user === false);
  // Only content can ping; an unescaped mention there is a risk even when allowed_mentions is set.
  const content = typeof raw.content === "string" ? raw.content : "";
  const live = /(^|[^\\])(@everyone|@here|<@[!&]?\d+>)/.test(content);
  return !restricted || live;
}

export async function startDiscordDriver(opts: {
  mode: Mode;
  engine: Engine;
  subscriptions?: SubscriptionService;
  quickReplyMs?: number;
  clock?: Clock;
  sources?: SourcesDeps;
}): Promise<DiscordHarness> {
  // Not starting with "bot": discord.js strips a leading "Bot" from tokens.
  const token = `test-token-${randomUUID()}`;
  const applicationId = "100000000000000001";
  const { publicKeyHex, privateKey } = keypair();
  const fake = await startFakeDiscord({ token, applicationId, heartbeatIntervalMs: 500 });
  const prefix = `summit-test-${randomUUID()}`;
  const redis = new Redis("redis://127.0.0.1:6379", { lazyConnect: false, maxRetriesPerRequest: 2 });
  const subscriptions = opts.subscriptions ?? createMemorySubscriptions();
  const adapter = createDiscordAdapter({
    config: {
      discordToken: token,
      discordApplicationId: applicationId,
      discordPublicKey: publicKeyHex,
      discordApiUrl: fake.apiUrl,
      redisPrefix: prefix,
    },
    engine: opts.engine,
    subscriptions,
    redis,
    logger: createLogger(process.env.SUMMIT_TEST_LOG ?? "silent"),
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.quickReplyMs !== undefined ? { quickReplyMs: opts.quickReplyMs } : {}),
    senderMaxWaitMs: 1000,
    ...(opts.sources ? { sources: opts.sources } : {}),
  });
  // Thread Q&A needs the gateway in both modes; in http mode interactions come only over HTTP.
  await adapter.start();

  let server: Server | null = null;
  let endpoint = "";
  if (opts.mode === "http") {
    const handler = adapter.interactionsHandler!;
    server = createServer((req, res) => {
      if (req.url === "/discord/interactions") handler(req, res);
      else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/discord/interactions`;
  }

  const signed = (body: string, at: Date = opts.clock?.now() ?? new Date()) => {
    const ts = String(Math.floor(at.getTime() / 1000));
    return {
      "content-type": "application/json",
      "x-signature-timestamp": ts,
      "x-signature-ed25519": sign(null, Buffer.from(ts + body), privateKey).toString("hex"),
    };
  };

  const postRaw = async (body: string, headers: Record<string, string>, o: { chunked?: boolean } = {}) => {
    // chunked: streamed without a Content-Length (64 KB chunks), so only the running count can refuse it.
    const bytes = Buffer.from(body);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < bytes.length; i += 65_536) c.enqueue(bytes.subarray(i, i + 65_536));
        c.close();
      },
    });
    const res = o.chunked
      ? await fetch(endpoint, { method: "POST", body: stream, headers, duplex: "half" } as RequestInit)
      : await fetch(endpoint, { method: "POST", body, headers });
    return { status: res.status, text: await res.text() };
  };

  const deliver = async (interaction: { token: string }) => {
    if (opts.mode === "gateway") {
      fake.dispatch("INTERACTION_CREATE", interaction);
      await fake.waitForResponse(interaction.token);
      await adapter.idle();
      return { status: 200, response: fake.interactionResponses(interaction.token)[0] };
    }
    const body = JSON.stringify(interaction);
    const res = await postRaw(body, signed(body));
    let response: unknown = null;
    if (res.status === 200) {
      response = JSON.parse(res.text) as unknown;
      const r = response as { type: number; data?: Record<string, unknown> };
      if (r.type !== 1 && r.type !== 8) fake.applyInteractionResponse(interaction.token, r);
    }
    await adapter.idle();
    return { status: res.status, response };
  };

  const toPosted = (m: StoredMessage): PostedMessage => {
    const channel = fake.channels.get(m.channel_id);
    return {
      id: m.id,
      channel: m.channel_id,
      text: visibleText({ content: m.content, embeds: m.embeds }),
      threadOf: channel?.type === 11 ? channel.id : null,
      ephemeral: (m.flags & 64) !== 0,
      raw: m.raw,
    };
  };

  const command = async (name: string, options: Record<string, string>) => {
    const interaction = fake.slashCommand(
      name,
      Object.entries(options).map(([n, value]) => ({ name: n, value })),
    );
    await deliver(interaction);
    return fake.interactionMessages(interaction.token).map(toPosted);
  };

  return {
    name: "discord",
    mode: opts.mode,
    fake,
    adapter,
    redis,
    prefix,
    subscriptions,
    deliver,
    postRaw,
    signed,
    toPosted,
    command,
    slash: (topic) => command("summit", { topic }),
    async followUp(briefing, question) {
      if (!fake.channels.has(briefing.id)) fake.userStartsThread(briefing.id, "Questions");
      const q = fake.userMessage(briefing.id, question);
      await fake.waitFor("an answer in the thread", () =>
        fake.botMessagesIn(briefing.id).some((m) => m.message_reference?.message_id === q.id),
      );
      await adapter.idle();
      return fake
        .botMessagesIn(briefing.id)
        .filter((m) => m.seq > q.seq)
        .map(toPosted);
    },
    subscribe: (args) =>
      command("summit-subscribe", {
        time: args.at,
        timezone: args.tz,
        ...(args.days !== undefined ? { days: args.days } : {}),
        ...(args.topics !== undefined ? { topics: args.topics } : {}),
      }),
    subscriptionIdIn: (text) => /Id `([^`]+)`/.exec(text)?.[1] ?? null,
    listSubscriptions: () => command("summit-subscriptions", {}),
    unsubscribe: (id) => command("summit-unsubscribe", { id }),
    async foreignSubscriptionId() {
      const other = await subscriptions.subscribe({
        platform: "discord",
        workspace: "900000000000000009",
        channel: "900000000000000010",
        at: "09:00",
        tz: "UTC",
        days: ["mon"],
        topics: [],
        createdBy: null,
      });
      return other.id;
    },
    visible: (text) => visibleText({ content: renderNotice(text).content }),
    couldPing: (m) => couldPing(m.raw as Record<string, unknown>),
    limitViolations: (m) => limitViolations(m.raw as { content?: string }),
    async close() {
      await adapter.stop();
      if (server) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server!.close(() => resolve()));
      }
      await fake.close();
      const keys: string[] = [];
      for await (const batch of redis.scanStream({ match: `${prefix}:*`, count: 200 }))
        keys.push(...(batch as string[]));
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    },
  };
}
