/**
 * What every `summit` command is given (dependencies passed in, never module state): settings, clock,
 * logger, output, and how to build the engine. `buildProgram(deps)` (app/cli.ts) builds one context;
 * tests pass their own config, output sinks, engine or senders.
 *
 * Only what every command needs is imported here: the settings (zod) and the logger (pino) are loaded
 * when a command first asks for them, so `summit --help` pays for neither (bench/startup.ts).
 */
import { createTerminalAdapter, type TerminalAdapter, type TextSink } from "../../adapters/terminal/index.ts";
import { type Clock, type Engine, systemClock } from "../../src/model.ts";
import type { Config } from "../config.ts";
import type { EngineFactory } from "../engine/factory.ts";
import type { Logger } from "../logger.ts";
import type { SenderMap } from "../senders.ts";

export interface CliDeps {
  /** Default: read from the environment, logging at "warn" unless LOG_LEVEL says otherwise. */
  config?: Config;
  clock?: Clock;
  log?: Logger;
  /** Where results go (default stdout) and where errors go (default stderr). */
  out?: TextSink;
  err?: TextSink;
  /** ANSI styles in the output (default: when stdout is a terminal). */
  color?: boolean;
  /** The core engine for a configuration (default: app/engine/fromConfig.ts over the configured corpus). */
  engine?: EngineFactory;
  /** Senders for a local digest worker when none is running (default: the configured platform senders). */
  senders?: SenderMap;
  /** How long `digest send` waits for the outcome. */
  sendTimeoutMs?: number;
}

export interface CliContext {
  /** The settings, read from the environment on first use (or the ones passed in). */
  config(): Promise<Config>;
  log(): Promise<Logger>;
  clock: Clock;
  out: TextSink;
  err: TextSink;
  terminal: TerminalAdapter;
  /** The engine over `corpusDir` (default: the shared store with SUMMIT_STORE=redis, else the configured corpus). */
  engine(corpusDir?: string): Promise<Engine>;
  deps: CliDeps;
}

/** How long a command may wait for the engine (the CLI has no platform deadline; LLM mode falls back after it). */
export const CLI_DEADLINE_MS = 5 * 60_000;

export function createCliContext(deps: CliDeps = {}): CliContext {
  let config: Config | undefined = deps.config;
  let log: Logger | undefined = deps.log;
  const out = deps.out ?? process.stdout;
  const getConfig = async () => {
    if (config) return config;
    const { loadConfig } = await import("../config.ts");
    config ??= loadConfig(process.env, { defaults: { logLevel: "warn" } });
    return config;
  };
  const getLog = async () => {
    if (log) return log;
    const level = (await getConfig()).logLevel;
    const { createLogger } = await import("../logger.ts");
    log ??= createLogger(level);
    return log;
  };
  return {
    config: getConfig,
    log: getLog,
    clock: deps.clock ?? systemClock,
    out,
    err: deps.err ?? process.stderr,
    terminal: createTerminalAdapter({
      out,
      color: deps.color ?? (out === process.stdout && process.stdout.isTTY === true),
      width: 100,
    }),
    async engine(corpusDir) {
      const c = await getConfig();
      const configured = corpusDir === undefined ? c : { ...c, corpusDir };
      if (deps.engine) return deps.engine(configured, await getLog());
      const { loadEngine, usesLlmCode } = await import("../engine/fromConfig.ts");
      if (corpusDir === undefined && c.store === "redis") {
        const logger = await getLog();
        // Every stored article, read once: a CLI command answers one request and exits.
        const { openStore, loadStoredArticles } = await import("../store.ts");
        const open = await openStore(c, { log: logger, clock: deps.clock ?? systemClock });
        try {
          const articles = await loadStoredArticles(open.store);
          return await loadEngine(configured, { logger, articles });
        } finally {
          await open.close();
        }
      }
      // The extractive engine over a folder logs nothing: the logger (pino) is made only for the LLM writer.
      return loadEngine(configured, usesLlmCode(configured) ? { logger: await getLog() } : {});
    },
    deps,
  };
}

/** Writes one line of text. */
export function println(sink: TextSink, text: string): void {
  sink.write(`${text}\n`);
}
