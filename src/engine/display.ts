/**
 * What a reply shows, with the names of lower-cased articles capitalised (src/text/recase.ts): a point,
 * a claim, a source's title, a headline or a story's title made from one of them, and an answer quoting
 * its first point, each written with capitals when the article it comes from is all in lower case, and
 * with a tokenised copy's spaced quotation marks written tight (`" we won . "` → `"we won ."`, quotes.ts
 * tightQuotes), and the rest of a tokenised copy's spacing closed (`( cdc ) , $ 5` → `(cdc), $5`, spacing.ts
 * closeSpacing). Other text is shown exactly as the article writes it. Applied last, to the finished reply:
 * selection, citation checks and comparisons all read the articles' own text.
 */
import type { Answer, Briefing, Digest, Point, Source } from "../model.ts";
import type { CorpusIndex } from "../search/index.ts";
import { tightQuotes } from "../text/quotes.ts";
import { isLowerCased, recased, writtenNames } from "../text/recase.ts";
import { foldedText } from "../text/similarity.ts";
import { closeSpacing } from "../text/spacing.ts";

/** Sentences read to judge an article's case. */
const SAMPLE_SENTENCES = 40;

/** Whether an article (by its index) is written all in lower case, read from its first SAMPLE_SENTENCES. */
export function writtenInLowerCase(index: CorpusIndex, a: number): boolean {
  return isLowerCased(
    index
      .sentences(a)
      .slice(0, SAMPLE_SENTENCES)
      .map((s) => s.text)
      .join(" "),
  );
}

/** Whether each article (by id) is written in lower case; cleared when the corpus changes. */
export class CaseOfArticles {
  private readonly known = new Map<string, boolean>();
  private readonly index: CorpusIndex;

  constructor(index: CorpusIndex) {
    this.index = index;
  }

  clear(): void {
    this.known.clear();
  }

  lowerCased(id: string): boolean {
    const hit = this.known.get(id);
    if (hit !== undefined) return hit;
    const a = this.index.indexOf(id);
    const out = a === undefined ? isLowerCased("") : writtenInLowerCase(this.index, a);
    if (this.known.size > 10_000) this.known.clear();
    this.known.set(id, out);
    return out;
  }

  /**
   * Whether one of an article's first sentences (SAMPLE_SENTENCES) holds every word of `key` (folded),
   * in order: a headline or title made from a sentence of it that is no point (a digest story's
   * title from a cited article's lead sentence), shortened or not.
   */
  holds(id: string, key: string): boolean {
    const a = this.index.indexOf(id);
    if (a === undefined) return false;
    return this.index
      .sentences(a)
      .slice(0, SAMPLE_SENTENCES)
      .some((s) => wordsWithin(key, foldedText(s.text)));
  }
}

/** Shows replies' texts with names capitalised where their articles are lower-cased. */
class Shower {
  private readonly cases: CaseOfArticles;
  private readonly reader: ReadonlyMap<string, string>;

  constructor(cases: CaseOfArticles, reader: ReadonlyMap<string, string>) {
    this.cases = cases;
    this.reader = reader;
  }

  private lower(ids: readonly string[]): boolean {
    return ids.length > 0 && this.cases.lowerCased(ids[0]!);
  }

  text(text: string, ids: readonly string[]): string {
    const tight = tightQuotes(text);
    // Spacing closed after recasing, which reads a name as its own word ("o ' neill" → "o ' Neill" → "o'Neill").
    return closeSpacing(this.lower(ids) ? recased(tight, this.reader) : tight);
  }

  point<T extends { text: string; sources: string[] }>(p: T): T {
    const text = this.text(p.text, p.sources);
    return text === p.text ? p : { ...p, text };
  }

  source(s: Source): Source {
    const title = this.text(s.title, [s.id]);
    return title === s.title ? s : { ...s, title };
  }

  /**
   * A headline or a story's title: written like the point or source title it was made from (its words
   * within theirs, in their order: a headline shortened from a point, src/engine/headlines.ts
   * compactHeadline, leaves words out), else like the cited article with a sentence it was made from
   * (a story's title from a lead sentence: src/engine/storyTitles.ts storyTitle), else left as it is.
   */
  title(title: string, points: readonly Point[], sources: readonly Source[]): string {
    const key = foldedText(title.replace(/…$/, ""));
    if (!key) return title;
    const from =
      sources.find((s) => foldedText(s.title).includes(key)) ??
      points.find((p) => foldedText(p.text).includes(key)) ??
      points.find((p) => wordsWithin(key, foldedText(p.text)));
    if (from) return this.text(title, "id" in from ? [from.id] : from.sources);
    const cited = sources.find((s) => this.cases.holds(s.id, key));
    return cited ? this.text(title, [cited.id]) : title;
  }
}

/**
 * Whether every word of `key` is in `text`, in the same order (both folded); "the" may be the
 * headline's own (compactHeadline writes "the storm" for "Sunday's storm").
 */
function wordsWithin(key: string, text: string): boolean {
  const words = text.split(" ");
  let at = 0;
  for (const w of key.split(" ")) {
    const from = at;
    while (at < words.length && words[at] !== w) at++;
    if (at >= words.length && w === "the") {
      at = from;
      continue;
    }
    if (at++ >= words.length) return false;
  }
  return true;
}

export function showBriefing(cases: CaseOfArticles, b: Briefing): Briefing {
  if (!b.found) return b;
  const show = new Shower(cases, writtenNames(b.topic));
  return {
    ...b,
    headline: show.title(b.headline, b.points, b.sources),
    points: b.points.map((p) => show.point(p)),
    sources: b.sources.map((s) => show.source(s)),
    disagreements: b.disagreements.map((d) => ({ ...d, claims: d.claims.map((c) => show.point(c)) })),
  };
}

export function showAnswer(cases: CaseOfArticles, a: Answer, context?: string): Answer {
  const show = new Shower(cases, writtenNames(a.question, context));
  const first = a.points[0];
  return {
    ...a,
    answer: a.found && first ? show.text(a.answer, first.sources) : a.answer,
    points: a.points.map((p) => show.point(p)),
    sources: a.sources.map((s) => show.source(s)),
  };
}

export function showDigest(cases: CaseOfArticles, d: Digest): Digest {
  const show = new Shower(cases, writtenNames(...(d.coverage?.topics ?? [])));
  return {
    ...d,
    stories: d.stories.map((s) => ({
      ...s,
      title: show.title(s.title, s.points, d.sources),
      points: s.points.map((p) => show.point(p)),
    })),
    sources: d.sources.map((s) => show.source(s)),
  };
}
