/**
 * Who may use the console. Without SUMMIT_CONSOLE_TOKEN: requests from the loopback address only, and
 * only with a loopback Host header (so a web page cannot reach it through DNS rebinding). With a token:
 * a login form that sets an HttpOnly, SameSite=Strict session cookie, or `Authorization: Bearer <token>`
 * for scripts. Sessions are HMAC-signed (no server state; any process with the token checks them) and
 * expire after 12 hours, or when their holder logs out (the session is then listed as ended in a store
 * every process shares, until it would have expired). Every state-changing request from a browser
 * carries a CSRF token bound to its session. Login attempts and wrong Bearer tokens count against one
 * limit per client address; a limited address is refused, right token or not, until its window passes.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

export const SESSION_COOKIE = "summit_console";
export const SESSION_TTL_MS = 12 * 3600 * 1000;

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === "::1" || /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(address);
}

function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : (host.split(":")[0] ?? "");
  return name === "localhost" || name === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(name);
}

function sameSecret(a: string, b: string): boolean {
  const ha = createHash("sha256").update(a).digest();
  const hb = createHash("sha256").update(b).digest();
  return timingSafeEqual(ha, hb);
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}

export type Principal =
  | { kind: "loopback"; csrf: string }
  | { kind: "session"; csrf: string }
  | { kind: "bearer" }
  | { kind: "none"; reason: "login" | "forbidden" }
  /** Too many wrong tokens from this address: try again after `retryAfter` seconds. */
  | { kind: "none"; reason: "limited"; retryAfter: number };

/**
 * Sessions ended by logging out before they expire. Sessions are signed, not stored, so ending one means
 * remembering it until its own expiry; every process serving the console must see the same list
 * (app/console.ts keeps it in Redis).
 */
export interface EndedSessions {
  /** Remembers `id` as ended until `untilMs` (epoch ms). */
  add(id: string, untilMs: number): Promise<void>;
  has(id: string): Promise<boolean>;
}

/** Ended sessions in this process's memory (one process, tests): at most `max`, oldest forgotten first. */
export function endedSessionsInMemory(now: () => number, max = 10_000): EndedSessions {
  const ended = new Map<string, number>();
  return {
    async add(id, untilMs) {
      for (const [k, until] of ended) if (until < now()) ended.delete(k);
      ended.set(id, untilMs);
      if (ended.size > max) ended.delete(ended.keys().next().value ?? "");
    },
    async has(id) {
      const until = ended.get(id);
      return until !== undefined && until >= now();
    },
  };
}

/**
 * Login attempts per client address, for the limit on password guesses. Every process serving the
 * console must count in the same place, or N processes give a guesser N times the allowance
 * (app/consoleStores.ts keeps them in Redis).
 */
export interface LoginAttempts {
  /** Seconds until `client` may try again, or 0 when it has made fewer than `limit.max` attempts in the window. */
  retryAfter(client: string): Promise<number>;
  /** Counts one attempt of `client`, now. */
  count(client: string): Promise<void>;
}

export interface LoginLimit {
  /** Attempts allowed per client address within `windowMs`. */
  max: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMIT: LoginLimit = { max: 5, windowMs: 15 * 60_000 };

/** Seconds until the oldest of `times` leaves the window, when `times` fill it; else 0. */
export function retryAfterOf(times: readonly number[], limit: LoginLimit, now: number): number {
  const recent = times.filter((t) => t > now - limit.windowMs);
  if (recent.length < limit.max) return 0;
  const oldest = Math.min(...recent);
  return Math.max(1, Math.ceil((oldest + limit.windowMs - now) / 1000));
}

/** Login attempts in this process's memory (one process, tests): at most `maxClients` addresses, oldest forgotten first. */
export function loginAttemptsInMemory(
  now: () => number,
  limit: LoginLimit = DEFAULT_LOGIN_LIMIT,
  maxClients = 10_000,
): LoginAttempts {
  const attempts = new Map<string, number[]>();
  return {
    async retryAfter(client) {
      const recent = (attempts.get(client) ?? []).filter((t) => t > now() - limit.windowMs);
      if (recent.length === 0) attempts.delete(client);
      else attempts.set(client, recent);
      return retryAfterOf(recent, limit, now());
    },
    async count(client) {
      const recent = attempts.get(client) ?? [];
      recent.push(now());
      attempts.set(client, recent);
      if (attempts.size > maxClients) attempts.delete(attempts.keys().next().value ?? "");
    },
  };
}

export class ConsoleAuth {
  readonly #token: string | undefined;
  readonly #now: () => number;
  /** Signs sessions and CSRF tokens: derived from the token, or random per process without one. */
  readonly #key: Buffer;
  readonly #attempts: LoginAttempts;
  readonly #ended: EndedSessions;

