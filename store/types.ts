/**
 * The shared article store's interfaces: what a process's live index must offer the change-log
 * follower (LiveCorpus), what an upsert answers, and what the store reports about itself.
 * The contract with following feeds (IncomingArticle, SourceState) lives in sources/types.ts.
 */

import type { IncomingArticle, SourceState, UpsertOutcome } from "../sources/types.ts";
import type { Article } from "../src/model.ts";

export type { IncomingArticle, SourceState, UpsertOutcome };

/**
 * A process's in-memory corpus (its search index) that the follower keeps in step with the store.
 * `upsert` adds an article or replaces the one with the same id; `remove` of an unknown id is a no-op.
 * Both are called in log order; an implementation must not throw for well-formed articles.
 */
export interface LiveCorpus {
  upsert(article: Article): void;
  remove(id: string): void;
  /**
   * Optional: applies many changes at once (one index refresh instead of one per article). The two
   * lists never share an id. Without it the follower calls upsert/remove one by one.
   */
  applyBatch?(batch: { upserts: Article[]; removes: string[] }): void;
}

/** What upsert did, and which article now holds the item. */
export interface UpsertResult {
  outcome: UpsertOutcome;
  /**
   * The article that holds the item: the new one, the one updated in place, the one it duplicates, or
   * (for an item whose article retention already removed) that removed article's id.
   */
  id: string;
  /**
   * The change-log entry this upsert wrote (added or updated), for read-your-writes: a process can wait
   * for its own follower to apply it (`StoreFollower.applied(logId)`).
   */
  logId?: string;
}

/** One change-log entry: what happened to which article. */
export type ChangeOp = "add" | "update" | "remove";

export interface Change {
  /** The stream entry id (`<ms>-<seq>`, Redis's clock). */
  entryId: string;
  op: ChangeOp;
  id: string;
}

/** An article as stored, with what the store keeps beside it. */
export interface StoredArticle {
  article: Article;
  /** Normalised publisher (src/corpus/publisher.ts): what "how many publishers" counts. */
  publisherKey: string;
  guid: string | null;
  publishedAt: string | null;
  /** Every followed source that delivered it (the first is `article.sourceId`). */
  sources: string[];
  /** Arrival in the store (epoch ms); digests go by it. */
  arrivedAt: number;
  /** Last change (epoch ms). */
  updatedAt: number;
  /** 1 when added, +1 per update. */
  rev: number;
}

/** A poll's result as applyPoll needs it (sources/' pollSource result satisfies it). */
export interface PollApplyInput {
  items: readonly IncomingArticle[];
  next: SourceState;
}

/** What applying a poll did; duplicates count as unchanged (nothing new reached the store). */
export interface PollCounts {
  added: number;
  updated: number;
  unchanged: number;
  failed: number;
}

/** A source as listed (`summit sources list --json`): its state and how many stored articles it delivered. */
export interface SourceListing extends SourceState {
  articles: number;
}

/** One OPML `<outline>` for export. */
export interface OpmlOutline {
  text: string;
  title: string;
  type: "rss";
  xmlUrl: string;
  htmlUrl: string;
}

/** A follower's position and lag, for /healthz and metrics. */
export interface FollowerStatus {
  running: boolean;
  /** Last change-log entry applied (`0-0` before any). */
  lastId: string;
  /** Entries in the log after lastId, as of the last read (exact; 0 when caught up). */
  behind: number;
  /** Changes applied since start (a full reload counts its articles). */
  applied: number;
  /** Full reloads since start (the first load included). */
  reloads: number;
  /** ms between the last applied entry's time (Redis clock) and when it was applied (this process). */
  lastLagMs: number | null;
  /** Median and 99th percentile of that lag over the last 1,000 entries. */
  p50LagMs: number | null;
  p99LagMs: number | null;
  /** The last error of the follow loop, cleared by the next successful read. */
  lastError: string | null;
}
