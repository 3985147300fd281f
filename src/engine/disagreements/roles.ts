/**
 * Who an unnamed description of a story's person is ("the gunman", "the 29-year-old suspect", "the
 * pilot, 41,"): the one person the reports of the story name in that role ("suspect Omar Velden", "the
 * pilot, Anna Markov,", "Velden, the gunman,"). A role stands for that person only when the reports
 * together name exactly one person in it and never speak of several ("the suspects", "a second
 * gunman"). The figure it carries is then that person's: an age beside a description is compared with
 * the age another report gives beside the name (matching.ts compares the names).
 */
import type { Sentence } from "../../search/index.ts";
import { canonicalWordStem } from "../../text/synonyms.ts";
import { otherVerbForms } from "../../text/verbForms.ts";
import { ageMention } from "./figures.ts";
import type { Mention } from "./mention.ts";
import { isPersonWord } from "./referents.ts";

/**
 * Nouns for a party of a news story that one person is often alone in: who did it, whom it befell, who
 * steered. (Written out, not built, so that the regex audit checks the patterns made of them.)
 */
const PARTY_WORDS =
  "suspect|gunman|shooter|attacker|assailant|killer|bomber|hijacker|kidnapper|robber|defendant|victim|co-pilot|copilot|pilot|driver|hiker|climber";
/**
 * Words for anyone: a role too ("the woman"), standing for one person when the reports never use their
 * plural, but not written as a title before a name ("a man spray-painted …").
 */
const ANYONE_WORDS = "man|woman|boy|girl|teenager|teen";
const ROLE_WORDS = `${PARTY_WORDS}|${ANYONE_WORDS}`;
/** The plurals of ROLE_WORDS, in the same order. */
const PLURAL_WORDS =
  "suspects|gunmen|shooters|attackers|assailants|killers|bombers|hijackers|kidnappers|robbers|defendants|victims|co-pilots|copilots|pilots|drivers|hikers|climbers|men|women|boys|girls|teenagers|teens";
/** Plural → its role. */
const SINGULAR = new Map(PLURAL_WORDS.split("|").map((p, i) => [p, ROLE_WORDS.split("|")[i]!]));
/** A name of two words: "Omar Velden", "omar velden" (lower-case copies). */
const NAME = String.raw`(\p{L}[\p{L}'’-]+)\s+(\p{L}[\p{L}'’-]+)`;
/** Ways a report names who is in a role: the role's group, then the name's two. */
const LINKS: RegExp[] = [
  // "suspect Omar Velden": a party's role as a title (not "a man spray-painted …").
  new RegExp(String.raw`\b(${PARTY_WORDS})\s+${NAME}(?![\p{L}'’-])`, "giu"),
  // "the gunman, Omar Velden,", "the pilot, identified as Anna Markov", "the suspect was named as …".
  new RegExp(
    String.raw`\b(${ROLE_WORDS})(?:,\s+|,?\s+(?:(?:was|has\s+been)\s+)?(?:identified|named)\s+as\s+)${NAME}(?![\p{L}'’-])`,
    "giu",
  ),
  // "identified the gunman as Omar Velden".
  new RegExp(String.raw`\b(?:identified|named)\s+the\s+(${ROLE_WORDS})\s+as\s+${NAME}(?![\p{L}'’-])`, "giu"),
];
/** "Omar Velden, the gunman", "Omar Velden, 29, the suspect", "Anna Markov, a 41-year-old German pilot": the name first. */
const NAME_LINK = new RegExp(
  String.raw`(?:^|[^\p{L}'’-])${NAME},\s+(?:\d{1,3},\s+)?(?:the|a|an)\s+(?:\d{1,3}-years?-old\s+)?(?:[\p{L}-]+\s+){0,2}?(${ROLE_WORDS})\b(?!['’-])`,
  "giu",
);
/** Words saying a story has more than one person in a role: "a second gunman", "another victim". */
const SEVERAL = new RegExp(
  String.raw`\b(?:another|second|third|other|fellow|both|two|three|four|five|several|many)\s+(?:[\p{L}-]+\s+)?(?:${ROLE_WORDS})\b`,
  "giu",
);

/** Any role word, singular or plural (a sentence without one is skipped). */
const ANY_ROLE = new RegExp(String.raw`\b(?:${ROLE_WORDS}|${PLURAL_WORDS})\b`, "iu");

/** The person each role stands for in a story's reports: role → [first, last], for roles with exactly one. */
export type Cast = Map<string, [string, string]>;

/**
 * The roles of a story's sentences (every report's) that stand for one person each: the reports name
 * exactly one person in the role, and never write its plural or several of it.
 */
