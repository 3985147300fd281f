/**
 * A local Discord for tests, on 127.0.0.1: the REST API subset Summit uses (documented routes, JSON
 * errors with Discord's codes, 429s with Retry-After) and the gateway WebSocket protocol (HELLO,
 * IDENTIFY → READY + GUILD_CREATE, heartbeats/ACK, dispatches such as INTERACTION_CREATE,
 * MESSAGE_CREATE and THREAD_CREATE). discord.js talks to it unchanged: REST base `${apiUrl}`, and the
 * gateway URL comes from GET /gateway/bot.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

const EPOCH = 1420070400000n;
let counter = 0n;
export function snowflake(): string {
  counter = (counter + 1n) % 4096n;
  return (((BigInt(Date.now()) - EPOCH) << 22n) | counter).toString();
}

export interface FakeUser {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: null;
  bot?: boolean;
}

export interface StoredMessage {
  id: string;
  channel_id: string;
  author: FakeUser;
  content: string;
  embeds: unknown[];
  components: unknown[];
  flags: number;
  /** Everything the bot sent for this message (last write), for assertions. */
  raw: Record<string, unknown>;
  nonce: string | null;
  message_reference: { message_id: string } | null;
  /** The interaction token that produced it, if any. */
  interactionToken: string | null;
  deleted: boolean;
  /** Order of creation. */
  seq: number;
  /** When it was created, by the fake's clock (ms). */
  createdAt: number;
  /** Interaction reply still "thinking" (deferred, not yet edited). */
  loading: boolean;
}

export interface FakeChannel {
  id: string;
  type: number;
  name: string;
  parent_id: string | null;
  guild_id: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
  auth: string | undefined;
}

interface Failure {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
  /** How many requests fail before it passes (default: all). */
  times?: number;
}

interface InteractionState {
  token: string;
  id: string;
  channelId: string;
  responses: unknown[];
  original: string | null;
  followups: string[];
  responded: Promise<void>;
  markResponded: () => void;
}

export interface FakeDiscordOptions {
  token: string;
  applicationId: string;
  heartbeatIntervalMs?: number;
}

type Json = Record<string, unknown>;

export class FakeDiscord {
  readonly token: string;
  readonly applicationId: string;
  readonly guildId = snowflake();
  readonly channelId = snowflake();
  readonly bot: FakeUser;
  readonly user: FakeUser = {
    id: snowflake(),
    username: "reader",
    discriminator: "0",
    global_name: "Reader",
    avatar: null,
  };
  readonly otherBot: FakeUser = {
    id: snowflake(),
    username: "otherbot",
    discriminator: "0",
    global_name: null,
    avatar: null,
    bot: true,
  };
  readonly channels = new Map<string, FakeChannel>();
  readonly messages = new Map<string, StoredMessage>();
  readonly requests: RecordedRequest[] = [];
  readonly commands = new Map<string, unknown[]>();
  /** Per-channel failures injected by tests (for POST /channels/{id}/messages). */
  readonly failures = new Map<string, Failure>();
  heartbeats = 0;
  identified = 0;
  apiUrl = "";
  private readonly interactions = new Map<string, InteractionState>();
  private readonly sockets = new Set<{ ws: WebSocket; seq: number; ready: boolean }>();
  private readonly server: Server;
  private readonly wss: WebSocketServer;
  private readonly heartbeatIntervalMs: number;
  private seq = 0;
  /**
   * How long Discord honours an `enforce_nonce` nonce (documented as "a few minutes"); a post with
   * the same nonce after that is a new message.
   */
  nonceWindowMs = 5 * 60_000;
  /** Added to Date.now() for the fake's clock: tests move time past the nonce window. */
  clockOffsetMs = 0;
  now(): number {
    return Date.now() + this.clockOffsetMs;
  }
  private waiters: (() => void)[] = [];

