/**
 * One statement restated with a different figure: two sources' sentences that are the same words but
 * for a number ("Kakadu is almost 12,000 square miles (31,200 sq." / "… (19,000 sq."). Copied agency
 * text that differs in one figure is a disagreement whatever the figure counts — when the statement
 * is anchored: another figure in it agrees, or both reports are of the same day (so a daily template,
 * "the index rose 12 points to 1,234", or an updated story, "trailing by 10 points in some polls" /
 * "by 15 points", on different or unknown days is not one).
 */
import type { Sentence } from "../../search/index.ts";
import type { SameStory } from "../sameStory.ts";
import { type Conflict, markLater, type ValuedClaim } from "./presentation.ts";

/** A figure; a decade ("the 1980s") is one figure, not a year. */
const FIGURE = /\d[\d,]*(?:\.\d+)?(?:(?<=\d0)s\b)?/g;
const DECADE = /^\d+0s$/;
const YEARISH = /^(1[89]\d{2}|20\d{2})$/;
/** Statements whose figure is of a day ("on Monday", "yesterday") change from report to report. */
const DAILY =
  /\b(yesterday|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|last night|this (morning|afternoon|evening))\b/i;
/** Fewest words (letters) a statement needs to be recognisably the same one. */
const MIN_WORDS = 6;

interface Statement {
  sentence: Sentence;
  source: string;
  date: string | null;
  figures: string[];
}

function masked(text: string): string {
  return text.toLowerCase().replace(FIGURE, "#").replace(/\s+/g, " ").trim();
}

/** The words right after a figure, for "Number of …". */
function wordsAfter(text: string, figure: string): string {
  const at = text.indexOf(figure);
  const after = text.slice(at + figure.length).match(/^\s*([\p{L}-]+(?:\s+[\p{L}-]+){0,2})/u);
  return after ? after[1]!.replace(/^-/, "") : "figure";
}

export function restatedConflicts(
  sentences: Sentence[],
  sourceOf: (article: number) => string,
  dateOf?: (article: number) => string | null,
  sameStory?: SameStory,
): Conflict[] {
  const groups = new Map<string, Statement[]>();
  for (const s of sentences) {
    const figures = s.text.match(FIGURE);
    if (!figures || DAILY.test(s.text)) continue;
    if ((s.text.match(/\p{L}{2,}/gu)?.length ?? 0) < MIN_WORDS) continue;
    const key = masked(s.text);
    const list = groups.get(key) ?? [];
    list.push({ sentence: s, source: sourceOf(s.article), date: dateOf?.(s.article) ?? null, figures });
    groups.set(key, list);
  }
  const out: Conflict[] = [];
  for (const list of groups.values()) {
    if (new Set(list.map((x) => x.source)).size < 2) continue;
    // Sides: the statements giving the same figures.
    const sides = new Map<string, Statement[]>();
    for (const x of list) {
      const k = x.figures.join("|");
      const side = sides.get(k) ?? [];
      if (!side.some((y) => y.source === x.source)) side.push(x);
      sides.set(k, side);
    }
    if (sides.size !== 2) continue;
    const [all, other] = [...sides.values()] as [Statement[], Statement[]];
    // With a story gate, a statement meets only the other side's statements of its story (a daily
    // template, "the index rose 12 points to 1,234", is not one statement of two stories).
    const meets = (x: Statement, side: Statement[]) =>
      !sameStory || side.some((y) => sameStory(x.sentence.article, y.sentence.article));
    const a = all.filter((x) => meets(x, other));
    const b = other.filter((x) => meets(x, all));
    if (a.length === 0 || b.length === 0) continue;
    const fa = a[0]!.figures;
    const fb = b[0]!.figures;
    const differ = fa.map((_, i) => i).filter((i) => fa[i] !== fb[i]);
    if (differ.some((i) => YEARISH.test(fa[i]!) || YEARISH.test(fb[i]!))) continue;
    const anchored = differ.length < fa.length;
    const sameDay = [...a, ...b].every((x) => x.date !== null && x.date === a[0]!.date);
    if (!anchored && !sameDay) continue;
    // A source on both sides is not taking one.
    const both = new Set(a.map((x) => x.source).filter((s) => b.some((y) => y.source === s)));
    const claims: ValuedClaim[] = [a, b].map((side, i) => {
      const kept = side.filter((x) => !both.has(x.source));
      const dates = kept.map((x) => x.date);
      const date = dates.every((d) => d) ? (dates as string[]).sort().at(-1) : undefined;
      return {
        text: kept[0]?.sentence.text ?? "",
        texts: [...new Set(kept.map((x) => x.sentence.text))],
        sources: kept.map((x) => x.source),
        values: [differ.map((d) => side[0]!.figures[d]!).join(", ")],
        side: i,
        ...(date ? { date } : {}),
      };
    });
    if (claims.some((c) => c.sources.length === 0)) continue;
    const first = fa[differ[0]!]!;
    const what = wordsAfter(a[0]!.sentence.text, first);
    out.push({
      kind: "quantity",
      about: DECADE.test(first) ? `Decade of ${what}` : `Number of ${what}`,
      claims: markLater(claims),
    });
  }
  return out;
}
