/**
 * One poll of one source: a conditional GET of its feed, the feed read, each new or changed item made
 * into an IncomingArticle (teasers completed from their pages), and the source's next state. Pure
 * with respect to storage: the caller (store/, a BullMQ job) persists `next` and upserts `items`,
 * items first, so a crash between the two refetches rather than loses.
 */
import {
  articleFromItem,
  feedPublisher,
  type ItemOutcome,
  itemContentHash,
  itemKey,
  itemText,
} from "./article.ts";
import { decodeBytes } from "./charset.ts";
import { FEED_ACCEPT } from "./config.ts";
import type { SourceDeps } from "./deps.ts";
import { asSourceError, type SourceError } from "./errors.ts";
import { type FeedDocument, type FeedItem, parseFeedDocument } from "./feed.ts";
import type { HttpResponse } from "./http.ts";
import { afterFailure, afterSuccess } from "./policy.ts";
import type { IncomingArticle, SourceState } from "./types.ts";

export type PollOutcome = "ok" | "not-modified" | "failed";

export interface PollResult {
  outcome: PollOutcome;
  /** New and changed items, in the feed's order. */
  items: IncomingArticle[];
  /** The source's state after this poll, to persist. */
  next: SourceState;
  /** Items whose content was the same as at the last poll (not returned). */
  unchanged: number;
  /** Teasers left for the next poll because this poll's page budget was spent. */
  deferred: number;
  /** Items skipped because extracting them threw (a bug or a pathological item, never the network). */
  rejected: number;
  /** Why the poll failed (outcome "failed"). */
  error: SourceError | null;
  /** The feed's own title, when it was read (to name a source). */
  feedTitle: string | null;
}

/** Runs fn over the inputs with at most `limit` in flight, results in input order. */
async function mapLimit<T, R>(inputs: T[], limit: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(inputs.length);
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const i = next++;
      out[i] = await fn(inputs[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, inputs.length) }, worker));
  return out;
}

function failed(state: SourceState, now: number, err: unknown, deps: SourceDeps): PollResult {
  const error = asSourceError(err, state.feedUrl);
  return {
    outcome: "failed",
    items: [],
    next: afterFailure(state, now, error, deps.settings),
    unchanged: 0,
    deferred: 0,
    rejected: 0,
    error,
    feedTitle: null,
  };
}

interface Job {
  item: FeedItem;
  key: string;
  hash: string;
  fetchPage: boolean;
  own: ReturnType<typeof itemText>;
}

/** Polls a source once. Never throws for anything the network or the feed does: that is a "failed" outcome. */
export async function pollSource(state: SourceState, deps: SourceDeps): Promise<PollResult> {
  const now = deps.now();
  let res: HttpResponse;
  try {
    res = await deps.http.get(state.feedUrl, {
      etag: state.etag,
      lastModified: state.lastModified,
      accept: FEED_ACCEPT,
    });
  } catch (err) {
    return failed(state, now, err, deps);
  }
  const cacheControl = res.headers["cache-control"] ?? null;
  if (res.status === 304) {
    return {
      outcome: "not-modified",
      items: [],
      next: afterSuccess(
        state,
        now,
        {
          etag: res.etag ?? state.etag,
          lastModified: res.lastModified ?? state.lastModified,
          hints: { cacheControl },
        },
        deps.settings,
      ),
      unchanged: 0,
      deferred: 0,
      rejected: 0,
      error: null,
      feedTitle: null,
    };
  }

  let feed: FeedDocument;
  try {
    const text = decodeBytes(res.body, res.headers["content-type"]).text;
    feed = parseFeedDocument(text, res.url, deps.settings.maxItemsPerPoll);
  } catch (err) {
    return failed(state, now, err, deps);
  }

  const publisher = feedPublisher(feed, res.url);
  const previous = state.itemHashes ?? {};
  const hashes: Record<string, string> = {};
  const jobs: Job[] = [];
  let unchanged = 0;
  let deferred = 0;
  let rejected = 0;
  let pageBudget = deps.settings.maxPageFetchesPerPoll;
  const seen = new Set<string>();
  for (const item of feed.items) {
    const key = itemKey(item);
    if (seen.has(key)) continue; // the same item twice in one document
    seen.add(key);
    const hash = itemContentHash(item);
    if (previous[key] === hash) {
      unchanged++;
      hashes[key] = hash;
      continue;
    }
    let own: ReturnType<typeof itemText>;
    try {
      own = itemText(item, publisher, deps.settings.fullTextMinWords);
    } catch {
      rejected++;
      hashes[key] = hash;
      continue;
    }
    const wantsPage = own.teaser && item.link !== null;
    if (wantsPage && pageBudget <= 0) {
      deferred++;
      continue;
    }
    if (wantsPage) pageBudget--;
    jobs.push({ item, key, hash, fetchPage: wantsPage, own });
  }

  const outcomes = await mapLimit(jobs, deps.settings.pageConcurrency, (job) =>
    articleFromItem(job.item, {
      sourceId: state.id,
      publisher,
      deps,
      fetchPages: job.fetchPage,
      own: job.own,
    }).catch((): ItemOutcome => {
      // One item the extraction cannot handle must not sink the whole feed: it is skipped (and counted).
      rejected++;
      return { kind: "empty", settled: true };
    }),
  );
  const items: IncomingArticle[] = [];
  let unsettled = 0;
  outcomes.forEach((o, i) => {
    const job = jobs[i]!;
    if (o.settled) hashes[job.key] = job.hash;
    else unsettled++;
    if (o.kind === "article") items.push(o.article);
  });

  const next = afterSuccess(
    state,
    now,
    {
      etag: res.etag,
      lastModified: res.lastModified,
      hints: { ttlMinutes: feed.ttlMinutes, updateEveryMs: feed.updateEveryMs, cacheControl },
      movedTo: res.permanentRedirect ? res.url : null,
      // Items left over must come back next time: a 304 would hide them.
      keepValidators: deferred > 0 || unsettled > 0,
    },
    deps.settings,
  );
  next.itemHashes = hashes;
  return { outcome: "ok", items, next, unchanged, deferred, rejected, error: null, feedTitle: feed.title };
}
