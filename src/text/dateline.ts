/**
 * Datelines: the place (and a news agency's credit) a wire story or its first sentence opens on
 * ("WASHINGTON (AP) _ ", "Salem, Ore. (AP) — ", "Hong Kong -- ", "(CNN) It was …"). One stripper for
 * every caller: an article's body before its sentences are chosen (src/summarize/clean.ts), headlines,
 * titles and points (src/engine). Generic rules for any news text; nothing keyed to a corpus.
 */
import { placeNames } from "./places.ts";
import { inDictionary, namedPlace, nameForm } from "./wordnet.ts";

/**
 * A dateline opening a sentence ("MADISON, Wis. (AP) — ", "Jamestown, Tuolumne County (KPIX 5) — ",
 * "ROME — ", the wire's "IZMIT, Turkey _ "): a few words with a comma or a bracket, or one capitalised
 * word, before a dash (or the underscore old wire copy prints for one). The head (captured) is at most
 * 60 characters after any space, and starts and ends on a character that is no space, so that only the
 * spaces next to the dash match them (what recheck needs to find it safe; the head is trimmed anyway).
 */
const DATELINE = /^(\s*[^—–―_\s](?:[^—–―_]{0,58}?[^—–―_\s])??)\s*(?:—|–|―|--?|_)\s+(?=\S)/u;

/**
 * A place, then a news agency's credit in brackets and no dash ("Washington (CNN) ever since …",
 * "Seoul, South Korea (CNN) North Korea …"): the place's words (captured) start capitalised or lower
 * case as the copy writes them. Only an agency's name: "Apple (AAPL) rose …" is a sentence.
 */
