/** How the adapter is configured: HTTP with one token, OAuth (many workspaces), Socket Mode, bad config. */

import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { createSlackAdapter, SlackConfigError } from "../../../adapters/slack/index.ts";
import { createRedisInstallationStore } from "../../../adapters/slack/installationStore.ts";
import { createEngine } from "../../../app/engine/create.ts";
import { PlatformPermanentError } from "../../../src/delivery.ts";
import { noticeDocument } from "../../../src/present/fromCore.ts";
import { startFakeSlackApi } from "../../peers/slack/fakeSlackApi.ts";
import { createMemorySubscriptions } from "../../support/memorySubscriptions.ts";
import { deleteKeysUnder } from "../../support/redisKeys.ts";

const redis = new Redis("redis://127.0.0.1:6379");
const prefix = `summit-test-${randomUUID()}`;
const base = {
  engine: createEngine({ corpusDir: "seeds" }),
  subscriptions: createMemorySubscriptions(),
  redis,
  logger: pino({ level: "silent" }),
};

afterAll(async () => {
  await deleteKeysUnder(redis, prefix);
  redis.disconnect();
});

async function get(listener: (req: never, res: never) => void, path: string) {
  const server = createServer(listener as never);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`, {
      redirect: "manual",
    });
    return { status: res.status, location: res.headers.get("location") };
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

describe("slack adapter modes", () => {
  it("refuses to start without a token or OAuth settings, or without a signing secret in HTTP mode", () => {
    expect(() =>
      createSlackAdapter({ ...base, config: { redisPrefix: prefix, slackSigningSecret: "s" } }),
    ).toThrow(SlackConfigError);
    expect(() =>
      createSlackAdapter({ ...base, config: { redisPrefix: prefix, slackBotToken: "xoxb-1" } }),
    ).toThrow(/SLACK_SIGNING_SECRET/);
  });

  it("Socket Mode when an app token is set: no HTTP endpoint", async () => {
    const a = createSlackAdapter({
      ...base,
      config: { redisPrefix: prefix, slackBotToken: "xoxb-1", slackAppToken: "xapp-1" },
    });
    expect(a.mode).toBe("socket");
    expect((await get(a.requestListener, "/slack/events")).status).toBe(404);
  });

  it("HTTP mode answers 404 for paths it does not own", async () => {
    const a = createSlackAdapter({
      ...base,
      config: { redisPrefix: prefix, slackBotToken: "xoxb-1", slackSigningSecret: "s" },
    });
    expect(a.mode).toBe("http");
    expect((await get(a.requestListener, "/elsewhere")).status).toBe(404);
  });

  it("OAuth: /slack/install redirects to Slack's consent page, and digests use each workspace's own token", async () => {
    const api = await startFakeSlackApi();
    try {
      const a = createSlackAdapter({
        ...base,
        config: {
          redisPrefix: prefix,
          slackSigningSecret: "s",
          slackClientId: "123.456",
          slackClientSecret: "cs",
          slackStateSecret: "state-secret",
          slackApiUrl: api.apiUrl,
        },
      });
      const install = await get(a.requestListener, "/slack/install");
      expect(install.status).toBe(302);
      expect(install.location).toMatch(/^https:\/\/slack\.com\/oauth\/v2\/authorize\?.*client_id=123\.456/);
      expect(install.location).toMatch(/scope=commands%2Cchat%3Awrite/);

      await createRedisInstallationStore(redis, prefix).storeInstallation({
        team: { id: "T0ONE", name: "One" },
        enterprise: undefined,
        user: { id: "U1", token: undefined, scopes: undefined },
        bot: { id: "B1", userId: "UB1", token: "xoxb-team-one", scopes: ["chat:write"] },
        isEnterpriseInstall: false,
        tokenType: "bot",
        authVersion: "v2",
      });
      await a.sender.send(
        { platform: "slack", workspace: "T0ONE", channel: "C1" },
        noticeDocument("Digest", "Nothing new."),
        { idempotencyKey: "oauth-1" },
      );
      expect(api.calls.find((c) => c.method === "chat.postMessage")?.token).toBe("xoxb-team-one");
      await expect(
        a.sender.send(
          { platform: "slack", workspace: "T0UNKNOWN", channel: "C1" },
          noticeDocument("Digest", "x"),
          { idempotencyKey: "oauth-2" },
        ),
      ).rejects.toBeInstanceOf(PlatformPermanentError);
    } finally {
      await api.close();
    }
  });
});
