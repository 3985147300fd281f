/**
 * One error model for every layer (as bolt-js has CodedError and ErrorCode): a SummitError has a stable
 * `code` to branch on, an optional user-facing message (rich text from the catalogue, src/messages.ts)
 * and a `cause`. Code branches on `instanceof` and `code`, never on an error's name.
 *
 *   InputError               what the person typed cannot be accepted; its message is shown to them
 *   SummitError + userMessage a failure the person should hear about in our words (Redis down, too slow)
 *   SummitError              internal: logged; the person gets the catalogue's apology
 *
 * Platform and delivery errors (src/delivery.ts), CorpusError, configuration and adapter start-up errors
 * all extend SummitError.
 *
 * A user message is for whoever made the request. Chat users only meet InputErrors and the deadline
 * ("too_slow"); the operator-facing ones (Redis unreachable, configuration, corpus) arise at start-up or
 * at the command line. Show the rest as the catalogue's apology (usecases/reply.ts failureNotice).
 */
import { type MessageArgs, type MessageCode, message } from "./messages.ts";
import { plainText, type RichText, text } from "./present/richText.ts";

/** Codes of errors that are not (only) a catalogue message. */
export type InternalErrorCode =
  | "platform_rate_limited"
  | "platform_permanent"
  | "corpus"
  | "config_invalid"
  | "slack_config"
  | "slack_start"
  | "slack_not_installed"
  | "llm_deadline"
  | "llm_invalid_output"
  | "prompt_file";

export type ErrorCode = MessageCode | InternalErrorCode;

export interface SummitErrorOptions {
  cause?: unknown;
  /** What to tell the person who asked; absent when the failure is internal. */
  userMessage?: RichText;
}

export class SummitError extends Error {
  override readonly name: string = "SummitError";
  readonly code: ErrorCode;
  /** Rich text for the person who asked (rendered by each surface), or null for an internal failure. */
  readonly userMessage: RichText | null;

  constructor(code: ErrorCode, message: string, opts: SummitErrorOptions = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.code = code;
    this.userMessage = opts.userMessage ?? null;
  }
}

/** Input the person can fix (a bad time, an unknown timezone, an id that is not theirs): always has a user message. */
export class InputError extends SummitError {
  override readonly name: string = "InputError";
  declare readonly userMessage: RichText;

  constructor(code: MessageCode, userMessage: RichText, opts: { cause?: unknown } = {}) {
    super(code, plainText(userMessage), { ...opts, userMessage });
  }
}

/** An InputError with the catalogue's text for `code`: `inputError("invalid_time", "25:99")`. */
export function inputError<C extends MessageCode>(code: C, ...args: MessageArgs<C>): InputError {
  return new InputError(code, message(code, ...args));
}

/** A failure the person should hear about in the catalogue's words (not their input's fault). */
export function userFailure<C extends MessageCode>(code: C, ...args: MessageArgs<C>): SummitError {
  const userMessage = message(code, ...args);
  return new SummitError(code, plainText(userMessage), { userMessage });
}

/** True when the error carries words meant for the person (so it is expected and need not be logged as a fault). */
export function isUserFacing(err: unknown): err is SummitError & { userMessage: RichText } {
  return err instanceof SummitError && err.userMessage !== null;
}

/** A problem with the corpus the user can fix (missing folder, unreadable file, malformed line). */
export class CorpusError extends SummitError {
  override readonly name: string = "CorpusError";
  constructor(message: string, opts: { cause?: unknown } = {}) {
    super("corpus", message, { ...opts, userMessage: [text(message)] });
  }
}

/** Whether `err` is the DOM abort or timeout error an AbortSignal rejects with (checked by code, not name). */
export function isAbortError(err: unknown): boolean {
  return (
    err instanceof DOMException &&
    (err.code === DOMException.ABORT_ERR || err.code === DOMException.TIMEOUT_ERR)
  );
}
