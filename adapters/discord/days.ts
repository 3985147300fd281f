/**
 * The `days:` option of /summit-subscribe: parsed by the queue's shared parser (the same words as the
 * CLI and Slack accept: "weekdays", "mon-fri", "mon,wed,fri", …); only the Discord wording of a set of
 * days lives here. A bad value throws the queue's SubscriptionInputError, whose message is shown as is.
 */
import { parseDays as parseSharedDays, WEEKDAYS, type Weekday } from "../../queue/types.ts";

/** Undefined or blank → every day; else whatever the shared parser accepts. */
export function parseDays(input: string | undefined): Weekday[] {
  return parseSharedDays(input ?? "");
}

/** "Mon–Fri", "every day", "Sat, Sun", "Mon, Wed, Fri". */
export function describeDays(days: readonly Weekday[]): string {
  const set = new Set(days);
  if (WEEKDAYS.every((d) => set.has(d))) return "every day";
  const cap = (d: string) => d[0]!.toUpperCase() + d.slice(1);
  if (set.size === 5 && WEEKDAYS.slice(0, 5).every((d) => set.has(d))) return "Mon–Fri";
  return WEEKDAYS.filter((d) => set.has(d))
    .map(cap)
    .join(", ");
}
