/**
 * Summarizer speed: time to summarize one 10-article DUC 2004 cluster (100 words), median and p99
 * over all 50 clusters, single-threaded, beside the round-robin lead baseline in the same run.
 *   npx node bench/summarize.ts   (data read from ../shared/eval, never copied into the project)
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type ClusterDoc, roundRobinLead, summarizeCluster } from "../src/summarize/index.ts";

const DATA = new URL("../../shared/eval/duc2004_task2/duc2004_task2.jsonl", import.meta.url);
const ROUNDS = 5;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

function timeEach(clusters: ClusterDoc[][], fn: (docs: ClusterDoc[]) => unknown): number[] {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const docs of clusters) {
      const t0 = performance.now();
      fn(docs);
      times.push(performance.now() - t0);
    }
  }
  return times.sort((a, b) => a - b);
}

export function run(): void {
  let text: string;
  try {
    text = readFileSync(fileURLToPath(DATA), "utf8");
  } catch {
    console.log(`summarize bench skipped: ${fileURLToPath(DATA)} not found`);
    return;
  }
  const clusters = text
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { docs: ClusterDoc[] }).docs);
  const ours = (docs: ClusterDoc[]) => summarizeCluster(docs, { words: 100 });
  const lead = (docs: ClusterDoc[]) => roundRobinLead(docs, 100);
  // Warm-up (JIT, caches) outside the measurement.
  for (const docs of clusters) {
    ours(docs);
    lead(docs);
  }
  const o = timeEach(clusters, ours);
  const l = timeEach(clusters, lead);
  const rows = [
    ["what", "median ms", "p99 ms", "ratio (median)"],
    ["round-robin lead", quantile(l, 0.5).toFixed(2), quantile(l, 0.99).toFixed(2), "1.0"],
    [
      "summarizeCluster",
      quantile(o, 0.5).toFixed(2),
      quantile(o, 0.99).toFixed(2),
      (quantile(o, 0.5) / quantile(l, 0.5)).toFixed(1),
    ],
  ];
  console.log(
    `summarize: ${clusters.length} DUC 2004 clusters (10 articles, 100 words) x ${ROUNDS} rounds, one thread`,
  );
  for (const r of rows)
    console.log(
      `  ${r[0]!.padEnd(18)} ${r
        .slice(1)
        .map((c) => c.padStart(14))
        .join(" ")}`,
    );
  console.log("  target: summarizeCluster median < 20 ms");
}

if (import.meta.url === `file://${process.argv[1]}`) run();
