/**
 * A page's date and time stamps ("Oct. 19, 2018, 6:16 pm GMT / updated Oct. 19 …", "Posted Tuesday,
 * November 21, 2017 5:27 pm …", "… 11:44 am ET Fri"), a review's info box and rating line ("Rated
 * PG-13 for …", "Director: …", "Running time: 1 hr 52 min", "* * * 1/2") and a prompt to follow the
 * page or sign up for its e-mails: what a scraper flattened into a sentence or a title from the page
 * around the story. A headline or a story title states the story's main point, never these: a stamp at
 * the start or the end of a sentence is dropped from it when it heads (`withoutStamps`), and a text
 * that is one, or holds an info box, a rating line or a prompt, heads nothing (`isStampOrInfoBox`).
 * General markers of web pages and reviews, never a site's.
 */

/** A month's name or its abbreviation, a word of its own ("Oct.", "Sept", "June"; not "Mayor"). */
const MONTH =
  "(?:jan(?:uary)?|feb(?:ruary)?|march|mar|april|apr|may|june?|july?|august|aug|sept(?:ember)?|sep|october|oct|november|nov|december|dec)\\.?(?![\\p{L}])";
/** A weekday's name or its abbreviation ("Tue", "Thurs.", "Friday"). */
const WEEKDAY = "(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?(?![\\p{L}])";
/** A clock time ("6:16 pm", "5: 05 pm", "9 a.m.", "11:44"). */
const CLOCK =
  "(?:\\d{1,2}\\s?:\\s?\\d{2}(?:\\s?[ap]\\.?\\s?m\\.?)?|\\d{1,2}\\s?[ap]\\.\\s?m\\.|\\d{1,2}\\s?[ap]m)(?![\\p{L}\\d])";
/** A time zone after a clock time ("GMT", "ET", "EDT"). */
const ZONE = "(?:gmt|utc|bst|cet|[ecmp][sd]t|et|pt|ct)(?![\\p{L}])";
/** A date: month and day (and year), day and month (and year), in figures. */
const DATE = `(?:${MONTH}\\s\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\s${MONTH}(?:,?\\s\\d{4})?|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}|\\d{4}-\\d{2}-\\d{2})(?!\\d)`;
/** The words a page stamps a date with ("Updated", "Last modified", "First published"). */
const STAMP_WORD =
  "(?:(?:last|first|originally)\\s)?(?:updated|modified|published|posted|uploaded|filed)(?![\\p{L}])";
/** The news agencies a stamp may name as its source ("/ updated / source: associated press"). */
const AGENCY = "(?:the\\s)?(?:associated\\spress|ap|reuters|afp|upi|cnn|bloomberg)(?![\\p{L}])";
/** A person's name in a byline: two or three words, a middle initial perhaps ("Jo Reyes", "Jo Q. Reyes"). */
const BYLINE_NAME = "\\p{L}[\\p{L}'’-]*(?:\\s\\p{L}\\.)?\\s\\p{L}[\\p{L}'’-]*";

/** Pieces a stamp opening a text is made of, each read at the start of what is left. */
const LEAD_SEPARATOR = /^[\s/|·•,:–—()[\]-]+/u;
const LEAD_STAMP_WORD = new RegExp(`^${STAMP_WORD}(?:\\s(?:on|at))?\\s?(:)?\\s*`, "iu");
/** A date and time, a weekday before it; `time` set when it has a clock time. */
const LEAD_WHEN = new RegExp(
  `^(?:${WEEKDAY},?\\s)?(?:${DATE}(?:,?\\s(?:at\\s)?(?<time>${CLOCK})(?:\\s?${ZONE})?)?|(?<clock>${CLOCK})(?<zone>\\s?${ZONE})?(?:,?\\s${WEEKDAY})?(?:,?\\s${DATE})?)\\s*`,
  "iu",
);
/** A time zone alone opening a text before a word in lower case: a stamp the sentence splitter cut ("… 3:40 p.m. | Et a new study …"). */
const LEAD_ZONE =
  /^(?:GMT|UTC|BST|[ECMP][SD]T|ET|PT|CT|Gmt|Utc|Bst|[ECMP][sd]t|Et|Pt|Ct|gmt|utc|bst|[ecmp][sd]t|et|pt|ct)\s(?=\p{Ll})/u;
