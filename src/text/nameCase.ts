/**
 * Names told from ordinary words without a tagger, by how a corpus writes them: a word is a NAME when
 * the corpus writes it capitalised mid-sentence more often than in lower case ("Labour", "Yukos"; not
 * "Security" at a sentence's start), or when it is an acronym ("UK", "FBI", "U.S."). A word opening a
 * sentence (or following a colon or quote) is not counted: its capital says nothing.
 *
 * One rule for the whole engine: topic suggestions (src/engine/topics.ts) and the names that tell
 * stories apart (src/engine/names.ts) both count through CaseCounts.
 */

/** "UK", "FBI", "G8", "U.S.", "U.S": capitals (and digits), or capitals joined by dots. */
const ACRONYM = /^\p{Lu}(?:[\p{Lu}\d]|\.\p{Lu})+\.?$/u;

export function isAcronym(word: string): boolean {
  return ACRONYM.test(word);
}

/** How often a corpus writes each word (lower-cased key) capitalised and in lower case, mid-sentence. */
export class CaseCounts {
  readonly capital = new Map<string, number>();
  readonly lower = new Map<string, number>();

  /** Counts one word as written, unless it opens its sentence. */
  count(word: string, lowered: string, initial: boolean): void {
    if (!initial) this.countWritten(lowered, /^\p{Lu}/u.test(word));
  }

  /** Counts one word mid-sentence, written capitalised (`capital`) or not. */
  countWritten(lowered: string, capital: boolean): void {
    const counts = capital ? this.capital : this.lower;
    counts.set(lowered, (counts.get(lowered) ?? 0) + 1);
  }

  /** Whether the corpus writes the word capitalised more often than not. */
  capitalised(lowered: string): boolean {
    return (this.capital.get(lowered) ?? 0) > (this.lower.get(lowered) ?? 0);
  }

  /** The name rule: an acronym, or a word the corpus writes capitalised more often than not. */
  isName(word: string, lowered = word.toLowerCase()): boolean {
    return isAcronym(word) || this.capitalised(lowered);
  }
}

/** A word as the text writes it in lower case: a lower-case letter, then lower-case letters, apostrophes, hyphens. */
const LOWER_WORD = /^\p{Ll}[\p{Ll}'’-]+$/u;
const LOWER_PART = /^[\p{Ll}'’-]$/u;
const SPACE = /^\s$/u;

/**
 * Whether `text` writes `word` in lower case after a space, as a whole word: one of the runs
 * /(?<=\s)\p{Ll}[\p{Ll}'’-]+/gu would match, found without collecting them (a search for the word, its
 * neighbours checked), so telling a capitalised first word from a name costs a few searches, not a
 * pass over every sentence.
 */
export function writesInLowerCase(text: string, word: string): boolean {
  if (!LOWER_WORD.test(word)) return false;
  for (let at = text.indexOf(word, 1); at >= 0; at = text.indexOf(word, at + 1)) {
    const end = at + word.length;
    const next = text.codePointAt(end);
    if (SPACE.test(text[at - 1]!) && (next === undefined || !LOWER_PART.test(String.fromCodePoint(next))))
      return true;
  }
  return false;
}

/**
 * Whether `text` writes `word` (capitalised, "Musk") as a whole word mid-sentence: after a space that
 * follows a word, not a sentence's end, a colon or an opening quote ("Elon Musk said", not ". Musk").
 */
export function writesCapitalisedMidSentence(text: string, word: string): boolean {
  if (!/^\p{Lu}/u.test(word)) return false;
  for (let at = text.indexOf(word, 2); at >= 0; at = text.indexOf(word, at + 1)) {
    const end = at + word.length;
    const next = text.codePointAt(end);
    if (next !== undefined && /[\p{L}\p{N}'’-]/u.test(String.fromCodePoint(next))) continue;
    if (!SPACE.test(text[at - 1]!)) continue;
    if (/[\p{L}\p{N},]/u.test(text[at - 2]!)) return true;
  }
  return false;
}
