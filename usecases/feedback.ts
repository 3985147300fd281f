/** 👍/👎 on something Summit posted: one vote per person per message (a second click changes it). */

import { inputError } from "../src/errors.ts";
import type { Clock } from "../src/model.ts";
import { type Notice, notice } from "./reply.ts";
import type { Scope, Surface } from "./scope.ts";

export type Vote = "up" | "down";

export interface FeedbackVote {
  /** What was voted on: the stored document's reference (Slack) or the message id (Discord). */
  ref: string;
  user: string;
  vote: Vote;
  /** The document's kind ("briefing", "answer", "digest"…), or "unknown" when it has expired. */
  kind: string;
  topic: string | null;
  surface: Surface;
  workspace: string | null;
  channel: string | null;
  /** ISO timestamp of the vote. */
  at: string;
}

/** Where votes are kept (each adapter keeps them in Redis its own way). */
export interface FeedbackStore {
  record(vote: FeedbackVote): Promise<void>;
}

export interface FeedbackInput {
  ref: string;
  vote: Vote;
  kind: string;
  topic: string | null;
}

export async function recordFeedback(
  input: FeedbackInput,
  scope: Scope,
  deps: { feedback: FeedbackStore; clock: Clock },
): Promise<{ reply: Notice }> {
  if (!scope.user) throw inputError("unknown_user");
  await deps.feedback.record({
    ...input,
    user: scope.user,
    surface: scope.surface,
    workspace: scope.workspace,
    channel: scope.channel,
    at: deps.clock.now().toISOString(),
  });
  return { reply: notice(input.vote === "up" ? "feedback_up" : "feedback_down") };
}
