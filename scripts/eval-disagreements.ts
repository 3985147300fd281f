/**
 * `npm run eval:disagreements`: precision and recall of "where sources differ", against labelled
 * pairs of claims in tests/data/disagreements.jsonl (ids, two short values and the reason for each
 * label; never the articles themselves).
 *
 * The blocks come from where a reader meets them:
 *   - briefings over the BBC News corpus (2,225 articles in one corpus; topics: the two rarest
 *     words of the title of every 45th article), and over each DUC 2004 / DUC 2007 cluster on its
 *     topic (as `eval:brief` makes it);
 *   - every conflict the detector finds among all the sentences of each DUC cluster (reports of the
 *     same events by different agencies: where real disagreements are).
 * Each block is split into pairs of claims from different sources on different sides; a pair is one
 * decision ("these two sources give different values for the same thing"). Precision = pairs shown
 * and labelled a real disagreement / pairs shown and labelled; recall = real pairs shown / all real
 * pairs labelled. Pairs shown but not labelled are counted and listed (`--unlabelled`), so a new
 * detector's claims can be read and labelled too.
 *
 *   npm run eval:disagreements
 *   npm run eval:disagreements -- --unlabelled      print the shown pairs that have no label
 *   npm run eval:disagreements -- --dump FILE       write every shown pair (with the sentences) to FILE
 *                                                   for labelling (outside the project: it quotes articles)
 *
 * Data is read at run time from ../shared/eval (never copied into the project).
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { type ArticleRecord, articlesFromRecords } from "../src/corpus/load.ts";
import { findConflicts } from "../src/engine/disagreements.ts";
import { createExtractiveEngine } from "../src/engine/extractive.ts";
import type { Disagreement } from "../src/model.ts";
import type { ClusterDoc } from "../src/summarize/index.ts";
import { loadRecords } from "./eval.ts";
import { bbcEngine, frequentTerms, titleTopic } from "./evalTopics.ts";

export interface Label {
  key: string;
  set: string;
  about: string;
  a: { id: string; value: string };
  b: { id: string; value: string };
  /** true: the two sources give different values for the same quantity of the same thing. */
  same: boolean;
  reason: string;
}

export interface ShownPair {
  key: string;
  set: string;
  about: string;
  a: { id: string; text: string };
  b: { id: string; text: string };
}

const LABELS = new URL("../tests/data/disagreements.jsonl", import.meta.url);

/** A stable key for a pair of claim sentences (order-free). */
export function pairKey(a: string, b: string): string {
  const h = (t: string) =>
    createHash("sha1").update(t.replace(/\s+/g, " ").trim().toLowerCase()).digest("hex").slice(0, 12);
  return [h(a), h(b)].sort().join("-");
}

function textsOf(c: Disagreement["claims"][number] & { texts?: string[] }): string[] {
  return c.texts && c.texts.length > 0 ? c.texts : [c.text];
}

function pairsOf(set: string, ds: Disagreement[]): ShownPair[] {
  const out: ShownPair[] = [];
  for (const d of ds)
    for (let i = 0; i < d.claims.length; i++)
      for (let j = i + 1; j < d.claims.length; j++) {
        const x = d.claims[i]!;
        const y = d.claims[j]!;
        if (x.sources.some((s) => y.sources.includes(s))) continue;
        // Claims on the same side agree: only pairs across sides are a "sources differ" decision.
        if (x.side !== undefined && x.side === y.side) continue;
        // A claim shown for several sources' near-identical sentences shows each of them.
        for (const xt of textsOf(x))
          for (const yt of textsOf(y))
            out.push({
              key: pairKey(xt, yt),
              set,
              about: d.about,
              a: { id: x.sources[0]!, text: xt },
              b: { id: y.sources[0]!, text: yt },
            });
      }
  return out;
}

function records(prefix: string, docs: ClusterDoc[]): ArticleRecord[] {
  return docs.map((d, i) => ({
    id: `${prefix}/d${i}`,
    text: d.text,
    ...(d.title ? { title: d.title } : {}),
    ...(d.date ? { date: d.date } : {}),
  }));
}

