/**
 * How many shown texts still carry a tokenised copy's spacing (`( cdc )`, `$ 5`, `48 %`, `we ' ll`,
 * `the company , which`, `it 's`, `do n't`, `# metoo`, `2: 28 pm` …), by kind of text and by pattern: what a
 * reader sees over the sets eval:headlines and eval:brief brief on (Multi-News every 9th test cluster with
 * two reports or more, DUC 2004, DUC 2007 main: each cluster its own corpus, its briefing and digest) and
 * audit-outputs' audited set (Multi-News lines index % 10 == 3, first 25, with their questions). With
 * `--baseline DIR` the same runs on another checkout in the same process, and every text that differs is
 * checked to differ only in spaces.
 *
 *   node scripts/audit-spacing.ts                       the table
 *   node scripts/audit-spacing.ts --baseline /tmp/base  beside another checkout (its root)
 *   node scripts/audit-spacing.ts --list 30             also up to 30 shown texts per pattern that still match
 *   node scripts/audit-spacing.ts --changed 30          also up to 30 texts the baseline shows otherwise
 *   node scripts/audit-spacing.ts --only multinews,audit
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { createEngine as CreateEngine } from "../app/engine/create.ts";
import type { ArticleRecord } from "../src/corpus/load.ts";
import type { Engine } from "../src/model.ts";
import { loadRecords } from "./eval.ts";
import { frequentTerms } from "./evalTopics.ts";
import { markdownTable } from "./shared.ts";

/** A tokenised copy's spacing, as a reader would spot it (the counter's own patterns, not the fix's). */
export const SPACING: Record<string, RegExp> = {
  "space before , ; ? !": /[\w)"'%] [,;?!](?=\s|$)/,
  "space before final .": /[\w)"'%] \.(?=\s*$|\s+["'A-Z])(?! \.)/,
  "space before : (word)": /[A-Za-z)] :(?=\s|$)/,
  "split 's 're n't …": /\w '(?:s|re|ve|ll|d|m)\b| n't\b/,
  "spaced contraction (we ' ll)": /\w ' (?:s|t|m|re|ve|ll|d)\b/,
  "spaced name mark (o ' neill)": /\b[OoDdLl] ' [A-Za-z]/,
  "spaced single mark after -s": /\ws ' \w/,
  "( inside )": /\( | \)/,
  "currency $ 5": /[$£€¥] \d/,
  "5 %": /\d %/,
  "# tag": /(?:^|\s)# \w/,
  "time 2: 28": /\b\d: \d\d\b/,
  'spaced " (control)': /(?:^|\s)"(?:\s|$)/,
};

interface Shown {
  kind: string;
  text: string;
}

type Make = (records: ArticleRecord[]) => Engine;

async function maker(root: string): Promise<Make> {
  const mod = (await import(`${root}/app/engine/create.ts`)) as { createEngine: typeof CreateEngine };
  return (records) => mod.createEngine({ corpusDir: "" }, { records });
}

/** Everything a reader sees of one corpus's briefing (and answers), and of its digest. */
async function shownOf(engine: Engine, topic: string, questions: string[]): Promise<Shown[]> {
  const out: Shown[] = [];
  const b = await engine.brief(topic);
  if (b.found) {
    out.push({ kind: "brief headline", text: b.headline });
    for (const p of b.points) out.push({ kind: "brief point", text: p.text });
    for (const d of b.disagreements) for (const c of d.claims) out.push({ kind: "claim", text: c.text });
  }
  for (const q of questions) {
    const a = await engine.ask(q, { context: topic });
    if (!a.found) continue;
    out.push({ kind: "answer", text: a.answer });
    for (const p of a.points.slice(0, 2)) out.push({ kind: "answer point", text: p.text });
  }
  const d = await engine.digest();
  for (const s of d.stories) {
    out.push({ kind: "story title", text: s.title });
    for (const p of s.points) out.push({ kind: "story point", text: p.text });
  }
  return out;
}

interface Job {
  set: string;
  records: ArticleRecord[];
  topic: string;
  questions: string[];
}

function jobs(only: string[] | undefined): Job[] {
  const out: Job[] = [];
  const want = (s: string) => !only || only.includes(s);
  const asRecords = (id: string, docs: { title?: string; date?: string; text: string }[]) =>
    docs.map((d, i) => ({
      id: `${id}-d${i}`,
      text: d.text,
      ...(d.title ? { title: d.title } : {}),
      ...(d.date ? { date: d.date } : {}),
    }));
  if (want("multinews"))
    for (const r of loadRecords("eval/multi_news/multi_news_test.jsonl", 9).records)
      if (r.docs.length >= 2)
        out.push({
          set: "multinews",
          records: asRecords(r.id, r.docs),
          topic: frequentTerms(r.docs, 2),
          questions: [],
        });
  if (want("duc2004"))
    for (const r of loadRecords("eval/duc2004_task2/duc2004_task2.jsonl", 1).records)
      out.push({
        set: "duc2004",
        records: asRecords(r.id, r.docs),
        topic: frequentTerms(r.docs),
        questions: [],
      });
  if (want("duc2007"))
    for (const r of loadRecords("eval/duc2007/duc2007_main.jsonl", 1).records) {
      const q = r as typeof r & { query_title?: string };
      const topic = q.query_title ?? r.query?.split(".")[0] ?? frequentTerms(r.docs);
      out.push({ set: "duc2007", records: asRecords(r.id, r.docs), topic, questions: [] });
    }
  if (want("audit")) {
    const plans = JSON.parse(readFileSync(new URL("audit-questions.json", import.meta.url), "utf8")) as {
      multinews: Record<string, { topic: string; questions: string[] }>;
    };
    const all = loadRecords("eval/multi_news/multi_news_test.jsonl", 1).records;
    const picked = all
      .map((_, i) => i)
      .filter((i) => i % 10 === 3)
      .slice(0, 25);
    for (const i of picked) {
      const plan = plans.multinews[String(i)];
      if (plan)
        out.push({
          set: "audit",
          records: asRecords(`mn${i}`, all[i]!.docs),
          topic: plan.topic,
          questions: plan.questions,
        });
    }
  }
  return out;
}

