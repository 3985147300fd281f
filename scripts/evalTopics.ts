/**
 * Topics the evaluation scripts brief on, chosen the same way in each: a cluster's most frequent words,
 * and the rarest words of a BBC article's title over the BBC corpus (read from ../shared at run time).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { articlesFromRecords } from "../src/corpus/load.ts";
import { createExtractiveEngine, type ExtractiveEngine } from "../src/engine/extractive.ts";
import type { ClusterDoc } from "../src/summarize/index.ts";
import { STOPWORDS, words } from "../src/text/tokens.ts";
import { sharedUrl } from "./shared.ts";

/** The n words (not stopwords, 3+ letters, not numbers) that most of a cluster's documents use. */
export function frequentTerms(docs: ClusterDoc[], n = 3): string {
  const df = new Map<string, number>();
  for (const d of docs) {
    const seen = new Set(
      words(`${d.title ?? ""} ${d.text}`).filter((w) => w.length > 2 && !STOPWORDS.has(w)),
    );
    for (const w of seen) if (!/^\d/.test(w)) df.set(w, (df.get(w) ?? 0) + 1);
  }
  return [...df]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([w]) => w)
    .join(" ");
}

export interface BbcRecord {
  id: string;
  title: string;
  text: string;
}

/** The BBC News records and one engine over all of them (each article's title opens its text). */
export function bbcEngine(): { records: BbcRecord[]; engine: ExtractiveEngine } {
  const path = fileURLToPath(new URL("eval/bbc_news/bbc_news.jsonl", sharedUrl()));
  const records = readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as BbcRecord);
  const engine = createExtractiveEngine(
    articlesFromRecords(records.map((r) => ({ id: r.id, title: r.title, text: `${r.title}\n\n${r.text}` }))),
  );
  return { records, engine };
}

/** A title's two rarest words in the engine's corpus ("" when it has none worth briefing on). */
export function titleTopic(engine: ExtractiveEngine, title: string): string {
  const terms = [...new Set(words(title).filter((w) => w.length > 2 && !STOPWORDS.has(w)))];
  return terms
    .sort((x, y) => engine.index.idf(y) - engine.index.idf(x))
    .slice(0, 2)
    .join(" ");
}
