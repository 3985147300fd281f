/**
 * No ping on any path (issue 11, item 10 and "tests that can catch these bugs"): hostile text in every
 * field the engine fills (headline, points, source titles and publishers, disagreement labels and
 * claims, digest summary, story titles, answers), long enough to be split into several messages, sent
 * through every outgoing path on both platforms — Slack: the ephemeral reply and its parts, the share
 * (each part), a thread answer, each digest part; Discord: the deferred reply's edit, its follow-ups,
 * a thread answer, each digest part. Every body that reaches the fake platform is checked: nothing
 * that pings, no trace of the mention tokens (removed whole, not defused), no control or bidi characters.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer, Briefing, Digest, Source } from "../../src/model.ts";
import { digestToDocument } from "../../src/present/fromCore.ts";
import { couldPing, type DiscordHarness, startDiscordDriver } from "./discord/driver.ts";
import { scriptedEngine } from "./discord/fakeEngine.ts";
import { CHANNEL, type SlackHarness, startSlackHarness, USER } from "./slack/harness.ts";

const TOKENS = [
  "@everyone",
  "<!here>",
  "<!channel>",
  "<!everyone>",
  "<@U0VICTIM>",
  "<#C0SECRET|secret>",
  "<!subteam^S0TEAM|@devs>",
  "<@&123456789012345678>",
  "<@!223456789012345678>",
  "<@323456789012345678>",
  "@here",
  "＠channel",
  "\u202Eevil\u202C",
  "nul\u0000bell\u0007",
  "\u2066iso\u2069",
];
/** What must not survive anywhere in what was sent (removed whole: no "everyone", no ids, no bidi). */
const TRACES =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for.
  /everyone|@here|!here|<!|<@|VICTIM|C0SECRET|subteam|S0TEAM|123456789012345678|223456789012345678|323456789012345678|＠|[\u0000-\u0008\u000b-\u001f\u202a-\u202e\u2066-\u2069]/u;
/** Every string inside a payload. */
function strings(x: unknown): string[] {
  if (typeof x === "string") return [x];
  if (Array.isArray(x)) return x.flatMap(strings);
  if (x && typeof x === "object") return Object.values(x).flatMap(strings);
  return [];
}
const traces = (x: unknown) =>
  strings(x)
    .map((t) => TRACES.exec(t)?.[0])
    .filter((t): t is string => t !== undefined);

const hostile = (label: string) => `${label} ${TOKENS.join(" ")} ${"and some long plain words ".repeat(12)}`;

const sources: Source[] = Array.from({ length: 12 }, (_, i) => ({
  id: `s${i}`,
  title: hostile(`Source ${i}`),
  publisher: hostile("Publisher"),
  date: "2019-04-25",
  location: `https://example.com/news/${i}`,
}));

function hostileBriefing(topic: string): Briefing {
  return {
    topic,
    found: true,
    headline: hostile("Headline"),
    points: Array.from({ length: 40 }, (_, i) => ({
      text: hostile(`Point ${i}`),
      sources: [`s${i % 12}`],
    })),
    sources,
    disagreements: [
      {
        about: hostile("Disagreement"),
        claims: [
          { text: hostile("Claim one"), sources: ["s1"] },
          { text: hostile("Claim two"), sources: ["s2"] },
        ],
      },
    ],
    engine: "extractive",
    asOf: "2019-04-25",
  };
}

function hostileAnswer(question: string): Answer {
  return {
    question,
    found: true,
    answer: hostile("Answer"),
    points: Array.from({ length: 12 }, (_, i) => ({ text: hostile(`Answer point ${i}`), sources: ["s3"] })),
    sources,
    engine: "extractive",
  };
}

const hostileDigest = (): Digest => ({
  since: null,
  found: true,
  summary: hostile("Summary"),
  stories: Array.from({ length: 12 }, (_, i) => ({
    title: hostile(`Story ${i}`),
    points: Array.from({ length: 4 }, (_, j) => ({
      text: hostile(`Story ${i} point ${j}`),
      sources: [`s${j}`],
    })),
  })),
  sources,
  engine: "extractive",
  asOf: "2019-04-25",
});

function engine() {
  const e = scriptedEngine();
  e.onBrief = async (topic) => hostileBriefing(topic);
  e.onAsk = async (question) => hostileAnswer(question);
  return e;
}

