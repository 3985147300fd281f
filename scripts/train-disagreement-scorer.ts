/**
 * An experiment for issue 13 (not used by the engine): can a scored notion of "the same thing" — the
 * evidence around two reports' figures (scripts/disagreement-features.ts), either one feature with one
 * threshold or a logistic model over all of them — show real disagreements at 95% precision on pairs
 * it was not fitted on? Fits on the labelled pairs of the label files given (cluster pairs only; BBC
 * briefing pairs are skipped), cross-validates by cluster (each pair scored by a model fitted without
 * its cluster), picks the lowest threshold whose precision is at least --precision, and, with --test
 * FILE, scores a label file it was not fitted on. Never give it a sealed label set. Prints label reasons
 * with --notes (no article text); --features FILE writes every pair's features (outside the project).
 *
 *   node scripts/train-disagreement-scorer.ts --test tests/data/disagreements-heldout-2026-12c.jsonl \
 *     tests/data/disagreements.jsonl tests/data/disagreements-extended.jsonl \
 *     tests/data/disagreements-heldout-2026-12.jsonl tests/data/disagreements-heldout-2026-12b.jsonl
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { Sentence } from "../src/search/index.ts";
import {
  candidate,
  FEATURE_NAMES,
  figuresOf,
  idfOver,
  pairFeatures,
  scoreOf,
  valuesOver,
} from "./disagreement-features.ts";
import { clusterSentences, loadRecords } from "./eval.ts";
import { LABEL_DATA, type Label, sentenceKey } from "./eval-disagreements.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    test: { type: "string" },
    precision: { type: "string", default: "0.95" },
    lambda: { type: "string", default: "1" },
    folds: { type: "string", default: "10" },
    notes: { type: "boolean", default: false },
    features: { type: "string" },
  },
});
const FILES = LABEL_DATA;
const h = sentenceKey;

interface Example {
  cluster: string;
  same: boolean;
  note: string;
  /** Features of every candidate pair of figures of the two sentences (none: the pair is never shown). */
  pairs: number[][];
  /** The pairs whose values are the label's (for fitting a real pair). */
  labelled: number[][];
}

const byData = new Map<string, ReturnType<typeof loadRecords>["byId"]>();
const clusterCache = new Map<
  string,
  {
    sentences: Sentence[];
    idf: (s: string) => number;
    dates: (string | null)[];
    values: ReturnType<typeof valuesOver>;
    articles: number;
  }
>();
function cluster(data: string, id: string) {
  const k = `${data}:${id}`;
  let c = clusterCache.get(k);
  if (!c) {
    if (!byData.has(data)) byData.set(data, loadRecords(FILES[data]!, 1).byId);
    const r = byData.get(data)!.get(id)!;
    const { sentences, articles } = clusterSentences(r, id);
    c = {
      sentences,
      idf: idfOver(sentences),
      dates: articles.map((a) => a.date ?? null),
      values: valuesOver(sentences),
      articles: articles.length,
    };
    clusterCache.set(k, c);
  }
  return c;
}

const digits = (s: string) => (s.match(/\d+(?:\.\d+)?/g) ?? []).map((x) => x.replace(/\.0+$/, ""));

function examples(file: string): Example[] {
  const out: Example[] = [];
  const labels = readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Label);
  for (const l of labels) {
    const [data, id] = l.set.split(":") as [string, string];
    if (!FILES[data]) continue; // BBC briefings: not a cluster of reports
    const c = cluster(data, id);
    const [ka, kb] = l.key.split("-");
    const sa = c.sentences.find((s) => h(s.text) === ka);
    const sb = c.sentences.find((s) => h(s.text) === kb);
    if (!sa || !sb) continue;
    const pairs: number[][] = [];
    const labelled: number[][] = [];
    const va = new Set([...digits(l.a.value), ...digits(l.b.value)]);
    for (const fa of figuresOf(sa))
      for (const fb of figuresOf(sb)) {
        if (!candidate(sa, fa, sb, fb)) continue;
        const da = c.dates[sa.article] ?? null;
        const f = pairFeatures(sa, fa, sb, fb, {
          idf: c.idf,
          sameDay: da !== null && da === c.dates[sb.article],
          values: c.values,
          articles: c.articles,
        });
        pairs.push(f);
        if (digits(fa.text).some((d) => va.has(d)) && digits(fb.text).some((d) => va.has(d)))
          labelled.push(f);
      }
    out.push({
      cluster: `${data}:${id}`,
      same: l.same,
      pairs,
      labelled,
      note: `${l.about} | ${l.reason.slice(0, 80)}`,
    });
  }
  return out;
}

