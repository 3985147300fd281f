/**
 * "Where sources differ" over made-up reports: each text one article ("Report N", dated when `dates`
 * are given), at most 5 blocks.
 */
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { findDisagreements } from "../../src/engine/disagreements.ts";
import { CorpusIndex } from "../../src/search/index.ts";

export function differ(texts: string[], dates?: string[]) {
  const articles = articlesFromRecords(
    texts.map((text, i) => ({
      id: `r${i}`,
      title: `Report ${i}`,
      text,
      ...(dates?.[i] ? { date: dates[i] } : {}),
    })),
  );
  const index = new CorpusIndex(articles);
  const sentences = index.articles.flatMap((_, a) => index.sentences(a));
  return findDisagreements(
    sentences,
    (a) => index.articles[a]!.id,
    5,
    dates ? (a) => index.articles[a]!.date ?? null : undefined,
  );
}
