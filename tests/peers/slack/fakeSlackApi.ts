/**
 * A local stand-in for the Slack Web API (https://slack.com/api/<method>) and for response_url
 * endpoints, on 127.0.0.1. It speaks the documented wire format (form-encoded or JSON requests,
 * `{ ok, error }` JSON responses, HTTP 429 with Retry-After) and records every call, so tests assert
 * on exactly what the real SDK sent. Point the app at it with SLACK_API_URL = `${url}/api/`.
 *
 * Socket Mode (https://docs.slack.dev/apis/events-api/using-socket-mode): `apps.connections.open`
 * with an app-level token (`xapp-…`, in the Authorization header) answers a one-time
 * `ws://…/link?ticket=…` URL; on that WebSocket the server says `{"type":"hello",…}`, then `socket`
 * pushes envelopes `{envelope_id, type, payload, accepts_response_payload, retry_attempt?, retry_reason?}`
 * and records the client's acks `{envelope_id, payload?}`. Pings are answered with pongs (ws does it).
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

export interface RecordedCall {
  /** "api" for Web API methods, "response" for response_url posts. */
  kind: "api" | "response";
  /** Web API method (e.g. "chat.postMessage") or the response_url id. */
  method: string;
  body: Record<string, unknown>;
  token: string | null;
  /** For chat.postMessage: the ts we answered with. */
  ts: string | null;
  /** False when we answered with an error (injected by failNext). */
  ok: boolean;
  seq: number;
  /** performance.now() when the call arrived. */
  at: number;
}

export interface Failure {
  /** Slack's error code, answered as HTTP 200 `{ ok: false, error }`. */
  error?: string;
  /** HTTP status; 429 answers with a Retry-After header. */
  status?: number;
  retryAfterSeconds?: number;
}

export type EnvelopeType = "slash_commands" | "events_api" | "interactive";

export interface Envelope {
  envelope_id?: string;
  type: EnvelopeType;
  payload: Record<string, unknown>;
  accepts_response_payload?: boolean;
  /** events_api only: 0 on first delivery, then 1, 2, … on Slack's retries. */
  retry_attempt?: number;
  retry_reason?: string;
}

/** What the client sent back on the socket for one envelope. */
export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
  /** Number in the shared call sequence (compare with mark()). */
  seq: number;
}

export interface FakeSocketMode {
  /** Open WebSocket connections that got their hello. */
  readonly connections: number;
  /** How many `hello`s the server has sent (one per accepted connection). */
  readonly hellos: number;
  /** Resolves once the server has sent at least `n` hellos. */
  helloCount(n: number): Promise<void>;
  /** Pushes an envelope to the (newest) connection; returns its envelope_id. */
  send(envelope: Envelope): string;
  /** Resolves with the client's ack of `envelopeId`; rejects after `timeoutMs`. */
  ack(envelopeId: string, timeoutMs?: number): Promise<SocketAck>;
  acks: SocketAck[];
  /** Every text frame the client sent, parsed (acks and anything unexpected). */
  received: unknown[];
  /** Slack asks the client to reconnect: `{"type":"disconnect","reason":…}`. */
  disconnect(reason?: "refresh_requested" | "warning" | "link_disabled"): void;
}

export interface FakeSlackApi {
  /** Base URL of the server; the Web API lives under `${url}/api/`. */
  url: string;
  apiUrl: string;
  calls: RecordedCall[];
  /** A fresh response_url on this server. */
  responseUrl(): string;
  /** Fail `times` calls of `method` this way, after letting `after` calls through. */
  failNext(method: string, failure: Failure, times?: number, after?: number): void;
  /**
   * While on, chat.postMessage is accepted (the message is in the channel's history) but its answer
   * is held open, never sent: the caller cannot know the outcome (a worker killed mid-post).
   */
  holdPosts(on: boolean): void;
  /** Resolves when a held chat.postMessage has arrived (and been accepted). */
  heldPost(): Promise<void>;
  /** Messages posted to a channel, oldest first, with their metadata (as conversations.history keeps). */
  history(channel: string): { ts: string; text: unknown; metadata?: unknown }[];
  /** Takes a number in the call sequence (later calls get higher ones), to mark "from here on". */
  mark(): number;
  readonly botUserId: string;
  readonly teamId: string;
  /** Socket Mode: the WebSocket side of apps.connections.open. */
  socket: FakeSocketMode;
  /** What users.info answers for a user (default: a plain member). */
  setUser(id: string, flags: { is_admin?: boolean; is_owner?: boolean; is_primary_owner?: boolean }): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** WebClient sends nested values (blocks, metadata) as JSON strings inside the form. */
function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === "") return {};
  if (contentType?.includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    if (/^[[{]/.test(v)) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        // plain text that happens to start with a bracket
      }
    }
    out[k] = v;
  }
  return out;
}

