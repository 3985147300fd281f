import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../app/config.ts";
import { parseRoles, type RunningServer, startServer } from "../../app/server.ts";
import { type FakePlatform, fakePlatformSender, startFakePlatform } from "../peers/fakePlatform.ts";
import { deletePrefix, FakeEngine, newSub, quietLog, REDIS_URL, uniquePrefix } from "../queue/helpers.ts";

let server: RunningServer | null = null;
let fake: FakePlatform | null = null;
const prefix = uniquePrefix();
afterEach(async () => {
  await server?.close();
  await server?.close(); // safe twice
  await fake?.close();
  server = null;
  fake = null;
  await deletePrefix(prefix);
});

describe("server", () => {
  it("parses roles", () => {
    expect([...parseRoles("all")].sort()).toEqual(["bot", "scheduler", "worker"]);
    expect([...parseRoles("worker, scheduler")].sort()).toEqual(["scheduler", "worker"]);
    expect(() => parseRoles("wroker")).toThrow(/unknown role wroker/);
  });

  it("runs every role in one process, reports health, mounts adapters, delivers, and shuts down", async () => {
    fake = await startFakePlatform();
    let mounted = false;
    let stopped = false;
    let warmed = false;
    server = await startServer({
      config: loadConfig({ REDIS_URL, SUMMIT_REDIS_PREFIX: prefix, PORT: "0", SUMMIT_ROLES: "all" }),
      log: quietLog,
      engine: async () =>
        Object.assign(new FakeEngine([{ id: "a", title: "Summit", addedAt: "2019-04-25T08:00:00Z" }]), {
          warmUp: async () => {
            warmed = true;
          },
        }),
      senders: { discord: fakePlatformSender(fake.url, "discord") },
      bots: [
        async ({ router, subscriptions }) => {
          mounted = true;
          router.mount("/discord/interactions", async (_req, res) => {
            const subs = await subscriptions.list();
            res.end(String(subs.length));
          });
          return {
            stop: async () => {
              stopped = true;
            },
          };
        },
      ],
      handleSignals: false,
    });
    expect(mounted).toBe(true);
    const base = `http://127.0.0.1:${server.port}`;
    const health = (await (await fetch(`${base}/healthz`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({
      status: "ok",
      redis: "up",
      roles: ["bot", "worker", "scheduler"],
      workers: 1,
    });
    expect(health.queue).toMatchObject({ waiting: 0, active: 0, failed: 0 });
    expect(warmed).toBe(true); // the engine is warmed up in the background after start

    const sub = await server.digests.service.subscribe(newSub({ platform: "discord", channel: "srv-1" }));
    expect(await (await fetch(`${base}/discord/interactions`, { method: "POST" })).text()).toBe("1");
    expect((await server.digests.sendNow(sub.id)).status).toBe("delivered");
    expect(fake.postsTo("srv-1")).toHaveLength(1);
    expect(((await (await fetch(`${base}/healthz`)).json()) as { schedulers: number }).schedulers).toBe(1);

    await server.close();
    expect(stopped).toBe(true);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });

  it("refuses to start without Redis, in one line", async () => {
    await expect(
      startServer({
        config: loadConfig({ REDIS_URL: "redis://127.0.0.1:1", PORT: "0", SUMMIT_ROLES: "scheduler" }),
        log: quietLog,
        handleSignals: false,
      }),
    ).rejects.toThrow(/cannot reach Redis at redis:\/\/127\.0\.0\.1:1/);
  });
});
