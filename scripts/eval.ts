/**
 * `npm run eval`: scores the summarizer on public multi-document summarization data with human
 * summaries, beside a round-robin lead baseline computed in the same run, with the ROUGE-1.5.5
 * re-implementation in ../shared/tools/rouge.mjs. Prints one table.
 *
 *   npm run eval                      all datasets; Multi-News on every 10th test cluster
 *   npm run eval -- --mn-every 1      Multi-News on the full test set (5,622 clusters)
 *   npm run eval -- --only duc2004    one dataset (duc2004, duc2007-main, duc2007-update, multinews)
 *   npm run eval -- --json            machine-readable figures
 *
 * Data is read at run time from ../shared/eval (never copied into the project).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { articlesFromRecords } from "../src/corpus/load.ts";
import { createExtractiveEngine } from "../src/engine/extractive.ts";
import type { Sentence } from "../src/search/index.ts";
import { type ClusterDoc, roundRobinLead, summarizeCluster } from "../src/summarize/index.ts";
import { markdownTable, sharedUrl } from "./shared.ts";
import { type StoryArticle, storyPairRecords } from "./story-pairs.ts";

interface EvalRecord {
  id: string;
  query?: string;
  docs: ClusterDoc[];
  refs: string[];
  previous_subsets?: string[];
}

interface Averages {
  [metric: string]: { R: number; P: number; F: number };
}
interface RougeModule {
  evaluate(
    refs: { id: string; refs: string[] }[],
    peers: { id: string; system: string; summary: string }[],
    opts: { words?: number; jackknife?: boolean },
  ): { systems: Record<string, { averages: Averages; per_topic?: { id: string; scores: Averages }[] }> };
}

interface Dataset {
  name: string;
  file: string;
  words: number;
  jackknife: boolean;
  measure: "R" | "F";
  /** Keep every n-th record (1 = all). */
  every: number;
  /** Published figures [R-1, R-2] measured the same way, for the table. */
  published: string;
}

const SHARED = sharedUrl();

export function datasets(mnEvery: number): Dataset[] {
  return [
    {
      name: "duc2004",
      file: "eval/duc2004_task2/duc2004_task2.jsonl",
      words: 100,
      jackknife: false,
      measure: "R",
      every: 1,
      published: "ICSISumm 38.44/9.81, DPP 39.84/9.62, Submodular 39.23/9.37, LexRank 36.00/7.51",
    },
    {
      name: "duc2007-main",
      file: "eval/duc2007/duc2007_main.jsonl",
      words: 250,
      jackknife: true,
      measure: "R",
      every: 1,
      published: "(DUC 2006, same setup: best system 40.98/9.51, NIST lead 30.22/4.95)",
    },
    {
      name: "duc2007-update",
      file: "eval/duc2007/duc2007_update.jsonl",
      words: 100,
      jackknife: true,
      measure: "R",
      every: 1,
      published: "CLASSY04 34.65/8.50, NIST lead 26.23/4.54",
    },
    {
      name: "multinews",
      file: "eval/multi_news/multi_news_test.jsonl",
      words: 260,
      jackknife: false,
      measure: "F",
      every: mnEvery,
      published: "(published figures use other settings; target: lead + 1.5/1.0)",
    },
  ];
}

/** One cluster read as its own corpus (article ids `<cluster>/d<i>`, as the label files key them), and every sentence of it. */
export function clusterSentences(
  r: EvalRecord,
  id: string,
): { sentences: Sentence[]; articles: readonly { date?: string | null }[] } {
  const e = createExtractiveEngine(
    articlesFromRecords(
      r.docs.map((d, i) => ({
        id: `${id}/d${i}`,
        text: d.text,
        ...(d.title ? { title: d.title } : {}),
        ...(d.date ? { date: d.date } : {}),
      })),
    ),
  );
  return { sentences: e.index.articles.flatMap((_, a) => e.index.sentences(a)), articles: e.index.articles };
}

/**
 * A data file named with this ending ("eval/multi_news/multi_news_test.jsonl#story-pairs") is read as the
 * story pairs of its clusters' documents: two documents of different clusters reporting one story
 * (scripts/story-pairs.ts, idf over every document of the file), each pair a two-document cluster
 * "<docIdA>+<docIdB>" whose document ids are "<cluster>/d<i>", as the label files name them.
 */
export const STORY_PAIRS_OF_CLUSTERS = "#story-pairs";

