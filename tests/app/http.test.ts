import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createRouter, listen } from "../../app/http.ts";
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
