import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { createServer, type Socket } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isPrivateAddress } from "../../sources/address.ts";
import { HttpStatusError, SourceError } from "../../sources/errors.ts";
import { createHttpClient, type HttpClient } from "../../sources/http.ts";
import { createHostLimiter } from "../../sources/limiter.ts";
import { type FeedServer, startFeedServer } from "../peers/feeds/server.ts";

let server: FeedServer;
let http: HttpClient;

beforeAll(async () => {
  server = await startFeedServer();
  http = createHttpClient({ allowPrivateNetworks: true, limiter: createHostLimiter(2) });
});
afterAll(async () => {
  await http.close();
  await http.close(); // safe twice
  await server.close();
});
beforeEach(() => server.reset());

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof SourceError) return err.code;
    throw err;
  }
  return "no error";
}

describe("HTTP client against the local feed server", () => {
  it("names no credential of the address in its errors (a redirect loop on a tokenised feed)", async () => {
    server.route("/private/loop.xml", (req, res) => {
      res.writeHead(302, { location: req.url ?? "/" });
      res.end();
    });
    const secret = "L00pSecretT0ken";
    const err = await http
      .get(server.url(`/private/loop.xml?access_token=${secret}`))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect((err as SourceError).code).toBe("redirect-loop");
    expect((err as SourceError).message).toContain("/private/loop.xml");
    expect((err as SourceError).message).not.toContain(secret);
  });

  it("names Summit in the User-Agent, asks for compression and sends no empty validator", async () => {
    const res = await http.get(server.url("/feeds/rss.xml"));
    expect(res.status).toBe(200);
    const [req] = server.requestsTo("/feeds/rss.xml");
    expect(req!.headers["user-agent"]).toMatch(
      /^Summit\/\d+\.\d+ \(\+https?:\/\/[^;]+; news briefing bot\)$/,
    );
    expect(req!.headers["accept-encoding"]).toBe("gzip, deflate, br");
    expect(req!.headers).not.toHaveProperty("if-none-match");
    expect(req!.headers).not.toHaveProperty("if-modified-since");
    // Blank validators are treated as none.
    await http.get(server.url("/feeds/rss.xml"), { etag: "  ", lastModified: "" });
    const second = server.requestsTo("/feeds/rss.xml")[1]!;
    expect(second.headers).not.toHaveProperty("if-none-match");
    expect(second.headers).not.toHaveProperty("if-modified-since");
  });

  it("sends the validators of the last good response and gets a 304", async () => {
    const first = await http.get(server.url("/feeds/conditional.xml"));
    expect(first.etag).toMatch(/^"v\d+"$/);
    expect(first.lastModified).toMatch(/GMT$/);
    const again = await http.get(server.url("/feeds/conditional.xml"), {
      etag: first.etag,
      lastModified: first.lastModified,
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const sent = server.requestsTo("/feeds/conditional.xml")[1]!.headers;
    expect(sent["if-none-match"]).toBe(first.etag);
    expect(sent["if-modified-since"]).toBe(first.lastModified);
  });

  it("with only Last-Modified, sends only If-Modified-Since", async () => {
    const first = await http.get(server.url("/feeds/conditional.xml?validators=lm"));
    expect(first.etag).toBeNull();
    const again = await http.get(server.url("/feeds/conditional.xml?validators=lm"), {
      etag: first.etag,
      lastModified: first.lastModified,
    });
    expect(again.status).toBe(304);
    const sent = server.requestsTo("/feeds/conditional.xml")[1]!.headers;
    expect(sent).not.toHaveProperty("if-none-match");
    expect(sent["if-modified-since"]).toBe(first.lastModified);
  });

  it("decodes gzip, brotli, zlib deflate and raw deflate bodies", async () => {
    const plain = await http.get(server.url("/feeds/rss.xml"));
    for (const enc of ["gzip", "br", "deflate", "deflate-raw"]) {
      const res = await http.get(server.url(`/feeds/rss.xml?enc=${enc}`));
      expect(res.headers["content-encoding"], enc).toBe(enc === "deflate-raw" ? "deflate" : enc);
      expect(res.body.equals(plain.body), enc).toBe(true);
    }
  });

  it("caps the body while it streams, declared or not, compressed or not", async () => {
    const started = Date.now();
    expect(await codeOf(http.get(server.url("/big.xml?mib=50")))).toBe("too-large");
    // It stopped reading at the cap instead of downloading 50 MiB.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await codeOf(http.get(server.url("/big.xml?cl=1")))).toBe("too-large");
    expect(await codeOf(http.get(server.url("/bomb.xml")))).toBe("too-large");
    const small = createHttpClient({ allowPrivateNetworks: true, maxBodyBytes: 4096 });
    try {
      expect(await codeOf(small.get(server.url("/feeds/rss.xml")))).toBe("too-large");
      expect(await codeOf(small.get(server.url("/feeds/rss.xml?enc=gzip")))).toBe("too-large");
    } finally {
      await small.close();
    }
  });

  it("times out waiting for headers, on a stalled body, and on a trickle past the total deadline", async () => {
    // undici checks body silence on its coarse timers (about 1 s resolution): the idle test uses seconds.
    const c = createHttpClient({
      allowPrivateNetworks: true,
      headersTimeoutMs: 300,
      bodyIdleTimeoutMs: 1000,
      totalTimeoutMs: 6000,
    });
    const quick = createHttpClient({ allowPrivateNetworks: true, totalTimeoutMs: 1500 });
    try {
      const e1 = await c.get(server.url("/hold?ms=1500")).catch((e: unknown) => e);
      expect(e1).toBeInstanceOf(SourceError);
      expect((e1 as SourceError).code).toBe("timeout");
      expect((e1 as Error).message).toMatch(/waiting for the response/);
      const started = Date.now();
      const e2 = await c.get(server.url("/slow.xml?chunks=2&chunkMs=4000")).catch((e: unknown) => e);
      expect((e2 as SourceError).code).toBe("timeout");
      expect((e2 as Error).message).toMatch(/reading the body/);
      expect(Date.now() - started).toBeLessThan(4000);
      // Each chunk comes within the idle timeout, but the whole takes longer than the deadline.
      const e3 = await quick.get(server.url("/slow.xml?chunks=20&chunkMs=150")).catch((e: unknown) => e);
      expect((e3 as SourceError).code).toBe("timeout");
      expect((e3 as Error).message).toMatch(/after 1.5 s/);
      // A short trickle arrives whole.
      const ok = await quick.get(server.url("/slow.xml?chunks=4&chunkMs=50"));
      expect(ok.body.toString()).toContain("</rss>");
    } finally {
      await c.close();
      await quick.close();
    }
  });

  it("times out connecting (a TLS handshake that never finishes)", async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((s) => sockets.add(s));
    silent.listen(0, "127.0.0.1");
    await once(silent, "listening");
    const port = (silent.address() as AddressInfo).port;
    const c = createHttpClient({ allowPrivateNetworks: true, connectTimeoutMs: 300 });
    try {
      const err = await c.get(`https://127.0.0.1:${port}/feed`).catch((e: unknown) => e);
      expect((err as SourceError).code).toBe("timeout");
      expect((err as Error).message).toMatch(/connecting to/);
    } finally {
      await c.close();
      for (const s of sockets) s.destroy();
      silent.close();
    }
  });

  it("follows up to 5 redirects, refuses a 6th, and detects loops", async () => {
    const five = await http.get(server.url("/redirect/5"));
    expect(five.redirects).toBe(5);
    expect(five.url).toBe(server.url("/redirect/0"));
    expect(five.permanentRedirect).toBe(false);
    expect(await codeOf(http.get(server.url("/redirect/6")))).toBe("too-many-redirects");
    expect(await codeOf(http.get(server.url("/loop/a")))).toBe("redirect-loop");
    expect(server.requestsTo("/loop/a")).toHaveLength(1);
    const moved = await http.get(server.url("/moved.xml"));
    expect(moved).toMatchObject({ url: server.url("/feeds/rss.xml"), permanentRedirect: true, redirects: 1 });
  });

  it("reports statuses with their code and Retry-After", async () => {
    const err = await http.get(server.url("/status/429?retryAfter=120")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpStatusError);
    expect(err).toMatchObject({ code: "http-status", status: 429, retryAfter: "120" });
    expect((err as Error).message).toBe(`HTTP 429 from ${new URL(server.origin).host}`);
    const e500 = await http.get(server.url("/status/500")).catch((e: unknown) => e);
    expect(e500).toMatchObject({ status: 500, retryAfter: null });
  });

  it("keeps at most 2 requests in flight per host, across clients sharing a limiter", async () => {
    const limiter = createHostLimiter(2);
    const a = createHttpClient({ allowPrivateNetworks: true, limiter });
    const b = createHttpClient({ allowPrivateNetworks: true, limiter });
    try {
      const started = Date.now();
      await Promise.all(
        Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).get(server.url(`/hold?ms=150&n=${i}`))),
      );
      expect(server.maxInFlight("/hold")).toBe(2);
      expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 150 - 20);
      // Another host name is another host: "localhost" and "127.0.0.1" each get 2.
      server.reset();
      const port = new URL(server.origin).port;
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          a.get(`http://${i % 2 ? "localhost" : "127.0.0.1"}:${port}/hold?ms=200&n=${i}`),
        ),
      );
      expect(server.maxInFlight("/hold")).toBe(4);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("refuses private network addresses unless allowed, and other schemes", async () => {
    const strict = createHttpClient();
    try {
      expect(await codeOf(strict.get(server.url("/feeds/rss.xml")))).toBe("invalid-url");
      const port = new URL(server.origin).port;
      expect(await codeOf(strict.get(`http://localhost:${port}/feeds/rss.xml`))).toBe("invalid-url");
      expect(await codeOf(strict.get("http://[::1]:1/feed"))).toBe("invalid-url");
      expect(await codeOf(strict.get("http://169.254.169.254/latest/meta-data/"))).toBe("invalid-url");
      expect(server.requests).toHaveLength(0);
      expect(await codeOf(http.get("file:///etc/passwd"))).toBe("invalid-url");
      expect(await codeOf(http.get("not a url"))).toBe("invalid-url");
    } finally {
      await strict.close();
    }
    expect(isPrivateAddress("10.1.2.3")).toBe(true);
    expect(isPrivateAddress("192.168.0.1")).toBe(true);
    expect(isPrivateAddress("::ffff:127.0.0.1")).toBe(true);
    expect(isPrivateAddress("fd00::1")).toBe(true);
    expect(isPrivateAddress("93.184.216.34")).toBe(false);
    expect(isPrivateAddress("2606:2800:220:1::")).toBe(false);
  });

  it("maps a refused connection to a network error", async () => {
    const err = await http.get("http://127.0.0.1:1/feed").catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "network" });
    expect((err as Error).message).toMatch(/ECONNREFUSED/);
  });
});