export function loadRecords(
  file: string,
  every: number,
  offset = 0,
): { records: EvalRecord[]; byId: Map<string, EvalRecord> } {
  const acrossClusters = file.endsWith(STORY_PAIRS_OF_CLUSTERS);
  if (acrossClusters) file = file.slice(0, -STORY_PAIRS_OF_CLUSTERS.length);
  const path = fileURLToPath(new URL(file, SHARED));
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new Error(`evaluation data not found at ${path}: the shared/ folder must sit beside the project`);
  }
  const rows = text
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalRecord | StoryArticle);
  // A corpus of single articles (BBC News) has no clusters: its records are its story pairs, two-article
  // clusters "<idA>+<idB>" (scripts/story-pairs.ts).
  // Clusters read as story pairs across them: every document an article of one corpus, its cluster its group.
  const all: EvalRecord[] = acrossClusters
    ? storyPairRecords(
        (rows as EvalRecord[]).flatMap((r) =>
          r.docs.map((d, i) => ({
            id: `${r.id}/d${i}`,
            text: d.text,
            ...(d.title ? { title: d.title } : {}),
            group: r.id,
          })),
        ),
        undefined,
        true,
      )
    : rows.some((r) => !("docs" in r))
      ? storyPairRecords(rows as StoryArticle[])
      : (rows as EvalRecord[]);
  const byId = new Map(all.map((r) => [r.id, r]));
  return { records: all.filter((_, i) => i % every === offset % every), byId };
}

export interface DatasetResult {
  name: string;
  clusters: number;
  measure: "R" | "F";
  ours: [number, number];
  lead: [number, number];
  published: string;
  seconds: number;
}

export async function runDataset(ds: Dataset, rouge: RougeModule): Promise<DatasetResult> {
  const { records, byId } = loadRecords(ds.file, ds.every);
  const peers: { id: string; system: string; summary: string }[] = [];
  const t0 = performance.now();
  for (const r of records) {
    const previous = (r.previous_subsets ?? []).flatMap((id) => byId.get(id)?.docs ?? []);
    const ours = summarizeCluster(r.docs, {
      words: ds.words,
      ...(r.query ? { query: r.query } : {}),
      ...(previous.length ? { previous } : {}),
    });
    peers.push({ id: r.id, system: "ours", summary: ours.join("\n") });
    peers.push({ id: r.id, system: "lead", summary: roundRobinLead(r.docs, ds.words).join("\n") });
  }
  const seconds = (performance.now() - t0) / 1000;
  const res = rouge.evaluate(
    records.map((r) => ({ id: r.id, refs: r.refs })),
    peers,
    { words: ds.words, jackknife: ds.jackknife },
  );
  const pick = (sys: string): [number, number] => {
    const a = res.systems[sys]?.averages;
    if (!a) throw new Error(`no scores for ${sys}`);
    return [a["ROUGE-1"]![ds.measure] * 100, a["ROUGE-2"]![ds.measure] * 100];
  };
  return {
    name: ds.name,
    clusters: records.length,
    measure: ds.measure,
    ours: pick("ours"),
    lead: pick("lead"),
    published: ds.published,
    seconds,
  };
}

export async function loadRouge(): Promise<RougeModule> {
  const url = new URL("tools/rouge.mjs", SHARED);
  try {
    return (await import(url.href)) as RougeModule;
  } catch {
    throw new Error(`ROUGE scorer not found at ${fileURLToPath(url)}`);
  }
}

function fmt(pair: [number, number]): string {
  return `${pair[0].toFixed(2)} / ${pair[1].toFixed(2)}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: "string", multiple: true },
      "mn-every": { type: "string", default: "10" },
      json: { type: "boolean", default: false },
    },
  });
  const mnEvery = Number(values["mn-every"]);
  if (!Number.isInteger(mnEvery) || mnEvery < 1) throw new Error("--mn-every must be a positive integer");
  const rouge = await loadRouge();
  const chosen = datasets(mnEvery).filter((d) => !values.only || values.only.includes(d.name));
  if (chosen.length === 0)
    throw new Error("--only matched no dataset (duc2004, duc2007-main, duc2007-update, multinews)");
  const results: DatasetResult[] = [];
  for (const ds of chosen) results.push(await runDataset(ds, rouge));
  if (values.json) {
    console.log(JSON.stringify(results, null, 2));
    return;
  }
  const rows = [
    ["dataset", "clusters", "words", "measure", "ours R-1 / R-2", "round-robin lead R-1 / R-2", "published"],
    ...results.map((r, i) => [
      r.name,
      String(r.clusters),
      String(chosen[i]!.words),
      (r.measure === "R" ? "recall" : "F1") + (chosen[i]!.jackknife ? ", jackknifed" : ""),
      fmt(r.ours),
      fmt(r.lead),
      r.published,
    ]),
  ];
  console.log(markdownTable(rows));
  console.log(
    `\nsummarizer time: ${results.map((r) => `${r.name} ${((r.seconds * 1000) / r.clusters).toFixed(1)} ms/cluster`).join(", ")}` +
      (mnEvery > 1 ? `\nMulti-News: every ${mnEvery}th test cluster (--mn-every 1 for all)` : ""),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? (process.env.DEBUG ? err.stack : err.message) : err);
    process.exit(1);
  });
}
