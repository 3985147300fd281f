/**
 * A local feed and web server for tests and benches (127.0.0.1, port 0), speaking plain HTTP/1.1 as
 * publishers do. It serves real article text in every feed format and the failure modes feed readers
 * meet, and records every request with its headers.
 *
 * Routes (query options in brackets):
 *   /robots.txt                 disallows /private/ for every agent
 *   /  /site/                   a home page announcing its Atom feed (and a comments feed) with <link rel=alternate>
 *   /plain/                     a page announcing nothing (discovery falls back to /feed)
 *   /feed                       RSS 2.0 at a usual path (off when `commonPaths` is false)
 *   /feeds/rss.xml [ttl, maxAge]      RSS 2.0, full text in content:encoded inside CDATA, relative tracked links
 *   /feeds/rdf.xml              RSS 1.0 / RDF
 *   /feeds/atom.xml             Atom with xml:base, relative links, html / xhtml / text content
 *   /feeds/feed.json            JSON Feed 1.1, content_html and content_text
 *   /feeds/rss-1252.xml         windows-1252 bytes, charset in Content-Type only
 *   /feeds/rss-latin1.xml       ISO-8859-1 bytes, charset in the XML prolog only
 *   /feeds/teaser.xml           teasers only, links to junk-laden pages, one under /private/
 *   /feeds/conditional.xml [validators=both|etag|lm|none]  honours If-None-Match / If-Modified-Since
 *   /feeds/republish.xml        the same items each time, with new dates
 *   /feeds/edited.xml           one item's text changes after `edit()`
 *   /articles/<slug> [charset=windows-1252]  the article page; /private/<slug> the same, disallowed
 *   /status/<code> [retryAfter] any status, with Retry-After
 *   /flaky/<name> [fail=N]      500 for the first N requests to that name, then RSS
 *   /hold [ms]                  RSS after ms (headers late) — also counts requests in flight
 *   /slow.xml [chunkMs, chunks] RSS trickled a chunk at a time
 *   /big.xml [mib, cl]          an oversized body, streamed (cl=1 declares Content-Length)
 *   /bomb.xml                   a small gzip body that inflates past 5 MiB
 *   /loop/a, /loop/b            a redirect loop;  /redirect/<n> a chain of n redirects to RSS
 *   /moved.xml                  301 to /feeds/rss.xml
 *   /malformed.xml              broken XML
 *   /bench/<n>.xml [items]      feed n of the polling bench (cached, with an ETag honoured)
 * Any 200 response is compressed when `?enc=gzip|br|deflate|deflate-raw` is given and the client accepts it.
 */
