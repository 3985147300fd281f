/**
 * GET /metrics counts Slack and Discord commands too (issue 15): the server passes an onCommand hook
 * into both adapters (they never import app/). A signed Slack /summit and signed Discord interactions,
 * against the local fake Slack Web API and fake Discord REST, show up in summit_commands_total with
 * their surface, command and outcome. The engine here throws on briefings, so a briefing is an
 * "error" and a subscription list is "ok".
 */
import { sign as edSign } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../app/config.ts";
import { type RunningServer, startServer } from "../../app/server.ts";
import { keypair } from "../adapters/discord/driver.ts";
import { SIGNING_SECRET, sign } from "../adapters/slack/harness.ts";
import { type FakeDiscord, startFakeDiscord } from "../peers/discord/server.ts";
import { type FakeSlackApi, startFakeSlackApi } from "../peers/slack/fakeSlackApi.ts";
import { deletePrefix, FakeEngine, quietLog, REDIS_URL, uniquePrefix, until } from "../queue/helpers.ts";

const prefix = `${uniquePrefix()}-finish-metrics`;
const applicationId = "100000000000000001";
const { publicKeyHex, privateKey } = keypair();
let server: RunningServer;
let slack: FakeSlackApi;
let discord: FakeDiscord;
let base = "";

beforeAll(async () => {
  slack = await startFakeSlackApi();
  discord = await startFakeDiscord({ token: "test-token-finish", applicationId });
  server = await startServer({
    config: loadConfig({
      REDIS_URL,
      SUMMIT_REDIS_PREFIX: prefix,
      PORT: "0",
      SUMMIT_ROLES: "bot",
      SLACK_BOT_TOKEN: "xoxb-finish",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      DISCORD_PUBLIC_KEY: publicKeyHex,
      DISCORD_APPLICATION_ID: applicationId,
      DISCORD_API_URL: discord.apiUrl,
    }),
    log: quietLog,
    engine: async () => new FakeEngine([{ id: "a", title: "Summit", addedAt: "2019-04-25T08:00:00Z" }]),
    handleSignals: false,
    connectWaitMs: 500,
  });
  base = `http://127.0.0.1:${server.port}`;
}, 60_000);

afterAll(async () => {
  await server?.close();
  await slack?.close();
  await discord?.close();
  await deletePrefix(prefix);
});

async function slackCommand(text: string): Promise<number> {
  const body = new URLSearchParams({
    command: "/summit",
    text,
    team_id: "T0FINISH",
    channel_id: "C0FINISH",
    user_id: "U0FINISH",
    response_url: slack.responseUrl(),
    trigger_id: `trig-${Math.random().toString(36).slice(2)}`,
  }).toString();
  const ts = Math.floor(Date.now() / 1000);
  const res = await fetch(`${base}/slack/events`, {
    method: "POST",
    body,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(ts),
      "x-slack-signature": sign(body, ts),
    },
  });
  return res.status;
}

async function discordCommand(name: string, options: { name: string; value: string }[]): Promise<number> {
  const body = JSON.stringify(discord.slashCommand(name, options));
  const ts = String(Math.floor(Date.now() / 1000));
  const res = await fetch(`${base}/discord/interactions`, {
    method: "POST",
    body,
    headers: {
      "content-type": "application/json",
      "x-signature-timestamp": ts,
      "x-signature-ed25519": edSign(null, Buffer.from(ts + body), privateKey).toString("hex"),
    },
  });
  await res.text();
  return res.status;
}

const metrics = async () => (await fetch(`${base}/metrics`)).text();
const count = (text: string, surface: string, command: string, outcome: string): number => {
  const re = new RegExp(
    `^summit_commands_total\\{surface="${surface}",command="${command}",outcome="${outcome}"\\} (\\d+)$`,
    "m",
  );
  return Number(re.exec(text)?.[1] ?? 0);
};

describe("commands on /metrics", () => {
  it("a signed Slack /summit and Discord interactions are counted by surface, command and outcome", async () => {
    const before = await metrics();
    expect(count(before, "slack", "brief", "error")).toBe(0);
    expect(count(before, "discord", "summit", "error")).toBe(0);

    expect(await slackCommand("sanctions")).toBe(200);
    expect(await slackCommand("subscriptions")).toBe(200);
    expect(await discordCommand("summit", [{ name: "topic", value: "sanctions" }])).toBe(200);
    expect(await discordCommand("summit-subscriptions", [])).toBe(200);

    let text = "";
    await until(
      async () => {
        text = await metrics();
        return (
          count(text, "slack", "brief", "error") === 1 &&
          count(text, "slack", "subscriptions", "ok") === 1 &&
          count(text, "discord", "summit", "error") === 1 &&
          count(text, "discord", "summit-subscriptions", "ok") === 1
        );
      },
      20_000,
      "Slack and Discord commands on /metrics",
    ).catch(() => undefined);
    expect({
      slackBrief: count(text, "slack", "brief", "error"),
      slackSubscriptions: count(text, "slack", "subscriptions", "ok"),
      discordSummit: count(text, "discord", "summit", "error"),
      discordSubscriptions: count(text, "discord", "summit-subscriptions", "ok"),
    }).toEqual({ slackBrief: 1, slackSubscriptions: 1, discordSummit: 1, discordSubscriptions: 1 });
    // Each was answered on its platform too (the counts follow real replies, not just requests).
    expect(slack.calls.filter((c) => c.kind === "response").length).toBeGreaterThanOrEqual(2);
    // Nothing counted as ok that failed, and nothing twice.
    expect(count(text, "slack", "brief", "ok")).toBe(0);
    expect(count(text, "discord", "summit", "ok")).toBe(0);
  });
});
