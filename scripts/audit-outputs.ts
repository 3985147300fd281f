/**
 * Prints what an editor reads, for auditing by hand: over Multi-News test clusters and DUC 2007 update
 * topics (each its own in-memory corpus), the briefing on a topic, the answers to a few questions and
 * the digest, with every source's title. Topics and questions are our own words
 * (scripts/audit-questions.json); the news is read at run time from ../shared/eval, never copied.
 *
 *   node scripts/audit-outputs.ts                        the audited set: Multi-News lines with index % 10 == 3 (first 25) + DUC update topics
 *   node scripts/audit-outputs.ts --mod 7 --count 10     fresh Multi-News lines (index % 10 == 7), questions from the file when given
 *   node scripts/audit-outputs.ts --only 33,43           just these Multi-News lines
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { type ArticleRecord, articlesFromRecords } from "../src/corpus/load.ts";
import { createExtractiveEngine } from "../src/engine/extractive.ts";
import type { Point, Source } from "../src/model.ts";
import { sharedUrl } from "./shared.ts";

interface Cluster {
  id: string;
  topic?: string;
  query_title?: string;
  subset?: string;
  docs: { title?: string; date?: string; text: string }[];
}
interface Plan {
  topic: string;
  questions: string[];
}
const QUESTIONS = JSON.parse(readFileSync(new URL("audit-questions.json", import.meta.url), "utf8")) as {
  multinews: Record<string, Plan>;
  duc2007update: Record<string, Plan>;
};

function lines(file: string): Cluster[] {
  return readFileSync(fileURLToPath(new URL(file, sharedUrl())), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Cluster);
}

function cite(points: Point[], sources: Source[]): string[] {
  const n = new Map(sources.map((s, i) => [s.id, i + 1]));
  return points.map((p) => `  - ${p.text} [${p.sources.map((id) => n.get(id) ?? id).join(",")}]`);
}

async function audit(name: string, records: ArticleRecord[], plan: Plan): Promise<void> {
  const engine = createExtractiveEngine(articlesFromRecords(records));
  const out: string[] = [`\n=== ${name} — topic "${plan.topic}"`];
  engine.articles.forEach((a, i) => {
    out.push(`  source ${i + 1} (${a.id}): ${a.title}${a.date ? ` [${a.date}]` : ""}`);
  });
  const b = await engine.brief(plan.topic);
  out.push(`BRIEF found=${b.found} HEADLINE: ${b.headline}`);
  out.push(...cite(b.points, b.sources));
  for (const d of b.disagreements) {
    out.push(`  DIFFER about ${d.about}:`);
    for (const c of d.claims)
      out.push(`    * ${c.text} (${c.values?.join("; ") ?? ""}) [${c.sources.join(",")}]`);
  }
  for (const q of plan.questions) {
    const a = await engine.ask(q, { context: plan.topic });
    out.push(`ASK ${q}\n  found=${a.found} ANSWER: ${a.answer}`);
    out.push(...cite(a.points.slice(0, 2), a.sources));
  }
  const d = await engine.digest();
  out.push(`DIGEST ${d.summary}`);
  for (const s of d.stories) {
    out.push(` story: ${s.title}`);
    out.push(...cite(s.points, d.sources));
  }
  console.log(out.join("\n"));
}

const { values } = parseArgs({
  options: {
    mod: { type: "string", default: "3" },
    count: { type: "string", default: "25" },
    only: { type: "string" },
    duc: { type: "boolean", default: true },
  },
});
const mod = Number(values.mod);
const mn = lines("eval/multi_news/multi_news_test.jsonl");
const picked = values.only
  ? values.only.split(",").map(Number)
  : mn
      .map((_, i) => i)
      .filter((i) => i % 10 === mod)
      .slice(0, Number(values.count));
for (const i of picked) {
  const r = mn[i]!;
  const plan = QUESTIONS.multinews[String(i)];
  if (!plan) continue;
  await audit(
    `multinews ${i} (${r.id})`,
    r.docs.map((d, k) => ({ id: `mn${i}-d${k}`, text: d.text })),
    plan,
  );
}
if (values.duc && !values.only && mod === 3) {
  const duc = lines("eval/duc2007/duc2007_update.jsonl");
  for (const [topic, plan] of Object.entries(QUESTIONS.duc2007update)) {
    const docs = duc.filter((r) => r.topic === topic).flatMap((r) => r.docs);
    await audit(
      `duc2007 update ${topic}`,
      docs.map((d, k) => ({
        id: `${topic}-d${k}`,
        text: d.text,
        ...(d.title ? { title: d.title } : {}),
        ...(d.date ? { date: d.date } : {}),
      })),
      plan,
    );
  }
}