import { once } from "node:events";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { brotliCompressSync, constants, deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import { type PeerArticle, peerArticles } from "./articles.ts";
import {
  articlePage,
  encodeSingleByte,
  type FeedMeta,
  renderAtom,
  renderJsonFeed,
  renderRdf,
  renderRss,
} from "./render.ts";

export interface RecordedRequest {
  method: string;
  /** Path and query, as requested. */
  path: string;
  pathname: string;
  headers: IncomingHttpHeaders;
  at: number;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

export interface FeedServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  url(path: string): string;
  articles: PeerArticle[];
  requests: RecordedRequest[];
  /** Requests whose path (without query) is `pathname`. */
  requestsTo(pathname: string): RecordedRequest[];
  /** Most requests in flight at once to paths starting with `prefix`. */
  maxInFlight(prefix: string): number;
  /** Serves the /feed usual path (discovery's fallback). */
  commonPaths: boolean;
  /** Changes the text of /feeds/edited.xml's first item and the version of /feeds/conditional.xml. */
  edit(): void;
  /** Adds or replaces a route. */
  route(pathname: string, handler: Handler): void;
  /** Forgets recorded requests and counters. */
  reset(): void;
  close(): Promise<void>;
}

export interface FeedServerOptions {
  articles?: PeerArticle[];
  siteName?: string;
}

const SITE = "Summit Test Wire";
const LAST_MODIFIED = "Sat, 20 Apr 2019 06:00:00 GMT";

export async function startFeedServer(options: FeedServerOptions = {}): Promise<FeedServer> {
  const articles = options.articles ?? peerArticles(12);
  const siteName = options.siteName ?? SITE;
  const requests: RecordedRequest[] = [];
  const custom = new Map<string, Handler>();
  const counters = new Map<string, number>();
  const inFlight = new Map<string, { now: number; max: number }>();
  const benchCache = new Map<string, Buffer>();
  let version = 1;
  let origin = "";
  const sockets = new Set<Socket>();

  const meta = (path: string, title = `${siteName} - World`, ttl?: number): FeedMeta => ({
    title,
    site: `${origin}/`,
    self: `${origin}${path}`,
    ...(ttl ? { ttl } : {}),
  });
  const count = (key: string) => {
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return n;
  };

  const send = (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    status: number,
    type: string,
    body: string | Buffer,
    headers: Record<string, string> = {},
  ) => {
    let data = typeof body === "string" ? Buffer.from(body, "utf8") : body;
    const enc = url.searchParams.get("enc");
    const accepts = String(req.headers["accept-encoding"] ?? "");
    const out: Record<string, string> = { "content-type": type, ...headers };
    if (status === 200 && enc) {
      const coding = enc === "deflate-raw" ? "deflate" : enc;
      if (accepts.includes(coding)) {
        data =
          enc === "gzip"
            ? gzipSync(data)
            : enc === "br"
              ? brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
              : enc === "deflate"
                ? deflateSync(data)
                : deflateRawSync(data);
        out["content-encoding"] = coding;
        out.vary = "Accept-Encoding";
      }
    }
    out["content-length"] = String(data.length);
    res.writeHead(status, out);
    res.end(data);
  };

  const rss = (path: string, list = articles, o: Parameters<typeof renderRss>[2] = {}, ttl?: number) =>
    renderRss(meta(path, undefined, ttl), list, o);

  const routes: Record<string, Handler> = {
    "/robots.txt": (req, res, url) =>
      send(
        req,
        res,
        url,
        200,
        "text/plain",
        "User-agent: *\nDisallow: /private/\n\nUser-agent: Summit\nDisallow: /private/\nAllow: /\n",
      ),
    "/": (req, res, url) => send(req, res, url, 200, "text/html; charset=utf-8", homePage()),
    "/site/": (req, res, url) => send(req, res, url, 200, "text/html; charset=utf-8", homePage()),
    "/plain/": (req, res, url) =>
      send(
        req,
        res,
        url,
        200,
        "text/html; charset=utf-8",
        `<!doctype html><html><head><title>${siteName}</title></head><body><p>Welcome.</p></body></html>`,
      ),
    "/feed": (req, res, url) => {
      if (!server.commonPaths) return send(req, res, url, 404, "text/plain", "not found");
      send(req, res, url, 200, "application/rss+xml; charset=utf-8", rss("/feed"));
    },
    "/feeds/rss.xml": (req, res, url) => {
      const ttl = Number(url.searchParams.get("ttl")) || undefined;
      const maxAge = url.searchParams.get("maxAge");
      const headers: Record<string, string> = maxAge ? { "cache-control": `public, max-age=${maxAge}` } : {};
      send(
        req,
        res,
        url,
        200,
        "application/rss+xml; charset=utf-8",
        rss(url.pathname, articles, {}, ttl),
        headers,
      );
    },
    "/feeds/rdf.xml": (req, res, url) =>
      send(req, res, url, 200, "application/rdf+xml", renderRdf(meta(url.pathname), articles)),
    "/feeds/atom.xml": (req, res, url) =>
      send(
        req,
        res,
        url,
        200,
        "application/atom+xml",
        renderAtom(meta(url.pathname, `World news | ${siteName}`), articles, `${origin}/articles/`),
      ),
    "/feeds/feed.json": (req, res, url) =>
      send(req, res, url, 200, "application/feed+json", renderJsonFeed(meta(url.pathname), articles)),
    "/feeds/rss-1252.xml": (req, res, url) => {
      const xml = renderRss(meta(url.pathname), articles, { cdata: false }, "windows-1252");
      send(
        req,
        res,
        url,
        200,
        "application/rss+xml; charset=windows-1252",
        encodeSingleByte(xml, "windows-1252"),
      );
    },
    "/feeds/rss-latin1.xml": (req, res, url) => {
      const xml = renderRss(
        meta(url.pathname, "Le Café du Monde - Actualités"),
        articles,
        { cdata: false },
        "ISO-8859-1",
      );
      send(req, res, url, 200, "application/rss+xml", encodeSingleByte(xml, "iso-8859-1"));
    },
    "/feeds/teaser.xml": (req, res, url) =>
      send(
        req,
        res,
        url,
        200,
        "application/rss+xml; charset=utf-8",
        rss(url.pathname, articles, {
          fullText: false,
          // The last item's page is under /private/, which robots.txt disallows.
          link: (a, i) =>
            i === articles.length - 1 ? `/private/${a.slug}` : `/articles/${a.slug}?utm_source=rss`,
        }),
      ),
    "/feeds/conditional.xml": (req, res, url) => {
      const mode = url.searchParams.get("validators") ?? "both";
      const etag = `"v${version}"`;
      const lastModified =
        version === 1 ? LAST_MODIFIED : new Date(Date.parse(LAST_MODIFIED) + version * 60_000).toUTCString();
      const headers: Record<string, string> = {};
      if (mode === "both" || mode === "etag") headers.etag = etag;
      if (mode === "both" || mode === "lm") headers["last-modified"] = lastModified;
      const inm = req.headers["if-none-match"];
      const ims = req.headers["if-modified-since"];
      const fresh =
        (headers.etag !== undefined && inm === etag) ||
        (inm === undefined &&
          headers["last-modified"] !== undefined &&
          ims !== undefined &&
          Date.parse(ims) >= Date.parse(lastModified));
      if (fresh) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
      const list = version === 1 ? articles.slice(0, -1) : articles;
      send(req, res, url, 200, "application/rss+xml; charset=utf-8", rss(url.pathname, list), headers);
    },
    "/feeds/republish.xml": (req, res, url) => {
      const n = count(url.pathname);
      send(
        req,
        res,
        url,
        200,
        "application/rss+xml; charset=utf-8",
        rss(url.pathname, articles, {
          date: (_a, i) => new Date(Date.UTC(2019, 4, 1) + n * 86_400_000 + i * 60_000).toISOString(),
        }),
      );
    },
    "/feeds/edited.xml": (req, res, url) => {
      const list = articles.map((a, i) =>
        i === 0 && version > 1
          ? {
              ...a,
              title: `${a.title} (updated)`,
              paragraphs: [
                ...a.paragraphs,
                `Correction, version ${version}: an earlier version of this article misstated the day of the meeting.`,
              ],
            }
          : a,
      );
      send(req, res, url, 200, "application/rss+xml; charset=utf-8", rss(url.pathname, list));
    },
    "/hold": async (req, res, url) => {
      await sleep(Number(url.searchParams.get("ms") ?? 100));
      if (!res.destroyed) send(req, res, url, 200, "application/rss+xml; charset=utf-8", rss(url.pathname));
    },
    "/slow.xml": async (_req, res, url) => {
      const body = Buffer.from(rss(url.pathname));
      const chunks = Number(url.searchParams.get("chunks") ?? 20);
      const ms = Number(url.searchParams.get("chunkMs") ?? 200);
      res.writeHead(200, {
        "content-type": "application/rss+xml; charset=utf-8",
        "content-length": String(body.length),
      });
      const size = Math.ceil(body.length / chunks);
      for (let i = 0; i < body.length && !res.destroyed; i += size) {
        res.write(body.subarray(i, i + size));
        await sleep(ms);
      }
      res.end();
    },
    "/big.xml": async (_req, res, url) => {
      const total = Number(url.searchParams.get("mib") ?? 6) * 1024 * 1024;
      const headers: Record<string, string> = { "content-type": "application/rss+xml" };
      if (url.searchParams.get("cl") === "1") headers["content-length"] = String(total);
      res.writeHead(200, headers);
      const chunk = Buffer.alloc(64 * 1024, " ");
      for (let sent = 0; sent < total && !res.destroyed; sent += chunk.length) {
        await new Promise<void>((resolve) => res.write(chunk, () => resolve()));
      }
      res.end();
    },
    "/bomb.xml": (_req, res) => {
      bombCache ??= gzipSync(
        Buffer.concat([
          Buffer.from('<?xml version="1.0"?><rss><channel><title>'),
          Buffer.alloc(24 * 1024 * 1024, "a"),
        ]),
        { level: 9 },
      );
      res.writeHead(200, { "content-type": "application/rss+xml", "content-encoding": "gzip" });
      res.end(bombCache);
    },
    "/loop/a": (_req, res) => redirect(res, 302, "/loop/b"),
    "/loop/b": (_req, res) => redirect(res, 302, "/loop/a"),
    "/moved.xml": (_req, res) => redirect(res, 301, "/feeds/rss.xml"),
    "/malformed.xml": (req, res, url) =>
      send(
        req,
        res,
        url,
        200,
        "application/rss+xml",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>Unclosed <b>tag</title></channel>',
      ),
  };
  let bombCache: Buffer | undefined;

  function homePage() {
    return `<!doctype html><html><head><title>${siteName}</title>
<link rel="alternate" type="application/rss+xml" title="Comments" href="/comments/feed">
<link rel="alternate" type="application/atom+xml" title="${siteName}" href="/feeds/atom.xml">
<meta property="og:site_name" content="${siteName}"></head><body><h1>${siteName}</h1></body></html>`;
  }

  function redirect(res: ServerResponse, status: number, location: string) {
    res.writeHead(status, { location, "content-length": "0" });
    res.end();
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", origin);
    requests.push({
      method: req.method ?? "GET",
      path: req.url ?? "/",
      pathname: url.pathname,
      headers: req.headers,
      at: Date.now(),
    });
    const key = `/${url.pathname.split("/")[1] ?? ""}`;
    const f = inFlight.get(key) ?? { now: 0, max: 0 };
    inFlight.set(key, f);
    f.now++;
    f.max = Math.max(f.max, f.now);
    res.on("close", () => f.now--);
    const p = url.pathname;
    const handler = custom.get(p) ?? routes[p];
    if (handler) return handler(req, res, url);
    let m = /^\/(articles|private)\/([^/]+)$/.exec(p);
    if (m) {
      const a = articles.find((x) => x.slug === m![2]);
      if (!a) return send(req, res, url, 404, "text/html", "<h1>Not found</h1>");
      const charset = url.searchParams.get("charset");
      const page = articlePage(a, {
        siteName,
        canonical: `${origin}/articles/${a.slug}?utm_source=canonical`,
        ...(charset ? { charsetMeta: charset } : {}),
      });
      if (charset === "windows-1252")
        return send(req, res, url, 200, "text/html", encodeSingleByte(page, "windows-1252"));
      return send(req, res, url, 200, "text/html; charset=utf-8", page);
    }
    m = /^\/status\/(\d{3})$/.exec(p);
    if (m) {
      const headers: Record<string, string> = {};
      const ra = url.searchParams.get("retryAfter");
      if (ra) headers["retry-after"] = ra;
      return send(req, res, url, Number(m[1]), "text/plain", `status ${m[1]}`, headers);
    }
    m = /^\/flaky\/([\w-]+)$/.exec(p);
    if (m) {
      const n = count(p);
      if (n <= Number(url.searchParams.get("fail") ?? 3))
        return send(req, res, url, 500, "text/plain", "oops");
      return send(req, res, url, 200, "application/rss+xml; charset=utf-8", rss(p));
    }
    m = /^\/redirect\/(\d+)$/.exec(p);
    if (m) {
      const n = Number(m[1]);
      return n > 0
        ? redirect(res, 302, `/redirect/${n - 1}${url.search}`)
        : send(req, res, url, 200, "application/rss+xml; charset=utf-8", rss(p));
    }
    m = /^\/bench\/(\d+)\.xml$/.exec(p);
    if (m) {
      const size = Number(url.searchParams.get("items") ?? 50);
      const cacheKey = `${m[1]}:${size}`;
      let body = benchCache.get(cacheKey);
      if (!body) {
        const n = Number(m[1]);
        const list = Array.from({ length: size }, (_, i) => articles[(n * size + i) % articles.length]!);
        body = Buffer.from(
          renderRss(meta(p, `Bench feed ${n} - ${siteName}`), list, {
            guid: (a, i) => `urn:bench:${n}:${i}:${a.slug}`,
            link: (a, i) => `/articles/${a.slug}?feed=${n}&i=${i}`,
          }),
        );
        benchCache.set(cacheKey, body);
      }
      const etag = `"bench-${cacheKey}"`;
      if (req.headers["if-none-match"] === etag) {
        res.writeHead(304, { etag });
        res.end();
        return;
      }
      return send(req, res, url, 200, "application/rss+xml; charset=utf-8", body, { etag });
    }
    send(req, res, url, 404, "text/plain", "not found");
  }

  const http = createServer((req, res) => {
    Promise.resolve(handle(req, res)).catch((err) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(err));
    });
  });
  http.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  http.listen(0, "127.0.0.1");
  await once(http, "listening");
  origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  const server: FeedServer = {
    origin,
    url: (path) => `${origin}${path}`,
    articles,
    requests,
    requestsTo: (pathname) => requests.filter((r) => r.pathname === pathname),
    maxInFlight: (prefix) => inFlight.get(prefix)?.max ?? 0,
    commonPaths: true,
    edit() {
      version++;
    },
    route(pathname, handler) {
      custom.set(pathname, handler);
    },
    reset() {
      requests.length = 0;
      counters.clear();
      inFlight.clear();
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
  return server;
}

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}
