/**
 * Candidate pairs for labelling "where sources differ" (issue 13), found without the detector: two
 * reports in one cluster giving different figures before the same counted word ("274 people" /
 * "273 people", "30-year-old" / "29-year-old"), after the same head word ("killed 19" / "killed 22"),
 * or near-identical sentences with different numbers. With `--shared-words N`, also two sentences that
 * share N or more content words (figures aside) and give different figures within a factor of 1.5
 * ("Jane Doe, 45," / "Doe, 44, ..."; "killed 19" / "19 people died"), which the counted/head word
 * test misses. Written OUTSIDE the project (the file quotes the articles) for a person to read and
 * label; keys are the eval's pair keys.
 *
 *   node scripts/disagreement-candidates.ts --out /tmp/cands.jsonl --skip-used --max-clusters 400
 *   node scripts/disagreement-candidates.ts --out /tmp/cands.jsonl --skip-used --shared-words 3
 *   node scripts/disagreement-candidates.ts --out /tmp/cands.jsonl --data realtimeqa --shared-words 2
 *
 * `--data` names a LABEL_DATA file: multinews (default), duc2004, duc2007, duc2007u, realtimeqa (each
 * RealTimeQA question's saved pages read as one cluster, as the eval reads them).
 *
 * `--data bbcpair`: pairs of BBC News articles that report the same story (scripts/story-pairs.ts:
 * cosine of their content words STORY_PAIR_COSINE or more, same category), each read as a two-article
 * cluster "bbcpair:<idA>+<idB>:cluster", as the eval reads it. `--data mnpair`: likewise, pairs of
 * Multi-News test documents from different clusters reporting one story, "mnpair:<docIdA>+<docIdB>:cluster"
 * (about three minutes to pair them; `--max-clusters` 20000 reads them all).
 *
 * With `--wide` the search is wider (for a fresh set where the narrow one finds little): counts written
 * in words ("six gold bars" / "16 gold bars"), an age after a name ("Smith, 45,"), years (paired only
 * with years, in sentences sharing four or more content words), and, with --shared-words N, sentences
 * sharing N to five content words whose figures are within a factor of 2, or six or more whatever
 * their figures.
 *
 * Clusters used by any label file in tests/data are skipped with --skip-used.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { articlesFromRecords } from "../src/corpus/load.ts";
import { MONTH_NAME } from "../src/engine/disagreements/mention.ts";
import { createExtractiveEngine } from "../src/engine/extractive.ts";
import { STOPWORDS, stem } from "../src/text/tokens.ts";
import { MULT } from "./disagreement-features.ts";
import { loadRecords } from "./eval.ts";
import { LABEL_DATA, pairKey } from "./eval-disagreements.ts";

const NUM =
  /(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(million|billion|thousand|trillion|m|bn)\b)?(?:-(\w+))?/gi;
const SKIP_AFTER = new Set(["percent", "per", "cent", "%"]);

/** Counts written in words (with --wide). */
const NUMBER_WORD: Record<string, number> = Object.fromEntries([
  ..."two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty"
    .split(" ")
    .map((w, i) => [w, i + 2] as const),
  ...["thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"].map(
    (w, i) => [w, 30 + 10 * i] as const,
  ),
  ["dozen", 12] as const,
  ["hundred", 100] as const,
]);
const WORD_NUM = new RegExp(
  `(?<![\\w-])(${Object.keys(NUMBER_WORD).join("|")})()(?:-(\\w+))?(?![\\w])`,
  "gi",
);

interface Fig {
  value: number;
  text: string;
  counted?: string;
  head?: string;
  year?: boolean;
}

