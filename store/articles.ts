/**
 * The shared article store: articles in Redis are the truth, and every change is appended to the change
 * log in the same Lua call. `upsert` applies the duplicate rules:
 *  - an item seen again (same source + guid, else the same canonical URL) updates its article in place
 *    ("updated" when its title or text changed, else "unchanged");
 *  - an identical or near-identical text (word-shingle Jaccard ≥ NEAR_DUPLICATE, as `ingest` uses) from
 *    the same publisher is the same article ("duplicate"; the item's guid and URL then point at it);
 *  - the same story from two publishers stays two articles.
 * Concurrent upserts of one item by many processes make one article: each upsert's COMMIT applies only
 * if what its PROBE read still holds, else it probes again (optimistic, like WATCH/MULTI, in one script).
 */
import { randomBytes } from "node:crypto";
import type { Logger } from "pino";
import type { Redis } from "../queue/redis.ts";
import { NEAR_DUPLICATE } from "../src/corpus/ingest.ts";
import { articleFromRecord } from "../src/corpus/load.ts";
import { publisherKey } from "../src/corpus/publisher.ts";
import type { Article, Clock } from "../src/model.ts";
import { jaccard } from "../src/text/similarity.ts";
import { bodyShingles, contentHash, dedupeFields, identityFields } from "./fingerprint.ts";
import type { StoreKeys } from "./keys.ts";
import { COMMIT, EXPIRE, PROBE, PURGE_TOMBSTONES, REMOVE } from "./scripts.ts";
import type { IncomingArticle, StoredArticle, UpsertResult } from "./types.ts";

/** A problem with the article given (the caller can fix it); never retried. */
export class StoreInputError extends Error {
  override readonly name = "StoreInputError";
}

/** Too many concurrent writers changed what an upsert depends on; the upsert can be tried again. */
export class StoreBusyError extends Error {
  override readonly name = "StoreBusyError";
}

/** Bounds on what one input can cost (cleaning is linear in the text). */
export const LIMITS = {
  textChars: 200_000,
  titleChars: 500,
  /** Near-duplicate candidates checked exactly per upsert (band collisions beyond are ignored). */
  candidates: 50,
  /** PROBE/COMMIT rounds before an upsert gives up with StoreBusyError. */
  attempts: 25,
} as const;

const ID_PATTERN = /^[^\s]{1,200}$/;
const SOURCE_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,100}$/;
const DAY_MS = 86_400_000;

export interface ArticleStoreDeps {
  redis: Redis;
  keys: StoreKeys;
  clock: Clock;
  log: Logger;
  /** How long a removed article's guid/URL keep saying "seen" (so a feed still listing it does not re-add it). */
  tombstoneMs?: number;
}

/** What `put` stores: a cleaned Article plus how the item is recognised again. */
interface Draft {
  article: Article;
  identity: string[];
  sourceId: string | null;
  guid: string | null;
  publishedAt: string | null;
  preferredId: string | null;
}

interface Probe {
  idents: string[];
  dedupe: string[];
  match: string;
  info: { h: string; rev: string; at: number; sources: string[] };
  tomb: string;
  tombFields: string[];
  /** Per identity field: does the article it names exist. */
  live: boolean[];
}

export class ArticleStore {
  readonly keys: StoreKeys;
  readonly #redis: Redis;
  readonly #clock: Clock;
  readonly #log: Logger;
  readonly #tombstoneMs: number;

  constructor(deps: ArticleStoreDeps) {
    this.#redis = deps.redis;
    this.keys = deps.keys;
    this.#clock = deps.clock;
    this.#log = deps.log;
    this.#tombstoneMs = deps.tombstoneMs ?? 30 * DAY_MS;
  }

