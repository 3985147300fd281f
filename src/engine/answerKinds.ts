/**
 * What kind of thing a "which/what NOUN" question asks for, by WordNet (src/text/wordnet.ts) rather
 * than by word lists: the noun's class ("which Trump-backed Republican" asks for a person, "which
 * Delaware city" for a place) and whether a word of a sentence names one of that kind ("cucumbers" is
 * a vegetable, "Italy" a European nation, "Wilmington" a city in Delaware, "Sri Lanka" a country but
 * not a European one).
 */
import { regionNames } from "../text/places.ts";
import {
  closure,
  countrySense,
  isKindOf,
  LEX,
  lexFile,
  nameForm,
  nounSenses,
  peopleWord,
  synsetLex,
  synsetWords,
} from "../text/wordnet.ts";

export type FocusClass = "person" | "place" | "organisation";

/** The class of answer a question's noun asks for, when WordNet places it among people, places or organisations. */
export function focusClass(noun: string): FocusClass | null {
  const lex = lexFile(noun);
  if (lex === LEX.person) return "person";
  if (lex === LEX.location) return "place";
  if (lex === LEX.group) {
    if (isKindOf(noun, nounSenses("organization", 1), 1)) return "organisation";
  }
  return null;
}

/** What a sentence's words are tested against: the synsets the question's noun (phrase) names. */
export interface FocusKind {
  /** The focus's senses ("nation"), or the modifier and focus as one WordNet noun ("European nation"). */
  senses: number[];
  /** The modifiers WordNet knows as nouns ("Delaware" in "which Delaware city"): an answer part of or a kind of them fits better. */
  within: number[][];
  /** The focus's lexicographer file (its most frequent sense). */
  lex: number | null;
  /** Too general to pick common nouns by ("which item", "which event", "which part"). */
  general: boolean;
}

/** How many of a focus noun's senses count (rarer senses make everything a kind of anything). */
const FOCUS_SENSES = 3;

/**
 * The kind a question's noun phrase asks for ("European nation", "fast-food chain", "vegetable"), or
 * null when WordNet doesn't know the noun.
 */
export function focusKind(
  phrase: readonly string[],
  focus: string,
  maxSenses = FOCUS_SENSES,
): FocusKind | null {
  const at = phrase.lastIndexOf(focus);
  const mods = at > 0 ? phrase.slice(0, at) : [];
  // "European nation", "African country": one WordNet noun with its modifier is the narrower kind.
  const mod = mods.at(-1);
  const joint = mod ? nounSenses(`${mod}_${focus}`, maxSenses) : [];
  const found = joint.length > 0 ? joint : nounSenses(focus, maxSenses);
  if (found.length === 0) return null;
  const senses = [...found, ...found.flatMap(territoriesOf).filter((t) => !found.includes(t))];
  // "Which national team / side / squad": a country's team is named by the country ("led the
  // Netherlands to victory"), so a country is of the kind asked (`npm run eval:qa`: one confidently wrong
  // answer on the even-numbered questions, a club's nickname, becomes "don't say"; odd unchanged).
  const country = countrySense();
  if (mods.includes("national") && synsetLex(found[0]!) === LEX.group && country !== undefined)
    if (!senses.includes(country)) senses.push(country);
  const lex = synsetLex(senses[0]!);
  // A noun right under the top of the hierarchy ("thing", "event", "part") says little.
  const depth = Math.min(...senses.map((s) => closure([s]).size));
  const general = depth <= GENERAL_DEPTH;
  // A modifier naming a place ("Delaware", "California") narrows where the answer is (any of its
  // senses that is a place: the order of a proper noun's senses means nothing).
  const within = joint.length > 0 ? [] : mods.map(placeSenses).filter((s) => s.length > 0);
  return { senses, within, lex, general };
}

/**
 * The territories a group sense is the people of: the places (noun.location) named only by words of
 * that sense ("state, nation, country, land …", a body politic → "country, state, land", the land it
 * holds). "Which nation" asks for a country as "which country" does.
 */
function territoriesOf(sense: number): number[] {
  if (synsetLex(sense) !== LEX.group) return [];
  const words = new Set(synsetWords(sense));
  const out = new Set<number>();
  for (const w of words)
    for (const o of nounSenses(w.replace(/\s+/g, "_"), NAME_SENSES))
      if (synsetLex(o) === LEX.location && synsetWords(o).every((x) => words.has(x))) out.add(o);
  return [...out];
}

