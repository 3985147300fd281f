/**
 * `npm run eval:brief`: how good the ENGINE's briefings are, measured with ROUGE. Each DUC news
 * cluster becomes an in-memory corpus (createEngine with its documents as records); the briefing on
 * the cluster's topic is run, its points are concatenated and scored against the human summaries
 * at a fixed 100-word budget (recall). The extractive engine's point selections run in the same
 * process ("coverage", production's; the alternatives "coverage, re-split" and "scored" from
 * src/engine/selection/alternatives.ts, passed in here), next to the summarizer itself on
 * the same budget and a round-robin lead baseline. The digest of each cluster's corpus (all its
 * stories' points, no topic) is scored the same way.
 *
 *   npm run eval:brief                     DUC 2007 main (topic = the cluster's title), DUC 2004
 *   npm run eval:brief -- --only duc2007   one dataset (duc2007, duc2004)
 *   npm run eval:brief -- --json
 *   npm run eval:brief -- --per-cluster    also each cluster's for production's brief and digest
 *                                          (to diff two trees' outputs: which clusters moved)
 *
 * DUC 2007 main: topic = the query title ("Southern Poverty Law Center"), recall jackknifed over the
 * four references. DUC 2004 has no topic: it is the cluster's three words found in most documents.
 * Data is read at run time from ../shared/eval (never copied into the project).
 */

import { parseArgs } from "node:util";
import { createEngine } from "../app/engine/create.ts";
import type { ArticleRecord } from "../src/corpus/load.ts";
import type { ExtractiveEngineOptions } from "../src/engine/extractive.ts";
import { notASentence } from "../src/engine/fragments.ts";
import { resplitSelection, scoredSelection } from "../src/engine/selection/alternatives.ts";
import type { Briefing } from "../src/model.ts";
import { termStems } from "../src/search/index.ts";
import { type ClusterDoc, roundRobinLead, summarizeCluster } from "../src/summarize/index.ts";
import { finiteVerb, tag } from "../src/text/tagger.ts";
import { loadRecords, loadRouge } from "./eval.ts";
import { bbcEngine, frequentTerms, titleTopic } from "./evalTopics.ts";
import { pointReferenceFaults } from "./pointChecks.ts";
import { markdownTable, seededRandom } from "./shared.ts";
import { addFocus, emptyFocus, type FocusTally } from "./topicFocus.ts";

/** What an editor checks on a briefing, summed over many (see `quality` below). */
export interface BriefQuality {
  briefs: number;
  points: number;
  onTopic: number;
  headlinesFromCited: number;
  /** Headlines made from points (not a cited title): how many are not a sentence (cut with "…", or no finite verb). */
  headlinesFromPoints: number;
  headlinesNotSentences: number;
  fragments: number;
  /** Points opening on a reference they don't explain (scripts/pointChecks.ts). */
  unexplained: number;
  /** Over a corpus of many stories: points off the topic's story, briefings mostly off it (scripts/topicFocus.ts). */
  focus?: FocusTally;
}

/** A headline made from a point that is not a sentence: cut with "…", or no finite verb (the tagger's). */
export function headlineNotASentence(headline: string): boolean {
  if (/…$/.test(headline.trim())) return true;
  const t = tag(headline);
  return !t.pos.some((_, i) => finiteVerb(t, i));
}

