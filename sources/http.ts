/**
 * The HTTP client for feeds, article pages and robots.txt, on undici: conditional GET, timeouts on
 * connect / headers / body silence / the whole exchange, a body cap enforced while the body streams
 * (and again on the decompressed size), gzip / deflate / brotli, redirects followed by hand (at most 5,
 * loops detected), our User-Agent, and at most 2 requests at a time per host (a limiter shared by the
 * process). Everything that goes wrong is a SourceError with a stable code.
 */
import { promisify } from "node:util";
import { brotliDecompress, gunzip, inflate, inflateRaw, type ZlibOptions } from "node:zlib";
import { Agent, type Dispatcher, request } from "undici";
import { assertPublicHost, publicOnlyLookup } from "./address.ts";
import { HTTP_DEFAULTS, type HttpSettings } from "./config.ts";
import { HttpStatusError, hostOf, SourceError } from "./errors.ts";
import { type HostLimiter, sharedHostLimiter } from "./limiter.ts";

export interface GetOptions {
  /** Validators from the last good response: sent as If-None-Match / If-Modified-Since when not empty. */
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
  /** Overrides the client's body cap for this request (robots.txt uses a smaller one). */
  maxBodyBytes?: number;
  signal?: AbortSignal;
}

export interface HttpResponse {
  /** The URL that answered, after redirects. */
  url: string;
  /** 2xx or 304 (anything else throws HttpStatusError). */
  status: number;
  /** Response headers, lower-case names, repeated ones joined with ", ". */
  headers: Record<string, string>;
  /** The decompressed body; empty on 304. */
  body: Buffer;
  /** Validators to send next time (null when the server gave none or an empty one). */
  etag: string | null;
  lastModified: string | null;
  redirects: number;
  /** Every redirect on the way was permanent (301/308): callers may adopt `url` as the new address. */
  permanentRedirect: boolean;
}

export interface HttpClient {
  readonly settings: Readonly<HttpSettings>;
  get(url: string, options?: GetOptions): Promise<HttpResponse>;
  /** Closes the connection pool; safe to call twice. */
  close(): Promise<void>;
}

export interface HttpClientOptions extends Partial<HttpSettings> {
  /** Defaults to the process-wide limiter for `perHostConcurrency`. */
  limiter?: HostLimiter;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const unzip = {
  gzip: promisify<Buffer, ZlibOptions, Buffer>(gunzip),
  inflate: promisify<Buffer, ZlibOptions, Buffer>(inflate),
  inflateRaw: promisify<Buffer, ZlibOptions, Buffer>(inflateRaw),
  brotli: promisify<Buffer, ZlibOptions, Buffer>(brotliDecompress),
};

function headerMap(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  }
  return out;
}

function nonEmpty(v: string | null | undefined): string | null {
  const t = v?.trim();
  return t ? t : null;
}

