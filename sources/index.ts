/**
 * Following the news: what store/, the CLI and the queue call. See sources/README.md.
 */
export { articleFromItem, fetchArticle } from "./article.ts";
export { canonicalUrl } from "./canonical.ts";
export { decodeBytes } from "./charset.ts";
export { HTTP_DEFAULTS, POLL_DEFAULTS, USER_AGENT } from "./config.ts";
export { createSourceDeps, type SourceDeps, type SourceDepsOptions } from "./deps.ts";
export { type DiscoveredSource, discoverSource, findFeedLinks } from "./discover.ts";
export { HttpStatusError, SourceError, type SourceErrorCode } from "./errors.ts";
export { type FeedDocument, type FeedItem, parseFeedDocument } from "./feed.ts";
export { createHttpClient, type HttpClient, type HttpResponse } from "./http.ts";
export { createHostLimiter, type HostLimiter } from "./limiter.ts";
export { type OpmlSource, parseOpmlSources, sourcesToOpml } from "./opml.ts";
export { normalizeEvery, parseInterval } from "./policy.ts";
export { type PollOutcome, type PollResult, pollSource } from "./poll.ts";
export type { IncomingArticle, SourceState, SourceStatus, UpsertOutcome } from "./types.ts";
