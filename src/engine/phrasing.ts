/** Small text edits for what the engine writes itself (headlines, "sources differ" sentences). */

/**
 * A clause that cannot stand alone as a headline: it opens on a subordinating word, a preposition or a
 * participle ("Although prices rose", "Mirroring the 1993 play", "After the vote").
 */
const DEPENDENT_OPENER =
  /^(?:although|though|while|whilst|when|whenever|if|unless|until|because|since|as|after|before|once|whereas|despite|with|without|for|from|in|on|at|by|during|amid|among|under|over|to|like|unlike|according|\p{L}{3,}ing)\b/iu;

/** A sentence cut to about `maxWords` words, at a clause boundary when there is one; final stop dropped. */
export function shorten(raw: string, maxWords = 16): string {
  // A doubled stop ("ago..") counts once.
  const text = raw.trim().replace(/(?<!\.)\.\.$/, ".");
  // The final stop is dropped, not an abbreviation's ("8 p.m.", "the U.S.").
  const t = (
    /\b\p{L}\.\p{L}\.$/u.test(text.trim()) ? text.trim() : text.replace(/[.!]["'”’]?$/u, (m) => m.slice(1))
  ).trim();
  const words = t.split(/\s+/);
  if (words.length <= maxWords) return t;
  // A sentence that opens on a dependent clause reads whole, when not much longer: its first clause
  // alone is no headline.
  const dependent = DEPENDENT_OPENER.test(t);
  if (dependent && words.length <= maxWords + 10) return t;
  const cut = words.slice(0, maxWords + 6).join(" ");
  // Prefer ending at a clause boundary: punctuation (not the comma of "3,000"), or where a relative or
  // subordinate clause begins.
  const m =
    /^(.{30,}?)(,(?=\s)|;| –| —| - |(?<!\b(?:a|little|for|the|long)) (?=(?:whose|which|who|while|after|before|because) ))\s?/.exec(
      cut,
    );
  if (!dependent && m && m[1]!.split(/\s+/).length >= 6) return m[1]!.replace(/[,;]$/, "");
  return `${words.slice(0, maxWords).join(" ")}…`;
}

/** Words a whole sentence may have and still serve as a headline, when no clause of it does. */
const WHOLE_HEADLINE_WORDS = 24;

/**
 * A dateline opening a sentence ("MADISON, Wis. (AP) — ", "Jamestown, Tuolumne County (KPIX 5) — ",
 * "ROME — "): a few words with a comma or a bracket, or one capitalised word, before a dash.
 */
const DATELINE = /^([^—–]{1,60}?)\s*(?:—|–|--?)\s+(?=\S)/u;

/** The sentence without its dateline, its first letter capitalised. */
export function withoutDateline(text: string): string {
  // A news agency's credit in brackets ("(CNN) It was …").
  const credit = /^\(\s*[^()]{1,20}?\s*\)\s+(?=\p{L})/u.exec(text);
  if (credit && text.slice(credit[0].length).split(/\s+/).length >= 6)
    return text.slice(credit[0].length).replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  const m = DATELINE.exec(text);
  if (!m) return text;
  const head = m[1]!.trim();
  const n = head.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  if (n > 6 || !(/[,(]/.test(head) || (n === 1 && /^\p{Lu}/u.test(head)))) return text;
  const rest = text.slice(m[0].length);
  if (rest.split(/\s+/).length < 6) return text;
  return rest.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

/**
 * A headline from point texts, the main one first (datelines dropped): the first text that reads whole
 * or cut at a clause, when it is not too long; else the first text cut.
 */
export function headlineFrom(texts: readonly string[], maxWords = 16): string {
  const plain = texts.map(withoutDateline);
  for (const t of plain) {
    const h = shorten(t, maxWords);
    if (!h.endsWith("…")) return h;
    if (t.split(/\s+/).length <= WHOLE_HEADLINE_WORDS) return shorten(t, WHOLE_HEADLINE_WORDS);
  }
  return shorten(plain[0] ?? "", maxWords);
}

/** A line in capitals ("BALLOONISTS COMPLETE CIRCUMNAVIGATION"): shouting, no headline. */
export function allCapitals(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  return letters.length >= 12 && text.replace(/[^\p{Lu}]/gu, "").length / letters.length > 0.8;
}

/** A title cut from its article's first words (src/corpus/clean.ts marks it "…"): no headline. */
export function cutTitle(title: string): boolean {
  return /…$/.test(title.trim());
}

/** "Number of North Korean labourers" → "number of North Korean labourers" (proper nouns kept). */
export function lowerFirst(text: string): string {
  return text.replace(/^[A-Z][a-z]/, (x) => x.toLowerCase());
}
