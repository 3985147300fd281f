/**
 * The extractive engine over the configured corpus folder (or over articles or records given in
 * memory), and `loadEngine`: the engine for a configuration, importing the LLM writer (the OpenAI SDK,
 * about 0.5 MB of bundle) only when LLM settings are present. app/engine/create.ts builds the same
 * engine synchronously.
 */
import { type ArticleRecord, articlesFromRecords, streamCorpus } from "../../src/corpus/load.ts";
import {
  createExtractiveEngine,
  type ExtractiveEngine,
  type ExtractiveEngineOptions,
} from "../../src/engine/extractive.ts";
import type { LlmEngineDeps } from "../../src/llm/engine.ts";
import type { Article, Engine } from "../../src/model.ts";
import { CorpusIndex } from "../../src/search/index.ts";
import { DELTA_DOCS } from "../../src/search/segments.ts";
import type { Config } from "../config.ts";
import type { LlmConfig } from "../llm.ts";
import type { Logger } from "../logger.ts";
import { releaseMemory } from "./memory.ts";

export interface EngineDeps {
  /** Use these articles instead of reading the corpus folder. */
  articles?: readonly Article[];
  /** Or these records (cleaned like files). */
  records?: ArticleRecord[];
  /** Where LLM mode logs why a reply fell back to the extractive one. */
  logger?: Logger;
  /** Options of the extractive engine (e.g. the point selection, for measuring one against another). */
  extractive?: ExtractiveEngineOptions;
  /** Replaces parts of the LLM engine (tests: client, cache, clock). */
  llm?: Partial<LlmEngineDeps>;
}

/** The extractive engine (an Engine and an EvidenceProvider) over the configured corpus. */
export function createExtractiveFromConfig(
  config: Pick<Config, "corpusDir"> & Partial<Pick<Config, "maxArticleBytes" | "sourcesDiffer">>,
  deps: EngineDeps = {},
): ExtractiveEngine {
  // The configured setting, unless the caller's engine options say otherwise.
  const opts: ExtractiveEngineOptions = {
    ...(config.sourcesDiffer === undefined ? {} : { sourcesDiffer: config.sourcesDiffer }),
    ...deps.extractive,
  };
  const read = config.maxArticleBytes === undefined ? {} : { maxArticleBytes: config.maxArticleBytes };
  const articles = deps.articles ?? (deps.records ? articlesFromRecords(deps.records) : null);
  if (articles) return createExtractiveEngine(articles, opts);
  // The corpus folder is read one article at a time straight into the index: the whole list of
  // articles never exists (at 89,000 articles that list was most of the process's peak memory).
  const index = new CorpusIndex(streamCorpus(config.corpusDir, read));
  // The newest articles sealed too (a compact segment, not objects), then what loading allocated
  // and no longer needs goes back to the system (app/engine/memory.ts). A small corpus has little
  // to give back, and a CLI run on one should not pay for a full collection.
  if (index.store.count >= DELTA_DOCS) {
    index.store.seal();
    index.store.settle();
    releaseMemory();
  }
  return createExtractiveEngine([], { ...opts, index });
}

/** Whether loadEngine imports the LLM code for this configuration (and uses its logger). */
export function usesLlmCode(config: Partial<LlmConfig>): boolean {
  return (
    config.llmModel !== undefined || config.openaiApiKey !== undefined || config.openaiBaseUrl !== undefined
  );
}

/**
 * The engine for this configuration, as createEngine (app/engine/create.ts) makes it: the extractive
 * engine, wrapped by the LLM engine when LLM settings are present. The LLM code is imported only then
 * (with OPENAI_* but no model it is imported too, to say why LLM mode stays off), so a command on the
 * extractive engine does not pay for the OpenAI SDK at start-up (bench/startup.ts).
 */
export async function loadEngine(
  config: Pick<Config, "corpusDir"> &
    Partial<Pick<Config, "maxArticleBytes" | "sourcesDiffer">> &
    Partial<LlmConfig>,
  deps: EngineDeps = {},
): Promise<Engine> {
  const base = createExtractiveFromConfig(config, deps);
  if (!usesLlmCode(config)) return base;
  const { withLlm } = await import("../llm.ts");
  return withLlm(base, config, deps.logger, deps.llm);
}
