/**
 * The console's SourcesPort over the sources use cases (usecases/sources.ts), the same functions the
 * command line, Slack and Discord call, so the Sources page cannot disagree with `/summit sources`.
 * The console acts as the operator (an admin scope): who may reach it is decided by its login.
 */
import type { PollSummary, SourceRow, SourcesPort } from "../console/ports.ts";
import type { Redis } from "../queue/redis.ts";
import { createSourceDeps, type SourceDeps, type SourceDepsOptions } from "../sources/deps.ts";
import { InputError } from "../src/errors.ts";
import type { Clock } from "../src/model.ts";
import type { SharedStore } from "../store/sharedStore.ts";
import { CONSOLE_SCOPE } from "../usecases/scope.ts";
import {
  addSource,
  exportOpml,
  importOpml,
  listSources,
  pollSources,
  removeSource,
} from "../usecases/sources.ts";
import { sourcesDeps } from "./store.ts";

const DAY_MS = 86_400_000;

export interface ConsoleSourcesDeps {
  store: SharedStore;
  redis: Redis;
  clock: Clock;
  /**
   * The process's open feed client (HTTP pool, robots.txt), in store mode: borrowed, never closed here.
   * Without it the console opens its own (with `http`) and closes it on close().
   */
  fetching?: SourceDeps;
  http?: SourceDepsOptions["http"];
  /** Told how each poll went (metrics). */
  onPoll?: (outcome: PollSummary["status"]) => void;
}

export function consoleSources(deps: ConsoleSourcesDeps): SourcesPort & { close(): Promise<void> } {
  const own = deps.fetching
    ? null
    : createSourceDeps({
        ...(deps.http ? { http: deps.http } : {}),
        now: () => deps.clock.now().getTime(),
      });
  const fetching = deps.fetching ?? own!;
  const uc = sourcesDeps({ store: deps.store, fetching, clock: deps.clock });

  return {
    async list(): Promise<SourceRow[]> {
      const { sources } = await listSources({}, CONSOLE_SCOPE, uc);
      return sources.map((s) => ({
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
      const { source, created } = await addSource({ url }, CONSOLE_SCOPE, uc);
      return { id: source.id, created };
    },
    async remove(id) {
      try {
        await removeSource({ id }, CONSOLE_SCOPE, uc);
        return true;
      } catch (err) {
        if (err instanceof InputError) return false;
        throw err;
      }
    },
    async poll(id): Promise<PollSummary> {
      const { totals } = await pollSources({ id }, CONSOLE_SCOPE, uc);
      let summary: PollSummary;
      if (totals.polled === 0) summary = { status: "busy", added: 0, error: "another process is polling it" };
      else {
        const after = await uc.registry.get(id);
        const failed = after !== null && after.lastError !== null && after.status !== "ok";
        summary = failed
          ? { status: "failed", added: totals.added, error: after.lastError }
          : { status: "ok", added: totals.added, error: null };
      }
      deps.onPoll?.(summary.status);
      return summary;
    },
    async importOpml(opml, onProgress) {
      const r = await importOpml({ text: opml, ...(onProgress ? { onProgress } : {}) }, CONSOLE_SCOPE, uc);
      return { added: r.created, known: r.sources.length - r.created, failed: r.failed.length };
    },
    async exportOpml() {
      return (await exportOpml({}, CONSOLE_SCOPE, uc)).opml;
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
    close: async () => {
      await own?.close();
    },
  };
}
