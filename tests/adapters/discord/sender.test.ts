/** Digests delivered through the Discord sender: once per idempotency key, errors mapped for the queue. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PlatformPermanentError, PlatformRateLimitError } from "../../../src/delivery.ts";
import type { Digest } from "../../../src/model.ts";
import { digestToDocument } from "../../../src/present/fromCore.ts";
import { type DiscordHarness, startDiscordDriver } from "./driver.ts";
import { scriptedEngine } from "./fakeEngine.ts";

function digest(stories: number): Digest {
  return {
    since: "2019-04-24T00:00:00Z",
    found: true,
    summary: "What's new since yesterday, @everyone.",
    stories: Array.from({ length: stories }, (_, i) => ({
      title: `Story ${i}`,
      points: [{ text: `Story ${i} point ${"with words ".repeat(40)}`, sources: ["a"] }],
    })),
    sources: [
      {
        id: "a",
        title: "Article A",
        publisher: "Pub",
        date: "2019-04-25",
        location: "https://example.com/a",
      },
    ],
    engine: "extractive",
    asOf: "2019-04-25",
  };
}

describe("discord digest sender", () => {
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await startDiscordDriver({ mode: "gateway", engine: scriptedEngine() });
  });
  afterAll(async () => {
    await h?.close();
  });

  const target = () => ({
    platform: "discord" as const,
    workspace: h.fake.guildId,
    channel: h.fake.channelId,
  });

  it("posts the digest once per idempotency key, even when the worker retries", async () => {
    const doc = digestToDocument(digest(3));
    const first = await h.adapter.sender.send(target(), doc, { idempotencyKey: "sub1:2019-04-25T08:00" });
    const again = await h.adapter.sender.send(target(), doc, { idempotencyKey: "sub1:2019-04-25T08:00" });
    expect(again.messageId).toBe(first.messageId);
    const posted = h.fake.botMessagesIn(h.fake.channelId).filter((m) => m.raw.enforce_nonce === true);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.nonce!.length).toBeLessThanOrEqual(25);
    expect(h.couldPing(h.toPosted(posted[0]!))).toBe(false);
    expect(h.toPosted(posted[0]!).text).toMatch(/Your Summit digest[\s\S]*Story 2/);
    const next = await h.adapter.sender.send(target(), doc, { idempotencyKey: "sub1:2019-04-26T08:00" });
    expect(next.messageId).not.toBe(first.messageId);
  });

  it("a retry after the nonce window checks the channel first when the earlier outcome is unknown", async () => {
    const doc = digestToDocument(digest(2));
    const key = "sub-window:2019-04-27T08:00";
    const first = await h.adapter.sender.send(target(), doc, { idempotencyKey: key });
    const count = () => h.fake.botMessagesIn(h.fake.channelId).length;
    const before = count();
    h.fake.clockOffsetMs += h.fake.nonceWindowMs + 60_000; // past the window Discord honours the nonce
    try {
      const again = await h.adapter.sender.send(target(), doc, { idempotencyKey: key, uncertain: true });
      expect(again.messageId).toBe(first.messageId);
      expect(count()).toBe(before);
      // Positive control: the fake really forgets the nonce, so a blind retry would post again.
      await h.adapter.sender.send(target(), doc, { idempotencyKey: key });
      expect(count()).toBe(before + 1);
    } finally {
      h.fake.clockOffsetMs = 0;
    }
  });

  it("splits a long digest into several messages within the limits", async () => {
    const before = h.fake.botMessagesIn(h.fake.channelId).length;
    await h.adapter.sender.send(target(), digestToDocument(digest(60)), { idempotencyKey: "long" });
    const posted = h.fake.botMessagesIn(h.fake.channelId).slice(before);
    expect(posted.length).toBeGreaterThan(1);
    for (const m of posted) expect(h.limitViolations(h.toPosted(m))).toEqual([]);
    expect(posted.map((m) => h.toPosted(m).text).join("\n")).toContain("Story 59");
  });

  it("a long rate limit becomes PlatformRateLimitError with the wait; a short one is absorbed", async () => {
    const doc = digestToDocument(digest(1));
    h.fake.failures.set(h.fake.channelId, {
      status: 429,
      body: { message: "You are being rate limited.", retry_after: 30, global: false },
      headers: { "retry-after": "30", "x-ratelimit-scope": "user" },
      times: 1,
    });
    const err = await h.adapter.sender.send(target(), doc, { idempotencyKey: "rl" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformRateLimitError);
    expect((err as PlatformRateLimitError).retryAfterMs).toBeGreaterThanOrEqual(30_000);
    // A route bucket (not X-RateLimit-Global) holds back this channel only.
    expect((err as PlatformRateLimitError).scope).toBe("channel");

    h.fake.failures.set(h.fake.channelId, {
      status: 429,
      body: { message: "You are being rate limited.", retry_after: 0.05, global: false },
      headers: { "retry-after": "0.05" },
      times: 1,
    });
    await expect(h.adapter.sender.send(target(), doc, { idempotencyKey: "rl2" })).resolves.toHaveProperty(
      "messageId",
    );
  });

  it("a gone channel or missing permission is permanent; other failures are retryable", async () => {
    const doc = digestToDocument(digest(1));
    const gone = { ...target(), channel: "424242424242424242" };
    const e1 = await h.adapter.sender.send(gone, doc, { idempotencyKey: "x1" }).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(PlatformPermanentError);
    expect((e1 as PlatformPermanentError).platformCode).toBe("10003");

    h.fake.failures.set(h.fake.channelId, {
      status: 403,
      body: { message: "Missing Permissions", code: 50013 },
      times: 1,
    });
    const e2 = await h.adapter.sender.send(target(), doc, { idempotencyKey: "x2" }).catch((e: unknown) => e);
    expect(e2).toBeInstanceOf(PlatformPermanentError);
    expect((e2 as PlatformPermanentError).platformCode).toBe("50013");

    h.fake.failures.set(h.fake.channelId, {
      status: 400,
      body: { message: "Invalid Form Body", code: 50035 },
      times: 1,
    });
    const e3 = await h.adapter.sender.send(target(), doc, { idempotencyKey: "x3" }).catch((e: unknown) => e);
    expect(e3).toBeInstanceOf(Error);
    expect(e3).not.toBeInstanceOf(PlatformPermanentError);
    expect(e3).not.toBeInstanceOf(PlatformRateLimitError);
  });

  it("a thread started from a digest is a Q&A thread", async () => {
    const { messageId } = await h.adapter.sender.send(target(), digestToDocument(digest(1)), {
      idempotencyKey: "thread",
    });
    h.fake.userStartsThread(messageId, "digest talk");
    const q = h.fake.userMessage(messageId, "what happened?");
    const answer = await h.fake.waitFor("answer", () =>
      h.fake.botMessagesIn(messageId).find((m) => m.message_reference?.message_id === q.id),
    );
    await h.adapter.idle();
    expect(answer.channel_id).toBe(messageId);
    expect(h.toPosted(answer).text.trim().length).toBeGreaterThan(0);
    expect(
      h.fake.botMessagesIn(messageId).filter((m) => m.message_reference?.message_id === q.id),
    ).toHaveLength(1);
  });

  // Last: a global limit holds back every request of this REST client for its Retry-After.
  it("Discord's global limit (X-RateLimit-Global) becomes a global PlatformRateLimitError", async () => {
    h.fake.failures.set(h.fake.channelId, {
      status: 429,
      body: { message: "You are being rate limited.", retry_after: 30, global: true },
      headers: { "retry-after": "30", "x-ratelimit-global": "true", "x-ratelimit-scope": "global" },
      times: 1,
    });
    const err = await h.adapter.sender
      .send(target(), digestToDocument(digest(1)), { idempotencyKey: "global" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformRateLimitError);
    expect((err as PlatformRateLimitError).scope).toBe("global");
    expect((err as PlatformRateLimitError).retryAfterMs).toBeGreaterThanOrEqual(29_000);
  });
});
