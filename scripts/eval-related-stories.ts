/**
 * "Where sources differ" over related but different stories: the conflicts the detector finds between
 * two BBC News articles of one category whose content words' cosine lies in [lo, hi) (scripts/story-pairs.ts;
 * story pairs proper start at STORY_PAIR_COSINE), scored against labels of the claim pairs it showed.
 * A topic briefing pulls in exactly such articles, so a false pair here is one a reader would see.
 *
 *   node scripts/eval-related-stories.ts --lo 0.2 --hi 0.4 --labels tests/data/disagreements-bbc-related-2026-12i.jsonl
 *   node scripts/eval-related-stories.ts --lo 0.12 --hi 0.2 --labels tests/data/disagreements-bbc-related-2026-12j.jsonl
 *   … --engine /path/to/other/checkout    the same band through another checkout's detector (a baseline)
 *   … --dump FILE                          every shown claim pair with its sentences, for labelling
 *                                          (write it outside the project: it quotes the articles), and
 *                                          the cosine the story gate reads for its two articles
 *   … --story-cosine X                     the story gate's threshold instead of DEFAULT_STORY_GATE's
 *                                          (for choosing it on open bands)
 *
 * Each pair is read by the detector as a two-article corpus, but the story gate (src/engine/sameStory.ts)
 * is given what the product would give it: the two articles weighted by the idf of the whole BBC corpus
 * (2,225 articles) they sit in, built by this checkout (a baseline checkout without the gate ignores it).
 *
 * Prints aggregates only (shown, real, false, unlabelled), so a held-out band (2026-12j, labelled blind)
 * can be scored without reading it. Labels: one JSON per claim pair, {pair, about, a, b, same, reason}
 * or {pair, about, values: [a, b], same, reason}; ids, short values and reasons, never article text.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { type ArticleRecord, articlesFromRecords } from "../src/corpus/load.ts";
import type { Conflict, ConflictContext } from "../src/engine/disagreements.ts";
import { articleCosine, DEFAULT_STORY_GATE, type StoryCorpus, storyGate } from "../src/engine/sameStory.ts";
import { CorpusIndex } from "../src/search/index.ts";
import { sharedUrl } from "./shared.ts";
import { type StoryArticle, storyPairRecords } from "./story-pairs.ts";

interface BandLabel {
  pair: string;
  a?: string;
  b?: string;
  values?: [string, string];
  same: boolean;
}

/** The modules a checkout's detector needs, loaded from its root (this one, or a baseline's). */
interface Detector {
  articlesFromRecords: (records: ArticleRecord[]) => unknown[];
  createExtractiveEngine: (articles: unknown[]) => { index: CorpusIndex };
  findConflicts: (
    sentences: ReturnType<CorpusIndex["sentences"]>,
    sourceOf: (a: number) => string,
    max?: number,
    dateOf?: (a: number) => string | null,
    context?: ConflictContext,
  ) => Conflict[];
}

async function detector(root: string): Promise<Detector> {
  const at = (p: string) => pathToFileURL(resolve(root, p)).href;
  const load = await import(at("src/corpus/load.ts"));
  const engine = await import(at("src/engine/extractive.ts"));
  const dis = await import(at("src/engine/disagreements.ts"));
  return {
    articlesFromRecords: load.articlesFromRecords,
    createExtractiveEngine: engine.createExtractiveEngine,
    findConflicts: dis.findConflicts,
  };
}

const norm = (v: string) => v.toLowerCase().split(/\s+/).filter(Boolean).join(" ");
const keyOf = (pair: string, x: string, y: string) => `${pair}|${[norm(x), norm(y)].sort().join("|")}`;

function readLabels(file: string): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const l = JSON.parse(line) as BandLabel;
    const [x, y] = l.values ?? [l.a ?? "", l.b ?? ""];
    out.set(keyOf(l.pair, x, y), l.same);
  }
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      lo: { type: "string", default: "0.2" },
      hi: { type: "string", default: "0.4" },
      labels: { type: "string" },
      engine: { type: "string" },
      dump: { type: "string" },
      "story-cosine": { type: "string" },
    },
  });
  const lo = Number(values.lo);
  const hi = Number(values.hi);
  const root = values.engine ?? resolve(fileURLToPath(import.meta.url), "../..");
  const d = await detector(root);
  const path = fileURLToPath(new URL("eval/bbc_news/bbc_news.jsonl", sharedUrl()));
  const articles = readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as StoryArticle);
  const pairs = storyPairRecords(articles, lo).filter((p) => p.cosine < hi);
  // The corpus the product would brief: every BBC article, for the story gate's idf.
  const corpus = new CorpusIndex(
    articlesFromRecords(
      articles.map((a) => ({ id: a.id, text: a.text, ...(a.title ? { title: a.title } : {}) })),
    ),
  );
  const gateConfig = {
    ...DEFAULT_STORY_GATE,
    ...(values["story-cosine"] ? { minCosine: Number(values["story-cosine"]) } : {}),
  };
  const withCorpusIdf = (index: CorpusIndex): StoryCorpus => ({
    articles: index.articles,
    idf: (s) => corpus.idf(s),
    size: corpus.size,
  });
  const labels = values.labels ? readLabels(values.labels) : new Map<string, boolean>();
  let real = 0;
  let falseShown = 0;
  const unlabelled: string[] = [];
  const dump: string[] = [];
  let conflicts = 0;
  for (const p of pairs) {
    const records: ArticleRecord[] = p.docs.map((doc, i) => ({
      id: `${p.id}/d${i}`,
      text: doc.text,
      ...(doc.title ? { title: doc.title } : {}),
    }));
    const { index } = d.createExtractiveEngine(d.articlesFromRecords(records));
    const sentences = index.articles.flatMap((_, a) => index.sentences(a));
    const storyCorpus = withCorpusIdf(index);
    for (const c of d.findConflicts(
      sentences,
      (a) => index.articles[a]!.id,
      50,
      (a) => index.articles[a]!.date ?? null,
      { sameStory: storyGate(storyCorpus, gateConfig) },
    )) {
      conflicts++;
      const claims = c.claims.map((x) => ({ value: x.values.join("/"), text: x.text }));
      if (values.dump) {
        const story = Number(articleCosine(storyCorpus)(0, 1).toFixed(3));
        dump.push(JSON.stringify({ pair: p.id, cosine: p.cosine, story, about: c.about, claims }));
      }
      for (let i = 0; i < claims.length; i++)
        for (let j = i + 1; j < claims.length; j++) {
          if (norm(claims[i]!.value) === norm(claims[j]!.value)) continue;
          const verdict = labels.get(keyOf(p.id, claims[i]!.value, claims[j]!.value));
          if (verdict === undefined) unlabelled.push(`${p.id} ${c.about}`);
          else if (verdict) real++;
          else falseShown++;
        }
    }
  }
  if (values.dump) writeFileSync(values.dump, `${dump.join("\n")}\n`);
  const shown = real + falseShown;
  console.log(
    `BBC article pairs of cosine [${lo}, ${hi}): ${pairs.length}; conflicts ${conflicts}; claim pairs shown: ` +
      `${real} real, ${falseShown} false, ${unlabelled.length} unlabelled` +
      (shown > 0 ? `; precision of the labelled ${((100 * real) / shown).toFixed(1)}%` : ""),
  );
}

await main();
