/**
 * robots.txt for article pages (feeds themselves are what the publisher offers to readers, and feed
 * readers fetch them without asking robots.txt). One robots.txt per origin, fetched with our own
 * client and User-Agent, parsed by `robots-parser`, cached: 24 hours when it was read (or is
 * missing: 4xx means no rules), 10 minutes as "disallow everything" when the server failed (5xx,
 * network), as RFC 9309 asks. Concurrent checks of one origin share one fetch.
 */
import robotsParserModule from "robots-parser";
import { decodeBytes } from "./charset.ts";
import { POLL_DEFAULTS, ROBOTS_AGENT } from "./config.ts";
import { HttpStatusError, SourceError } from "./errors.ts";
import type { HttpClient } from "./http.ts";

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
}
// The package is CommonJS (`module.exports = function`) but its typings declare an ES default export.
const robotsParser = robotsParserModule as unknown as (url: string, contents: string) => Robot;

export interface RobotsPolicy {
  /** True when our agent may fetch the URL. */
  allowed(url: string): Promise<boolean>;
}

export interface RobotsOptions {
  http: HttpClient;
  now?: () => number;
  agent?: string;
  ttlMs?: number;
  errorTtlMs?: number;
  maxBytes?: number;
  /** Origins remembered at once (the oldest is forgotten first). */
  maxOrigins?: number;
}

type Rules = (url: string) => boolean;

interface Entry {
  expires: number;
  rules: Promise<Rules>;
}

const ALLOW_ALL: Rules = () => true;
const DISALLOW_ALL: Rules = () => false;

export function createRobotsPolicy(options: RobotsOptions): RobotsPolicy {
  const now = options.now ?? Date.now;
  const agent = options.agent ?? ROBOTS_AGENT;
  const ttl = options.ttlMs ?? POLL_DEFAULTS.robotsTtlMs;
  const errorTtl = options.errorTtlMs ?? POLL_DEFAULTS.robotsErrorTtlMs;
  const maxBytes = options.maxBytes ?? POLL_DEFAULTS.robotsMaxBytes;
  const maxOrigins = options.maxOrigins ?? 2000;
  const cache = new Map<string, Entry>();

  const load = async (origin: string, entry: Entry): Promise<Rules> => {
    const robotsUrl = `${origin}/robots.txt`;
    try {
      const res = await options.http.get(robotsUrl, { accept: "text/plain", maxBodyBytes: maxBytes });
      const text = decodeBytes(res.body, res.headers["content-type"]).text;
      const parsed = robotsParser(res.url, text);
      return (url: string) => parsed.isAllowed(url, agent) !== false;
    } catch (err) {
      if (err instanceof HttpStatusError && err.status >= 400 && err.status < 500) return ALLOW_ALL;
      // An oversized robots.txt: RFC 9309 says to read what fits; we cannot, so we allow as for 4xx.
      if (err instanceof SourceError && err.code === "too-large") return ALLOW_ALL;
      entry.expires = now() + errorTtl;
      return DISALLOW_ALL;
    }
  };

  return {
    async allowed(url) {
      let origin: string;
      try {
        origin = new URL(url).origin;
      } catch {
        return false;
      }
      const t = now();
      let entry = cache.get(origin);
      if (!entry || entry.expires <= t) {
        const fresh: Entry = { expires: t + ttl, rules: Promise.resolve(ALLOW_ALL) };
        fresh.rules = load(origin, fresh);
        cache.delete(origin);
        cache.set(origin, fresh);
        if (cache.size > maxOrigins) cache.delete(cache.keys().next().value as string);
        entry = fresh;
      }
      return (await entry.rules)(url);
    },
  };
}
