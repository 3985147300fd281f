/** Parsing the `days:` option of /summit-subscribe ("weekdays", "mon,wed,fri", …) into weekdays. */
import type { Weekday } from "../../queue/types.ts";

export const ALL_DAYS: Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

const NAMES: Record<string, Weekday> = {
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

export class DaysInputError extends Error {
  override readonly name = "DaysInputError";
}

/** Undefined/blank/"daily" → every day; "weekdays" → mon–fri; "weekends" → sat, sun; else a list of day names. */
export function parseDays(input: string | undefined): Weekday[] {
  const text = (input ?? "").trim().toLowerCase();
  if (text === "" || /^(every ?day|daily|all|everyday)$/.test(text)) return [...ALL_DAYS];
  if (/^(weekdays?|work ?days?|mon\s*-\s*fri)$/.test(text)) return ALL_DAYS.slice(0, 5);
  if (/^(weekends?|sat\s*-\s*sun)$/.test(text)) return ["sat", "sun"];
  const days = new Set<Weekday>();
  for (const word of text.split(/[\s,;/]+/).filter(Boolean)) {
    const day = NAMES[word];
    if (!day) {
      throw new DaysInputError(
        `I don't know the day "${word.slice(0, 20)}". Use weekdays, weekends, every day, or names like mon,wed,fri.`,
      );
    }
    days.add(day);
  }
  return ALL_DAYS.filter((d) => days.has(d));
}

/** "Mon–Fri", "every day", "Sat, Sun", "Mon, Wed, Fri". */
export function describeDays(days: Weekday[]): string {
  const set = new Set(days);
  if (ALL_DAYS.every((d) => set.has(d))) return "every day";
  const cap = (d: string) => d[0]!.toUpperCase() + d.slice(1);
  if (set.size === 5 && ALL_DAYS.slice(0, 5).every((d) => set.has(d))) return "Mon–Fri";
  return ALL_DAYS.filter((d) => set.has(d))
    .map(cap)
    .join(", ");
}
