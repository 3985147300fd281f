/**
 * End-to-end: signed requests over real HTTP into the real Bolt app, replies recorded by the fake
 * Slack Web API. Engines here are small fakes so each case controls what the core returns.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine } from "../../../app/engine/create.ts";
import { PlatformPermanentError, PlatformRateLimitError } from "../../../src/delivery.ts";
import type { AskOptions, Briefing, Engine } from "../../../src/model.ts";
import { digestToDocument } from "../../../src/present/fromCore.ts";
import { CHANNEL, type SlackHarness, sign, startSlackHarness, USER } from "./harness.ts";

const seeds = createEngine({ corpusDir: "seeds" });

/** The keyword engine, with hooks a test can override and a log of what ask() was given. */
function controllableEngine() {
  const asked: { question: string; opts: AskOptions | undefined }[] = [];
  const engine: Engine & { brief: Engine["brief"] } = {
    brief: (topic, opts) => seeds.brief(topic, opts),
    ask: (question, opts) => {
      asked.push({ question, opts });
      return seeds.ask(question, opts);
    },
    digest: (opts) => seeds.digest(opts),
    suggestTopics: () => ["laborers", "sanctions"],
  };
  return { engine, asked };
}

function hugeBriefing(topic: string): Briefing {
  const sources = Array.from({ length: 23 }, (_, i) => ({
    id: `s${i}`,
    title: `Source <${i}> & co`,
    publisher: "Wire",
    date: "2019-04-25",
    location: `https://example.com/news/${i}`,
  }));
  const points = Array.from({ length: 120 }, (_, i) => ({
    text: `Point ${i}: ${"the summit discussed labourers & sanctions <at length> ".repeat(18)}`,
    sources: [`s${i % 23}`, `s${(i + 1) % 23}`],
  }));
  return {
    topic,
    found: true,
    headline: `A very long briefing about ${topic} ${"x".repeat(300)}`,
    points,
    sources,
    disagreements: [
      {
        about: "How many workers",
        claims: [
          { text: "10,000 workers", sources: ["s1"] },
          { text: "50,000 workers", sources: ["s2"] },
        ],
      },
    ],
    engine: "extractive",
    asOf: "2019-04-25",
  };
}

