/**
 * Every sentence Summit says to a person, in one catalogue (as discord.js keeps its `Messages`), keyed by
 * a stable code. Slack, Discord, the terminal (and any later surface) render the same rich text, so the
 * same failure or confirmation reads the same everywhere; only the markup differs (a `code` span, a
 * command spelled `/summit subscribe …` or `/summit-subscribe …` or `summit subscribe …`).
 *
 * Errors carry these through src/errors.ts (`inputError("invalid_time", "25:99")`); use cases build
 * notices with usecases/reply.ts (`notice("subscribed", …)`). Values a person typed are shown clipped.
 */
import type { DigestCoverage } from "./model.ts";
import { bold, channel, code, command, joinRich, type RichText, rich, text } from "./present/richText.ts";

/** A value the user typed, on one line and at most `max` characters, for quoting it back. */
export function clip(value: string, max = 40): string {
  const oneLine = value.replace(/\s+/g, " ");
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}

/** Opens a "where sources differ" claim whose reports are all later than the other side's. */
export function laterReport(date: string): string {
  return `Later report (${date}): `;
}

/** How many publishers (or, where no source names one, articles) reported a digest story. */
export function storyReachNote(reach: { count: number; unit: "publisher" | "article" }): string {
  return `(${reach.count} ${reach.unit}${reach.count === 1 ? "" : "s"})`;
}

/** What a listing or a confirmation says about one followed news source. */
export interface SourceSummary {
  id: string;
  name: string;
  feedUrl: string;
  /** The polling interval in words ("15m", "1h"). */
  every: string;
  status: "ok" | "failing" | "disabled";
  /** Why it is failing or disabled, shown as is. */
  problem: string | null;
  articles: number;
}

function sourceLine(s: SourceSummary): RichText {
  const state =
    s.status === "ok"
      ? "✅ ok"
      : s.status === "failing"
        ? `⚠️ failing${s.problem ? ` (${clip(s.problem, 160)})` : ""}`
        : `⛔ disabled${s.problem ? ` (${clip(s.problem, 160)})` : ""}`;
  return rich`${code(s.id)} ${bold(clip(s.name, 80))}, every ${s.every}, ${s.articles} articles: ${state}`;
}

/**
 * A count with its thousands grouped ("2,225"), as `toLocaleString("en-US")` writes a whole number
 * without the runtime's number formatting, whose first use costs a digest tens of milliseconds.
 */
export function grouped(n: number): string {
  const digits = String(n);
  if (!/^\d+$/.test(digits)) return n.toLocaleString("en-US");
  let out = "";
  for (let i = 0; i < digits.length; i++)
    out += (i > 0 && (digits.length - i) % 3 === 0 ? "," : "") + digits[i];
  return out;
}

/**
 * A digest's first line: how many articles are in range, how many were read, what is shown
 * ("2,225 articles in the corpus; the 6 biggest stories.", or past the digest's bounds "…; the 6
 * biggest stories among 3,000 read evenly across them."), that
 * none of the articles in range makes a story, or that there is nothing in range.
 */
function digestCoverage(c: DigestCoverage): string {
  const topics = c.topics.filter((t) => t.trim());
  const about = topics.length > 0 ? ` about ${topics.join(", ")}` : "";
  if (c.inRange === 0 || c.read === 0)
    return c.since ? `Nothing new${about} since ${c.since}.` : `No articles${about} in the corpus.`;
  const window = c.since ? `added since ${c.since}` : "in the corpus";
  const n = grouped(c.inRange);
  const articles = `${n} article${c.inRange === 1 ? "" : "s"}${about} ${window}`;
  const k = c.stories;
  // Articles whose text makes no story to show (page furniture, a line each): said so, not "the 0 biggest".
  if (k === 0) return `${articles}, but none of them has a story to show yet.`;
  const shown = c.allShown
    ? `in ${k} ${k === 1 ? "story" : "stories"}`
    : `the ${k} biggest ${k === 1 ? "story" : "stories"}`;
  const sampled = c.read < c.inRange ? ` among ${grouped(c.read)} read evenly across them` : "";
  return c.allShown && !sampled ? `${articles}, ${shown}.` : `${articles}; ${shown}${sampled}.`;
}

