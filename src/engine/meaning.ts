/**
 * A question's words matched by meaning as well as by form: each content word (not a name) is widened
 * with the other words of its most frequent WordNet sense, as a verb and as a noun ("stepped down" →
 * "resign", "disrupted" → "interrupt", "tournament" → "tourney"), when the articles use them. They
 * count as near-synonyms do (points.ts relevance: 0.7 of the word's weight).
 */
import type { Concept, CorpusIndex } from "../search/index.ts";
import { termStems } from "../search/index.ts";
import { STOPWORDS } from "../text/tokens.ts";
import { synonyms } from "../text/wordnet.ts";

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
