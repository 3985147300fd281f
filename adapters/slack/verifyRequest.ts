/**
 * The gate in front of Bolt's HTTPReceiver for POST /slack/events. Bolt checks the signature but lets
 * a request dated in the future through, takes any signed body to its listeners (a body no listener
 * matches waits 3 s, then 404; `actions: "x"` throws, 500), and runs the same signed request again
 * when it is replayed. Here, before Bolt sees anything:
 *
 *   1. the body is read with a cap (413 at once when larger);
 *   2. the signature is checked (v0 HMAC-SHA256 of "v0:ts:body") and the timestamp must be within
 *      5 minutes of now, either way (401 otherwise, and no work is done);
 *   3. the body must parse as Slack sends it and have the shape of a command, an interaction payload
 *      or an Events API callback (400 otherwise);
 *   4. a request that carries a `trigger_id` (commands, clicks) is claimed once in Redis for the replay
 *      window; a replay is acknowledged with an empty 200 and nothing else. Redis down: the request is
 *      let through (a lost reply is worse than a rare double).
 *
 * Each refusal is one warn line, no stack. What passes is handed to Bolt as an already-read request
 * (`rawBody`), which Bolt reuses; Bolt verifies the signature again.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseQuery } from "node:querystring";
import type { Logger } from "pino";
import type { Clock } from "../../src/model.ts";

/** Requests dated further than this from now, in either direction, are refused (Slack's documented 5 minutes). */
export const MAX_SKEW_S = 5 * 60;
/** Slack's own payloads are small; Bolt allows 4 MB. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** How long a seen trigger_id is remembered: the whole window in which its signature is still accepted. */
export const REPLAY_TTL_S = 2 * MAX_SKEW_S;

/** A replay check that takes longer than this (Redis stalled) lets the request through. */
export const CLAIM_TIMEOUT_MS = 500;

