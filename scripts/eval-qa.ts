/**
 * `npm run eval:qa`: how often the ENGINE's answers are right, on the RealTimeQA dev set
 * (../shared/eval/realtimeqa/realtimeqa_dev.jsonl: real news-quiz questions, each with the pages saved
 * for it). Each question is answered over its own documents only (an in-memory corpus per question),
 * as `ask --json` would. Graded as Summit's evaluation README says:
 *
 *   strict   a gold answer string (case-insensitive) appears in the `answer` field
 *   lenient  ... in the answer or in any point
 *   found    the engine said it found an answer (not "The articles don't say …")
 *
 * beside a naive baseline in the same run: the single sentence sharing the most question words.
 * The multiple-choice options are never shown to the engine.
 *
 *   npm run eval:qa                 the whole dev set, one table
 *   npm run eval:qa -- --json       machine-readable figures
 *   npm run eval:qa -- --misses N   print N strict misses (question, gold, answer) for reading
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
import { createEngine } from "../app/engine/create.ts";
import type { ArticleRecord } from "../src/corpus/load.ts";
import { splitSentences } from "../src/corpus/sentences.ts";
import { analyzeQuestion } from "../src/engine/questions.ts";
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

/** Whether a gold answer string appears in `text` (case-insensitive). */
export function hasGold(text: string, answers: string[]): boolean {
  const t = text.toLowerCase();
  return answers.some((a) => a.trim() !== "" && t.includes(a.trim().toLowerCase()));
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

export async function runQa(records: QaRecord[]): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const r of records) {
    // Asked on the question's date (the quiz's "this week"), as a user's question is asked now.
    const asked = askedOn(r);
    const engine = createEngine(
      { corpusDir: "" },
      { records: qaRecords(r), ...(asked ? { extractive: { clock: { now: () => asked } } } : {}) },
    );
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
export async function runUnanswerable(records: QaRecord[]): Promise<{ asked: number; declined: number }> {
  let asked = 0;
  let declined = 0;
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    const pages = qaRecords(records[(i + UNANSWERABLE_SHIFT) % records.length]!);
    if (pages.some((p) => hasGold(p.text, r.answers))) continue;
    const on = askedOn(r);
    const engine = createEngine(
      { corpusDir: "" },
      { records: pages, ...(on ? { extractive: { clock: { now: () => on } } } : {}) },
    );
    asked++;
    if (!(await engine.ask(r.question)).found) declined++;
  }
  return { asked, declined };
}

function pct(n: number, d: number): string {
  return `${((100 * n) / Math.max(1, d)).toFixed(1)}% (${n}/${d})`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: "boolean", default: false },
      misses: { type: "string", default: "0" },
    },
  });
  const records = loadQa();
  const res = await runQa(records);
  const unanswerable = await runUnanswerable(records);
  const n = res.length;
  const count = (f: (o: Outcome) => boolean) => res.filter(f).length;
  const ms = res.map((o) => o.ms).sort((a, b) => a - b);
  const summary = {
    questions: n,
    strict: count((o) => o.strict) / n,
    lenient: count((o) => o.lenient) / n,
    found: count((o) => o.found) / n,
    naive: count((o) => o.naive) / n,
    medianAskMs: ms[Math.floor(n / 2)] ?? 0,
    unanswerableDeclined: unanswerable.declined / Math.max(1, unanswerable.asked),
  };
  if (values.json) {
    console.log(JSON.stringify(summary, null, 2));
    return;
  }
  const rows = [
    ["system", "strict (answer)", "answer or points", "found"],
    [
      "summit ask",
      pct(
        count((o) => o.strict),
        n,
      ),
      pct(
        count((o) => o.lenient),
        n,
      ),
      pct(
        count((o) => o.found),
        n,
      ),
    ],
    [
      "naive best sentence",
      pct(
        count((o) => o.naive),
        n,
      ),
      "",
      "",
    ],
  ];
  console.log(markdownTable(rows));
  console.log(`\nRealTimeQA dev, ${n} questions; median ask ${summary.medianAskMs.toFixed(1)} ms`);
  console.log(
    `asked over pages that don't answer them (another question's, ${UNANSWERABLE_SHIFT} on): "don't say" ${pct(unanswerable.declined, unanswerable.asked)}`,
  );
  const types = [...new Set(res.map((o) => o.type))].sort();
  console.log(
    `by answer type (strict / lenient / naive): ${types
      .map((t) => {
        const of = res.filter((o) => o.type === t);
        const c = (f: (o: Outcome) => boolean) => of.filter(f).length;
        return `${t} ${c((o) => o.strict)}/${c((o) => o.lenient)}/${c((o) => o.naive)} of ${of.length}`;
      })
      .join(", ")}`,
  );
  const misses = Number(values.misses);
  for (const o of res.filter((x) => !x.strict).slice(0, misses)) {
    console.log(`\n[${o.id}] ${o.question}\n  gold: ${o.gold.join(" | ")}${o.lenient ? " (in points)" : ""}`);
    console.log(`  answer: ${o.answer}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? (process.env.DEBUG ? err.stack : err.message) : err);
    process.exit(1);
  });
}
