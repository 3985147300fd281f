/** Finding a calendar date in a short string ("Published 23 April 2019", "April 23, 2019", "2019-04-23"). */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const MONTH =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const DMY = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})\\b`, "i");
const MDY = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, "i");
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/;

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2199) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

function month(name: string): number {
  return MONTHS[name.toLowerCase().slice(0, 3)] ?? 0;
}

/** The first calendar date in the text as YYYY-MM-DD, or null. */
export function findDate(text: string): string | null {
  const i = ISO.exec(text);
  if (i) return iso(Number(i[1]), Number(i[2]), Number(i[3]));
  const a = DMY.exec(text);
  if (a) return iso(Number(a[3]), month(a[2]!), Number(a[1]));
  const b = MDY.exec(text);
  if (b) return iso(Number(b[3]), month(b[1]!), Number(b[2]));
  return null;
}

/** A date given in metadata (ISO timestamp or a date string) as YYYY-MM-DD, or null. */
export function normalizeDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const found = findDate(value);
  if (found) return found;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}
