/**
 * `npm run eval:qa`: how often the ENGINE's answers are right, on the RealTimeQA dev set
 * (../shared/eval/realtimeqa/realtimeqa_dev.jsonl: real news-quiz questions, each with the pages saved
 * for it). Each question is answered over its own documents only (an in-memory corpus per question),
 * as `ask --json` would. Graded as Summit's evaluation README says:
 *
 *   strict   a gold answer string appears in the `answer` field (case, apostrophes' and quotes' forms,
 *            hyphens and a gold answer's opening article aside: `hasGold`)
 *   lenient  ... in the answer or in any point
 *   found    the engine said it found an answer (not "The articles don't say …")
 *   confidently wrong   found, and no gold answer string in the answer (what loses a reader: fewer is
 *            better, traded against strict and "don't say")
 *
 * beside a naive baseline in the same run: the single sentence sharing the most question words.
 * The multiple-choice options are never shown to the engine.
 *
 *   npm run eval:qa                 the whole dev set, one table
 *   npm run eval:qa -- --json       machine-readable figures
 *   npm run eval:qa -- --misses N   print N strict misses (question, gold, answer) for reading
 *   npm run eval:qa -- --misses N --half even   ... of the even-numbered questions only (tune on one
 *                                   half, check the other moves the same way)
 *   npm run eval:qa -- --stages     where each strict miss loses its answer (counts by stage, per half;
 *                                   with --misses, each miss printed with its stage)
 *   npm run eval:qa -- --baseline DIR   the same beside another checkout of Summit (its root, with its
 *                                   own node_modules), in the same run: both columns, and the questions
 *                                   one gets right and the other not
 *
 * Every figure is given for the whole set and for its even- and odd-numbered halves (by position in
 * the file): a change that gains on one half only is likelier tuned to those questions than general.
 *
 * Also, how often it says so when the pages do not hold the answer: each question asked over the pages
 * of the question UNANSWERABLE_SHIFT further on (another week's news), skipped when those pages happen
 * to contain a gold answer; right = "The articles don't say …" (found: false).
 *
 * Data is read at run time from ../shared/eval (never copied into the project).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createEngine, createExtractiveFromConfig } from "../app/engine/create.ts";
import type { ArticleRecord } from "../src/corpus/load.ts";
import { splitSentences } from "../src/corpus/sentences.ts";
import { analyzeQuestion } from "../src/engine/questions.ts";
import { type QuestionTrace, retrieveQuestion } from "../src/engine/retrieval.ts";
import type { Answer } from "../src/model.ts";
import { STOPWORDS, words } from "../src/text/tokens.ts";
import { markdownTable, sharedUrl } from "./shared.ts";

interface QaRecord {
  id: string;
  question: string;
  question_date?: string;
  answers: string[];
  docs: { title?: string; text: string; url?: string; date?: string }[];
}

const FILE = new URL("eval/realtimeqa/realtimeqa_dev.jsonl", sharedUrl());

export function loadQa(): QaRecord[] {
  const path = fileURLToPath(FILE);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new Error(`RealTimeQA data not found at ${path}: the shared/ folder must sit beside the project`);
  }
  return text
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as QaRecord);
}

/** The question's records: one per saved page, dated when the page is. */
export function qaRecords(r: QaRecord): ArticleRecord[] {
  return r.docs.map((d, i) => ({
    id: `${r.id}-d${i}`,
    text: d.text,
    ...(d.title ? { title: d.title } : {}),
    ...(d.date ? { date: d.date } : {}),
    ...(d.url ? { url: d.url } : {}),
  }));
}