  /** Cleans an incoming item (the same record → article path as files) and stores it by the duplicate rules. */
  async upsert(item: IncomingArticle): Promise<UpsertResult> {
    if (item.sourceId !== null && !SOURCE_ID_PATTERN.test(item.sourceId))
      throw new StoreInputError(`invalid source id: ${JSON.stringify(item.sourceId.slice(0, 40))}`);
    const text = boundText(item.text);
    const title = item.title.trim().slice(0, LIMITS.titleChars);
    const url = item.url?.trim() || null;
    // The id is set when the article is committed; cleaning does not depend on it.
    const cleaned = articleFromRecord({
      id: "_",
      text,
      title: title || null,
      publisher: item.publisher?.trim() || null,
      date: item.publishedAt,
      ...(url ? { url } : {}),
    });
    if (cleaned.paragraphs.length === 0) throw new StoreInputError("no article text left after cleaning");
    const article: Article = { ...cleaned, author: item.author?.trim() || null, sourceId: item.sourceId };
    return this.#put({
      article,
      identity: identityFields({ ...item, url }),
      sourceId: item.sourceId,
      guid: item.guid?.trim() || null,
      publishedAt: item.publishedAt,
      preferredId: null,
    });
  }

  /**
   * Stores an already cleaned Article (the folder import): its id is kept when free. Same rules as
   * upsert; `identity` lets a re-import recognise the file.
   */
  async putArticle(article: Article, opts: { identity?: string[] } = {}): Promise<UpsertResult> {
    if (article.paragraphs.length === 0) throw new StoreInputError(`no article text in ${article.id}`);
    return this.#put({
      article: { ...article, sourceId: article.sourceId ?? null },
      identity: opts.identity ?? [],
      sourceId: article.sourceId ?? null,
      guid: null,
      publishedAt: null,
      preferredId: ID_PATTERN.test(article.id) ? article.id : null,
    });
  }

  async #put(d: Draft): Promise<UpsertResult> {
    const pk = publisherKey(d.article.publisher, d.article.url);
    const prints = bodyShingles(d.article.paragraphs);
    const dk = dedupeFields(pk, d.article.paragraphs, prints);
    const h = contentHash(d.article.title, d.article.paragraphs);
    const src = d.sourceId ?? "";
    let preferred = d.preferredId;
    for (let attempt = 0; attempt < LIMITS.attempts; attempt++) {
      const now = this.#clock.now().getTime();
      const p = await this.#probe(now, d.identity, dk);
      const ei = d.identity.map((f, i) => [f, p.idents[i] ?? ""]);
      let meta: Record<string, unknown>;
      let outcome: UpsertResult["outcome"];
      let id: string;
      let body: [string, string] = ["", ""];
      if (p.match) {
        id = p.match;
        // The item's guid/URL now name this article, except one that names another live article
        // (the guid wins; that other article keeps its URL).
        const claim = d.identity.filter((_, i) => p.idents[i] === id || !p.live[i]);
        const newIdentity = claim.some((f) => p.idents[d.identity.indexOf(f)] !== id);
        const newSource = src !== "" && !p.info.sources.includes(src);
        if (p.info.h === h) {
          outcome = "unchanged";
          // Nothing to write unless the item brought a new guid/URL or another source delivered it.
          if (!newIdentity && !newSource) return { outcome, id };
          meta = { mode: "alias", id, ei, ed: [], ik: claim, src };
        } else {
          outcome = "updated";
          const article = { ...d.article, id, addedAt: new Date(p.info.at).toISOString() };
          body = [JSON.stringify(article), extra(d)];
          const ed = dk.map((f, i) => [f, p.dedupe[i] ?? ""]);
          meta = { mode: "update", id, ei, ed, rev: p.info.rev, ik: claim, src, dk, h, pk };
        }
      } else if (p.tomb) {
        // Seen before and removed (retention): keep it out, and keep remembering it while it is listed.
        id = p.tomb;
        outcome = "unchanged";
        meta = {
          mode: "touch",
          id,
          ei,
          ed: [],
          tf: p.tombFields,
          goneUntil: String(now + this.#tombstoneMs),
        };
      } else {
        const dup = await this.#duplicateOf(p.dedupe, dk, prints);
        if (dup) {
          id = dup;
          outcome = "duplicate";
          meta = { mode: "alias", id, ei, ed: [], ik: d.identity, src };
        } else {
          id = preferred ?? newArticleId();
          outcome = "added";
          const article = { ...d.article, id, addedAt: new Date(now).toISOString() };
          body = [JSON.stringify(article), extra(d)];
          const ed = dk.map((f, i) => [f, p.dedupe[i] ?? ""]);
          meta = { mode: "add", id, ei, ed, ik: d.identity, src, dk, h, pk, at: String(now) };
        }
      }
      meta.now = String(now);
      const [ok, what] = (await COMMIT.run(
        this.#redis,
        [this.keys.base],
        [JSON.stringify(meta), body[0], body[1]],
      )) as [number, string];
      if (ok === 1) return what ? { outcome, id, logId: what } : { outcome, id };
      if (what === "exists") preferred = null; // the file's id is taken by another article: use a new one
      // Someone changed what this decision rested on: look again (briefly backing off under contention).
      if (attempt >= 3) await sleep(Math.random() * 5 * attempt);
    }
    this.#log.warn({ attempts: LIMITS.attempts }, "article upsert gave up under contention");
    throw new StoreBusyError("the article store is busy; try again");
  }

  async #probe(now: number, ik: string[], dk: string[]): Promise<Probe> {
    const raw = (await PROBE.run(this.#redis, [this.keys.base], [now, JSON.stringify({ ik, dk })])) as [
      string[],
      string[],
      string,
      (string | null)[],
      string,
      string[],
      number[],
    ];
    const [idents, dedupe, match, info, tomb, tombFields, live] = raw;
    return {
      idents,
      dedupe,
      match,
      info: {
        h: info[0] ?? "",
        rev: info[1] ?? "0",
        at: Number(info[2] ?? 0),
        sources: (info[3] ?? "").split(" ").filter(Boolean),
      },
      tomb,
      tombFields,
      live: live.map((x) => x === 1),
    };
  }

  /** The same publisher's article with the same or a near-identical text, if any. */
  async #duplicateOf(values: string[], dk: string[], prints: Set<number>): Promise<string | null> {
    const exact = values[0] ? values[0].split(" ")[0] : undefined;
    if (exact && dk[0]?.startsWith("x:")) return exact;
    const candidates = [...new Set(values.slice(1).flatMap((v) => (v ? v.split(" ") : [])))].slice(
      0,
      LIMITS.candidates,
    );
    if (candidates.length === 0) return null;
    const found = await this.getMany(candidates);
    let best: { id: string; sim: number } | null = null;
    for (const a of found) {
      if (!a) continue;
      const sim = jaccard(prints, bodyShingles(a.paragraphs));
      if (sim >= NEAR_DUPLICATE && (!best || sim > best.sim)) best = { id: a.id, sim };
    }
    return best?.id ?? null;
  }

  /** Removes an article (and, through the log, from every index); its guid/URL stay known as removed. */
  async remove(id: string): Promise<boolean> {
    const until = this.#clock.now().getTime() + this.#tombstoneMs;
    return (await REMOVE.run(this.#redis, [this.keys.base], [id, until])) === 1;
  }

  /**
   * Removes every article that arrived at or before `cutoff` (in batches of `batch`, one Lua call each),
   * each with a `remove` entry in the log. Returns how many.
   */
  async removeArrivedBefore(cutoff: Date, batch = 200): Promise<number> {
    let removed = 0;
    for (;;) {
      const until = this.#clock.now().getTime() + this.#tombstoneMs;
      const n = Number(await EXPIRE.run(this.#redis, [this.keys.base], [cutoff.getTime(), batch, until]));
      removed += n;
      if (n < batch) return removed;
    }
  }

  /**
   * Drops change-log entries older than `keepMs` by Redis's clock (entry ids carry Redis's time, so the
   * cutoff does too); returns how many. An entry exactly `keepMs` old goes too (with `keepMs` 0, one
   * written in the same millisecond as the trim), so the cutoff does not depend on timing.
   */
  async trimLog(keepMs: number): Promise<number> {
    const [sec, micro] = await this.#redis.time();
    const nowMs = Number(sec) * 1000 + Math.floor(Number(micro) / 1000);
    return this.#redis.xtrim(this.keys.log, "MINID", String(Math.max(0, nowMs - keepMs + 1)));
  }

  /** Forgets removed items whose tombstones ended (a feed listing one again after that adds it anew). */
  async purgeTombstones(batch = 500): Promise<number> {
    let purged = 0;
    for (;;) {
      const now = this.#clock.now().getTime();
      const n = Number(await PURGE_TOMBSTONES.run(this.#redis, [this.keys.base], [now, batch]));
      purged += n;
      if (n < batch) return purged;
    }
  }

  async get(id: string): Promise<Article | null> {
    const [a] = await this.getMany([id]);
    return a ?? null;
  }

  /** Articles by id, in the same order (null where there is none). */
  async getMany(ids: readonly string[]): Promise<(Article | null)[]> {
    if (ids.length === 0) return [];
    const pipe = this.#redis.pipeline();
    for (const id of ids) pipe.hget(this.keys.article(id), "a");
    const res = (await pipe.exec()) ?? [];
    return res.map(([err, raw]) => {
      if (err) throw err;
      return typeof raw === "string" ? parseArticle(raw) : null;
    });
  }

  /** An article with what the store keeps beside it (publisher key, guid, sources, arrival, revision). */
  async getStored(id: string): Promise<StoredArticle | null> {
    const f = await this.#redis.hmget(this.keys.article(id), "a", "x", "pk", "srcs", "at", "up", "rev");
    if (!f[0]) return null;
    const x = JSON.parse(f[1] ?? "{}") as { guid?: string | null; publishedAt?: string | null };
    return {
      article: parseArticle(f[0]),
      publisherKey: f[2] ?? "",
      guid: x.guid ?? null,
      publishedAt: x.publishedAt ?? null,
      sources: (f[3] ?? "").split(" ").filter(Boolean),
      arrivedAt: Number(f[4]),
      updatedAt: Number(f[5]),
      rev: Number(f[6]),
    };
  }

  /** Publisher keys of articles (what stories count: publishers, not feeds), in the same order. */
  async publishers(ids: readonly string[]): Promise<(string | null)[]> {
    if (ids.length === 0) return [];
    const pipe = this.#redis.pipeline();
    for (const id of ids) pipe.hget(this.keys.article(id), "pk");
    const res = (await pipe.exec()) ?? [];
    return res.map(([err, v]) => {
      if (err) throw err;
      return typeof v === "string" ? v : null;
    });
  }

  /** How many articles the store holds. */
  count(): Promise<number> {
    return this.#redis.zcard(this.keys.arrivals);
  }

  /** How many stored articles each source delivered. */
  async countBySource(sourceIds: readonly string[]): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    if (sourceIds.length === 0) return out;
    const pipe = this.#redis.pipeline();
    for (const s of sourceIds) pipe.scard(this.keys.bySource(s));
    const res = (await pipe.exec()) ?? [];
    sourceIds.forEach((s, i) => {
      const [err, n] = res[i] ?? [null, 0];
      if (err) throw err;
      out[s] = Number(n);
    });
    return out;
  }

  /** Ids of a source's stored articles. */
  idsOfSource(sourceId: string): Promise<string[]> {
    return this.#redis.smembers(this.keys.bySource(sourceId));
  }

  /**
   * Ids by arrival, oldest first: those that arrived after `since` (exclusive) and up to `until`
   * (inclusive). Digests ask "what arrived since T".
   */
  async idsByArrival(
    opts: { since?: Date; until?: Date; limit?: number; offset?: number } = {},
  ): Promise<{ id: string; arrivedAt: number }[]> {
    const min = opts.since ? `(${opts.since.getTime()}` : "-inf";
    const max = opts.until ? String(opts.until.getTime()) : "+inf";
    const limit = opts.limit ?? -1;
    const raw = await this.#redis.zrangebyscore(
      this.keys.arrivals,
      min,
      max,
      "WITHSCORES",
      "LIMIT",
      opts.offset ?? 0,
      limit,
    );
    const out: { id: string; arrivedAt: number }[] = [];
    for (let i = 0; i + 1 < raw.length; i += 2) out.push({ id: raw[i]!, arrivedAt: Number(raw[i + 1]) });
    return out;
  }

  /** The articles that arrived after `since`, oldest first. */
  async since(since: Date, limit?: number): Promise<Article[]> {
    const ids = await this.idsByArrival({ since, ...(limit !== undefined ? { limit } : {}) });
    const found = await this.getMany(ids.map((x) => x.id));
    return found.filter((a): a is Article => a !== null);
  }
}

export function parseArticle(raw: string): Article {
  const a = JSON.parse(raw) as Article;
  if (typeof a.id !== "string" || !Array.isArray(a.paragraphs)) throw new Error("malformed stored article");
  return a;
}

function extra(d: Draft): string {
  return JSON.stringify({ guid: d.guid, publishedAt: d.publishedAt });
}

/** The text cut at a paragraph (or word) boundary within LIMITS.textChars. */
function boundText(text: string): string {
  if (text.length <= LIMITS.textChars) return text;
  const cut = text.slice(0, LIMITS.textChars);
  const para = cut.lastIndexOf("\n\n");
  if (para > LIMITS.textChars / 2) return cut.slice(0, para);
  const space = cut.lastIndexOf(" ");
  return space > 0 ? cut.slice(0, space) : cut;
}

export function newArticleId(): string {
  const n = randomBytes(8).readBigUInt64BE(0);
  return `a_${n.toString(36).padStart(13, "0").slice(-12)}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
