/**
 * The glue between a poll (sources/: pollSource → {outcome, items, next}) and the store: upserts the
 * items, then persists the source's new state. Items first: if the process dies in between, the next
 * poll (without the new validators) sees the items again and finds them unchanged; the other order could
 * record a 304-worthy ETag for items never stored.
 */
import type { Logger } from "pino";
import type { ArticleStore } from "./articles.ts";
import type { SourceRegistry } from "./sources.ts";
import type { PollApplyInput, PollCounts } from "./types.ts";

export async function applyPoll(
  deps: { articles: ArticleStore; sources: SourceRegistry; log: Logger },
  result: PollApplyInput,
): Promise<PollCounts> {
  const counts: PollCounts = { added: 0, updated: 0, unchanged: 0, failed: 0 };
  // One at a time: items of one feed share a publisher, and sequential upserts never contend.
  for (const item of result.items) {
    try {
      const { outcome } = await deps.articles.upsert({ ...item, sourceId: item.sourceId ?? result.next.id });
      if (outcome === "added") counts.added++;
      else if (outcome === "updated") counts.updated++;
      else counts.unchanged++;
    } catch (err) {
      counts.failed++;
      deps.log.warn(
        { err: { name: (err as Error).name, message: (err as Error).message }, source: result.next.id },
        "a feed item could not be stored",
      );
    }
  }
  await deps.sources.recordPoll(result.next);
  return counts;
}