/** How many senses of a name count (a proper noun's senses come in no particular order). */
export const NAME_SENSES = 8;

/** A focus with this few synsets above it is too general to type an answer by. */
const GENERAL_DEPTH = 4;

/**
 * Whether a noun says no more than that something is counted or asked about: its most frequent sense is
 * one of WordNet's top concepts (noun.Tops: "person", "animal", "event", "object") or right under the top
 * of the hierarchy ("people", a group of human beings). "How many people were killed?" is answered by
 * "killed eight": a counted noun this general need not be repeated.
 */
export function genericNoun(word: string): boolean {
  const first = nounSenses(word, 1)[0];
  if (first === undefined) return false;
  return synsetLex(first) === LEX.tops || closure([first]).size <= GENERAL_DEPTH;
}

/** The senses of a word that are places ("delaware" → the state, not the river or the people). */
function placeSenses(word: string): number[] {
  if (word.length < 3) return [];
  return nounSenses(word, NAME_SENSES).filter((s) => synsetLex(s) === LEX.location);
}

/**
 * Whether a written word or name is of the kind asked: 1 a kind (and within every modifier that names
 * one), 0 not, null when WordNet doesn't know it.
 */
export function ofKind(word: string, k: FocusKind, maxSenses = NAME_SENSES): number | null {
  const w = word.replace(/\s+/g, "_");
  if (nounSenses(w, 1).length === 0) return null;
  if (!isKindOf(w, k.senses, maxSenses) && !countryAsked(word, k)) return 0;
  for (const m of k.within) if (!isKindOf(w, m, maxSenses, true)) return 0.5;
  return 1;
}

/**
 * A country's or territory's name in CLDR's list of regions ("Taiwan", which WordNet lists as an island
 * and a republic but no country) when a country is asked (the focus's senses hold the territory one).
 */
function countryAsked(word: string, k: FocusKind): boolean {
  const country = countrySense();
  return country !== undefined && k.senses.includes(country) && regionNames().has(word.toLowerCase());
}

/**
 * Whether a name cannot be a country's where one is asked ("which country", "which island nation",
 * "which African country"): countries are a closed list, all in WordNet or CLDR's regions, so a name
 * neither knows ("Tennessee State Fire Marshal", "Lakeside Water Board") names something else, and so
 * does one WordNet knows as no place in any sense ("Senate", "Parliament", "NATO") that CLDR doesn't list.
 */
export function notACountry(name: string, k: FocusKind): boolean {
  const country = countrySense();
  if (country === undefined || !k.senses.some((s) => closure([s]).has(country))) return false;
  if (regionNames().has(name.toLowerCase().replace(/^the\s+/, ""))) return false;
  const senses = nounSenses(name.replace(/\s+/g, "_"), NAME_SENSES);
  return !senses.some((s) => classOf(synsetLex(s)) === LEX.location);
}

/**
 * Whether a name is one of an event's edition or a numbered thing, by a figure in it ("Indy 500",
 * "Euro 2022", "Apollo 11"): no one person's name holds a figure; with `year`, only a name ending on
 * a year ("Euro 2022", "Expo 2030"), which is no place's or organisation's either.
 */
export function numberedName(name: string, year = false): boolean {
  return year ? /\s(?:1[89]|20)\d{2}$/.test(name) : /\d/.test(name);
}

/** Whether a name WordNet knows is of the focus's class (both places, both people …). */
export function sameClass(word: string, k: FocusKind): boolean {
  const cls = classOf(k.lex);
  return nounSenses(word.replace(/\s+/g, "_"), NAME_SENSES).some((s) => classOf(synsetLex(s)) === cls);
}

/**
 * Whether a name WordNet knows as a place answers a question asking for a kind of place by one of
 * its focus's senses, not the first ("country" is first a body politic, a group, then a territory):
 * then a place of another kind ("Virginia", "Chicago" for "which country") is of the class asked, as
 * `sameClass` tells by the first sense.
 */
export function placeOfClass(word: string, k: FocusKind): boolean {
  if (!k.senses.some((s) => classOf(synsetLex(s)) === LEX.location)) return false;
  return nounSenses(word.replace(/\s+/g, "_"), NAME_SENSES).some(
    (s) => classOf(synsetLex(s)) === LEX.location,
  );
}

