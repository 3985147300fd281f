/**
 * The terminal adapter: Documents and notices as readable text on a stream (the CLI's output), and a
 * PlatformSender that writes to it. Same shape as the chat adapters: index (this factory), render, sender.
 */
import type { Document } from "../../src/present/document.ts";
import { renderReply, type TerminalOptions } from "./render.ts";
import { createTerminalSender, type TextSink } from "./sender.ts";

export type { TextSink } from "./sender.ts";

export interface TerminalAdapterOptions extends TerminalOptions {
  out: TextSink;
}

export function createTerminalAdapter(opts: TerminalAdapterOptions) {
  const style: TerminalOptions = {
    ...(opts.color !== undefined ? { color: opts.color } : {}),
    ...(opts.width !== undefined ? { width: opts.width } : {}),
  };
  return {
    /** Writes a briefing, an answer, a digest or a notice. */
    write(doc: Document): void {
      opts.out.write(renderReply(doc, style));
    },
    sender: createTerminalSender(opts.out, style),
  };
}

export type TerminalAdapter = ReturnType<typeof createTerminalAdapter>;
