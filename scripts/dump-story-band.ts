/**
 * A fresh pool for labelling "where sources differ" (issue 13): pairs of Multi-News test documents from
 * different clusters whose content words' cosine lies in [--lo, --hi) — related reports, mostly of one
 * story on other days or of neighbouring stories, what a feed-fed corpus's story gate (0.2) lets through
 * below the 0.4 of 2026-12m's story pairs. Each pair is read as a two-report cluster
 * "mnband:<docIdA>+<docIdB>:cluster"; every pair the detector shows is written to --out (outside the
 * project: it quotes articles), with the pair's cosine. --max keeps that many document pairs, picked by
 * sha1 of their ids (a fixed sample, not the best first).
 *
 *   node scripts/dump-story-band.ts --lo 0.25 --hi 0.4 --max 40000 --out /work/coord/pool.jsonl
 */
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadRecords } from "./eval.ts";
import { clusterConflictPairs } from "./eval-disagreements.ts";
import { storyPairsAcrossGroups } from "./story-pairs.ts";

const { values } = parseArgs({
  options: {
    lo: { type: "string", default: "0.25" },
    hi: { type: "string", default: "0.4" },
    max: { type: "string", default: "40000" },
    out: { type: "string" },
  },
});
if (!values.out) throw new Error("--out FILE is required");
const lo = Number(values.lo);
const hi = Number(values.hi);
const { records } = loadRecords("eval/multi_news/multi_news_test.jsonl", 1);
const docs = records.flatMap((r) =>
  r.docs.map((d, i) => ({
    id: `${r.id}/d${i}`,
    text: d.text,
    ...(d.title ? { title: d.title } : {}),
    ...(d.date ? { date: d.date } : {}),
    group: r.id,
  })),
);
const sha = (s: string) => createHash("sha1").update(s).digest("hex");
const inBand = storyPairsAcrossGroups(docs, lo).filter((p) => p.cosine < hi);
console.error(`${inBand.length} document pairs of different clusters in [${lo}, ${hi})`);
const pairs = inBand
  .map((p) => ({ ...p, id: `${docs[p.a]!.id}+${docs[p.b]!.id}` }))
  .sort((p, q) => (sha(p.id) < sha(q.id) ? -1 : 1))
  .slice(0, Number(values.max));
console.error(`${pairs.length} kept`);
const cosine = new Map(pairs.map((p) => [`mnband:${p.id}:cluster`, p.cosine]));
const shown = clusterConflictPairs(
  "mnband",
  pairs.map((p) => ({ id: p.id, docs: [docs[p.a]!, docs[p.b]!] })),
);
const unique = new Map(shown.map((p) => [p.key, { ...p, cosine: cosine.get(p.set) }]));
writeFileSync(values.out, `${[...unique.values()].map((p) => JSON.stringify(p)).join("\n")}\n`);
console.error(`${unique.size} shown pairs written to ${values.out}`);
