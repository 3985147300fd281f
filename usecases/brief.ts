/**
 * A briefing on a topic: the core's Briefing as a Document, with topics to try when nothing is found.
 * Every surface calls this (Slack's and Discord's `/summit`, `summit brief`).
 */
import { inputError } from "../src/errors.ts";
import type { Briefing, Engine } from "../src/model.ts";
import type { Document } from "../src/present/document.ts";
import { briefingToDocument } from "../src/present/fromCore.ts";
import { withinDeadline } from "./deadline.ts";
import type { Scope } from "./scope.ts";
import { topicsToTry, withTopicsToTry } from "./topicsToTry.ts";

/** Longer topics are cut: no single request may make the engine search a page of text. */
export const MAX_TOPIC_LENGTH = 300;

export interface BriefDeps {
  engine: Pick<Engine, "brief" | "suggestTopics">;
  /** How long the engine may take before the person is told it took too long. */
  deadlineMs: number;
}

export interface BriefOutcome {
  reply: Document;
  briefing: Briefing;
}

/** A few covered topics to show as examples (usage help, an empty topic). */
export function exampleTopics(deps: { engine: Pick<Engine, "suggestTopics"> }, count = 3): string[] {
  return deps.engine.suggestTopics("", count);
}

export async function brief(input: { topic: string }, _scope: Scope, deps: BriefDeps): Promise<BriefOutcome> {
  const topic = input.topic.replace(/\s+/g, " ").trim().slice(0, MAX_TOPIC_LENGTH).trim();
  if (topic === "") throw inputError("empty_topic", exampleTopics(deps));
  const briefing = await withinDeadline(deps.deadlineMs, (signal) => deps.engine.brief(topic, { signal }));
  const doc = briefingToDocument(briefing);
  return { reply: briefing.found ? doc : withTopicsToTry(doc, topicsToTry(topic, deps)), briefing };
}
