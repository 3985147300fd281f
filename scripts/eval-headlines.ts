/**
 * `npm run eval:headlines`: how many briefing headlines and digest story titles an editor would reject,
 * by fault (scripts/headlineChecks.ts: cut "…", no finite verb or no subject, ending open, unbalanced
 * quotes or brackets, a pronoun or an unexplained "The …" opening, first/second person, furniture or a
 * label, over 20 words), and how much of a headline's words the human summary holds (share of its
 * content stems found in the cluster's reference summaries, averaged over headlines: does it state the
 * main point).
 *
 * Sets: Multi-News every 9th test cluster (two reports or more; brief on its two most frequent terms,
 * and its digest), DUC 2004 (three most frequent terms) and DUC 2007 main (query title), each cluster
 * its own corpus, brief and digest; BBC briefings on every 45th title's two rarest words and the BBC
 * digests on the same topics (every 90th).
 *
 *   npm run eval:headlines                 the table
 *   npm run eval:headlines -- --list       also every bad headline with its faults
 *   npm run eval:headlines -- --only multinews,duc2004
 *   npm run eval:headlines -- --json
 *   npm run eval:headlines -- --dump       every headline: set, cluster, share in the human summary, text (to diff two trees)
 *   npm run eval:headlines -- --offset 4   another slice of Multi-News: the test clusters whose index is 4 mod 9
 *                                          (the default, 0, is the slice rules are tuned on; keep others unread)
 *   npm run eval:headlines -- --engine /tmp/base
 *                                          the cluster sets' headlines from another checkout's engine (its
 *                                          app/engine/create.ts), read with this tree's checker and slices
 *                                          (the BBC set is always this tree's engine)
 */

import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createEngine as ownEngine } from "../app/engine/create.ts";
import type { ArticleRecord } from "../src/corpus/load.ts";
import { termStems } from "../src/search/index.ts";
import { loadRecords } from "./eval.ts";
import { bbcEngine, frequentTerms, titleTopic } from "./evalTopics.ts";
import { HEADLINE_FAULTS, type HeadlineFault, headlineFaults } from "./headlineChecks.ts";
import { markdownTable } from "./shared.ts";

interface Tally {
  n: number;
  bad: number;
  faults: Map<HeadlineFault, number>;
  /** Headlines with content words, and the sum of their shares in the human summary. */
  shareN: number;
  shareSum: number;
  list: string[];
  /** Every headline: where, its share in the human summary, the text (for `--dump`). */
  all: string[];
}

function emptyTally(): Tally {
  return { n: 0, bad: 0, faults: new Map(), shareN: 0, shareSum: 0, list: [], all: [] };
}

const TALLIES = new Map<string, Tally>();

/** The engine factory the cluster sets use: this tree's, or another checkout's (`--engine DIR`). */
let createEngine: typeof ownEngine = ownEngine;

/** Which slice of Multi-News: the test clusters whose index is `offset` mod 9 (`--offset`). */
let multiNewsOffset = 0;

function add(key: string, headline: string, refs: string[] | null, where: string): void {
  const t = TALLIES.get(key) ?? emptyTally();
  TALLIES.set(key, t);
  t.n++;
  const f = headlineFaults(headline);
  if (f.length > 0) {
    t.bad++;
    t.list.push(`${where}: ${headline}  [${f.join("; ")}]`);
  }
  for (const x of f) t.faults.set(x, (t.faults.get(x) ?? 0) + 1);
  let share = "";
  if (refs) {
    const stems = [...new Set(termStems(headline))];
    if (stems.length > 0) {
      const ref = new Set(refs.flatMap((r) => termStems(r)));
      const x = stems.filter((s) => ref.has(s)).length / stems.length;
      t.shareN++;
      t.shareSum += x;
      share = (100 * x).toFixed(0);
    }
  }
  t.all.push(`${key}\t${where}\t${share}\t${headline}`);
}