/** The day a question was asked (its `question_date`, "2022/06/17"), if given. */
export function askedOn(r: QaRecord): Date | null {
  if (!r.question_date) return null;
  const d = new Date(`${r.question_date.replace(/\//g, "-")}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * A text as graded: lower case, typographic apostrophes and quotes as typed ones ("Wendy’s" is
 * "Wendy's"), hyphens and dashes as spaces ("Al-Nassr" is "Al Nassr"), each run of spaces as one.
 */
export function gradedForm(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’‛′]/gu, "'")
    .replace(/[“”„″]/gu, '"')
    .replace(/[-‐‑‒–—]/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
}

/**
 * Whether a gold answer string appears in `text`, both in their graded form (`gradedForm`), a gold
 * answer's opening article aside ("The Twin Towers" is given by "the World Trade Center's Twin Towers").
 */
export function hasGold(text: string, answers: string[]): boolean {
  const t = gradedForm(text);
  return answers.some((a) => {
    const g = gradedForm(a).replace(/^(?:the|an?) (?=\S)/u, "");
    return g !== "" && t.includes(g);
  });
}

/** The naive baseline: the sentence sharing the most distinct question words (ties: earliest). */
export function naiveAnswer(r: QaRecord): string {
  const q = new Set(words(r.question).filter((w) => !STOPWORDS.has(w)));
  let best = "";
  let bestScore = -1;
  for (const d of r.docs) {
    for (const para of d.text.split(/\n+/)) {
      for (const s of splitSentences(para)) {
        const score = new Set(words(s).filter((w) => q.has(w))).size;
        if (score > bestScore) {
          best = s;
          bestScore = score;
        }
      }
    }
  }
  return best;
}

/**
 * The stages a question's retrieval goes through (src/engine/retrieval.ts), in order: where a strict
 * miss loses its answer is the first stage no gold-bearing sentence passes.
 */
export const LOSS_STAGES = [
  "not in its pages",
  "in no sentence (title, list or furniture only)",
  "stopped early (a name or most words absent)",
  "article not found",
  "under a fifth of the question",
  "under the relevance bar",
  "unreadable (too long, furniture, a question)",
  "past the cap on sentences read",
  "outranked",
  "ranked first, answer lost (declined or reworded)",
] as const;
export type LossStage = (typeof LOSS_STAGES)[number];

/** Where a question's answer is lost: the first stage of its retrieval no gold-bearing sentence passes. */
export function lossStage(r: QaRecord): LossStage {
  const gold = (t: string) => hasGold(t, r.answers);
  if (!r.docs.some((d) => gold(d.text) || gold(d.title ?? ""))) return LOSS_STAGES[0];
  const now = askedOn(r);
  const { index } = createExtractiveFromConfig(
    { corpusDir: "" },
    { records: qaRecords(r), ...(now ? { extractive: { clock: { now: () => now } } } : {}) },
  );
  const bearing = new Set(index.articles.flatMap((_, a) => index.sentences(a).filter((s) => gold(s.text))));
  if (bearing.size === 0) return LOSS_STAGES[1];
  const trace: QuestionTrace = {};
  retrieveQuestion(index, r.question, { ...(now ? { now } : {}), trace });
  if (trace.stopped) return LOSS_STAGES[2];
  const found = new Set((trace.hits ?? []).map((h) => h.index));
  if (![...bearing].some((s) => found.has(s.article))) return LOSS_STAGES[3];
  const considered = (trace.considered ?? []).filter((x) => bearing.has(x.sentence));
  if (considered.length === 0) return LOSS_STAGES[4];
  if (!considered.some((x) => x.rq >= (trace.minRelevance ?? 0))) return LOSS_STAGES[5];
  if (!(trace.kept ?? []).some((s) => bearing.has(s))) return LOSS_STAGES[6];
  if (!(trace.read ?? []).some((s) => bearing.has(s))) return LOSS_STAGES[7];
  const first = trace.ranked?.[0];
  return first && bearing.has(first) ? LOSS_STAGES[9] : LOSS_STAGES[8];
}

interface Outcome {
  id: string;
  question: string;
  gold: string[];
  answer: string;
  strict: boolean;
  lenient: boolean;
  found: boolean;
  naive: boolean;
  ms: number;
  type: string;
}

/** Builds an engine over records, asked at `now`: this checkout's, or another's (--baseline). */
export type EngineMaker = (records: ArticleRecord[], now: Date | null) => { ask(q: string): Promise<Answer> };

const thisEngine: EngineMaker = (records, now) =>
  createEngine({ corpusDir: "" }, { records, ...(now ? { extractive: { clock: { now: () => now } } } : {}) });

/** Another checkout's engine (its root folder), for a comparison in the same run. */
async function checkoutEngine(root: string): Promise<EngineMaker> {
  const mod = (await import(`${root}/app/engine/create.ts`)) as typeof import("../app/engine/create.ts");
  return (records, now) =>
    mod.createEngine(
      { corpusDir: "" },
      { records, ...(now ? { extractive: { clock: { now: () => now } } } : {}) },
    );
}

export async function runQa(records: QaRecord[], make: EngineMaker = thisEngine): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const r of records) {
    // Asked on the question's date (the quiz's "this week"), as a user's question is asked now.
    const engine = make(qaRecords(r), askedOn(r));
    const t0 = performance.now();
    const a: Answer = await engine.ask(r.question);
    const ms = performance.now() - t0;
    out.push({
      id: r.id,
      question: r.question,
      gold: r.answers,
      answer: a.answer,
      strict: hasGold(a.answer, r.answers),
      lenient: hasGold([a.answer, ...a.points.map((p) => p.text)].join("\n"), r.answers),
      found: a.found,
      naive: hasGold(naiveAnswer(r), r.answers),
      ms,
      type: analyzeQuestion(r.question).type,
    });
  }
  return out;
}

/** How far on the pages an unanswerable question is asked over come from (another week's news). */
const UNANSWERABLE_SHIFT = 7;

/** Questions asked over pages that do not answer them: how many were answered "don't say". */
export async function runUnanswerable(
  records: QaRecord[],
  make: EngineMaker = thisEngine,
): Promise<{
  asked: number;
  declined: number;
  /** The same by half: [even-numbered questions, odd-numbered]. */
  byHalf: [{ asked: number; declined: number }, { asked: number; declined: number }];
  wrong: { id: string; question: string; answer: string }[];
}> {
  let asked = 0;
  let declined = 0;
  const byHalf: [{ asked: number; declined: number }, { asked: number; declined: number }] = [
    { asked: 0, declined: 0 },
    { asked: 0, declined: 0 },
  ];
  const wrong: { id: string; question: string; answer: string }[] = [];
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    const pages = qaRecords(records[(i + UNANSWERABLE_SHIFT) % records.length]!);
    if (pages.some((p) => hasGold(p.text, r.answers))) continue;
    const engine = make(pages, askedOn(r));
    asked++;
    byHalf[i % 2]!.asked++;
    const a = await engine.ask(r.question);
    if (!a.found) {
      declined++;
      byHalf[i % 2]!.declined++;
    } else wrong.push({ id: r.id, question: r.question, answer: a.answer });
  }
  return { asked, declined, byHalf, wrong };
}

function pct(n: number, d: number): string {
  return `${((100 * n) / Math.max(1, d)).toFixed(1)}% (${n}/${d})`;
}

/** A share in the three ways every figure is given: all, even-numbered, odd-numbered questions. */
function halves(res: Outcome[], f: (o: Outcome) => boolean): string {
  const of = (k: number | null) => {
    const xs = res.filter((_, i) => k === null || i % 2 === k);
    return `${xs.filter(f).length}/${xs.length}`;
  };
  const all = res.filter(f).length;
  return `${((100 * all) / Math.max(1, res.length)).toFixed(1)}% (${of(null)}; even ${of(0)}, odd ${of(1)})`;
}

/** Found an answer (not "don't say") that holds no gold answer string: a confident wrong answer. */
export function confidentlyWrong(o: Pick<Outcome, "found" | "strict">): boolean {
  return o.found && !o.strict;
}

/** One checkout's results: answerable questions and the unanswerable check. */
interface Run {
  name: string;
  res: Outcome[];
  unanswerable: Awaited<ReturnType<typeof runUnanswerable>>;
}

function summaryOf(run: Run) {
  const { res, unanswerable } = run;
  const n = res.length;
  const share = (f: (o: Outcome) => boolean, k: number | null = null) => {
    const xs = res.filter((_, i) => k === null || i % 2 === k);
    return xs.filter(f).length / Math.max(1, xs.length);
  };
  const ms = res.map((o) => o.ms).sort((a, b) => a - b);
  return {
    questions: n,
    strict: share((o) => o.strict),
    strictEven: share((o) => o.strict, 0),
    strictOdd: share((o) => o.strict, 1),
    lenient: share((o) => o.lenient),
    found: share((o) => o.found),
    confidentlyWrong: share(confidentlyWrong),
    confidentlyWrongEven: share(confidentlyWrong, 0),
    confidentlyWrongOdd: share(confidentlyWrong, 1),
    naive: share((o) => o.naive),
    medianAskMs: ms[Math.floor(n / 2)] ?? 0,
    unanswerableDeclined: unanswerable.declined / Math.max(1, unanswerable.asked),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: "boolean", default: false },
      misses: { type: "string", default: "0" },
      baseline: { type: "string" },
      half: { type: "string" },
      stages: { type: "boolean", default: false },
    },
  });
  const records = loadQa();
  const runs: Run[] = [];
  if (values.baseline) {
    const make = await checkoutEngine(values.baseline);
    runs.push({
      name: "baseline",
      res: await runQa(records, make),
      unanswerable: await runUnanswerable(records, make),
    });
  }
  runs.push({ name: "summit ask", res: await runQa(records), unanswerable: await runUnanswerable(records) });
  const here = runs.at(-1)!;
  const base = runs.length > 1 ? runs[0]! : null;
  if (values.json) {
    const out = summaryOf(here);
    console.log(JSON.stringify(base ? { ...out, baseline: summaryOf(base) } : out, null, 2));
    return;
  }
  const rows = [
    [
      "system",
      "strict (answer)",
      "answer or points",
      "found",
      "confidently wrong (found, no gold)",
      `"don't say" on unanswerable`,
    ],
    ...runs.map((r) => [
      r.name,
      halves(r.res, (o) => o.strict),
      halves(r.res, (o) => o.lenient),
      pct(r.res.filter((o) => o.found).length, r.res.length),
      halves(r.res, confidentlyWrong),
      `${pct(r.unanswerable.declined, r.unanswerable.asked)}; even ${r.unanswerable.byHalf[0].declined}/${r.unanswerable.byHalf[0].asked}, odd ${r.unanswerable.byHalf[1].declined}/${r.unanswerable.byHalf[1].asked}`,
    ]),
    ["naive best sentence", halves(here.res, (o) => o.naive), "", "", "", ""],
  ];
  console.log(markdownTable(rows));
  console.log(
    `\nRealTimeQA dev, ${here.res.length} questions; median ask ${summaryOf(here).medianAskMs.toFixed(1)} ms` +
      (base ? ` (baseline ${summaryOf(base).medianAskMs.toFixed(1)} ms)` : ""),
  );
  console.log(
    `unanswerable: each question asked over another question's pages (${UNANSWERABLE_SHIFT} on), skipped when they hold a gold answer; right = "The articles don't say …"`,
  );
  // By kind (this checkout's reading of each question), strict for each system, then lenient and naive.
  const types = [...new Set(here.res.map((o) => o.type))].sort();
  const kindRows = [
    ["kind", "questions", ...runs.map((r) => `${r.name} strict`), "answer or points", "naive"],
    ...types.map((t) => {
      const at = here.res.flatMap((o, i) => (o.type === t ? [i] : []));
      const c = (r: Outcome[], f: (o: Outcome) => boolean) => String(at.filter((i) => f(r[i]!)).length);
      return [
        t,
        String(at.length),
        ...runs.map((r) => c(r.res, (o) => o.strict)),
        c(here.res, (o) => o.lenient),
        c(here.res, (o) => o.naive),
      ];
    }),
  ];
  console.log(`\n${markdownTable(kindRows)}`);
  if (base) {
    const diff = (a: Outcome[], b: Outcome[]) => a.flatMap((o, i) => (o.strict && !b[i]!.strict ? [i] : []));
    for (const [label, list] of [
      ["gained", diff(here.res, base.res)],
      ["lost", diff(base.res, here.res)],
    ] as const) {
      console.log(`\n${label} (${list.length}):`);
      for (const i of list) {
        const o = here.res[i]!;
        console.log(
          `  #${i} [${o.id}] ${o.question}\n    gold: ${o.gold.join(" | ")}\n    now: ${o.answer}\n    was: ${base.res[i]!.answer}`,
        );
      }
    }
    const was = new Set(base.unanswerable.wrong.map((w) => w.id));
    const now = new Set(here.unanswerable.wrong.map((w) => w.id));
    for (const w of here.unanswerable.wrong)
      if (!was.has(w.id)) console.log(`\nunanswerable, now answered: [${w.id}] ${w.question}\n  ${w.answer}`);
    for (const w of base.unanswerable.wrong)
      if (!now.has(w.id))
        console.log(`\nunanswerable, now declined: [${w.id}] ${w.question}\n  was: ${w.answer}`);
  }
  // Where each strict miss loses its answer, counted by stage for each half.
  const stageOf = new Map<number, LossStage>();
  if (values.stages) {
    here.res.forEach((o, i) => {
      if (!o.strict) stageOf.set(i, lossStage(records[i]!));
    });
    const count = (st: LossStage, k: number) =>
      String([...stageOf].filter(([i, x]) => x === st && i % 2 === k).length);
    console.log(
      `\nwhere the strict misses lose their answer (first stage no gold-bearing sentence passes):\n${markdownTable(
        [["stage", "even", "odd"], ...LOSS_STAGES.map((st) => [st, count(st, 0), count(st, 1)])],
      )}`,
    );
  }
  const misses = Number(values.misses);
  if (values.half !== undefined && values.half !== "even" && values.half !== "odd")
    throw new Error(`--half takes even or odd, not ${values.half}`);
  const parity = values.half === undefined ? null : values.half === "even" ? 0 : 1;
  const inHalf = (i: number) => parity === null || i % 2 === parity;
  const missed = here.res.flatMap((o, i) => (!o.strict && inHalf(i) ? [{ o, i }] : []));
  for (const { o, i } of missed.slice(0, misses)) {
    console.log(
      `\n#${i} [${o.id}] ${o.question}\n  gold: ${o.gold.join(" | ")}${o.lenient ? " (in points)" : ""}` +
        (stageOf.has(i) ? `\n  lost: ${stageOf.get(i)}` : ""),
    );
    console.log(`  answer: ${o.answer}`);
  }
  if (misses > 0)
    for (const w of here.unanswerable.wrong
      .filter((x) => inHalf(records.findIndex((r) => r.id === x.id)))
      .slice(0, misses))
      console.log(`\n[unanswerable ${w.id}] ${w.question}\n  answer: ${w.answer}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? (process.env.DEBUG ? err.stack : err.message) : err);
    process.exit(1);
  });
}
