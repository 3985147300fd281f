/**
 * Validation and parsing of subscription input. Every message here may be shown to a user in Slack,
 * Discord or a terminal, so it says what was wrong and what to type instead.
 */
import type { Platform } from "../src/delivery.ts";
import { type NewSubscription, SubscriptionInputError, type Weekday } from "./subscription.ts";

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

/** "08:00", "8:00" → "08:00"; anything outside 00:00–23:59 is refused. */
export function parseAt(text: string): string {
  const m = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(text);
  const hours = m ? Number(m[1]) : Number.NaN;
  const minutes = m ? Number(m[2]) : Number.NaN;
  if (!m || hours > 23 || minutes > 59) {
    throw new SubscriptionInputError(
      `"${clip(text)}" is not a valid time: use 24-hour HH:MM between 00:00 and 23:59, e.g. 08:00.`,
    );
  }
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}

let zoneList: string[] | null = null;
let zoneByLower: Map<string, string> | null = null;
function knownZones(): string[] {
  zoneList ??= [...Intl.supportedValuesOf("timeZone"), "UTC"];
  return zoneList;
}

/** An IANA zone name, canonically cased ("europe/berlin" → "Europe/Berlin"). Offsets like "+02:00" are refused. */
export function parseTimezone(text: string): string {
  const wanted = text.trim();
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
  const hint = suggestZone(wanted);
  throw new SubscriptionInputError(
    `"${clip(text)}" is not a timezone I know: use an IANA name such as Europe/Berlin or America/New_York` +
      (hint ? ` (did you mean ${hint}?)` : "") +
      ".",
  );
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

function badDays(text: string): SubscriptionInputError {
  return new SubscriptionInputError(
    `"${clip(text)}" is not a set of days: use daily, weekdays (mon-fri), weekends, or a list like mon,wed,fri.`,
  );
}

/** "weekdays", "daily", "weekends" or "mon, wed, fri" for messages and listings. */
export function describeDays(days: readonly Weekday[]): string {
  const key = WEEKDAYS.filter((d) => days.includes(d)).join(",");
  if (key === WEEKDAYS.join(",")) return "daily";
  if (key === "mon,tue,wed,thu,fri") return "weekdays";
  if (key === "sat,sun") return "weekends";
  return key.replaceAll(",", ", ");
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
      throw new SubscriptionInputError(
        `The topic "${clip(topic)}" is too long: keep each topic under ${MAX_TOPIC_LENGTH} characters.`,
      );
    }
    seen.add(topic.toLowerCase());
    out.push(topic);
  }
  if (out.length > MAX_TOPICS) {
    throw new SubscriptionInputError(
      `Too many topics (${out.length}): a digest can follow up to ${MAX_TOPICS}.`,
    );
  }
  return out;
}

function parseId(what: string, text: string): string {
  const id = text.trim();
  if (id === "" || id.length > MAX_ID_LENGTH || /\s/.test(id)) {
    throw new SubscriptionInputError(`"${clip(text)}" is not a valid ${what} id.`);
  }
  return id;
}

function parsePlatform(text: string): Platform {
  if (text === "slack" || text === "discord") return text;
  throw new SubscriptionInputError(`"${clip(text)}" is not a platform I deliver to: use slack or discord.`);
}

/** Checks and normalizes a new subscription; throws SubscriptionInputError with a friendly message. */
export function validateNewSubscription(input: NewSubscription): NewSubscription {
  const days = input.days.length === 0 ? [...WEEKDAYS] : parseDays(input.days.join(","));
  return {
    platform: parsePlatform(input.platform),
    workspace:
      input.workspace === null || input.workspace.trim() === "" ? null : parseId("team", input.workspace),
    channel: parseId("channel", input.channel),
    at: parseAt(input.at),
    tz: parseTimezone(input.tz),
    days,
    topics: parseTopics(input.topics),
    createdBy: input.createdBy,
  };
}

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, " ");
  return oneLine.length > 40 ? `${oneLine.slice(0, 40)}…` : oneLine;
}
