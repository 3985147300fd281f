import type { Server } from "node:http";
import { type AddressInfo, connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createRouter, HTTP_TIMEOUTS, listen } from "../../app/http.ts";
import { quietLog } from "../queue/helpers.ts";

let server: Server | null = null;
afterEach(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = null;
});

describe("http router", () => {
  it("routes by longest path prefix at segment boundaries, exact GETs, 404/405/500", async () => {
    const router = createRouter(quietLog);
    router.mount("/slack", (req, res) => res.end(`slack ${req.url}`));
    router.mount("/slack/oauth", (_req, res) => res.end("oauth"));
    router.mount("/discord/interactions/", (req, res) => res.end(`discord ${req.method}`));
    router.mount("/boom", () => {
      throw new Error("handler bug");
    });
    router.get("/healthz", (_req, res) => res.end("ok"));
    expect(() => router.mount("/slack/", () => {})).toThrow(/already mounted/);
    server = await listen(router, 0, "127.0.0.1");
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const text = async (path: string, init?: RequestInit) => {
      const r = await fetch(base + path, init);
      return `${r.status} ${await r.text()}`;
    };
    expect(await text("/slack/events?x=1")).toBe("200 slack /slack/events?x=1");
    expect(await text("/slack")).toBe("200 slack /slack");
    expect(await text("/slack/oauth/callback")).toBe("200 oauth");
    expect(await text("/slackers")).toMatch(/^404 /);
    expect(await text("/discord/interactions", { method: "POST", body: "{}" })).toBe("200 discord POST");
    expect(await text("/healthz")).toBe("200 ok");
    expect(await text("/healthz", { method: "POST" })).toMatch(/^405 /);
    expect(await text("/boom")).toBe('500 {"error":"internal error"}');
    expect(await text("/nothing")).toBe('404 {"error":"not found"}');
  });
});

describe("slow requests", () => {
  it("cuts off a body that drips in slower than the request timeout (and uses short defaults)", async () => {
    // The defaults suit a 3-second platform deadline, far below Node's 300 s.
    expect(HTTP_TIMEOUTS.requestTimeoutMs).toBeLessThanOrEqual(10_000);
    expect(HTTP_TIMEOUTS.headersTimeoutMs).toBeLessThanOrEqual(HTTP_TIMEOUTS.requestTimeoutMs);
    const defaults = await listen(createRouter(quietLog), 0, "127.0.0.1");
    expect(defaults.requestTimeout).toBe(HTTP_TIMEOUTS.requestTimeoutMs);
    expect(defaults.headersTimeout).toBe(HTTP_TIMEOUTS.headersTimeoutMs);
    await new Promise<void>((r) => defaults.close(() => r()));

    const router = createRouter(quietLog);
    let handled = 0;
    router.mount("/slack", (req, res) => {
      handled++;
      req.resume();
      req.on("end", () => res.end("read it all"));
    });
    server = await listen(router, 0, "127.0.0.1", {
      requestTimeoutMs: 800,
      headersTimeoutMs: 400,
      checkEveryMs: 100,
    });
    const port = (server.address() as AddressInfo).port;
    const socket = connect(port, "127.0.0.1");
    let reply = "";
    socket.on("data", (d) => {
      reply += d.toString();
    });
    const closed = new Promise<number>((resolve) => socket.on("close", () => resolve(Date.now())));
    const started = Date.now();
    socket.write("POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n");
    // One byte every 100 ms would take 100 s to finish.
    const drip = setInterval(() => {
      if (!socket.destroyed) socket.write("a");
    }, 100);
    const closedAt = await closed;
    clearInterval(drip);
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAt - started).toBeLessThan(5_000);
    expect(handled).toBe(1);
  });
});