describe("slack end-to-end", () => {
  let h: SlackHarness;
  const { engine, asked } = controllableEngine();

  beforeAll(async () => {
    h = await startSlackHarness({ engine, workTimeoutMs: 500 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("acks a slash command at once and delivers the briefing ephemerally through response_url", async () => {
    const { status, messages } = await h.slash("laborers");
    expect(status).toBe(200);
    expect(messages[0]?.id).toMatch(/^ack-/);
    expect(messages[0]?.text).toMatch(/Working on a briefing about “laborers”/);
    const briefing = messages.at(-1);
    expect(briefing?.ephemeral).toBe(true);
    expect(briefing?.text).toMatch(/labou?rers/i);
    expect(briefing?.text).toMatch(/\[\d\]/);
    const raw = briefing?.raw as { blocks: { type: string }[]; unfurl_links: boolean; response_type: string };
    expect(raw.response_type).toBe("ephemeral");
    expect(raw.unfurl_links).toBe(false);
    expect(raw.blocks.map((b) => b.type)).toContain("actions");
    expect(briefing?.text).toMatch(/Share to channel/);
  });

  it("answers /summit and /summit help with usage", async () => {
    for (const text of ["", "help"]) {
      const { messages } = await h.slash(text);
      expect(messages).toHaveLength(1);
      expect(messages[0]?.text).toMatch(/\/summit subscribe/);
    }
  });

  it("says so, with topics it does cover, when the corpus has nothing", async () => {
    const { messages } = await h.slash("zzqx unknowable");
    expect(messages.at(-1)?.text).toMatch(/Nothing found about “zzqx unknowable”/);
    expect(messages.at(-1)?.text).toMatch(/laborers, sanctions/);
  });

  it("shares to the channel, then answers a thread reply with the thread's topic and history", async () => {
    const briefing = (await h.slash("laborers")).messages.at(-1);
    const shared = await h.click(briefing!, "summit_share");
    const publicPost = shared.messages.find((m) => !m.ephemeral);
    expect(publicPost).toBeDefined();
    expect(publicPost?.text).toMatch(/labou?rers/i);
    expect(publicPost?.text).not.toMatch(/Share to channel/);
    // The ephemeral copy is removed through its response_url.
    expect(h.api.calls.some((c) => c.kind === "response" && c.body.delete_original === true)).toBe(true);

    const ask = (text: string, ts: string) =>
      h.event({ type: "message", channel: CHANNEL, user: USER, text, ts, thread_ts: publicPost!.id });
    const first = await ask("How many workers are in Russia?", "1800000000.000100");
    expect(first.messages.filter((m) => m.threadOf === publicPost!.id)).toHaveLength(1);
    expect(asked.at(-1)?.opts?.context).toBe("laborers");
    await ask("And what about sanctions?", "1800000000.000200");
    expect(asked.at(-1)?.opts?.history).toEqual(["How many workers are in Russia?"]);
    const thread = await h.adapter.threads.get(CHANNEL, publicPost!.id);
    expect(thread?.turns.map((t) => t.question)).toEqual([
      "How many workers are in Russia?",
      "And what about sanctions?",
    ]);
  });

  it("shares at most once: a failed share can be retried, and a second click posts nothing more", async () => {
    const briefing = (await h.slash("sanctions")).messages.at(-1);
    const publicPosts = () =>
      h.api.calls.filter(
        (c) =>
          c.method === "chat.postMessage" && c.ok && /sanction/i.test(JSON.stringify(c.body.blocks ?? "")),
      );
    const before = publicPosts().length;
    h.api.failNext("chat.postMessage", { error: "internal_error" });
    await h.click(briefing!, "summit_share");
    expect(publicPosts().length).toBe(before);
    await h.click(briefing!, "summit_share");
    const afterFirst = publicPosts().length;
    expect(afterFirst).toBeGreaterThan(before);
    await h.click(briefing!, "summit_share");
    expect(publicPosts().length).toBe(afterFirst);
  });

  it("answers a retried event once (same event_id, X-Slack-Retry-Num: 1)", async () => {
    const event = {
      type: "app_mention",
      channel: CHANNEL,
      user: USER,
      text: `<@${h.api.botUserId}> who met in Vladivostok?`,
      ts: "1800000001.000100",
    };
    const first = await h.event(event, { eventId: "Ev0RETRY0001" });
    const retry = await h.event(event, { eventId: "Ev0RETRY0001", retryNum: 1 });
    expect(retry.status).toBe(200);
    expect(first.messages.filter((m) => m.threadOf === event.ts)).toHaveLength(1);
    expect(retry.messages).toHaveLength(0);
  });

  it("answers a mention in its own thread once, though it arrives as message and app_mention", async () => {
    const root = (
      await h.event({
        type: "app_mention",
        channel: CHANNEL,
        user: USER,
        text: `<@${h.api.botUserId}> Kim train`,
        ts: "1800000002.000100",
      })
    ).messages[0];
    expect(root?.threadOf).toBe("1800000002.000100");
    const reply = {
      channel: CHANNEL,
      user: USER,
      text: `<@${h.api.botUserId}> and Putin?`,
      ts: "1800000002.000200",
      thread_ts: "1800000002.000100",
    };
    const a = await h.event({ type: "message", ...reply });
    const b = await h.event({ type: "app_mention", ...reply });
    expect([...a.messages, ...b.messages]).toHaveLength(1);
  });

  it("ignores bot messages (including its own) and replies outside Summit threads", async () => {
    const root = "1800000003.000100";
    await h.event({
      type: "app_mention",
      channel: CHANNEL,
      user: USER,
      text: `<@${h.api.botUserId}> sanctions`,
      ts: root,
    });
    const bot = await h.event({
      type: "message",
      subtype: "bot_message",
      bot_id: "B0OTHER",
      channel: CHANNEL,
      text: "sanctions?",
      ts: "1800000003.000200",
      thread_ts: root,
    });
    const own = await h.event({
      type: "message",
      bot_id: "B0SUMMITBOT",
      user: h.api.botUserId,
      channel: CHANNEL,
      text: "sanctions?",
      ts: "1800000003.000300",
      thread_ts: root,
    });
    const foreign = await h.event({
      type: "message",
      channel: CHANNEL,
      user: USER,
      text: "sanctions?",
      ts: "1800000003.000400",
      thread_ts: "1799999999.000001",
    });
    for (const r of [bot, own, foreign]) expect(r.status).toBe(200);
    expect([...bot.messages, ...own.messages, ...foreign.messages]).toHaveLength(0);
    // Positive control: the same question from a person in the Summit thread is answered.
    const human = await h.event({
      type: "message",
      channel: CHANNEL,
      user: USER,
      text: "sanctions?",
      ts: "1800000003.000500",
      thread_ts: root,
    });
    expect(human.status).toBe(200);
    expect(human.messages.length).toBeGreaterThan(0);
  });

  it("answers Slack's URL verification challenge when the request is signed", async () => {
    const body = JSON.stringify({ token: "t", challenge: "chal-123", type: "url_verification" });
    const res = await h.post(body, "application/json");
    expect(res.status).toBe(200);
    expect(res.text).toContain("chal-123");
    expect((await h.post(body, "application/json", { secret: "wrong" })).status).toBe(401);
  });

  it("rejects a forged signature and a stale timestamp with 401, doing nothing", async () => {
    const before = h.lastSeq();
    const body = new URLSearchParams({
      command: "/summit",
      text: "laborers",
      team_id: h.api.teamId,
      channel_id: CHANNEL,
      user_id: USER,
      response_url: h.api.responseUrl(),
    }).toString();
    const now = Math.floor(Date.now() / 1000);
    const forged = await h.post(body, "application/x-www-form-urlencoded", { secret: "not-the-secret" });
    const tampered = await h.post(body, "application/x-www-form-urlencoded", {
      signature: sign(body.replace("laborers", "sanctions"), now),
    });
    const stale = await h.post(body, "application/x-www-form-urlencoded", { timestamp: now - 6 * 60 });
    const missing = await h.post(body, "application/x-www-form-urlencoded", { signature: "" });
    expect([forged.status, tampered.status, stale.status, missing.status]).toEqual([401, 401, 401, 401]);
    await h.adapter.idle();
    expect(h.messagesSince(before)).toHaveLength(0);
  });

  it("a topic full of mentions reaches Slack escaped: no broadcast, user or channel markup", async () => {
    const { messages } = await h.slash(
      "<!channel> <!here|here> <@U999> <#C123|general> @everyone <https://evil.example|click> laborers",
    );
    const raw = JSON.stringify(messages.map((m) => m.raw));
    expect(raw).not.toMatch(/<!|<@|<#|<https?:/);
    expect(raw).toContain("&lt;!channel&gt;");
    for (const m of messages) expect((m.raw as { link_names?: unknown }).link_names).toBeUndefined();
  });

  it("splits an oversized briefing into several messages within Slack's limits, losing nothing", async () => {
    const original = engine.brief;
    engine.brief = async (topic) => hugeBriefing(topic);
    try {
      const { messages } = await h.slash("everything");
      const parts = messages.filter((m) => !m.id.startsWith("ack-"));
      expect(parts.length).toBeGreaterThan(1);
      for (const m of parts) {
        const blocks = (m.raw as { blocks: unknown[] }).blocks;
        expect(blocks.length).toBeLessThanOrEqual(50);
        expect(JSON.stringify(blocks).length).toBeLessThanOrEqual(12_000);
        for (const b of blocks as { type: string; text?: { text: string } }[]) {
          if (b.type === "section") expect(b.text!.text.length).toBeLessThanOrEqual(3000);
          if (b.type === "header") expect(b.text!.text.length).toBeLessThanOrEqual(150);
        }
      }
      const all = parts.map((m) => m.text).join("\n");
      for (let i = 0; i < 120; i++) expect(all).toContain(`Point ${i}:`);
      expect(all).toContain("Where sources differ");
      expect(all).toContain("[23] Source <22> & co");
      // Buttons once, at the end.
      const withActions = parts.filter((m) =>
        (m.raw as { blocks: { type: string }[] }).blocks.some((b) => b.type === "actions"),
      );
      expect(withActions.map((m) => m.id)).toEqual([parts.at(-1)!.id]);
    } finally {
      engine.brief = original;
    }
  });

  it("turns an engine failure into a friendly ephemeral message, never a stack trace", async () => {
    const original = engine.brief;
    engine.brief = async () => {
      throw new Error("boom at Engine.brief (/srv/summit/src/engine.ts:42:7)");
    };
    try {
      const { messages } = await h.slash("laborers");
      const last = messages.at(-1)!;
      expect(last.ephemeral).toBe(true);
      expect(last.text).toMatch(/Sorry, something went wrong/);
      expect(JSON.stringify(messages.map((m) => m.raw))).not.toMatch(/boom|engine\.ts|at Engine/);
    } finally {
      engine.brief = original;
    }
  });

  it("gives up politely when the engine overruns its deadline", async () => {
    const original = engine.brief;
    engine.brief = (_topic, opts) =>
      new Promise((_resolve, reject) =>
        opts?.signal?.addEventListener("abort", () => reject(opts.signal?.reason)),
      );
    try {
      const { messages } = await h.slash("laborers");
      expect(messages.at(-1)?.text).toMatch(/took too long/);
    } finally {
      engine.brief = original;
    }
  });

  it("Ask a follow-up on an ephemeral briefing starts a thread in the channel that answers replies", async () => {
    const briefing = (await h.slash("laborers")).messages.at(-1)!;
    const { messages } = await h.click(briefing, "summit_followup");
    const starter = messages.find((m) => !m.ephemeral && m.threadOf === null);
    expect(starter?.text).toMatch(/reply in this thread/i);
    expect(messages.some((m) => m.ephemeral && /started a thread/i.test(m.text))).toBe(true);
    const answer = await h.event({
      type: "message",
      channel: CHANNEL,
      user: USER,
      text: "How many workers?",
      ts: "1800000004.000200",
      thread_ts: starter!.id,
    });
    expect(answer.messages.filter((m) => m.threadOf === starter!.id)).toHaveLength(1);
  });

  it("records 👍/👎 per user in Redis, a second click changing the vote", async () => {
    const briefing = (await h.slash("laborers")).messages.at(-1)!;
    await h.click(briefing, "summit_feedback_up");
    const thanks = await h.click(briefing, "summit_feedback_down");
    await h.click(briefing, "summit_feedback_down", { user: "U0OTHER" });
    expect(thanks.messages.at(-1)?.text).toMatch(/Thanks/);
    const ref = (briefing.raw as { blocks: { type: string; elements?: { value?: string }[] }[] }).blocks.find(
      (b) => b.type === "actions",
    )!.elements![0]!.value!;
    expect(await h.adapter.feedback.votes(ref)).toEqual({ [USER]: "down", U0OTHER: "down" });
    const totals = await h.adapter.feedback.totals();
    expect(totals["briefing:down"]).toBe(2);
    expect(totals["briefing:up"]).toBe(0);
  });

  it("subscribe, list and unsubscribe from a channel; bad input and foreign ids get friendly errors", async () => {
    const ok = await h.slash("subscribe 8:00 Europe/Berlin weekdays north korea, sanctions");
    const confirmation = ok.messages.at(-1)!;
    expect(confirmation.ephemeral).toBe(false);
    expect(confirmation.text).toMatch(/08:00 \(Europe\/Berlin\), weekdays, about north korea, sanctions/);
    const id = /unsubscribe (\S+)`/.exec(confirmation.text)?.[1];
    expect(id).toBeDefined();

    const listed = (await h.slash("subscriptions")).messages.at(-1)!;
    expect(listed.ephemeral).toBe(true);
    expect(listed.text).toContain(
      `• \`${id}\` in #${CHANNEL} at 08:00 (Europe/Berlin), weekdays, topics: north korea, sanctions`,
    );

    expect((await h.slash("subscribe 25:99 Europe/Berlin")).messages.at(-1)?.text).toMatch(/not a time/);
    expect((await h.slash("subscribe 08:00 Mars/Olympus")).messages.at(-1)?.text).toMatch(/not a timezone/);

    const foreign = await h.subscriptions.subscribe({
      platform: "slack",
      workspace: "T0OTHER",
      channel: "C0X",
      at: "09:00",
      tz: "UTC",
      days: ["mon"],
      topics: [],
      createdBy: null,
    });
    expect((await h.slash(`unsubscribe ${foreign.id}`)).messages.at(-1)?.text).toMatch(/There is no digest/);
    expect(await h.subscriptions.list({ workspace: "T0OTHER" })).toHaveLength(1);

    const stopped = (await h.slash(`unsubscribe ${id}`)).messages.at(-1)!;
    expect(stopped.text).toMatch(/Stopped the digest/);
    expect(stopped.ephemeral).toBe(false);
    expect((await h.slash("subscriptions")).messages.at(-1)?.text).toMatch(/No Summit digests/);
  });

  it("delivers a digest through the sender once per idempotency key, and its thread takes questions", async () => {
    const before = h.lastSeq();
    const doc = digestToDocument(await seeds.digest());
    const target = { platform: "slack" as const, workspace: h.api.teamId, channel: "C0DIGEST" };
    const { messageId } = await h.adapter.sender.send(target, doc, {
      idempotencyKey: "sub1:2019-04-25T08:00",
    });
    const again = await h.adapter.sender.send(target, doc, { idempotencyKey: "sub1:2019-04-25T08:00" });
    expect(again.messageId).toBe(messageId);
    const posts = h.api.calls.filter((c) => c.seq > before && c.method === "chat.postMessage");
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body.channel).toBe("C0DIGEST");
    expect(String(posts[0]?.body.unfurl_links)).toBe("false");
    expect(posts[0]?.body.metadata).toMatchObject({
      event_type: "summit_delivery",
      event_payload: { idempotency_key: "sub1:2019-04-25T08:00" },
    });

    const q = await h.event({
      type: "message",
      channel: "C0DIGEST",
      user: USER,
      text: "Who is Kim meeting?",
      ts: "1800000005.000100",
      thread_ts: messageId,
    });
    expect(q.messages.filter((m) => m.threadOf === messageId)).toHaveLength(1);
  });

  it("a follow-up under a topic digest is answered, steered by the subscription's topics", async () => {
    const since = new Date("2000-01-01T00:00:00Z");
    const digest = await seeds.digest({ since, topics: ["laborers"] });
    const doc = digestToDocument(digest, { topics: ["laborers"] });
    expect(doc.topic).toBe("laborers");
    const target = { platform: "slack" as const, workspace: h.api.teamId, channel: "C0DIGESTTOPIC" };
    const { messageId } = await h.adapter.sender.send(target, doc, { idempotencyKey: "sub-topic:1" });

    const q = await h.event({
      type: "message",
      channel: "C0DIGESTTOPIC",
      user: USER,
      text: "How many are in Russia?",
      ts: "1800000006.000100",
      thread_ts: messageId,
    });
    const replies = q.messages.filter((m) => m.threadOf === messageId);
    expect(replies).toHaveLength(1);
    expect(asked.at(-1)).toMatchObject({
      question: "How many are in Russia?",
      opts: { context: "laborers" },
    });
    // Steered by the topic, the vague question is answered about the labourers (without it: Kim's trip).
    expect(replies[0]?.text).toMatch(/labou?rers?|workers/i);
    expect(replies[0]?.text).not.toMatch(/articles don.t say/i);
  });

  it("maps Slack failures to the queue's errors: 429 → rate limit, gone channel → permanent, other → retry", async () => {
    const doc = digestToDocument(await seeds.digest());
    const target = { platform: "slack" as const, workspace: h.api.teamId, channel: "C0FAIL" };
    h.api.failNext("chat.postMessage", { status: 429, retryAfterSeconds: 7 });
    const limited = await h.adapter.sender
      .send(target, doc, { idempotencyKey: "k-429" })
      .catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(PlatformRateLimitError);
    expect((limited as PlatformRateLimitError).retryAfterMs).toBe(7000);
    expect((limited as PlatformRateLimitError).scope).toBe("channel"); // chat.postMessage's per-channel limit

    for (const code of [
      "channel_not_found",
      "not_in_channel",
      "is_archived",
      "account_inactive",
      "invalid_auth",
      "token_revoked",
      "missing_scope",
    ]) {
      h.api.failNext("chat.postMessage", { error: code });
      const err = await h.adapter.sender
        .send(target, doc, { idempotencyKey: `k-${code}` })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PlatformPermanentError);
      expect((err as PlatformPermanentError).platformCode).toBe(code);
    }
    h.api.failNext("chat.postMessage", { error: "internal_error" });
    const transient = await h.adapter.sender
      .send(target, doc, { idempotencyKey: "k-500" })
      .catch((e: unknown) => e);
    expect(transient).toBeInstanceOf(Error);
    expect(transient).not.toBeInstanceOf(PlatformPermanentError);
    expect(transient).not.toBeInstanceOf(PlatformRateLimitError);
    // The retry succeeds and posts once.
    const ok = await h.adapter.sender.send(target, doc, { idempotencyKey: "k-500" });
    expect(ok.messageId).toMatch(/^\d+\.\d+$/);
  });

  it("a multi-part digest that failed half-way re-posts only the missing parts", async () => {
    const big = digestToDocument({
      since: null,
      found: true,
      summary: "Lots happened.",
      stories: Array.from({ length: 30 }, (_, i) => ({
        title: `Story ${i}`,
        points: Array.from({ length: 4 }, (_, j) => ({
          text: `Story ${i} point ${j} ${"words ".repeat(80)}`,
          sources: ["a"],
        })),
      })),
      sources: [{ id: "a", title: "A", publisher: null, date: null, location: "a.txt" }],
      engine: "extractive",
      asOf: null,
    });
    const target = { platform: "slack" as const, workspace: h.api.teamId, channel: "C0BIG" };
    const before = h.lastSeq();
    // Part 1 goes through, part 2 fails: the send fails and the queue will retry it.
    h.api.failNext("chat.postMessage", { error: "internal_error" }, 1, 1);
    const failed = await h.adapter.sender
      .send(target, big, { idempotencyKey: "big-1" })
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(Error);
    const retried = await h.adapter.sender.send(target, big, { idempotencyKey: "big-1" });
    await h.adapter.sender.send(target, big, { idempotencyKey: "big-1" });
    const delivered = h.api.calls.filter((c) => c.seq > before && c.method === "chat.postMessage" && c.ok);
    const parts = delivered.map(
      (c) => (c.body.metadata as { event_payload: { part: number; parts: number } }).event_payload,
    );
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((p) => p.part)).toEqual(Array.from({ length: parts[0]!.parts }, (_, i) => i));
    expect(retried.messageId).toBe(delivered[0]?.ts);
    for (const c of delivered) expect(JSON.stringify(c.body.blocks).length).toBeLessThanOrEqual(12_000);
  });
});
