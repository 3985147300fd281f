/**
 * Parsing `/summit …` text into what the user asked for. Pure: no Slack, no I/O.
 *   /summit                     → help
 *   /summit help                → help
 *   /summit <topic>             → briefing
 *   /summit subscribe 08:00 Europe/Berlin [daily|weekdays|weekends|mon,wed,fri|mon-fri] [topic, topic]
 *   /summit subscriptions       → list this channel's subscriptions
 *   /summit unsubscribe <id>
 */
import {
  parseAt,
  SubscriptionInputError,
  parseDays as sharedDays,
  parseTimezone as sharedTimezone,
  WEEKDAYS,
  type Weekday,
} from "../../queue/types.ts";

export type SummitCommand =
  | { kind: "help" }
  | { kind: "brief"; topic: string }
  | { kind: "subscribe"; at: string; tz: string; days: Weekday[]; topics: string[] }
  | { kind: "subscriptions" }
  | { kind: "unsubscribe"; id: string }
  /** Input we understood the intent of but cannot accept; `message` is shown to the user. */
  | { kind: "invalid"; message: string };

export const WEEK: readonly Weekday[] = WEEKDAYS;

export const USAGE = [
  "*Summit* gives you a short briefing from the news, with a source on every point.",
  "• `/summit <topic>`: a briefing, e.g. `/summit laborers` (only you see it until you share it)",
  "• Reply in the thread under a Summit message to ask a follow-up question; elsewhere mention @Summit",
  "• `/summit subscribe 08:00 Europe/Berlin [weekdays] [topic, topic]`: a digest in this channel every morning",
  "• `/summit subscriptions`: this channel's digests · `/summit unsubscribe <id>`: stop one",
].join("\n");

/**
 * The parsers below wrap the queue's validators (queue/validate.ts), so Slack, Discord and the CLI accept
 * and refuse exactly the same input; Slack only turns their errors into "not this kind of word" (null).
 */
function orNull<T>(parse: () => T): T | null {
  try {
    return parse();
  } catch (err) {
    if (err instanceof SubscriptionInputError) return null;
    throw err;
  }
}

/** "8:00" → "08:00"; null when not a valid 24h time. */
export function parseTime(raw: string): string | null {
  return orNull(() => parseAt(raw.replace(/^(\d{1,2})[.h](\d{2})$/, "$1:$2")));
}

/** The canonical IANA name, or null when the runtime does not know the zone. */
export function parseTimezone(raw: string): string | null {
  return orNull(() => sharedTimezone(raw));
}

/** "weekdays", "daily", "mon,wed,fri", "mon-fri" → days; null when the word is not a day spec. */
export function parseDays(raw: string): Weekday[] | null {
  return raw.trim() === "" ? null : orNull(() => sharedDays(raw));
}

function parseSubscribe(args: string[]): SummitCommand {
  const example = "Try `/summit subscribe 08:00 Europe/Berlin weekdays`.";
  const [rawAt, rawTz, ...rest] = args;
  if (!rawAt) return { kind: "invalid", message: `Tell me when to post the digest. ${example}` };
  const at = parseTime(rawAt);
  if (!at)
    return {
      kind: "invalid",
      message: `"${rawAt}" is not a time I understand: use 24-hour HH:MM. ${example}`,
    };
  if (!rawTz) return { kind: "invalid", message: `Which timezone should ${at} be in? ${example}` };
  const tz = parseTimezone(rawTz);
  if (!tz) {
    return {
      kind: "invalid",
      message: `"${rawTz}" is not a timezone I know: use an IANA name such as Europe/Berlin or America/New_York.`,
    };
  }
  let days = [...WEEK];
  let topicWords = rest;
  const first = rest[0];
  if (first !== undefined) {
    const parsed = parseDays(first);
    if (parsed) {
      days = parsed;
      topicWords = rest.slice(1);
    }
  }
  const topics = topicWords
    .join(" ")
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
  return { kind: "subscribe", at, tz, days, topics };
}

export function parseCommand(text: string): SummitCommand {
  const trimmed = text.trim().replace(/\s+/g, " ");
  if (trimmed === "" || /^(help|-h|--help|\?)$/i.test(trimmed)) return { kind: "help" };
  const [head, ...args] = trimmed.split(" ");
  switch ((head as string).toLowerCase()) {
    case "subscribe":
      return parseSubscribe(args);
    case "subscriptions":
      return { kind: "subscriptions" };
    case "unsubscribe": {
      const id = args[0];
      if (!id || args.length > 1) {
        return {
          kind: "invalid",
          message: "Tell me which digest to stop: `/summit unsubscribe <id>` (see `/summit subscriptions`).",
        };
      }
      return { kind: "unsubscribe", id };
    }
    default:
      return { kind: "brief", topic: trimmed.slice(0, 300) };
  }
}

/** "mon,tue,wed,thu,fri" → "weekdays", for confirmations and listings. */
export function describeDays(days: Weekday[]): string {
  const key = WEEK.filter((d) => days.includes(d)).join(",");
  if (key === WEEK.join(",")) return "every day";
  if (key === WEEK.slice(0, 5).join(",")) return "weekdays";
  if (key === WEEK.slice(5).join(",")) return "weekends";
  return key;
}