const LEAD_BYLINE = new RegExp(`^by\\s${BYLINE_NAME}(?:\\s(?:and|&)\\s${BYLINE_NAME})?\\s+`, "iu");
const LEAD_SOURCE = new RegExp(`^source\\s?:\\s?${AGENCY}\\s*`, "iu");

/** What a stamp at the start of a text covers: how many characters, and whether it is surely one. */
function leadingStamp(text: string): { end: number; sure: boolean } {
  let rest = text;
  let sure = false;
  // The pieces read so far: a stamp's word, a date or time, a separator after one.
  let stampWord = false;
  let when = false;
  for (;;) {
    const sep = LEAD_SEPARATOR.exec(rest);
    if (sep && rest !== text) {
      // A separator after a date or a stamp's word ("… GMT / updated …", "Updated / …").
      if ((when || stampWord) && /[/|·•]/u.test(sep[0])) sure = true;
      rest = rest.slice(sep[0].length);
      continue;
    }
    if (sep && /^[\s/|·•([]+$/u.test(sep[0])) {
      rest = rest.slice(sep[0].length);
      continue;
    }
    const zone = rest === text ? LEAD_ZONE.exec(rest) : null;
    if (zone) {
      sure = true;
      rest = rest.slice(zone[0].length);
      continue;
    }
    const word = LEAD_STAMP_WORD.exec(rest);
    if (word) {
      stampWord = true;
      if (word[1] || when) sure = true;
      rest = rest.slice(word[0].length);
      continue;
    }
    const w = LEAD_WHEN.exec(rest);
    if (w && w[0].trim() !== "") {
      // A clock time with a date or a zone, or any date after a stamp's word.
      if (stampWord || w.groups?.time || w.groups?.zone) sure = true;
      when = true;
      rest = rest.slice(w[0].length);
      continue;
    }
    // A byline or a source after a stamp ("… 9:14 pm GMT by Jo Reyes and Sam Okafor …").
    const by = (sure || stampWord) && (LEAD_BYLINE.exec(rest) ?? LEAD_SOURCE.exec(rest));
    if (by) {
      sure = true;
      rest = rest.slice(by[0].length);
      continue;
    }
    break;
  }
  return { end: text.length - rest.length, sure: sure && rest !== text };
}

/**
 * A clock time ending a text, a time zone (`zone`) or a weekday or date (`after`) after it perhaps
 * ("… 11:44 am ET Fri", "… at 3:40 p.m."); what stands before it is read apart (STAMP_BEFORE, DATE_BEFORE).
 */
const CLOCK_END = new RegExp(
  `(?<![\\p{L}\\d:.])${CLOCK}(?<zone>\\s?${ZONE})?(?<after>,?\\s(?:${WEEKDAY}|${DATE}))?[\\s.]*$`,
  "iu",
);
/** A stamp's word before a clock time ending a text ("… | updated at", "… posted June 5, 2018"). */
const STAMP_BEFORE = new RegExp(
  `(?:[/|·•]\\s*)?${STAMP_WORD}(?:\\s(?:at|on))?\\s?:?\\s(?:${WEEKDAY},?\\s)?(?:${DATE},?\\s)?(?:at\\s)?$`,
  "iu",
);
/** A date before a clock time ending a text, a separator before it perhaps ("… | June 5, 2018"). */
const DATE_BEFORE = new RegExp(`(?:${WEEKDAY},?\\s)?${DATE},?\\s(?:at\\s)?$`, "iu");
/** A separator ending what stands before a stamp ("… | "). */
const SEPARATOR_BEFORE = /[/|·•]\s*$/u;
const TRAIL_DATE = new RegExp(
  `[/|·•]\\s*(?:${STAMP_WORD}(?:\\s(?:at|on))?\\s?:?\\s*)?(?:(?:${WEEKDAY},?\\s)?${DATE}(?:,?\\s${CLOCK}(?:\\s?${ZONE})?)?)?[\\s.]*$`,
  "iu",
);
/** Words that set a clock time in the sentence's own words ("… at 8:40 a.m.", "… until 5 pm"). */
const TIME_PREPOSITION =
  /(?<![\p{L}])(?:at|on|by|until|till|before|after|from|since|around|about|to|for|between|and|than|past|through|the|by)\s*$/iu;
/** A copula or auxiliary before a stamp's word: the sentence's own verb ("… was published at 9 am"). */
const OWN_VERB = /(?<![\p{L}])(?:is|are|was|were|be|been|being|has|have|had)\s*$/iu;

/**
 * Where a stamp ending a text starts (the text's length when there is none): a clock time after a
 * stamp's word (not the sentence's own verb's: "… was published at 9 am"), or not set in the sentence's
 * words ("… at 8:40 a.m.") with a zone, a date or a weekday by it, or a separator before it; a
 * separator and a date.
 */
function trailingStampStart(text: string): number {
  const c = CLOCK_END.exec(text);
  if (c) {
    const before = text.slice(0, c.index);
    const w = STAMP_BEFORE.exec(before);
    if (w && !OWN_VERB.test(before.slice(0, w.index))) return w.index;
    const d = DATE_BEFORE.exec(before);
    const start = d ? d.index : c.index;
    const pre = text.slice(0, start);
    const g = c.groups ?? {};
    // (A clock time with its minutes is a stamp's too: "… New York, New York 1:31 p.m.".)
    const minutes = /^\d{1,2}\s?:/.test(c[0]);
    if (!TIME_PREPOSITION.test(pre) && (g.zone || g.after || d || minutes || SEPARATOR_BEFORE.test(pre)))
      return start;
  }
  const d = TRAIL_DATE.exec(text);
  if (d && /\d/.test(d[0])) return d.index;
  return text.length;
}

/**
 * A stamp inside a text: a clock time with its zone ("… the delivery business 11:44 am ET Fri, 9 Feb
 * 2018 | 00:50 amazon is …"), a stamp's word after a bracket ("… [ updated 10: 28 p.m. ET ] …") or
 * before a colon ("… crosses $50 million updated: …"): the page's title run into a stamp and the text
 * after it.
 */
const MID_STAMP = new RegExp(
  `(?<![\\p{L}\\d:.])${CLOCK}\\s?${ZONE}|[([]\\s?${STAMP_WORD}|(?<![\\p{L}])${STAMP_WORD}\\s?:`,
  "iu",
);

/** The fewest words a text keeps before a stamp inside it, to be cut there (withoutStamps). */
const MIN_BEFORE_MID = 6;

/** How many words open a page's title that, found again after it, mark the title printed twice. */
const TWICE_WORDS = 4;

/**
 * A page's title before its stamp, printed once: up to where its first TWICE_WORDS words come again
 * ("Ferry sinks off cape, crew safe ferry sinks off cape, crew safe exclusive" → "Ferry sinks off
 * cape, crew safe").
 */
function printedOnce(title: string): string {
  const ws = title.split(/\s+/);
  if (ws.length < 2 * TWICE_WORDS) return title;
  const head = ws.slice(0, TWICE_WORDS).join(" ").toLowerCase();
  for (let i = TWICE_WORDS; i + TWICE_WORDS <= ws.length; i++)
    if (
      ws
        .slice(i, i + TWICE_WORDS)
        .join(" ")
        .toLowerCase() === head
    )
      return ws.slice(0, i).join(" ");
  return title;
}

/** The fewest words a text keeps after its stamps go (else it is left as it was). */
const MIN_WORDS = 4;

/**
 * A text without a stamp at its start or its end, or from a clock time and its zone inside it on (MID_STAMP) ("Oct. 19, 2018, 6:16 pm GMT / updated … by Jo Reyes
 * and Sam Okafor Former mayor …" → "Former mayor …"; "The pier reopened 11:44 am ET Fri" → "The pier
 * reopened"), when at least MIN_WORDS words are left; its first letter capitalised when the stamp went.
 */
export function withoutStamps(text: string): string {
  let t = text.trim();
  const lead = leadingStamp(t);
  if (lead.sure) {
    const rest = t.slice(lead.end).trim();
    if (words(rest) >= MIN_WORDS) t = rest.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  }
  // A stamp inside it, not in the sentence's own words: the text before it (a page's title).
  // (Not a time in brackets, a sentence's own aside: "… at 5:31 a.m. ( 3:31 p.m. ET Friday ) …".)
  const mid = MID_STAMP.exec(t);
  const before = mid ? t.slice(0, mid.index) : "";
  if (mid && !TIME_PREPOSITION.test(before) && !/[([]\s*$/u.test(before) && words(before) >= MIN_BEFORE_MID)
    t = printedOnce(before).replace(/[\s,;:/|·•–—([-]+$/u, "");
  const end = trailingStampStart(t);
  if (end < t.length) {
    const rest = t.slice(0, end).replace(/[\s,;:/|·•–—([-]+$/u, "");
    if (words(rest) >= MIN_WORDS) t = rest;
  }
  return t;
}

/** A word of a stamp: a month's or a weekday's name, a time zone, "am"/"pm", "updated" and the like. */
const STAMP_TOKEN = new RegExp(
  `^[^\\p{L}]*(?:${MONTH}|${WEEKDAY}|${ZONE}|[ap]\\.?m\\.?|${STAMP_WORD})[^\\p{L}]*$`,
  "iu",
);

/** How many words a text has besides a stamp's (STAMP_TOKEN) and figures. */
function words(text: string): number {
  return text.split(/\s+/).filter((w) => /\p{L}/u.test(w) && !STAMP_TOKEN.test(w)).length;
}

/**
 * A review's info box or rating line, anywhere in a text: a label and its colon ("Director: …", "Cast:
 * …", "Running time: …", "Rating: pg"), a film's rating ("Rated PG-13 for …", "(PG-13) … rated R"), a
 * running time in hours and minutes abbreviated ("1 hr 52 min"), a row of stars ("★★★", "* * * 1/2").
 */
const INFO_BOX = [
  /(?<![\p{L}])(?:directors?|directed by|cast|starring|running time|run time|runtime|genre|screenplay|distributor|mpaa rating|rating|rated)\s?:/iu,
  /^[^\p{L}]*rated\s(?:g|pg|pg-13|r|nc-17)(?![\p{L}\d-])|(?<![\p{L}])rated\s(?:g|pg|pg-13|r|nc-17)\s?\(?for\s/iu,
  /(?<![\p{L}\d])\d\s?hrs?\.?,?\s\d{1,2}\s?mins?(?![\p{L}])/iu,
  /[★☆]{2,}|(?<![\p{L}\d])\*\s?\*\s?\*/u,
];

/**
 * A prompt to follow the page or sign up for its e-mails ("Follow us on Twitter", "Sign up for our
 * newsletter", "… please visit our page on Facebook").
 */
const PROMPT =
  /(?<![\p{L}])(?:please\s(?:visit|follow|like|join|subscribe|share)(?![\p{L}])|follow\s(?:us|me|@[\w.]+)\s?(?:on|at)\s|sign\sup\s(?:for|to)\s(?:our|the|a)\s(?:free\s)?(?:[\p{L}-]+\s)?(?:newsletters?|e-?mails?|alerts)|(?:delivered|sent)\sto\syour\sinbox|like\sus\son\sfacebook)/iu;

/**
 * A stamp's word and a colon, anywhere ("… published: 17.08.2012 …"), or an update's label in brackets
 * ("… arrested ( update ) …"); a poster's byline opening the text ("Uploaded by …"), or the page's
 * note on its own stamp ("This article was originally published at …").
 */
const STAMP_LABEL = new RegExp(
  `(?<![\\p{L}])${STAMP_WORD}\\s?:|^[^\\p{L}]*(?:uploaded|posted|submitted)\\sby\\s|[([]\\s?updated?\\s?[)\\]]|^[^\\p{L}]*(?:this|the)\\s(?:article|story|post|report|piece|page)\\s(?:was|has\\sbeen|is)\\s(?:originally\\s|first\\s|last\\s)?(?:published|posted|updated|modified)(?![\\p{L}])`,
  "iu",
);

/**
 * Whether a text heads nothing as it is: a date and time stamp at its start or its end (what is left
 * heads, once `withoutStamps` drops it), a stamp's label anywhere, a review's info box or rating line
 * (INFO_BOX), a prompt to follow or sign up (PROMPT).
 */
export function isStampOrInfoBox(text: string): boolean {
  const t = text.trim();
  if (STAMP_LABEL.test(t) || PROMPT.test(t) || INFO_BOX.some((re) => re.test(t))) return true;
  return leadingStamp(t).sure || trailingStampStart(t) < t.length;
}