/** Every pair the engine shows, over the BBC corpus and the DUC clusters. */
export async function shownPairs(): Promise<ShownPair[]> {
  const out: ShownPair[] = [];
  // BBC: one corpus, briefings on topics taken from titles.
  const { records: bbc, engine } = bbcEngine();
  for (let i = 0; i < bbc.length; i += 45) {
    const topic = titleTopic(engine, bbc[i]!.title);
    if (!topic) continue;
    const b = await engine.brief(topic);
    out.push(...pairsOf(`bbc:${topic}`, b.disagreements));
  }
  // DUC: each cluster its own corpus; its briefing, and every conflict among all its sentences.
  for (const [name, file] of [
    ["duc2004", "eval/duc2004_task2/duc2004_task2.jsonl"],
    ["duc2007", "eval/duc2007/duc2007_main.jsonl"],
  ] as const) {
    const { records: recs } = loadRecords(file, 1);
    for (const r of recs) {
      const e = createExtractiveEngine(articlesFromRecords(records(r.id, r.docs)));
      const q = r as typeof r & { query_title?: string };
      const topic =
        name === "duc2007" ? (q.query_title ?? q.query?.split(".")[0] ?? "") : frequentTerms(r.docs);
      const b = await e.brief(topic);
      out.push(...pairsOf(`${name}:${r.id}:brief`, b.disagreements));
      const sentences = e.index.articles.flatMap((_, a) => e.index.sentences(a));
      const conflicts = findConflicts(
        sentences,
        (a) => e.index.articles[a]!.id,
        50,
        (a) => e.index.articles[a]!.date,
      );
      out.push(
        ...pairsOf(
          `${name}:${r.id}:cluster`,
          conflicts.map((c) => ({ about: c.about, claims: c.claims })),
        ),
      );
    }
  }
  return out;
}

export function loadLabels(): Label[] {
  let text = "";
  try {
    text = readFileSync(fileURLToPath(LABELS), "utf8");
  } catch {
    return [];
  }
  return text
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Label);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { unlabelled: { type: "boolean", default: false }, dump: { type: "string" } },
  });
  const shown = await shownPairs();
  const unique = new Map(shown.map((p) => [p.key, p]));
  if (values.dump) {
    writeFileSync(values.dump, `${[...unique.values()].map((p) => JSON.stringify(p)).join("\n")}\n`);
    console.log(`${unique.size} pairs written to ${values.dump}`);
    return;
  }
  const labels = new Map(loadLabels().map((l) => [l.key, l]));
  const real = [...labels.values()].filter((l) => l.same);
  let tp = 0;
  let fp = 0;
  const unlabelled: ShownPair[] = [];
  for (const p of unique.values()) {
    const l = labels.get(p.key);
    if (!l) unlabelled.push(p);
    else if (l.same) tp++;
    else fp++;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 1;
  const recall = real.length > 0 ? tp / real.length : 1;
  const bySet = (s: string) => [...unique.values()].filter((p) => p.set.startsWith(s)).length;
  console.log("| measure | value |\n|---|---|");
  console.log(
    `| labelled pairs (real / not) | ${labels.size} (${real.length} / ${labels.size - real.length}) |`,
  );
  console.log(
    `| pairs shown (BBC briefings / DUC briefings / DUC clusters) | ${unique.size} (${bySet("bbc:")} / ${[...unique.values()].filter((p) => p.set.endsWith(":brief")).length} / ${[...unique.values()].filter((p) => p.set.endsWith(":cluster")).length}) |`,
  );
  console.log(`| shown and labelled real / not real / unlabelled | ${tp} / ${fp} / ${unlabelled.length} |`);
  console.log(`| precision (labelled shown) | ${(100 * precision).toFixed(1)}% |`);
  console.log(`| recall (of labelled real) | ${(100 * recall).toFixed(1)}% |`);
  if (values.unlabelled)
    for (const p of unlabelled)
      console.log(`\n[${p.key}] ${p.set} — ${p.about}\n  ${p.a.id}: ${p.a.text}\n  ${p.b.id}: ${p.b.text}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? (process.env.DEBUG ? err.stack : err.message) : err);
    process.exit(1);
  });
}
