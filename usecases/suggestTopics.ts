/**
 * Topic suggestions for autocomplete (Discord's option autocomplete today; a web console's search box
 * later): topics the corpus covers that match what the person has typed.
 */
import type { Engine } from "../src/model.ts";

export interface SuggestTopicsDeps {
  engine: Pick<Engine, "suggestTopics">;
}

/** Topics matching `prefix` (any word start), most covered first. */
export function suggestTopics(input: { prefix: string; limit: number }, deps: SuggestTopicsDeps): string[] {
  return deps.engine.suggestTopics(input.prefix.trim(), input.limit);
}

/**
 * For a comma-separated list of topics being typed ("sanctions, kim jo"): the earlier topics kept,
 * the last one completed. Whole lists longer than `maxLength` are left out.
 */
export function suggestTopicList(
  input: { typed: string; limit: number; maxLength: number },
  deps: SuggestTopicsDeps,
): string[] {
  const parts = input.typed.split(",");
  const last = (parts.pop() ?? "").trim();
  const head = parts.map((p) => p.trim()).filter(Boolean);
  return deps.engine
    .suggestTopics(last, input.limit)
    .map((t) => [...head, t].join(", "))
    .filter((v) => v.length <= input.maxLength);
}
