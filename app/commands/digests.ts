import type { Command } from "commander";

/** subscribe, subscriptions, unsubscribe, digest send: filled in by the digests issue. */
export function registerDigestCommands(_program: Command): void {}