export async function startFakeSlackApi(
  opts: { teamId?: string; botUserId?: string } = {},
): Promise<FakeSlackApi> {
  const teamId = opts.teamId ?? "T0SUMMIT";
  const botUserId = opts.botUserId ?? "U0SUMMITBOT";
  const calls: RecordedCall[] = [];
  const failures = new Map<string, (Failure | null)[]>();
  const users = new Map<string, { is_admin?: boolean; is_owner?: boolean; is_primary_owner?: boolean }>();
  let seq = 0;
  let tsCounter = 0;
  let responseCounter = 0;
  const appId = "A0SUMMIT";
  /** One-time tickets handed out by apps.connections.open. */
  const tickets = new Set<string>();
  const sockets: WebSocket[] = [];
  const acks: SocketAck[] = [];
  const received: unknown[] = [];
  const ackWaiters = new Map<string, (ack: SocketAck) => void>();
  let hellos = 0;
  const helloWaiters: { n: number; resolve: () => void }[] = [];
  let baseUrl = "";
  const channels = new Map<string, { ts: string; text: unknown; metadata?: unknown }[]>();
  let holding = false;
  const heldWaiters: (() => void)[] = [];

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(payload));
    };
    let body: Record<string, unknown>;
    try {
      body = parseBody(raw, req.headers["content-type"]);
    } catch {
      send(400, { ok: false, error: "invalid_json" });
      return;
    }
    const auth = req.headers.authorization;
    const token = auth?.startsWith("Bearer ")
      ? auth.slice(7)
      : typeof body.token === "string"
        ? body.token
        : null;

    if (url.pathname.startsWith("/response/")) {
      calls.push({
        kind: "response",
        method: url.pathname.slice(10),
        body,
        token,
        ts: null,
        ok: true,
        seq: ++seq,
        at: performance.now(),
      });
      send(200, { ok: true });
      return;
    }
    const method = url.pathname.replace(/^\/api\//, "");
    const queued = failures.get(method);
    const failure = queued?.shift();
    const call: RecordedCall = {
      kind: "api",
      method,
      body,
      token,
      ts: null,
      ok: !failure,
      seq: ++seq,
      at: performance.now(),
    };
    calls.push(call);
    if (failure) {
      if (failure.status === 429) {
        send(
          429,
          { ok: false, error: "ratelimited" },
          { "retry-after": String(failure.retryAfterSeconds ?? 1) },
        );
      } else if (failure.status && failure.status !== 200) {
        send(failure.status, { ok: false, error: failure.error ?? "internal_error" });
      } else {
        send(200, { ok: false, error: failure.error ?? "internal_error" });
      }
      return;
    }
    if (!token) {
      send(200, { ok: false, error: "not_authed" });
      return;
    }
    switch (method) {
      case "apps.connections.open": {
        // Only an app-level token may open a connection; a bot token is refused as Slack does.
        if (!token.startsWith("xapp-")) {
          call.ok = false;
          send(200, { ok: false, error: "not_allowed_token_type" });
          return;
        }
        const ticket = randomUUID();
        tickets.add(ticket);
        send(200, {
          ok: true,
          url: `${baseUrl.replace(/^http/, "ws")}/link/?ticket=${ticket}&app_id=${appId}`,
        });
        return;
      }
      case "auth.test":
        send(200, {
          ok: true,
          url: "https://summit-test.slack.com/",
          team: "Summit Test",
          user: "summit",
          team_id: teamId,
          user_id: botUserId,
          bot_id: "B0SUMMITBOT",
          is_enterprise_install: false,
        });
        return;
      case "chat.postMessage": {
        tsCounter += 1;
        const ts = `${1_700_000_000 + tsCounter}.${String(tsCounter).padStart(6, "0")}`;
        call.ts = ts;
        const chan = String(body.channel);
        if (!channels.has(chan)) channels.set(chan, []);
        channels
          .get(chan)!
          .push({ ts, text: body.text, ...(body.metadata ? { metadata: body.metadata } : {}) });
        if (holding) {
          // Accepted, but the answer never comes (until the client goes away).
          for (const w of heldWaiters.splice(0)) w();
          return;
        }
        send(200, {
          ok: true,
          channel: body.channel,
          ts,
          message: { text: body.text, ts, bot_id: "B0SUMMITBOT" },
        });
        return;
      }
      case "conversations.history": {
        const all = channels.get(String(body.channel)) ?? [];
        const withMeta = body.include_all_metadata === true || body.include_all_metadata === "true";
        const limit = Math.min(Number(body.limit ?? 100) || 100, 1000);
        const messages = [...all]
          .reverse()
          .slice(0, limit)
          .map((m) => ({
            type: "message",
            ts: m.ts,
            text: m.text,
            bot_id: "B0SUMMITBOT",
            ...(withMeta && m.metadata ? { metadata: m.metadata } : {}),
          }));
        send(200, { ok: true, messages, has_more: all.length > limit });
        return;
      }
      case "chat.postEphemeral":
        send(200, { ok: true, message_ts: `${1_700_000_000 + tsCounter}.999999` });
        return;
      case "conversations.join":
        send(200, { ok: true, channel: { id: body.channel } });
        return;
      case "users.info": {
        const id = String(body.user ?? "");
        const flags = users.get(id) ?? {};
        send(200, {
          ok: true,
          user: {
            id,
            team_id: teamId,
            name: id.toLowerCase(),
            deleted: false,
            is_bot: false,
            is_admin: flags.is_admin ?? false,
            is_owner: flags.is_owner ?? false,
            is_primary_owner: flags.is_primary_owner ?? false,
          },
        });
        return;
      }
      default:
        send(200, { ok: true });
    }
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on("upgrade", (req, sock, head) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const ticket = url.searchParams.get("ticket") ?? "";
    if (!/^\/link\/?$/.test(url.pathname) || !tickets.delete(ticket)) {
      sock.end("HTTP/1.1 401 Unauthorized\r\nconnection: close\r\n\r\n");
      return;
    }
    wss.handleUpgrade(req, sock, head, (ws) => {
      sockets.push(ws);
      ws.on("close", () => sockets.splice(sockets.indexOf(ws), 1));
      ws.on("message", (data, isBinary) => {
        if (isBinary) return;
        let msg: unknown;
        try {
          msg = JSON.parse(String(data));
        } catch {
          received.push(String(data));
          return;
        }
        received.push(msg);
        const m = msg as { envelope_id?: unknown; payload?: unknown };
        if (typeof m.envelope_id !== "string") return;
        const ack: SocketAck = {
          envelope_id: m.envelope_id,
          ...(m.payload && typeof m.payload === "object"
            ? { payload: m.payload as Record<string, unknown> }
            : {}),
          seq: ++seq,
        };
        acks.push(ack);
        ackWaiters.get(ack.envelope_id)?.(ack);
      });
      ws.send(
        JSON.stringify({
          type: "hello",
          num_connections: sockets.length,
          debug_info: { host: "applink-fake-1", build_number: 1, approximate_connection_time: 18060 },
          connection_info: { app_id: appId },
        }),
      );
      hellos += 1;
      for (const w of helloWaiters.filter((w) => hellos >= w.n)) {
        helloWaiters.splice(helloWaiters.indexOf(w), 1);
        w.resolve();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  baseUrl = base;
  const socket: FakeSocketMode = {
    get connections() {
      return sockets.length;
    },
    get hellos() {
      return hellos;
    },
    helloCount: (n) =>
      hellos >= n ? Promise.resolve() : new Promise<void>((resolve) => helloWaiters.push({ n, resolve })),
    send(envelope) {
      const ws = sockets.at(-1);
      if (!ws) throw new Error("no Socket Mode client is connected");
      const envelope_id = envelope.envelope_id ?? randomUUID();
      ws.send(
        JSON.stringify({
          envelope_id,
          payload: envelope.payload,
          type: envelope.type,
          accepts_response_payload: envelope.accepts_response_payload ?? envelope.type === "slash_commands",
          ...(envelope.type === "events_api"
            ? { retry_attempt: envelope.retry_attempt ?? 0, retry_reason: envelope.retry_reason ?? "" }
            : {}),
        }),
      );
      return envelope_id;
    },
    ack(envelopeId, timeoutMs = 3000) {
      const done = acks.find((a) => a.envelope_id === envelopeId);
      if (done) return Promise.resolve(done);
      return new Promise<SocketAck>((resolve, reject) => {
        // The app under test runs in this process: when its work after the ack (an in-process engine's
        // first briefing) holds the event loop past the deadline, the timer phase comes before the poll
        // phase that reads the ack already sent. Judge after that poll phase (setImmediate), so what
        // fails is an ack not sent in time, not a loaded machine's late read of it.
        const timer = setTimeout(() => {
          setImmediate(() => {
            if (!ackWaiters.has(envelopeId)) return;
            ackWaiters.delete(envelopeId);
            reject(new Error(`envelope ${envelopeId} was not acknowledged within ${timeoutMs} ms`));
          });
        }, timeoutMs);
        ackWaiters.set(envelopeId, (a) => {
          clearTimeout(timer);
          ackWaiters.delete(envelopeId);
          resolve(a);
        });
      });
    },
    acks,
    received,
    disconnect(reason = "refresh_requested") {
      for (const ws of sockets)
        ws.send(JSON.stringify({ type: "disconnect", reason, debug_info: { host: "applink-fake-1" } }));
    },
  };
  return {
    url: base,
    apiUrl: `${base}/api/`,
    calls,
    socket,
    botUserId,
    setUser: (id, flags) => void users.set(id, flags),
    teamId,
    mark: () => ++seq,
    holdPosts(on: boolean) {
      holding = on;
    },
    heldPost() {
      return new Promise<void>((resolve) => heldWaiters.push(resolve));
    },
    history(channel: string) {
      return [...(channels.get(channel) ?? [])];
    },
    responseUrl: () => `${base}/response/${++responseCounter}`,
    failNext(method, failure, times = 1, after = 0) {
      const list = failures.get(method) ?? [];
      for (let i = 0; i < after; i++) list.push(null);
      for (let i = 0; i < times; i++) list.push(failure);
      failures.set(method, list);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of sockets) ws.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
