/**
 * Parsing `/summit …` text into what the user asked for. Pure: no Slack, no I/O.
 *   /summit                     → help
 *   /summit help                → help
 *   /summit <topic>             → briefing
 *   /summit subscribe 08:00 Europe/Berlin [daily|weekdays|weekends|mon,wed,fri|mon-fri] [topic, topic]
 *   /summit subscriptions       → list this channel's subscriptions
 *   /summit unsubscribe <id>
 */
import type { Weekday } from "../../queue/types.ts";

export type SummitCommand =
  | { kind: "help" }
  | { kind: "brief"; topic: string }
  | { kind: "subscribe"; at: string; tz: string; days: Weekday[]; topics: string[] }
  | { kind: "subscriptions" }
  | { kind: "unsubscribe"; id: string }
  /** Input we understood the intent of but cannot accept; `message` is shown to the user. */
  | { kind: "invalid"; message: string };

export const WEEK: Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const DAY_ALIASES: Record<string, Weekday> = {
  mon: "mon",
  monday: "mon",
  tue: "tue",
  tues: "tue",
  tuesday: "tue",
  wed: "wed",
  wednesday: "wed",
  thu: "thu",
  thur: "thu",
  thurs: "thu",
  thursday: "thu",
  fri: "fri",
  friday: "fri",
  sat: "sat",
  saturday: "sat",
  sun: "sun",
  sunday: "sun",
};

export const USAGE = [
  "*Summit* gives you a short briefing from the news, with a source on every point.",
  "• `/summit <topic>`: a briefing, e.g. `/summit laborers` (only you see it until you share it)",
  "• Reply in the thread under a Summit message to ask a follow-up question; elsewhere mention @Summit",
  "• `/summit subscribe 08:00 Europe/Berlin [weekdays] [topic, topic]`: a digest in this channel every morning",
  "• `/summit subscriptions`: this channel's digests · `/summit unsubscribe <id>`: stop one",
].join("\n");

/** "8:00" → "08:00"; null when not a valid 24h time. */
export function parseTime(raw: string): string | null {
  const m = /^(\d{1,2})[:.h](\d{2})$/.exec(raw.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
}

/** The canonical IANA name, or null when the runtime does not know the zone. */
export function parseTimezone(raw: string): string | null {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(raw) && raw.toUpperCase() !== "UTC") return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: raw }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** "weekdays", "daily", "mon,wed,fri", "mon-fri" → days; null when the word is not a day spec. */
export function parseDays(raw: string): Weekday[] | null {
  const word = raw.toLowerCase();
  if (word === "daily" || word === "everyday" || word === "every-day") return [...WEEK];
  if (word === "weekdays") return WEEK.slice(0, 5);
  if (word === "weekends" || word === "weekend") return WEEK.slice(5);
  const range = /^([a-z]+)-([a-z]+)$/.exec(word);
  if (range) {
    const from = DAY_ALIASES[range[1] as string];
    const to = DAY_ALIASES[range[2] as string];
    if (!from || !to) return null;
    const a = WEEK.indexOf(from);
    const b = WEEK.indexOf(to);
    const picked = a <= b ? WEEK.slice(a, b + 1) : [...WEEK.slice(a), ...WEEK.slice(0, b + 1)];
    return WEEK.filter((d) => picked.includes(d));
  }
  const parts = word.split(",").filter(Boolean);
  const days = parts.map((p) => DAY_ALIASES[p]);
  if (parts.length === 0 || days.some((d) => d === undefined)) return null;
  return WEEK.filter((d) => days.includes(d));
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
