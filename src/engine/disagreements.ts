/**
 * "Where sources differ": conflicting figures or days that different sources give for the same thing.
 *
 * Two kinds of mention are extracted from sentences:
 * - quantities: numbers ("10,000", "$500m", "2.5 million", "around 300") and vague quantities
 *   ("tens of thousands of", "hundreds of"), each turned into a range and attached to the noun
 *   phrase they count ("North Korean labourers");
 * - days: weekdays attached to an event word ("the meeting ... on Thursday"), skipping the day a
 *   statement was made ("the Kremlin said Thursday").
 * Mentions about the same thing (same head noun or event, overlapping noun phrase, near-synonyms
 * folded together) from different sources whose values cannot both be true make a disagreement.
 */
import type { Claim, Disagreement } from "../model.ts";
import type { Sentence } from "../search/index.ts";
import { jaccard, nearIdentical } from "../text/similarity.ts";
import { canonicalStem } from "../text/synonyms.ts";
import { STOPWORDS, stem } from "../text/tokens.ts";

interface Mention {
  kind: "quantity" | "day";
  /** Canonical stems of what is counted / the event. */
  key: Set<string>;
  head: string;
  /** The words as written, for "about". */
  about: string;
  lo: number;
  hi: number;
  days: Set<string>;
  /** The figure or day as written ("around 10,000", "tens of thousands", "Thursday"). */
  value: string;
  sentence: Sentence;
  sourceId: string;
  /** What the sentence is about beyond the figure: its content stems, its proper names, its years. */
  context: Set<string>;
  names: Set<string>;
  years: Set<string>;
  /** Says what is expected, planned or forecast ("will cost", "expects"), not what happened. */
  forecast: boolean;
  /** "Thousands of", "millions of": an order of magnitude, not a figure anyone disputes. */
  vague?: boolean;
  /** The date of the mention's article (ISO), when known. */
  date?: string | null;
  /** Content stems of the figure's own clause (a few words either side, within punctuation). */
  local?: Set<string>;
}

const VAGUE: [RegExp, number, number][] = [
  [/^hundreds of millions$/i, 2e8, 999e6],
  [/^tens of millions$/i, 2e7, 99e6],
  [/^hundreds of thousands$/i, 2e5, 999_999],
  [/^tens of thousands$/i, 20_000, 99_999],
  // "Thousands of tourists" does not contradict "200,000 tourists": a plain plural is a lower bound.
  [/^millions$/i, 2e6, 2e9],
  [/^billions$/i, 2e9, 2e12],
  [/^thousands$/i, 2_000, 2e6],
  [/^hundreds$/i, 200, 2e5],
  [/^dozens$/i, 24, 2e4],
];

const MODIFIER =
  "about|around|nearly|almost|roughly|approximately|some|an estimated|estimated|over|more than|less than|fewer than|at least|up to|as many as|as much as|as few as|under|just over|just under";
const QUANTITY = new RegExp(
  `(?:\\b(${MODIFIER})\\s+)?(?:(hundreds of millions|tens of millions|hundreds of thousands|tens of thousands|millions|billions|thousands|hundreds|dozens)\\s+of\\b|(?:([$£€])\\s?)?(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?:\\s?(million|billion|trillion|thousand|bn|m|k)\\b)?(%|\\s?percent\\b|\\s?per cent\\b)?)`,
  "gi",
);

const MULT: Record<string, number> = {
  million: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  trillion: 1e12,
  thousand: 1e3,
  k: 1e3,
};

const MONTH_WORD = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$/i;
/** Nouns too general to identify a thing on their own. */
const GENERIC = new Set(
  [
    "year",
    "time",
    "day",
    "month",
    "week",
    "hour",
    "minute",
    "percent",
    "people",
    "person",
    "part",
    "number",
    "way",
    "per",
    "cent",
  ].map(stem),
);
const UNITS = new Set(
  [
    "tonne",
    "ton",
    "kilometer",
    "kilometre",
    "mile",
    "meter",
    "metre",
    "kilogram",
    "pound",
    "barrel",
    "acre",
    "hectare",
    "gallon",
    "litre",
    "liter",
    "foot",
    "feet",
    "km",
  ].map(stem),
);

/**
 * Lengths and areas in one unit before comparing: "30 feet" is 9.1 metres, "55 miles" 88.5 km. Each
 * spelling maps to [the unit it is counted in, the factor].
 */
