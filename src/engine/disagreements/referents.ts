/**
 * Who an age is about when the sentence gives only part of the name ("Gallegos, 32, and his wife";
 * "the 33-year-old Gallegos said"): the one full name of the article it fits. Two reports then disagree
 * on a person's age only when both ages resolve to the same full name (matching.ts compares the names),
 * whatever the words around each figure.
 */
import type { Sentence } from "../../search/index.ts";
import { canonicalStem } from "../../text/synonyms.ts";
import { STOPWORDS, stem } from "../../text/tokens.ts";
import { dictionaryAvailable, inDictionary } from "../../text/wordnet.ts";
import { ageMention } from "./figures.ts";
import { type Mention, MONTH_NAME, NOT_A_NAME, REPORTING, WEEKDAYS } from "./mention.ts";

/** An age beside one word: "Gallegos, 32,", "Gallegos, aged 32,", "the 33-year-old Gallegos". */
const SURNAME_AGE = /(?:^|[^\p{L}\p{N}'’-])(\p{L}[\p{L}'’-]+),\s*(?:aged\s+)?(\d{1,3}),/gu;
const AGE_SURNAME = /\b(\d{1,3})-years?-old\s+(\p{L}[\p{L}'’-]+)(?![\p{L}'’-])/gu;
/** "Laachraoui, a 25-year-old Belgian,": an age in apposition to a name of one or two words. */
const NAME_A_AGE =
  /(?:^|[^\p{L}\p{N}'’-])(?:(\p{L}[\p{L}'’-]+)\s+)?(\p{L}[\p{L}'’-]+),\s+(?:a|an)\s+(\d{1,3})-years?-old\b/gu;
/**
 * "the 21-year-old hanged his daughter", "the search for the 21-year-old, but": an age standing for a
 * person the article has named (no noun after it, or a verb).
 */
const THE_AGE =
  /\bthe\s+(\d{1,3})-years?-old(?=\s*[,.;:)]|\s+(?:was|is|has|had|who|said|says|told|will|would|allegedly|reportedly|later|then|also|died|remains|\p{Ll}+ed)\b)/giu;
/** Cheap test before the patterns. */
const MAY_HOLD_AGE = /,\s*(?:aged\s+)?\d{1,3},|\d-years?-old\b/i;
/** How many sentences back a name may be for "the 21-year-old" to stand for it. */
const ANAPHORA_SENTENCES = 2;
/** Nouns and titles that stand before a name but are not one ("the driver, 45,", "Sen."). */
const NOT_PERSON =
  /^(son|daughter|wife|husband|mother|father|brother|sister|boy|girl|man|woman|men|women|child|children|teen|teenager|driver|suspect|officer|victim|friend|partner|student|resident|worker|people|years?|aged|age|ages|number|no|page|vol|route|highway|room|flight|game|chapter|section|article|mr|mrs|ms|dr|sen|rep|gov|gen|col|capt|lt|sgt|st|and|or|of|the|a|an|his|her|their|its)$/i;

function plainWord(w: string): boolean {
  const lw = w.toLowerCase();
  return (
    STOPWORDS.has(lw) ||
    REPORTING.has(lw) ||
    NOT_PERSON.test(w) ||
    NOT_A_NAME.test(w) ||
    MONTH_NAME.test(w) ||
    WEEKDAYS.includes(lw)
  );
}

/**
 * A word that can be a surname: capitalised where it stands, or (in copies of the news set in lower
 * case) a word no dictionary knows.
 */
function mayBeName(w: string): boolean {
  if (plainWord(w) || w.length < 2) return false;
  if (/^\p{Lu}/u.test(w)) return true;
  return dictionaryAvailable() && !inDictionary(w.toLowerCase());
}

/**
 * The full name of `surname` the article gives ("Eric Gallegos"): a name word right before it. The one
 * full name written before the surname's sentence `at` ("Robert Rudolph", though "Eric Rudolph" comes
 * later), else the article's one full name of it; none when two come before (a family: "Newt Gingrich" /
 * "Marianne Gingrich", where a surname alone may be either).
 */
function fullName(
  sentences: Sentence[],
  lower: string[],
  surname: string,
  at: Sentence,
): [string, string] | null {
  const firsts = new Map<string, string>();
  const before = new Map<string, string>();
  const needle = surname.toLowerCase();
  for (let i = 0; i < sentences.length; i++) {
    const text = lower[i]!;
    const s = sentences[i]!;
    // Each place the surname is written as a word, and the word right before it.
    for (let at0 = text.indexOf(needle); at0 >= 0; at0 = text.indexOf(needle, at0 + 1)) {
      if (/[\p{L}'’-]/u.test(text.charAt(at0 + needle.length))) continue;
      const prev = PREVIOUS_WORD.exec(s.text.slice(Math.max(0, at0 - 40), at0));
      if (!prev) continue;
      const first = prev[1]!;
      if (!mayBeName(first)) continue;
      // "Eric Gallegos" where the text has capitals; lower-case copies only with a word no dictionary knows.
      if (!/^\p{Lu}/u.test(first) && /^\p{Lu}/u.test(s.text.charAt(at0))) continue;
      firsts.set(first.toLowerCase(), first);
      if (s.position < at.position) before.set(first.toLowerCase(), first);
    }
  }
  const one = before.size > 0 ? before : firsts;
  return one.size === 1 ? [[...one.values()][0]!, surname] : null;
}

/** The word right before a position, separated from it by spaces only. */
const PREVIOUS_WORD = /(?:^|[^\p{L}'’-])(\p{L}[\p{L}'’-]+)\s+$/u;

const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();

/**
 * Ages an article gives beside a surname alone, each resolved to the article's one full name of that
 * surname: an age mention of that person. `known` holds the ages already read (a full name beside them).
 */
export function resolvedAges(sentences: Sentence[], sourceId: string, known: Mention[]): Mention[] {
  const out: Mention[] = [];
  const taken = new Set(
    known.filter((m) => m.head === "age").map((m) => `${m.sentence.position}:${m.offset}`),
  );
  // The article's sentences in lower case, made once when a surname is to be resolved.
  let lower: string[] | undefined;
  for (const s of sentences) {
    if (!MAY_HOLD_AGE.test(s.text)) continue;
    const found: [number, string, number][] = [];
    for (const m of s.text.matchAll(SURNAME_AGE)) {
      const before = s.text.slice(0, m.index + m[0].indexOf(m[1]!)).trimEnd();
      const prev = /(\p{L}[\p{L}'’-]*)$/u.exec(before)?.[1];
      // "Eric Gallegos, 32," is read with its full name already; "said Gallegos, 32," is not.
      if (prev && mayBeName(prev) && /^\p{Lu}/u.test(prev) === /^\p{Lu}/u.test(m[1]!)) continue;
      found.push([Number(m[2]), m[1]!, m.index + m[0].lastIndexOf(m[2]!)]);
    }
    for (const m of s.text.matchAll(AGE_SURNAME)) found.push([Number(m[1]), m[2]!, m.index]);
    const given = new Map<number, [string, string]>();
    for (const m of s.text.matchAll(NAME_A_AGE)) {
      const offset = m.index + m[0].lastIndexOf(m[3]!);
      if (m[1] && mayBeName(m[1]) && mayBeName(m[2]!)) given.set(offset, [m[1], m[2]!]);
      else found.push([Number(m[3]), m[2]!, offset]);
    }
    for (const m of s.text.matchAll(THE_AGE)) {
      const offset = m.index + m[0].indexOf(m[1]!);
      const name = precedingName(sentences, s, offset);
      if (name) given.set(offset, name);
    }
    for (const [offset, name] of given) {
      const age = Number(s.text.slice(offset).match(/^\d+/)?.[0]);
      if (age < 1 || age > 110 || taken.has(`${s.position}:${offset}`)) continue;
      const names = new Set(name.map((w) => canonicalStem(stem(w.toLowerCase()))));
      taken.add(`${s.position}:${offset}`);
      out.push(ageMention(s, sourceId, age, names, offset, name.map(capital).join(" ")));
    }
    for (const [age, word, offset] of found) {
      if (age < 1 || age > 110 || !mayBeName(word) || taken.has(`${s.position}:${offset}`)) continue;
      lower ??= sentences.map((x) => x.text.toLowerCase());
      const name = fullName(sentences, lower, word, s);
      if (!name) continue;
      const names = new Set(name.map((w) => canonicalStem(stem(w.toLowerCase()))));
      taken.add(`${s.position}:${offset}`);
      out.push(ageMention(s, sourceId, age, names, offset, name.map(capital).join(" ")));
    }
  }
  return out;
}

/** Two name words in a row ("Ryder Johnson", "wuttisan wongtalay"): first and last of a full name. */
const NAME_PAIR = /(?:^|[^\p{L}'’-])(\p{L}[\p{L}'’-]+)\s+(\p{L}[\p{L}'’-]+)(?![\p{L}'’-])/gu;

/**
 * The full name written last before `offset` in sentence `s`, looking back up to ANAPHORA_SENTENCES
 * sentences of its article: the person "the 21-year-old" stands for. Null when none.
 */
function precedingName(sentences: Sentence[], s: Sentence, offset: number): [string, string] | null {
  const at = sentences.indexOf(s);
  for (let i = at; i >= 0 && i >= at - ANAPHORA_SENTENCES; i--) {
    const text = i === at ? s.text.slice(0, offset) : sentences[i]!.text;
    let last: [string, string] | null = null;
    // Overlapping pairs: "police col. jirasak siemsak" holds "jirasak siemsak".
    for (let from = 0; from < text.length; ) {
      NAME_PAIR.lastIndex = from;
      const m = NAME_PAIR.exec(text);
      if (!m) break;
      const [first, second] = [m[1]!, m[2]!];
      const start = m.index + m[0].indexOf(first);
      if (isPersonWord(first, start === 0) && isPersonWord(second, false)) last = [first, second];
      from = start + first.length;
    }
    if (last) return last;
  }
  return null;
}

/** A word of a person's name: capitalised (not only because it opens the sentence), or one no dictionary knows. */
function isPersonWord(w: string, opensSentence: boolean): boolean {
  if (plainWord(w) || w.length < 2 || /\d/.test(w)) return false;
  if (/^\p{Lu}/u.test(w) && !opensSentence) return true;
  return dictionaryAvailable() && !inDictionary(w.toLowerCase());
}