  constructor(opts: FakeDiscordOptions) {
    this.token = opts.token;
    this.applicationId = opts.applicationId;
    this.heartbeatIntervalMs = opts.heartbeatIntervalMs ?? 41_250;
    this.bot = {
      id: opts.applicationId,
      username: "Summit",
      discriminator: "0",
      global_name: "Summit",
      avatar: null,
      bot: true,
    };
    this.channels.set(this.channelId, {
      id: this.channelId,
      type: 0,
      name: "news",
      parent_id: null,
      guild_id: this.guildId,
    });
    this.server = createServer((req, res) => {
      this.route(req, res).catch((err: unknown) => {
        this.reply(res, 500, { message: String(err), code: 0 });
      });
    });
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on("upgrade", (req, socket, head) => {
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws));
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    this.apiUrl = `http://127.0.0.1:${port}/api`;
  }

  get wsUrl(): string {
    return this.apiUrl.replace(/^http/, "ws").replace(/\/api$/, "");
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- waiting -------------------------------------------------------------------------------

  private changed(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Resolves when the predicate holds (checked after every change), or rejects after timeoutMs. */
  async waitFor<T>(what: string, check: () => T | null | undefined | false, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = check();
      if (v) return v;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`fake discord: timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 250));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  // ---- gateway -------------------------------------------------------------------------------

  private send(s: { ws: WebSocket; seq: number }, payload: Json): void {
    s.ws.send(JSON.stringify(payload));
  }

  private onSocket(ws: WebSocket): void {
    const session = { ws, seq: 0, ready: false };
    this.sockets.add(session);
    ws.on("close", () => this.sockets.delete(session));
    this.send(session, { op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs }, s: null, t: null });
    ws.on("message", (data) => {
      let msg: { op: number; d: unknown };
      try {
        msg = JSON.parse(String(data)) as { op: number; d: unknown };
      } catch {
        ws.close(4002, "Decode error");
        return;
      }
      if (msg.op === 1) {
        this.heartbeats++;
        this.send(session, { op: 11, d: null, s: null, t: null });
        this.changed();
      } else if (msg.op === 2) {
        const d = msg.d as { token?: string; intents?: number };
        if (d.token !== this.token && d.token !== `Bot ${this.token}`) {
          ws.close(4004, "Authentication failed.");
          return;
        }
        this.identified++;
        session.ready = true;
        this.dispatchTo(session, "READY", {
          v: 10,
          user: { ...this.bot, verified: true, mfa_enabled: false, flags: 0 },
          guilds: [{ id: this.guildId, unavailable: true }],
          session_id: randomBytes(16).toString("hex"),
          resume_gateway_url: this.wsUrl,
          shard: [0, 1],
          application: { id: this.applicationId, flags: 0 },
        });
        this.dispatchTo(session, "GUILD_CREATE", this.guildPayload());
        this.changed();
      } else if (msg.op === 6) {
        this.send(session, { op: 9, d: false, s: null, t: null });
      }
    });
  }

  private guildPayload(): Json {
    const now = new Date().toISOString();
    const channels = [...this.channels.values()].filter((c) => c.type === 0);
    const threads = [...this.channels.values()]
      .filter((c) => c.type === 11)
      .map((c) => this.threadPayload(c));
    return {
      id: this.guildId,
      name: "Summit test server",
      icon: null,
      owner_id: this.user.id,
      unavailable: false,
      member_count: 3,
      large: false,
      joined_at: now,
      features: [],
      premium_tier: 0,
      preferred_locale: "en-US",
      channels: channels.map((c) => ({ ...c, position: 0, permission_overwrites: [] })),
      threads,
      members: [{ user: this.bot, roles: [], joined_at: now, deaf: false, mute: false, flags: 0 }],
      roles: [
        {
          id: this.guildId,
          name: "@everyone",
          permissions: "1071698660929",
          position: 0,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      emojis: [],
      stickers: [],
      voice_states: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  private threadPayload(c: FakeChannel): Json {
    return {
      ...c,
      owner_id: this.bot.id,
      message_count: 0,
      member_count: 1,
      rate_limit_per_user: 0,
      thread_metadata: {
        archived: false,
        auto_archive_duration: 1440,
        archive_timestamp: new Date().toISOString(),
        locked: false,
      },
    };
  }

  private dispatchTo(s: { ws: WebSocket; seq: number }, t: string, d: unknown): void {
    s.seq++;
    this.send(s, { op: 0, t, s: s.seq, d });
  }

  /** Sends a dispatch event to every identified gateway session. */
  dispatch(t: string, d: unknown): void {
    for (const s of this.sockets) if (s.ready) this.dispatchTo(s, t, d);
  }

  async waitForGateway(): Promise<void> {
    await this.waitFor("a gateway session", () => [...this.sockets].some((s) => s.ready));
  }

  // ---- users' actions ------------------------------------------------------------------------

  private messagePayload(m: StoredMessage): Json {
    const channel = this.channels.get(m.channel_id);
    return {
      id: m.id,
      channel_id: m.channel_id,
      guild_id: channel?.guild_id ?? this.guildId,
      author: m.author,
      member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
      content: m.content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: m.embeds,
      components: m.components,
      pinned: false,
      type: m.message_reference ? 19 : 0,
      flags: m.flags,
      ...(m.message_reference ? { message_reference: m.message_reference } : {}),
      ...(m.interactionToken ? { application_id: this.applicationId, webhook_id: this.applicationId } : {}),
    };
  }

  private store(
    channelId: string,
    author: FakeUser,
    body: Json,
    extra: Partial<StoredMessage> = {},
  ): StoredMessage {
    const m: StoredMessage = {
      id: snowflake(),
      channel_id: channelId,
      author,
      content: typeof body.content === "string" ? body.content : "",
      embeds: Array.isArray(body.embeds) ? body.embeds : [],
      components: Array.isArray(body.components) ? body.components : [],
      flags: typeof body.flags === "number" ? body.flags : 0,
      raw: body,
      nonce: typeof body.nonce === "string" ? body.nonce : null,
      message_reference: (body.message_reference as { message_id: string } | undefined) ?? null,
      interactionToken: null,
      deleted: false,
      seq: ++this.seq,
      createdAt: this.now(),
      loading: false,
      ...extra,
    };
    this.messages.set(m.id, m);
    this.changed();
    return m;
  }

  /** A user (or another bot) posts a message; the gateway gets MESSAGE_CREATE. */
  userMessage(
    channelId: string,
    content: string,
    opts: { author?: FakeUser; mentionBot?: boolean } = {},
  ): StoredMessage {
    const author = opts.author ?? this.user;
    const m = this.store(channelId, author, { content });
    const payload = this.messagePayload(m);
    if (opts.mentionBot) payload.mentions = [this.bot];
    this.dispatch("MESSAGE_CREATE", payload);
    return m;
  }

  /** A user starts a thread from a message (the thread's id is the message's id, as on Discord). */
  userStartsThread(messageId: string, name: string): FakeChannel {
    const parent = this.messages.get(messageId);
    if (!parent) throw new Error(`no message ${messageId}`);
    return this.createThread(parent.channel_id, messageId, name);
  }

  private createThread(parentId: string, messageId: string, name: string): FakeChannel {
    const thread: FakeChannel = {
      id: messageId,
      type: 11,
      name,
      parent_id: parentId,
      guild_id: this.guildId,
    };
    this.channels.set(thread.id, thread);
    this.dispatch("THREAD_CREATE", { ...this.threadPayload(thread), newly_created: true });
    this.changed();
    return thread;
  }

  /** Builds an interaction as Discord sends it, and remembers its token. */
  interaction(type: number, data: Json, extra: Json = {}): Json & { id: string; token: string } {
    const id = snowflake();
    const token = `itok_${randomBytes(24).toString("base64url")}`;
    let markResponded = () => {};
    const responded = new Promise<void>((resolve) => {
      markResponded = resolve;
    });
    const channelId = typeof extra.channel_id === "string" ? extra.channel_id : this.channelId;
    this.interactions.set(token, {
      token,
      id,
      channelId,
      responses: [],
      original: null,
      followups: [],
      responded,
      markResponded,
    });
    const channel = this.channels.get(channelId);
    return {
      id,
      application_id: this.applicationId,
      type,
      data,
      guild_id: this.guildId,
      channel_id: channelId,
      channel: channel ? { ...channel } : { id: channelId, type: 0 },
      member: {
        user: this.user,
        roles: [],
        permissions: "1071698660929",
        joined_at: new Date().toISOString(),
        deaf: false,
        mute: false,
        flags: 0,
      },
      token,
      version: 1,
      app_permissions: "1071698660929",
      locale: "en-US",
      guild_locale: "en-US",
      entitlements: [],
      authorizing_integration_owners: { "0": this.guildId },
      context: 0,
      attachment_size_limit: 10_485_760,
      ...extra,
    };
  }

  slashCommand(
    name: string,
    options: { name: string; value: string; focused?: boolean }[],
    autocomplete = false,
  ) {
    return this.interaction(autocomplete ? 4 : 2, {
      id: snowflake(),
      name,
      type: 1,
      options: options.map((o) => ({ type: 3, ...o })),
    });
  }

  buttonClick(message: StoredMessage, customId: string) {
    return this.interaction(
      3,
      { custom_id: customId, component_type: 2 },
      { message: this.messagePayload(message), channel_id: message.channel_id },
    );
  }

  /** What Discord does with an interaction response (the HTTP body, or the callback POST body). */
  applyInteractionResponse(token: string, response: { type: number; data?: Json }): void {
    const it = this.interactions.get(token);
    if (!it) throw new Error("unknown interaction token");
    it.responses.push(response);
    const data = response.data ?? {};
    if (response.type === 4 || response.type === 5) {
      const m = this.store(it.channelId, this.bot, data, {
        interactionToken: token,
        loading: response.type === 5,
      });
      it.original = m.id;
      if (!m.loading && (m.flags & 64) === 0) this.dispatch("MESSAGE_CREATE", this.messagePayload(m));
    } else if (response.type === 7 && it.original) {
      const m = this.messages.get(it.original);
      if (m)
        Object.assign(m, { raw: data, content: data.content ?? m.content, embeds: data.embeds ?? m.embeds });
    }
    it.markResponded();
    this.changed();
  }

  interactionResponses(token: string): unknown[] {
    return this.interactions.get(token)?.responses ?? [];
  }

  async waitForResponse(token: string): Promise<void> {
    const it = this.interactions.get(token);
    if (!it) throw new Error("unknown interaction token");
    await this.waitFor("an interaction response", () => it.responses.length > 0);
  }

  /** Messages an interaction produced (its reply and follow-ups), in order, without deleted ones. */
  interactionMessages(token: string): StoredMessage[] {
    return [...this.messages.values()]
      .filter((m) => m.interactionToken === token && !m.deleted)
      .sort((a, b) => a.seq - b.seq);
  }

  /** Messages the bot posted in a channel (or thread), in order. */
  botMessagesIn(channelId: string): StoredMessage[] {
    return [...this.messages.values()]
      .filter((m) => m.channel_id === channelId && m.author.id === this.bot.id && !m.deleted)
      .sort((a, b) => a.seq - b.seq);
  }

  // ---- REST --------------------------------------------------------------------------------------

  private reply(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    if (res.headersSent) return;
    if (status === 204) {
      res.writeHead(204, headers);
      res.end();
      return;
    }
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(text);
  }

  private async readJson(req: IncomingMessage): Promise<Json> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    if (!text) return {};
    return JSON.parse(text) as Json;
  }

  private checkBotAuth(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.headers.authorization === `Bot ${this.token}`) return true;
    this.reply(res, 401, { message: "401: Unauthorized", code: 0 });
    return false;
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://x");
    const method = req.method ?? "GET";
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, "");
    const body = method === "GET" || method === "DELETE" ? {} : await this.readJson(req);
    this.requests.push({ method, path, body, auth: req.headers.authorization });
    let m: RegExpMatchArray | null;

    if (method === "GET" && path === "/gateway/bot") {
      if (!this.checkBotAuth(req, res)) return;
      return this.reply(res, 200, {
        url: this.wsUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      });
    }
    if (method === "GET" && path === "/users/@me") {
      if (!this.checkBotAuth(req, res)) return;
      return this.reply(res, 200, this.bot);
    }
    m = path.match(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/);
    if (m && method === "PUT") {
      if (!this.checkBotAuth(req, res)) return;
      if (m[1] !== this.applicationId)
        return this.reply(res, 403, { message: "Missing Access", code: 50001 });
      const list = (Array.isArray(body) ? body : []) as Json[];
      const saved = list.map((c) => ({
        ...c,
        id: snowflake(),
        application_id: this.applicationId,
        version: snowflake(),
      }));
      this.commands.set(m[2] ?? "global", saved);
      return this.reply(res, 200, saved);
    }
    m = path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/);
    if (m && method === "POST") {
      const it = this.interactions.get(m[2]!);
      if (!it || it.id !== m[1]) return this.reply(res, 404, { message: "Unknown interaction", code: 10062 });
      if (it.responses.length > 0) {
        return this.reply(res, 400, { message: "Interaction has already been acknowledged.", code: 40060 });
      }
      this.applyInteractionResponse(m[2]!, body as { type: number; data?: Json });
      return this.reply(res, 204, null);
    }
    m = path.match(/^\/webhooks\/(\d+)\/([^/]+)(\/messages\/(@original|\d+))?$/);
    if (m) {
      return this.webhookRoute(res, method, m[1]!, m[2]!, m[4] ?? null, body);
    }
    m = path.match(/^\/channels\/(\d+)\/messages\/(\d+)\/threads$/);
    if (m && method === "POST") {
      if (!this.checkBotAuth(req, res)) return;
      const parent = this.messages.get(m[2]!);
      if (!parent || parent.channel_id !== m[1])
        return this.reply(res, 404, { message: "Unknown Message", code: 10008 });
      if (this.channels.has(m[2]!)) {
        return this.reply(res, 400, {
          message: "A thread has already been created for this message",
          code: 160004,
        });
      }
      const name = typeof body.name === "string" ? body.name : "";
      if (name.length === 0 || name.length > 100) {
        return this.reply(res, 400, { message: "Invalid Form Body", code: 50035, errors: { name: {} } });
      }
      const thread = this.createThread(m[1]!, m[2]!, name);
      return this.reply(res, 201, this.threadPayload(thread));
    }
    m = path.match(/^\/channels\/(\d+)\/typing$/);
    if (m && method === "POST") {
      if (!this.checkBotAuth(req, res)) return;
      return this.reply(res, 204, null);
    }
    m = path.match(/^\/channels\/(\d+)\/messages$/);
    if (m && method === "POST") {
      if (!this.checkBotAuth(req, res)) return;
      const failure = this.failures.get(m[1]!);
      if (failure && (failure.times === undefined || failure.times > 0)) {
        if (failure.times !== undefined) failure.times--;
        return this.reply(res, failure.status, failure.body, failure.headers ?? {});
      }
      if (!this.channels.has(m[1]!)) return this.reply(res, 404, { message: "Unknown Channel", code: 10003 });
      if (body.enforce_nonce === true && typeof body.nonce === "string") {
        const existing = [...this.messages.values()].find(
          (x) =>
            x.channel_id === m![1] &&
            x.author.id === this.bot.id &&
            x.nonce === body.nonce &&
            this.now() - x.createdAt <= this.nonceWindowMs,
        );
        if (existing) return this.reply(res, 200, this.messagePayload(existing));
      }
      const stored = this.store(m[1]!, this.bot, body);
      this.dispatch("MESSAGE_CREATE", this.messagePayload(stored));
      return this.reply(res, 200, this.messagePayload(stored));
    }
    if (m && method === "GET") {
      // The channel's latest messages, newest first (GET /channels/{id}/messages?limit=); like
      // Discord's, fetched messages do not carry the nonce.
      if (!this.checkBotAuth(req, res)) return;
      if (!this.channels.has(m[1]!)) return this.reply(res, 404, { message: "Unknown Channel", code: 10003 });
      const limit = Math.min(
        Math.max(Number(new URL(req.url ?? "/", "http://x").searchParams.get("limit") ?? 50), 1),
        100,
      );
      const list = [...this.messages.values()]
        .filter((x) => x.channel_id === m![1] && !x.deleted)
        .sort((a, b) => b.seq - a.seq)
        .slice(0, limit)
        .map((x) => this.messagePayload(x));
      return this.reply(res, 200, list);
    }
    m = path.match(/^\/channels\/(\d+)$/);
    if (m && method === "GET") {
      if (!this.checkBotAuth(req, res)) return;
      const c = this.channels.get(m[1]!);
      if (!c) return this.reply(res, 404, { message: "Unknown Channel", code: 10003 });
      return this.reply(res, 200, c.type === 11 ? this.threadPayload(c) : c);
    }
    return this.reply(res, 404, { message: `404: Not Found (${method} ${path})`, code: 0 });
  }

  private async webhookRoute(
    res: ServerResponse,
    method: string,
    appId: string,
    token: string,
    messageId: string | null,
    body: Json,
  ): Promise<void> {
    const it = this.interactions.get(token);
    if (appId !== this.applicationId || !it)
      return this.reply(res, 404, { message: "Unknown Webhook", code: 10015 });
    // Discord applies the interaction response before follow-ups; in HTTP mode the bot's first
    // follow-up can reach us before the driver hands over the HTTP response, so wait for it.
    await Promise.race([it.responded, new Promise((r) => setTimeout(r, 3000))]);
    if (it.responses.length === 0) {
      return this.reply(res, 400, { message: "Interaction has not been acknowledged", code: 40060 });
    }
    if (messageId === null && method === "POST") {
      const m = this.store(it.channelId, this.bot, body, { interactionToken: token });
      it.followups.push(m.id);
      if ((m.flags & 64) === 0) this.dispatch("MESSAGE_CREATE", this.messagePayload(m));
      return this.reply(res, 200, this.messagePayload(m));
    }
    const id = messageId === "@original" ? it.original : messageId;
    const m = id ? this.messages.get(id) : undefined;
    if (!m || m.interactionToken !== token || m.deleted) {
      return this.reply(res, 404, { message: "Unknown Message", code: 10008 });
    }
    if (method === "GET") return this.reply(res, 200, this.messagePayload(m));
    if (method === "DELETE") {
      m.deleted = true;
      this.changed();
      return this.reply(res, 204, null);
    }
    if (method === "PATCH") {
      const wasLoading = m.loading;
      Object.assign(m, {
        raw: body,
        content: typeof body.content === "string" ? body.content : m.content,
        embeds: Array.isArray(body.embeds) ? body.embeds : m.embeds,
        components: Array.isArray(body.components) ? body.components : m.components,
        loading: false,
      });
      if (wasLoading && (m.flags & 64) === 0) this.dispatch("MESSAGE_CREATE", this.messagePayload(m));
      this.changed();
      return this.reply(res, 200, this.messagePayload(m));
    }
    return this.reply(res, 405, { message: "405: Method Not Allowed", code: 0 });
  }
}

export async function startFakeDiscord(opts: FakeDiscordOptions): Promise<FakeDiscord> {
  const fake = new FakeDiscord(opts);
  await fake.listen();
  return fake;
}
