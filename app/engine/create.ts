/**
 * Builds the engine every entry point uses: the extractive engine over the corpus folder (or over
 * records given in memory), wrapped by the LLM writer when LLM mode is configured
 * (SUMMIT_LLM_MODEL + OPENAI_API_KEY and/or OPENAI_BASE_URL; see src/llm/README.md).
 */
import type { Engine } from "../../src/model.ts";
import type { Config } from "../config.ts";
import { type LlmConfig, withLlm } from "../llm.ts";
import { createExtractiveFromConfig, type EngineDeps } from "./fromConfig.ts";

export { createExtractiveFromConfig, type EngineDeps } from "./fromConfig.ts";

/**
 * The engine for this configuration: the extractive engine, or the LLM engine wrapping it when the
 * LLM settings are present. Without LLM settings the result is the extractive engine itself.
 */
export function createEngine(
  config: Pick<Config, "corpusDir"> &
    Partial<Pick<Config, "maxArticleBytes" | "sourcesDiffer">> &
    Partial<LlmConfig>,
  deps: EngineDeps = {},
): Engine {
  return withLlm(createExtractiveFromConfig(config, deps), config, deps.logger, deps.llm);
}