/** A point that is not a complete sentence: no final stop, a lower-case start, unbalanced quotes (“ ”, " and a wire copy's `` ''), or no main clause. */
export function isFragment(text: string): boolean {
  const t = text.trim();
  if (!/[.!?](?:["'”’)]|\s")*$/.test(t)) return true;
  if (/^[a-z]/.test(t)) return true;
  const open = (t.match(/[“]/g) ?? []).length;
  const close = (t.match(/[”]/g) ?? []).length;
  if (open !== close) return true;
  // A wire copy's marks: ``We will win,'' he said.
  if ((t.match(/``/g) ?? []).length !== (t.match(/''/g) ?? []).length) return true;
  if ((t.match(/"/g) ?? []).length % 2 === 1) return true;
  return notASentence(t) !== null;
}

/** Adds one briefing to the running figures. */
export function addQuality(q: BriefQuality, topic: string, b: Briefing): void {
  if (!b.found) return;
  q.briefs++;
  const topicStems = new Set(termStems(topic));
  for (const p of b.points) {
    q.points++;
    if (termStems(p.text).some((st) => topicStems.has(st))) q.onTopic++;
    if (isFragment(p.text)) q.fragments++;
    if (pointReferenceFaults(p.text).length > 0) q.unexplained++;
  }
  const head = b.headline.replace(/…$/, "").trim();
  const citedTitles = b.sources
    .filter((s) => b.points.some((p) => p.sources.includes(s.id)))
    .map((s) => s.title);
  if (citedTitles.includes(b.headline) || b.points.some((p) => wordsInOrder(head, p.text)))
    q.headlinesFromCited++;
  if (!citedTitles.includes(b.headline)) {
    q.headlinesFromPoints++;
    if (headlineNotASentence(b.headline)) q.headlinesNotSentences++;
  }
}

/**
 * Whether every word of a headline is a word of the text, in the same order: the headline is the point,
 * cut, without its dateline, or without an apposition it could do without (src/engine/phrasing.ts); a
 * "the" may be the headline's own, written for a day it left out ("last week's vote" → "the vote",
 * src/summarize/compress.ts).
 */
export function wordsInOrder(head: string, text: string): boolean {
  const words = (t: string) => t.toLowerCase().match(/[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/gu) ?? [];
  const h = words(head);
  const t = words(text);
  let at = 0;
  for (const w of h) {
    const from = at;
    while (at < t.length && t[at] !== w) at++;
    if (at === t.length && w === "the") {
      at = from;
      continue;
    }
    if (at === t.length) return false;
    at++;
  }
  return h.length > 0;
}

function emptyQuality(): BriefQuality {
  return {
    briefs: 0,
    points: 0,
    onTopic: 0,
    headlinesFromCited: 0,
    headlinesFromPoints: 0,
    headlinesNotSentences: 0,
    fragments: 0,
    unexplained: 0,
  };
}

/** Briefings over the BBC corpus on topics from every 45th title (its two rarest words). */
async function bbcQuality(): Promise<BriefQuality> {
  const q = emptyQuality();
  const { records: bbc, engine } = bbcEngine();
  const focus = emptyFocus();
  for (let i = 0; i < bbc.length; i += 45) {
    const topic = titleTopic(engine, bbc[i]!.title);
    if (!topic) continue;
    const b = await engine.brief(topic);
    addQuality(q, topic, b);
    if (b.found) addFocus(focus, engine.index, topic, b.points);
  }
  return { ...q, focus };
}

/**
 * Briefings over Multi-News test clusters (every 9th with two reports or more; each its own corpus, topic
 * its two most frequent terms): untitled scraped pages, where headlines are made from points.
 */
async function multiNewsQuality(): Promise<BriefQuality> {
  const q = emptyQuality();
  const { records } = loadRecords("eval/multi_news/multi_news_test.jsonl", 9);
  for (const r of records) {
    if (r.docs.length < 2) continue;
    const engine = createEngine(
      { corpusDir: "" },
      { records: r.docs.map((d, k) => ({ id: `${r.id}-d${k}`, text: d.text })) },
    );
    const topic = frequentTerms(r.docs, 2);
    addQuality(q, topic, await engine.brief(topic));
  }
  return q;
}

function qualityRow(name: string, q: BriefQuality): string[] {
  const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;
  return [
    name,
    String(q.briefs),
    pct(q.onTopic, q.points),
    pct(q.headlinesFromCited, q.briefs),
    `${q.headlinesNotSentences} of ${q.headlinesFromPoints}`,
    ((100 * q.fragments) / Math.max(1, q.points)).toFixed(1),
    ((100 * q.unexplained) / Math.max(1, q.points)).toFixed(1),
    q.focus ? `${pct(q.focus.offStory, q.focus.points)} (${q.focus.mostlyOff} mostly off)` : "–",
    (q.points / Math.max(1, q.briefs)).toFixed(2),
  ];
}

const QUALITY = new Map<string, BriefQuality>();

/** Story purity: digests of this many clusters mixed in a shuffled arrival order, this many times. */
const PURITY = { clusters: 8, trials: 20 };

interface Purity {
  digests: number;
  stories: number;
  pure: number;
  points: number;
  pointsInCluster: number;
}

/**
 * Digests over `k` clusters of a DUC file mixed together (articles in a shuffled order, seeded): a story
 * is pure when every article it cites comes from one cluster; a point is in its story's cluster when it
 * cites an article of the cluster most of the story's citations come from.
 */
async function storyPurity(file: string, k: number, trials: number): Promise<Purity> {
  const { records } = loadRecords(file, 1);
  const rand = seededRandom(42);
  const p: Purity = { digests: 0, stories: 0, pure: 0, points: 0, pointsInCluster: 0 };
  for (let t = 0; t < trials; t++) {
    const picked = [...records].sort(() => rand() - 0.5).slice(0, k);
    const articles: ArticleRecord[] = picked.flatMap((r, c) =>
      r.docs.map((d, i) => ({ id: `c${c}-d${i}`, text: d.text, ...(d.title ? { title: d.title } : {}) })),
    );
    articles.sort(() => rand() - 0.5);
    const d = await createEngine({ corpusDir: "" }, { records: articles }).digest();
    p.digests++;
    const clusterOf = (id: string) => id.split("-")[0]!;
    for (const s of d.stories) {
      const counts = new Map<string, number>();
      for (const pt of s.points)
        for (const id of pt.sources) counts.set(clusterOf(id), (counts.get(clusterOf(id)) ?? 0) + 1);
      const main = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
      p.stories++;
      if (counts.size === 1) p.pure++;
      p.points += s.points.length;
      p.pointsInCluster += s.points.filter((pt) => pt.sources.some((id) => clusterOf(id) === main)).length;
    }
  }
  return p;
}

async function purityRow(ds: BriefDataset, pending: Promise<Purity>): Promise<string[]> {
  const p = await pending;
  const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;
  return [
    `${ds.name}, ${PURITY.clusters} clusters each`,
    String(p.digests),
    String(p.stories),
    pct(p.pure, p.stories),
    pct(p.pointsInCluster, p.points),
  ];
}

const WORDS = 100;
/**
 * The engine variants compared: production's coverage selection (cached sentences), and the alternatives
 * of src/engine/selection/alternatives.ts (its earlier re-split path, the scored selection). A fresh
 * selection per engine, as production builds one per engine.
 */
const VARIANTS: { label: string; opts: () => ExtractiveEngineOptions }[] = [
  { label: "coverage", opts: () => ({}) },
  { label: "coverage, re-split", opts: () => ({ selection: resplitSelection() }) },
  { label: "scored", opts: () => ({ selection: scoredSelection() }) },
];

interface BriefDataset {
  name: string;
  file: string;
  jackknife: boolean;
  topic: (r: { query?: string; query_title?: string; docs: ClusterDoc[] }) => string;
}

const DATASETS: BriefDataset[] = [
  {
    name: "duc2007",
    file: "eval/duc2007/duc2007_main.jsonl",
    jackknife: true,
    topic: (r) => r.query_title ?? r.query?.split(".")[0] ?? frequentTerms(r.docs),
  },
  {
    name: "duc2004",
    file: "eval/duc2004_task2/duc2004_task2.jsonl",
    jackknife: false,
    topic: (r) => frequentTerms(r.docs),
  },
];

interface Row {
  dataset: string;
  system: string;
  clusters: number;
  found: number;
  points: number;
  r1: number;
  r2: number;
  /** Cluster id → recall in percent. */
  perCluster: Map<string, [number, number]>;
}

/** The systems whose per-cluster scores `--per-cluster` prints: production's brief and digest. */
const PER_CLUSTER_SYSTEMS = [`brief (${VARIANTS[0]!.label})`, `digest (${VARIANTS[0]!.label})`];

/**
 * One line per dataset and cluster: each system's R-1 / R-2 on that cluster ("" where it has none), in
 * the order of the rows' clusters.
 */
export function perClusterTable(
  rows: Pick<Row, "dataset" | "system" | "perCluster">[],
  systems: string[],
): string[][] {
  const out: string[][] = [["dataset", "cluster", ...systems.map((s) => `${s} R-1 / R-2`)]];
  for (const dataset of [...new Set(rows.map((r) => r.dataset))]) {
    const bySystem = new Map(rows.filter((r) => r.dataset === dataset).map((r) => [r.system, r.perCluster]));
    const ids = [...new Set(systems.flatMap((s) => [...(bySystem.get(s)?.keys() ?? [])]))];
    for (const id of ids)
      out.push([
        dataset,
        id,
        ...systems.map((s) => {
          const v = bySystem.get(s)?.get(id);
          return v ? `${v[0].toFixed(2)} / ${v[1].toFixed(2)}` : "";
        }),
      ]);
  }
  return out;
}

async function runDataset(ds: BriefDataset): Promise<Row[]> {
  const rouge = await loadRouge();
  const { records } = loadRecords(ds.file, 1);
  const peers: { id: string; system: string; summary: string }[] = [];
  const found = new Map<string, number>();
  const points = new Map<string, number>();
  for (const rec of records) {
    const r = rec as typeof rec & { query_title?: string };
    const topic = ds.topic(r);
    const articles: ArticleRecord[] = r.docs.map((d, i) => ({
      id: `d${i}`,
      text: d.text,
      ...(d.title ? { title: d.title } : {}),
      ...(d.date ? { date: d.date } : {}),
    }));
    for (const { label: selection, opts } of VARIANTS) {
      const engine = createEngine({ corpusDir: "" }, { records: articles, extractive: opts() });
      const b: Briefing = await engine.brief(topic);
      const system = `brief (${selection})`;
      if (selection === VARIANTS[0]!.label) {
        const q = QUALITY.get(ds.name) ?? emptyQuality();
        addQuality(q, topic, b);
        QUALITY.set(ds.name, q);
      }
      found.set(system, (found.get(system) ?? 0) + (b.found ? 1 : 0));
      points.set(system, (points.get(system) ?? 0) + b.points.length);
      peers.push({ id: r.id, system, summary: b.points.map((p) => p.text).join("\n") });
      // The digest of the same corpus (no topic): every story's points, biggest story first.
      const d = await engine.digest();
      const dsys = `digest (${selection})`;
      found.set(dsys, (found.get(dsys) ?? 0) + (d.found ? 1 : 0));
      points.set(dsys, (points.get(dsys) ?? 0) + d.stories.reduce((n, st) => n + st.points.length, 0));
      peers.push({
        id: r.id,
        system: dsys,
        summary: d.stories.flatMap((st) => st.points.map((p) => p.text)).join("\n"),
      });
    }
    peers.push({
      id: r.id,
      system: "summarizeCluster",
      summary: summarizeCluster(r.docs, { words: WORDS, query: topic }).join("\n"),
    });
    peers.push({ id: r.id, system: "round-robin lead", summary: roundRobinLead(r.docs, WORDS).join("\n") });
  }
  const res = rouge.evaluate(
    records.map((r) => ({ id: r.id, refs: r.refs })),
    peers,
    { words: WORDS, jackknife: ds.jackknife },
  );
  return Object.entries(res.systems).map(([system, s]) => ({
    dataset: ds.name,
    system,
    clusters: records.length,
    found: found.get(system) ?? records.length,
    points: (points.get(system) ?? 0) / records.length,
    r1: s.averages["ROUGE-1"]!.R * 100,
    r2: s.averages["ROUGE-2"]!.R * 100,
    perCluster: new Map(
      (s.per_topic ?? []).map((t) => [t.id, [t.scores["ROUGE-1"]!.R * 100, t.scores["ROUGE-2"]!.R * 100]]),
    ),
  }));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: "string", multiple: true },
      json: { type: "boolean", default: false },
      "per-cluster": { type: "boolean", default: false },
    },
  });
  const chosen = DATASETS.filter((d) => !values.only || values.only.includes(d.name));
  if (chosen.length === 0) throw new Error("--only matched no dataset (duc2007, duc2004)");
  const rows: Row[] = [];
  for (const ds of chosen) rows.push(...(await runDataset(ds)));
  if (values.json) {
    console.log(
      JSON.stringify(
        rows.map((r) => ({ ...r, perCluster: Object.fromEntries(r.perCluster) })),
        null,
        2,
      ),
    );
    return;
  }
  const table = [
    ["dataset", "system", "found", "points", `R-1 / R-2 recall @${WORDS} words`],
    ...rows.map((r) => [
      r.dataset + (DATASETS.find((d) => d.name === r.dataset)?.jackknife ? " (jackknifed)" : ""),
      r.system,
      `${r.found}/${r.clusters}`,
      /^(brief|digest)/.test(r.system) ? r.points.toFixed(1) : "",
      `${r.r1.toFixed(2)} / ${r.r2.toFixed(2)}`,
    ]),
  ];
  console.log(markdownTable(table));
  if (values["per-cluster"]) console.log(`\n${markdownTable(perClusterTable(rows, PER_CLUSTER_SYSTEMS))}`);
  // What an editor checks, on production's selection: points that mention the topic, headlines taken
  // from what the briefing cites, non-sentences among the points.
  QUALITY.set("bbc (every 45th title)", await bbcQuality());
  QUALITY.set("multinews (every 9th test cluster)", await multiNewsQuality());
  const qt = [
    [
      "briefings",
      "found",
      "points mentioning the topic",
      "headline from cited content",
      "headlines from points that are no sentence (cut …, no verb)",
      "fragments / 100 points",
      "unexplained reference / 100 points",
      "points off the topic's story (briefings mostly off it)",
      "points / briefing",
    ],
    ...[...QUALITY].map(([name, q]) => qualityRow(name, q)),
  ];
  console.log(`\n${markdownTable(qt)}`);
  // Stories a reader sees as one: digests over several DUC clusters mixed together (each cluster one
  // story, by its human editors), how many digest stories cite only one cluster.
  const purity = [
    [
      "digests over mixed DUC clusters",
      "digests",
      "stories",
      "stories citing one cluster",
      "points from the story's cluster",
    ],
    ...chosen.map((ds) => purityRow(ds, storyPurity(ds.file, PURITY.clusters, PURITY.trials))),
  ];
  console.log(`\n${markdownTable(await Promise.all(purity))}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? (process.env.DEBUG ? err.stack : err.message) : err);
    process.exit(1);
  });
}
