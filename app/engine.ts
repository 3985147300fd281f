/**
 * Builds the engine every entry point uses: the extractive engine over the corpus folder (or over
 * records given in memory). The LLM writer wraps this engine and its evidence.
 */
import { type ArticleRecord, articlesFromRecords, loadCorpus } from "../src/corpus/load.ts";
import { createExtractiveEngine, type ExtractiveEngine } from "../src/engine/extractive.ts";
import type { Article } from "../src/model.ts";
import type { Config } from "./config.ts";

export interface EngineDeps {
  /** Use these articles instead of reading the corpus folder. */
  articles?: readonly Article[];
  /** Or these records (cleaned like files). */
  records?: ArticleRecord[];
}

/** The extractive engine (an Engine and an EvidenceProvider) over the configured corpus. */
export function createEngine(config: Pick<Config, "corpusDir">, deps: EngineDeps = {}): ExtractiveEngine {
  const articles =
    deps.articles ?? (deps.records ? articlesFromRecords(deps.records) : loadCorpus(config.corpusDir));
  return createExtractiveEngine(articles);
}