const CONVERT = new Map<string, [string, number]>(
  (
    [
      ["foot", "metre", 0.3048],
      ["feet", "metre", 0.3048],
      ["meter", "metre", 1],
      ["metre", "metre", 1],
      ["mile", "kilometre", 1.609344],
      ["kilometer", "kilometre", 1],
      ["kilometre", "kilometre", 1],
      ["km", "kilometre", 1],
      ["acre", "hectare", 0.404686],
      ["hectare", "hectare", 1],
    ] as const
  ).flatMap(([w, to, f]) => [
    [stem(w), [stem(to), f]] as [string, [string, number]],
    [stem(`${w}s`), [stem(to), f]] as [string, [string, number]],
  ]),
);

/** The noun phrase's unit converted (feet → metres, miles → km), with the factor for its value. */
function normaliseUnit(key: Set<string>, head: string): { key: Set<string>; head: string; factor: number } {
  for (const k of key) {
    const c = CONVERT.get(k);
    if (!c) continue;
    const out = new Set([...key].map((x) => (x === k ? c[0] : x)));
    return { key: out, head: head === k ? c[0] : head, factor: c[1] };
  }
  return { key, head, factor: 1 };
}

const PERCENT = stem("percent");
/**
 * Share of content words two sentences giving a figure must have in common to be about the same fact
 * (npm run eval:disagreements: lower lets through figures of different things in the same story).
 */
const QUANTITY_OVERLAP = 0.2;
const CURRENCY_WORDS = new Set(
  ["dollar", "pound", "euro", "yen", "yuan", "rupe", "dlr", "ecu", "kronor"].map(stem),
);

const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const REPORTING = new Set([
  "said",
  "says",
  "say",
  "confirmed",
  "confirm",
  "announced",
  "announce",
  "reported",
  "report",
  "told",
  "published",
  "statement",
  "stated",
  "added",
  "wrote",
  "tweeted",
  "spokesman",
  "spokeswoman",
  "spokesperson",
]);
const EVENTS = new Set([
  "meet",
  "meeting",
  "meetings",
  "summit",
  "talks",
  "visit",
  "arrive",
  "arrives",
  "arrived",
  "arriving",
  "arrival",
  "depart",
  "departs",
  "departed",
  "departure",
  "vote",
  "voting",
  "election",
  "launch",
  "hearing",
  "trial",
  "match",
  "strike",
  "protest",
  "rally",
  "release",
  "ceremony",
  "speech",
  "debate",
  "conference",
  "session",
  "deadline",
  "opening",
  "funeral",
  "inauguration",
]);

