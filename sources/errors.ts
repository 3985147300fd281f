/**
 * Coded errors for fetching and reading feeds (the bolt-js `CodedError` style): each carries a stable
 * `code` that callers switch on, and a message that can be shown to users as it is ("HTTP 503 from
 * example.com", "the feed is larger than 5 MiB"); an address in a message is shown without its
 * credentials (src/redact.ts), and `url` keeps the address as fetched. When src/errors.ts gains the project-wide
 * `SummitError` base class, SourceError extends it and keeps its codes.
 */

import { redactUrlsInText } from "../src/redact.ts";

export type SourceErrorCode =
  /** Connecting, waiting for headers, or reading the body took too long. */
  | "timeout"
  /** The body is over the size cap (declared or counted while streaming, compressed or not). */
  | "too-large"
  /** More redirects than allowed. */
  | "too-many-redirects"
  /** A redirect led back to a URL already visited. */
  | "redirect-loop"
  /** The server answered with a status that is neither 2xx nor 304. */
  | "http-status"
  /** robots.txt forbids us this page. */
  | "robots-disallowed"
  /** The body is not a feed (or not a page) we can read: unparseable XML or JSON, no items. */
  | "malformed"
  /** A site URL where no feed could be found. */
  | "no-feed"
  /** A content type we do not read (images, PDFs, archives). */
  | "unsupported-content"
  /** Not an http(s) URL, or one we refuse (private network addresses unless allowed). */
  | "invalid-url"
  /** DNS, connection refused or reset, TLS. */
  | "network";

export class SourceError extends Error {
  override readonly name: string = "SourceError";
  readonly code: SourceErrorCode;
  /** The URL being fetched when it happened. */
  readonly url: string | null;
  constructor(
    code: SourceErrorCode,
    message: string,
    options: { url?: string | null; cause?: unknown } = {},
  ) {
    // Shown to people and stored as a source's last error: an address in it loses its credentials.
    super(redactUrlsInText(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.url = options.url ?? null;
  }
}

/** A response with a status other than 2xx or 304. */
export class HttpStatusError extends SourceError {
  override readonly name = "HttpStatusError";
  readonly status: number;
  /** The raw Retry-After header (seconds or an HTTP date), when the server sent one. */
  readonly retryAfter: string | null;
  constructor(status: number, url: string, retryAfter: string | null) {
    super("http-status", `HTTP ${status} from ${hostOf(url)}`, { url });
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Wraps anything thrown into a SourceError (unknown failures count as network errors). */
export function asSourceError(err: unknown, url: string | null = null): SourceError {
  if (err instanceof SourceError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new SourceError("network", message, { url, cause: err });
}
