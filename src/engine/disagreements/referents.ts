/**
 * Who an age is about when the sentence gives only part of the name ("Gallegos, 32, and his wife";
 * "the 33-year-old Gallegos said"): the one full name of the article it fits. Two reports then disagree
 * on a person's age only when both ages resolve to the same full name (matching.ts compares the names),
 * whatever the words around each figure. An article that gives one age only gives its subject's, named
 * or not (`soleAges`): two such articles a year apart disagree on it.
 */
import type { Sentence } from "../../search/index.ts";
import { canonicalWordStem } from "../../text/synonyms.ts";
import { STOPWORDS } from "../../text/tokens.ts";
import { dictionaryAvailable, inDictionary, isNoun, LEX, lexFile } from "../../text/wordnet.ts";
import { SOLE_AGE_GAP } from "./ages.ts";
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
/** "the " right before an age's digits: where an unnamed "the 21-year-old" stands. */
const THE_AGE_AT = /\bthe\s+$/i;
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
  const last = new Map<string, string>();
  let relative = false;
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
      // (a relative of the one the story is about, "his wife Greta Harrow", is not that one).
      const kin = KIN_BEFORE.test(
        s.text
          .slice(Math.max(0, at0 - 60), at0)
          .replace(/\p{L}[\p{L}'’-]*\s+$/u, "")
          .trimEnd(),
      );
      if (s.position === at.position - 1) {
        last.set(first.toLowerCase(), first);
        relative ||= kin;
      }
    }
  }
  // Two of a family named before: the one the sentence right before names, when it names one ("suicide
  // bomber najim laachraoui was a nice boy, his brother said. Laachraoui, a 25-year-old belgian, …").
  const one = before.size > 1 && last.size === 1 && !relative ? last : before.size > 0 ? before : firsts;
  return one.size === 1 ? [[...one.values()][0]!, surname] : null;
}

/** A relation written before a name ("his wife", "brother of", "the victim's mother"). */
const KIN_BEFORE =
  /\b(?:wife|husband|son|daughter|mother|father|brother|sister|stepfather|stepmother|uncle|aunt|cousin|nephew|niece|grandson|granddaughter|grandmother|grandfather|widow|widower|fiancee?|girlfriend|boyfriend|partner|parents?)(?:\s+of)?,?$/i;

/** Whether the name pair `m` of `text` is written as someone's relative ("his wife X", "X, ryder's father"). */
function relativeAt(text: string, m: RegExpExecArray): boolean {
  const start = m.index + m[0].indexOf(m[1]!);
  return (
    KIN_BEFORE.test(text.slice(Math.max(0, start - 60), start).trimEnd()) ||
    KIN_AFTER.test(text.slice(m.index + m[0].length))
  );
}

/** First names (stems) of the people an article names as someone's relatives. */
function relativesOf(sentences: Sentence[]): Set<string> {
  const out = new Set<string>();
  for (const s of sentences) {
    if (!KIN_ANY.test(s.text)) continue;
    for (let from = 0; from < s.text.length; ) {
      NAME_PAIR.lastIndex = from;
      const m = NAME_PAIR.exec(s.text);
      if (!m) break;
      const start = m.index + m[0].indexOf(m[1]!);
      if (isPersonWord(m[1]!, start === 0) && isPersonWord(m[2]!, false) && relativeAt(s.text, m))
        out.add(canonicalWordStem(m[1]!));
      from = start + m[1]!.length;
    }
  }
  return out;
}
const KIN_ANY =
  /\b(?:wife|husband|son|daughter|mother|father|brother|sister|stepfather|stepmother|uncle|aunt|cousin|nephew|niece|grandson|granddaughter|grandmother|grandfather|widow|widower|fiancee?|girlfriend|boyfriend|partner|parents?)\b/i;

