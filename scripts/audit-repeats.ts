/**
 * Counts pairs of points in one briefing that repeat a fact, over briefings an editor would ask for:
 * BBC topics as eval:brief and eval:disagreements choose them (the two rarest words of every 45th
 * title), real multi-word topics taken from BBC titles (runs of capitalised words, "Meet the Fockers",
 * every 4th distinct one), and Multi-News clusters as eval:brief makes them (every 9th with two reports
 * or more, topic its two most frequent terms). A pair repeats a fact, mechanically, when one of:
 *   phrase    the two share a run of 4+ words (case and punctuation aside) holding 2+ content words
 *             that are not the topic's, one of them written in lower case in both (not a name only:
 *             "Harry Potter and the Prisoner of Azkaban" twice is no fact);
 *   figure    the same figure in digits (not a year) before the same word written in lower case
 *             ("12 people", "£1.3bn offer");
 *   contained the shorter's content stems beyond the topic's (4 or more) are 70%+ in the other;
 *   clause    5+ content stems in the same order in both, each within 4 content words of the one before
 *             it in both texts, 2+ of them not the topic's and one written in lower case in both ("Meet the Fockers is the sequel to … Meet the
 *             Parents" / "… Meet the Fockers, which is the sequel to Meet the Parents").
 *
 *   node scripts/audit-repeats.ts                       this checkout
 *   node scripts/audit-repeats.ts --baseline DIR        this checkout beside another (its root), same run
 *   node scripts/audit-repeats.ts --dump FILE           every flagged pair (this checkout) to FILE, to read
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { Briefing } from "../src/model.ts";
import { contentStems, STOPWORDS, stem, words } from "../src/text/tokens.ts";
import { loadRecords } from "./eval.ts";
import { besideBaseline, markdownTable, sharedUrl } from "./shared.ts";

type Brief = (topic: string) => Promise<Briefing>;
interface Checkout {
  bbc: Brief;
  bbcEngine: import("../src/engine/extractive.ts").ExtractiveEngine;
  corpus: (records: { id: string; text: string }[]) => Brief;
}

async function checkout(root: string): Promise<Checkout> {
  const topics = (await import(`${root}/scripts/evalTopics.ts`)) as typeof import("./evalTopics.ts");
  const create = (await import(`${root}/app/engine/create.ts`)) as typeof import("../app/engine/create.ts");
  const { engine } = topics.bbcEngine();
  return {
    bbc: (t) => engine.brief(t),
    bbcEngine: engine,
    corpus: (records) => {
      const e = create.createEngine({ corpusDir: "" }, { records });
      return (t) => e.brief(t);
    },
  };
}

const YEAR = /^(1[89]|20)\d\d$/;

export type Signal = "phrase" | "figure" | "contained" | "clause";

/** The signals by which two points repeat a fact (see the file's comment). */
export function repeatSignals(a: string, b: string, topic: ReadonlySet<string>): Signal[] {
  const out: Signal[] = [];
  const wa = words(a);
  const wb = words(b);
  const content = (w: string) => !STOPWORDS.has(w) && w.length > 1 && !topic.has(stem(w));
  // Words both texts write in lower case: what is said of a name, not the name.
  const la = lowerWords(a);
  const lb = lowerWords(b);
  const lower = (w: string) => la.has(w) && lb.has(w);
  // phrase: a shared run of 4+ words with 2+ content words beyond the topic's, one of them in lower case.
  const grams = new Set<string>();
  for (let i = 0; i + 4 <= wa.length; i++) grams.add(wa.slice(i, i + 4).join(" "));
  for (let i = 0; i + 4 <= wb.length; i++) {
    const g = wb.slice(i, i + 4);
    if (grams.has(g.join(" ")) && g.filter(content).length >= 2 && g.some((w) => content(w) && lower(w))) {
      out.push("phrase");
      break;
    }
  }
  // figure: the same figure before the same content word.
  const figs = (ws: string[]) => {
    const s = new Set<string>();
    ws.forEach((w, i) => {
      if (!/^\d/.test(w) || YEAR.test(w)) return;
      const next = ws.slice(i + 1, i + 3).find((x) => !STOPWORDS.has(x) && !/^\d/.test(x));
      if (next && lower(next)) s.add(`${w} ${stem(next)}`);
    });
    return s;
  };
  const fa = figs(wa);
  if ([...figs(wb)].some((f) => fa.has(f))) out.push("figure");
  // contained: the shorter's content stems beyond the topic's mostly in the other.
  const sa = new Set(contentStems(a).filter((s) => !topic.has(s)));
  const sb = new Set(contentStems(b).filter((s) => !topic.has(s)));
  const [small, large] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
  if (small.size >= 4 && [...small].filter((s) => large.has(s)).length / small.size >= 0.7)
    out.push("contained");
  // clause: 5+ content stems in order in both, close together in both, 2+ beyond the topic.
  const lowerStems = new Set([...la].filter((w) => lb.has(w)).map(stem));
  if (orderedClause(contentStems(a), contentStems(b), topic, lowerStems)) out.push("clause");
  return out;
}

