/**
 * Test scaffolding for the shared store: a store on a unique prefix of the shared Redis (or a test's own
 * redis-server), real article text from seeds/ to build items from, a recording LiveCorpus and a small
 * Map-backed one that can be searched.
 */
import type { Redis } from "ioredis";
import { createRedis } from "../../queue/redis.ts";
import { seededRandom } from "../../scripts/shared.ts";
import type { IncomingArticle } from "../../sources/types.ts";
import { loadCorpus } from "../../src/corpus/load.ts";
import type { Article, Clock } from "../../src/model.ts";
import { words } from "../../src/text/tokens.ts";
import { ArticleStore } from "../../store/articles.ts";
import { type StoreKeys, storeKeys } from "../../store/keys.ts";
import type { LiveCorpus } from "../../store/types.ts";
import { deletePrefix, quietLog, REDIS_URL, uniquePrefix } from "../queue/helpers.ts";

export { quietLog, REDIS_URL, uniquePrefix };

/** Real article bodies (seeds/), one string of paragraphs each. */
export const SEED_TEXTS: { title: string; publisher: string | null; text: string }[] = loadCorpus(
  "seeds",
).map((a) => ({ title: a.title, publisher: a.publisher, text: a.paragraphs.join("\n\n") }));

/** A settable clock. */
export class TestClock implements Clock {
  ms: number;
  constructor(iso = "2026-03-01T08:00:00Z") {
    this.ms = Date.parse(iso);
  }
  now(): Date {
    return new Date(this.ms);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export const realClock: Clock = { now: () => new Date() };

export interface TestStore {
  prefix: string;
  redisUrl: string;
  keys: StoreKeys;
  redis: Redis;
  articles: ArticleStore;
  /** Another ArticleStore on its own connection (a second process's view). */
  another(clock?: Clock): ArticleStore;
  /** A new connection, closed by close(). */
  connect(): Redis;
  close(): Promise<void>;
}

export function openTestStore(
  opts: { clock?: Clock; prefix?: string; redisUrl?: string; tombstoneMs?: number } = {},
): TestStore {
  const prefix = opts.prefix ?? uniquePrefix();
  const redisUrl = opts.redisUrl ?? REDIS_URL;
  const keys = storeKeys(prefix);
  const conns: Redis[] = [];
  const connect = () => {
    const r = createRedis(redisUrl, { name: "summit-store-test" });
    r.on("error", () => {});
    conns.push(r);
    return r;
  };
  const redis = connect();
  const make = (clock: Clock) =>
    new ArticleStore({
      redis: connect(),
      keys,
      clock,
      log: quietLog,
      ...(opts.tombstoneMs !== undefined ? { tombstoneMs: opts.tombstoneMs } : {}),
    });
  const clock = opts.clock ?? realClock;
  return {
    prefix,
    redisUrl,
    keys,
    redis,
    articles: make(clock),
    another: (c = clock) => make(c),
    connect,
    async close() {
      for (const c of conns) c.disconnect();
      await deletePrefix(prefix, `${prefix}:*`, redisUrl);
    },
  };
}

/** Sentences of the seed articles: the material test items are made of. */
const SENTENCES: string[] = SEED_TEXTS.flatMap((s) => s.text.split(/(?<=[.!?])\s+/)).filter(
  (s) => s.split(" ").length >= 6,
);

/** An article body of real sentences: 6 paragraphs of 2, drawn by `variant` (distinct variants share little). */
export function textOf(variant: number): string {
  const next = seededRandom(variant * 7919 + 1);
  const paras: string[] = [];
  for (let p = 0; p < 6; p++) {
    const a = SENTENCES[Math.floor(next() * SENTENCES.length)]!;
    const b = SENTENCES[Math.floor(next() * SENTENCES.length)]!;
    paras.push(`${a} ${b}`);
  }
  return paras.join("\n\n");
}

let n = 0;
/** An item with real sentences; items of different `variant`s are different articles. */
export function item(over: Partial<IncomingArticle> & { variant?: number } = {}): IncomingArticle {
  const { variant, ...rest } = over;
  const v = variant ?? 1_000_000 + n++;
  return {
    sourceId: "src_test",
    guid: `guid-${v}`,
    url: `https://news.example/${v}`,
    title: `Report number ${v}`,
    publisher: "Example News",
    author: null,
    publishedAt: "2026-03-01T07:00:00Z",
    text: textOf(v),
    ...rest,
  };
}

/** Records every call, in order. */
export class RecordingCorpus implements LiveCorpus {
  calls: { op: "upsert" | "remove"; id: string; title?: string }[] = [];
  upsert(a: Article): void {
    this.calls.push({ op: "upsert", id: a.id, title: a.title });
  }
  remove(id: string): void {
    this.calls.push({ op: "remove", id });
  }
}

/** A trivial real corpus: articles by id and a word index, searchable. */
export class MapCorpus implements LiveCorpus {
  readonly articles = new Map<string, Article>();
  readonly #index = new Map<string, Set<string>>();
  upsert(a: Article): void {
    this.remove(a.id);
    this.articles.set(a.id, a);
    for (const w of new Set(words(`${a.title} ${a.paragraphs.join(" ")}`))) {
      const ids = this.#index.get(w) ?? new Set<string>();
      this.#index.set(w, ids);
      ids.add(a.id);
    }
  }
  remove(id: string): void {
    const a = this.articles.get(id);
    if (!a) return;
    this.articles.delete(id);
    for (const w of new Set(words(`${a.title} ${a.paragraphs.join(" ")}`))) this.#index.get(w)?.delete(id);
  }
  /** Ids of articles containing every word of the query. */
  search(query: string): string[] {
    const ws = words(query);
    if (ws.length === 0) return [];
    let out = [...(this.#index.get(ws[0]!) ?? [])];
    for (const w of ws.slice(1)) {
      const ids = this.#index.get(w);
      out = out.filter((id) => ids?.has(id));
    }
    return out.sort();
  }
}
