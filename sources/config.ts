/**
 * Typed defaults for following the news, in one constant (the discord.js style). Every function that
 * takes options takes a Partial of these and fills the rest from here.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const MiB = 1024 * 1024;

/** Names Summit to the sites it reads, with a page where their operators can learn what it is. */
export const USER_AGENT = "Summit/0.1 (+https://github.com/summit-news/summit; news briefing bot)";
/** The product token robots.txt groups are matched against. */
export const ROBOTS_AGENT = "Summit";

export interface HttpSettings {
  userAgent: string;
  /** Cap on a response body, enforced while it streams (compressed and decompressed). */
  maxBodyBytes: number;
  maxRedirects: number;
  connectTimeoutMs: number;
  /** From sending the request to the end of the response headers. */
  headersTimeoutMs: number;
  /** Longest silence between two chunks of the body (undici checks it on ~1 s timers). */
  bodyIdleTimeoutMs: number;
  /** The whole exchange, redirects and a trickling body included. */
  totalTimeoutMs: number;
  /** Requests in flight at once to one host, across every poll in the process. */
  perHostConcurrency: number;
  /** Fetch private, loopback and link-local addresses (off: a source URL cannot reach the internal network). */
  allowPrivateNetworks: boolean;
}

export const HTTP_DEFAULTS: HttpSettings = {
  userAgent: USER_AGENT,
  maxBodyBytes: 5 * MiB,
  maxRedirects: 5,
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 15_000,
  bodyIdleTimeoutMs: 15_000,
  totalTimeoutMs: 60_000,
  perHostConcurrency: 2,
  allowPrivateNetworks: false,
};

export interface PollSettings {
  /** Interval when the user gives none. */
  defaultEveryMs: number;
  /** No source is polled more often than this, whatever the user asks. */
  minEveryMs: number;
  /** A feed's ttl, max-age or Retry-After raises the interval up to this, never beyond. */
  maxIntervalMs: number;
  /** Longest wait after failures (backoff doubles up to here). */
  maxBackoffMs: number;
  /** Failures in a row after which a source is disabled. */
  maxFailures: number;
  /** Items read from one feed document (the newest first); the rest are ignored. */
  maxItemsPerPoll: number;
  /** Article pages fetched in one poll to complete teasers; the other teasers wait for the next poll. */
  maxPageFetchesPerPoll: number;
  /** Page fetches in flight at once in one poll (the per-host limit applies beneath). */
  pageConcurrency: number;
  /** A feed item whose text has fewer words than this is a teaser, completed from its page. */
  fullTextMinWords: number;
  /** How long a robots.txt is trusted (RFC 9309: at most 24 hours). */
  robotsTtlMs: number;
  /** How long a robots.txt that could not be fetched (5xx, network) counts as "disallow all". */
  robotsErrorTtlMs: number;
  /** Cap on a robots.txt body (RFC 9309 asks parsers to read at least 500 KiB). */
  robotsMaxBytes: number;
}

export const POLL_DEFAULTS: PollSettings = {
  defaultEveryMs: 15 * MINUTE,
  minEveryMs: 5 * MINUTE,
  maxIntervalMs: 24 * HOUR,
  maxBackoffMs: 24 * HOUR,
  maxFailures: 10,
  maxItemsPerPoll: 200,
  maxPageFetchesPerPoll: 30,
  pageConcurrency: 4,
  fullTextMinWords: 100,
  robotsTtlMs: 24 * HOUR,
  robotsErrorTtlMs: 10 * MINUTE,
  robotsMaxBytes: 512 * 1024,
};

/** What a feed request accepts, most specific first. */
export const FEED_ACCEPT =
  "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.7, */*;q=0.5";
/** What an article page request accepts. */
export const PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.8, */*;q=0.5";
