/**
 * A local stand-in for the Slack and Discord message APIs, enough for the digest queue: it records
 * every post, answers 429 with Retry-After when told to, says a channel is gone (Slack
 * `channel_not_found`, Discord 404 code 10003), and honours Discord's `nonce` + `enforce_nonce` (a
 * repeated nonce returns the message already created instead of posting again).
 * Listens on 127.0.0.1, port 0.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Pool } from "undici";
import {
  type DeliveryTarget,
  type Platform,
  PlatformPermanentError,
  PlatformRateLimitError,
  type PlatformSender,
  type SendOptions,
} from "../../src/delivery.ts";
import type { Document } from "../../src/present/document.ts";

export interface FakePost {
  id: string;
  platform: Platform;
  channel: string;
  text: string;
  nonce: string | null;
  /** Date.now() when the platform accepted it. */
  at: number;
}

export interface FakeAttempt {
  platform: Platform;
  channel: string;
  status: number;
  at: number;
}

export interface FakePlatform {
  url: string;
  posts: FakePost[];
  attempts: FakeAttempt[];
  postsTo(channel: string): FakePost[];
  /**
   * The next `times` posts to `channel` get a 429 with Retry-After: `retryAfterS` seconds; with
   * `global`, Discord's global limit (`global: true`, X-RateLimit-Global) instead of the channel's bucket.
   */
  rateLimit(channel: string, retryAfterS: number, times?: number, opts?: { global?: boolean }): void;
  /** Posts to `channel` fail as if the channel were deleted or the bot removed. */
  gone(channel: string): void;
  close(): Promise<void>;
}

export async function startFakePlatform(): Promise<FakePlatform> {
  const posts: FakePost[] = [];
  const attempts: FakeAttempt[] = [];
  const limited = new Map<string, { retryAfterS: number; times: number; global: boolean }>();
  const goneChannels = new Set<string>();
  const byNonce = new Map<string, FakePost>();
  let seq = 0;

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Record<string, unknown>;
    const url = req.url ?? "";
    if (url === "/_stats") {
      const cpu = process.cpuUsage();
      return json(res, 200, {
        posts: posts.length,
        attempts: attempts.length,
        cpuMs: (cpu.user + cpu.system) / 1000,
      });
    }
    if (url === "/_reset") {
      posts.splice(0);
      attempts.splice(0);
      byNonce.clear();
      return json(res, 200, { ok: true });
    }
    const discord = /^\/discord\/api\/v10\/channels\/([^/]+)\/messages$/.exec(url);
    const platform: Platform | null = discord
      ? "discord"
      : url === "/slack/api/chat.postMessage"
        ? "slack"
        : null;
    if (req.method !== "POST" || !platform) return json(res, 404, { error: "not_found" });
    const channel = discord ? decodeURIComponent(discord[1]!) : String(body.channel ?? "");
    const now = Date.now();

    const rl = limited.get(channel);
    if (rl && rl.times > 0) {
      rl.times--;
      attempts.push({ platform, channel, status: 429, at: now });
      return platform === "slack"
        ? json(res, 429, { ok: false, error: "ratelimited" }, { "retry-after": String(rl.retryAfterS) })
        : json(
            res,
            429,
            { message: "You are being rate limited.", retry_after: rl.retryAfterS, global: rl.global },
            {
              "retry-after": String(rl.retryAfterS),
              ...(rl.global ? { "x-ratelimit-global": "true", "x-ratelimit-scope": "global" } : {}),
            },
          );
    }
    if (goneChannels.has(channel)) {
      attempts.push({ platform, channel, status: platform === "slack" ? 200 : 404, at: now });
      return platform === "slack"
        ? json(res, 200, { ok: false, error: "channel_not_found" })
        : json(res, 404, { message: "Unknown Channel", code: 10003 });
    }
    const nonce = typeof body.nonce === "string" ? body.nonce : null;
    if (platform === "discord" && nonce && body.enforce_nonce === true) {
      const existing = byNonce.get(`${channel}/${nonce}`);
      if (existing) {
        attempts.push({ platform, channel, status: 200, at: now });
        return json(res, 200, { id: existing.id, channel_id: channel, nonce });
      }
    }
    seq++;
    const id =
      platform === "slack" ? `${Math.floor(now / 1000)}.${String(seq).padStart(6, "0")}` : String(1e17 + seq);
    const text = String(body.text ?? body.content ?? "");
    const post: FakePost = { id, platform, channel, text, nonce, at: now };
    posts.push(post);
    if (platform === "discord" && nonce) byNonce.set(`${channel}/${nonce}`, post);
    attempts.push({ platform, channel, status: 200, at: now });
    return platform === "slack"
      ? json(res, 200, { ok: true, channel, ts: id })
      : json(res, 200, { id, channel_id: channel, nonce });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => json(res, 500, { error: String(err) }));
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    posts,
    attempts,
    postsTo: (channel) => posts.filter((p) => p.channel === channel),
    rateLimit: (channel, retryAfterS, times = 1, opts = {}) =>
      limited.set(channel, { retryAfterS, times, global: opts.global === true }),
    gone: (channel) => goneChannels.add(channel),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Plain text of a Document, as a test sender posts it. */
