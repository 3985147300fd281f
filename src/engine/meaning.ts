/**
 * A question's words matched by meaning as well as by form: each content word (not a name) is widened
 * with the other words of its most frequent WordNet sense, as a verb and as a noun ("stepped down" →
 * "resign", "disrupted" → "interrupt", "tournament" → "tourney"), when the articles use them. They
 * count as near-synonyms do (points.ts relevance: 0.7 of the word's weight). A country the question
 * names is matched by its other names too ("United Kingdom" → "UK", "Britain").
 */
import type { Concept, CorpusIndex } from "../search/index.ts";
import { termStems } from "../search/index.ts";
import { STOPWORDS } from "../text/tokens.ts";
import { countryNames, synonyms } from "../text/wordnet.ts";

/** Particles that make a phrasal verb with the word before them ("step down", "bring in"). */
const PARTICLE = /^(down|up|out|off|in|on|over|back|away|through)$/;

/**
 * A synonym more common in the articles than this many times the word's own count is too general to
 * stand for it ("go" for "travel", "make" for "earn").
 */
const COMMONER = 3;

/** The question's concepts with their WordNet synonyms (present in the index) added as related stems. */
export function widenByMeaning(index: CorpusIndex, question: string, concepts: Concept[]): Concept[] {
  const ws = question.split(/\s+/).map((w) => w.replace(/^[("“‘'[]+|[,;:.!?"”’')\]]+$/gu, ""));
  return concepts.map((c) => {
    // Names are not widened ("Apple" is no fruit here).
    const i = ws.findIndex((w) => w.toLowerCase() === c.surface);
    if (i < 0 || !/^\p{Ll}/u.test(ws[i]!)) return c;
    const next = ws[i + 1]?.toLowerCase() ?? "";
    const words = [
      ...(PARTICLE.test(next) ? synonyms(`${c.surface}_${next}`, "verb") : []),
      ...synonyms(c.surface, "verb"),
      ...synonyms(c.surface, "noun"),
    ];
    const own = Math.max(1, index.docFreq(c.stem));
    const extra = new Set<string>();
    for (const w of words) {
      if (w.includes(" ") || w.length < 4 || STOPWORDS.has(w)) continue;
      for (const st of termStems(w)) {
        if (st === c.stem || c.related.includes(st)) continue;
        const df = index.docFreq(st);
        if (df > 0 && df <= COMMONER * own) extra.add(st);
      }
    }
    return extra.size > 0 ? { ...c, related: [...c.related, ...extra] } : c;
  });
}

/** The longest name of words in a row a country's name is looked up for ("Democratic Republic of the Congo"). */
const MAX_NAME_WORDS = 6;

/**
 * The question's concepts with the other names of each country it names (wordnet.ts countryNames:
 * "United Kingdom" → "UK", "Britain"; "Burma" → "Myanmar"), when the articles use them and not the
 * name as the question writes it (a word of it no article uses): a country is one thing however it is
 * written, so its name is one concept, its last word's, with the other names as related stems (a
 * sentence saying "Britain" matches it as a near-synonym would; the name's other words, "United", are
 * no longer asked for on their own).
 */
export function widenByCountryName(index: CorpusIndex, question: string, concepts: Concept[]): Concept[] {
  const ws = question
    .split(/\s+/)
    .map((w) => w.replace(/^[("“‘'[]+|[,;:.!?"”’')\]]+$/gu, "").replace(/['’]s$/u, ""));
  const extra = new Map<string, Set<string>>();
  const inner = new Set<string>();
  for (let i = 0; i < ws.length; i++) {
    if (!/^\p{Lu}/u.test(ws[i]!)) continue;
    for (let n = 1; n <= MAX_NAME_WORDS && i + n <= ws.length; n++) {
      const name = ws.slice(i, i + n);
      // (Inner words of a name may be small ones: "Republic of the Congo"; its last is a name's.)
      if (!/^\p{Lu}/u.test(name.at(-1)!)) continue;
      // (Only a name the articles don't write: a word of it no article uses.)
      const own = name.flatMap((w) => termStems(w));
      if (own.length === 0 || own.every((st) => index.docFreq(st) > 0)) continue;
      const others = countryNames(name.join(" "));
      const stems = others.flatMap((o) => termStems(o)).filter((st) => index.docFreq(st) > 0);
      if (stems.length === 0) continue;
      const head = own.at(-1)!;
      for (const st of own.slice(0, -1)) inner.add(st);
      const set = extra.get(head) ?? new Set<string>();
      for (const x of stems) if (x !== head) set.add(x);
      extra.set(head, set);
    }
  }
  if (extra.size === 0) return concepts;
  return concepts
    .filter((c) => extra.has(c.stem) || !inner.has(c.stem))
    .map((c) => {
      const add = [...(extra.get(c.stem) ?? [])].filter((x) => !c.related.includes(x));
      return add.length > 0 ? { ...c, related: [...c.related, ...add] } : c;
    });
}
