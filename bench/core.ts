/**
 * Core bench: load+index speed, memory, and brief/ask latency on the BBC News articles
 * (../shared/eval/bbc_news/bbc_news.jsonl, 2,225 articles) and on a 40× corpus built from them in
 * memory (ids and titles varied so nothing collapses). The baseline, measured in the same run, is a
 * naive linear scan: every article's text searched for the query words, matching sentences counted.
 *
 *   npm run bench            (all benches)   ·   npx node bench/core.ts   (this one)
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import MiniSearch from "minisearch";
import { sharedUrl } from "../scripts/shared.ts";
import { type ArticleRecord, articlesFromRecords } from "../src/corpus/load.ts";
import { splitSentences } from "../src/corpus/sentences.ts";
import { createExtractiveEngine } from "../src/engine/extractive.ts";
import { resplitSelection } from "../src/engine/selection/alternatives.ts";
import type { Article } from "../src/model.ts";
import { termStems } from "../src/search/index.ts";
import { InvertedIndex } from "../src/search/inverted.ts";
import { quantile } from "./stats.ts";
import { QUESTIONS, TOPICS } from "./workload.ts";

const DATA = fileURLToPath(new URL("eval/bbc_news/bbc_news.jsonl", sharedUrl()));

function gc(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

function fmt(ms: number): string {
  return ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
}

/** The baseline: scan every article for the query words; top sentences by matches. */
function naiveBrief(articles: readonly Article[], query: string): string[] {
  const terms = query
    .toLowerCase()
    .split(/\W+/)
    .filter((t) => t.length > 2);
  const scored: { s: string; n: number }[] = [];
  for (const a of articles) {
    const text = a.paragraphs.join(" ");
    const lower = text.toLowerCase();
    if (!terms.some((t) => lower.includes(t))) continue;
    for (const s of splitSentences(text)) {
      const ls = s.toLowerCase();
      const n = terms.filter((t) => ls.includes(t)).length;
      if (n > 0) scored.push({ s, n });
    }
  }
  return scored
    .sort((a, b) => b.n - a.n)
    .slice(0, 5)
    .map((x) => x.s);
}

async function time<T>(fn: () => Promise<T> | T): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

