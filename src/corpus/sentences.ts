/**
 * Sentence splitting. Uses `sbd` (rule-based, handles "U.S.", "Mr.", decimals, "$500m", "2,000" and
 * quotes) with a light pass for its known misses. Chosen over compromise (about 10x slower on news text)
 * and Intl.Segmenter (breaks after "Mr." and "U.S.").
 */
import sbd from "sbd";
import { hasSpacedQuote, straightQuoteOpenAfter } from "../text/quotes.ts";

const OPTIONS = { newline_boundaries: true, preserve_whitespace: false, sanitize: false } as const;

const ABBREVIATION_BEFORE_NUMBER =
  /\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|no|nos|vol|art|p|pp)\.$/i;

/**
 * A title that always stands before a name ("Gov.", "ex-Rep.", "Pvt."), in any case: what follows it
 * continues the sentence. ("St.", "Jr." and "Sr." can end one, so they are not here.)
 */
const TITLE_BEFORE_NAME =
  /(?:^|[\s("“-])(?:mr|mrs|ms|messrs|dr|gov|govs|rep|reps|sen|sens|sgt|pvt|pfc|spc|gen|gens|col|lt|capt|cpl|maj|adm|cmdr|rev|msgr|prof|supt|det|insp|atty|hon|pres|amb)\.$/i;

/** An initialism ending the text so far ("U.S.", "u.n.", "D.C."), times of day ("p.m.") excepted. */
const INITIALISM = /(?:^|[\s("“-])(?!(?:a|p)\.m\.$)(?:\p{L}\.){2,}$/iu;

/**
 * Words that open a new sentence after an initialism ("… in the U.S. The talks …"); any other word or a
 * number ("around A.D. 326") goes on with it ("the U.S. Consulate attack", "major U.S. Stock indexes", in text whose words were capitalised
 * after every stop).
 */
const SENTENCE_OPENER =
  /^(?:the|a|an|he|she|it|they|we|i|you|his|her|its|their|our|my|this|that|these|those|there|but|yet|so|however|meanwhile|in|on|at|after|before|when|while|if|as|since|although|though|some|many|most)\b/i;

/**
 * A state or district abbreviation closing a place after its city ("Hayesville, N.C.", "Washington, D.C."):
 * news style sets a comma after the state when the sentence goes on ("Andrews, N.C., police said"), so a
 * capitalised word right after it opens a new sentence ("… near Hayesville, N.C. Investigators said …").
 */
const STATE_AFTER_PLACE = /(?:^|\s)\p{Lu}[\p{L}'’.-]*,\s(?:N\.[CDHJMY]|S\.[CD]|R\.I|D\.C)\.$/u;

/**
 * A company form or a US state's AP abbreviation written in lower case ("brewing co.", "acme inc.",
 * "a tolleson, ariz."): a sign that the text was lower-cased, with a capital set after every full stop
 * ("the union co. Career center has …", "a tolleson, ariz. Establishment, is recalling …"), so that
 * capital says nothing. A company form rarely ends a sentence. A state often does ("… was found in
 * guntown, miss. Authorities said …"), so it counts only in a place after an article, which is then a
 * modifier waiting for its noun ("the hardeman county, tenn. Sheriff's office"); this also keeps
 * "he fell ill." and "a mass." out. The capitalised forms ("Acme Co.") are left to sbd.
 */
const LOWER_CASE_ABBREVIATION =
  /(?:(?:^|[\s(“"-])\p{L}[\p{L}'’&-]*\s(?:co|corp|inc|ltd|bros)|(?:^|[\s(“"-])(?:[Aa]n?|[Tt]he)\s(?:[\p{L}'’.-]+\s)?[\p{L}'’.-]+,\s(?:ala|ariz|ark|calif|colo|conn|del|fla|ga|ill|ind|kan|ky|la|md|mass|mich|minn|miss|mo|mont|neb|nev|okla|ore|pa|tenn|vt|va|wash|wis|wyo))\.$/u;

/** A time of day ending the text so far ("at 5 p.m.", "around 11:30 a.m."). */
const TIME_OF_DAY = /(?:^|\s)\d{1,2}(?::\d\d)?\s?[ap]\.m\.$/i;

/**
 * What goes on after a time of day, whatever its case (in text capitalised after every stop too): the
 * place of the clock ("local time") or the day ("on Jan. 14", "on Saturday"). sbd keeps a weekday or a
 * zone ("p.m. Tuesday", "p.m. ET") and splits before these.
 */
const AFTER_TIME_OF_DAY =
  /^(?:local\b|on\s(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?(?:\s\d|$)))/i;

/** Whether `next` continues `prev` rather than starting a new sentence (sbd's known misses). */
function continues(prev: string, next: string): boolean {
  // An abbreviation before a number, when the text is lower-cased ("on nov. 20", "no. 3").
  if (ABBREVIATION_BEFORE_NUMBER.test(prev) && /^\d/.test(next)) return true;
  // No sentence opens on a dash or a closing bracket: a dateline ("MADISON, Wis. — The …",
  // "COOPERSBURG, Pa. (AP) — A …") goes on.
  if (/^[-–—)\]]/.test(next) || /^\(\s*[^()]{1,24}\)\s*[-–—]/.test(next)) return true;
  // A bracket left open closes in what follows ("(U.S. Air Force/AP) The …").
  const open = (prev.match(/[([]/g) ?? []).length - (prev.match(/[)\]]/g) ?? []).length;
  if (open > 0 && /[)\]]/.test(next.slice(0, 80))) return true;
  // A time of day before what places it ("around 4 a.m. On jan. 14, …"), or before one word that is no
  // sentence ("ahead of a 5 p.m. Deadline.").
  if (
    TIME_OF_DAY.test(prev) &&
    (AFTER_TIME_OF_DAY.test(next) || (/^\p{L}+[.!?]$/u.test(next) && !SENTENCE_OPENER.test(next)))
  )
    return true;
  // A title before a name, or before a nickname in quotation marks ("Mr. " Big " Lee").
  if (TITLE_BEFORE_NAME.test(prev) && /^(?:["“]\s?)?\p{L}/u.test(next)) return true;
  if (STATE_AFTER_PLACE.test(prev) && /^\p{Lu}/u.test(next)) return false;
  if (INITIALISM.test(prev) && /^[\p{L}\d]/u.test(next) && !SENTENCE_OPENER.test(next)) return true;
  // A lower-case company form or state before a word that does not open sentences, or before a number
  // ("the union co. Career center", "tolleson, ariz. Establishment", "acme co. 2019 sales").
  if (LOWER_CASE_ABBREVIATION.test(prev) && /^[\p{L}\d]/u.test(next) && !SENTENCE_OPENER.test(next))
    return true;
  return false;
}

/** A stop after a closing bracket, then a capital: sbd's miss on spaced brackets ("( $ 51,500 ). The …"). */
const STOP_AFTER_BRACKET = /(?<=\)[.!?])\s+(?=["“]?\p{Lu})/u;

/** A sentence sbd left whole at a stop after a closing bracket, split there when its brackets are closed. */
function afterBracket(text: string): string[] {
  if (!STOP_AFTER_BRACKET.test(text)) return [text];
  const out: string[] = [];
  let rest = text;
  for (let m = STOP_AFTER_BRACKET.exec(rest); m; m = STOP_AFTER_BRACKET.exec(rest)) {
    const head = rest.slice(0, m.index);
    const open = (head.match(/[([]/g) ?? []).length - (head.match(/[)\]]/g) ?? []).length;
    if (open > 0) break;
    out.push(head);
    rest = rest.slice(m.index + m[0].length);
  }
  out.push(rest);
  return out;
}

/**
 * An attribution and nothing more after a quotation: a speech verb first ("said Ann Lee, the mayor"),
 * or a subject of up to five words and the verb, then at most whom it was told ("told reporters", "told
 * the local paper") or a phrase saying where ("wrote in a post"), then punctuation ("he asked.", "the
 * mayor said, adding …"). "he said the plan worked" is a sentence of its own, and so is one opening on a
 * preposition or conjunction ("in a barrage of tweets, …", "but he posted on his page, …"). An
 * attribution that introduces the next quotation ("she added: " …") goes with it (`attributed`).
 */
const ATTRIBUTION =
  /^(?!(?:in|on|at|by|for|from|with|of|to|into|after|before|during|since|until|as|when|whenever|while|if|because|though|although|and|but|or|nor|so|then|yet|now|meanwhile|however|what|which|who|whom|where|why|how)\s)(?:[\p{L}\p{N}.'’-]+\s){0,5}?(?:(?:told|tells|asked|asks)(?:\s(?:the\s)?[^\s.,;:!?"]+(?:\s[^\s.,;:!?"]+)?)?|(?:said|says|say|added|adds|wrote|writes|explained|explains|replied|replies|continued|continues|shouted|yelled|tweeted|posted|recalled|recalls|noted|notes|insisted|insists|admitted|admits|declared|declares|cried|joked|jokes|quipped|warned|warns|argued|argues|acknowledged|concluded|whispered|screamed|exclaimed|responded|responds|remarked|laughed|sighed|wondered|wonders|asserted|asserts|conceded|concedes|complained|complains|pleaded|demanded|demands))(?:\s(?:in|on|to|at|during|via|from|after|while|before)\s[^\s.,;:!?"]+(?:\s[^\s.,;:!?"]+){0,3})?\s?(?:[.,;:!?—–]|-\s|$)/iu;

/** An attribution opening on its verb ("said the mayor"), as no sentence of its own opens. */
const SPEECH_VERB_FIRST =
  /^(?:said|says|asked|asks|added|adds|wrote|writes|replied|replies|tweeted|posted|explained|continued|recalled|noted|insisted|admitted|declared|warned|argued|acknowledged|responded|remarked)\s/i;

/**
 * Whether `s`, after a quotation that ended on `stop`, opens on its attribution (not on one introducing
 * the next quotation). After a full stop, which a quotation ends on before an attribution only in
 * careless copy (a comma is the rule), the attribution must end the sentence or open on its verb ("…
 * . " he said .", "… . " said Ann Lee, the mayor"): "… . " the exchange continued, with …" goes on
 * as a sentence of its own.
 */
function attributed(s: string, stop: string): boolean {
  if (SPEECH_VERB_FIRST.test(s)) return true;
  const m = ATTRIBUTION.exec(s);
  if (!m) return false;
  const rest = s.slice(m[0].length);
  if (/[,:]$/.test(m[0]) && /^\s?["“]/.test(rest)) return false;
  return stop !== "." || (/[.!?]$/.test(m[0]) && rest.trim() === "");
}

/**
 * Tokenised copies set quotation marks apart from every word (`he said " we will win . " the crowd
 * cheered .`), and sbd then cuts before the closing mark, leaving it to open the next sentence (`"
 * the crowd cheered .`), which then opens a quotation it never closes, or two empty marks (`" " was it
 * …`). Counting which marks open and which close through the text (`straightQuoteOpenAfter`), a mark
 * opening a piece that closes a quotation left open, right after a stop, goes back to the sentence it
 * closes; the boundary falls after it, whatever the case of the next word (lower-cased copies give no
 * capital), unless only an attribution follows ("… ? " he asked .), which stays with its quotation as
 * sbd keeps `"…?" he asked.` whole. Typeset text is untouched: sbd never starts a piece with a closing
 * mark set against the word before it.
 */
function closingMarksPlaced(pieces: string[]): string[] {
  // Only a text with a mark spaced on both sides (quotes.ts hasSpacedQuote) is read. That test also
  // passes marks this never moves (`a"b`, `" ,`): only a piece opening on `" ` or holding `" .` is
  // changed below, so for those the pieces come back as they were, trimmed.
  if (!pieces.some((p) => hasSpacedQuote(p))) return pieces;
  const out: string[] = [];
  let open = false;
  for (const piece of pieces) {
    let s = piece.trim();
    const prev = out[out.length - 1];
    if (
      open &&
      prev !== undefined &&
      /^"(?:\s|$)/.test(s) &&
      /[.!?]$/.test(prev) &&
      !TITLE_BEFORE_NAME.test(prev)
    ) {
      s = s.slice(1).trim();
      open = false;
      // An initialism's stop ends no sentence before a word that opens none (`" the o.c. " star's
      // career …`), as `continues` reads it without the mark.
      const initialism = INITIALISM.test(prev) && /^[\p{L}\d]/u.test(s) && !SENTENCE_OPENER.test(s);
      if (!s || initialism || attributed(s, prev.at(-1)!)) {
        out[out.length - 1] = s ? `${prev} " ${s}` : `${prev} "`;
        open = straightQuoteOpenAfter(s, open);
        continue;
      }
      out[out.length - 1] = `${prev} "`;
      // A dash after the closed quotation sets off what follows (a pull quote's credit, the story):
      // it opens no sentence (`… insulted . " --- the visit …`).
      s = s.replace(/^[-–—]+\s+/, "");
    }
    for (const part of afterClosedQuote(s, open)) {
      out.push(part);
      open = straightQuoteOpenAfter(part, open);
    }
  }
  return out;
}

/**
 * A stop after a spaced quotation mark, then another mark or a word: `… the arctic ". " we need …`,
 * `… for " trespass ". Lee was then …` (a stop set after the closing mark, as British copy sets it).
 */
const STOP_AFTER_SPACED_QUOTE = /(?<=\s"\s?[.!?])\s(?=["\p{L}\d])/gu;

/**
 * `s` cut where a stop follows the mark closing a quotation and the next sentence begins (`… was "
 * great for the arctic ". " we need …`, `… for " trespass ". Lee was …`), which sbd leaves whole;
 * `open` tells whether a quotation was open at its start.
 */
function afterClosedQuote(s: string, open: boolean): string[] {
  const out: string[] = [];
  let from = 0;
  // The count goes on from the last match, so a long piece is read once.
  let counted = 0;
  for (const m of s.matchAll(STOP_AFTER_SPACED_QUOTE)) {
    open = straightQuoteOpenAfter(s, open, counted, m.index);
    counted = m.index;
    if (open) continue;
    out.push(s.slice(from, m.index));
    from = m.index + 1;
  }
  out.push(s.slice(from));
  return out;
}

/**
 * The longest "sentence" this returns, in characters. News sentences run to a few hundred characters
 * (in 18,744 BBC, DUC and Multi-News texts three hold a longer one: a list of award picks joined by
 * dashes and two photo-gallery widgets); a longer one is a text with no full stops (a list, a table
 * flattened to text, a hostile page), and is cut into pieces of at most this many characters, each at
 * the last space before the cap (or at the cap, when there is none). Every later pass works sentence by
 * sentence (stemming, scoring, finding figures, headlines), some of them with regexes that are linear
 * only per start position: the cap keeps their cost per sentence bounded, so a 1 MB article without a
 * stop costs what 500 ordinary sentences cost, not what one 1 MB sentence would.
 */
export const MAX_SENTENCE_CHARS = 2_000;

/** `s` (whitespace already single spaces) in pieces of at most MAX_SENTENCE_CHARS, cut at spaces. */
function capped(s: string): string[] {
  if (s.length <= MAX_SENTENCE_CHARS) return [s];
  const out: string[] = [];
  let rest = s;
  while (rest.length > MAX_SENTENCE_CHARS) {
    let cut = rest.lastIndexOf(" ", MAX_SENTENCE_CHARS);
    if (cut <= 0) {
      // No space in reach: cut at the cap, not between the halves of a surrogate pair.
      cut = MAX_SENTENCE_CHARS;
      const c = rest.charCodeAt(cut - 1);
      if (c >= 0xd800 && c <= 0xdbff) cut--;
    }
    const head = rest.slice(0, cut).trim();
    if (head) out.push(head);
    rest = rest.slice(cut).trim();
  }
  if (rest) out.push(rest);
  return out;
}

/**
 * Splits one paragraph (or a whole text) into trimmed sentences, none longer than MAX_SENTENCE_CHARS.
 */
export function splitSentences(text: string): string[] {
  const clean = text.replace(/\s+/g, " ").trim();
  // sbd throws on a text with no letter or digit at all (rules such as "------").
  if (!/[\p{L}\p{N}]/u.test(clean)) return [];
  const out: string[] = [];
  for (const raw of closingMarksPlaced(sbd.sentences(clean, OPTIONS).flatMap(afterBracket)).flatMap((r) =>
    capped(r.trim()),
  )) {
    const s = raw.trim();
    if (!s) continue;
    const prev = out[out.length - 1];
    // Joining sbd's misses back never makes a sentence over the cap (nor a chain of joins quadratic).
    if (prev !== undefined && prev.length + 1 + s.length <= MAX_SENTENCE_CHARS && continues(prev, s)) {
      // ("4 a.m. On Jan. 14" in text capitalised after every stop reads "4 a.m. on Jan. 14".)
      const next = TIME_OF_DAY.test(prev) && AFTER_TIME_OF_DAY.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
      out[out.length - 1] = `${prev} ${next}`;
      continue;
    }
    out.push(s);
  }
  return out;
}
