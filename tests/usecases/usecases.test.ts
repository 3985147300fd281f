/**
 * The use cases on their own (no platform): scope rules, the catalogue's words, deadlines. The contract
 * suite (tests/adapters/contract) checks that every surface shows what these return.
 */
import { describe, expect, it } from "vitest";
import { InputError, SummitError } from "../../src/errors.ts";
import { message } from "../../src/messages.ts";
import type { Briefing, Engine } from "../../src/model.ts";
import { plainText } from "../../src/present/richText.ts";
import { ask } from "../../usecases/ask.ts";
import { brief } from "../../usecases/brief.ts";
import { type FeedbackVote, recordFeedback } from "../../usecases/feedback.ts";
import { listSubscriptions } from "../../usecases/listSubscriptions.ts";
import { failureNotice, isNotice } from "../../usecases/reply.ts";
import { CLI_SCOPE, requireAdmin, type Scope } from "../../usecases/scope.ts";
import { subscribe } from "../../usecases/subscribe.ts";
import { suggestSubscriptions } from "../../usecases/suggestSubscriptions.ts";
import { suggestTimezones } from "../../usecases/suggestTimezones.ts";
import { suggestTopicList } from "../../usecases/suggestTopics.ts";
import { unsubscribe } from "../../usecases/unsubscribe.ts";
import { createMemorySubscriptions } from "../support/memorySubscriptions.ts";

const slack = (over: Partial<Scope> = {}): Scope => ({
  surface: "slack",
  workspace: "T1",
  channel: "C1",
  user: "U1",
  isAdmin: false,
  ...over,
});

function engineWith(found: boolean, topics: string[] = ["oil prices", "sanctions"]) {
  const engine: Pick<Engine, "brief" | "suggestTopics"> = {
    async brief(topic, opts) {
      if (opts?.signal?.aborted) throw opts.signal.reason;
      return {
        topic,
        found,
        headline: found ? `Briefing: ${topic}` : `Nothing found about “${topic}”.`,
        points: found ? [{ text: "A point.", sources: ["a"] }] : [],
        sources: found ? [{ id: "a", title: "A", publisher: null, date: null, location: "a.txt" }] : [],
        disagreements: [],
        engine: "extractive",
        asOf: null,
      } satisfies Briefing;
    },
    suggestTopics: (prefix, limit = 5) => topics.filter((t) => t.startsWith(prefix)).slice(0, limit),
  };
  return engine;
}

describe("brief", () => {
  it("adds the topics to try when nothing is found, and only then", async () => {
    const none = await brief({ topic: "quarks" }, slack(), { engine: engineWith(false), deadlineMs: 1000 });
    expect(none.reply.blocks.at(-1)).toEqual({
      kind: "paragraph",
      content: message("topics_to_try", ["oil prices", "sanctions"]),
    });
    const some = await brief({ topic: "oil" }, slack(), { engine: engineWith(true), deadlineMs: 1000 });
    expect(JSON.stringify(some.reply)).not.toContain("Topics I do cover");
  });

  it("refuses an empty topic with examples, and says when the engine overran its deadline", async () => {
    const empty = brief({ topic: "   " }, slack(), { engine: engineWith(true), deadlineMs: 1000 });
    await expect(empty).rejects.toBeInstanceOf(InputError);
    await expect(empty).rejects.toThrow(/Tell me what to brief you on: .*For example: \/summit oil prices/);
    const slow: Pick<Engine, "brief" | "suggestTopics"> = {
      ...engineWith(true),
      brief: (_topic, opts) =>
        new Promise((_resolve, reject) =>
          opts?.signal?.addEventListener("abort", () => reject(new Error("x"))),
        ),
    };
    const late = brief({ topic: "oil" }, slack(), { engine: slow, deadlineMs: 20 });
    await expect(late).rejects.toMatchObject({ code: "too_slow", userMessage: message("too_slow") });
  });
});

describe("ask", () => {
  it("passes the thread's topic and the last questions, bounded", async () => {
    const seen: unknown[] = [];
    const engine: Pick<Engine, "ask"> = {
      async ask(question, opts) {
        seen.push({ question, context: opts?.context, history: opts?.history });
        return {
          question,
          found: false,
          answer: "The articles don't say.",
          points: [],
          sources: [],
          engine: "extractive",
        };
      },
    };
    const history = Array.from({ length: 9 }, (_, i) => `q${i}`);
    const out = await ask(
      { question: ` ${"why ".repeat(500)}`, thread: { topic: "oil", history } },
      slack(),
      {
        engine,
        deadlineMs: 1000,
      },
    );
    expect(out.question.length).toBeLessThanOrEqual(1000);
    expect(seen).toEqual([{ question: out.question, context: "oil", history: history.slice(-6) }]);
    await expect(ask({ question: " ", thread: null }, slack(), { engine, deadlineMs: 1000 })).rejects.toThrow(
      plainText(message("empty_question")),
    );
  });
});

