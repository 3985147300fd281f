/**
 * A PlatformSender that writes each Document, rendered for a terminal, to a stream: for the CLI, local
 * runs and the contract suite. Like every sender, a repeated idempotency key never writes twice.
 */
import type { DeliveryTarget, PlatformSender, SendOptions } from "../../src/delivery.ts";
import type { Document } from "../../src/present/document.ts";
import { renderReply, type TerminalOptions } from "./render.ts";

/** Where the text goes (process.stdout, or a test's buffer). */
export interface TextSink {
  write(text: string): unknown;
}

export function createTerminalSender(out: TextSink, opts: TerminalOptions = {}): PlatformSender<"terminal"> {
  const sent = new Map<string, string>();
  let next = 1;
  return {
    platform: "terminal",
    async send(target: DeliveryTarget<"terminal">, doc: Document, { idempotencyKey }: SendOptions) {
      const already = sent.get(idempotencyKey);
      if (already) return { messageId: already };
      const messageId = String(next++);
      out.write(`── ${target.channel} ──\n${renderReply(doc, opts)}`);
      sent.set(idempotencyKey, messageId);
      return { messageId };
    },
  };
}
