/**
 * HTTP interactions mode: a plain Node (req, res) handler for POST /discord/interactions. Verifies the
 * signature before anything else (401 otherwise), answers PING with PONG, and hands every other
 * interaction to the shared core, whose initial response becomes the HTTP response.
 * A body over 256 KB gets 413 at once; a signed body that is not an interaction (no `data`, say) gets
 * 400; an interaction id seen before within the replay window gets 409 and no work (claimed in Redis;
 * with Redis down it is let through). Each refusal is one warn line.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { APIInteraction, APIInteractionResponse } from "discord.js";
import type { Logger } from "pino";
import type { InteractionCore } from "./interactions.ts";
import type { Verifier } from "./verify.ts";

const MAX_BODY_BYTES = 256 * 1024;

export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => void;

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/** How long an interaction id is remembered: the window in which its signature is still accepted (2 × 5 min). */
export const REPLAY_TTL_S = 600;
const CLAIM_TIMEOUT_MS = 500;

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Stop reading and answer; the connection is closed after the 413 (no reset before it).
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

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Null when `i` has the shape of an interaction Discord sends; else what is wrong with it. */
export function interactionProblem(i: unknown): string | null {
  if (!isObject(i)) return "not a JSON object";
  if (typeof i.type !== "number") return "no interaction type";
  if (i.type === 1) return null; // PING
  if (typeof i.id !== "string" || typeof i.token !== "string") return "interaction without id or token";
  if (!isObject(i.data)) return "interaction without data";
  const d = i.data;
  switch (i.type) {
    case 2: // application command
    case 4: // autocomplete
      if (typeof d.name !== "string") return "command without name";
      if (d.options !== undefined && !Array.isArray(d.options)) return "command options not a list";
      return null;
    case 3: // message component
      return typeof d.custom_id === "string" ? null : "component without custom_id";
    case 5: // modal submit
      return typeof d.custom_id === "string" ? null : "modal without custom_id";
    default:
      return "unknown interaction type";
  }
}

export function createInteractionsHandler(deps: {
  verify: Verifier;
  /** True the first time an interaction id is claimed within `ttlSeconds` (replays get false). */
  claim?: (key: string, ttlSeconds: number) => Promise<boolean>;
  core: InteractionCore;
  logger: Logger;
  /** Keeps track of work that continues after the HTTP response (edits of a deferred reply). */
  track: (work: Promise<unknown>) => void;
}): HttpHandler {
  const { verify, core, logger, track } = deps;
  const refuse = (res: ServerResponse, status: number, reason: string, error = reason) => {
    logger.warn({ status }, `discord interaction refused: ${reason}`);
    if (status === 413) res.setHeader("connection", "close");
    send(res, status, { error });
  };
  const firstTime = async (id: string): Promise<boolean> => {
    if (!deps.claim) return true;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), CLAIM_TIMEOUT_MS);
      timer.unref();
    });
    try {
      return await Promise.race([deps.claim(`interaction:${id}`, REPLAY_TTL_S), late]);
    } catch (err) {
      logger.warn({ err: err instanceof Error ? err.message : String(err) }, "discord replay check skipped");
      return true;
    } finally {
      clearTimeout(timer);
    }
  };
  return (req, res) => {
    void (async () => {
      if (req.method !== "POST") {
        res.setHeader("allow", "POST");
        send(res, 405, { error: "method not allowed" });
        return;
      }
      const body = await readBody(req);
      if (body === null) return refuse(res, 413, "request too large");
      if (!verify(header(req, "x-signature-ed25519"), header(req, "x-signature-timestamp"), body)) {
        return refuse(res, 401, "invalid request signature");
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString("utf8"));
      } catch {
        return refuse(res, 400, "invalid JSON");
      }
      const problem = interactionProblem(parsed);
      if (problem) return refuse(res, 400, problem, `malformed interaction: ${problem}`);
      const interaction = parsed as APIInteraction;
      if (interaction.type !== 1 && !(await firstTime(interaction.id))) {
        return refuse(res, 409, `interaction ${interaction.id} replayed`, "duplicate interaction");
      }
      let responded = false;
      const respond = async (response: APIInteractionResponse) => {
        responded = true;
        send(res, 200, response);
      };
      const work = core.handle(interaction, respond).catch((err: unknown) => {
        logger.error({ err }, "discord interaction failed");
      });
      track(work);
      await work;
      if (!responded) send(res, 500, { error: "no response" });
    })().catch((err: unknown) => {
      logger.error({ err }, "discord interactions endpoint failed");
      send(res, 500, { error: "internal error" });
    });
  };
}
