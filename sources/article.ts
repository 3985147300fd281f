/**
 * Feed items and article pages → IncomingArticle. An item that carries its full text is used as it
 * is; an item with only a teaser is completed from its page (robots.txt permitting) through the
 * corpus's Readability path; either way the text goes through the corpus's furniture-removal rules.
 */
import { createHash } from "node:crypto";
import { cleanArticleText } from "../src/corpus/clean.ts";
import { canonicalUrl } from "./canonical.ts";
import { decodeBytes } from "./charset.ts";
import { PAGE_ACCEPT } from "./config.ts";
import type { SourceDeps } from "./deps.ts";
import { HttpStatusError, hostOf, SourceError } from "./errors.ts";
import { type FeedDocument, type FeedItem, toIsoTimestamp } from "./feed.ts";
import { countWords, htmlToText } from "./markup.ts";
import { extractPage, extractPlainPage, type PageText } from "./page.ts";
import { publisherFromFeedTitle, siteNameFromUrl } from "./publisher.ts";
import type { IncomingArticle } from "./types.ts";

/** A short stable hash (16 hex digits of SHA-256). */
export function shortHash(...parts: Array<string | null | undefined>): string {
  const h = createHash("sha256");
  for (const p of parts) h.update(p ?? "\u0000").update("\u0001");
  return h.digest("hex").slice(0, 16);
}

/** What identifies an item across polls: its guid, else its canonical link, else its title. */
export function itemKey(item: FeedItem): string {
  if (item.guid) return shortHash("guid", item.guid);
  const link = canonicalUrl(item.link);
  if (link) return shortHash("link", link);
  return shortHash("title", item.title, item.summaryHtml ?? item.contentHtml ?? item.contentText);
}

/** What an item says (dates left out: a republished item with a new date is the same item). */
export function itemContentHash(item: FeedItem): string {
  return shortHash(item.title, item.link, item.contentHtml, item.contentText, item.summaryHtml);
}

const TEASER_END =
  /(…|\.\.\.|\[(…|\.\.\.)\]|\b(read more|continue reading|read the full (story|article)|more)\s*[»›→.]*)\s*$/i;

export interface ItemText {
  title: string;
  paragraphs: string[];
  words: number;
  /** The item carries no more than a teaser: its page should complete it. */
  teaser: boolean;
}

/** The item's own text, cleaned; `teaser` when it is short or ends like a cut-off excerpt. */
export function itemText(item: FeedItem, publisher: string | null, minWords: number): ItemText {
  const full = item.contentHtml ? htmlToText(item.contentHtml) : item.contentText;
  const summary = item.summaryHtml ? htmlToText(item.summaryHtml) : null;
  // Many RSS feeds put the whole article in <description>: take the longer of the two.
  const raw = full && summary ? (full.length >= summary.length ? full : summary) : (full ?? summary ?? "");
  const cleaned = cleanArticleText(raw, { title: item.title, publisher, date: null });
  const text = cleaned.paragraphs.join(" ");
  const words = countWords(text);
  // Only the end matters: testing the last characters keeps the regex off the whole article.
  const teaser = words < minWords || TEASER_END.test(raw.trimEnd().slice(-80));
  return { title: item.title ?? cleaned.title, paragraphs: cleaned.paragraphs, words, teaser };
}