/** WordNet's geographic objects (islands, rivers, mountains: noun.object) are places as its locations are. */
function classOf(lex: number | null): number | null {
  return lex === LEX.object ? LEX.location : lex;
}

/** What a name may stand for besides a person: organisations, places, geographic objects, buildings. */
const THINGS_NAMED: ReadonlySet<number> = new Set([LEX.group, LEX.location, LEX.object, LEX.artifact]);

/**
 * Whether a name cannot be one person's, by WordNet: it knows the name, of two words or more, and none
 * of its senses is a person ("White House", "Supreme Court"); or of one word, and every sense is a
 * place, a building or an organisation ("GOP", "NASA", "Capitol"); or the name ends on a plural for a kind of people ("House
 * Republicans", "Democrats"). Names WordNet doesn't know (most people's) are never ruled out.
 */
export function notOnePerson(name: string): boolean {
  const words = name.split(/\s+/);
  const senses = nounSenses(words.join("_"), NAME_SENSES);
  const lex = senses.map(synsetLex);
  if (words.length > 1 && senses.length > 0 && !lex.includes(LEX.person)) return true;
  // One word may be a surname that is also a common word ("Hurts", "Rice"): only a word WordNet knows
  // as nothing but places, buildings and organisations ("GOP", "NASA", "Capitol") is ruled out.
  if (senses.length > 0 && lex.every((l) => l !== null && THINGS_NAMED.has(l))) return true;
  const last = words.at(-1) ?? "";
  return /\p{Ll}s$/u.test(last) && !/ss$/.test(last) && peopleWord(last);
}

/** The classes of named entities: people, places (geographic objects too) and organisations. */
export const ENTITY_LEX: ReadonlySet<number> = new Set([LEX.person, LEX.location, LEX.object, LEX.group]);

/**
 * Whether a name WordNet knows is only a person, place or organisation ("NASA", "Russia") while what is
 * asked is none of those ("which spacecraft", "which missiles"): another class of answer. (The other way
 * round says nothing: a company may bear a common word's name, "Apple" for "which company".)
 */
export function onlyEntity(name: string, k: FocusKind): boolean {
  if (k.lex === null || ENTITY_LEX.has(k.lex)) return false;
  const senses = nounSenses(name.replace(/\s+/g, "_"), NAME_SENSES);
  return senses.length > 0 && senses.every((s) => ENTITY_LEX.has(synsetLex(s) ?? -1));
}

/**
 * Whether a name WordNet doesn't know is an organisation's or a place's by its head noun, the common
 * noun it ends on ("Harbour Health Commission", "Lakeside State University", "Brevano County",
 * "… Senate", "College of …"): that noun's most frequent sense is a group or a location. A name ending on a proper
 * noun ("… Maria"), a person's noun ("Burning Man") or a thing's ("… Moon") is not read so. With
 * `built`, a building's or a made thing's name as well ("UDairy Creamery", "Wembley Stadium").
 */
export function entityByHead(name: string, built = false): boolean {
  const all = name.split(/\s+/);
  if (all.length < 2 || nounSenses(name.replace(/\s+/g, "_"), 1).length > 0) return false;
  // "College of Agriculture", "Bank of Lakeside": the head is the noun before "of".
  const of = all.indexOf("of");
  const ws = of > 0 ? all.slice(0, of) : all;
  const last = ws.at(-1)!;
  if (!/^\p{L}+$/u.test(last) || nameForm(last.toLowerCase())) return false;
  const first = nounSenses(last.toLowerCase(), 1)[0];
  const lex = first === undefined ? null : synsetLex(first);
  return lex === LEX.group || lex === LEX.location || (built && lex === LEX.artifact);
}

/**
 * A sports team's name: a place and a plural ("Philadelphia Eagles", "Las Vegas Aces", "Dallas
 * Mavericks"): a club, not one person.
 */
export function teamName(name: string): boolean {
  const ws = name.split(/\s+/);
  if (ws.length < 2 || !/^\p{Lu}\p{Ll}+[^s]s$/u.test(ws.at(-1)!)) return false;
  const where = ws.slice(0, -1).join("_");
  return placeSenses(where).length > 0;
}
