/**
 * The console's SourcesPort over what exists today: the store's source registry (store/sources.ts)
 * and the feed poller (sources/). Kept to the port's few operations so it can be replaced by the
 * sources use cases (usecases/sources.ts) without touching the console.
 */
import type { PollSummary, SourceRow, SourcesPort } from "../console/ports.ts";
import type { Redis } from "../queue/redis.ts";
import { createSourceDeps, type SourceDepsOptions } from "../sources/deps.ts";
import { discoverSource } from "../sources/discover.ts";
import { parseOpmlSources, sourcesToOpml } from "../sources/opml.ts";
import { pollSource } from "../sources/poll.ts";
import type { Clock } from "../src/model.ts";
import type { SharedStore } from "../store/sharedStore.ts";

const DAY_MS = 86_400_000;

export interface ConsoleSourcesDeps {
  store: SharedStore;
  redis: Redis;
  clock: Clock;
  http?: SourceDepsOptions["http"];
  /** Told how each poll went (metrics). */
  onPoll?: (outcome: PollSummary["status"]) => void;
}

export function consoleSources(deps: ConsoleSourcesDeps): SourcesPort & { close(): Promise<void> } {
  const fetchDeps = createSourceDeps({
    ...(deps.http ? { http: deps.http } : {}),
    now: () => deps.clock.now().getTime(),
  });
  const registry = deps.store.sources;

  const poll = async (id: string): Promise<PollSummary> => {
    const state = await registry.get(id);
    if (!state) return { status: "failed", added: 0, error: "no such source" };
    const r = await registry.withPollLock(id, async () => {
      const result = await pollSource(state, fetchDeps);
      const counts = await deps.store.applyPoll(result);
      return { result, counts };
    });
    const summary: PollSummary = r.ran
      ? {
          status: r.value.result.outcome,
          added: r.value.counts.added,
          error: r.value.result.error?.message ?? null,
        }
      : { status: "busy", added: 0, error: "another process is polling it" };
    deps.onPoll?.(summary.status);
    return summary;
  };

  return {
    async list(): Promise<SourceRow[]> {
      return (await registry.list()).map((s) => ({
        id: s.id,
        name: s.name,
        url: s.url,
        feedUrl: s.feedUrl,
        status: s.lastFetchAt === null && s.status === "ok" ? "new" : s.status,
        lastFetchAt: s.lastFetchAt,
        nextFetchAt: s.nextFetchAt,
        lastError: s.lastError,
        articles: s.articles,
      }));
    },
    async add(url) {
      const found = await discoverSource(url, fetchDeps);
      const { source, created } = await registry.add({
        url: found.url,
        feedUrl: found.feedUrl,
        name: found.name,
      });
      return { id: source.id, created };
    },
    remove: (id) => registry.remove(id),
    poll,
    async importOpml(opml, onProgress) {
      const list = parseOpmlSources(opml);
      let added = 0;
      let known = 0;
      let failed = 0;
      onProgress?.(0, list.length);
      for (const [i, o] of list.entries()) {
        try {
          const { created } = await registry.add({
            url: o.siteUrl ?? o.feedUrl,
            feedUrl: o.feedUrl,
            name: o.name,
          });
          if (created) added++;
          else known++;
        } catch {
          failed++;
        }
        onProgress?.(i + 1, list.length);
      }
      return { added, known, failed };
    },
    async exportOpml() {
      const outlines = await registry.opml();
      return sourcesToOpml(
        outlines.map((o) => ({ feedUrl: o.xmlUrl, name: o.title, url: o.htmlUrl })),
        { now: deps.clock.now() },
      );
    },
    async articlesPerDay(days) {
      const today = Math.floor(deps.clock.now().getTime() / DAY_MS) * DAY_MS;
      const pipe = deps.redis.pipeline();
      const starts: number[] = [];
      for (let d = days - 1; d >= 0; d--) {
        const start = today - d * DAY_MS;
        starts.push(start);
        pipe.zcount(deps.store.keys.arrivals, start, `(${start + DAY_MS}`);
      }
      const counts = (await pipe.exec()) ?? [];
      return starts.map((s, i) => ({
        day: new Date(s).toISOString().slice(0, 10),
        count: Number(counts[i]?.[1] ?? 0),
      }));
    },
    close: () => fetchDeps.close(),
  };
}
