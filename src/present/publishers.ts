/**
 * "Reported by N publishers": each digest story counts the publishers behind its sources, not the
 * feeds or articles (two BBC feeds, or two BBC articles, are one publisher; the normalisation is the
 * store's, src/corpus/publisher.ts). A source without a publisher counts by its web site; a story none
 * of whose sources names a publisher or a web site (articles read from files) counts its articles,
 * since calling two records of one file "2 publishers" would claim sources it cannot show.
 */
import { publisherKey } from "../corpus/publisher.ts";
import type { Digest, Source, Story } from "../model.ts";

/** Who reported a story: its publishers when any source names one (or a web site), else its articles. */
export interface StoryReach {
  count: number;
  unit: "publisher" | "article";
}

export function storyReach(story: Story, sources: readonly Source[]): StoryReach {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const keys = new Set<string>();
  const articles = new Set<string>();
  let named = false;
  for (const p of story.points)
    for (const id of p.sources) {
      articles.add(id);
      const s = byId.get(id);
      const key = s ? publisherKey(s.publisher, s.url ?? null) : "";
      if (key) named = true;
      keys.add(key || `id:${id}`);
    }
  return named ? { count: keys.size, unit: "publisher" } : { count: articles.size, unit: "article" };
}

/** The digest with each story's publisher count set (left unset where no source names a publisher). */
export function withPublisherCounts(d: Digest): Digest {
  return {
    ...d,
    stories: d.stories.map((s) => {
      const reach = storyReach(s, d.sources);
      return reach.unit === "publisher" ? { ...s, publishers: reach.count } : s;
    }),
  };
}