/** Fetches an article page (robots.txt first) and extracts it. */
export async function fetchPage(url: string, deps: SourceDeps): Promise<{ url: string; page: PageText }> {
  if (!(await deps.robots.allowed(url)))
    throw new SourceError(
      "robots-disallowed",
      `robots.txt of ${hostOf(url)} does not allow fetching ${url}`,
      {
        url,
      },
    );
  const res = await deps.http.get(url, { accept: PAGE_ACCEPT });
  const type = (res.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  const text = decodeBytes(res.body, res.headers["content-type"]).text;
  if (type === "text/plain") return { url: res.url, page: extractPlainPage(text) };
  const htmlType = type === "" || type.includes("html") || type.includes("xml");
  if (!htmlType && !/^\s*</.test(text.slice(0, 512)))
    throw new SourceError("unsupported-content", `${url} is not a web page (${type})`, { url });
  const page = extractPage(text);
  if (page.notice) deps.warn?.(`${res.url}: ${page.notice}`);
  return { url: res.url, page };
}

/** The canonical address of a fetched page: its <link rel=canonical> when on the same site, else where it was found. */
function pageCanonical(finalUrl: string, declared: string | null): string | null {
  const fallback = canonicalUrl(finalUrl);
  const c = canonicalUrl(declared, finalUrl);
  if (!c) return fallback;
  const site = (u: string) => new URL(u).hostname.replace(/^www\./, "");
  return site(c) === site(finalUrl) ? c : fallback;
}

/** `summit ingest URL`: one article page, fetched and extracted, from no followed source. */
export async function fetchArticle(url: string, deps: SourceDeps): Promise<IncomingArticle> {
  const { url: finalUrl, page } = await fetchPage(url, deps);
  if (page.paragraphs.length === 0)
    throw new SourceError("malformed", `no article text found at ${url}`, { url });
  return {
    sourceId: null,
    guid: null,
    url: pageCanonical(finalUrl, page.meta.canonical),
    title: page.title,
    publisher: page.meta.siteName ?? page.publisher ?? siteNameFromUrl(finalUrl),
    author: page.meta.author,
    publishedAt: clampFuture(page.meta.publishedAt ?? toIsoTimestamp(page.date), deps.now()),
    text: page.paragraphs.join("\n\n"),
  };
}

/** A date more than a day ahead is a publisher's mistake; it would float the article above today's news. */
function clampFuture(iso: string | null, now: number): string | null {
  if (!iso) return null;
  return Date.parse(iso) > now + 86_400_000 ? new Date(now).toISOString() : iso;
}

/** The publisher of a feed's items. */
export function feedPublisher(feed: FeedDocument, feedUrl: string): string | null {
  return publisherFromFeedTitle(feed.title, feed.siteUrl ?? feedUrl);
}

export type ItemOutcome =
  | { kind: "article"; article: IncomingArticle; settled: boolean }
  | { kind: "empty"; settled: boolean };

/**
 * One item → an article, its page fetched when it is a teaser and `fetchPages` allows. The result is
 * `settled` unless a page fetch failed for a reason that may pass (then the item is tried
 * again next poll, and its teaser is used meanwhile).
 */
export async function articleFromItem(
  item: FeedItem,
  ctx: {
    sourceId: string | null;
    publisher: string | null;
    deps: SourceDeps;
    fetchPages: boolean;
    own?: ItemText;
  },
): Promise<ItemOutcome> {
  const { deps } = ctx;
  const own = ctx.own ?? itemText(item, ctx.publisher, deps.settings.fullTextMinWords);
  let paragraphs = own.paragraphs;
  let title = own.title;
  let author = item.author;
  let publishedAt = item.publishedAt ?? item.updatedAt;
  let settled = true;
  if (own.teaser && item.link && ctx.fetchPages) {
    try {
      const { page } = await fetchPage(item.link, deps);
      if (countWords(page.paragraphs.join(" ")) > own.words) {
        paragraphs = page.paragraphs;
        if (!item.title) title = page.title;
      }
      author ??= page.meta.author;
      publishedAt ??= page.meta.publishedAt;
    } catch (err) {
      const permanent =
        err instanceof SourceError &&
        (err.code === "robots-disallowed" ||
          err.code === "unsupported-content" ||
          err.code === "too-large" ||
          err.code === "invalid-url" ||
          (err instanceof HttpStatusError && err.status >= 400 && err.status < 500 && err.status !== 429));
      settled = permanent;
    }
  }
  if (paragraphs.length === 0) return { kind: "empty", settled };
  return {
    kind: "article",
    settled,
    article: {
      sourceId: ctx.sourceId,
      guid: item.guid,
      url: canonicalUrl(item.link),
      title: title ?? paragraphs[0]!.split(/\s+/).slice(0, 12).join(" "),
      publisher: ctx.publisher,
      author,
      publishedAt: clampFuture(publishedAt, deps.now()),
      text: paragraphs.join("\n\n"),
    },
  };
}
