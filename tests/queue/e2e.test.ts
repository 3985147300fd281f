/**
 * End to end on the seeds: the real core engine builds the digest, the real Discord sender (discord.js
 * REST, nonce + enforce_nonce) posts it to the local Discord, through the queue's scheduled-job path.
 */
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../app/config.ts";
import { configuredSenders, defaultEngine } from "../../app/senders.ts";
import { DigestRuntime } from "../../queue/runtime.ts";
import { type FakeDiscord, startFakeDiscord } from "../peers/discord/server.ts";
import { deletePrefix, newSub, quietLog, REDIS_URL, uniquePrefix, until } from "./helpers.ts";

let discord: FakeDiscord | null = null;
let rt: DigestRuntime | null = null;
const prefix = uniquePrefix();
afterEach(async () => {
  await rt?.close();
  await discord?.close();
  await deletePrefix(prefix);
});

function posted(d: FakeDiscord, channel: string) {
  return [...d.messages.values()].filter((m) => m.channel_id === channel && m.author.id === d.bot.id);
}

describe("digest end to end on the seeds", () => {
  it("delivers a cited digest on the schedule, then says nothing is new, exactly once per slot", async () => {
    discord = await startFakeDiscord({ token: "digest-token", applicationId: "100000000000000777" });
    const config = loadConfig({
      REDIS_URL,
      SUMMIT_REDIS_PREFIX: prefix,
      DISCORD_TOKEN: "digest-token",
      DISCORD_APPLICATION_ID: "100000000000000777",
      DISCORD_API_URL: discord.apiUrl,
    });
    const engine = await defaultEngine(config, quietLog);
    rt = await DigestRuntime.start({
      redisUrl: REDIS_URL,
      prefix,
      clock: { now: () => new Date() },
      log: quietLog,
    });
    const senders = configuredSenders({
      config,
      log: quietLog,
      redis: rt.redis,
      engine,
      subscriptions: rt.service,
    });
    expect(Object.keys(senders)).toEqual(["discord"]);
    rt.startWorker({ engine, senders });

    const channel = discord.channelId;
    const sub = await rt.service.subscribe(
      newSub({ platform: "discord", workspace: discord.guildId, channel, topics: [] }),
    );
    const [job] = await rt.queue.getDelayed();
    await job!.promote();
    await until(async () => (await rt!.queue.getJob(job!.id!))?.finishedOn !== undefined, 20_000, "digest");
    expect((await rt.queue.getJob(job!.id!))!.returnvalue.status).toBe("delivered");
    const first = posted(discord, channel);
    expect(first.length).toBeGreaterThanOrEqual(1);
    const text = JSON.stringify(first.map((m) => m.raw));
    expect(text).toMatch(/Putin|Kim/);
    expect(text).toMatch(/\[\d+\]/); // numbered citations
    expect(first[0]!.nonce).toBeTruthy();
    // allowed_mentions: nothing in a digest may ping anyone.
    expect(first[0]!.raw.allowed_mentions).toEqual({ parse: [] });

    // A manual send right after: only what is new since that slot, i.e. nothing, said plainly.
    const again = await rt.sendNow(sub.id);
    expect(again.status).toBe("delivered");
    const second = posted(discord, channel).slice(first.length);
    expect(JSON.stringify(second.map((m) => m.raw))).toMatch(/nothing new|no new/i);

    // The channel is deleted: the next send fails once, no retries, and the subscription is paused.
    discord.failures.set(channel, { status: 404, body: { message: "Unknown Channel", code: 10003 } });
    const gone = await rt.sendNow(sub.id);
    expect(gone.status).toBe("failed");
    expect((await rt.service.get(sub.id))!.pausedReason).toMatch(/10003/);
  });
});
