/** Autocomplete for a timezone: IANA names starting with what was typed first, then those containing it. */

let zones: string[] | null = null;
function allZones(): string[] {
  zones ??= ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];
  return zones;
}

export function suggestTimezones(input: { typed: string; limit: number }): string[] {
  const q = input.typed.trim().toLowerCase().replace(/\s+/g, "_");
  const all = allZones();
  const starts = all.filter((z) => z.toLowerCase().startsWith(q));
  const contains = all.filter((z) => !z.toLowerCase().startsWith(q) && z.toLowerCase().includes(q));
  return [...starts, ...contains].slice(0, input.limit);
}
