/**
 * Keeping a process's engine in step with the shared store. An engine that implements LiveCorpus
 * (store/types.ts: upsert/remove/applyBatch, incremental) is handed to the change-log follower as is.
 * For one that does not, `RebuildingEngine` is the adapter: it keeps the articles, and rebuilds an
 * in-process engine from them after changes (debounced, and at once when a request arrives before the
 * rebuild ran, so a new article is always searchable by the next request). Correct, but a full rebuild
 * per burst of changes: fine for thousands of articles, not for 100,000.
 */
import type { Article, Engine } from "../src/model.ts";
import type { LiveCorpus } from "../store/types.ts";

export function isLiveCorpus(x: unknown): x is LiveCorpus {
  const o = x as Partial<LiveCorpus> | null;
  return !!o && typeof o.upsert === "function" && typeof o.remove === "function";
}

export class RebuildingEngine implements Engine, LiveCorpus {
  readonly #articles = new Map<string, Article>();
  readonly #build: (articles: Article[]) => Engine;
  readonly #debounceMs: number;
  #engine: Engine;
  #dirty = false;
  #timer: NodeJS.Timeout | null = null;
  /** Rebuilds so far (the first, empty, one included). */
  rebuilds = 0;

  constructor(build: (articles: Article[]) => Engine, opts: { debounceMs?: number } = {}) {
    this.#build = build;
    this.#debounceMs = opts.debounceMs ?? 250;
    this.#engine = this.#rebuild();
  }

  upsert(article: Article): void {
    this.#articles.set(article.id, article);
    this.#changed();
  }

  remove(id: string): void {
    if (this.#articles.delete(id)) this.#changed();
  }

  applyBatch(batch: { upserts: Article[]; removes: string[] }): void {
    for (const id of batch.removes) this.#articles.delete(id);
    for (const a of batch.upserts) this.#articles.set(a.id, a);
    this.#changed();
  }

  get size(): number {
    return this.#articles.size;
  }

  brief: Engine["brief"] = (topic, opts) => this.#current().brief(topic, opts);
  ask: Engine["ask"] = (question, opts) => this.#current().ask(question, opts);
  digest: Engine["digest"] = (opts) => this.#current().digest(opts);
  suggestTopics: Engine["suggestTopics"] = (prefix, limit) => this.#current().suggestTopics(prefix, limit);

  /** Stops the pending rebuild (safe twice). */
  async close(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #changed(): void {
    this.#dirty = true;
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#current();
    }, this.#debounceMs);
    this.#timer.unref();
  }

  #current(): Engine {
    if (this.#dirty) {
      this.#dirty = false;
      this.#engine = this.#rebuild();
    }
    return this.#engine;
  }

  #rebuild(): Engine {
    this.rebuilds++;
    return this.#build([...this.#articles.values()]);
  }
}