async function clusterSet(
  name: string,
  file: string,
  every: number,
  topicOf: (r: { query_title?: string; query?: string; docs: { title?: string; text: string }[] }) => string,
  minDocs = 1,
  offset = 0,
): Promise<void> {
  const { records } = loadRecords(file, every, offset);
  for (const rec of records) {
    if (rec.docs.length < minDocs) continue;
    const r = rec as typeof rec & { query_title?: string };
    const articles: ArticleRecord[] = r.docs.map((d, i) => ({
      id: `${r.id}-d${i}`,
      text: d.text,
      ...(d.title ? { title: d.title } : {}),
      ...(d.date ? { date: d.date } : {}),
    }));
    const engine = createEngine({ corpusDir: "" }, { records: articles });
    const b = await engine.brief(topicOf(r));
    if (b.found) add(`${name} | brief headlines`, b.headline, r.refs, r.id);
    const d = await engine.digest();
    for (const s of d.stories) add(`${name} | digest story titles`, s.title, r.refs, r.id);
  }
}

async function bbcSet(): Promise<void> {
  const { records, engine } = bbcEngine();
  for (let i = 0; i < records.length; i += 45) {
    const topic = titleTopic(engine, records[i]!.title);
    if (!topic) continue;
    const b = await engine.brief(topic);
    if (b.found) add("bbc | brief headlines", b.headline, null, topic);
    if (i % 90 === 0) {
      const d = await engine.digest({ topics: [topic] });
      for (const s of d.stories) add("bbc | digest story titles", s.title, null, topic);
    }
  }
}

const SETS: Record<string, () => Promise<void>> = {
  multinews: () =>
    clusterSet(
      multiNewsOffset === 0
        ? "multinews (every 9th test)"
        : `multinews (every 9th test, offset ${multiNewsOffset})`,
      "eval/multi_news/multi_news_test.jsonl",
      9,
      (r) => frequentTerms(r.docs, 2),
      2,
      multiNewsOffset,
    ),
  duc2004: () =>
    clusterSet("duc2004", "eval/duc2004_task2/duc2004_task2.jsonl", 1, (r) => frequentTerms(r.docs)),
  duc2007: () =>
    clusterSet(
      "duc2007",
      "eval/duc2007/duc2007_main.jsonl",
      1,
      (r) => r.query_title ?? r.query?.split(".")[0] ?? frequentTerms(r.docs),
    ),
  bbc: bbcSet,
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: "string" },
      list: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      dump: { type: "boolean", default: false },
      offset: { type: "string", default: "0" },
      engine: { type: "string" },
    },
  });
  multiNewsOffset = Number(values.offset);
  if (!Number.isInteger(multiNewsOffset) || multiNewsOffset < 0 || multiNewsOffset > 8)
    throw new Error(`--offset takes 0 to 8, not ${values.offset}`);
  if (values.engine) {
    const url = pathToFileURL(resolve(values.engine, "app/engine/create.ts")).href;
    createEngine = ((await import(url)) as { createEngine: typeof ownEngine }).createEngine;
  }
  const only = values.only?.split(",");
  for (const [name, run] of Object.entries(SETS)) if (!only || only.includes(name)) await run();
  if (values.dump) {
    for (const t of TALLIES.values()) for (const l of t.all) console.log(l);
    return;
  }
  const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)}`;
  if (values.json) {
    console.log(
      JSON.stringify(
        Object.fromEntries(
          [...TALLIES].map(([k, t]) => [
            k,
            {
              n: t.n,
              bad: t.bad,
              share: t.shareN ? (100 * t.shareSum) / t.shareN : null,
              faults: Object.fromEntries(t.faults),
            },
          ]),
        ),
        null,
        1,
      ),
    );
    return;
  }
  const table = [
    ["set | kind", "n", "bad", "bad %", "words in human summary %", ...HEADLINE_FAULTS],
    ...[...TALLIES].map(([k, t]) => [
      k,
      String(t.n),
      String(t.bad),
      pct(t.bad, t.n),
      t.shareN ? pct(t.shareSum, t.shareN) : "",
      ...HEADLINE_FAULTS.map((f) => String(t.faults.get(f) ?? 0)),
    ]),
  ];
  console.log(markdownTable(table));
  if (values.list)
    for (const [k, t] of TALLIES) {
      console.log(`\n## ${k}`);
      for (const l of t.list) console.log(l);
    }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? (process.env.DEBUG ? err.stack : err.message) : err);
    process.exit(1);
  });
}
