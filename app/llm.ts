/**
 * LLM mode wiring: when SUMMIT_LLM_MODEL and an endpoint (OPENAI_API_KEY and/or OPENAI_BASE_URL)
 * are configured, the engine is the LLM engine wrapping the extractive one; otherwise it is the
 * extractive engine unchanged. See src/llm/README.md.
 */
import { fileURLToPath } from "node:url";
import OpenAI from "openai";
import { createLlmEngine, type LlmEngineDeps } from "../src/llm/engine.ts";
import { loadPrompts } from "../src/llm/prompts.ts";
import type { Engine, EvidenceProvider } from "../src/model.ts";
import { type Config, configSchema } from "./config.ts";
import type { Logger } from "./logger.ts";

export const PROMPTS_DIR = fileURLToPath(new URL("../prompts", import.meta.url));

export type LlmConfig = Pick<
  Config,
  "openaiApiKey" | "openaiBaseUrl" | "llmModel" | "llmTimeoutMs" | "llmMaxTokens"
>;

/** The configuration's defaults (timeout, token budget) for callers that pass only some keys. */
const DEFAULTS = configSchema.parse({});

/** LLM mode is on when a model is named and there is somewhere to send it (a key, a base URL or both). */
export function llmConfigured(config: Partial<LlmConfig>): boolean {
  return (
    config.llmModel !== undefined && (config.openaiApiKey !== undefined || config.openaiBaseUrl !== undefined)
  );
}

/** The OpenAI client for the configured endpoint; the SDK's own retries are off (src/llm/call.ts retries). */
export function createOpenAIClient(config: Partial<LlmConfig>): OpenAI {
  return new OpenAI({
    // Local servers (llama.cpp, vLLM, Ollama) ignore the key, but the SDK requires one.
    apiKey: config.openaiApiKey ?? "no-key",
    ...(config.openaiBaseUrl !== undefined ? { baseURL: config.openaiBaseUrl } : {}),
    maxRetries: 0,
    timeout: config.llmTimeoutMs ?? DEFAULTS.llmTimeoutMs,
  });
}

/** The base URL for logs, without any credentials or query string. */
function safeUrl(url: string | undefined): string {
  if (url === undefined) return "https://api.openai.com/v1";
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return "(invalid URL)";
  }
}

/** Wraps the extractive engine in the LLM engine when configured; returns `base` itself otherwise. */
export function withLlm(
  base: Engine & EvidenceProvider,
  config: Partial<LlmConfig>,
  logger?: Logger,
  overrides: Partial<LlmEngineDeps> = {},
): Engine {
  if (!llmConfigured(config)) {
    if (config.openaiApiKey !== undefined || config.openaiBaseUrl !== undefined) {
      logger?.warn("OPENAI_* is set but SUMMIT_LLM_MODEL is not: LLM mode stays off (extractive engine)");
    }
    return base;
  }
  const deps: LlmEngineDeps = {
    base,
    client: createOpenAIClient(config),
    model: config.llmModel!,
    timeoutMs: config.llmTimeoutMs ?? DEFAULTS.llmTimeoutMs,
    maxTokens: config.llmMaxTokens ?? DEFAULTS.llmMaxTokens,
    prompts: loadPrompts(PROMPTS_DIR),
    ...(logger ? { logger: logger.child({ component: "llm" }) } : {}),
    ...overrides,
  };
  logger?.info(
    { llm: { model: deps.model, baseUrl: safeUrl(config.openaiBaseUrl), timeoutMs: deps.timeoutMs } },
    "LLM mode on",
  );
  return createLlmEngine(deps);
}