function records(): ArticleRecord[] {
  const out: ArticleRecord[] = [];
  for (const line of readFileSync(DATA, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { id: string; title: string; text: string };
    out.push({ id: r.id, title: r.title, text: r.text });
  }
  return out;
}

function multiply(base: ArticleRecord[], times: number): ArticleRecord[] {
  if (times === 1) return base;
  const out: ArticleRecord[] = [];
  for (let k = 0; k < times; k++)
    for (const r of base)
      out.push({
        id: `${r.id}~${k}`,
        title: `${r.title} (${k})`,
        text: k === 0 ? r.text : `${r.text}\n\nEdition ${k}.`,
      });
  return out;
}

interface Row {
  label: string;
  values: string[];
}

export async function run(): Promise<void> {
  const base = records();
  const rows: Row[] = [];
  for (const times of [1, 40]) {
    const recs = multiply(base, times);
    gc();
    const before = process.memoryUsage();
    const t0 = performance.now();
    const articles = articlesFromRecords(recs);
    const t1 = performance.now();
    const engine = createExtractiveEngine(articles);
    const t2 = performance.now();
    gc();
    const after = process.memoryUsage();

    // The earlier coverage path (the summarizer re-splitting each article per briefing), measured in the
    // same run on its own engine (its own sentence cache), topic by topic in alternating order.
    const resplit = createExtractiveEngine(articles, { selection: resplitSelection() });
    const briefCold: number[] = [];
    const briefWarm: number[] = [];
    const oldCold: number[] = [];
    const oldWarm: number[] = [];
    const askCold: number[] = [];
    const naive: number[] = [];
    const both = async (t: string, k: number, cur: number[], old: number[]) => {
      if (k % 2 === 0) {
        cur.push(await time(() => engine.brief(t)));
        old.push(await time(() => resplit.brief(t)));
      } else {
        old.push(await time(() => resplit.brief(t)));
        cur.push(await time(() => engine.brief(t)));
      }
    };
    for (const [k, t] of TOPICS.entries()) await both(t, k, briefCold, oldCold);
    for (let pass = 0; pass < 3; pass++)
      for (const [k, t] of TOPICS.entries()) await both(t, k + pass, briefWarm, oldWarm);
    for (const q of QUESTIONS) askCold.push(await time(() => engine.ask(q)));
    for (const t of TOPICS.slice(0, times === 1 ? TOPICS.length : 5))
      naive.push(await time(() => naiveBrief(articles, t)));
    const suggest = await time(() => engine.suggestTopics("ec"));

    const n = recs.length;
    const loadS = (t2 - t0) / 1000;
    const medNaive = quantile(naive, 0.5);
    rows.push({
      label: `${n.toLocaleString("en")} articles (${times}×)`,
      values: [
        `${fmt(t1 - t0)} ms`,
        `${fmt(t2 - t1)} ms`,
        `${Math.round(n / loadS).toLocaleString("en")}/s`,
        `${mb(after.rss)} / ${mb(after.heapUsed - before.heapUsed)}`,
        `${fmt(quantile(briefCold, 0.5))} / ${fmt(quantile(briefCold, 0.99))}`,
        `${fmt(quantile(briefWarm, 0.5))} / ${fmt(quantile(briefWarm, 0.99))}`,
        `${fmt(quantile(oldCold, 0.5))} / ${fmt(quantile(oldCold, 0.99))} · ${fmt(quantile(oldWarm, 0.5))} / ${fmt(quantile(oldWarm, 0.99))}`,
        `${(quantile(oldCold, 0.5) / quantile(briefCold, 0.5)).toFixed(2)}×`,
        `${fmt(quantile(askCold, 0.5))} / ${fmt(quantile(askCold, 0.99))}`,
        `${fmt(medNaive)} / ${fmt(quantile(naive, 0.99))}`,
        `${(medNaive / quantile(briefCold, 0.5)).toFixed(1)}×`,
        `${fmt(suggest)} ms`,
      ],
    });
  }
  // Why the index is our own: MiniSearch vs InvertedIndex building from the same stems.
  const libRows: string[] = [];
  for (const times of [1, 10]) {
    const arts = articlesFromRecords(multiply(base, times));
    const docs = arts.map((a, i) => ({
      id: i,
      title: termStems(a.title),
      body: termStems(a.paragraphs.join("\n")),
    }));
    gc();
    let h0 = process.memoryUsage().heapUsed;
    let t0 = performance.now();
    const ms = new MiniSearch<{ id: number; title: string; body: string }>({
      fields: ["title", "body"],
      tokenize: (t) => t.split(" "),
      processTerm: (t) => t || null,
    });
    ms.addAll(docs.map((d) => ({ id: d.id, title: d.title.join(" "), body: d.body.join(" ") })));
    const msTime = performance.now() - t0;
    gc();
    const msHeap = process.memoryUsage().heapUsed - h0;
    const msQuery = await time(() => {
      for (const t of TOPICS) ms.search(termStems(t).join(" "), { boost: { title: 2 } });
    });
    gc();
    h0 = process.memoryUsage().heapUsed;
    t0 = performance.now();
    const inv = new InvertedIndex();
    for (const d of docs) inv.add(d.title, d.body);
    const invTime = performance.now() - t0;
    gc();
    const invHeap = process.memoryUsage().heapUsed - h0;
    const invQuery = await time(() => {
      for (const t of TOPICS)
        inv.search(
          termStems(t).map((term) => ({ term, boost: 1 })),
          50,
        );
    });
    libRows.push(
      `| ${docs.length.toLocaleString("en")} | ${Math.round(docs.length / (msTime / 1000)).toLocaleString("en")}/s, ${mb(msHeap)} | ${Math.round(docs.length / (invTime / 1000)).toLocaleString("en")}/s, ${mb(invHeap)} | ${(msTime / invTime).toFixed(1)}× | ${fmt(msQuery / TOPICS.length)} / ${fmt(invQuery / TOPICS.length)} ms |`,
    );
    ms.removeAll();
  }

  const header = [
    "corpus",
    "clean",
    "index",
    "load+index rate",
    "RSS / heap Δ",
    "brief cold ms (med / p99)",
    "brief warm ms (med / p99)",
    "earlier re-split brief ms, cold · warm (med / p99)",
    "cold speed-up vs re-split",
    "ask ms (med / p99)",
    "baseline scan ms (med / p99)",
    "brief speed-up vs scan",
    "first suggest",
  ];
  console.log("\n## Core: load, index, brief, ask (BBC News)\n");
  console.log(`| ${header.join(" | ")} |`);
  console.log(`|${header.map(() => "---").join("|")}|`);
  for (const r of rows) console.log(`| ${r.label} | ${r.values.join(" | ")} |`);
  console.log(
    "\n### Index build from the same stems: MiniSearch (library) vs InvertedIndex (src/search/inverted.ts)\n",
  );
  console.log(
    "| articles | MiniSearch build rate, heap | InvertedIndex build rate, heap | speed-up | query mean (MiniSearch / ours) |",
  );
  console.log("|---|---|---|---|---|");
  for (const r of libRows) console.log(r);
  console.log(
    `\n${TOPICS.length} topics, ${QUESTIONS.length} questions; warm = 3 more passes over the same topics (sentence cache filled); "earlier re-split" = coverage selection as before (the summarizer re-splitting every retrieved article per briefing), its own engine, alternating with the current one topic by topic. Baseline = naive scan of every article (5 topics at 40×).`,
  );
}

if (import.meta.main) await run();