function figures(text: string, wide = false): Fig[] {
  const out: Fig[] = [];
  const matches = [...text.matchAll(NUM), ...(wide ? text.matchAll(WORD_NUM) : [])];
  for (const m of matches) {
    const raw = m[1]!;
    const word = NUMBER_WORD[raw.toLowerCase()];
    const n =
      word !== undefined
        ? word
        : Number(raw.replace(/,/g, "")) * (m[2] ? (MULT[m[2].toLowerCase()] ?? 1) : 1);
    if (!m[2] && !raw.includes(",") && /^(1[89]\d\d|20\d\d)$/.test(raw)) {
      if (wide) out.push({ value: n, text: m[0], year: true });
      continue; // a year
    }
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    if (/[:$£€]$/.test(before.trim()) && /\d:$/.test(before)) continue;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 60);
    let counted: string | undefined;
    if (m[3]) counted = m[3].toLowerCase();
    else {
      const words = after.match(/^\s*(?:%|percent|per cent)?\s*([A-Za-z][\w-]*)(?:\s+([A-Za-z][\w-]*))?/);
      if (/^\s*(%|percent|per cent)/i.test(after)) counted = "percent";
      else if (words) {
        const w = words[1]!.toLowerCase();
        counted = STOPWORDS.has(w) && words[2] ? words[2].toLowerCase() : w;
      }
    }
    if (counted && (STOPWORDS.has(counted) || SKIP_AFTER.has(counted) || counted.length < 2))
      counted = counted === "percent" ? "percent" : undefined;
    if (counted && MONTH_NAME.test(counted)) counted = undefined;
    const hw = before.match(
      /([A-Za-z]{3,})\s+(?:to|at|of|by|about|nearly|more than|at least|some|around)?\s*$/,
    );
    const head =
      hw && !STOPWORDS.has(hw[1]!.toLowerCase()) && !MONTH_NAME.test(hw[1]!)
        ? stem(hw[1]!.toLowerCase())
        : undefined;
    // An age after a name ("Smith, 45,"): its head is the name.
    const named = wide && n < 120 ? /([A-Z][a-z]+),\s*$/.exec(before) : null;
    out.push({
      value: n,
      text: m[0],
      ...(counted ? { counted: stem(counted) } : {}),
      ...(named ? { head: `age of ${named[1]}` } : head ? { head } : {}),
    });
  }
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let i = 0;
  for (const x of a) if (b.has(x)) i++;
  return i / (a.size + b.size - i || 1);
}

function usedClusters(): Set<string> {
  const dir = fileURLToPath(new URL("../tests/data/", import.meta.url));
  const used = new Set<string>();
  for (const f of readdirSync(dir).filter((x) => x.startsWith("disagreements") && x.endsWith(".jsonl")))
    for (const l of readFileSync(`${dir}${f}`, "utf8").split("\n")) {
      // Only the `set` field is read; the related-story files (eval:related) have none: their rows name
      // BBC article pairs, not clusters of these data sets.
      const set = l.trim() ? (JSON.parse(l) as { set?: unknown }).set : undefined;
      if (typeof set === "string") used.add(set.split(":").slice(0, 2).join(":"));
    }
  return used;
}

