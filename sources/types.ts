/**
 * The contract between following the news (sources/: fetch, parse, poll) and the shared article
 * store (store/: Redis articles + change log). Both sides import these types; neither imports the
 * other's implementation.
 */

/** One article as a poll (or a one-off URL / file ingest) hands it to the store, already cleaned. */
export interface IncomingArticle {
  /** The followed source it came from; null for a one-off URL or a file. */
  sourceId: string | null;
  /** The feed item's guid / Atom id / JSON Feed id, when it has one. */
  guid: string | null;
  /** Canonical link: absolute, tracking parameters (utm_*, fbclid, …) and fragment removed. */
  url: string | null;
  title: string;
  /** The publisher's name (the feed's or site's title); two feeds of one site share it. */
  publisher: string | null;
  author: string | null;
  /** When the publisher says it was published (ISO timestamp), if it says. */
  publishedAt: string | null;
  /** Clean body text: paragraphs separated by blank lines, page furniture already removed. */
  text: string;
}

/** What the store did with an IncomingArticle. */
export type UpsertOutcome = "added" | "updated" | "unchanged" | "duplicate";

export type SourceStatus = "ok" | "failing" | "disabled";

/** A followed source and its polling state, as persisted by the store and advanced by each poll. */
export interface SourceState {
  id: string;
  /** What the user gave (a feed or a site URL). */
  url: string;
  /** The feed actually polled (discovered from a site URL, or the same as url). */
  feedUrl: string;
  name: string;
  /** Polling interval the user asked for (default 15 minutes, at least 5). */
  everyMs: number;
  /** Validators from the last good response, for conditional GET (never sent empty). */
  etag: string | null;
  lastModified: string | null;
  /** Failures in a row; reset by a good response. */
  failures: number;
  lastError: string | null;
  /** ISO timestamps. */
  lastFetchAt: string | null;
  nextFetchAt: string | null;
  /** Set after 10 failures in a row (or by a permanent error), with the reason shown to users. */
  disabledReason: string | null;
  status: SourceStatus;
  addedAt: string;
  /**
   * Added by sources/ (optional; persist it with the rest of the state): for each item of the last
   * feed document, a short hash of its key (guid, else link) → a short hash of its content. A poll
   * skips items whose content is unchanged, so a feed that republishes old items with new dates
   * causes no page fetches and no upserts. Bounded by the items one feed document holds (≤ 200).
   */
  itemHashes?: Record<string, string>;
}

/** A source as first added: never fetched, no validators, no failures. */
export function newSourceState(
  init: Pick<SourceState, "id" | "url" | "feedUrl" | "name" | "everyMs" | "addedAt">,
): SourceState {
  return {
    ...init,
    etag: null,
    lastModified: null,
    failures: 0,
    lastError: null,
    lastFetchAt: null,
    nextFetchAt: null,
    disabledReason: null,
    status: "ok",
  };
}
