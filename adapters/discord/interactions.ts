/**
 * The one interaction-handling core, fed raw interaction payloads by either transport: the gateway
 * (INTERACTION_CREATE, answered through POST /interactions/{id}/{token}/callback) or the HTTP endpoint
 * (answered in the HTTP response). `respond` is the transport's initial response; everything after it
 * (editing the deferred reply, follow-ups) goes through the interaction webhook, the same in both modes.
 */
import type { REST } from "@discordjs/rest";
import {
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandOptionChoice,
  type APIChatInputApplicationCommandInteraction,
  type APIInteraction,
  type APIInteractionResponse,
  type APIMessage,
  type APIMessageComponentInteraction,
  type APIThreadChannel,
  InteractionResponseType,
  InteractionType,
  Routes,
} from "discord.js";
import type { Logger } from "pino";
import { SubscriptionInputError, type SubscriptionService } from "../../queue/types.ts";
import type { Engine } from "../../src/model.ts";
import { briefingToDocument } from "../../src/present/fromCore.ts";
import { COMMANDS } from "./commands.ts";
import { describeDays, parseDays } from "./days.ts";
import { discordCode, THREAD_ALREADY_EXISTS } from "./errors.ts";
import { LIMITS } from "./limits.ts";
import {
  BUTTONS,
  type DiscordMessage,
  EPHEMERAL,
  escapeMarkdown,
  NO_MENTIONS,
  plain,
  renderDocument,
  SUPPRESS_EMBEDS,
  textMessage,
  truncate,
} from "./render.ts";
import type { DiscordState, ThreadContext } from "./state.ts";

export type Respond = (body: APIInteractionResponse) => Promise<void>;

export interface InteractionCoreDeps {
  engine: Engine;
  subscriptions: SubscriptionService;
  state: DiscordState;
  rest: REST;
  logger: Logger;
  /** How long a quick command may take before it is deferred (Discord wants an answer within 3 s). */
  quickReplyMs?: number;
}

/** An error whose message is meant for the user. */
export class FriendlyError extends Error {
  override readonly name = "FriendlyError";
}

/** Interaction tokens stay valid for 15 minutes; stop work a little before. */
const TOKEN_WINDOW_MS = 14 * 60_000;
const SORRY = "Sorry, something went wrong on my side. Please try again in a minute.";

function userId(i: APIInteraction): string | null {
  return i.member?.user.id ?? i.user?.id ?? null;
}

function stringOption(i: { data: { options?: unknown } }, name: string): string | undefined {
  const options = (i.data.options ?? []) as APIApplicationCommandInteractionDataBasicOption[];
  const opt = options.find((o) => o.name === name);
  return opt && typeof opt.value === "string" ? opt.value : undefined;
}

function focusedOption(i: { data: { options?: unknown } }): { name: string; value: string } | null {
  const options = (i.data.options ?? []) as (APIApplicationCommandInteractionDataBasicOption & {
    focused?: boolean;
  })[];
  const opt = options.find((o) => o.focused);
  return opt ? { name: opt.name, value: String(opt.value ?? "") } : null;
}

function choice(name: string, value: string): APIApplicationCommandOptionChoice<string> {
  return { name: truncate(name, LIMITS.choiceName), value: value.slice(0, LIMITS.choiceValue) };
}

function friendlyText(err: unknown): string | null {
  if (err instanceof SubscriptionInputError || err instanceof FriendlyError) {
    return err.message;
  }
  return null;
}

let timeZones: string[] | null = null;
function allTimeZones(): string[] {
  timeZones ??= ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];
  return timeZones;
}