function patternsOf(text: string): string[] {
  return Object.keys(SPACING).filter((k) => SPACING[k]!.test(text));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      baseline: { type: "string" },
      only: { type: "string" },
      list: { type: "string" },
      changed: { type: "string" },
    },
  });
  const runs: [string, Make][] = [["this", await maker(new URL("..", import.meta.url).pathname)]];
  if (values.baseline) runs.unshift(["baseline", await maker(values.baseline)]);
  /** Per run: key "set | kind" → [shown, with spacing, per pattern]. */
  const tally = runs.map(() => new Map<string, { n: number; spaced: number; by: Map<string, number> }>());
  const examples = new Map<string, string[]>();
  const changed: string[] = [];
  let differ = 0;
  let notOnlySpaces = 0;
  for (const job of jobs(values.only?.split(","))) {
    const shown: Shown[][] = [];
    for (const [r, [, make]] of runs.entries()) {
      const s = await shownOf(make(job.records), job.topic, job.questions);
      shown.push(s);
      for (const { kind, text } of s) {
        const key = `${job.set} | ${kind}`;
        const t = tally[r]!.get(key) ?? { n: 0, spaced: 0, by: new Map() };
        tally[r]!.set(key, t);
        t.n++;
        const ps = patternsOf(text);
        if (ps.length > 0) t.spaced++;
        for (const p of ps) {
          t.by.set(p, (t.by.get(p) ?? 0) + 1);
          if (r === runs.length - 1) {
            const ex = examples.get(p) ?? [];
            examples.set(p, ex);
            ex.push(`${job.set} ${job.records[0]!.id} ${kind}: ${text}`);
          }
        }
      }
    }
    if (shown.length === 2) {
      const [a, b] = shown as [Shown[], Shown[]];
      if (a.length !== b.length) {
        notOnlySpaces++;
        changed.push(`${job.records[0]!.id}: ${a.length} texts vs ${b.length}`);
        continue;
      }
      for (const [i, x] of a.entries()) {
        const y = b[i]!;
        if (x.text === y.text) continue;
        differ++;
        if (x.text.replace(/\s+/g, "") !== y.text.replace(/\s+/g, "")) notOnlySpaces++;
        changed.push(`${job.records[0]!.id} ${x.kind}:\n  - ${x.text}\n  + ${y.text}`);
      }
    }
  }
  const keys = [...new Set(tally.flatMap((t) => [...t.keys()]))];
  const cell = (r: number, k: string, f: (t: { n: number; spaced: number }) => number) => {
    const t = tally[r]!.get(k);
    return t ? String(f(t)) : "0";
  };
  const names = runs.map(([n]) => n);
  console.log(
    markdownTable([
      ["set | kind", "shown", ...names.map((n) => `with tokenised spacing (${n})`)],
      ...keys.map((k) => [
        k,
        cell(runs.length - 1, k, (t) => t.n),
        ...runs.map((_, r) => cell(r, k, (t) => t.spaced)),
      ]),
      [
        "all",
        String(sumOf(tally[runs.length - 1]!, (t) => t.n)),
        ...runs.map((_, r) => String(sumOf(tally[r]!, (t) => t.spaced))),
      ],
    ]),
  );
  console.log();
  console.log(
    markdownTable([
      ["pattern", ...names],
      ...Object.keys(SPACING).map((p) => [
        p,
        ...runs.map((_, r) => String([...tally[r]!.values()].reduce((s, t) => s + (t.by.get(p) ?? 0), 0))),
      ]),
    ]),
  );
  if (runs.length === 2)
    console.log(
      `\ntexts shown otherwise than the baseline: ${differ}; differing in more than spaces: ${notOnlySpaces}`,
    );
  const list = Number(values.list ?? 0);
  if (list > 0)
    for (const [p, ex] of examples) {
      console.log(`\n## ${p} (${ex.length})`);
      for (const e of ex.slice(0, list)) console.log(e);
    }
  const nChanged = Number(values.changed ?? 0);
  if (nChanged > 0) {
    console.log("\n## shown otherwise than the baseline");
    for (const c of changed.slice(0, nChanged)) console.log(c);
  }
}

function sumOf<T>(m: Map<string, T>, f: (t: T) => number): number {
  return [...m.values()].reduce((s, t) => s + f(t), 0);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? (process.env.DEBUG ? err.stack : err.message) : err);
    process.exit(1);
  });
}