/** A relation written after a name ("richard johnson, ryder's father"). */
const KIN_AFTER =
  /^\s*,\s*(?:(?:his|her|their|the)\s+)?(?:\p{L}+['’]s\s+)?(?:wife|husband|son|daughter|mother|father|brother|sister|stepfather|stepmother|uncle|aunt|cousin|widow|girlfriend|boyfriend|partner)\b/iu;

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
    // An age out of range, or one already read at its place, is passed over.
    const skip = (age: number, offset: number) =>
      age < 1 || age > 110 || taken.has(`${s.position}:${offset}`);
    const read = (age: number, name: string[], offset: number) => {
      taken.add(`${s.position}:${offset}`);
      const names = new Set(name.map(canonicalWordStem));
      out.push(ageMention(s, sourceId, age, names, offset, name.map(capital).join(" ")));
    };
    for (const [offset, name] of given) {
      const age = Number(s.text.slice(offset).match(/^\d+/)?.[0]);
      if (!skip(age, offset)) read(age, name, offset);
    }
    for (const [age, word, offset] of found) {
      if (skip(age, offset) || !mayBeName(word)) continue;
      lower ??= sentences.map((x) => x.text.toLowerCase());
      const name = fullName(sentences, lower, word, s);
      if (name) read(age, name, offset);
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
    // (Names within a quotation are what someone said, not whom the narrative's "the 21-year-old"
    // stands for: "'I wish I played for Real Madrid,' the 21-year-old told …".)
    const text = unquoted(i === at ? s.text : sentences[i]!.text).slice(0, i === at ? offset : undefined);
    let last: [string, string] | null = null;
    let subject: [string, string] | null = null;
    // Overlapping pairs: "police col. jirasak siemsak" holds "jirasak siemsak".
    for (let from = 0; from < text.length; ) {
      NAME_PAIR.lastIndex = from;
      const m = NAME_PAIR.exec(text);
      if (!m) break;
      const [first, second] = [m[1]!, m[2]!];
      const start = m.index + m[0].indexOf(first);
      // A relative of the one the story is about ("said richard johnson, ryder's father"; "his wife
      // greta harrow") is not whom "the 21-year-old" stands for.
      if (isPersonWord(first, start === 0) && isPersonWord(second, false) && !relativeAt(text, m)) {
        // (The last two of a run of name words: "Midfielder Tomas Brevik" is Tomas Brevik.)
        const run = last !== null && last[1] === first && subject === last;
        last = [first, second];
        // The subject of a sentence before ("England forward Michael Owen has told the BBC he will not
        // quit Real Madrid."), whom a following "the 25-year-old" goes on about, unless they only speak.
        if (i < at && (!subject || run) && subjectAt(text, start, m.index + m[0].length)) subject = last;
        else if (run) subject = null;
      } else if (i < at && !subject && openingName(text, start, first, second, m.index + m[0].length))
        // "Jade Johnson is undecided …": a first name that is also a word, capitalised as the subject.
        subject = [first, second];
      from = start + first.length;
    }
    // A sentence before that opens on a pronoun ("She will now meet Venus Williams.") is about someone
    // named earlier: the name it gives is another person's.
    if (last && i < at && OPENING_PRONOUN.test(text)) return null;
    if (subject) return subject;
    if (last) return last;
  }
  return null;
}

/** Quotations ("…", “…”) blanked out, the text's length kept. */
function unquoted(text: string): string {
  return text.replace(/"[^"]*"|“[^“”]*”/g, (q) => " ".repeat(q.length));
}

/** A sentence whose subject is a pronoun. */
const OPENING_PRONOUN = /^\s*(?:but |and |yet |now )?(?:he|she|they)\b/i;
/** How many words may stand before a sentence's subject name ("England forward Michael Owen has …"). */
const SUBJECT_WORDS = 4;

/**
 * Whether the name at [start, end) of a sentence is its subject: few words before it and none of them a
 * verb or preposition's clause ending (no comma), and no reporting verb right after it ("Sheriff Bob
 * Jones said …" speaks of someone else).
 */
function subjectAt(text: string, start: number, end: number): boolean {
  const before = text.slice(0, start);
  if (/[,;:]/.test(before) || (before.match(/\p{L}[\p{L}'’-]*/gu) ?? []).length > SUBJECT_WORDS) return false;
  const next = /^\s*(\p{L}+)/u.exec(text.slice(end))?.[1]?.toLowerCase();
  return !next || !REPORTING.has(next);
}

/**
 * Two capitalised words opening a sentence, the second a name word and the first no plain word, then a
 * word in lower case ("Jade Johnson is undecided"): the subject's name, though its first word opens the
 * sentence.
 */
function openingName(text: string, start: number, first: string, second: string, end: number): boolean {
  if (text.slice(0, start).trim() !== "" || plainWord(first) || !/^\p{Lu}\p{Ll}/u.test(first)) return false;
  if (!isPersonWord(second, false) || !/^\s+\p{Ll}/u.test(text.slice(end))) return false;
  return subjectAt(text, start, end);
}

/** A word of a person's name: capitalised (not only because it opens the sentence), or one no dictionary knows. */
function isPersonWord(w: string, opensSentence: boolean): boolean {
  if (plainWord(w) || w.length < 2 || /\d/.test(w)) return false;
  if (/^\p{Lu}/u.test(w) && !opensSentence) return true;
  return dictionaryAvailable() && !inDictionary(w.toLowerCase());
}

/** Every age in years an article gives, of anyone or anything: "21-year-old", "21 years old", ", 21,", "aged 21". */
const ANY_AGE = /\b(\d{1,3})[- ]years?[- ]old\b|,\s*(?:aged\s+)?(\d{1,3}),|\baged\s+(\d{1,3})\b/gi;
/** Years apart a named person's age must be from an article's unnamed one to leave it its subject's. */
export const NAMED_AGE_APART = 2 * SOLE_AGE_GAP;
/** "a 36-year-old man", "the 21-year-old", "he was 21 years old": an age, then what it is of. */
const YEARS_OLD = /\b(\d{1,3})[- ]years?[- ]old\b/gi;
/**
 * A noun-less age: the end of a clause or a verb next ("the 21-year-old hanged", "a 16-year-old, of
 * detroit"), or a possessive ("the 30-year-old's father").
 */
const BARE_AGE =
  /^(?:['’]s\b|\s*(?:[,.;:)"”]|$)|\s+(?:was|is|has|had|who|said|says|told|will|would|allegedly|reportedly|later|then|also|died|remains)\b|\s+\p{Ll}+ed\b)/u;
/** Words that end the noun phrase after an age ("a 20-year-old tub of sauce", "a 20-year-old in custody"). */
const PHRASE_END = /^(of|in|on|at|from|for|with|who|that|which|and|or|but|was|is)$/i;
/** A party to a crime or accident, one of several a story may give an age for. */
const PARTY =
  /\b(?:suspects?|victims?|gunman|shooter|attacker|assailant|killer|robber|bomber|defendant|accused|driver|passenger|hostage|survivor|witness|officer)\b/i;
/** "Ostrander, a " right before an age. */
const SURNAME_BEFORE = /(\p{L}[\p{L}'’-]+),\s+(?:a|an|the)\s+$/u;
/** How many words after an age its noun may be ("a 22-year-old japanese research academic"). */
const NOUN_WORDS = 4;

/**
 * Whether the words after an age make it a person's: no noun (a person the story names elsewhere), a
 * noun for a person ("man", "victim", "tech worker") or a full name no dictionary knows.
 */
function personAfter(rest: string): boolean {
  if (BARE_AGE.test(rest)) return true;
  if (!dictionaryAvailable()) return false;
  let unknown = 0;
  for (const w of leadingWords(rest)) {
    if (lexFile(w.toLowerCase()) === LEX.person) return true;
    unknown = inDictionary(w) ? 0 : unknown + 1;
    if (unknown >= 2) return true;
  }
  return false;
}

/**
 * The words right after an age that may name whose it is: up to NOUN_WORDS, ending before a word that
 * ends a phrase or a possessive, and with the first word that carries punctuation.
 */
function leadingWords(rest: string): string[] {
  const out: string[] = [];
  for (const raw of rest.trim().split(/\s+/).slice(0, NOUN_WORDS)) {
    const w = raw.replace(/[^\p{L}'’-]+$/u, "");
    if (!w || PHRASE_END.test(w) || /['’]s$/i.test(w)) break;
    out.push(w);
    if (w !== raw) break;
  }
  return out;
}

/** How many words after an age a thing's noun phrase may run, its "of" phrase included ("tub of original mulan sauce"). */
const THING_WORDS = 6;

/**
 * The noun phrase after the age of a thing ("tub of original mulan sauce", "mcdonald's mcnugget
 * sauces"): the stems of its head nouns — the last noun before "of" and the last of the "of" phrase
 * ("tub", "sauce"), past a possessive, up to a clause's end; and the words as written for the block's
 * heading. Null without a noun, or without the dictionary.
 */
function thingAfter(rest: string): { stems: Set<string>; noun: string } | null {
  if (!dictionaryAvailable() || BARE_AGE.test(rest)) return null;
  const words: string[] = [];
  for (const raw of rest.trim().split(/\s+/).slice(0, THING_WORDS)) {
    const w = raw.replace(/[^\p{L}'’-]+$/u, "");
    if (!w || (PHRASE_END.test(w) && !/^of$/i.test(w))) break;
    words.push(w);
    if (w !== raw) break;
  }
  const heads = new Set<string>();
  let head: string | null = null;
  for (const w of [...words, "of"]) {
    if (/^of$/i.test(w)) {
      if (head) heads.add(canonicalWordStem(head));
      head = null;
    } else if (!/['’]s$/i.test(w) && !STOPWORDS.has(w.toLowerCase()) && isNoun(w.toLowerCase())) head = w;
  }
  return heads.size > 0 ? { stems: heads, noun: words.join(" ").toLowerCase() } : null;
}

/**
 * The words after an age up to the person noun they name ("japanese research academic", "tech worker",
 * "suspect"), lower-cased, for the block's heading ("Age of the suspect"); null when no person noun
 * follows within NOUN_WORDS words.
 */
function personNoun(rest: string): string | null {
  if (!dictionaryAvailable()) return null;
  const words = leadingWords(rest).map((w) => w.toLowerCase());
  const at = words.findIndex((w) => lexFile(w) === LEX.person);
  return at >= 0 ? words.slice(0, at + 1).join(" ") : null;
}

/**
 * The age of the one person whose age an article gives: when every age in years the article writes
 * (of anyone or anything) has the same value, each place that value is written as a person's age becomes
 * a `sole` mention. Two articles of a story that each give one person's age mostly give the age of its
 * subject, named or not ("a 36-year-old man has fathered 14 children" / "37-year-old tech worker trent
 * arsenault"); an article giving two ages (a father and his son, a victim and a suspect) gives none.
 * `known` holds the article's ages read beside a full name in their sentence: their names go with the
 * mention, so that two named persons are still told apart.
 */
export function soleAges(sentences: Sentence[], sourceId: string, known: Mention[]): Mention[] {
  // An age read beside a full name is that person's ("lost his place to 18-year-old aiden mcgeady"):
  // the one age the article leaves unnamed is still its subject's.
  const fullNamed = (k: Mention) =>
    k.head === "age" &&
    Boolean(k.attribute) &&
    personName(k.about, k.sentence.text) &&
    k.offset !== undefined;
  const namedAges = known.filter(fullNamed);
  const ofName = (s: Sentence, from: number, to: number) =>
    namedAges.some((k) => k.sentence === s && k.offset! >= from && k.offset! < to);
  const values = new Set<number>();
  const namedValues = new Set<number>();
  for (const s of sentences) {
    if (!MAY_HOLD_AGE.test(s.text) && !/\d[- ]years?[- ]old\b|\baged\s+\d/i.test(s.text)) continue;
    for (const m of s.text.matchAll(ANY_AGE)) {
      const value = Number(m[1] ?? m[2] ?? m[3]);
      (ofName(s, m.index, m.index + m[0].length) ? namedValues : values).add(value);
    }
  }
  // (Named ages alone, all one: the article's one age, as before.)
  if (values.size === 0 && namedValues.size === 1) for (const v of namedValues) values.add(v);
  if (values.size !== 1) return [];
  const [age] = values;
  // A named person near the unnamed one's age could be the person another report gives that age of
  // ("denise huskins, 29" beside "the 30-year-old"): only ages far apart tell the two apart.
  for (const v of namedValues) if (v !== age && Math.abs(v - age!) <= NAMED_AGE_APART) return [];
  if (!age || age < 1 || age > 110) return [];
  const out: Mention[] = [];
  const words = new Set(stemsOf(sentences));
  const relatives = relativesOf(sentences);
  for (const [at, s] of sentences.entries()) {
    // The words of the age's sentence and the next: where a report that opens on "a 36-year-old man"
    // names him ("… Trent Kell of Fremont, who …").
    const nearby = new Set(stemsOf(sentences.slice(at, at + 2)));
    const named = known.filter(
      (k) =>
        k.head === "age" && k.sentence === s && k.attribute && personName(k.about, s.text) && k.lo === age,
    );
    for (const m of s.text.matchAll(YEARS_OLD)) {
      // (Another person's age, beside their name.)
      if (Number(m[1]) !== age) continue;
      const rest = s.text.slice(m.index + m[0].length);
      if (!personAfter(rest)) {
        // "a 20-year-old tub of sauce": the age of the one thing whose age the article gives.
        const thing = thingAfter(rest);
        if (thing) {
          const mention = soleMention(s, sourceId, age, m.index, [], thing.noun);
          out.push({ ...mention, sole: { role: false, words, relatives, nearby, thing: thing.stems } });
        }
        continue;
      }
      const role = PARTY.test(
        rest
          .split(/[,.;:]/)[0]!
          .split(/\s+/)
          .slice(0, NOUN_WORDS + 1)
          .join(" "),
      );
      const mention = soleMention(s, sourceId, age, m.index, named, personNoun(rest));
      // "Ostrander, a 25-year-old engineer": a surname the article could not resolve (a family) names
      // the person still, and keeps the age from any other full name's.
      const surname = SURNAME_BEFORE.exec(s.text.slice(0, m.index))?.[1];
      if (!mention.attribute && surname && mayBeName(surname))
        mention.attribute = new Set([canonicalWordStem(surname)]);
      const person = nameAfterNoun(rest);
      out.push({
        ...mention,
        sole: { role: role && !mention.attribute, words, relatives, nearby, ...(person ? { person } : {}) },
      });
    }
    // "Johnson, 20, was last seen": an age beside a name, as read already.
    for (const k of named)
      if (!out.some((o) => o.sentence === s && o.offset === k.offset))
        out.push({
          ...soleMention(s, sourceId, age, k.offset ?? 0, [k]),
          sole: { role: false, words, relatives, nearby },
        });
  }
  // The article's one person whose age it gives, when one of the places names them: every place's.
  // (Or the full name a "the 24-year-old" of the article stands for: resolvedAges.)
  const names = new Map<string, Set<string>>();
  for (const o of out)
    if (o.attribute && !o.sole?.thing) names.set([...o.attribute].sort().join(" "), o.attribute);
  if (names.size === 0)
    for (const k of known)
      if (
        k.head === "age" &&
        k.lo === age &&
        k.attribute &&
        k.offset !== undefined &&
        THE_AGE_AT.test(k.sentence.text.slice(0, k.offset))
      )
        names.set([...k.attribute].sort().join(" "), k.attribute);
  if (names.size === 1) {
    const [name] = names.values();
    for (const o of out) if (!o.attribute && o.sole && !o.sole.thing) o.sole.name = name!;
  }
  return out;
}

/**
 * The name right after the person noun an age is of ("37-year-old tech worker trent kell was …" → trent,
 * kell): up to three words, the last one a surname (capitalised, or a word no dictionary knows), before
 * a verb or the end of the phrase. Their stems; null when no such name follows.
 */
function nameAfterNoun(rest: string): Set<string> | null {
  if (!dictionaryAvailable()) return null;
  const words = rest
    .trim()
    .split(/\s+/)
    .slice(0, NOUN_WORDS + 3);
  const noun = words.findIndex((w, i) => i < NOUN_WORDS && lexFile(w.toLowerCase()) === LEX.person);
  if (noun < 0) return null;
  const name: string[] = [];
  for (const raw of words.slice(noun + 1, noun + 4)) {
    const w = raw.replace(/[^\p{L}'’-]+$/u, "");
    if (!w || plainWord(w) || PHRASE_END.test(w) || /\d/.test(raw)) break;
    name.push(w);
    if (w !== raw) break;
  }
  // Up to the last word that can be a surname.
  const last = name.findLastIndex((w) => /^\p{Lu}/u.test(w) || !inDictionary(w.toLowerCase()));
  return last < 0 ? null : new Set(name.slice(0, last + 1).map(canonicalWordStem));
}

function soleMention(
  s: Sentence,
  sourceId: string,
  age: number,
  offset: number,
  named: Mention[],
  noun?: string | null,
): Mention {
  const near = named.find((k) => Math.abs((k.offset ?? 0) - offset) < 60);
  const who =
    near?.about.replace(/^Age of /, "") ?? (noun ? `the ${noun}` : "the person the reports are about");
  const m = ageMention(s, sourceId, age, near?.attribute ?? new Set(), offset, who);
  if (!near) delete m.attribute;
  return m;
}

/**
 * Whether the words an age was read beside ("Age of Xiang Liujuan") are a person's name: one of them no
 * dictionary knows, or capitalised in the sentence past its first word ("adele's follow-up album, 21,"
 * is not).
 */
function personName(about: string, text: string): boolean {
  const words = about.replace(/^Age of /, "").split(/\s+/);
  const lower = text.toLowerCase();
  return words.some((w) => {
    if (dictionaryAvailable() && !inDictionary(w)) return true;
    const at = lower.indexOf(w.toLowerCase(), 1);
    return at > 0 && text.charAt(at) === w.charAt(0).toUpperCase() && /\p{Lu}/u.test(text.charAt(at));
  });
}

/** "their 8-month-old baby", "a 6-month-old son": an age in months, then whose. */
const MONTHS_OLD = /\b(\d{1,2})[- ]months?[- ]old\b/gi;
/** The oldest age in months read as an infant's (older children's ages are given in years). */
export const INFANT_MONTHS = 23;

/**
 * The age of the one infant whose age in months an article gives: when every "N-month-old" it writes
 * has the same value, each place it is written before a person noun ("their 8-month-old baby", "the
 * couple's 6-month-old child") is a `sole`, `months` mention. Matched only with another article's such
 * age that names someone the same beside it (ages.ts).
 */
export function soleInfantAges(sentences: Sentence[], sourceId: string): Mention[] {
  const values = new Set<number>();
  for (const s of sentences) {
    if (!/month/i.test(s.text)) continue;
    for (const m of s.text.matchAll(MONTHS_OLD)) values.add(Number(m[1]));
  }
  if (values.size !== 1 || !dictionaryAvailable()) return [];
  const [months] = values;
  if (!months || months > INFANT_MONTHS) return [];
  const out: Mention[] = [];
  const words = new Set<string>();
  for (const [at, s] of sentences.entries()) {
    for (const m of s.text.matchAll(MONTHS_OLD)) {
      const noun = personNoun(s.text.slice(m.index + m[0].length));
      if (!noun) continue;
      const nearby = new Set(stemsOf(sentences.slice(at, at + 2)));
      const mention = ageMention(s, sourceId, months, new Set(), m.index, `the ${noun}`);
      delete mention.attribute;
      out.push({
        ...mention,
        value: `${months} months`,
        months: true,
        sole: { role: false, words, relatives: new Set(), nearby },
      });
    }
  }
  return out;
}

/** The canonical stems of the words of some sentences. */
function stemsOf(sentences: Sentence[]): string[] {
  return sentences
    .flatMap((s) => s.text.toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? [])
    .map(canonicalWordStem);
}
