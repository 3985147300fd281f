/**
 * Validation and parsing of subscription input (pure: no Redis). Bad input throws the core's InputError
 * with the catalogue's words (src/messages.ts), so Slack, Discord and a terminal say the same thing:
 * what was wrong and what to type instead.
 */
import type { Platform } from "../src/delivery.ts";
import { inputError } from "../src/errors.ts";
import type { NewSubscription, Weekday } from "./subscription.ts";

export const WEEKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

const DAY_NAMES: Record<string, Weekday> = {
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

const MAX_TOPICS = 10;
const MAX_TOPIC_LENGTH = 80;
const MAX_ID_LENGTH = 100;
/**
 * Digests one channel may hold. Anyone in a channel may subscribe it, and each subscription is a job
 * scheduler and a post per slot: without a bound one person could fill the scheduler and the channel.
 */
export const MAX_SUBSCRIPTIONS_PER_CHANNEL = 25;

/** "08:00", "8:00", "8.00", "8h00" → "08:00"; anything outside 00:00–23:59 is refused. */
export function parseAt(text: string): string {
  if (text.trim() === "") throw inputError("missing_time");
  const m = /^\s*(\d{1,2})[:.h](\d{2})\s*$/.exec(text);
  const hours = m ? Number(m[1]) : Number.NaN;
  const minutes = m ? Number(m[2]) : Number.NaN;
  if (!m || hours > 23 || minutes > 59) throw inputError("invalid_time", text);
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}

let zoneList: string[] | null = null;
let zoneByLower: Map<string, string> | null = null;
function knownZones(): string[] {
  zoneList ??= [...Intl.supportedValuesOf("timeZone"), "UTC"];
  return zoneList;
}

/** An IANA zone name, canonically cased ("europe/berlin" → "Europe/Berlin"). Offsets like "+02:00" are refused. */
export function parseTimezone(text: string, at = ""): string {
  const wanted = text.trim();
  if (wanted === "") throw inputError("missing_timezone", at);
  zoneByLower ??= new Map(knownZones().map((z) => [z.toLowerCase(), z]));
  const exact = zoneByLower.get(wanted.toLowerCase());
  if (exact) return exact;
  if (wanted !== "" && !/^[+-]/.test(wanted) && /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(wanted)) {
    try {
      // Intl also knows aliases (e.g. "Asia/Calcutta") that supportedValuesOf leaves out.
      new Intl.DateTimeFormat("en-US", { timeZone: wanted });
      return wanted;
    } catch {
      // fall through to the friendly error
    }
  }
  throw inputError("unknown_timezone", text, suggestZone(wanted));
}

function suggestZone(text: string): string | null {
  const city = text.split("/").at(-1)?.toLowerCase().replace(/\s+/g, "_") ?? "";
  if (city.length < 3) return null;
  let best: { zone: string; d: number } | null = null;
  for (const zone of knownZones()) {
    const d = editDistance(city, zone.split("/").at(-1)!.toLowerCase());
    if (d <= 2 && (!best || d < best.d)) best = { zone, d };
  }
  return best?.zone ?? null;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * Days as people write them: "daily", "every day", "weekdays", "mon-fri", "weekends",
 * "mon,wed,fri", "tue-thu", full names too. Returns the days in week order.
 */
export function parseDays(text: string): Weekday[] {
  const t = text.trim().toLowerCase().replace(/\s+/g, " ").replace(/ ?- ?/g, "-");
  if (["", "daily", "every day", "everyday", "all", "*"].includes(t)) return [...WEEKDAYS];
  if (["weekdays", "weekday", "workdays", "work days", "workday", "business days"].includes(t))
    return WEEKDAYS.slice(0, 5);
  if (["weekends", "weekend"].includes(t)) return ["sat", "sun"];
  const days = new Set<Weekday>();
  for (const part of t.split(/\s*[,;/]\s*|\s+and\s+|\s+/)) {
    if (part === "") continue;
    const range = /^([a-z]+)\s*-\s*([a-z]+)$/.exec(part);
    if (range) {
      const from = DAY_NAMES[range[1]!];
      const to = DAY_NAMES[range[2]!];
      if (!from || !to) throw badDays(text);
      let i = WEEKDAYS.indexOf(from);
      const end = WEEKDAYS.indexOf(to);
      for (;;) {
        days.add(WEEKDAYS[i]!);
        if (i === end) break;
        i = (i + 1) % 7;
      }
      continue;
    }
    const day = DAY_NAMES[part];
    if (!day) throw badDays(text);
    days.add(day);
  }
  if (days.size === 0) throw badDays(text);
  return WEEKDAYS.filter((d) => days.has(d));
}

function badDays(text: string) {
  return inputError("invalid_days", text);
}

/**
 * The one wording of a set of days, on every surface: "every day", "weekdays", "weekends", or the
 * days in week order ("Mon, Wed, Fri").
 */
export function describeDays(days: readonly Weekday[]): string {
  const set = WEEKDAYS.filter((d) => days.includes(d));
  const key = set.join(",");
  if (key === WEEKDAYS.join(",")) return "every day";
  if (key === "mon,tue,wed,thu,fri") return "weekdays";
  if (key === "sat,sun") return "weekends";
  return set.map((d) => d[0]!.toUpperCase() + d.slice(1)).join(", ");
}

/** "a, b,,A" → ["a", "b"]: trimmed, empty and repeated (case-insensitively) topics dropped. */
export function parseTopics(text: string | readonly string[]): string[] {
  const parts = typeof text === "string" ? text.split(",") : text;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of parts) {
    const topic = raw.trim().replace(/\s+/g, " ");
    if (topic === "" || seen.has(topic.toLowerCase())) continue;
    if (topic.length > MAX_TOPIC_LENGTH) {
      throw inputError("topic_too_long", topic, MAX_TOPIC_LENGTH);
    }
    seen.add(topic.toLowerCase());
    out.push(topic);
  }
  if (out.length > MAX_TOPICS) {
    throw inputError("too_many_topics", out.length, MAX_TOPICS);
  }
  return out;
}

function parseId(what: string, text: string): string {
  const id = text.trim();
  if (id === "" || id.length > MAX_ID_LENGTH || /\s/.test(id)) {
    throw inputError("invalid_id", what, text);
  }
  return id;
}

/** "slack" or "discord"; anything else is refused. */
export function parsePlatform(text: string): Platform {
  if (text === "slack" || text === "discord") return text;
  throw inputError("unknown_platform", text);
}

/** Checks and normalizes a new subscription; throws InputError with the catalogue's message. */
export function validateNewSubscription(input: NewSubscription): NewSubscription {
  const days = input.days.length === 0 ? [...WEEKDAYS] : parseDays(input.days.join(","));
  return {
    platform: parsePlatform(input.platform),
    workspace:
      input.workspace === null || input.workspace.trim() === "" ? null : parseId("team", input.workspace),
    channel: parseId("channel", input.channel),
    at: parseAt(input.at),
    tz: parseTimezone(input.tz, input.at),
    days,
    topics: parseTopics(input.topics),
    createdBy: input.createdBy,
  };
}