const AGENCY_DATELINE =
  /^(\p{L}[\p{L}.'’-]*(?:,?\s+\p{L}[\p{L}.'’-]*){0,4}),?\s*\(\s*(?:ap|the associated press|associated press|reuters|afp|cnn|upi|bloomberg)\s*\)\s+(?=["“]?\p{L})/iu;

/** Words a dateline ("ROME", "Salem, Ore. (AP)") never holds outside its credit's brackets. */
const NOT_IN_DATELINE = /(?<![\p{L}'’-])(?:the|a|an|is|are|was|were|has|have|had)(?![\p{L}'’-])/u;

/** A word that ends a place's name written partly in lower case ("Laguna beach", "Salt lake city"). */
const PLACE_WORD =
  /^(?:city|town|township|twp\.?|borough|village|beach|county|valley|springs|falls|island|islands|park|heights|hills|bay|harbor|harbour|lake|port)$/i;
/** A word that opens a place's name ("Santa Rosa", "Fort Myers", "San Lorenzo", "New Ashford"). */
const PLACE_OPENER =
  /^(?:san|santa|santo|são|los|las|fort|ft\.|port|mount|mt\.|st\.|saint|new|lake|east|west|north|south)$/i;

/**
 * A dateline's place of two or three words with no comma, its first capitalised: a place WordNet or
 * the place list knows ("Hong Kong", "San Diego", "Salt lake city"), ending on a place's word
 * ("Laguna beach", "Franklin Twp."), or opening on one, its other words capitalised or no word of
 * the dictionary or a name's ("Santa Rosa", "Santa rosa"; not "New rules");
 * not a person's name ("Harrison Ford — …" is the sentence's subject).
 */
function placeName(head: string): boolean {
  const words = head.split(/\s+/);
  if (words.length < 2 || words.length > 3 || !words.every((w) => /^\p{L}[\p{L}.'’-]*$/u.test(w)))
    return false;
  if (!/^\p{Lu}/u.test(head) || NOT_IN_POINT_DATELINE.test(head)) return false;
  const lower = head.toLowerCase();
  return (
    namedPlace(lower) ||
    placeNames().has(lower) ||
    PLACE_WORD.test(words.at(-1)!) ||
    (PLACE_OPENER.test(words[0]!) &&
      words.slice(1).every((w) => /^\p{Lu}/u.test(w) || !inDictionary(w) || nameForm(w) !== null))
  );
}

/**
 * Wire copy's datelines that the rules above leave (src/summarize/clean.ts had them for article
 * bodies): a short place and a known agency's credit, then a dash with or without a space after it
 * ("CANBERRA, November 27 (Xinhua) --The …"); a place in capitals with a region or date of up to four
 * words and a credit, before a dash ("BEN GURION AIRPORT, TEL AVIV, October 25 (Xinhua) -- …"). Not a
 * colon: "SUU KYI: …", "Q: …" are a speaker's label.
 */
const WIRE_AGENCY_DATELINE =
  /^\s*[A-Z][\w.,' -]{0,40}?\(\s*(?:ap|afp|reuters|xinhua|upi|cnn|bbc|ians|pti|dpa|efe|ansa|kyodo|tass|bloomberg|nyt|cnsnews|the associated press|associated press)\s*\)\s*(?:_|--|—|–|-)\s*/i;
const WIRE_DATELINE =
  /^\s*(?:[A-Z][A-Z'.-]*(?:\s+[A-Z][A-Z'.-]*){0,4})(?:,\s*[A-Z][\w.']*(?:\s+[A-Z\d][\w.']*){0,3})?\s*(?:\([A-Za-z][\w .&-]{0,30}\))?\s*(?:_|--|—|–|-)\s+/;
/** "(AP) -" or "(Xinhua) --" left at the start once a place has gone. */
const WIRE_AGENCY = /^\s*\([A-Za-z][\w .&-]{0,30}\)\s*(?:_|--|—|–|-)\s+/;

/** What follows a dateline, its first letter capitalised; or null when too little follows (under six words). */
function after(text: string, end: number): string | null {
  const rest = text.slice(end);
  if (rest.split(/\s+/).length < 6) return null;
  return rest.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

/**
 * The sentence (or an article's body) without its dateline, its first letter capitalised; the text as
 * it is when under six words would follow. `places`: a place of two or more words with no comma or
 * credit is one too (placeName, or in capitals before a wire's dash: headlines, titles and article
 * bodies; a point keeps it, as it was cited).
 */
export function withoutDateline(text: string, places = true): string {
  // A news agency's credit in brackets ("(CNN) It was …").
  const credit = /^\(\s*[^()]{1,20}?\s*\)\s+(?=\p{L})/u.exec(text);
  if (credit) {
    const rest = after(text, credit[0].length);
    if (rest !== null) return rest;
  }
  // A place and a news agency's credit with no dash after it ("Washington (CNN) ever since …").
  const placed = AGENCY_DATELINE.exec(text);
  if (placed) {
    const head = placed[1]!;
    const rest = after(text, placed[0].length);
    if (head.split(/\s+/).length <= 5 && !NOT_IN_DATELINE.test(head.toLowerCase()) && rest !== null)
      return rest;
  }
  const m = DATELINE.exec(text);
  if (m) {
    const head = m[1]!.trim();
    const n = head.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    // A place and a credit name no article or verb: "November 21, 2018 the camp fire — the most …" is a
    // sentence with a dash in it.
    const rest =
      n <= 6 &&
      (/[,(]/.test(head) || (n === 1 && /^\p{Lu}/u.test(head)) || (places && placeName(head))) &&
      !NOT_IN_DATELINE.test(head.replace(/\([^)]*\)/g, ""))
        ? after(text, m[0].length)
        : null;
    if (rest !== null) return rest;
  }
  const wire = WIRE_AGENCY_DATELINE.exec(text) ?? WIRE_DATELINE.exec(text) ?? WIRE_AGENCY.exec(text);
  if (wire && (places || /[,(]/.test(wire[0]))) {
    const rest = after(text, wire[0].length);
    if (rest !== null) return rest;
  }
  return text;
}

/**
 * Words a point's dateline ("Duluth, minn. -", "Washington ( ap ) —") never holds outside its
 * credit's brackets, in any case: NOT_IN_DATELINE's, pronouns, saying verbs, conjunctions and common
 * prepositions ("He said, yes - it was …" is a sentence with a dash in it).
 */
export const NOT_IN_POINT_DATELINE =
  /(?<![\p{L}'’-])(?:the|a|an|is|are|was|were|has|have|had|i|you|he|she|it|we|they|his|her|its|their|this|that|these|those|said|says|say|told|tells|and|but|or|nor|so|yet|if|of|to|for|with|by|from|as|not|no|yes|who|what|which|when|where|be|been|will|would|can|could|do|does|did)(?![\p{L}'’-])/iu;
