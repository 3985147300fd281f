/**
 * Counts briefing and digest points that open on a reference they don't explain (scripts/pointChecks.ts:
 * a pronoun, a pronoun after an opening phrase, a quotation whose speaker is a pronoun, a nameless "The
 * …" of a role, a back reference), beside the points that are no sentence (`isFragment`) and those not
 * mentioning the topic, and (over the BBC corpus of many stories) those off the topic's story
 * (scripts/topicFocus.ts), over briefings as the evals make them: BBC topics (the two rarest words of every
 * 45th title), DUC 2004 (three most frequent words), DUC 2007 (the query title), Multi-News every 9th
 * cluster with two reports or more (two most frequent words); and the digests of the DUC 2004 clusters.
 * The checks are this checkout's; the engines are each checkout's own.
 *
 *   node scripts/audit-points.ts                   this checkout
 *   node scripts/audit-points.ts --baseline DIR    another checkout (its root) first, in the same run
 *   node scripts/audit-points.ts --dump FILE       every flagged point of this checkout to FILE, to read
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { articlesFromRecords } from "../src/corpus/load.ts";
import { DEFAULT_STORY_GATE } from "../src/engine/sameStory.ts";
import type { Point } from "../src/model.ts";
import { CorpusIndex, termStems } from "../src/search/index.ts";
import { loadRecords } from "./eval.ts";
import { isFragment } from "./eval-brief.ts";
import { bbcEngine } from "./evalTopics.ts";
import { POINT_REFERENCE_FAULTS, type PointReferenceFault, pointReferenceFaults } from "./pointChecks.ts";
import { besideBaseline, markdownTable } from "./shared.ts";
import { addFocus, emptyFocus, type FocusTally, pointsOnStory } from "./topicFocus.ts";

type Records = { id: string; text: string; title?: string; date?: string }[];
interface Checkout {
  bbc: () => Promise<{ topic: string; points: Point[] }[]>;
  corpus: (records: Records) => {
    brief: (t: string) => Promise<{ found: boolean; points: Point[] }>;
    digest: () => Promise<{ stories: { points: Point[] }[] }>;
  };
  frequentTerms: typeof import("./evalTopics.ts").frequentTerms;
}

async function checkout(root: string): Promise<Checkout> {
  const topics = (await import(`${root}/scripts/evalTopics.ts`)) as typeof import("./evalTopics.ts");
  const create = (await import(`${root}/app/engine/create.ts`)) as typeof import("../app/engine/create.ts");
  return {
    bbc: async () => {
      const { records, engine } = topics.bbcEngine();
      const out: { topic: string; points: Point[] }[] = [];
      for (let i = 0; i < records.length; i += 45) {
        const topic = topics.titleTopic(engine, records[i]!.title);
        if (!topic) continue;
        const b = await engine.brief(topic);
        if (b.found) out.push({ topic, points: b.points });
      }
      return out;
    },
    corpus: (records) => create.createEngine({ corpusDir: "" }, { records }),
    frequentTerms: topics.frequentTerms,
  };
}

interface Tally {
  briefs: number;
  points: number;
  flagged: number;
  byFault: Record<PointReferenceFault, number>;
  fragments: number;
  offTopic: number;
  /** Briefings of one or two points. */
  short: number;
  /** Points off the topic's story and briefings mostly off it (scripts/topicFocus.ts). */
  focus: FocusTally;
}
const empty = (): Tally => ({
  briefs: 0,
  points: 0,
  flagged: 0,
  byFault: Object.fromEntries(POINT_REFERENCE_FAULTS.map((f) => [f, 0])) as Record<
    PointReferenceFault,
    number
  >,
  fragments: 0,
  offTopic: 0,
  short: 0,
  focus: emptyFocus(),
});

const dumped: string[] = [];

/** The corpus the story measure reads (this checkout's index of the same records the engine was given). */
let bbcIndex: CorpusIndex | undefined;
const corpusIndex = (rs: Records): CorpusIndex => new CorpusIndex(articlesFromRecords(rs));