export function createInteractionCore(deps: InteractionCoreDeps) {
  const { engine, subscriptions, state, rest, logger } = deps;
  const quickReplyMs = deps.quickReplyMs ?? 1500;

  const webhook = (i: APIInteraction) => Routes.webhook(i.application_id, i.token);
  const original = (i: APIInteraction) => Routes.webhookMessage(i.application_id, i.token, "@original");

  async function editOriginal(i: APIInteraction, message: DiscordMessage): Promise<APIMessage> {
    // An edit cannot change EPHEMERAL; SUPPRESS_EMBEDS is the one flag it may (and must) carry.
    const { flags, ...fields } = message;
    const body =
      flags !== undefined && flags & SUPPRESS_EMBEDS ? { ...fields, flags: SUPPRESS_EMBEDS } : fields;
    return (await rest.patch(original(i), { body, auth: false })) as APIMessage;
  }

  async function followUp(i: APIInteraction, message: DiscordMessage): Promise<APIMessage> {
    return (await rest.post(webhook(i), { body: message, auth: false })) as APIMessage;
  }

  /** After a public deferral: put the first message in the deferred reply and the rest as follow-ups. */
  async function deliverDeferred(i: APIInteraction, messages: DiscordMessage[], deferredEphemeral: boolean) {
    const [first, ...more] = messages;
    if (!first) return [];
    if (((first.flags ?? 0) & EPHEMERAL) !== 0 && !deferredEphemeral) {
      // A public "thinking…" cannot turn private: remove it and answer privately.
      await rest.delete(original(i), { auth: false }).catch(() => undefined);
      const ids: string[] = [];
      for (const m of messages) ids.push((await followUp(i, m)).id);
      return ids;
    }
    const ids = [(await editOriginal(i, first)).id];
    for (const m of more) ids.push((await followUp(i, m)).id);
    return ids;
  }

  function errorMessage(err: unknown, what: string): DiscordMessage {
    const text = friendlyText(err);
    if (text === null) logger.error({ err, what }, "discord interaction failed");
    return textMessage(text ?? SORRY, { ephemeral: true });
  }

  /**
   * Answers with `work`'s message directly when it is ready within the quick-reply budget, else defers
   * and edits the deferred reply when it is. Errors become friendly ephemeral replies.
   */
  async function quickReply(
    i: APIInteraction,
    respond: Respond,
    what: string,
    work: () => Promise<DiscordMessage>,
    opts: { ephemeral: boolean },
  ): Promise<void> {
    const settled = work().then(
      (m) => m,
      (err: unknown) => errorMessage(err, what),
    );
    let timer: NodeJS.Timeout | undefined;
    const early = await Promise.race([
      settled,
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), quickReplyMs);
      }),
    ]);
    clearTimeout(timer);
    if (early) {
      await respond({ type: InteractionResponseType.ChannelMessageWithSource, data: early });
      return;
    }
    await respond({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: opts.ephemeral ? { flags: EPHEMERAL } : {},
    });
    await deliverDeferred(i, [await settled], opts.ephemeral);
  }

  async function usage(): Promise<DiscordMessage> {
    const examples = engine.suggestTopics("", 3);
    const hint =
      examples.length > 0
        ? ` For example: ${examples.map((t) => `\`/summit topic:${plain(t, 60).replace(/`/g, "'")}\``).join(", ")}.`
        : "";
    return textMessage(
      `Tell me what to brief you on: \`/summit topic:<a person, place or event>\` (start typing and I'll suggest topics the news covers).${hint}`,
      { ephemeral: true },
    );
  }

  async function summit(i: APIChatInputApplicationCommandInteraction, respond: Respond): Promise<void> {
    const topic = (stringOption(i, "topic") ?? "").trim();
    if (topic === "") {
      await respond({ type: InteractionResponseType.ChannelMessageWithSource, data: await usage() });
      return;
    }
    // A briefing may take a while (retrieval, an LLM): acknowledge now, answer within the token window.
    await respond({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: {} });
    try {
      const briefing = await engine.brief(topic, { signal: AbortSignal.timeout(TOKEN_WINDOW_MS) });
      const doc = briefingToDocument(briefing);
      const ids = await deliverDeferred(i, renderDocument(doc), false);
      if (briefing.found) await state.rememberThread(ids, { topic: doc.topic, kind: "briefing" });
    } catch (err) {
      await deliverDeferred(i, [errorMessage(err, "summit")], false).catch((e: unknown) =>
        logger.warn({ err: e }, "could not report a failed briefing"),
      );
    }
  }

  async function subscribe(i: APIChatInputApplicationCommandInteraction): Promise<DiscordMessage> {
    if (!i.guild_id)
      throw new FriendlyError("Digests go to server channels: run this in the channel that should get it.");
    const at = (stringOption(i, "time") ?? "").trim();
    const tz = (stringOption(i, "timezone") ?? "").trim();
    const days = parseDays(stringOption(i, "days"));
    const topics = (stringOption(i, "topics") ?? "")
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean);
    const sub = await subscriptions.subscribe({
      platform: "discord",
      workspace: i.guild_id,
      channel: i.channel?.id ?? i.channel_id ?? "",
      at,
      tz,
      days,
      topics,
      createdBy: userId(i),
    });
    const about =
      sub.topics.length > 0 ? ` about ${sub.topics.map((t) => escapeMarkdown(t)).join(", ")}` : "";
    return textMessage(
      `📬 Subscribed: this channel gets a Summit digest at **${escapeMarkdown(sub.at)}** (${escapeMarkdown(sub.tz)}), ${describeDays(sub.days)}${about}. Id: \`${sub.id}\` (stop it with \`/summit-unsubscribe\`).`,
    );
  }

  async function guildSubscriptions(guildId: string) {
    return subscriptions.list({ platform: "discord", workspace: guildId });
  }

  async function listSubscriptions(i: APIChatInputApplicationCommandInteraction): Promise<DiscordMessage> {
    if (!i.guild_id) throw new FriendlyError("Run this in a server to see its digests.");
    const subs = await guildSubscriptions(i.guild_id);
    if (subs.length === 0) {
      return textMessage(
        "No Summit digests in this server yet. Add one with `/summit-subscribe time:08:00 timezone:Europe/Berlin`.",
        {
          ephemeral: true,
        },
      );
    }
    const lines = subs.map((s) => {
      const topics =
        s.topics.length > 0 ? `, topics: ${s.topics.map((t) => escapeMarkdown(t)).join(", ")}` : "";
      const paused = s.pausedReason ? ` — ⏸ paused (${escapeMarkdown(s.pausedReason)})` : "";
      return `• \`${s.id}\` <#${s.channel}> at ${escapeMarkdown(s.at)} (${escapeMarkdown(s.tz)}), ${describeDays(s.days)}${topics}${paused}`;
    });
    return textMessage(`Summit digests in this server:\n${lines.join("\n")}`, { ephemeral: true });
  }

  async function unsubscribe(i: APIChatInputApplicationCommandInteraction): Promise<DiscordMessage> {
    if (!i.guild_id) throw new FriendlyError("Run this in the server whose digest you want to stop.");
    const id = (stringOption(i, "id") ?? "").trim();
    const mine = (await guildSubscriptions(i.guild_id)).find((s) => s.id === id);
    // Another server's id is treated exactly like an unknown one.
    if (!mine || !(await subscriptions.unsubscribe(id))) {
      throw new FriendlyError(
        `There is no digest \`${escapeMarkdown(id.slice(0, 60))}\` in this server. See \`/summit-subscriptions\`.`,
      );
    }
    return textMessage(`Stopped the digest \`${id}\` for <#${mine.channel}>.`, { ephemeral: true });
  }

  async function autocomplete(
    i: APIInteraction & { data: { name: string; options?: unknown } },
  ): Promise<APIApplicationCommandOptionChoice<string>[]> {
    const focused = focusedOption(i);
    if (!focused) return [];
    const value = focused.value.trim();
    if (focused.name === "topic") {
      return engine.suggestTopics(value, LIMITS.autocompleteChoices).map((t) => choice(t, t));
    }
    if (focused.name === "topics") {
      const parts = focused.value.split(",");
      const last = (parts.pop() ?? "").trim();
      const head = parts.map((p) => p.trim()).filter(Boolean);
      return engine
        .suggestTopics(last, LIMITS.autocompleteChoices)
        .map((t) => [...head, t].join(", "))
        .filter((v) => v.length <= LIMITS.choiceValue)
        .map((v) => choice(v, v));
    }
    if (focused.name === "timezone") {
      const q = value.toLowerCase().replace(/\s+/g, "_");
      const zones = allTimeZones();
      const starts = zones.filter((z) => z.toLowerCase().startsWith(q));
      const contains = zones.filter((z) => !z.toLowerCase().startsWith(q) && z.toLowerCase().includes(q));
      return [...starts, ...contains].slice(0, LIMITS.autocompleteChoices).map((z) => choice(z, z));
    }
    if (focused.name === "id" && i.guild_id) {
      const subs = await guildSubscriptions(i.guild_id);
      return subs
        .filter((s) => s.id.includes(value) || s.tz.toLowerCase().includes(value.toLowerCase()))
        .slice(0, LIMITS.autocompleteChoices)
        .map((s) => choice(`${s.at} ${s.tz}, ${describeDays(s.days)} (${s.id})`, s.id));
    }
    return [];
  }

  async function askInThread(i: APIMessageComponentInteraction): Promise<DiscordMessage> {
    const message = i.message;
    const channelId = message.channel_id;
    const ctx: ThreadContext = (await state.thread(message.id)) ?? {
      topic: message.embeds[0]?.title ?? null,
      kind: "briefing",
    };
    let threadId = message.id;
    let created = false;
    try {
      const thread = (await rest.post(Routes.threads(channelId, message.id), {
        body: {
          name: plain(ctx.topic ?? "Questions", LIMITS.threadName) || "Questions",
          auto_archive_duration: 1440,
        },
      })) as APIThreadChannel;
      threadId = thread.id;
      created = true;
    } catch (err) {
      // The thread exists already (someone clicked before): send the asker there.
      if (discordCode(err) !== THREAD_ALREADY_EXISTS) throw err;
    }
    await state.rememberThread([threadId], ctx);
    if (created) {
      const about = ctx.topic ? ` about “${escapeMarkdown(ctx.topic)}”` : "";
      await rest.post(Routes.channelMessages(threadId), {
        body: textMessage(
          `Ask me anything${about} here: every message in this thread is a question, no need to mention me.`,
        ),
      });
    }
    return textMessage(`Ask your question in <#${threadId}>: every message there is a question.`, {
      ephemeral: true,
    });
  }

  async function feedback(i: APIMessageComponentInteraction, vote: "up" | "down"): Promise<DiscordMessage> {
    const user = userId(i);
    if (!user) throw new FriendlyError("I couldn't tell who you are, so I didn't record that.");
    const kind = i.message.embeds[0] ? "embed" : "message";
    await state.recordFeedback(i.message.id, user, vote, kind);
    return textMessage(vote === "up" ? "Thanks, glad it helped 👍" : "Thanks for telling me 👎 — noted.", {
      ephemeral: true,
    });
  }

  async function handle(interaction: APIInteraction, respond: Respond): Promise<void> {
    const i = interaction;
    if (i.type === InteractionType.Ping) {
      await respond({ type: InteractionResponseType.Pong });
      return;
    }
    if (i.type === InteractionType.ApplicationCommandAutocomplete) {
      let choices: APIApplicationCommandOptionChoice<string>[] = [];
      try {
        choices = await autocomplete(i);
      } catch (err) {
        logger.warn({ err }, "discord autocomplete failed");
      }
      await respond({
        type: InteractionResponseType.ApplicationCommandAutocompleteResult,
        data: { choices },
      });
      return;
    }
    if (i.type === InteractionType.ApplicationCommand) {
      const cmd = i as APIChatInputApplicationCommandInteraction;
      switch (cmd.data.name) {
        case COMMANDS.summit:
          return summit(cmd, respond);
        case COMMANDS.subscribe:
          return quickReply(i, respond, "subscribe", () => subscribe(cmd), { ephemeral: false });
        case COMMANDS.subscriptions:
          return quickReply(i, respond, "subscriptions", () => listSubscriptions(cmd), { ephemeral: true });
        case COMMANDS.unsubscribe:
          return quickReply(i, respond, "unsubscribe", () => unsubscribe(cmd), { ephemeral: true });
      }
    }
    if (i.type === InteractionType.MessageComponent) {
      const id = i.data.custom_id;
      if (id === BUTTONS.ask) return quickReply(i, respond, "ask", () => askInThread(i), { ephemeral: true });
      if (id === BUTTONS.up || id === BUTTONS.down) {
        const vote = id === BUTTONS.up ? "up" : "down";
        return quickReply(i, respond, "feedback", () => feedback(i, vote), { ephemeral: true });
      }
    }
    await respond({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: {
        ...textMessage("I don't know that one. Try `/summit topic:<something in the news>`.", {
          ephemeral: true,
        }),
      },
    });
  }

  return { handle, allowedMentions: NO_MENTIONS };
}

export type InteractionCore = ReturnType<typeof createInteractionCore>;
