/**
 * A worker needs only the credentials of the platforms it sends to (issue #11, item 8): with
 * SUMMIT_ROLES=worker,scheduler and only SLACK_BOT_TOKEN, Slack digests are delivered through the
 * real WebClient to a local fake Slack; a platform that has subscriptions but no credential stops
 * start-up with one line naming the setting.
 */
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../app/config.ts";
import { type RunningServer, startServer } from "../../app/server.ts";
import { DigestRuntime } from "../../queue/runtime.ts";
import { systemClock } from "../../src/model.ts";
import { type FakeSlackApi, startFakeSlackApi } from "../peers/slack/fakeSlackApi.ts";
import { deletePrefix, FakeEngine, newSub, quietLog, REDIS_URL, uniquePrefix } from "../queue/helpers.ts";

let server: RunningServer | null = null;
let slack: FakeSlackApi | null = null;
const prefix = `${uniquePrefix()}-harden-data`;
afterEach(async () => {
  await server?.close();
  await slack?.close();
  server = null;
  slack = null;
  await deletePrefix(prefix);
});

const engine = async () => new FakeEngine([{ id: "a", title: "Summit", addedAt: "2019-04-25T08:00:00Z" }]);

async function subscribe(platform: "slack" | "discord", channel: string): Promise<string> {
  const rt = await DigestRuntime.start({
    redisUrl: REDIS_URL,
    prefix,
    clock: systemClock,
    log: quietLog,
    scheduler: false,
  });
  try {
    return (await rt.service.subscribe(newSub({ platform, channel, workspace: "T0SUMMIT" }))).id;
  } finally {
    await rt.close();
  }
}

describe("worker credentials", () => {
  it("a worker with only SLACK_BOT_TOKEN (no signing secret) delivers Slack digests", async () => {
    slack = await startFakeSlackApi();
    const id = await subscribe("slack", "C0DIGEST1");
    server = await startServer({
      config: loadConfig({
        REDIS_URL,
        SUMMIT_REDIS_PREFIX: prefix,
        PORT: "0",
        SUMMIT_ROLES: "worker,scheduler",
        SLACK_BOT_TOKEN: "xoxb-harden-data",
        SLACK_API_URL: slack.apiUrl,
      }),
      log: quietLog,
      engine,
      handleSignals: false,
    });
    expect((await server.digests.sendNow(id)).status).toBe("delivered");
    const posts = slack.calls.filter((c) => c.method === "chat.postMessage" && c.ok);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body.channel).toBe("C0DIGEST1");
    expect(posts[0]!.token).toBe("xoxb-harden-data");
  });

  it("a platform with subscriptions but no credential stops start-up with one clear line", async () => {
    await subscribe("discord", "d-harden-1");
    await expect(
      startServer({
        config: loadConfig({
          REDIS_URL,
          SUMMIT_REDIS_PREFIX: prefix,
          PORT: "0",
          SUMMIT_ROLES: "worker,scheduler",
          SLACK_BOT_TOKEN: "xoxb-harden-data",
        }),
        log: quietLog,
        engine,
        handleSignals: false,
      }),
    ).rejects.toThrow(
      /digests are subscribed on discord but this worker cannot send there: set DISCORD_TOKEN/,
    );
    // Positive control: the same start with the token set succeeds.
    server = await startServer({
      config: loadConfig({
        REDIS_URL,
        SUMMIT_REDIS_PREFIX: prefix,
        PORT: "0",
        SUMMIT_ROLES: "worker,scheduler",
        DISCORD_TOKEN: "discord-harden-data",
        DISCORD_API_URL: "http://127.0.0.1:1",
      }),
      log: quietLog,
      engine,
      handleSignals: false,
    });
    expect(server.roles.has("worker")).toBe(true);
  });
});
