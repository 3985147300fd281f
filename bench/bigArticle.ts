/**
 * One huge article must not slow every briefing down (issue #11, item 1). A real 50 MB article file
 * (generated news-like sentences sharing everyday words with the seeds) is written into a temp copy of
 * seeds/; the brief of a seed topic is timed over the seeds alone (the same-run baseline) and over
 * seeds + the big file, with the article size cap at its default (SUMMIT_MAX_ARTICLE_BYTES).
 *
 * Also (first): hostile HTML pages, read before/after the markup limits (src/corpus/htmlBounds.ts).
 *
 *   npm run bench -- bigArticle   ·   npx node bench/bigArticle.ts [--hostile: only the HTML table]
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readPageMeta } from "../sources/page.ts";
import { cleanBoundedHtml } from "../src/corpus/html.ts";
import { boundHtml } from "../src/corpus/htmlBounds.ts";
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

const PARA =
  "<p>The county council voted on Tuesday to approve the new budget for schools and roads across the region.</p>";
const fill = (unit: string, bytes: number) => unit.repeat(Math.ceil(bytes / unit.length));
const MB = 1024 * 1024;

/** Hostile page shapes (a fetched body is capped at 5 MiB, a corpus file at 1 MB). */
const HOSTILE: Record<string, () => string> = {
  "50,000 nested <div>s": () =>
    `<html><body>${"<div>".repeat(50_000)}${PARA.repeat(12)}${"</div>".repeat(50_000)}</body></html>`,
  "flat 4 MB of <p>s": () => `<html><body><article>${fill(PARA, 4 * MB)}</article></body></html>`,
  "one 4 MB text node": () => `<html><body><p>${fill("word and ", 4 * MB)}</p></body></html>`,
  "100,000 attributes on one element": () =>
    `<html><body><div ${Array.from({ length: 100_000 }, (_, i) => `a${i}="v"`).join(" ")}>${PARA.repeat(12)}</div></body></html>`,
  "4 MB of <script>/<style>": () =>
    `<html><head>${fill("<script>var a=1;</script>", 2 * MB)}</head><body>${PARA.repeat(12)}${fill("<style>p{}</style>", 2 * MB)}</body></html>`,
  "4 MB of small tables": () =>
    `<html><body>${PARA.repeat(12)}${fill("<table><tr><td>a</td><td>b</td></tr></table>", 4 * MB)}</body></html>`,
  "4 MB of links": () =>
    `<html><body>${PARA.repeat(12)}${fill('<a href="/x">link</a> ', 4 * MB)}</body></html>`,
  "4 MB of <img>s": () =>
    `<html><body>${PARA.repeat(12)}${fill('<img src="a.jpg" alt="x">', 4 * MB)}</body></html>`,
};

function cpuMs(fn: () => void): { wall: number; cpu: number } {
  const t = performance.now();
  const c = process.cpuUsage();
  try {
    fn();
  } catch {
    // a stack overflow in the old path is timed too
  }
  const u = process.cpuUsage(c);
  return { wall: performance.now() - t, cpu: (u.user + u.system) / 1000 };
}

/**
 * A fetched page before (the page parsed as it is: linkedom + boundDepth + Readability, head read
 * from the page) and after the markup pass (sources/page.ts extractPage). Before runs once (up to a
 * minute a shape); after, 5 times (median). CPU time is shown beside wall time: the machine is shared.
 */
export async function hostileHtml(): Promise<void> {
  const before = (html: string) => {
    cleanBoundedHtml({ html, notice: null, nodes: 0 });
    readPageMeta(html);
  };
  const after = (html: string) => {
    const b = boundHtml(html);
    cleanBoundedHtml(b);
    readPageMeta(b.html);
  };
  after(`<html><body>${PARA.repeat(12)}</body></html>`); // warm-up: loads linkedom and Readability
  console.log(
    "| page | before ms (wall / cpu, 1 run) | after ms median (wall / cpu, 5 runs) | ratio (cpu) |",
  );
  console.log("|---|---|---|---|");
  for (const [name, make] of Object.entries(HOSTILE)) {
    const html = make();
    const b = cpuMs(() => before(html));
    const runs = Array.from({ length: 5 }, () => cpuMs(() => after(html)));
    const wall = median(runs.map((r) => r.wall));
    const cpu = median(runs.map((r) => r.cpu));
    console.log(
      `| ${name} | ${b.wall.toFixed(0)} / ${b.cpu.toFixed(0)} | ${wall.toFixed(0)} / ${cpu.toFixed(0)} | ${(b.cpu / cpu).toFixed(1)}× |`,
    );
  }
}

export async function run(): Promise<void> {
  await hostileHtml();
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

if (import.meta.main) await (process.argv.includes("--hostile") ? hostileHtml() : run());
