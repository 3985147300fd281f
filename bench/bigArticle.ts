/**
 * One huge article must not slow every briefing down (issue #11, item 1). A real 50 MB article file
 * (generated news-like sentences sharing everyday words with the seeds) is written into a temp copy of
 * seeds/; the brief of a seed topic is timed over the seeds alone (the same-run baseline) and over
 * seeds + the big file, with the article size cap at its default (SUMMIT_MAX_ARTICLE_BYTES).
 *
 *   npm run bench -- bigArticle   ·   npx node bench/bigArticle.ts
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadCorpus } from "../src/corpus/load.ts";
import { DEFAULT_MAX_ARTICLE_BYTES } from "../src/corpus/read.ts";
import { createExtractiveEngine } from "../src/engine/extractive.ts";

const SEEDS = join(import.meta.dirname, "..", "seeds");
const TOPIC = "Kim Jong Un meeting with Putin";
const RUNS = 7;

const WORDS =
  "the council leader said on Tuesday that the meeting about the harbour budget would take place in the city hall where officials from the ministry and local businesses will discuss taxes roads schools hospitals weather football prices trains energy farmers markets".split(
    " ",
  );

/** Deterministic pseudo-random news-like text of about `bytes` bytes, in paragraphs of sentences. */
function bigText(bytes: number): string {
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const parts: string[] = ["Harbour budget talks drag on\n\n"];
  let size = parts[0]!.length;
  let n = 0;
  while (size < bytes) {
    const len = 8 + Math.floor(rnd() * 14);
    const w: string[] = [];
    for (let i = 0; i < len; i++) w.push(WORDS[Math.floor(rnd() * WORDS.length)]!);
    w[0] = w[0]!.charAt(0).toUpperCase() + w[0]!.slice(1);
    const s = `${w.join(" ")} ${n++}.${n % 6 === 0 ? "\n\n" : " "}`;
    parts.push(s);
    size += s.length;
  }
  return parts.join("");
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timeBriefs(dir: string): Promise<{ loadMs: number; briefMs: number; articles: number }> {
  const t0 = performance.now();
  const articles = loadCorpus(dir, { warn: () => {} });
  const loadMs = performance.now() - t0;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // A fresh engine each run (untimed): every brief is cold, splitting the sentences it needs, as
    // the first request after start-up is.
    const engine = createExtractiveEngine(articles);
    const t = performance.now();
    await engine.brief(TOPIC);
    times.push(performance.now() - t);
  }
  return { loadMs, briefMs: median(times), articles: articles.length };
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "summit-bench-big-"));
  try {
    cpSync(SEEDS, dir, { recursive: true });
    const seedsOnly = await timeBriefs(dir);
    writeFileSync(join(dir, "zz-huge.txt"), bigText(50_000_000));
    const withBig = await timeBriefs(dir);
    console.log(
      `topic: "${TOPIC}", ${RUNS} cold briefs each (fresh engine, untimed), cap ${DEFAULT_MAX_ARTICLE_BYTES} bytes`,
    );
    console.log("| corpus | articles | load ms | brief median ms |");
    console.log("|---|---|---|---|");
    console.log(
      `| seeds (baseline) | ${seedsOnly.articles} | ${seedsOnly.loadMs.toFixed(0)} | ${seedsOnly.briefMs.toFixed(1)} |`,
    );
    console.log(
      `| seeds + 50 MB .txt | ${withBig.articles} | ${withBig.loadMs.toFixed(0)} | ${withBig.briefMs.toFixed(1)} |`,
    );
    const ratio = withBig.briefMs / seedsOnly.briefMs;
    console.log(`ratio: ${ratio.toFixed(2)}× (target ≤ 2×)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) await run();
