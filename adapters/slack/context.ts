/** What the Slack handlers share: the core engine, the stores and the background runner. */
import type { Logger } from "pino";
import type { SubscriptionService } from "../../queue/types.ts";
import type { Clock, Engine } from "../../src/model.ts";
import type { Background } from "./background.ts";
import type { DocumentStore } from "./documentStore.ts";
import type { EventDedupe } from "./eventDedupe.ts";
import type { FeedbackStore } from "./feedbackStore.ts";
import type { ThreadStore } from "./threadStore.ts";

export interface HandlerContext {
  engine: Engine;
  subscriptions: SubscriptionService;
  threads: ThreadStore;
  documents: DocumentStore;
  feedback: FeedbackStore;
  dedupe: EventDedupe;
  background: Background;
  log: Logger;
  clock: Clock;
  /** How long a briefing or an answer may take before we give up and say so. */
  workTimeoutMs: number;
}

/** What users see when something breaks: friendly, no internals. */
export const SORRY =
  "Sorry, something went wrong on my side and I couldn't finish that. Please try again in a minute.";
export const TOO_SLOW =
  "Sorry, that took too long to put together. Please try again in a minute, or try a narrower topic.";

export function isTimeout(err: unknown): boolean {
  const name = (err as { name?: string } | null)?.name;
  return name === "TimeoutError" || name === "AbortError";
}