describe("no ping on any Slack path", () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ engine: engine() });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("ephemeral reply (each part), share (each part), thread answer and digest (each part) carry nothing that pings", async () => {
    const start = h.lastSeq();
    const { messages } = await h.slash("sanctions");
    const replies = messages.filter((m) => m.ephemeral && !m.id.startsWith("ack-"));
    expect(replies.length, "the briefing is split into several ephemeral parts").toBeGreaterThan(1);
    const first = replies.find((m) => JSON.stringify(m.raw).includes("summit_share"));
    expect(first, "a part carries the Share button").toBeDefined();
    const shared = (await h.click(first!, "summit_share")).messages.filter((m) => !m.ephemeral);
    expect(shared.length, "the share is split too").toBeGreaterThan(1);
    const answer = await h.event({
      type: "message",
      channel: CHANNEL,
      user: USER,
      text: "what happened?",
      ts: "1800000000.000100",
      thread_ts: shared[0]!.id,
    });
    expect(answer.messages.filter((m) => m.threadOf === shared[0]!.id).length).toBeGreaterThan(0);
    const before = h.lastSeq();
    await h.adapter.sender.send(
      { platform: "slack", workspace: h.api.teamId, channel: "C0DIGEST" },
      digestToDocument(hostileDigest()),
      { idempotencyKey: "noping-digest" },
    );
    const digestParts = h.api.calls.filter((c) => c.seq > before && c.method === "chat.postMessage");
    expect(digestParts.length, "the digest is split").toBeGreaterThan(1);

    const sent = h.api.calls.filter(
      (c) => c.seq > start && (c.kind === "response" || /^chat\./.test(c.method)),
    );
    expect(sent.length).toBeGreaterThan(6);
    const leaks = sent.flatMap((c) =>
      traces({ text: c.body.text, blocks: c.body.blocks }).map((t) => `${c.method}: ${JSON.stringify(t)}`),
    );
    expect(leaks).toEqual([]);
    // Positive control: the hostile fields did arrive (minus their tokens).
    const all = sent.map((c) => JSON.stringify(c.body)).join("\n");
    for (const label of [
      "Headline",
      "Point 39",
      "Source 11",
      "Publisher",
      "Disagreement",
      "Claim two",
      "Story 11",
      "Answer point",
    ]) {
      expect(all, label).toContain(label);
    }
  });
});

describe("no ping on any Discord path", () => {
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await startDiscordDriver({ mode: "http", engine: engine() });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("deferred edit, follow-ups, thread answer and digest parts carry nothing that pings", async () => {
    const start = h.fake.requests.length;
    const parts = await h.command("summit", { topic: "sanctions" });
    expect(parts.length, "the briefing is split into several messages").toBeGreaterThan(1);
    const answers = await h.followUp(parts[0]!, "what happened?");
    expect(answers.length).toBeGreaterThan(0);
    await h.adapter.sender.send(
      { platform: "discord", workspace: h.fake.guildId, channel: h.fake.channelId },
      digestToDocument(hostileDigest()),
      { idempotencyKey: "noping-digest" },
    );
    await h.adapter.idle();
    const sent = h.fake.requests
      .slice(start)
      .filter((r) => (r.method === "POST" || r.method === "PATCH") && r.body && typeof r.body === "object")
      .map((r) => ({ where: `${r.method} ${r.path}`, body: r.body as Record<string, unknown> }))
      .map(({ where, body }) => ({ where, body: (body.data as Record<string, unknown> | undefined) ?? body }))
      .filter(({ body }) => "content" in body || "embeds" in body);
    expect(
      sent.some((s) => s.where.startsWith("PATCH")),
      "the deferred reply was edited",
    ).toBe(true);
    expect(sent.filter((s) => /^POST \/webhooks\//.test(s.where)).length, "follow-ups").toBeGreaterThan(0);
    expect(
      sent.filter((s) => /^POST \/channels\//.test(s.where)).length,
      "thread answer and digest",
    ).toBeGreaterThan(2);
    const problems = sent.flatMap(({ where, body }) => {
      const out: string[] = [];
      if (couldPing(body)) out.push(`${where}: could ping`);
      const ap = body.allowed_mentions as { parse?: unknown[] } | undefined;
      if (!ap || !Array.isArray(ap.parse) || ap.parse.length !== 0)
        out.push(`${where}: allowed_mentions not parse []`);
      for (const t of traces({ content: body.content, embeds: body.embeds }))
        out.push(`${where}: ${JSON.stringify(t)}`);
      return out;
    });
    expect(problems).toEqual([]);
    const all = sent.map((s) => JSON.stringify(s.body)).join("\n");
    for (const label of [
      "Headline",
      "Point 39",
      "Source 11",
      "Publisher",
      "Disagreement",
      "Claim two",
      "Story 11",
      "Answer point",
    ]) {
      expect(all, label).toContain(label);
    }
  });
});
