/**
 * The Slack AdapterDriver (tests/adapters/contract/driver.ts): drives the real Bolt app through the
 * harness with signed requests, and judges payloads by Slack's own rules (what pings, what is too big).
 */
import { renderNotice } from "../../../adapters/slack/render.ts";
import type { SubscriptionService } from "../../../queue/types.ts";
import type { Engine } from "../../../src/model.ts";
import type { AdapterDriver, PostedMessage } from "../contract/driver.ts";
import { type SlackHarness, startSlackHarness, USER, visibleText } from "./harness.ts";

/** Markup that notifies someone in Slack: broadcasts, user/group mentions, and words link_names would turn into them. */
const PING_MARKUP = /<!(channel|here|everyone|subteam\^[^>]*)(\|[^>]*)?>|<@[UW][A-Z0-9]+(\|[^>]*)?>/i;
const BARE_BROADCAST = /(^|[^\w\u2060])@(channel|here|everyone)\b/i;

type Json = Record<string, unknown>;

function textsOf(raw: Json): string[] {
  const out: string[] = [];
  if (typeof raw.text === "string") out.push(raw.text);
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v as Json)) {
        if (k === "text" && typeof x === "string") out.push(x);
        else walk(x);
      }
    }
  };
  walk(raw.blocks);
  return out;
}

export function slackCouldPing(message: PostedMessage): boolean {
  const raw = message.raw as Json;
  if (raw.link_names === true || raw.link_names === "true" || raw.link_names === 1 || raw.parse === "full")
    return true;
  return textsOf(raw).some((t) => PING_MARKUP.test(t) || BARE_BROADCAST.test(t));
}

/** Checks a message against Slack's documented Block Kit limits. */
export function slackLimitViolations(message: PostedMessage): string[] {
  const raw = message.raw as Json;
  const problems: string[] = [];
  const blocks = (raw.blocks as Json[] | undefined) ?? [];
  if (blocks.length > 50) problems.push(`${blocks.length} blocks (max 50)`);
  const size = JSON.stringify(blocks).length;
  if (size > 12_000) problems.push(`blocks are ${size} characters (Slack rejects past ~12,000)`);
  if (typeof raw.text === "string" && raw.text.length > 40_000) problems.push("text over 40,000 characters");
  for (const [i, b] of blocks.entries()) {
    const text = (b.text as Json | undefined)?.text;
    if (b.type === "section" && typeof text === "string" && text.length > 3000) {
      problems.push(`block ${i}: section text ${text.length} > 3000`);
    }
    if (b.type === "header" && typeof text === "string" && text.length > 150)
      problems.push(`block ${i}: header > 150`);
    const elements = (b.elements as Json[] | undefined) ?? [];
    if (b.type === "context" && elements.length > 10)
      problems.push(`block ${i}: ${elements.length} context elements`);
    if (b.type === "actions" && elements.length > 25) problems.push(`block ${i}: too many actions`);
    for (const e of elements) {
      const label = (e.text as Json | undefined)?.text;
      if (e.type === "button" && typeof label === "string" && label.length > 75)
        problems.push(`block ${i}: button label > 75`);
      if (typeof e.value === "string" && e.value.length > 2000)
        problems.push(`block ${i}: button value > 2000`);
    }
  }
  return problems;
}

export interface SlackDriver extends AdapterDriver {
  harness: SlackHarness;
}

export async function startSlackDriver(opts: {
  engine: Engine;
  subscriptions?: SubscriptionService;
}): Promise<SlackDriver> {
  const harness = await startSlackHarness(opts);
  const slash = async (text: string) => (await harness.slash(text)).messages;
  return {
    name: "slack",
    harness,
    slash,
    async followUp(briefing, question) {
      let root = briefing;
      if (briefing.ephemeral) {
        // An ephemeral briefing has no thread: share it to the channel first, as a user would.
        const shared = await harness.click(briefing, "summit_share");
        const posted = shared.messages.find((m) => !m.ephemeral && m.threadOf === null);
        if (!posted)
          throw new Error(`sharing posted nothing: ${JSON.stringify(shared.messages.map((m) => m.text))}`);
        root = posted;
      }
      const ts = `${Math.floor(Date.now() / 1000)}.${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;
      const { messages } = await harness.event({
        type: "message",
        channel: root.channel,
        channel_type: "channel",
        user: USER,
        text: question,
        ts,
        thread_ts: root.id,
      });
      return messages.filter((m) => m.threadOf === root.id);
    },
    subscribe({ at, tz, days, topics }) {
      return slash(["subscribe", at, tz, days ?? "", topics ?? ""].filter(Boolean).join(" "));
    },
    subscriptionIdIn: (text) => /Id `([^`]+)`/.exec(text)?.[1] ?? null,
    listSubscriptions() {
      return slash("subscriptions");
    },
    unsubscribe: (id) => slash(`unsubscribe ${id}`),
    async foreignSubscriptionId() {
      const other = await harness.subscriptions.subscribe({
        platform: "slack",
        workspace: "T0ELSEWHERE",
        channel: "C0ELSEWHERE",
        at: "09:00",
        tz: "UTC",
        days: ["mon"],
        topics: [],
        createdBy: null,
      });
      return other.id;
    },
    visible: (text) => visibleText({ ...renderNotice(text) }),
    couldPing: slackCouldPing,
    limitViolations: slackLimitViolations,
    close: () => harness.close(),
  };
}