describe("subscriptions: one rule for whose they are", () => {
  it("a chat surface subscribes the channel it is in; outside a workspace it is refused", async () => {
    const subscriptions = createMemorySubscriptions();
    const { subscription, reply } = await subscribe(
      { at: "8.30", tz: "europe/berlin", days: "weekdays", topics: "oil, OIL, gas" },
      slack(),
      { subscriptions },
    );
    expect(subscription).toMatchObject({
      platform: "slack",
      workspace: "T1",
      channel: "C1",
      at: "08:30",
      tz: "Europe/Berlin",
      topics: ["oil", "gas"],
      createdBy: "U1",
    });
    expect(reply.public).toBe(true);
    expect(reply.fallbackText).toContain("08:30 (Europe/Berlin), weekdays, about oil, gas");
    await expect(
      subscribe({ at: "08:00", tz: "UTC" }, slack({ surface: "discord", workspace: null }), {
        subscriptions,
      }),
    ).rejects.toMatchObject({ code: "needs_workspace" });
  });

  it("lists and stops only the caller's own workspace's digests; the operator sees all", async () => {
    const subscriptions = createMemorySubscriptions();
    const mine = (await subscribe({ at: "08:00", tz: "UTC" }, slack(), { subscriptions })).subscription;
    const theirs = (
      await subscribe({ at: "09:00", tz: "UTC" }, slack({ workspace: "T2" }), { subscriptions })
    ).subscription;
    const listed = await listSubscriptions({}, slack(), { subscriptions });
    expect(listed.subscriptions.map((s) => s.id)).toEqual([mine.id]);
    expect(listed.reply.fallbackText).toMatch(
      /^Summit digests here \(1\):\n• \S+ in #C1 at 08:00 \(UTC\), every day$/,
    );
    expect((await listSubscriptions({}, CLI_SCOPE, { subscriptions })).subscriptions).toHaveLength(2);

    const refused = unsubscribe({ id: theirs.id }, slack(), { subscriptions });
    await expect(refused).rejects.toThrow(plainText(message("unknown_subscription", theirs.id)));
    expect(await subscriptions.get(theirs.id)).not.toBeNull();
    expect(await suggestSubscriptions({ typed: "", limit: 5 }, slack(), { subscriptions })).toEqual([
      { id: mine.id, label: `08:00 UTC, every day (${mine.id})` },
    ]);
    const stopped = await unsubscribe({ id: theirs.id }, CLI_SCOPE, { subscriptions });
    expect(stopped.reply.code).toBe("unsubscribed");
    expect(await subscriptions.get(theirs.id)).toBeNull();
  });

  it("a console acting for one workspace subscribes only that workspace's channels", async () => {
    const subscriptions = createMemorySubscriptions();
    const web: Scope = {
      surface: "web",
      platform: "discord",
      workspace: "G1",
      channel: null,
      user: "u",
      isAdmin: true,
    };
    const ok = await subscribe(
      { at: "08:00", tz: "UTC", target: { platform: "discord", workspace: "G1", channel: "123" } },
      web,
      { subscriptions },
    );
    expect(ok.subscription).toMatchObject({ platform: "discord", workspace: "G1", channel: "123" });
    await expect(
      subscribe(
        { at: "08:00", tz: "UTC", target: { platform: "discord", workspace: "G2", channel: "1" } },
        web,
        {
          subscriptions,
        },
      ),
    ).rejects.toMatchObject({ code: "needs_workspace" });
    await expect(subscribe({ at: "08:00", tz: "UTC" }, web, { subscriptions })).rejects.toMatchObject({
      code: "missing_target",
    });
  });
});

describe("feedback, admin checks, suggestions and failures", () => {
  it("records a vote with who, where and when; without a user it is refused", async () => {
    const votes: FeedbackVote[] = [];
    const deps = {
      feedback: { record: async (v: FeedbackVote) => void votes.push(v) },
      clock: { now: () => new Date(0) },
    };
    const { reply } = await recordFeedback(
      { ref: "r1", vote: "down", kind: "briefing", topic: "oil" },
      slack(),
      deps,
    );
    expect(reply.code).toBe("feedback_down");
    expect(votes).toEqual([
      {
        ref: "r1",
        vote: "down",
        kind: "briefing",
        topic: "oil",
        user: "U1",
        surface: "slack",
        workspace: "T1",
        channel: "C1",
        at: "1970-01-01T00:00:00.000Z",
      },
    ]);
    await expect(
      recordFeedback({ ref: "r1", vote: "up", kind: "x", topic: null }, slack({ user: null }), deps),
    ).rejects.toMatchObject({ code: "unknown_user" });
  });

  it("admin-only work is refused to others in the catalogue's words", () => {
    expect(() => requireAdmin(slack())).toThrow(plainText(message("not_admin")));
    expect(() => requireAdmin(slack({ isAdmin: true }))).not.toThrow();
  });

  it("suggests timezones and completes the last of a list of topics", () => {
    expect(suggestTimezones({ typed: "berl", limit: 3 })).toEqual(["Europe/Berlin"]);
    expect(suggestTimezones({ typed: "", limit: 1 })).toEqual(["UTC"]);
    const engine = engineWith(true, ["sanctions", "saudi arabian oil"]);
    expect(suggestTopicList({ typed: "oil, sa", limit: 5, maxLength: 15 }, { engine })).toEqual([
      "oil, sanctions",
    ]);
  });

  it("a failure's notice: the error's own words, or the apology (logged) for anything unexpected", () => {
    const logged: string[] = [];
    const log = { warn: () => void logged.push("warn"), error: () => void logged.push("error") };
    const input = failureNotice(new InputError("invalid_days", message("invalid_days", "funday")), log);
    expect(input).toMatchObject({ code: "invalid_days", public: false });
    expect(isNotice(input)).toBe(true);
    const operational = failureNotice(
      new SummitError("too_slow", "x", { userMessage: message("too_slow") }),
      log,
    );
    expect(operational.code).toBe("too_slow");
    const boom = failureNotice(new Error("boom at /srv/x.ts:1"), log);
    expect(boom.code).toBe("internal_error");
    expect(boom.fallbackText).not.toContain("boom");
    expect(logged).toEqual(["warn", "error"]);
  });
});