export function documentText(doc: Document): string {
  return `${doc.title}\n${doc.fallbackText}`;
}

/**
 * A PlatformSender speaking the fake platform's wire format, with the real platforms' error mapping:
 * 429 → PlatformRateLimitError (Retry-After), channel gone → PlatformPermanentError. The Discord flavour
 * sends the idempotency key as `nonce` with `enforce_nonce`.
 */
export function fakePlatformSender(baseUrl: string, platform: Platform): PlatformSender {
  // undici Pool: keep-alive connections with a little HTTP/1.1 pipelining, the leanest Node client
  // (≈ 22 µs of CPU per request here vs ≈ 40–55 µs for node:http with a keep-alive Agent), so benches
  // measure the queue, not the client. Real senders (Slack WebClient, discord.js REST) cost more per post.
  const pool = new Pool(baseUrl, { connections: 16, pipelining: 4, keepAliveTimeout: 30_000 });
  const post = async (path: string, payload: unknown) => {
    const res = await pool.request({
      path,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(payload),
    });
    const retryAfter = res.headers["retry-after"];
    const text = await res.body.text();
    return {
      status: res.statusCode,
      retryAfter: typeof retryAfter === "string" ? retryAfter : null,
      body: JSON.parse(text || "{}") as Record<string, unknown>,
    };
  };
  return {
    platform,
    async send(target: DeliveryTarget, doc: Document, opts: SendOptions) {
      const text = documentText(doc);
      const res =
        platform === "slack"
          ? await post("/slack/api/chat.postMessage", { channel: target.channel, text })
          : await post(`/discord/api/v10/channels/${encodeURIComponent(target.channel)}/messages`, {
              content: text,
              nonce: opts.idempotencyKey,
              enforce_nonce: true,
            });
      const body = res.body;
      if (res.status === 429) {
        // Discord says when the limit is global; Slack's per-channel posting limit is the usual one.
        const global = platform === "discord" && body.global === true;
        throw new PlatformRateLimitError(
          "rate limited",
          Number(res.retryAfter ?? "1") * 1000,
          global ? "global" : "channel",
        );
      }
      if (platform === "slack") {
        if (body.ok !== true)
          throw new PlatformPermanentError(`Slack said ${String(body.error)}`, String(body.error));
        return { messageId: String(body.ts) };
      }
      if (res.status === 404) throw new PlatformPermanentError(String(body.message), String(body.code));
      if (res.status >= 300) throw new Error(`Discord answered ${res.status}`);
      return { messageId: String(body.id) };
    },
  };
}

/** The fake platform in its own process (as a remote API would be), for benches: stats over HTTP. */
export interface FakePlatformProcess {
  url: string;
  /** Posts and attempts since the last reset, and the platform process's CPU time so far. */
  stats(): Promise<{ posts: number; attempts: number; cpuMs: number }>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function startFakePlatformProcess(): Promise<FakePlatformProcess> {
  const { spawn } = await import("node:child_process");
  const child = spawn(process.execPath, [new URL(import.meta.url).pathname], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /LISTENING (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once("exit", (code) => reject(new Error(`fake platform exited (${code})`)));
  });
  return {
    url,
    stats: async () =>
      (await (await fetch(`${url}/_stats`, { method: "POST" })).json()) as {
        posts: number;
        attempts: number;
        cpuMs: number;
      },
    reset: async () => {
      await fetch(`${url}/_reset`, { method: "POST" });
    },
    close: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

if (import.meta.main) {
  const fake = await startFakePlatform();
  process.on("SIGTERM", () => void fake.close().then(() => process.exit(0)));
  process.stdout.write(`LISTENING ${fake.url}\n`);
}