/** Logistic regression by Newton's method with an L2 penalty (the bias unpenalised). */
function fitLogistic(xs: number[][], ys: number[], lambda: number): number[] {
  const d = FEATURE_NAMES.length;
  let w: number[] = new Array(d).fill(0);
  for (let it = 0; it < 50; it++) {
    const g: number[] = w.map((wi, i) => (i === 0 ? 0 : lambda * wi));
    const H: number[][] = Array.from({ length: d }, (_, i) =>
      Array.from({ length: d }, (_, j) => (i === j && i > 0 ? lambda : i === j ? 1e-6 : 0)),
    );
    xs.forEach((x, n) => {
      const p = scoreOf(x, w);
      const r = p - ys[n]!;
      const s = p * (1 - p);
      for (let i = 0; i < d; i++) {
        g[i]! += r * x[i]!;
        for (let j = 0; j < d; j++) H[i]![j]! += s * x[i]! * x[j]!;
      }
    });
    const step = solve(H, g);
    w = w.map((wi, i) => wi - step[i]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return w;
}

function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((r, i) => [...r, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    [M[c], M[p]] = [M[p]!, M[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r]![c]! / M[c]![c]!;
      for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  return M.map((r, i) => r[n]! / r[i]!);
}

function trainingSet(exs: Example[]): { xs: number[][]; ys: number[] } {
  const xs: number[][] = [];
  const ys: number[] = [];
  for (const e of exs) {
    const use = e.same ? e.labelled : e.pairs;
    for (const f of use) {
      xs.push(f);
      ys.push(e.same ? 1 : 0);
    }
  }
  return { xs, ys };
}

const best = (e: Example, w: readonly number[]) => Math.max(0, ...e.pairs.map((f) => scoreOf(f, w)));

function curve(scored: { s: number; same: boolean; note?: string }[], target: number): number {
  const sorted = [...scored].sort((a, b) => b.s - a.s);
  let tp = 0;
  let fp = 0;
  let threshold = 1;
  const real = scored.filter((x) => x.same).length;
  sorted.forEach((x, i) => {
    if (x.same) tp++;
    else fp++;
    const next = sorted[i + 1];
    if (next && next.s === x.s) return;
    if (x.s > 0 && tp / (tp + fp) >= target && tp >= 5) threshold = x.s;
  });
  {
    let a = 0;
    let b = 0;
    for (const x of sorted.slice(0, 60)) {
      if (x.same) a++;
      else b++;
      process.stdout.write(`${x.same ? "R" : "."}${x.s.toFixed(3)} `);
    }
    console.log(`\n  top 60: ${a} real ${b} not`);
  }
  const at = sorted.filter((x) => x.s >= threshold);
  const tpa = at.filter((x) => x.same).length;
  console.log(
    `  precision-${target} threshold ${threshold.toFixed(4)}: shown ${at.length}, real ${tpa} (precision ${((100 * tpa) / Math.max(1, at.length)).toFixed(1)}%, recall ${((100 * tpa) / Math.max(1, real)).toFixed(1)}% of ${real})`,
  );
  return threshold;
}

function report(name: string, exs: Example[], w: readonly number[], t: number): void {
  const shown = exs.filter((e) => best(e, w) >= t);
  const tp = shown.filter((e) => e.same).length;
  const real = exs.filter((e) => e.same).length;
  const cand = exs.filter((e) => e.same && e.pairs.length > 0).length;
  console.log(
    `${name}: ${exs.length} pairs (${real} real, ${cand} of them candidates); shown ${shown.length}, real ${tp}, false ${shown.length - tp}: precision ${((100 * tp) / Math.max(1, shown.length)).toFixed(1)}%, recall ${((100 * tp) / Math.max(1, real)).toFixed(1)}%`,
  );
}

const lambda = Number(values.lambda);
const train = positionals.flatMap(examples);
const test = values.test ? examples(values.test) : [];
if (values.features) writeFileSync(values.features, JSON.stringify({ names: FEATURE_NAMES, train, test }));
const clusters = [...new Set(train.map((e) => e.cluster))];
const folds = Number(values.folds);
const foldOf = (c: string) => Number.parseInt(h(c).slice(0, 6), 16) % folds;
const oof: { s: number; same: boolean; note?: string }[] = [];
for (let k = 0; k < folds; k++) {
  const tr = trainingSet(train.filter((e) => foldOf(e.cluster) !== k));
  const w = fitLogistic(tr.xs, tr.ys, lambda);
  for (const e of train.filter((x) => foldOf(x.cluster) === k))
    oof.push({ s: best(e, w), same: e.same, note: e.note });
}
console.log(
  `${train.length} labelled pairs from ${clusters.length} clusters; cross-validated (${folds} folds by cluster):`,
);
const t = curve(oof, Number(values.precision));
if (values.notes)
  for (const x of [...oof].sort((a, b) => b.s - a.s).slice(0, 40))
    console.log(`${x.same ? "R" : "."} ${x.s.toFixed(3)} ${x.note}`);
const all = trainingSet(train);
const w = fitLogistic(all.xs, all.ys, lambda);
console.log("weights (fitted on every training pair):");
for (const [i, n] of FEATURE_NAMES.entries()) console.log(`  ${n}: ${w[i]!.toFixed(4)}`);
report("fitted, training files (in-sample)", train, w, t);
// Option (a): one evidence score with one threshold. For each feature alone (read in the direction
// that favours a real pair), the lowest threshold at which the training pairs reach the precision
// asked (five shown or more), and what it shows on the unseen set.
console.log("one feature, one threshold (chosen on the training files; then the unseen set):");
const LOWER_IS_BETTER = new Set(["logRatio", "figures", "approx", "yearsDiffer"]);
FEATURE_NAMES.forEach((n, i) => {
  if (i === 0) return;
  const sign = LOWER_IS_BETTER.has(n) ? -1 : 1;
  const val = (e: Example) => Math.max(Number.NEGATIVE_INFINITY, ...e.pairs.map((f) => sign * f[i]!));
  const tr = train.filter((e) => e.pairs.length > 0).map((e) => ({ v: val(e), same: e.same }));
  const levels = [...new Set(tr.map((x) => x.v))].sort((a, b) => a - b);
  let chosen: number | undefined;
  for (const v of levels) {
    const at = tr.filter((x) => x.v >= v);
    const tp = at.filter((x) => x.same).length;
    if (tp >= 5 && tp / at.length >= Number(values.precision)) {
      chosen = v;
      break;
    }
  }
  const line = (xs: Example[]) => {
    if (chosen === undefined) return "–";
    const at = xs.filter((e) => e.pairs.length > 0 && val(e) >= chosen!);
    const tp = at.filter((e) => e.same).length;
    return `${tp}/${at.length} real of ${xs.filter((e) => e.same).length}`;
  };
  console.log(
    `  ${n}: ${chosen === undefined ? "no threshold reaches it" : `>= ${(sign * chosen).toFixed(3)}`}; training ${line(train)}; unseen ${values.test ? line(test) : "–"}`,
  );
});
if (values.test) {
  report(`fitted, UNSEEN ${values.test}`, test, w, t);
  console.log("  the unseen set's pairs by the model's score:");
  curve(
    test.map((e) => ({ s: best(e, w), same: e.same })),
    Number(values.precision),
  );
}
