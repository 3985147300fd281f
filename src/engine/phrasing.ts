/** Small text edits for what the engine writes itself (headlines, "sources differ" sentences). */

/** A sentence cut to about `maxWords` words, at a clause boundary when there is one; final stop dropped. */
export function shorten(text: string, maxWords = 16): string {
  const t = text.replace(/[.!]["'”’]?$/u, (m) => m.slice(1)).trim();
  const words = t.split(/\s+/);
  if (words.length <= maxWords) return t;
  const cut = words.slice(0, maxWords + 6).join(" ");
  // Prefer ending at a clause boundary: punctuation, or where a relative or subordinate clause begins.
  const m = /^(.{30,}?)(,|;| –| —| - | (?=(?:whose|which|who|while|after|before|because) ))\s?/.exec(cut);
  if (m && m[1]!.split(/\s+/).length >= 6) return m[1]!.replace(/[,;]$/, "");
  return `${words.slice(0, maxWords).join(" ")}…`;
}

/** "Number of North Korean labourers" → "number of North Korean labourers" (proper nouns kept). */
export function lowerFirst(text: string): string {
  return text.replace(/^[A-Z][a-z]/, (x) => x.toLowerCase());
}
