/** How to use Summit: the commands, spelled by each surface when it renders the notice. */
import { type Notice, notice } from "./reply.ts";
import type { Scope } from "./scope.ts";

export function help(_input: Record<string, never>, _scope: Scope): { reply: Notice } {
  return { reply: notice("help") };
}
