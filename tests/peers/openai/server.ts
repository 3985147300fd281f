/**
 * A local OpenAI-compatible chat-completions server for tests (127.0.0.1, ephemeral port).
 * Tests script its replies in order; every request body is recorded. It speaks the documented wire
 * format: POST {base}/chat/completions → a `chat.completion` object, or an error body
 * `{ "error": { message, type, code } }` with the HTTP status (and Retry-After headers for 429).
 */
import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export type Reply =
  /** A completion whose message content is JSON.stringify(json). */
  | { json: unknown; delayMs?: number; finishReason?: "stop" | "length" }
  /** A completion whose message content is this exact text (e.g. malformed JSON). */
  | { content: string; delayMs?: number; finishReason?: "stop" | "length" }
  /** An HTTP error with an OpenAI-style error body. */
  | { status: number; headers?: Record<string, string>; message?: string; delayMs?: number }
  /** Never answers (until the client gives up and closes the connection). */
  | { hang: true }
  /** Decides from the request (e.g. a fake model that reads the evidence). */
  | { compute: (req: RecordedRequest) => Reply };

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage["headers"];
  body: {
    model?: string;
    messages?: { role: string; content: string }[];
    response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
    max_completion_tokens?: number;
    [k: string]: unknown;
  };
  /** True once the client closed the connection before a reply was sent. */
  aborted: boolean;
}

export interface FakeOpenAI {
  /** Base URL to give the SDK (ends in /v1). */
  baseURL: string;
  requests: RecordedRequest[];
  /** Queues replies, used in order; when the queue is empty, the responder answers (default: a 500). */
  enqueue(...replies: Reply[]): void;
  /** What answers when the queue is empty (null: a 500). */
  setResponder(reply: Reply | null): void;
  /** Forgets unused scripted replies and recorded requests (between tests). */
  reset(): void;
  close(): Promise<void>;
}

function completion(model: string, content: string, finishReason: string) {
  return {
    id: `chatcmpl-${Math.random().toString(36).slice(2)}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      { index: 0, message: { role: "assistant", content, refusal: null }, finish_reason: finishReason },
    ],
    usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const queue: Reply[] = [];
  let responder: Reply | null = null;
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? "";
    const raw = await readBody(req);
    if (req.method !== "POST" || !/\/v1\/chat\/completions$/.test(path)) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: "not found", type: "invalid_request_error", code: null } }));
      return;
    }
    let body: RecordedRequest["body"] = {};
    try {
      body = JSON.parse(raw) as RecordedRequest["body"];
    } catch {
      res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: "bad json", type: "invalid_request_error", code: null } }));
      return;
    }
    const record: RecordedRequest = { path, headers: req.headers, body, aborted: false };
    requests.push(record);
    res.on("close", () => {
      if (!res.writableFinished) record.aborted = true;
    });
    let reply = queue.shift() ?? responder ?? { status: 500, message: "no scripted reply" };
    while ("compute" in reply) reply = reply.compute(record);
    if ("hang" in reply) return;
    if (reply.delayMs) {
      await new Promise((r) => setTimeout(r, reply.delayMs));
      if (res.destroyed) return;
    }
    if ("status" in reply) {
      const type =
        reply.status === 429
          ? "rate_limit_exceeded"
          : reply.status >= 500
            ? "server_error"
            : "invalid_request_error";
      res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
      res.end(
        JSON.stringify({ error: { message: reply.message ?? `status ${reply.status}`, type, code: null } }),
      );
      return;
    }
    const content = "json" in reply ? JSON.stringify(reply.json) : reply.content;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(completion(body.model ?? "test-model", content, reply.finishReason ?? "stop")));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...replies) => queue.push(...replies),
    setResponder: (reply) => {
      responder = reply;
    },
    reset: () => {
      responder = null;
      queue.length = 0;
      requests.length = 0;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      server.close();
      await once(server, "close");
    },
  };
}
