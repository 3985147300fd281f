/**
 * "Nothing found, try these topics": when a briefing finds nothing, topics the corpus does cover (near
 * what was asked when there are any, else the most covered), the same on every surface.
 */

import { message } from "../src/messages.ts";
import type { Engine } from "../src/model.ts";
import type { Document } from "../src/present/document.ts";

const HOW_MANY = 5;

/** Up to five covered topics near `topic`, or the most covered ones. */
export function topicsToTry(topic: string, deps: { engine: Pick<Engine, "suggestTopics"> }): string[] {
  const near = deps.engine.suggestTopics(topic, HOW_MANY);
  return near.length > 0 ? near : deps.engine.suggestTopics("", HOW_MANY);
}

/** Adds "Topics I do cover include: …" to a not-found document (nothing when the corpus has none). */
export function withTopicsToTry(doc: Document, topics: readonly string[]): Document {
  if (topics.length === 0) return doc;
  const content = message("topics_to_try", topics);
  return { ...doc, blocks: [...doc.blocks, { kind: "paragraph", content }] };
}
