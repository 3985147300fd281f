/** An error caused by the user's input: printed as one friendly line, never with a stack trace. */
export class UserError extends Error {
  override readonly name = "UserError";
}
