/**
 * A question about the news, answered from the articles, with the thread it was asked in as context
 * (the thread's topic steers retrieval; earlier questions help with "and what about …?").
 * Slack's and Discord's thread questions and `summit ask` call this.
 */
import { inputError } from "../src/errors.ts";
import type { Answer, Engine } from "../src/model.ts";
import type { Document } from "../src/present/document.ts";
import { answerToDocument } from "../src/present/fromCore.ts";
import { withinDeadline } from "./deadline.ts";
import type { Scope } from "./scope.ts";

/** Longer questions are cut (Slack allows 40,000 characters, Discord 2,000). */
export const MAX_QUESTION_LENGTH = 1000;
/** At most this many earlier questions of the thread are passed on. */
export const MAX_HISTORY = 6;

export interface ThreadContext {
  /** What the thread is about (a briefing's topic, a digest's topics), or null. */
  topic: string | null;
  /** Earlier questions in the thread, oldest first. */
  history: readonly string[];
}

export interface AskInput {
  question: string;
  /** The thread the question was asked in; null outside one. */
  thread: ThreadContext | null;
}

export interface AskDeps {
  engine: Pick<Engine, "ask">;
  deadlineMs: number;
}

export interface AskOutcome {
  reply: Document;
  answer: Answer;
  /** The question as asked of the engine (trimmed and bounded), for the thread's history. */
  question: string;
}

export async function ask(input: AskInput, _scope: Scope, deps: AskDeps): Promise<AskOutcome> {
  const question = input.question.replace(/\s+/g, " ").trim().slice(0, MAX_QUESTION_LENGTH).trim();
  if (question === "") throw inputError("empty_question");
  const topic = input.thread?.topic ?? null;
  const history = (input.thread?.history ?? []).slice(-MAX_HISTORY);
  const answer = await withinDeadline(deps.deadlineMs, (signal) =>
    deps.engine.ask(question, { ...(topic ? { context: topic } : {}), history: [...history], signal }),
  );
  return { reply: answerToDocument(answer), answer, question };
}
