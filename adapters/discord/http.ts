/**
 * HTTP interactions mode: a plain Node (req, res) handler for POST /discord/interactions. Verifies the
 * signature before anything else (401 otherwise), answers PING with PONG, and hands every other
 * interaction to the shared core, whose initial response becomes the HTTP response.
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

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export function createInteractionsHandler(deps: {
  verify: Verifier;
  core: InteractionCore;
  logger: Logger;
  /** Keeps track of work that continues after the HTTP response (edits of a deferred reply). */
  track: (work: Promise<unknown>) => void;
}): HttpHandler {
  const { verify, core, logger, track } = deps;
  return (req, res) => {
    void (async () => {
      if (req.method !== "POST") {
        res.setHeader("allow", "POST");
        send(res, 405, { error: "method not allowed" });
        return;
      }
      const body = await readBody(req);
      if (body === null) {
        send(res, 413, { error: "request too large" });
        return;
      }
      if (!verify(header(req, "x-signature-ed25519"), header(req, "x-signature-timestamp"), body)) {
        send(res, 401, { error: "invalid request signature" });
        return;
      }
      let interaction: APIInteraction;
      try {
        interaction = JSON.parse(body.toString("utf8")) as APIInteraction;
      } catch {
        send(res, 400, { error: "invalid JSON" });
        return;
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
