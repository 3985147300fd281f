/**
 * Why a labelled pair is or is not shown (for reading a dev set's misses): for each pair of a label
 * file, its two sentences' mentions and, for each mention pair with the same head, sameThing and
 * compatible. Prints sentences: run it only on sets whose failures may be read, never on a sealed one.
 *
 *   node scripts/why-disagreement.ts tests/data/disagreements-heldout-2026-12b.jsonl [--real] [--dev]
 *
 * --dev keeps only the rows of a file's dev half (or rows with no half): use it on the files split into
 * halves (2026-12, 2026-12h), whose sealed half must never be printed. The mentions are those findConflicts
 * compares (disagreements.ts conflictMentions: durations and ages resolved across an article included).
 */
import { readFileSync } from "node:fs";
import { compatible, sameThing } from "../src/engine/disagreements/matching.ts";
import type { Mention } from "../src/engine/disagreements/mention.ts";
import { conflictMentions } from "../src/engine/disagreements.ts";
import type { Sentence } from "../src/search/index.ts";
import { clusterSentences, loadRecords } from "./eval.ts";
import { LABEL_DATA, type Label, sentenceKey } from "./eval-disagreements.ts";

const file = process.argv[2]!;
const onlyReal = process.argv.includes("--real");
const onlyDev = process.argv.includes("--dev");
const labels = readFileSync(file, "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Label)
  .filter((l) => !onlyReal || l.same)
  .filter((l) => !onlyDev || l.half === undefined || l.half === "dev");
const FILES = LABEL_DATA;
const h = sentenceKey;
const byData = new Map<string, ReturnType<typeof loadRecords>["byId"]>();
const fmt = (m: Mention) =>
  `${m.value} [${m.head}] key={${[...m.key].join(",")}} local={${[...(m.local ?? [])].join(",")}}${m.lowerBound ? " lb" : ""}${m.forecast ? " forecast" : ""}${m.governor ? ` of=${m.governor}` : ""}${m.attribute ? ` attr={${[...m.attribute].join(",")}}` : ""}${m.restriction?.size ? ` restr={${[...m.restriction].join(",")}}` : ""}${m.place ? ` place=${m.place}` : ""}${m.duration ? ` duration=${m.duration.event}` : ""}${m.sole ? " sole-age" : ""} [${m.lo.toFixed(1)},${m.hi.toFixed(1)}]`;
for (const l of labels) {
  const [data, id] = l.set.split(":") as [string, string];
  if (!byData.has(data)) byData.set(data, loadRecords(FILES[data]!, 1).byId);
  const r = byData.get(data)!.get(id)!;
  const { sentences, articles } = clusterSentences(r, id);
  const [ka, kb] = l.key.split("-");
  const sa = sentences.find((s) => h(s.text) === ka);
  const sb = sentences.find((s) => h(s.text) === kb);
  console.log(`\n=== ${l.same ? "REAL" : "not"} ${l.set} ${l.about} | ${l.reason.slice(0, 90)}`);
  if (!sa || !sb) {
    console.log("  sentences not found");
    continue;
  }
  // Every mention of the cluster as findConflicts builds them.
  const all = conflictMentions(
    sentences,
    (a) => String(a),
    (a) => articles[a]?.date ?? null,
  );
  const ms = (s: Sentence) => all.filter((m) => m.sentence === s);
  const ma = ms(sa);
  const mb = ms(sb);
  console.log(`  A: ${sa.text.slice(0, 400)}`);
  for (const m of ma) console.log(`     - ${fmt(m)}`);
  console.log(`  B: ${sb.text.slice(0, 400)}`);
  for (const m of mb) console.log(`     - ${fmt(m)}`);
  for (const x of ma)
    for (const y of mb)
      if (x.head === y.head)
        console.log(
          `  ? ${x.value} / ${y.value}: sameThing=${sameThing(x, y)} compatible=${compatible(x, y)}`,
        );
}
