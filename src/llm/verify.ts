/**
 * The citation check every LLM-written sentence must pass before it can be posted.
 *
 * A sentence (point, headline, story title, answer) is SUPPORTED by the passages it cites when:
 *  1. it cites at least one passage, and every cited number is a passage that was shown to the model;
 *  2. figures: every number in it ("10,000", "2019", "1.5", "25th", and number words "three",
 *     "hundred", "million" …) appears in a cited passage, as digits or as the same number word
 *     ("three" ≡ "3"; thousands separators ignored);
 *  3. names: every capitalised word appears in a cited passage (case-insensitive, British/American
 *     spelling folded, possessive 's dropped; a demonym may differ from the name by a suffix of at
 *     most 3 letters, e.g. Russia/Russian, Korea/Koreans). A sentence's first word is exempt only
 *     when it is a stopword or occurs in lower case somewhere in the evidence (an ordinary word
 *     like "Analysts"), so a made-up name cannot hide at the start of a sentence;
 *  4. quoted phrases ("…", “…”) appear verbatim in one cited passage (case, whitespace and quote
 *     style aside);
 *  5. content overlap: at least `minOverlap` (default 0.5) of its distinct content-word stems occur
 *     in the cited passages;
 *  6. it is non-empty and at most `maxChars` characters.
 */
import type { Passage } from "../model.ts";
import { NUMBER_WORDS, SCALE_WORDS } from "../text/numberWords.ts";
import { americanize, contentStems, STOPWORDS } from "../text/tokens.ts";

export interface VerifyRule {
  minOverlap: number;
  maxChars: number;
}

export const DEFAULT_RULE: VerifyRule = { minOverlap: 0.5, maxChars: 400 };

export type Verdict = { ok: true; passages: Passage[] } | { ok: false; reason: string };

const WORD_VALUES: Readonly<Record<string, number>> = { ...NUMBER_WORDS, ...SCALE_WORDS };

const DIGITS = /\d+(?:[.,]\d+)*/g;

/** The figures in a text, normalised: "10,000" → "10000", "three" → "3", "1.50" → "1.5". */
export function figures(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(DIGITS)) {
    let f = m[0];
    // "10,000" and "1,500,000" are thousands separators; "3,5" (European decimal) is not expected in English news.
    if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(f)) f = f.replace(/,/g, "");
    else if (f.includes(",")) {
      // a list like "2,3" or a stray comma: keep the parts as separate figures
      out.push(...f.split(",").filter((x) => x !== ""));
      continue;
    }
    if (f.includes(".")) f = f.replace(/\.?0+$/, "") || "0";
    out.push(f.replace(/^0+(?=\d)/, ""));
  }
  for (const m of text.toLowerCase().matchAll(/\p{L}+/gu)) {
    const v = WORD_VALUES[m[0]];
    if (v !== undefined) out.push(String(v));
  }
  return out;
}

interface Token {
  text: string;
  /** First word of the text or of a sentence / quotation / bracket. */
  initial: boolean;
}

/** Case-preserving word tokens, with possessives dropped; hyphenated words are split. */
function tokens(text: string): Token[] {
  const out: Token[] = [];
  let initial = true;
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’]\p{L}+)?|[.!?:;"“”([—–]/gu)) {
    const t = m[0];
    if (/^[.!?:;"“”([—–]$/u.test(t)) {
      initial = true;
      continue;
    }
    out.push({ text: t.replace(/['’](s|re|ll|ve|d|t)$/iu, ""), initial });
    initial = false;
  }
  return out;
}

function fold(word: string): string {
  return americanize(word.toLowerCase().replace(/['’](s|re|ll|ve|d|t)$/u, ""));
}

function wordSet(text: string): Set<string> {
  const s = new Set<string>();
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu)) s.add(fold(m[0]));
  return s;
}

function nameSupported(name: string, support: Set<string>): boolean {
  if (support.has(name)) return true;
  for (const w of support) {
    const [short, long] = w.length <= name.length ? [w, name] : [name, w];
    if (short.length >= 4 && long.length - short.length <= 3 && long.startsWith(short)) return true;
  }
  return false;
}

function normaliseQuote(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, " ")
    .replace(/^[\s.,;:!?'"-]+|[\s.,;:!?'"-]+$/g, "");
}

/** Phrases in double quotes (straight or curly) or curly single quotes of at least two words. */
export function quotedPhrases(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/"([^"]+)"|“([^”]+)”|‘([^’]+\s[^’]+)’/g)) {
    const q = normaliseQuote(m[1] ?? m[2] ?? m[3] ?? "");
    if (q !== "") out.push(q);
  }
  return out;
}

/** Lower-case words that occur in lower case somewhere in the evidence (ordinary words, not names). */
export function lowercaseVocabulary(passages: readonly Passage[]): Set<string> {
  const s = new Set<string>();
  for (const p of passages) {
    for (const m of p.text.matchAll(/(?<![\p{L}\p{N}])\p{Ll}[\p{L}]*/gu)) s.add(fold(m[0]));
  }
  return s;
}

/**
 * Checks one sentence against the passages it cites. `shown` maps each passage number that was
 * shown to the model; `vocabulary` is lowercaseVocabulary() of the shown passages.
 */
export function verifyCited(
  text: string,
  cited: readonly number[],
  shown: ReadonlyMap<number, Passage>,
  vocabulary: ReadonlySet<string>,
  rule: VerifyRule = DEFAULT_RULE,
): Verdict {
  const t = text.trim();
  if (t === "") return { ok: false, reason: "empty text" };
  if (t.length > rule.maxChars) return { ok: false, reason: `longer than ${rule.maxChars} characters` };
  if (cited.length === 0) return { ok: false, reason: "cites no passage" };
  const passages: Passage[] = [];
  for (const n of new Set(cited)) {
    const p = Number.isInteger(n) ? shown.get(n) : undefined;
    if (!p) return { ok: false, reason: `cites passage ${n}, which does not exist` };
    passages.push(p);
  }
  const support = passages.map((p) => p.text).join("\n");

  const supportFigures = new Set(figures(support));
  for (const f of figures(t)) {
    if (!supportFigures.has(f)) return { ok: false, reason: `figure ${f} is in no cited passage` };
  }

  const supportWords = wordSet(support);
  for (const tok of tokens(t)) {
    if (!/^\p{Lu}/u.test(tok.text) || tok.text.length < 2) continue;
    const w = fold(tok.text);
    if (/^\d/.test(w)) continue;
    if (tok.initial && (STOPWORDS.has(w) || vocabulary.has(w))) continue;
    if (!nameSupported(w, supportWords))
      return { ok: false, reason: `name "${tok.text}" is in no cited passage` };
  }

  const passageQuotes = passages.map((p) => normaliseQuote(p.text));
  for (const q of quotedPhrases(t)) {
    if (!passageQuotes.some((p) => p.includes(q))) {
      return { ok: false, reason: `quotation "${q}" is in no cited passage` };
    }
  }

  const stems = [...new Set(contentStems(t))];
  if (stems.length === 0) return { ok: false, reason: "no content words" };
  const supportStems = new Set(contentStems(support));
  const overlap = stems.filter((s) => supportStems.has(s)).length / stems.length;
  if (overlap < rule.minOverlap) {
    return {
      ok: false,
      reason: `only ${Math.round(overlap * 100)}% of its content words are in the cited passages`,
    };
  }
  return { ok: true, passages };
}
