/**
 * Engine factories: what an entry point calls to get its engine for a configuration. The CLI and
 * `summit digest send` build it in-process (defaultEngine); the server runs it in worker threads
 * (serverEngine, app/engine/pool.ts) unless SUMMIT_ENGINE_THREADS=0.
 */
import type { Engine } from "../../src/model.ts";
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import { loadEngine } from "./fromConfig.ts";
import { releasingWhenIdle } from "./memory.ts";

export type EngineFactory = (config: Config, log: Logger) => Promise<Engine>;

/** The core engine for this configuration (extractive, or LLM-written when configured), in-process. */
export const defaultEngine: EngineFactory = (config, log) => loadEngine(config, { logger: log });

/** The server's engine: in worker threads unless SUMMIT_ENGINE_THREADS=0. */
export const serverEngine: EngineFactory = async (config, log) => {
  // Loaded here, not at the top: only the server needs the thread pool.
  const { createEnginePool, defaultPoolSize } = await import("./pool.ts");
  const size = config.engineThreads ?? defaultPoolSize();
  // In-process, what requests leave behind goes back to the system once it is idle (memory.ts).
  if (size === 0) return releasingWhenIdle(await defaultEngine(config, log));
  const started = performance.now();
  // Only what the threads need to build the engine: no platform secrets cross over.
  const pool = await createEnginePool({
    size,
    log,
    config: {
      corpusDir: config.corpusDir,
      maxArticleBytes: config.maxArticleBytes,
      sourcesDiffer: config.sourcesDiffer,
      logLevel: config.logLevel,
      llmTimeoutMs: config.llmTimeoutMs,
      llmMaxTokens: config.llmMaxTokens,
      ...(config.openaiApiKey !== undefined ? { openaiApiKey: config.openaiApiKey } : {}),
      ...(config.openaiBaseUrl !== undefined ? { openaiBaseUrl: config.openaiBaseUrl } : {}),
      ...(config.llmModel !== undefined ? { llmModel: config.llmModel } : {}),
    },
  });
  log.info({ threads: size, ms: Math.round(performance.now() - started) }, "engine threads ready");
  return pool;
};
