import type { Command } from "commander";

/** brief, ask, digest, ingest, summarize: filled in by the core issue. */
export function registerCoreCommands(_program: Command): void {}
