/** What the Slack handlers share: the core engine, the stores and the background runner; and the caller's scope. */
import type { Logger } from "pino";
import type { SubscriptionService } from "../../queue/types.ts";
import type { Clock, Engine } from "../../src/model.ts";
import type { CommandHook } from "../../usecases/reply.ts";
import type { Scope } from "../../usecases/scope.ts";
import type { SourcesDeps } from "../../usecases/sources.ts";
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
  /** The news sources of the shared store (absent when the deployment reads a folder). */
  sources?: SourcesDeps;
  /** Told once per slash command handled, with its outcome (metrics). */
  onCommand?: CommandHook;
}

/**
 * The caller of a Slack request. `isAdmin` is false: telling a workspace admin or owner apart needs
 * `users.info` (and the `users:read` scope), which no command needs yet; an admin-only command must
 * resolve it before calling its use case (so it fails closed until then).
 */
export function slackScope(
  team: string | null | undefined,
  channel: string | null | undefined,
  user: string | null | undefined,
): Scope {
  return {
    surface: "slack",
    workspace: team ?? null,
    channel: channel ?? null,
    user: user ?? null,
    isAdmin: false,
  };
}