/** Words a text writes in lower case (lower-cased). */
function lowerWords(text: string): Set<string> {
  return new Set(text.match(/(?<![\p{L}\p{N}'’])\p{Ll}[\p{L}'’]*/gu) ?? []);
}

/** 5+ stems in order in both sequences, each within 4 positions of the one before in both, 2+ not the topic's. */
function orderedClause(
  x: string[],
  y: string[],
  topic: ReadonlySet<string>,
  lowerStems: ReadonlySet<string>,
): boolean {
  // best[i][j]: the longest such chain ending at x[i] = y[j], and how many of it are not the topic's.
  const len: number[][] = x.map(() => y.map(() => 0));
  const own: number[][] = x.map(() => y.map(() => 0));
  const low: number[][] = x.map(() => y.map(() => 0));
  for (let i = 0; i < x.length; i++)
    for (let j = 0; j < y.length; j++) {
      if (x[i] !== y[j]) continue;
      let bl = 0;
      let bo = 0;
      let bw = 0;
      for (let p = Math.max(0, i - 4); p < i; p++)
        for (let q = Math.max(0, j - 4); q < j; q++)
          if (len[p]![q]! > bl || (len[p]![q]! === bl && own[p]![q]! > bo)) {
            bl = len[p]![q]!;
            bo = own[p]![q]!;
            bw = low[p]![q]!;
          }
      len[i]![j] = bl + 1;
      own[i]![j] = bo + (topic.has(x[i]!) ? 0 : 1);
      low[i]![j] = bw + (!topic.has(x[i]!) && lowerStems.has(x[i]!) ? 1 : 0);
      if (len[i]![j]! >= 5 && own[i]![j]! >= 2 && low[i]![j]! >= 1) return true;
    }
  return false;
}

/** Real multi-word topics from BBC titles: runs of 2+ capitalised words ("of", "the", "and" inside). */
export function titleNames(titles: string[]): string[] {
  const seen = new Set<string>();
  for (const t of titles) {
    const re = /\b\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:of|the|and|de)\s+)?\p{Lu}[\p{L}'’.-]*)+/gu;
    for (const m of t.matchAll(re)) {
      const name = m[0].replace(/['’]s$/, "");
      if (name.split(/\s+/).length >= 2) seen.add(name);
    }
  }
  return [...seen];
}

interface Tally {
  briefs: number;
  points: number;
  pairs: number;
  flagged: number;
  bySignal: Record<Signal, number>;
  briefsWithRepeat: number;
}
const empty = (): Tally => ({
  briefs: 0,
  points: 0,
  pairs: 0,
  flagged: 0,
  bySignal: { phrase: 0, figure: 0, contained: 0, clause: 0 },
  briefsWithRepeat: 0,
});

const dumped: string[] = [];

function count(t: Tally, set: string, topic: string, b: Briefing, dump: boolean): void {
  if (!b.found) return;
  t.briefs++;
  t.points += b.points.length;
  const ts = new Set(contentStems(topic));
  let any = false;
  for (let i = 0; i < b.points.length; i++)
    for (let j = i + 1; j < b.points.length; j++) {
      t.pairs++;
      const s = repeatSignals(b.points[i]!.text, b.points[j]!.text, ts);
      if (s.length === 0) continue;
      t.flagged++;
      any = true;
      for (const x of s) t.bySignal[x]++;
      if (dump)
        dumped.push(
          `[${set}] "${topic}" {${s.join(",")}}\n  A: ${b.points[i]!.text}\n  B: ${b.points[j]!.text}\n`,
        );
    }
  if (any) t.briefsWithRepeat++;
}

interface MnRecord {
  id: string;
  docs: { text: string }[];
}

async function run(c: Checkout, dump: boolean): Promise<Map<string, Tally>> {
  const out = new Map<string, Tally>();
  const topics = (await import("./evalTopics.ts")) as typeof import("./evalTopics.ts");
  const path = fileURLToPath(new URL("eval/bbc_news/bbc_news.jsonl", sharedUrl()));
  const titles = readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { title: string }).title);
  const engine = c.bbcEngine;
  const rare = empty();
  for (let i = 0; i < titles.length; i += 45) {
    const topic = topics.titleTopic(engine, titles[i]!);
    if (topic) count(rare, "bbc", topic, await c.bbc(topic), dump);
  }
  out.set("bbc (every 45th title, rarest words)", rare);
  const named = empty();
  const names = titleNames(titles);
  for (let i = 0; i < names.length; i += 4) count(named, "bbc-name", names[i]!, await c.bbc(names[i]!), dump);
  out.set("bbc (names in titles, every 4th)", named);
  const mn = empty();
  const { records } = loadRecords("eval/multi_news/multi_news_test.jsonl", 9);
  for (const r of records as unknown as MnRecord[]) {
    if (r.docs.length < 2) continue;
    const topic = topics.frequentTerms(r.docs as never, 2);
    const brief = c.corpus(r.docs.map((d, k) => ({ id: `${r.id}-d${k}`, text: d.text })));
    count(mn, "multinews", topic, await brief(topic), dump);
  }
  out.set("multi-news (every 9th)", mn);
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { baseline: { type: "string" }, dump: { type: "string" } } });
  const root = fileURLToPath(new URL("..", import.meta.url)).replace(/\/$/, "");
  const runs = await besideBaseline(
    values.baseline,
    root,
    async (at, dump) => run(await checkout(at), dump),
    !!values.dump,
  );
  const rows = [
    [
      "set",
      "run",
      "briefs",
      "points",
      "pairs",
      "repeat pairs",
      "briefs w/ repeat",
      "phrase",
      "figure",
      "contained",
      "clause",
    ],
  ];
  for (const set of runs[0]![1].keys())
    for (const [name, r] of runs) {
      const t = r.get(set)!;
      rows.push([
        set,
        name,
        String(t.briefs),
        String(t.points),
        String(t.pairs),
        String(t.flagged),
        String(t.briefsWithRepeat),
        ...(["phrase", "figure", "contained", "clause"] as const).map((s) => String(t.bySignal[s])),
      ]);
    }
  console.log(markdownTable(rows));
  if (values.dump) writeFileSync(values.dump, dumped.join("\n"));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
