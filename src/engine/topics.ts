/**
 * Topic suggestions for autocomplete: the corpus's frequent names ("North Korea", "Vladimir Putin")
 * and content words, ranked by how many articles use them.
 */
import type { Article } from "../model.ts";
import { STOPWORDS } from "../text/tokens.ts";

const NAME = /\b(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3})\b/gu;
const WORD = /\b\p{L}[\p{L}'’-]{3,}\b/gu;
const LEADING = new Set([
  "the",
  "a",
  "an",
  "in",
  "on",
  "at",
  "for",
  "but",
  "and",
  "as",
  "when",
  "after",
  "since",
  "while",
]);

export class TopicSuggester {
  private phrases: string[] | null = null;
  private readonly articles: readonly Article[];

  constructor(articles: readonly Article[]) {
    this.articles = articles;
  }

  private build(): { phrase: string; df: number }[] {
    const df = new Map<string, { phrase: string; n: number; forms: Map<string, number> }>();
    const bump = (phrase: string, seen: Set<string>) => {
      const key = phrase.toLowerCase();
      let e = df.get(key);
      if (!e) {
        e = { phrase, n: 0, forms: new Map() };
        df.set(key, e);
      }
      // Shown in its most used spelling ("Vladivostok", "sanctions").
      const f = (e.forms.get(phrase) ?? 0) + 1;
      e.forms.set(phrase, f);
      if (f > (e.forms.get(e.phrase) ?? 0)) e.phrase = phrase;
      if (seen.has(key)) return;
      seen.add(key);
      e.n++;
    };
    // A sample is enough to know what a large corpus is about.
    const step = Math.max(1, Math.floor(this.articles.length / 5000));
    for (let i = 0; i < this.articles.length; i += step) {
      const a = this.articles[i]!;
      const text = [a.title, ...a.paragraphs.slice(0, 4)].join("\n");
      const seen = new Set<string>();
      for (const m of text.matchAll(NAME)) {
        const parts = m[1]!.replace(/['’]s$/u, "").split(/\s+/);
        while (parts.length > 0 && LEADING.has(parts[0]!.toLowerCase())) parts.shift();
        if (parts.length >= 2) bump(parts.join(" "), seen);
      }
      for (const m of text.matchAll(WORD)) {
        const w = m[0].replace(/['’]s$/u, "");
        if (!STOPWORDS.has(w.toLowerCase())) bump(w, seen);
      }
    }
    const min = this.articles.length > 20 ? 3 : 2;
    return [...df.values()]
      .filter((e) => e.n >= min)
      .map((e) => ({ phrase: e.phrase, df: e.n + (e.phrase.includes(" ") ? 0.5 : 0) }))
      .sort((a, b) => b.df - a.df || a.phrase.localeCompare(b.phrase));
  }

  /** Phrases with a word starting with the prefix (case-insensitive), most used first. */
  suggest(prefix: string, limit = 10): string[] {
    this.phrases ??= this.build().map((r) => r.phrase);
    return suggestFromRanked(this.phrases, prefix, limit);
  }
}

/**
 * The suggestion rule on its own, over phrases already ranked most used first (`suggest("", Infinity)`),
 * for a caller that holds only the list (e.g. an engine running in another thread).
 */
export function suggestFromRanked(ranked: readonly string[], prefix: string, limit = 10): string[] {
  const p = prefix.trim().toLowerCase();
  const out: string[] = [];
  for (const phrase of ranked) {
    if (out.length >= limit) break;
    const lower = phrase.toLowerCase();
    if (!p || lower.startsWith(p) || lower.includes(` ${p}`)) out.push(phrase);
  }
  return out;
}
