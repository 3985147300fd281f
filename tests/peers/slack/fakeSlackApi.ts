/**
 * A local stand-in for the Slack Web API (https://slack.com/api/<method>) and for response_url
 * endpoints, on 127.0.0.1. It speaks the documented wire format (form-encoded or JSON requests,
 * `{ ok, error }` JSON responses, HTTP 429 with Retry-After) and records every call, so tests assert
 * on exactly what the real SDK sent. Point the app at it with SLACK_API_URL = `${url}/api/`.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

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

export interface FakeSlackApi {
  /** Base URL of the server; the Web API lives under `${url}/api/`. */
  url: string;
  apiUrl: string;
  calls: RecordedCall[];
  /** A fresh response_url on this server. */
  responseUrl(): string;
  /** Fail `times` calls of `method` this way, after letting `after` calls through. */
  failNext(method: string, failure: Failure, times?: number, after?: number): void;
  /** Takes a number in the call sequence (later calls get higher ones), to mark "from here on". */
  mark(): number;
  readonly botUserId: string;
  readonly teamId: string;
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
  let seq = 0;
  let tsCounter = 0;
  let responseCounter = 0;

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
        send(200, {
          ok: true,
          channel: body.channel,
          ts,
          message: { text: body.text, ts, bot_id: "B0SUMMITBOT" },
        });
        return;
      }
      case "chat.postEphemeral":
        send(200, { ok: true, message_ts: `${1_700_000_000 + tsCounter}.999999` });
        return;
      case "conversations.join":
        send(200, { ok: true, channel: { id: body.channel } });
        return;
      default:
        send(200, { ok: true });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    apiUrl: `${base}/api/`,
    calls,
    botUserId,
    teamId,
    mark: () => ++seq,
    responseUrl: () => `${base}/response/${++responseCounter}`,
    failNext(method, failure, times = 1, after = 0) {
      const list = failures.get(method) ?? [];
      for (let i = 0; i < after; i++) list.push(null);
      for (let i = 0; i < times; i++) list.push(failure);
      failures.set(method, list);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