function mib(bytes: number): string {
  const m = bytes / (1024 * 1024);
  return m >= 1 ? `${Number(m.toFixed(1))} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

function tooLarge(url: string, cap: number): SourceError {
  return new SourceError("too-large", `${hostOf(url)} sent more than ${mib(cap)}`, { url });
}

/** Stops reading a body: the connection is dropped; the abort it causes is expected, not an error. */
function discard(body: Dispatcher.ResponseData["body"]): void {
  body.on("error", () => {});
  body.destroy();
}

/** Reads the body chunk by chunk and stops as soon as it passes the cap. */
async function readCapped(body: Dispatcher.ResponseData["body"], url: string, cap: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > cap) {
      discard(body);
      throw tooLarge(url, cap);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks, size);
}

/** zlib-wrapped deflate starts with a CMF/FLG pair divisible by 31; many servers send raw deflate. */
function isZlibHeader(b: Buffer): boolean {
  return b.length >= 2 && (b[0]! & 0x0f) === 8 && ((b[0]! << 8) | b[1]!) % 31 === 0;
}

async function decompress(body: Buffer, encoding: string | undefined, url: string, cap: number) {
  const enc = (encoding ?? "").trim().toLowerCase();
  if (!enc || enc === "identity" || body.length === 0) return body;
  // maxOutputLength makes zlib stop once the output passes the cap: a small bomb cannot fill memory.
  const opts: ZlibOptions = { maxOutputLength: cap };
  try {
    if (enc === "gzip" || enc === "x-gzip") return await unzip.gzip(body, opts);
    if (enc === "br") return await unzip.brotli(body, opts);
    if (enc === "deflate") return await (isZlibHeader(body) ? unzip.inflate : unzip.inflateRaw)(body, opts);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge(url, cap);
    throw new SourceError("malformed", `the ${enc} body from ${hostOf(url)} is corrupt`, { url, cause: err });
  }
  throw new SourceError("unsupported-content", `${hostOf(url)} used an unknown content encoding (${enc})`, {
    url,
  });
}

function timeoutError(url: string, what: string, ms: number, cause: unknown): SourceError {
  return new SourceError("timeout", `${what} ${hostOf(url)} timed out after ${ms / 1000} s`, { url, cause });
}

/** Turns what undici or the network threw into a coded error with a readable message. */
function mapError(err: unknown, url: string, s: HttpSettings, signal: AbortSignal): SourceError {
  for (let e: unknown = err, i = 0; e && i < 5; e = (e as { cause?: unknown }).cause, i++)
    if (e instanceof SourceError) return e;
  const code = (err as { code?: string }).code ?? "";
  if (code === "UND_ERR_CONNECT_TIMEOUT") return timeoutError(url, "connecting to", s.connectTimeoutMs, err);
  if (code === "UND_ERR_HEADERS_TIMEOUT")
    return timeoutError(url, "waiting for the response of", s.headersTimeoutMs, err);
  if (code === "UND_ERR_BODY_TIMEOUT")
    return timeoutError(url, "reading the body from", s.bodyIdleTimeoutMs, err);
  if (signal.aborted) {
    const reason = signal.reason as { name?: string } | undefined;
    if (reason?.name === "TimeoutError") return timeoutError(url, "fetching from", s.totalTimeoutMs, err);
    return new SourceError("network", `fetching from ${hostOf(url)} was cancelled`, { url, cause: err });
  }
  const sys = (err as { code?: string; errno?: number }).code;
  const detail = sys && /^E[A-Z]+$/.test(sys) ? sys : (err as Error)?.message || "error";
  return new SourceError("network", `could not fetch from ${hostOf(url)} (${detail})`, { url, cause: err });
}

type Hop =
  | { kind: "redirect"; status: number; location: string }
  | { kind: "done"; status: number; headers: Record<string, string>; body: Buffer };

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const { limiter: givenLimiter, ...overrides } = options;
  const settings: HttpSettings = { ...HTTP_DEFAULTS, ...overrides };
  const limiter = givenLimiter ?? sharedHostLimiter(settings.perHostConcurrency);
  const agent = new Agent({
    connect: {
      timeout: settings.connectTimeoutMs,
      ...(settings.allowPrivateNetworks ? {} : { lookup: publicOnlyLookup }),
    },
    headersTimeout: settings.headersTimeoutMs,
    bodyTimeout: settings.bodyIdleTimeoutMs,
  });
  let closed = false;

  async function once(
    url: URL,
    headers: Record<string, string>,
    cap: number,
    signal: AbortSignal,
  ): Promise<Hop> {
    const res = await request(url, {
      dispatcher: agent,
      method: "GET",
      headers,
      signal,
      headersTimeout: settings.headersTimeoutMs,
      bodyTimeout: settings.bodyIdleTimeoutMs,
    });
    const h = headerMap(res.headers);
    if (REDIRECTS.has(res.statusCode) && h.location) {
      await res.body.dump();
      return { kind: "redirect", status: res.statusCode, location: h.location };
    }
    if (res.statusCode === 304) {
      await res.body.dump();
      return { kind: "done", status: 304, headers: h, body: Buffer.alloc(0) };
    }
    if (res.statusCode < 200 || res.statusCode > 299) {
      await res.body.dump().catch(() => {});
      throw new HttpStatusError(res.statusCode, url.href, h["retry-after"] ?? null);
    }
    const declared = Number(h["content-length"]);
    if (Number.isFinite(declared) && declared > cap) {
      discard(res.body);
      throw tooLarge(url.href, cap);
    }
    const raw = await readCapped(res.body, url.href, cap);
    const body = await decompress(raw, h["content-encoding"], url.href, cap);
    return { kind: "done", status: res.statusCode, headers: h, body };
  }

  async function get(address: string, opts: GetOptions = {}): Promise<HttpResponse> {
    if (closed) throw new Error("the HTTP client is closed");
    let url: URL;
    try {
      url = new URL(address);
    } catch {
      throw new SourceError("invalid-url", `not a web address: ${address}`, { url: address });
    }
    const cap = opts.maxBodyBytes ?? settings.maxBodyBytes;
    const deadline = AbortSignal.timeout(settings.totalTimeoutMs);
    const signal = opts.signal ? AbortSignal.any([deadline, opts.signal]) : deadline;
    const headers: Record<string, string> = {
      "user-agent": settings.userAgent,
      accept: opts.accept ?? "*/*",
      "accept-encoding": "gzip, deflate, br",
    };
    const etag = nonEmpty(opts.etag);
    const lastModified = nonEmpty(opts.lastModified);
    if (etag) headers["if-none-match"] = etag;
    if (lastModified) headers["if-modified-since"] = lastModified;

    url.hash = "";
    const visited = new Set([url.href]);
    let redirects = 0;
    let permanent = true;
    for (;;) {
      if (url.protocol !== "http:" && url.protocol !== "https:")
        throw new SourceError("invalid-url", `only http and https addresses can be fetched (${url.href})`, {
          url: url.href,
        });
      if (!settings.allowPrivateNetworks) assertPublicHost(url);
      const current = url;
      let hop: Hop;
      try {
        hop = await limiter.run(current.hostname, () => once(current, headers, cap, signal));
      } catch (err) {
        throw mapError(err, current.href, settings, signal);
      }
      if (hop.kind === "done") {
        return {
          url: current.href,
          status: hop.status,
          headers: hop.headers,
          body: hop.body,
          etag: nonEmpty(hop.headers.etag),
          lastModified: nonEmpty(hop.headers["last-modified"]),
          redirects,
          permanentRedirect: redirects > 0 && permanent,
        };
      }
      redirects++;
      if (redirects > settings.maxRedirects)
        throw new SourceError(
          "too-many-redirects",
          `more than ${settings.maxRedirects} redirects from ${hostOf(address)}`,
          { url: current.href },
        );
      let next: URL;
      try {
        next = new URL(hop.location, current);
      } catch {
        throw new SourceError("malformed", `${hostOf(current.href)} redirected to an invalid address`, {
          url: current.href,
        });
      }
      next.hash = "";
      if (visited.has(next.href))
        throw new SourceError("redirect-loop", `${hostOf(address)} redirects in a loop (${next.href})`, {
          url: current.href,
        });
      visited.add(next.href);
      permanent &&= hop.status === 301 || hop.status === 308;
      url = next;
    }
  }

  return {
    settings,
    get,
    async close() {
      if (closed) return;
      closed = true;
      await agent.close();
    },
  };
}
