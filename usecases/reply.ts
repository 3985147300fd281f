/**
 * What a use case hands back to a surface: a Document (a briefing, an answer, a digest) or a Notice, a
 * short message from the catalogue (src/messages.ts) with a stable code. A Notice is a Document too
 * (kind "notice"), so anything that can send a Document can send it; renderers show it as one plain
 * message (adapters/<platform>/render.ts renderNotice).
 *
 * Failures are thrown (src/errors.ts); `failureNotice` turns any of them into the notice to show.
 */
import { type ErrorCode, InputError, isUserFacing } from "../src/errors.ts";
import { type MessageArgs, type MessageCode, message } from "../src/messages.ts";
import type { Document } from "../src/present/document.ts";
import { noticeDocument } from "../src/present/fromCore.ts";
import type { RichText } from "../src/present/richText.ts";

export interface Notice extends Document {
  kind: "notice";
  /** The catalogue code (or the error's code): stable, for tests, logs and metrics. */
  code: ErrorCode;
  /** The notice's text (also its one paragraph block). */
  content: RichText;
  /** Everyone in the channel may see it (a confirmation); otherwise only the asker (errors, lists, help). */
  public: boolean;
}

function build(code: ErrorCode, content: RichText, isPublic: boolean): Notice {
  return { ...noticeDocument("", content), kind: "notice", code, content, public: isPublic };
}

/** A notice only the asker sees, in the catalogue's words. */
export function notice<C extends MessageCode>(code: C, ...args: MessageArgs<C>): Notice {
  return build(code, message(code, ...args), false);
}

/** A notice for everyone in the channel (confirmations of what changed there). */
export function publicNotice<C extends MessageCode>(code: C, ...args: MessageArgs<C>): Notice {
  return build(code, message(code, ...args), true);
}

export function isNotice(doc: Document): doc is Notice {
  return doc.kind === "notice" && "code" in doc && "content" in doc;
}

/** The little a use case needs of a logger (pino's Logger fits). */
/**
 * Told once per command a chat surface handled, and how it went ("error": it failed and the user got the
 * failure notice). The composition root passes one in for metrics (app/metrics.ts summit_commands_total).
 */
export type CommandHook = (surface: "slack" | "discord", command: string, outcome: "ok" | "error") => void;

export interface FailureLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * What to show for a failure, the same on every surface: the error's own words when it has some
 * (bad input, Redis down, too slow), else the catalogue's apology. Logs what the person did not cause:
 * an unexpected error as an error, a user-facing failure (other than bad input) as a warning.
 */
export function failureNotice(err: unknown, log?: FailureLog, context: object = {}): Notice {
  if (isUserFacing(err)) {
    if (log && !(err instanceof InputError)) log.warn({ err, ...context }, "request failed");
    return build(err.code, err.userMessage, false);
  }
  log?.error({ err, ...context }, "request failed");
  return notice("internal_error");
}
