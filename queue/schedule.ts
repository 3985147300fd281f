/**
 * Turning a subscription's local time, days and timezone into cron patterns and slot instants.
 * BullMQ's job schedulers use cron-parser with the same pattern and `tz`, so what these functions
 * compute is what the scheduler fires (DST included: a time that does not exist on the spring-forward
 * day fires an hour later that day; one that happens twice on the fall-back day fires once).
 */
import { CronExpressionParser } from "cron-parser";
import type { Subscription, Weekday } from "./types.ts";
import { WEEKDAYS } from "./validate.ts";

const CRON_DAY: Record<Weekday, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

export type ScheduleSpec = Pick<Subscription, "at" | "tz" | "days">;

/** "08:05" on weekdays → "5 8 * * 1,2,3,4,5". */
export function cronPattern(spec: Pick<Subscription, "at" | "days">): string {
  const [h, m] = spec.at.split(":").map(Number);
  const all = WEEKDAYS.every((d) => spec.days.includes(d));
  const dow = all
    ? "*"
    : [...new Set(spec.days)]
        .map((d) => CRON_DAY[d])
        .sort((a, b) => a - b)
        .join(",");
  return `${m} ${h} * * ${dow}`;
}

/** The first slot strictly after `from`. */
export function nextSlot(spec: ScheduleSpec, from: Date): Date {
  return CronExpressionParser.parse(cronPattern(spec), { currentDate: from, tz: spec.tz }).next().toDate();
}

/** The latest slot at or before `at`. */
export function slotAtOrBefore(spec: ScheduleSpec, at: Date): Date {
  const probe = new Date(at.getTime() + 1);
  return CronExpressionParser.parse(cronPattern(spec), { currentDate: probe, tz: spec.tz }).prev().toDate();
}

/** The next `count` slots after `from`, for listings and tests. */
export function upcomingSlots(spec: ScheduleSpec, from: Date, count: number): Date[] {
  const it = CronExpressionParser.parse(cronPattern(spec), { currentDate: from, tz: spec.tz });
  return Array.from({ length: count }, () => it.next().toDate());
}

/**
 * The slot a scheduler-made job stands for. BullMQ job schedulers name each job
 * `repeat:<schedulerId>:<slot millis>` and keep the slot in `opts.prevMillis`; both are read so a
 * job always maps to the same slot, however late it runs.
 */
export function slotOfSchedulerJob(job: {
  id?: string | undefined;
  opts: { prevMillis?: number };
}): number | null {
  const m = /^repeat:.+:(\d+)$/.exec(job.id ?? "");
  if (m) return Number(m[1]);
  return typeof job.opts.prevMillis === "number" ? job.opts.prevMillis : null;
}

/** One formatter per zone (building one costs far more than formatting with it); bounded. */
const WALL_TIME = new Map<string, Intl.DateTimeFormat>();

/** A moment as the wall time of a zone, e.g. "Mon, 31 Mar, 08:00" (throws on an unknown zone). */
export function localWallTime(d: Date, tz: string): string {
  let f = WALL_TIME.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone: tz,
      weekday: "short",
      day: "numeric",
      month: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    if (WALL_TIME.size < 1000) WALL_TIME.set(tz, f);
  }
  return f.format(d);
}

/** The local wall time of a slot in its zone, e.g. "Mon 31 Mar 08:00 Europe/Berlin". */
export function describeSlot(slot: Date, tz: string): string {
  return `${localWallTime(slot, tz).replace(",", "")} ${tz}`;
}