interface Token {
  word: string;
  start: number;
  end: number;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*|[,;:()]/gu)) {
    out.push({
      word: m[0].replace(/[.’']+$/u, "").replace(/['’]s$/u, ""),
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return out;
}

function isContent(w: string): boolean {
  return /^\p{L}/u.test(w) && w.length > 1 && !STOPWORDS.has(w.toLowerCase());
}

/** Content words of the noun phrase right after a position (up to 4, stopping at a function word). */
function phraseAfter(toks: Token[], from: number): string[] {
  const out: string[] = [];
  for (let i = from; i < toks.length && out.length < 4; i++) {
    const w = toks[i]!.word;
    if (!isContent(w)) break;
    if (REPORTING.has(w.toLowerCase())) break;
    out.push(w);
  }
  return out;
}

function keyOf(wordsIn: string[]): Set<string> {
  return new Set(wordsIn.map((w) => canonicalStem(stem(w.toLowerCase()))));
}

const FORECAST =
  /\b(will|would|could|might|may|expects?|expected|expecting|forecasts?|forecast|predicts?|predicted|projected|plans?|planned|scheduled|aims?|targets?|hopes?|likely|set to|due to|estimated to)\b/i;
/** A day still to come: "will meet on Thursday", "is expected to take place … on Friday". */
const SCHEDULED =
  /\b(will|is to|are to|due to|expected to|scheduled|set to|to take place|to be held|next)\b/i;
const YEAR = /\b(1[89]\d{2}|20\d{2})\b|\b(last|this|next) (year|month|week)\b/gi;
/** A figure of a particular day relative to its article's date ("closed yesterday at $52"). */
const RELATIVE_DAY = /\b(yesterday|today|tonight|this (morning|afternoon|evening)|last night)\b/i;
const NOT_A_NAME =
  /^(The|A|An|In|On|At|But|And|It|He|She|They|We|This|That|Mr|Mrs|Ms|Dr|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;

/** The sentence's content stems (figures, units and reporting words left out), names and years. */
function contextOf(s: Sentence): Pick<Mention, "context" | "names" | "years" | "forecast"> {
  const context = new Set<string>();
  const names = new Set<string>();
  const toks = tokens(s.text);
  toks.forEach((t, i) => {
    const w = t.word;
    if (!isContent(w) || REPORTING.has(w.toLowerCase())) return;
    const st = canonicalStem(stem(w.toLowerCase()));
    if (UNITS.has(st) || CURRENCY_WORDS.has(st) || GENERIC.has(st)) return;
    context.add(st);
    if (i > 0 && /^\p{Lu}/u.test(w) && !NOT_A_NAME.test(w)) names.add(st);
  });
  const years = new Set([...s.text.matchAll(YEAR)].map((m) => m[0].toLowerCase()));
  return { context, names, years, forecast: FORECAST.test(s.text) };
}

/** "Tens of thousands of" → "tens of thousands"; "Around 10,000" → "around 10,000". */
function quantityValue(matched: string): string {
  return matched
    .trim()
    .replace(/\s+of$/i, "")
    .replace(/^[A-Z][a-z]/, (x) => x.toLowerCase());
}

/** "… bringing the total to 702": the running total an increment leads to. */
const TOTAL =
  /\b(?:bringing|brings|brought|raising|raises|raised|taking|takes|pushing|pushes)\s+(?:the|its|their)\s+(?:total|tally|toll|number)\s+(?:\w+\s+){0,2}to\s+((?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s?(?:million|billion|thousand))?)/i;
/** Words after a figure that make it a part of a larger count ("among", "in the latest", "of whom"). */
const PART = /\b(among|in the latest|in the last|of whom|of them|in the first|in the second)\b/i;

/** The rest of the figure's clause (to the next comma, semicolon, colon or bracket). */
function clauseAfter(text: string, from: number): string {
  const rest = text.slice(from);
  const end = rest.search(/[,;:()]|\s--\s|\s_\s/);
  return end >= 0 ? rest.slice(0, end) : rest;
}

/** Content stems within `span` tokens of [from, to) that stay inside the figure's clause. */
function localStems(toks: Token[], from: number, to: number, span = 6): Set<string> {
  const out = new Set<string>();
  const walk = (i: number, step: number) => {
    for (let n = 0; i >= 0 && i < toks.length && n < span; i += step, n++) {
      const w = toks[i]!.word;
      if (/^[,;:()]$/.test(w)) break;
      if (!isContent(w) || REPORTING.has(w.toLowerCase())) continue;
      const st = canonicalStem(stem(w.toLowerCase()));
      if (UNITS.has(st) || CURRENCY_WORDS.has(st) || GENERIC.has(st)) continue;
      out.add(st);
    }
  };
  walk(from - 1, -1);
  walk(to, 1);
  return out;
}

function quantityMentions(s: Sentence, sourceId: string): Mention[] {
  const out: Mention[] = [];
  const text = s.text;
  const toks = tokens(text);
  for (const m of text.matchAll(QUANTITY)) {
    const [, modifier, vague, currency, digits, multWord, percent] = m;
    let totalValue: string | null = null;
    let lo: number;
    let hi: number;
    if (vague) {
      const v = VAGUE.find(([re]) => re.test(vague));
      if (!v) continue;
      [, lo, hi] = v;
    } else {
      if (!digits) continue;
      let x = Number(digits.replace(/,/g, "")) * (multWord ? (MULT[multWord.toLowerCase()] ?? 1) : 1);
      if (!Number.isFinite(x)) continue;
      // Years, days of months, times of day and ordinals are not counts.
      const isYear = !currency && !multWord && !percent && !digits.includes(",") && x >= 1900 && x <= 2100;
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
      if (isYear) continue;
      if (/\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$/i.test(before)) continue;
      if (/^\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i.test(after)) continue;
      if (/^(st|nd|rd|th)\b|^\s*(a\.?m\.?|p\.?m\.?|gmt|bst|o'clock)|^:\d/i.test(after)) continue;
      if (/[\p{L}-]$/u.test(before)) continue;
      if (x === 0) continue;
      // Clock times ("12:02") and changes ("from 2,500 to 1,800 feet") are not amounts of a thing.
      if (/\d:$/.test(before) || /\bfrom\s+$/i.test(before) || /^\s+to\s+\d/.test(after)) continue;
      if (/\d\s+to\s+$/i.test(before)) continue;
      // "four out of 45 states", "45 of the 50 states": a share, not a count of the thing.
      if (/\b(out of|of the|of all)\s+$/i.test(before) || /^\s+(out of|of the|of all)\s+\d/i.test(after))
        continue;
      // "another 187 members", "a further 20 troops": an increment, not the count itself — unless
      // the sentence gives the new total ("bringing the total to 702").
      if (/\b(another|a further|an additional|additional)\s+$/i.test(text.slice(0, m.index))) {
        if (!TOTAL.test(text.slice(m.index))) continue;
      }
      // "129 MPs … in the latest sweep", "194 MPs are among the arrested": a part of a count.
      if (PART.test(clauseAfter(text, m.index + m[0].length))) continue;
      // "3G", "Xbox 2", "Orbiter 3": part of a name, not a count.
      if (/^[\p{L}{/]|^ \d+\/\d/u.test(text.slice(m.index + m[0].length))) continue;
      if (!currency && !multWord && !percent && /\p{Lu}[\p{L}]*\s$/u.test(before) && x < 100) continue;
      // "$1.13bn (£600m)": a conversion in brackets repeats the figure before it.
      if (/\(\s*(about |around |nearly |some )?$|;\s*$/.test(before)) continue;
      let mod = (modifier ?? "").toLowerCase();
      const total = /\b(another|a further|an additional|additional)\s+$/i.test(text.slice(0, m.index))
        ? TOTAL.exec(text.slice(m.index))
        : null;
      if (total) {
        const t = /^([\d,.]+)\s?(million|billion|thousand)?/i.exec(total[1]!)!;
        x = Number(t[1]!.replace(/,/g, "")) * (t[2] ? (MULT[t[2].toLowerCase()] ?? 1) : 1);
        totalValue = total[1]!;
        mod = "";
      }
      if (
        /^(about|around|nearly|almost|roughly|approximately|some|an estimated|estimated|just over|just under)$/.test(
          mod,
        )
      ) {
        lo = x * 0.8;
        hi = x * 1.2;
      } else if (/^(over|more than|at least)$/.test(mod)) {
        lo = x;
        hi = x * 5;
      } else if (/^(less than|fewer than|up to|as many as|as much as|under|as few as)$/.test(mod)) {
        lo = x * 0.2;
        hi = x;
      } else {
        lo = x * 0.98;
        hi = x * 1.02;
      }
    }
    const endTok = toks.findIndex((t) => t.start >= m.index + m[0].length);
    const startTok = toks.findIndex((t) => t.end > m.index);
    let phrase = endTok >= 0 ? phraseAfter(toks, endTok) : [];
    // "2,000 tonnes of wheat": a unit counts what follows "of".
    const lastStem = phrase.length > 0 ? stem(phrase[phrase.length - 1]!.toLowerCase()) : "";
    if (phrase.length > 0 && phrase.length <= 2 && UNITS.has(lastStem) && endTok >= 0) {
      const ofAt = endTok + phrase.length;
      if (toks[ofAt]?.word.toLowerCase() === "of") phrase = [...phrase, ...phraseAfter(toks, ofAt + 1)];
    }
    if (currency) phrase = [currency === "$" ? "dollars" : currency === "£" ? "pounds" : "euros", ...phrase];
    if (percent) {
      // "sales rose 2%": what the percentage is of comes before it.
      const prev = toks
        .slice(Math.max(0, startTok - 4), Math.max(0, startTok))
        .filter((t) => isContent(t.word));
      phrase = ["percent", ...prev.map((t) => t.word)];
    }
    if (phrase.length === 0) continue;
    const unit = normaliseUnit(keyOf(phrase), canonicalStem(stem(phrase[phrase.length - 1]!.toLowerCase())));
    const { key, head } = unit;
    lo *= unit.factor;
    hi *= unit.factor;
    // A converted figure is rounded in one unit or the other ("35 feet (10 meters)"): allow a tenth.
    if (unit.factor !== 1) {
      const mid = (lo + hi) / 2;
      lo = Math.min(lo, mid * 0.9);
      hi = Math.max(hi, mid * 1.1);
    }
    if (GENERIC.has(head) && key.size < 2) continue;
    if (phrase.every((w) => MONTH_WORD.test(w))) continue;
    out.push({
      kind: "quantity",
      key,
      head,
      about: phrase.join(" "),
      lo,
      hi,
      days: new Set(),
      value: totalValue ? `total ${totalValue}` : quantityValue(m[0]),
      sentence: s,
      sourceId,
      ...contextOf(s),
      vague: Boolean(vague) && !/\bof\b/i.test(vague ?? ""),
      local: localStems(toks, startTok, endTok >= 0 ? endTok + phrase.length : toks.length),
    });
  }
  return out;
}

function dayMentions(s: Sentence, sourceId: string): Mention[] {
  const toks = tokens(s.text);
  const out: Mention[] = [];
  for (let i = 0; i < toks.length; i++) {
    const w = toks[i]!.word.toLowerCase();
    if (!WEEKDAYS.includes(w)) continue;
    // Collect "Wednesday or Friday".
    const days = new Set([w]);
    let j = i + 1;
    while (
      j + 1 < toks.length &&
      /^(or|and|,)$/i.test(toks[j]!.word) &&
      WEEKDAYS.includes(toks[j + 1]!.word.toLowerCase())
    ) {
      days.add(toks[j + 1]!.word.toLowerCase());
      j += 2;
    }
    const before = toks.slice(Math.max(0, i - 4), i).map((t) => t.word.toLowerCase());
    const after = toks.slice(j, j + 2).map((t) => t.word.toLowerCase());
    if (before.some((b) => REPORTING.has(b)) || after.some((a) => REPORTING.has(a))) {
      i = j - 1;
      continue;
    }
    // The day must be attached to its event word. A day after a preposition ("talks on Friday", "the
    // visit next Tuesday", "meet … probably on Wednesday") belongs to the clause's event; a bare day
    // ("his address Monday", "exchanged accusations Sunday") belongs to the word right before it.
    let event: string | null = null;
    let p = i - 1;
    while (p >= 0 && /^(late|early|probably|possibly|likely)$/i.test(toks[p]!.word)) p--;
    const prep = p >= 0 && /^(on|next|this|until|till|by|for|from|before|after)$/i.test(toks[p]!.word);
    if (toks[j] && EVENTS.has(toks[j]!.word.toLowerCase())) event = toks[j]!.word.toLowerCase();
    else if (!prep) {
      const t = p >= 0 ? toks[p]!.word.toLowerCase() : "";
      if (EVENTS.has(t)) event = t;
    } else
      for (let k = p - 1; k >= Math.max(0, i - 20); k--) {
        const t = toks[k]!.word.toLowerCase();
        if (WEEKDAYS.includes(t) || t === ";") break;
        if (EVENTS.has(t)) {
          event = t;
          break;
        }
      }
    if (event) {
      const head = canonicalStem(stem(event));
      out.push({
        kind: "day",
        key: new Set([head]),
        head,
        about: event,
        lo: 0,
        hi: 0,
        days,
        value: [...days].map((d) => d[0]!.toUpperCase() + d.slice(1)).join(" or "),
        sentence: s,
        sourceId,
        ...contextOf(s),
      });
    }
    i = j - 1;
  }
  return out;
}

/**
 * Two mentions are of the same quantity of the same thing at the same time: the same measure (head
 * noun or event, overlapping noun phrase), the same subject (they share the proper names when both
 * name any, and at least two other content words), not a forecast against an outcome, not different
 * years.
 */
function sameThing(a: Mention, b: Mention): boolean {
  if (a.kind !== b.kind || a.head !== b.head) return false;
  // "Yesterday" in reports of different dates is not the same day.
  if (
    a.date &&
    b.date &&
    a.date !== b.date &&
    (RELATIVE_DAY.test(a.sentence.text) || RELATIVE_DAY.test(b.sentence.text))
  )
    return false;
  // A bare plural ("millions of fans", "thousands of") is a lower bound, not a figure to dispute.
  if (a.vague || b.vague) return false;
  // The figure's own clause must be about the same thing: at least one word beside the figure, other
  // than what it counts, in common ("20 states have sued Microsoft" / "19 states that sued Microsoft";
  // not "3,500 troops deployed for an assault" / "a plane with 40 troops").
  if (a.local && b.local) {
    let near = 0;
    for (const st of a.local) if (b.local.has(st) && !a.key.has(st)) near++;
    if (near === 0) return false;
  }
  if (a.kind === "quantity" && jaccard(a.key, b.key) < 0.4) return false;
  // A figure that only says its unit ("$1.5bn", "3%") must be about the same words around it.
  if (a.forecast !== b.forecast) return false;
  if (a.years.size > 0 && b.years.size > 0 && ![...a.years].some((y) => b.years.has(y))) return false;
  if (a.names.size > 0 && b.names.size > 0 && ![...a.names].some((n) => b.names.has(n))) return false;
  // A figure that names only its unit ("$1.5bn", "3%", "8 mph"): the two sentences must be about the
  // same thing in most of their words.
  const unitOnly = [...a.key].every((k) => UNITS.has(k) || CURRENCY_WORDS.has(k) || k === PERCENT);
  if (unitOnly && jaccard(a.context, b.context) < 0.25) return false;
  // Any figure: the two sentences report the same fact, so they share a good part of their words.
  if (a.kind === "quantity" && jaccard(a.context, b.context) < QUANTITY_OVERLAP) return false;
  // An event day: a day still to come in both reports (days of past events are of different events
  // far more often than disputed), both naming who or where, sharing a name.
  if (a.kind === "day") {
    if (!SCHEDULED.test(a.sentence.text) || !SCHEDULED.test(b.sentence.text)) return false;
    if (a.names.size === 0 || b.names.size === 0 || jaccard(a.context, b.context) < 0.08) return false;
  }
  let shared = 0;
  for (const st of a.context) if (b.context.has(st) && !a.key.has(st)) shared++;
  // An event day or a noun phrase of its own ("North Korean labourers") needs one more shared word;
  // a figure that only names its unit ("$1.5bn", "3%") needs three.
  const needed = a.kind === "day" || (a.key.size >= 2 && b.key.size >= 2) ? 1 : 3;
  return shared >= needed;
}

function compatible(a: Mention, b: Mention): boolean {
  if (a.kind === "day") {
    for (const d of a.days) if (b.days.has(d)) return true;
    return false;
  }
  return a.lo <= b.hi && b.lo <= a.hi;
}

/** Event words as the noun a reader expects after "day of the". */
const EVENT_NOUN: Record<string, string> = {
  meet: "meeting",
  meetings: "meeting",
  arrive: "arrival",
  arrives: "arrival",
  arrived: "arrival",
  arriving: "arrival",
  depart: "departure",
  departs: "departure",
  departed: "departure",
  voting: "vote",
};

function describe(m: Mention): string {
  if (m.kind === "day") {
    const event = m.about.toLowerCase();
    return `Day of the ${EVENT_NOUN[event] ?? event}`;
  }
  return `Number of ${m.about}`;
}

/** A claim with the figures or days it gives, as written. */
export interface ValuedClaim extends Claim {
  values: string[];
  /** Claims with the same side give values that can all be true together. */
  side: number;
  date?: string;
  later?: boolean;
}

/** A disagreement whose claims carry their values (for saying plainly what the sources give). */
export interface Conflict {
  kind: "quantity" | "day";
  about: string;
  claims: ValuedClaim[];
}

function claimOf(group: Mention[], side: number): ValuedClaim[] {
  const claims: {
    text: string;
    stems: Set<string>;
    sources: string[];
    values: string[];
    dates: (string | null)[];
  }[] = [];
  for (const m of group) {
    const same = claims.find((c) => nearIdentical(c.stems, m.sentence.stems));
    if (same) {
      if (!same.sources.includes(m.sourceId)) same.sources.push(m.sourceId);
      if (!same.values.includes(m.value)) same.values.push(m.value);
      same.dates.push(m.date ?? null);
    } else
      claims.push({
        text: m.sentence.text,
        stems: m.sentence.stems,
        sources: [m.sourceId],
        values: [m.value],
        dates: [m.date ?? null],
      });
  }
  return claims.map((c) => {
    const date = c.dates.every((d) => d) ? (c.dates as string[]).sort().at(-1) : undefined;
    return { text: c.text, sources: c.sources, values: c.values, side, ...(date ? { date } : {}) };
  });
}

/**
 * Marks the side whose reports are all later than every other side's (a settled "Thursday" after
 * "probably Wednesday or Friday"): dates compared as ISO days, every claim must have one.
 */
function markLater(claims: ValuedClaim[]): ValuedClaim[] {
  if (claims.length < 2 || claims.some((c) => !c.date)) return claims;
  const sides = [...new Set(claims.map((c) => c.side))];
  const newest = (s: number) =>
    claims
      .filter((c) => c.side === s)
      .map((c) => c.date!)
      .sort()
      .at(-1)!;
  const oldest = (s: number) =>
    claims
      .filter((c) => c.side === s)
      .map((c) => c.date!)
      .sort()[0]!;
  for (const s of sides) {
    const others = sides.filter((o) => o !== s);
    if (others.length > 0 && others.every((o) => newest(o) < oldest(s)))
      return claims.map((c) => (c.side === s ? { ...c, later: true } : c));
  }
  return claims;
}

/**
 * Finds disagreements among the sentences of several sources. `sourceOf` maps a sentence's article
 * index to its source id. At most `max` disagreements, those with the most sources first.
 */
export function findDisagreements(
  sentences: Sentence[],
  sourceOf: (article: number) => string,
  max = 3,
  dateOf?: (article: number) => string | null,
): Disagreement[] {
  return findConflicts(sentences, sourceOf, max, dateOf).map((c) => ({
    about: c.about,
    claims: c.claims.map((x) => ({
      text: x.text,
      sources: x.sources,
      values: x.values,
      side: x.side,
      ...(x.date ? { date: x.date } : {}),
      ...(x.later ? { later: true } : {}),
    })),
  }));
}

/** `findDisagreements` with each claim's figures or days as written, and the kind of disagreement. */
export function findConflicts(
  sentences: Sentence[],
  sourceOf: (article: number) => string,
  max = 3,
  dateOf?: (article: number) => string | null,
): Conflict[] {
  const mentions: Mention[] = [];
  for (const s of sentences) {
    const id = sourceOf(s.article);
    const date = dateOf?.(s.article) ?? null;
    for (const m of [...quantityMentions(s, id), ...dayMentions(s, id)]) mentions.push({ ...m, date });
  }
  const used = new Set<Mention>();
  const found: { d: Conflict; weight: number }[] = [];
  for (const m of mentions) {
    if (used.has(m)) continue;
    const cluster = mentions.filter((o) => !used.has(o) && sameThing(m, o));
    for (const o of cluster) used.add(o);
    if (new Set(cluster.map((c) => c.sourceId)).size < 2) continue;
    // Group the values that can all be true together.
    const groups: Mention[][] = [];
    for (const c of cluster) {
      const g = groups.find((gr) => gr.every((x) => compatible(x, c)));
      if (g) g.push(c);
      else groups.push([c]);
    }
    if (groups.length < 2) continue;
    // A source that gives several incompatible values (then and now, say) is not taking a side.
    const sidesOf = new Map<string, number>();
    for (const g of groups)
      for (const id of new Set(g.map((x) => x.sourceId))) sidesOf.set(id, (sidesOf.get(id) ?? 0) + 1);
    const sides = groups
      .map((g) => g.filter((x) => sidesOf.get(x.sourceId) === 1))
      .filter((g) => g.length > 0);
    if (sides.length < 2) continue;
    const sourcesInvolved = new Set(sides.flatMap((g) => g.map((x) => x.sourceId)));
    if (sourcesInvolved.size < 2) continue;
    sides.sort((a, b) => new Set(b.map((x) => x.sourceId)).size - new Set(a.map((x) => x.sourceId)).size);
    // One sentence per source and side is enough to show where it stands.
    const claims = sides
      .map((g) => g.filter((x, i) => g.findIndex((y) => y.sourceId === x.sourceId) === i))
      .flatMap((g, side) => claimOf(g, side))
      .slice(0, 4);
    const dated = markLater(claims);
    found.push({
      d: { kind: m.kind, about: describe(sides[0]![0]!), claims: dated },
      weight: sourcesInvolved.size,
    });
  }
  return found
    .sort((a, b) => b.weight - a.weight)
    .slice(0, max)
    .map((f) => f.d);
}
