/**
 * End to end on the seeds: the real core engine builds the digest, the real Discord sender (discord.js
 * REST, nonce + enforce_nonce) posts it to the local Discord, through the queue's scheduled-job path.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../app/config.ts";
import { defaultEngine } from "../../app/engine/factory.ts";
import { configuredSenders } from "../../app/senders.ts";
import { DigestRuntime } from "../../queue/runtime.ts";
import { type FakeDiscord, startFakeDiscord } from "../peers/discord/server.ts";
import { type FakeSlackApi, startFakeSlackApi } from "../peers/slack/fakeSlackApi.ts";
import { deletePrefix, newSub, quietLog, REDIS_URL, uniquePrefix, until } from "./helpers.ts";

let discord: FakeDiscord | null = null;
let slack: FakeSlackApi | null = null;
let rt: DigestRuntime | null = null;
const prefix = uniquePrefix();
afterEach(async () => {
  await rt?.close();
  await discord?.close();
  await slack?.close();
  rt = null;
  discord = null;
  slack = null;
  await deletePrefix(prefix);
});

/**
 * The seeds as just arrived: a folder's articles arrive when their files were written (their mtime),
 * and a first digest covers the 24 hours before its slot, so a checkout older than that would have
 * nothing new. A fresh copy arrives now, as a clean clone's does.
 */
const corpus = mkdtempSync(join(tmpdir(), "summit-e2e-seeds-"));
cpSync(join(import.meta.dirname, "..", "..", "seeds"), corpus, { recursive: true });
afterAll(() => rmSync(corpus, { recursive: true, force: true }));

/** The runtime and the senders the server would build from this environment. */
async function startWith(env: Record<string, string>) {
  const config = loadConfig({ REDIS_URL, SUMMIT_REDIS_PREFIX: prefix, SUMMIT_CORPUS: corpus, ...env });
  const engine = await defaultEngine(config, quietLog);
  const runtime = await DigestRuntime.start({
    redisUrl: REDIS_URL,
    prefix,
    clock: { now: () => new Date() },
    log: quietLog,
  });
  rt = runtime;
  const senders = configuredSenders({
    config,
    log: quietLog,
    redis: runtime.redis,
    engine,
    subscriptions: runtime.service,
  });
  return { runtime, engine, senders };
}

function posted(d: FakeDiscord, channel: string) {
  return [...d.messages.values()].filter((m) => m.channel_id === channel && m.author.id === d.bot.id);
}

describe("digest end to end on the seeds", () => {
  it("delivers a cited digest on the schedule, then says nothing is new, exactly once per slot", async () => {
    discord = await startFakeDiscord({ token: "digest-token", applicationId: "100000000000000777" });
    const { runtime, engine, senders } = await startWith({
      DISCORD_TOKEN: "digest-token",
      DISCORD_APPLICATION_ID: "100000000000000777",
      DISCORD_API_URL: discord.apiUrl,
    });
    expect(Object.keys(senders)).toEqual(["discord"]);
    runtime.startWorker({ engine, senders });

    const channel = discord.channelId;
    const sub = await runtime.service.subscribe(
      newSub({ platform: "discord", workspace: discord.guildId, channel, topics: [] }),
    );
    const [job] = await runtime.queue.getDelayed();
    await job!.promote();
    await until(async () => (await rt!.queue.getJob(job!.id!))?.finishedOn !== undefined, 20_000, "digest");
    expect((await runtime.queue.getJob(job!.id!))!.returnvalue.status).toBe("delivered");
    const first = posted(discord, channel);
    expect(first.length).toBeGreaterThanOrEqual(1);
    const text = JSON.stringify(first.map((m) => m.raw));
    expect(text).toMatch(/Putin|Kim/);
    expect(text).toMatch(/\[\d+\]/); // numbered citations
    expect(first[0]!.nonce).toBeTruthy();
    // allowed_mentions: nothing in a digest may ping anyone.
    expect(first[0]!.raw.allowed_mentions).toEqual({ parse: [] });

    // A manual send right after: only what is new since that slot, i.e. nothing, said plainly.
    const again = await runtime.sendNow(sub.id);
    expect(again.status).toBe("delivered");
    const second = posted(discord, channel).slice(first.length);
    expect(JSON.stringify(second.map((m) => m.raw))).toMatch(/nothing new|no new/i);

    // The channel is deleted: the next send fails once, no retries, and the subscription is paused.
    discord.failures.set(channel, { status: 404, body: { message: "Unknown Channel", code: 10003 } });
    const gone = await runtime.sendNow(sub.id);
    expect(gone.status).toBe("failed");
    expect((await runtime.service.get(sub.id))!.pausedReason).toMatch(/10003/);
  });

  it("delivers through the real Slack sender: metadata carries the key, 429 waits, a gone channel pauses", async () => {
    slack = await startFakeSlackApi();
    const { runtime, engine, senders } = await startWith({
      SLACK_BOT_TOKEN: "xoxb-digest",
      SLACK_SIGNING_SECRET: "digest-secret",
      SLACK_API_URL: slack.apiUrl,
    });
    expect(Object.keys(senders)).toEqual(["slack"]);
    runtime.startWorker({ engine, senders, paceMs: { slack: 0, discord: 0 } });
    const sub = await runtime.service.subscribe(
      newSub({ platform: "slack", workspace: slack.teamId, channel: "C0DIGEST" }),
    );
    const posts = () => slack!.calls.filter((c) => c.method === "chat.postMessage" && c.ok);

    const [job] = await runtime.queue.getDelayed();
    const slot = Number(job!.id!.split(":").at(-1));
    await job!.promote();
    await until(async () => (await rt!.queue.getJob(job!.id!))?.finishedOn !== undefined, 20_000, "digest");
    expect(posts().length).toBeGreaterThanOrEqual(1);
    expect(posts()[0]!.body.channel).toBe("C0DIGEST");
    expect(JSON.stringify(posts()[0]!.body.metadata)).toContain(`${sub.id}.s${slot.toString(36)}`);
    expect(JSON.stringify(posts()[0]!.body.blocks)).toMatch(/Putin|Kim/);
    expect((await runtime.service.get(sub.id))!.lastDeliveredSlot).toBe(new Date(slot).toISOString());

    const before = posts().length;
    slack.failNext("chat.postMessage", { status: 429, retryAfterSeconds: 1 });
    expect((await runtime.sendNow(sub.id)).status).toBe("delivered");
    expect(posts().length).toBeGreaterThan(before);

    slack.failNext("chat.postMessage", { error: "channel_not_found" });
    const gone = await runtime.sendNow(sub.id);
    expect(gone).toMatchObject({ status: "failed", reason: expect.stringMatching(/channel_not_found/) });
    expect((await runtime.service.get(sub.id))!.pausedReason).toMatch(/channel_not_found/);
  });
});