const { values } = parseArgs({
  options: {
    out: { type: "string" },
    "skip-used": { type: "boolean", default: false },
    "max-clusters": { type: "string", default: "400" },
    from: { type: "string", default: "0" },
    "per-cluster": { type: "string", default: "4" },
    data: { type: "string", default: "multinews" },
    "shared-words": { type: "string", default: "0" },
    wide: { type: "boolean", default: false },
  },
});
const files: Record<string, string> = LABEL_DATA;
const name = values.data!;
if (!files[name]) throw new Error(`--data must be one of ${Object.keys(files).join(", ")}`);
const sharedMin = Number(values["shared-words"]);
const used = values["skip-used"] ? usedClusters() : new Set<string>();
const { records } = loadRecords(files[name]!, 1);
const out: string[] = [];
let clusters = 0;
for (const r of records.slice(Number(values.from))) {
  if (clusters >= Number(values["max-clusters"])) break;
  if (used.has(`${name}:${r.id}`) || r.docs.length < 2) continue;
  clusters++;
  const docs = r.docs.map((d, i) => ({
    id: `${r.id}/d${i}`,
    text: d.text,
    ...(d.title ? { title: d.title } : {}),
    ...(d.date ? { date: d.date } : {}),
  }));
  const e = createExtractiveEngine(articlesFromRecords(docs));
  const sents = e.index.articles
    .flatMap((_, a) => e.index.sentences(a))
    .map((s) => ({ s, f: figures(s.text, values.wide) }));
  const withFig = sents.filter((x) => x.f.length > 0);
  const seen = new Set<string>();
  let n = 0;
  for (let i = 0; i < withFig.length && n < Number(values["per-cluster"]); i++)
    for (let j = i + 1; j < withFig.length && n < Number(values["per-cluster"]); j++) {
      const x = withFig[i]!;
      const y = withFig[j]!;
      if (x.s.article === y.s.article) continue;
      const key = pairKey(x.s.text, y.s.text);
      if (seen.has(key)) continue;
      let about = "";
      let va = "";
      let vb = "";
      for (const fa of x.f) {
        for (const fb of y.f) {
          if (fa.value === fb.value || fa.year || fb.year) continue;
          if (fa.counted && fa.counted === fb.counted) about = `same counted word '${fa.counted}'`;
          else if (fa.head && fa.head === fb.head) about = `same head '${fa.head}'`;
          else continue;
          const xs = new Set(x.f.map((f) => f.value));
          if (xs.has(fb.value)) {
            about = "";
            continue;
          } // the same values on both sides
          va = fa.text;
          vb = fb.text;
          break;
        }
        if (about) break;
      }
      if (!about && jaccard(x.s.stems, y.s.stems) >= 0.5) {
        const xv = new Set(x.f.map((f) => f.value));
        const yv = new Set(y.f.map((f) => f.value));
        const dx = x.f.find((f) => !yv.has(f.value) && !f.year);
        const dy = y.f.find((f) => !xv.has(f.value) && !f.year);
        if (dx && dy) {
          about = "near-identical";
          va = dx.text;
          vb = dy.text;
        }
      }
      if (!about && sharedMin > 0) {
        const shared = [...x.s.stems].filter((w) => !/\d/.test(w) && y.s.stems.has(w)).length;
        const xv = new Set(x.f.map((f) => f.value));
        const yv = new Set(y.f.map((f) => f.value));
        // Narrow: within a factor of 1.5. Wide: within 2, or any figures at six shared words; years
        // only with years, at four.
        const factor = values.wide ? (shared >= 6 ? Number.POSITIVE_INFINITY : 2) : 1.5;
        const near = (a: Fig, b: Fig) =>
          a.year || b.year
            ? Boolean(a.year && b.year && shared >= 4)
            : a.value > 0 && b.value > 0 && Math.max(a.value, b.value) / Math.min(a.value, b.value) <= factor;
        for (const fa of shared >= sharedMin ? x.f.filter((f) => !yv.has(f.value)) : []) {
          const fb = y.f.find((f) => !xv.has(f.value) && near(fa, f));
          if (!fb) continue;
          about = `${shared} shared words${fa.year ? ", years" : ""}`;
          va = fa.text;
          vb = fb.text;
          break;
        }
      }
      if (!about) continue;
      seen.add(key);
      n++;
      out.push(
        JSON.stringify({
          key,
          set: `${name}:${r.id}:cluster`,
          about: `candidate: ${about} ${va}/${vb}`,
          a: { id: docs[x.s.article]!.id, value: va, text: x.s.text },
          b: { id: docs[y.s.article]!.id, value: vb, text: y.s.text },
        }),
      );
    }
}
if (values.out) writeFileSync(values.out, `${out.join("\n")}\n`);
console.log(
  `${out.length} candidate pairs from ${clusters} clusters${values.out ? ` written to ${values.out}` : ""}`,
);