function count(
  t: Tally,
  set: string,
  topic: string,
  points: Point[],
  dump: boolean,
  index?: CorpusIndex,
): void {
  t.briefs++;
  if (points.length > 0 && points.length <= 2) t.short++;
  const ts = new Set(termStems(topic));
  // The story measure reads a corpus of many stories (topicFocus.ts); a cluster is one story.
  if (index && topic && index.size >= DEFAULT_STORY_GATE.minArticles) {
    addFocus(t.focus, index, topic, points);
    if (dump) {
      const on = pointsOnStory(index, topic, points);
      points.forEach((p, i) => {
        if (!on[i]) dumped.push(`[${set}] "${topic}" {off the story}\n  ${p.text}\n`);
      });
    }
  }
  for (const p of points) {
    t.points++;
    const faults = pointReferenceFaults(p.text);
    if (faults.length > 0) {
      t.flagged++;
      for (const f of faults) t.byFault[f]++;
      if (dump) dumped.push(`[${set}] "${topic}" {${faults.join(", ")}}\n  ${p.text}\n`);
    }
    if (isFragment(p.text)) t.fragments++;
    if (topic && !termStems(p.text).some((s) => ts.has(s))) t.offTopic++;
  }
}

interface Cluster {
  id: string;
  query_title?: string;
  query?: string;
  docs: { text: string; title?: string; date?: string }[];
}

const records = (c: Cluster, prefix: string): Records =>
  c.docs.map((d, i) => ({
    id: `${prefix}d${i}`,
    text: d.text,
    ...(d.title ? { title: d.title } : {}),
    ...(d.date ? { date: d.date } : {}),
  }));

async function run(c: Checkout, dump: boolean): Promise<Map<string, Tally>> {
  const out = new Map<string, Tally>();
  const bbc = empty();
  bbcIndex ??= bbcEngine().engine.index;
  for (const b of await c.bbc()) count(bbc, "bbc", b.topic, b.points, dump, bbcIndex);
  out.set("bbc briefs (every 45th title)", bbc);
  const duc4 = empty();
  const duc4digest = empty();
  for (const r of loadRecords("eval/duc2004_task2/duc2004_task2.jsonl", 1).records as unknown as Cluster[]) {
    const e = c.corpus(records(r, ""));
    const topic = c.frequentTerms(r.docs as never);
    const b = await e.brief(topic);
    if (b.found) count(duc4, "duc2004", topic, b.points, dump, corpusIndex(records(r, "")));
    const d = await e.digest();
    count(
      duc4digest,
      "duc2004 digest",
      "",
      d.stories.flatMap((s) => s.points),
      dump,
    );
  }
  out.set("duc2004 briefs", duc4);
  const duc7 = empty();
  for (const r of loadRecords("eval/duc2007/duc2007_main.jsonl", 1).records as unknown as Cluster[]) {
    const topic = r.query_title ?? r.query?.split(".")[0] ?? c.frequentTerms(r.docs as never);
    const b = await c.corpus(records(r, "")).brief(topic);
    if (b.found) count(duc7, "duc2007", topic, b.points, dump, corpusIndex(records(r, "")));
  }
  out.set("duc2007 briefs", duc7);
  out.set("duc2004 digests (no topic)", duc4digest);
  const mn = empty();
  for (const r of loadRecords("eval/multi_news/multi_news_test.jsonl", 9).records as unknown as Cluster[]) {
    if (r.docs.length < 2) continue;
    const topic = c.frequentTerms(r.docs as never, 2);
    const b = await c.corpus(records(r, `${r.id}-`)).brief(topic);
    if (b.found) count(mn, "multinews", topic, b.points, dump, corpusIndex(records(r, `${r.id}-`)));
  }
  out.set("multi-news briefs (every 9th)", mn);
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
      "unexplained reference",
      ...POINT_REFERENCE_FAULTS,
      "fragments",
      "no topic word",
      "off the topic's story",
      "briefings mostly off it",
      "points / briefing",
      "briefings of 1-2 points",
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
        `${t.flagged} (${((100 * t.flagged) / Math.max(1, t.points)).toFixed(1)}%)`,
        ...POINT_REFERENCE_FAULTS.map((f) => String(t.byFault[f])),
        String(t.fragments),
        set.includes("no topic") ? "" : String(t.offTopic),
        ...(set.includes("no topic")
          ? ["", "", "", ""]
          : [
              t.focus.briefs > 0
                ? `${t.focus.offStory} (${((100 * t.focus.offStory) / Math.max(1, t.focus.points)).toFixed(1)}%)`
                : "–",
              t.focus.briefs > 0 ? String(t.focus.mostlyOff) : "–",
              (t.points / Math.max(1, t.briefs)).toFixed(2),
              String(t.short),
            ]),
      ]);
    }
  console.log(markdownTable(rows));
  if (values.dump) writeFileSync(values.dump, dumped.join("\n"));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
