/**
 * The console's login, logout and Bearer limits over real HTTP (node:http on 127.0.0.1), without a
 * browser or Redis: the Secure flag behind a TLS proxy, a logged-out cookie refused, wrong Bearer tokens
 * limited like login attempts. The browser suite (console.e2e.test.ts) covers the same through the whole
 * server with the Redis-backed list of ended sessions.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createConsole } from "../../console/handler.ts";
import type { ConsoleDeps } from "../../console/ports.ts";

const TOKEN = "http-test-token-93ab";
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function start(extra: Partial<ConsoleDeps> = {}): Promise<string> {
  const deps: ConsoleDeps = {
    clock: { now: () => new Date() },
    token: TOKEN,
    engine: null,
    deadlineMs: 1000,
    subscriptions: {
      list: async () => [],
      nextDelivery: () => null,
      get: async () => null,
      pause: async () => false,
      resume: async () => false,
      sendNow: async () => {
        throw new Error("not in this test");
      },
    },
    deliveries: { recent: async () => [] },
    feedback: { recent: async () => [] },
    health: async () => ({ status: "ok" }),
    sources: null,
    loginLimit: { max: 3, windowMs: 60_000 },
    ...extra,
  };
  const console = createConsole(deps);
  const server = createServer((req, res) => void console.handle(req, res));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/console`;
}

async function logIn(base: string): Promise<string> {
  const res = await fetch(`${base}/login`, {
    method: "POST",
    body: new URLSearchParams({ token: TOKEN, next: "/console/try" }),
    redirect: "manual",
  });
  expect(res.status).toBe(303);
  return res.headers.get("set-cookie") ?? "";
}

describe("console sessions over HTTP", () => {
  it("marks the session cookie Secure when HTTPS ends at a proxy (SUMMIT_CONSOLE_SECURE_COOKIE), not otherwise", async () => {
    expect(await logIn(await start())).not.toMatch(/;\s*Secure/i);
    const cookie = await logIn(await start({ secureCookie: true }));
    expect(cookie).toMatch(/HttpOnly; SameSite=Strict; Max-Age=\d+; Secure$/);
  });

  it("logging out ends the session on the server: a copy of the cookie is refused", async () => {
    const base = await start();
    const cookie = (await logIn(base)).split(";")[0] ?? "";
    const page = await fetch(`${base}/subscriptions`, { headers: { cookie }, redirect: "manual" });
    expect(page.status).toBe(200);
    const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
    expect(csrf).not.toBe("");
    const out = await fetch(`${base}/logout`, {
      method: "POST",
      headers: { cookie },
      body: new URLSearchParams({ csrf }),
      redirect: "manual",
    });
    expect(out.status).toBe(303);
    expect(out.headers.get("set-cookie")).toMatch(/summit_console=;.*Max-Age=0/);
    const again = await fetch(`${base}/subscriptions`, { headers: { cookie }, redirect: "manual" });
    expect(again.status).toBe(303);
    expect(again.headers.get("location")).toMatch(/\/console\/login\?next=/);
  });

  it("limits wrong Bearer tokens per address, then refuses even the right one with Retry-After", async () => {
    const base = await start();
    const call = (token: string) =>
      fetch(`${base}/subscriptions`, { headers: { authorization: `Bearer ${token}` } });
    for (let i = 0; i < 5; i++) expect((await call(TOKEN)).status).toBe(200);
    expect([(await call("a")).status, (await call("b")).status, (await call("c")).status]).toEqual([
      401, 401, 401,
    ]);
    const limited = await call(TOKEN);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.json()).toEqual({ error: expect.stringMatching(/too many wrong tokens/) });
  });
});
