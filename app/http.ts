/**
 * One tiny router for the one HTTP port. Adapters mount a handler under a path prefix:
 *
 *   router.mount("/slack", slackHandler);                 // /slack, /slack/events, /slack/oauth/…
 *   router.mount("/discord/interactions", discordHandler);
 *   router.get("/healthz", healthHandler);                // exact path, GET/HEAD only
 *
 * The longest matching prefix wins; a prefix matches only at a path-segment boundary ("/slack" does not
 * match "/slackers"). Handlers get the raw Node request (body unread, so signature checks can read the
 * exact bytes) and response. A handler that throws gets a 500 (if nothing was sent yet) and a log line;
 * anything unmatched gets a JSON 404.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Logger } from "./logger.ts";

/** Its return value is ignored (a returned promise is awaited for errors). */
export type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

export interface Router {
  /** Everything at or under `pathPrefix` goes to `handler`. */
  mount(pathPrefix: string, handler: Handler): void;
  /** Exactly `path`, GET (and HEAD) only. */
  get(path: string, handler: Handler): void;
  /** The request listener to give node:http. */
  handle(req: IncomingMessage, res: ServerResponse): void;
}

export function createRouter(log: Logger): Router {
  const mounts: { prefix: string; handler: Handler }[] = [];
  const gets = new Map<string, Handler>();

  const normalize = (p: string): string => {
    if (!p.startsWith("/")) throw new Error(`path must start with "/": ${p}`);
    return p.length > 1 ? p.replace(/\/+$/, "") : p;
  };

  const run = (handler: Handler, req: IncomingMessage, res: ServerResponse) => {
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((err: unknown) => {
        log.error({ err, method: req.method, path: pathOf(req) }, "http handler failed");
        if (!res.headersSent) sendJson(res, 500, { error: "internal error" });
        else res.end();
      });
  };

  return {
    mount(pathPrefix, handler) {
      const prefix = normalize(pathPrefix);
      if (mounts.some((m) => m.prefix === prefix)) throw new Error(`${prefix} is already mounted`);
      mounts.push({ prefix, handler });
      mounts.sort((a, b) => b.prefix.length - a.prefix.length);
    },
    get(path, handler) {
      gets.set(normalize(path), handler);
    },
    handle(req, res) {
      const path = pathOf(req);
      const exact = gets.get(path);
      if (exact && (req.method === "GET" || req.method === "HEAD")) return run(exact, req, res);
      const mount = mounts.find(
        (m) => m.prefix === "/" || path === m.prefix || path.startsWith(`${m.prefix}/`),
      );
      if (mount) return run(mount.handler, req, res);
      sendJson(res, exact ? 405 : 404, { error: exact ? "method not allowed" : "not found" });
    },
  };
}

function pathOf(req: IncomingMessage): string {
  const raw = (req.url ?? "/").split("?")[0] ?? "/";
  return raw.length > 1 ? raw.replace(/\/+$/, "") : raw;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * How long a request may take to arrive. Slack and Discord want an answer within 3 s, so a client
 * still sending headers after 5 s, or a body after 10 s, is not a platform: it is cut off (408) instead
 * of holding a connection for Node's default 300 s. Checked every second.
 */
export const HTTP_TIMEOUTS = { headersTimeoutMs: 5_000, requestTimeoutMs: 10_000, checkEveryMs: 1_000 };

/** Starts an HTTP server for the router on host:port (port 0 = any free port); resolves once listening. */
export async function listen(
  router: Router,
  port: number,
  host = "0.0.0.0",
  timeouts: Partial<typeof HTTP_TIMEOUTS> = {},
): Promise<Server> {
  const t = { ...HTTP_TIMEOUTS, ...timeouts };
  const server = createServer(
    {
      headersTimeout: Math.min(t.headersTimeoutMs, t.requestTimeoutMs),
      requestTimeout: t.requestTimeoutMs,
      connectionsCheckingInterval: t.checkEveryMs,
    },
    (req, res) => router.handle(req, res),
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return server;
}
