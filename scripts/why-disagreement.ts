/**
 * Why a labelled pair is or is not shown (for reading a dev set's misses): for each pair of a label
 * file, its two sentences' mentions and, for each mention pair with the same head, sameThing and
 * compatible. Prints sentences: run it only on sets whose failures may be read, never on a sealed one.
 *
 *   node scripts/why-disagreement.ts tests/data/disagreements-heldout-2026-12b.jsonl [--real]
 */
import { readFileSync } from "node:fs";
import { dayMentions } from "../src/engine/disagreements/days.ts";
import { quantityMentions } from "../src/engine/disagreements/figures.ts";
import { compatible, sameThing } from "../src/engine/disagreements/matching.ts";
import type { Mention } from "../src/engine/disagreements/mention.ts";
import { resolvedAges } from "../src/engine/disagreements/referents.ts";
import type { Sentence } from "../src/search/index.ts";
import { clusterSentences, loadRecords } from "./eval.ts";
import { LABEL_DATA, type Label, sentenceKey } from "./eval-disagreements.ts";

const file = process.argv[2]!;
const onlyReal = process.argv.includes("--real");
const labels = readFileSync(file, "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Label)
  .filter((l) => !onlyReal || l.same);
const FILES = LABEL_DATA;
const h = sentenceKey;
const byData = new Map<string, ReturnType<typeof loadRecords>["byId"]>();
const fmt = (m: Mention) =>
  `${m.value} [${m.head}] key={${[...m.key].join(",")}} local={${[...(m.local ?? [])].join(",")}}${m.lowerBound ? " lb" : ""}${m.forecast ? " forecast" : ""}${m.governor ? ` of=${m.governor}` : ""}${m.attribute ? ` attr={${[...m.attribute].join(",")}}` : ""}${m.restriction?.size ? ` restr={${[...m.restriction].join(",")}}` : ""}${m.place ? ` place=${m.place}` : ""} [${m.lo.toFixed(1)},${m.hi.toFixed(1)}]`;
for (const l of labels) {
  const [data, id] = l.set.split(":") as [string, string];
  if (!byData.has(data)) byData.set(data, loadRecords(FILES[data]!, 1).byId);
  const r = byData.get(data)!.get(id)!;
  const { sentences } = clusterSentences(r, id);
  const [ka, kb] = l.key.split("-");
  const sa = sentences.find((s) => h(s.text) === ka);
  const sb = sentences.find((s) => h(s.text) === kb);
  console.log(`\n=== ${l.same ? "REAL" : "not"} ${l.set} ${l.about} | ${l.reason.slice(0, 90)}`);
  if (!sa || !sb) {
    console.log("  sentences not found");
    continue;
  }
  const ms = (s: Sentence) => {
    const own = [...quantityMentions(s, String(s.article)), ...dayMentions(s, String(s.article))];
    // Ages resolved to a person named elsewhere in the article (referents.ts).
    const article = sentences.filter((x) => x.article === s.article);
    const known = article.flatMap((x) => quantityMentions(x, String(x.article)));
    const resolved = resolvedAges(article, String(s.article), known).filter((m) => m.sentence === s);
    return [...own, ...resolved];
  };
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