/** `work`, or a rejection after `ms` (the timer does not keep the process alive). */
export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export type Refusal = { status: 400 | 401 | 413; reason: string };

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Reads the whole body, or null as soon as it exceeds `limit` bytes (the rest is not read). */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off("data", onData);
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Null when the request is signed with `secret` and dated within MAX_SKEW_S of now; else why not. */
export function checkSignature(
  secret: string,
  now: Date,
  signature: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
): string | null {
  if (!timestamp) return "timestamp missing";
  if (!signature) return "signature missing";
  if (!/^\d{1,12}$/.test(timestamp)) return "timestamp not a number";
  const skew = now.getTime() / 1000 - Number(timestamp);
  if (skew > MAX_SKEW_S) return "timestamp too old";
  if (skew < -MAX_SKEW_S) return "timestamp in the future";
  const m = /^v0=([0-9a-f]{64})$/i.exec(signature);
  if (!m) return "signature malformed";
  const ours = createHmac("sha256", secret).update(`v0:${timestamp}:`).update(body).digest();
  const theirs = Buffer.from(m[1] as string, "hex");
  return timingSafeEqual(ours, theirs) ? null : "signature mismatch";
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === "string";

/** Parses the body exactly as Bolt will (form with optional `payload` JSON, else JSON). */
export function parseBody(contentType: string | undefined, body: Buffer): Json | null {
  try {
    const text = body.toString("utf8");
    if (contentType === "application/x-www-form-urlencoded") {
      const form = parseQuery(text);
      if (typeof form.payload === "string") {
        const payload = JSON.parse(form.payload) as unknown;
        return isObject(payload) ? payload : null;
      }
      return form as Json;
    }
    const json = JSON.parse(text) as unknown;
    return isObject(json) ? json : null;
  } catch {
    return null;
  }
}

/** Null when `body` has the shape of something Slack sends us; else what is wrong with it. */
export function shapeProblem(body: Json): string | null {
  if (body.ssl_check === "1") return null;
  if (isString(body.command)) {
    if (!body.command.startsWith("/")) return "command does not start with /";
    for (const field of ["text", "team_id", "channel_id", "user_id", "response_url", "trigger_id"]) {
      if (!isString(body[field])) return `command without ${field}`;
    }
    return null;
  }
  switch (body.type) {
    case "url_verification":
      return isString(body.challenge) ? null : "url_verification without challenge";
    case "event_callback":
      return isObject(body.event) && isString(body.event.type) && isString(body.event_id)
        ? null
        : "event_callback without event";
    case "app_rate_limited":
      return null;
    case "block_actions": {
      if (!isString(body.trigger_id) || !isObject(body.user) || !isString(body.user.id)) {
        return "block_actions without trigger_id or user";
      }
      if (!Array.isArray(body.actions) || body.actions.length === 0) return "block_actions without actions";
      const ok = body.actions.every((a) => isObject(a) && isString(a.action_id));
      return ok ? null : "block_actions with a malformed action";
    }
    case "view_submission":
    case "view_closed":
    case "shortcut":
    case "message_action":
    case "block_suggestion":
      return isObject(body.user) || isObject(body.team) ? null : `${body.type} without user`;
    default:
      return "not a Slack command, interaction or event";
  }
}

export interface RequestGateDeps {
  signingSecret: string;
  clock: Clock;
  log: Logger;
  /** True the first time `key` is claimed within the replay window (adapters/slack/eventDedupe.ts). */
  claim: (key: string, ttlSeconds: number) => Promise<boolean>;
  maxBodyBytes?: number;
}

/**
 * Wraps Bolt's request listener: POST /slack/events goes through the checks above, everything else
 * (OAuth install and redirect) straight to Bolt.
 */
export function createRequestGate(
  deps: RequestGateDeps,
  next: (req: IncomingMessage, res: ServerResponse) => void,
): (req: IncomingMessage, res: ServerResponse) => void {
  const limit = deps.maxBodyBytes ?? MAX_BODY_BYTES;
  const refuse = (req: IncomingMessage, res: ServerResponse, r: Refusal) => {
    deps.log.warn({ status: r.status, path: req.url }, `slack request refused: ${r.reason}`);
    if (!res.headersSent) {
      res.writeHead(r.status, { "content-type": "text/plain; charset=utf-8", connection: "close" });
    }
    res.end(r.status === 401 ? "invalid request signature" : r.reason);
  };

  const gate = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req, limit);
    if (body === null) return refuse(req, res, { status: 413, reason: "request body too large" });
    const signature = header(req, "x-slack-signature");
    const timestamp = header(req, "x-slack-request-timestamp");
    const contentType = header(req, "content-type");
    const parsed = parseBody(contentType, body);
    // ssl_check needs no signature (Bolt strips anything else from it).
    const sslCheck = parsed?.ssl_check === "1" && contentType === "application/x-www-form-urlencoded";
    if (!sslCheck) {
      const why = checkSignature(deps.signingSecret, deps.clock.now(), signature, timestamp, body);
      if (why) return refuse(req, res, { status: 401, reason: why });
    }
    if (parsed === null)
      return refuse(req, res, { status: 400, reason: "body is not valid Slack JSON or form data" });
    const problem = shapeProblem(parsed);
    if (problem) return refuse(req, res, { status: 400, reason: problem });
    const trigger = isString(parsed.trigger_id) ? parsed.trigger_id : null;
    if (trigger) {
      const first = await withTimeout(deps.claim(`trigger:${trigger}`, REPLAY_TTL_S), CLAIM_TIMEOUT_MS).catch(
        (err: unknown) => {
          deps.log.warn(
            { err: err instanceof Error ? err.message : String(err) },
            "slack replay check skipped (Redis unavailable)",
          );
          return true;
        },
      );
      if (!first) {
        deps.log.warn({ trigger }, "slack request replayed; ignored");
        res.writeHead(200, { "content-length": "0" });
        res.end();
        return;
      }
    }
    (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
    next(req, res);
  };

  return (req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (req.method !== "POST" || path !== "/slack/events") return next(req, res);
    gate(req, res).catch((err: unknown) => {
      deps.log.warn(
        { err: err instanceof Error ? err.message : String(err) },
        "slack request failed to read",
      );
      if (!res.headersSent) res.writeHead(400, { connection: "close" });
      res.end();
    });
  };
}
