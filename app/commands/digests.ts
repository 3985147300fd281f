import type { Command } from "commander";
import { UserError } from "../errors.ts";

/** subscribe, subscriptions, unsubscribe: filled in by the digests issue. */
export function registerDigestCommands(_program: Command): void {}

/**
 * `summit digest send ID`: enqueue that subscription's digest now through the scheduled path and wait
 * until it is delivered or failed. The core's `digest` command dispatches `send` here.
 */
export async function runDigestSend(_id: string): Promise<void> {
  throw new UserError("digest send is not available yet");
}
