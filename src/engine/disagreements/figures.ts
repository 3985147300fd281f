/**
 * Quantities in a sentence: numbers ("10,000", "$500m", "2.5 million", "around 300") and vague quantities
 * ("tens of thousands of"), each turned into a range and attached to the noun phrase it counts.
 */
import type { Sentence } from "../../search/index.ts";
import { canonicalStem } from "../../text/synonyms.ts";
import { stem } from "../../text/tokens.ts";
import {
  CURRENCY_WORDS,
  contextOf,
  GENERIC,
  isContent,
  keyOf,
  type Mention,
  MONTH_WORD,
  phraseAfter,
  REPORTING,
  type Token,
  tokens,
  UNITS,
} from "./mention.ts";
import { MULT, normaliseUnit } from "./units.ts";

export const VAGUE: [RegExp, number, number][] = [
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

export const MODIFIER =
  "about|around|nearly|almost|roughly|approximately|some|an estimated|estimated|over|more than|less than|fewer than|at least|up to|as many as|as much as|as few as|under|just over|just under";
export const QUANTITY = new RegExp(
  `(?:\\b(${MODIFIER})\\s+)?(?:(hundreds of millions|tens of millions|hundreds of thousands|tens of thousands|millions|billions|thousands|hundreds|dozens)\\s+of\\b|(?:([$£€])\\s?)?(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?:\\s?(million|billion|trillion|thousand|bn|m|k)\\b)?(%|\\s?percent\\b|\\s?per cent\\b)?)`,
  "gi",
);

/** "Tens of thousands of" → "tens of thousands"; "Around 10,000" → "around 10,000". */
export function quantityValue(matched: string): string {
  return matched
    .trim()
    .replace(/\s+of$/i, "")
    .replace(/^[A-Z][a-z]/, (x) => x.toLowerCase());
}

/** "… bringing the total to 702": the running total an increment leads to. */
export const TOTAL =
  /\b(?:bringing|brings|brought|raising|raises|raised|taking|takes|pushing|pushes)\s+(?:the|its|their)\s+(?:total|tally|toll|number)\s+(?:\w+\s+){0,2}to\s+((?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s?(?:million|billion|thousand))?)/i;
/** Words after a figure that make it a part of a larger count ("among", "in the latest", "of whom"). */
export const PART = /\b(among|in the latest|in the last|of whom|of them|in the first|in the second)\b/i;

/** The rest of the figure's clause (to the next comma, semicolon, colon or bracket). */
export function clauseAfter(text: string, from: number): string {
  const rest = text.slice(from);
  const end = rest.search(/[,;:()]|\s--\s|\s_\s/);
  return end >= 0 ? rest.slice(0, end) : rest;
}

/** Content stems within `span` tokens of [from, to) that stay inside the figure's clause. */
export function localStems(toks: Token[], from: number, to: number, span = 6): Set<string> {
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

export function quantityMentions(s: Sentence, sourceId: string): Mention[] {
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
