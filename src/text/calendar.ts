/** The names of the days of the week and of the months, in lower case: capitalised in any text, naming no one thing. */
export const WEEKDAYS: readonly string[] = [
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
];

/** The months' full names (abbreviations, "Jan.", "Sept.": disagreements/mention.ts MONTH_WORD). */
export const MONTHS: readonly string[] = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** A weekday's or a month's full name, in lower case. */
export const CALENDAR_WORDS: ReadonlySet<string> = new Set([...WEEKDAYS, ...MONTHS]);