const SUBSCRIBE_EXAMPLE = { at: "08:00", tz: "Europe/Berlin", days: "weekdays" } as const;

/** What a listing or a confirmation says about one digest. */
export interface DigestSummary {
  id: string;
  channel: string;
  at: string;
  tz: string;
  /** The days in words (queue/validate.ts describeDays). */
  days: string;
  topics: readonly string[];
  pausedReason: string | null;
}

function when(d: Pick<DigestSummary, "at" | "tz" | "days">): RichText {
  return rich`${d.at} (${d.tz}), ${d.days}`;
}

export const messages = {
  // ── Input a person can fix ──────────────────────────────────────────────────────────────────────
  invalid_time: (input: string) =>
    rich`"${clip(input)}" is not a time I understand: use 24-hour HH:MM between 00:00 and 23:59, e.g. 08:00.`,
  missing_time: () => rich`Tell me when to post the digest, e.g. ${command("subscribe", SUBSCRIBE_EXAMPLE)}.`,
  unknown_timezone: (input: string, suggestion: string | null) =>
    rich`"${clip(input)}" is not a timezone I know: use an IANA name such as Europe/Berlin or America/New_York${
      suggestion ? ` (did you mean ${suggestion}?)` : ""
    }.`,
  missing_timezone: (at: string) =>
    rich`Which timezone is ${at || "that"} in? Use an IANA name, e.g. ${command("subscribe", SUBSCRIBE_EXAMPLE)}.`,
  invalid_days: (input: string) =>
    rich`"${clip(input)}" is not a set of days: use daily, weekdays (mon-fri), weekends, or a list like mon,wed,fri.`,
  topic_too_long: (topic: string, max: number) =>
    rich`The topic "${clip(topic)}" is too long: keep each topic under ${max} characters.`,
  too_many_topics: (count: number, max: number) =>
    rich`Too many topics (${count}): a digest can follow up to ${max}.`,
  too_many_subscriptions: (max: number) =>
    rich`This channel already has ${max} Summit digests, the most one channel can have: stop one with ${command("unsubscribe", { id: "<id>" })} first (${command("subscriptions")} lists them).`,
  invalid_id: (what: string, input: string) => rich`"${clip(input)}" is not a valid ${what} id.`,
  unknown_platform: (input: string) =>
    rich`"${clip(input)}" is not a platform I deliver to: use slack or discord.`,
  missing_target: () =>
    rich`Say which channel gets the digest: its platform (slack or discord), channel id and, for Slack with several workspaces, team id.`,
  needs_workspace: () =>
    rich`Digests belong to a server or workspace: run this command in one of its channels.`,
  missing_subscription_id: () =>
    rich`Tell me which digest to stop: ${command("unsubscribe", { id: "<id>" })} (${command("subscriptions")} lists them).`,
  unknown_subscription: (id: string) =>
    rich`There is no digest ${code(clip(id, 60))} here: ${command("subscriptions")} lists them.`,
  empty_topic: (examples: readonly string[]) => [
    ...rich`Tell me what to brief you on: ${command("brief", { topic: "<topic>" })}, a person, place or event in the news.`,
    ...(examples.length > 0
      ? [
          text(" For example: "),
          ...joinRich(
            examples.map((t) => [command("brief", { topic: t })]),
            ", ",
          ),
          text("."),
        ]
      : []),
  ],
  empty_question: () => rich`Ask me a question about the news, e.g. “What did the leaders agree on?”`,
  unknown_user: () => rich`I couldn't tell who you are, so I didn't record that.`,
  unknown_command: () =>
    rich`I don't know that one. Try ${command("brief", { topic: "<something in the news>" })}, or ${command("help")}.`,
  not_admin: () =>
    rich`Only workspace admins (on Slack) or members who can manage the server (on Discord) can do that.`,
  sources_admin_only: () =>
    rich`Only Slack workspace admins and owners, and Discord members who can manage the server, can add or remove news sources. Anyone can see what Summit follows with the sources command.`,
  source_invalid: (detail: string) => rich`I can't follow that: ${clip(detail, 300)}`,
  missing_source_url: () =>
    rich`Give the address of a feed or a news site to follow, e.g. https://example.org/feed.`,
  invalid_every: (input: string) =>
    rich`"${clip(input)}" is not an interval: use minutes or hours such as 15m, 1h or 1h30m (at least 5m).`,
  unknown_source: (id: string) =>
    rich`There is no source ${code(clip(id, 60))}: the sources command lists them.`,
  sources_unavailable: () =>
    rich`This Summit reads a folder of articles and follows no news sources (it needs the shared store).`,
  sources_usage: () => rich`Use: sources (list them), sources add URL, sources remove ID.`,
  expired: () =>
    rich`That message has expired: run ${command("brief", { topic: "<topic>" })} again for a fresh briefing.`,

  // ── The command line's own input ────────────────────────────────────────────────────────────────
  missing_corpus_folder: () => rich`--corpus needs a folder.`,
  invalid_since: (value: string) =>
    rich`--since is not a date or time: "${clip(value)}" (use ISO, e.g. 2019-04-23T00:00:00Z).`,
  invalid_words: (value: string) => rich`--words must be a positive whole number, not "${clip(value)}".`,
  cannot_read: (path: string, reason: string) => rich`cannot read ${path} (${reason}).`,
  bad_cluster_line: (where: string, problem: string) => rich`${where} ${problem}.`,
  unknown_digest_action: (action: string) =>
    rich`unknown digest action "${clip(action)}" (did you mean ${code("summit digest send ID")}?).`,
  digest_send_usage: () => rich`usage: ${code("summit digest send ID")}`,
  nothing_to_ingest: () => rich`nothing to ingest: give one or more article files or URLs.`,
  needs_store: (what: string) =>
    rich`${what} needs the shared store: set SUMMIT_STORE=redis (with REDIS_URL and SUMMIT_REDIS_PREFIX).`,
  cannot_fetch: (url: string, reason: string) => rich`cannot fetch ${clip(url, 200)}: ${clip(reason, 300)}`,

  // ── Things that went wrong on our side or on the way ────────────────────────────────────────────
  internal_error: () => rich`Sorry, something went wrong on my side. Please try again in a minute.`,
  too_slow: () =>
    rich`Sorry, that took too long to put together. Please try again in a minute, or try a narrower topic.`,
  cant_post_here: () =>
    rich`I can't post in this channel yet. Invite me (on Slack: ${code("/invite @Summit")}), then try again.`,
  redis_unavailable: (where: string, detail: string) =>
    rich`cannot reach Redis at ${where} (${detail}); start Redis or set REDIS_URL`,
  redis_url_invalid: (where: string, detail: string) => rich`invalid REDIS_URL ${where}: ${detail}`,
  no_worker_no_token: (tokenEnv: string) =>
    rich`no digest worker is running and ${tokenEnv} is not set: start ${code("npm start")} (or a worker with SUMMIT_ROLES=worker), or set ${tokenEnv} to send from here`,
  no_worker_no_sender: (platform: string, tokenEnv: string) =>
    rich`no digest worker is running and no ${platform} sender is configured here (${tokenEnv}): start ${code("npm start")} or a worker with SUMMIT_ROLES=worker`,
  delivery_skipped: (id: string, reason: string) => rich`not sent ${id}: ${reason}`,
  delivery_failed: (id: string, reason: string) => rich`failed ${id}: ${reason}`,

  // ── Confirmations, help and hints ───────────────────────────────────────────────────────────────
  help: () => [
    ...rich`${bold("Summit")} gives you a short briefing from the news, with a source on every point.\n`,
    ...rich`• ${command("brief", { topic: "<topic>" })}: a briefing on a person, place or event in the news\n`,
    ...rich`• Reply in the thread under a Summit message to ask a follow-up question; elsewhere mention @Summit\n`,
    ...rich`• ${command("subscribe", SUBSCRIBE_EXAMPLE)}: a digest in this channel at that time (add topics to follow only those)\n`,
    ...rich`• ${command("subscriptions")}: this workspace's digests · ${command("unsubscribe", { id: "<id>" })}: stop one`,
  ],
  digest_coverage: (c: DigestCoverage) => rich`${digestCoverage(c)}`,
  digest_nothing_since_last: (since: Date | null) =>
    rich`${since ? `Nothing new since your last digest (${since.toISOString().slice(0, 16).replace("T", " ")} UTC).` : "Nothing new to report yet."}`,
  working_on_briefing: (topic: string) => rich`⏳ Working on a briefing about “${clip(topic, 100)}”…`,
  topics_to_try: (topics: readonly string[]) => rich`Topics I do cover include: ${topics.join(", ")}.`,
  subscribed: (d: DigestSummary) =>
    rich`📬 Subscribed: ${channel(d.channel)} gets a Summit digest at ${when(d)}${
      d.topics.length > 0 ? `, about ${d.topics.join(", ")}` : ""
    }. Id ${code(d.id)}: stop it with ${command("unsubscribe", { id: d.id })}. Make sure Summit can post in this channel.`,
  subscriptions_empty: () =>
    rich`No Summit digests here yet. Start one with ${command("subscribe", SUBSCRIBE_EXAMPLE)}.`,
  subscriptions_list: (digests: readonly DigestSummary[]) => [
    ...rich`Summit digests here (${digests.length}):`,
    ...digests.flatMap((d) => [
      ...rich`\n• ${code(d.id)} in ${channel(d.channel)} at ${when(d)}`,
      ...(d.topics.length > 0 ? rich`, topics: ${d.topics.join(", ")}` : []),
      ...(d.pausedReason ? rich` — ⏸ paused (${d.pausedReason})` : []),
    ]),
  ],
  unsubscribed: (d: DigestSummary) =>
    rich`Stopped the digest ${code(d.id)} in ${channel(d.channel)} (${when(d)}): it will no longer be posted.`,
  sources_empty: () => rich`Summit follows no news sources yet: an admin can add a feed or a site.`,
  sources_list: (sources: readonly SourceSummary[]) => [
    ...rich`News sources Summit follows (${sources.length}):`,
    ...sources.flatMap((s) => [...rich`\n• `, ...sourceLine(s)]),
  ],
  source_added: (s: SourceSummary, created: boolean) =>
    created
      ? rich`📡 Now following ${bold(clip(s.name, 80))} (${code(s.id)}), every ${s.every}: ${clip(s.feedUrl, 200)}`
      : rich`Already following that feed as ${bold(clip(s.name, 80))} (${code(s.id)}), every ${s.every}.`,
  source_removed: (s: Pick<SourceSummary, "id" | "name">) =>
    rich`Stopped following ${bold(clip(s.name, 80))} (${code(s.id)}); its articles stay until they age out.`,
  feedback_up: () => rich`Thanks, glad it helped! 👍`,
  feedback_down: () => rich`Thanks for telling me. I'll use it to do better. 👎`,
  thread_opened: (topic: string | null) =>
    rich`Ask me anything${topic ? ` about “${clip(topic, 100)}”` : ""} here: every reply in this thread is a question, no need to mention me.`,
  thread_started: () => rich`I started a thread in this channel: reply there with your question.`,
  thread_pointer: (threadId: string) =>
    rich`Ask your question in ${channel(threadId)}: every message there is a question.`,
} satisfies Record<string, (...args: never[]) => RichText>;

export type Messages = typeof messages;
/** The stable code of a catalogue entry. */
export type MessageCode = keyof Messages;
export type MessageArgs<C extends MessageCode> = Parameters<Messages[C]>;

/** The catalogue's rich text for `code`. */
export function message<C extends MessageCode>(code: C, ...args: MessageArgs<C>): RichText {
  return (messages[code] as (...a: MessageArgs<C>) => RichText)(...args);
}
