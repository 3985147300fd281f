/** Core work under a deadline: when it passes, the person hears "that took too long" from the catalogue. */
import { SummitError } from "../src/errors.ts";
import { message } from "../src/messages.ts";

export async function withinDeadline<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const signal = AbortSignal.timeout(ms);
  try {
    return await work(signal);
  } catch (err) {
    // Whatever the engine threw once the deadline had passed, the deadline is the reason.
    if (signal.aborted) {
      throw new SummitError("too_slow", `no result within ${ms} ms`, {
        userMessage: message("too_slow"),
        cause: err,
      });
    }
    throw err;
  }
}
