/**
 * Issue 11 item 8: a worker needs only the credentials it sends with (a Slack bot token, no signing
 * secret), and a missing credential for a platform channels subscribe on stops it at start-up.
 */
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../app/config.ts";
import { type RunningServer, startServer } from "../../app/server.ts";
import { DigestRuntime } from "../../queue/runtime.ts";
import { type FakeSlackApi, startFakeSlackApi } from "../peers/slack/fakeSlackApi.ts";
import { deletePrefix, FakeEngine, newSub, quietLog, REDIS_URL, uniquePrefix } from "../queue/helpers.ts";

let server: RunningServer | null = null;
let slack: FakeSlackApi | null = null;
let runtime: DigestRuntime | null = null;
const prefix = `${uniquePrefix()}-hardening`;
afterEach(async () => {
  await server?.close();
  await runtime?.close();
  await slack?.close();
  server = null;
  runtime = null;
  slack = null;
  await deletePrefix(prefix);
});

const engine = async () => new FakeEngine([{ id: "a", title: "Summit", addedAt: "2019-04-25T08:00:00Z" }]);

describe("worker credentials", () => {
  it("delivers Slack digests with SLACK_BOT_TOKEN alone (no signing secret)", async () => {
    slack = await startFakeSlackApi();
    server = await startServer({
      config: loadConfig({
        REDIS_URL,
        SUMMIT_REDIS_PREFIX: prefix,
        PORT: "0",
        SUMMIT_ROLES: "worker,scheduler",
        SLACK_BOT_TOKEN: "xoxb-worker-only",
        SLACK_API_URL: slack.apiUrl,
      }),
      log: quietLog,
      engine,
      handleSignals: false,
    });
    const sub = await server.digests.service.subscribe(
      newSub({ platform: "slack", channel: "C0WORKERONLY" }),
    );
    expect((await server.digests.sendNow(sub.id, { timeoutMs: 15_000 })).status).toBe("delivered");
    const posts = slack.calls.filter(
      (c) => c.method === "chat.postMessage" && c.body.channel === sub.channel,
    );
    expect(posts).toHaveLength(1);
    expect(posts[0]!.token).toBe("xoxb-worker-only");
  });

  it("refuses to start a worker that lacks the credentials of a subscribed platform, naming the variable", async () => {
    runtime = await DigestRuntime.start({
      redisUrl: REDIS_URL,
      prefix,
      clock: { now: () => new Date() },
      log: quietLog,
    });
    await runtime.service.subscribe(newSub({ platform: "slack", channel: "C0NOCREDS" }));
    const start = (env: Record<string, string>) =>
      startServer({
        config: loadConfig({
          REDIS_URL,
          SUMMIT_REDIS_PREFIX: prefix,
          PORT: "0",
          SUMMIT_ROLES: "worker",
          ...env,
        }),
        log: quietLog,
        engine,
        handleSignals: false,
      });
    const failed = start({ DISCORD_TOKEN: "discord-token" });
    await expect(failed).rejects.toThrow(ConfigError);
    await expect(failed).rejects.toThrow(/1 slack subscription needs a slack sender: set SLACK_BOT_TOKEN/);
    // Positive control: with the Slack token it starts (Discord, which nobody subscribes on, needs nothing).
    server = await start({ SLACK_BOT_TOKEN: "xoxb-1" });
    expect(server.roles.has("worker")).toBe(true);
  });
});
