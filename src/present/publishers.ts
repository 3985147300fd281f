/**
 * "Reported by N publishers": each digest story counts the publishers behind its sources, not the
 * feeds or articles (two BBC feeds, or two BBC articles, are one publisher; the normalisation is the
 * store's, src/corpus/publisher.ts). A source without a publisher counts by its web site.
 */
import { publisherKey } from "../corpus/publisher.ts";
import type { Digest, Source, Story } from "../model.ts";

export function storyPublisherCount(story: Story, sources: readonly Source[]): number {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const keys = new Set<string>();
  for (const p of story.points)
    for (const id of p.sources) {
      const s = byId.get(id);
      keys.add(s ? publisherKey(s.publisher, s.url ?? null) || `id:${id}` : `id:${id}`);
    }
  return keys.size;
}

/** The digest with each story's publisher count set. */
export function withPublisherCounts(d: Digest): Digest {
  return { ...d, stories: d.stories.map((s) => ({ ...s, publishers: storyPublisherCount(s, d.sources) })) };
}
