/**
 * Discord-specific end-to-end behaviour: the real discord.js Client and @discordjs/rest against the local
 * Discord, signed HTTP interactions, real Redis. Each behaviour that both transports share runs in both.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUTTONS } from "../../../adapters/discord/render.ts";
import type { SubscriptionService } from "../../../queue/types.ts";
import type { Briefing } from "../../../src/model.ts";
import { createMemorySubscriptions } from "../../support/memorySubscriptions.ts";
import { type DiscordHarness, type Mode, startDiscordDriver } from "./driver.ts";
import { briefingOf, type ScriptedEngine, scriptedEngine } from "./fakeEngine.ts";

function hugeBriefing(topic: string): Briefing {
  const sources = Array.from({ length: 40 }, (_, i) => ({
    id: `s${i}`,
    title: `Source number ${i} with a fairly long headline about ${topic} and more words to fill it`,
    publisher: `Publisher ${i}`,
    date: "2019-04-25",
    location: `https://news.example.com/articles/${i}/${"x".repeat(60)}`,
  }));
  const points = Array.from({ length: 80 }, (_, i) => ({
    text: `Point ${i}: ${"The leaders discussed cooperation, sanctions and workers at length. ".repeat(6)}`,
    sources: [`s${i % 40}`, `s${(i + 1) % 40}`],
  }));
  return briefingOf(topic, points, sources, {
    disagreements: Array.from({ length: 30 }, (_, i) => ({
      about: `Figure ${i}`,
      claims: [
        { text: `Claim A ${i} ${"says one number ".repeat(10)}`, sources: ["s1"] },
        { text: `Claim B ${i} ${"says another number ".repeat(10)}`, sources: ["s2"] },
      ],
    })),
  });
}

for (const mode of ["gateway", "http"] as Mode[]) {
  describe(`discord end to end (${mode})`, () => {
    let h: DiscordHarness;
    let engine: ScriptedEngine;
    beforeAll(async () => {
      engine = scriptedEngine();
      h = await startDiscordDriver({ mode, engine });
    });
    afterAll(async () => {
      await h?.close();
    });

    it("defers /summit and edits the original reply, with buttons, citations and a footer", async () => {
      const interaction = h.fake.slashCommand("summit", [{ name: "topic", value: "sanctions" }]);
      const { response } = await h.deliver(interaction);
      expect(response).toMatchObject({ type: 5 });
      const [msg, ...more] = h.fake.interactionMessages(interaction.token);
      expect(more).toEqual([]);
      expect(msg!.loading).toBe(false);
      const embed = msg!.embeds[0] as { title: string; description: string; footer: { text: string } };
      expect(embed.title).toBe("Briefing: sanctions");
      expect(embed.description).toMatch(/Something about sanctions\\?\. \[1\]/);
      expect(embed.footer.text).toMatch(/Articles up to 2019-04-25/);
      const ids = JSON.stringify(msg!.components);
      for (const id of Object.values(BUTTONS)) expect(ids).toContain(id);
      expect(msg!.raw.allowed_mentions).toEqual({ parse: [] });
    });

    it("holds a gateway session: identified once, heartbeats acknowledged", async () => {
      await h.fake.waitFor("two heartbeats", () => h.fake.heartbeats >= 2);
      expect(h.fake.identified).toBe(1);
      expect(h.adapter.client?.isReady()).toBe(true);
    });

    it("autocompletes topics from the engine", async () => {
      const interaction = h.fake.slashCommand(
        "summit",
        [{ name: "topic", value: "kim", focused: true }],
        true,
      );
      const { response } = await h.deliver(interaction);
      expect(response).toEqual({
        type: 8,
        data: { choices: [{ name: "Kim Jong Un", value: "Kim Jong Un" }] },
      });
      // What is typed decides the choices (not a fixed answer): another word, and a word nothing matches.
      const typed = async (value: string) =>
        (await h.deliver(h.fake.slashCommand("summit", [{ name: "topic", value, focused: true }], true)))
          .response as { type: number; data: { choices: { name: string; value: string }[] } };
      expect((await typed("SUMMIT")).data.choices.map((c) => c.value)).toEqual(["Vladivostok summit"]);
      expect((await typed("zzzz-nothing")).data.choices).toEqual([]);
    });

    it("autocompletes timezones", async () => {
      const interaction = h.fake.interaction(4, {
        id: "1",
        name: "summit-subscribe",
        type: 1,
        options: [
          { name: "time", type: 3, value: "08:00" },
          { name: "timezone", type: 3, value: "europe/ber", focused: true },
        ],
      });
      const { response } = await h.deliver(interaction);
      expect(response).toEqual({
        type: 8,
        data: { choices: [{ name: "Europe/Berlin", value: "Europe/Berlin" }] },
      });
    });

    it("splits an oversized briefing across messages within every Discord limit, losing nothing", async () => {
      engine.onBrief = async (topic) => hugeBriefing(topic);
      try {
        const replies = await h.slash("everything");
        expect(replies.length).toBeGreaterThan(1);
        for (const r of replies) expect(h.limitViolations(r)).toEqual([]);
        const all = replies.map((r) => r.text).join("\n");
        for (let i = 0; i < 80; i++) expect(all).toContain(`Point ${i}:`);
        for (let i = 0; i < 30; i++) expect(all).toContain(`Claim B ${i}`);
        for (let i = 0; i < 40; i++) expect(all).toContain(`Source number ${i} `);
        // Points stay in order; buttons only on the last message.
        expect(all.indexOf("Point 79:")).toBeGreaterThan(all.indexOf("Point 3:"));
        const withButtons = replies.filter((r) => (r.raw as { components?: unknown[] }).components?.length);
        expect(withButtons.map((r) => r.id)).toEqual([replies.at(-1)!.id]);
      } finally {
        engine.onBrief = scriptedEngine().onBrief;
      }
    });

    it("escapes markdown from article text so it shows as typed, and removes mentions whole so they ping no one", async () => {
      engine.onBrief = async (topic) =>
        briefingOf(
          topic,
          [
            {
              text: "@everyone look at <@123> and <@&456> **bold** [x](https://evil.example)",
              sources: ["a"],
            },
          ],
          [{ id: "a", title: "@here title", publisher: null, date: null, location: "https://example.com/a" }],
        );
      try {
        const [reply] = await h.slash("anything");
        expect(h.couldPing(reply!)).toBe(false);
        const raw = JSON.stringify(reply!.raw);
        expect(raw).not.toMatch(/[^\\]<@&?\d+>/);
        expect(raw).not.toMatch(/@everyone|@here/);
        expect(reply!.text).toContain("look at and **bold** [x](https://evil.example)");
        expect(reply!.text).not.toMatch(/everyone|123|456|@here/);
      } finally {
        engine.onBrief = scriptedEngine().onBrief;
      }
    });

    it("answers an engine failure with a friendly ephemeral message", async () => {
      engine.onBrief = async () => {
        throw new Error("boom");
      };
      try {
        const replies = await h.slash("anything");
        expect(replies).toHaveLength(1);
        expect(replies[0]!.ephemeral).toBe(true);
        expect(replies[0]!.text).toMatch(/something went wrong/i);
        expect(replies[0]!.text).not.toContain("boom");
      } finally {
        engine.onBrief = scriptedEngine().onBrief;
      }
    });

    it("Ask in thread opens a thread on the briefing where every message is a question about its topic", async () => {
      const [briefing] = await h.slash("Vladivostok summit");
      const stored = h.fake.messages.get(briefing!.id)!;
      const click = h.fake.buttonClick(stored, BUTTONS.ask);
      await h.deliver(click);
      const [reply] = h.fake.interactionMessages(click.token).map(h.toPosted);
      expect(reply!.ephemeral).toBe(true);
      expect(reply!.text).toContain(`<#${briefing!.id}>`);
      const thread = h.fake.channels.get(briefing!.id)!;
      expect(thread.type).toBe(11);
      expect(h.fake.botMessagesIn(thread.id)[0]!.content).toMatch(
        /Ask me anything about “Vladivostok summit”/,
      );

      const before = engine.calls.length;
      const q1 = h.fake.userMessage(thread.id, "who came?");
      await h.fake.waitFor("answer 1", () =>
        h.fake.botMessagesIn(thread.id).find((m) => m.message_reference?.message_id === q1.id),
      );
      const q2 = h.fake.userMessage(thread.id, "and then?");
      const a2 = await h.fake.waitFor("answer 2", () =>
        h.fake.botMessagesIn(thread.id).find((m) => m.message_reference?.message_id === q2.id),
      );
      await h.adapter.idle();
      const asks = engine.calls.slice(before).filter((c) => c.method === "ask");
      expect(asks.map((c) => [c.arg, c.context])).toEqual([
        ["who came?", "Vladivostok summit"],
        ["and then?", "Vladivostok summit"],
      ]);
      expect(asks[1]!.history).toEqual(["who came?"]);
      expect(a2.raw.allowed_mentions).toEqual({ parse: [], replied_user: false });
      expect(a2.nonce).toBeTruthy();

      // Clicking again sends the user to the same thread instead of failing.
      const again = h.fake.buttonClick(stored, BUTTONS.ask);
      await h.deliver(again);
      expect(h.fake.interactionMessages(again.token)[0]!.content).toContain(`<#${briefing!.id}>`);
    });

    it("ignores bots (itself included) and messages outside Summit threads without a mention", async () => {
      const [briefing] = await h.slash("sanctions");
      const thread = h.fake.userStartsThread(briefing!.id, "talk");
      h.fake.userMessage(thread.id, "a bot asking a question?", { author: h.fake.otherBot });
      h.fake.userMessage(h.fake.channelId, "just chatting about sanctions, no mention");
      const q = h.fake.userMessage(thread.id, "a person asking?");
      await h.fake.waitFor("the person's answer", () =>
        h.fake.botMessagesIn(thread.id).find((m) => m.message_reference?.message_id === q.id),
      );
      await h.adapter.idle();
      expect(h.fake.botMessagesIn(thread.id)).toHaveLength(1);
      expect(engine.calls.filter((c) => c.method === "ask").map((c) => c.arg)).not.toContain(
        "a bot asking a question?",
      );
    });

    it("@Summit question elsewhere answers in a new thread started from the question", async () => {
      const q = h.fake.userMessage(h.fake.channelId, `<@${h.fake.bot.id}> what about @everyone?`, {
        mentionBot: true,
      });
      const answer = await h.fake.waitFor("an answer in a new thread", () => h.fake.botMessagesIn(q.id)[0]);
      await h.adapter.idle();
      expect(h.fake.channels.get(q.id)?.type).toBe(11);
      expect(h.fake.channels.get(q.id)?.name).toBe("what about?");
      expect(engine.calls.at(-1)).toMatchObject({ method: "ask", arg: "what about @everyone?" });
      expect(h.couldPing(h.toPosted(answer))).toBe(false);
      // The next message in that thread needs no mention.
      const q2 = h.fake.userMessage(q.id, "and more?");
      await h.fake.waitFor("follow-up", () =>
        h.fake.botMessagesIn(q.id).find((m) => m.message_reference?.message_id === q2.id),
      );
      await h.adapter.idle();
      expect(engine.calls.at(-1)).toMatchObject({ arg: "and more?", context: "what about @everyone?" });
    });

    it("records 👍/👎 in Redis, one vote per user per message", async () => {
      const [briefing] = await h.slash("sanctions");
      const stored = h.fake.messages.get(briefing!.id)!;
      const up = h.fake.buttonClick(stored, BUTTONS.up);
      await h.deliver(up);
      expect(h.fake.interactionMessages(up.token)[0]!.flags & 64).toBe(64);
      await h.deliver(h.fake.buttonClick(stored, BUTTONS.down));
      const votes = await h.redis.hgetall(`${h.prefix}:discord:feedback:${stored.id}`);
      expect(votes).toMatchObject({ [h.fake.user.id]: "down" });
    });

    it("subscribe, list and unsubscribe; another server's id and bad days get friendly errors", async () => {
      const ok = await h.subscribe({
        at: "07:30",
        tz: "Asia/Tokyo",
        days: "mon, wed, fri",
        topics: "sanctions",
      });
      expect(ok[0]!.ephemeral).toBe(false);
      expect(ok[0]!.text).toMatch(/07:30.*Asia\/Tokyo.*Mon, Wed, Fri.*sanctions/);
      const sub = (await h.subscriptions.list({ platform: "discord" })).find((s) => s.tz === "Asia/Tokyo")!;
      expect(sub).toMatchObject({
        workspace: h.fake.guildId,
        channel: h.fake.channelId,
        days: ["mon", "wed", "fri"],
      });

      const badDays = await h.subscribe({ at: "07:30", tz: "Asia/Tokyo", days: "someday" });
      expect(badDays[0]!.ephemeral).toBe(true);
      expect(badDays[0]!.text).toMatch(/someday/);

      const foreign = await h.subscriptions.subscribe({
        platform: "discord",
        workspace: "999",
        channel: "998",
        at: "09:00",
        tz: "UTC",
        days: ["mon"],
        topics: [],
        createdBy: null,
      });
      const refused = await h.command("summit-unsubscribe", { id: foreign.id });
      expect(refused[0]!.text).toMatch(/no digest/i);
      expect(await h.subscriptions.list({ workspace: "999" })).toHaveLength(1);

      const listed = await h.listSubscriptions();
      expect(listed[0]!.ephemeral).toBe(true);
      expect(listed[0]!.text).toContain(sub.id);
      expect(listed[0]!.text).not.toContain(foreign.id);

      const gone = await h.command("summit-unsubscribe", { id: sub.id });
      expect(gone[0]!.text).toMatch(/Stopped/);
      expect(await h.subscriptions.list({ workspace: h.fake.guildId })).not.toContainEqual(
        expect.objectContaining({ id: sub.id }),
      );
    });
  });
}

describe("discord end to end: slow commands are deferred", () => {
  let h: DiscordHarness;
  beforeAll(async () => {
    // Every store operation takes longer than the quick-reply budget, so every command is deferred.
    const store = createMemorySubscriptions();
    const slow =
      <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
      async (...a: A) => {
        await new Promise((r) => setTimeout(r, 50));
        return f(...a);
      };
    const subscriptions: SubscriptionService = {
      subscribe: slow(store.subscribe),
      list: slow(store.list),
      unsubscribe: slow(store.unsubscribe),
    };
    h = await startDiscordDriver({ mode: "http", engine: scriptedEngine(), quickReplyMs: 5, subscriptions });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("a listing that misses the quick-reply budget is deferred ephemerally, then edited", async () => {
    const interaction = h.fake.slashCommand("summit-subscriptions", []);
    const { response } = await h.deliver(interaction);
    expect(response).toEqual({ type: 5, data: { flags: 64 } });
    const [msg] = h.fake.interactionMessages(interaction.token);
    expect(msg!.loading).toBe(false);
    expect(msg!.flags & 64).toBe(64);
    expect(msg!.content).toMatch(/No Summit digests/);
  });

  it("a deferred public confirmation quoting a user's URL keeps link previews off", async () => {
    const interaction = h.fake.slashCommand("summit-subscribe", [
      { name: "time", value: "06:15" },
      { name: "timezone", value: "UTC" },
      { name: "topics", value: "https://evil.example/track" },
    ]);
    const { response } = await h.deliver(interaction);
    expect(response).toEqual({ type: 5, data: {} });
    const [msg] = h.fake.interactionMessages(interaction.token);
    expect(msg!.content).toContain("evil.example");
    expect(msg!.flags & 64).toBe(0);
    expect(Number((msg!.raw as { flags?: number }).flags) & 4).toBe(4);
  });

  it("a public deferral that ends in an error is replaced by a private error", async () => {
    // Stopping a digest is confirmed publicly, so the slow command is deferred publicly; the id is not
    // this server's, which the store only finds out after the deferral.
    const interaction = h.fake.slashCommand("summit-unsubscribe", [{ name: "id", value: "sub_nothere" }]);
    const { response } = await h.deliver(interaction);
    expect(response).toEqual({ type: 5, data: {} });
    const replies = h.fake.interactionMessages(interaction.token).map(h.toPosted);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.ephemeral).toBe(true);
    expect(replies[0]!.text).toContain("There is no digest `sub_nothere` here");
  });

  it("bad input is refused at once, privately, without a deferral", async () => {
    const interaction = h.fake.slashCommand("summit-subscribe", [
      { name: "time", value: "99:99" },
      { name: "timezone", value: "UTC" },
    ]);
    const { response } = await h.deliver(interaction);
    expect(response).toMatchObject({ type: 4, data: { flags: 64 | 4 } });
    expect((response as { data: { content: string } }).data.content).toMatch(/not a time/);
  });
});
