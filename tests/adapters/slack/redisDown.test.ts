/**
 * Issue 11, item 3: while Redis is down, a Slack /summit briefing still arrives (without the buttons
 * that need the document store) and an @Summit mention still gets an answer; once Redis is back, the
 * buttons are back. A redis-server of this test's own (never the shared one) is stopped mid-test and
 * restarted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findRedisServer, OwnRedis } from "../../queue/ownRedis.ts";
import type { PostedMessage } from "../contract/driver.ts";
import { scriptedEngine } from "../discord/fakeEngine.ts";
import { CHANNEL, harnessRedis, type SlackHarness, startSlackHarness, USER } from "./harness.ts";

const bin = findRedisServer();
const hasButtons = (m: PostedMessage) => JSON.stringify(m.raw).includes('"type":"actions"');

describe.skipIf(!bin)("slack with Redis down", () => {
  let own: OwnRedis;
  let h: SlackHarness;
  const engine = scriptedEngine();
  beforeAll(async () => {
    own = await OwnRedis.start(bin as string, { persist: false });
    const shared = harnessRedis.url;
    harnessRedis.url = own.url;
    try {
      h = await startSlackHarness({ engine });
    } finally {
      harnessRedis.url = shared;
    }
  });
  afterAll(async () => {
    await own?.up().catch(() => {});
    await h?.close().catch(() => {});
    await own?.stop();
  });

  const briefing = (messages: PostedMessage[]) =>
    messages.find((m) => !m.id.startsWith("ack-") && /Something about sanctions/.test(m.text));

  it("posts the briefing without its buttons and answers mentions, then has buttons again once Redis is back", async () => {
    // Positive control: with Redis up, the briefing has its buttons.
    const up = await h.slash("sanctions");
    expect(briefing(up.messages)).toBeDefined();
    expect(hasButtons(briefing(up.messages) as PostedMessage)).toBe(true);

    await own.down();
    const down = await h.slash("sanctions");
    expect(down.status).toBe(200);
    const delivered = briefing(down.messages);
    expect(delivered, "the briefing arrives while Redis is down").toBeDefined();
    expect(delivered?.ephemeral).toBe(true);
    expect(hasButtons(delivered as PostedMessage)).toBe(false);

    const mention = await h.event({
      type: "app_mention",
      channel: CHANNEL,
      user: USER,
      text: `<@${h.api.botUserId}> what about sanctions?`,
      ts: "1800000000.000300",
    });
    const answer = mention.messages.find((m) => m.threadOf === "1800000000.000300");
    expect(answer, "the mention is answered while Redis is down").toBeDefined();
    expect(answer?.text).toMatch(/An answer to what about sanctions/);

    await own.up();
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && (await h.redis.ping().catch(() => null)) !== "PONG") {
      await new Promise((r) => setTimeout(r, 100));
    }
    const back = await h.slash("sanctions");
    expect(hasButtons(briefing(back.messages) as PostedMessage)).toBe(true);
  }, 45_000);
});