export function castOf(sentences: Sentence[]): Cast {
  const named = new Map<string, Map<string, [string, string]>>();
  const several = new Set<string>();
  for (const s of sentences) {
    // Most sentences speak of no role: skipped before the patterns.
    if (!ANY_ROLE.test(s.text)) continue;
    const lower = s.text.toLowerCase();
    for (const w of lower.match(/\p{L}[\p{L}-]*/gu) ?? []) {
      const r = SINGULAR.get(w);
      if (r) several.add(r);
    }
    for (const many of lower.matchAll(SEVERAL)) several.add(roleIn(many[0]));
    const links = [
      ...LINKS.flatMap((re) => [...s.text.matchAll(re)].map((m) => [m, 1, 2, 3] as const)),
      ...[...s.text.matchAll(NAME_LINK)].map((m) => [m, 3, 1, 2] as const),
    ];
    for (const [m, role, first, last] of links) {
      const [f, l] = [m[first]!, m[last]!];
      const start = m.index + m[0].indexOf(f);
      if (!nameWord(f, start === 0, s.text) || !nameWord(l, false, s.text)) continue;
      const r = m[role]!.toLowerCase();
      const people = named.get(r) ?? new Map<string, [string, string]>();
      named.set(r, people);
      people.set(`${canonicalWordStem(f)} ${canonicalWordStem(l)}`, [f, l]);
    }
  }
  const cast: Cast = new Map();
  for (const [r, people] of named)
    if (people.size === 1 && !several.has(r)) cast.set(r, [...people.values()][0]!);
  return cast;
}

/**
 * A word of a person's name (referents.ts), written as names are in its text: capitalised where the
 * text capitalises names; in a copy all in lower case, no hyphenated word or verb form ("a driver took
 * Stefaniak", "a woman whose half-naked body") that the dictionary does not hold.
 */
function nameWord(w: string, opensSentence: boolean, text: string): boolean {
  if (!isPersonWord(w, opensSentence) || w.includes("-") || otherVerbForms(w).length > 0) return false;
  if (/^wh/i.test(w)) return false;
  return /^\p{Lu}/u.test(w) || !/[^.!?\s]\s+\p{Lu}/u.test(text);
}

/** The role word that ends a phrase ("a second gunman" → gunman). */
function roleIn(phrase: string): string {
  return phrase.trim().split(/\s+/).pop()!.toLowerCase();
}

/** "the 29-year-old suspect", "a 41-year-old German pilot": an age, then a role (not "the victim's"). */
const AGE_ROLE = new RegExp(
  String.raw`\b(?:the|a|an)\s+(\d{1,3})-years?-old\s+(?:[\p{L}-]+\s+){0,2}?(${ROLE_WORDS})\b(?!['’-])`,
  "giu",
);
/** "the suspect, 29,", "the pilot, aged 41,": a role, then its age. */
const ROLE_AGE = new RegExp(String.raw`\bthe\s+(${ROLE_WORDS}),\s*(?:aged\s+)?(\d{1,3}),`, "giu");

/**
 * Ages an article gives beside a role alone, each the age of the one person its story's reports name in
 * that role (`cast`): an age mention of that person. `known` holds the ages already read at their place.
 */
export function roleAges(sentences: Sentence[], sourceId: string, cast: Cast, known: Mention[]): Mention[] {
  if (cast.size === 0) return [];
  const taken = new Set(
    known.filter((m) => m.head === "age").map((m) => `${m.sentence.position}:${m.offset}`),
  );
  const out: Mention[] = [];
  for (const s of sentences) {
    if (!/\d-years?-old\b|,\s*(?:aged\s+)?\d{1,3},/i.test(s.text)) continue;
    const found: [number, string, number][] = [];
    for (const m of s.text.matchAll(AGE_ROLE))
      found.push([Number(m[1]), m[2]!, m.index + m[0].indexOf(m[1]!)]);
    for (const m of s.text.matchAll(ROLE_AGE))
      found.push([Number(m[2]), m[1]!, m.index + m[0].lastIndexOf(m[2]!)]);
    for (const [age, role, offset] of found) {
      const person = cast.get(role.toLowerCase());
      if (!person || age < 1 || age > 110 || taken.has(`${s.position}:${offset}`)) continue;
      taken.add(`${s.position}:${offset}`);
      const names = new Set(person.map(canonicalWordStem));
      out.push(ageMention(s, sourceId, age, names, offset, person.map(capital).join(" ")));
    }
  }
  return out;
}

const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();

/** "the gunman", "the 29-year-old suspect", "the alleged attacker": a role written as one known person (not "the victim's"). */
const THE_ROLE = new RegExp(
  String.raw`\bthe\s+(?:\d{1,3}-years?-old\s+)?(?:[\p{L}-]+\s+)?(${ROLE_WORDS})\b(?!['’-])`,
  "giu",
);

/**
 * A mention whose sentence speaks of a role's one person without naming them ("the gunman fired 30
 * shots"): read as if it named them, the person's names joining the sentence's names and words, so that
 * a report naming the person ("Velden fired 31 shots") speaks of the same subject. The mention itself
 * when its sentence names no such role, or names the person already.
 */
export function withRoleNames(m: Mention, cast: Cast): Mention {
  if (cast.size === 0 || !/\bthe\s/i.test(m.sentence.text)) return m;
  const add = new Set<string>();
  for (const r of m.sentence.text.matchAll(THE_ROLE)) {
    const person = cast.get(r[1]!.toLowerCase());
    if (!person) continue;
    const stems = person.map(canonicalWordStem);
    if (stems.some((st) => m.context.has(st))) continue;
    for (const st of stems) add.add(st);
  }
  if (add.size === 0) return m;
  return { ...m, names: new Set([...m.names, ...add]), context: new Set([...m.context, ...add]) };
}