  constructor(opts: {
    token: string | undefined;
    now: () => number;
    /** The limit of the default, in-memory count of attempts (ignored with `attempts`). */
    loginLimit?: LoginLimit;
    /** Where login attempts are counted; default this process's memory. */
    attempts?: LoginAttempts;
    /** Where logged-out sessions are listed; default this process's memory. */
    ended?: EndedSessions;
  }) {
    this.#token = opts.token;
    this.#now = opts.now;
    this.#ended = opts.ended ?? endedSessionsInMemory(opts.now);
    this.#key = opts.token
      ? createHash("sha256").update(`summit-console:${opts.token}`).digest()
      : randomBytes(32);
    this.#attempts = opts.attempts ?? loginAttemptsInMemory(opts.now, opts.loginLimit);
  }

  get needsLogin(): boolean {
    return this.#token !== undefined;
  }

  #sign(text: string): string {
    return createHmac("sha256", this.#key).update(text).digest("base64url");
  }

  csrfFor(sessionId: string): string {
    return this.#sign(`csrf:${sessionId}`);
  }

  /** Who the request is from. */
  async identify(req: IncomingMessage): Promise<Principal> {
    if (!this.#token) {
      if (isLoopback(req.socket.remoteAddress) && isLoopbackHost(req.headers.host)) {
        return { kind: "loopback", csrf: this.csrfFor("loopback") };
      }
      return { kind: "none", reason: "forbidden" };
    }
    const auth = req.headers.authorization;
    if (auth?.startsWith("Bearer ")) {
      // A script's token is a password guess like any other: wrong ones count against the address's
      // limit (right ones do not, so a scraper never locks itself out), and a limited address is not
      // even checked, or a guess's answer would still leak through.
      const client = req.socket.remoteAddress ?? "?";
      const limited = await this.#attempts.retryAfter(client);
      if (limited) return { kind: "none", reason: "limited", retryAfter: limited };
      if (sameSecret(auth.slice(7).trim(), this.#token)) return { kind: "bearer" };
      await this.#attempts.count(client);
      return { kind: "none", reason: "login" };
    }
    const sessionId = await this.#session(parseCookies(req.headers.cookie)[SESSION_COOKIE]);
    return sessionId ? { kind: "session", csrf: this.csrfFor(sessionId) } : { kind: "none", reason: "login" };
  }

  /** The session's id when the cookie is genuine, unexpired and not logged out. */
  async #session(cookie: string | undefined): Promise<string | null> {
    const parsed = this.#parse(cookie);
    if (!parsed) return null;
    return (await this.#ended.has(parsed.nonce)) ? null : parsed.nonce;
  }

  #parse(cookie: string | undefined): { nonce: string; expires: number } | null {
    if (!cookie) return null;
    const [expires, nonce, mac] = cookie.split(".");
    if (!expires || !nonce || !mac) return null;
    if (!sameSecret(mac, this.#sign(`session:${expires}.${nonce}`))) return null;
    if (Number(expires) < this.#now()) return null;
    return { nonce, expires: Number(expires) };
  }

  /** Ends the session a request's cookie holds (logging out): a copy of the cookie no longer works. */
  async endSession(req: IncomingMessage): Promise<void> {
    const parsed = this.#parse(parseCookies(req.headers.cookie)[SESSION_COOKIE]);
    if (parsed) await this.#ended.add(parsed.nonce, parsed.expires);
  }

  /** A new session cookie's value. */
  newSession(): string {
    const expires = String(this.#now() + SESSION_TTL_MS);
    const nonce = randomBytes(16).toString("base64url");
    return `${expires}.${nonce}.${this.#sign(`session:${expires}.${nonce}`)}`;
  }

  /** Checks a login attempt; counts it against the client's limit (successful ones too). */
  async login(client: string, token: string): Promise<"ok" | "wrong" | { limited: number }> {
    const limited = await this.#attempts.retryAfter(client);
    if (limited) return { limited };
    await this.#attempts.count(client);
    return this.#token !== undefined && sameSecret(token, this.#token) ? "ok" : "wrong";
  }

  /**
   * A state-changing request is accepted when it is a script's (Bearer: no cookie a browser would
   * attach) or carries this session's CSRF token from the same origin.
   */
  checkCsrf(req: IncomingMessage, who: Principal, submitted: string | null): boolean {
    if (who.kind === "bearer") return true;
    if (who.kind !== "loopback" && who.kind !== "session") return false;
    const origin = req.headers.origin;
    if (origin) {
      try {
        if (new URL(origin).host !== req.headers.host) return false;
      } catch {
        return false;
      }
    }
    return submitted !== null && sameSecret(submitted, who.csrf);
  }
}
