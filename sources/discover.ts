/**
 * From a site's address to its feed (`summit sources add URL`): the address itself when it is a
 * feed; else the feeds its page announces (<link rel="alternate" type="application/rss+xml" …>, in
 * page order, comment feeds last); else the usual places (/feed, /rss.xml, /atom.xml, …).
 */
import { parseHTML } from "linkedom";
import { resolveUrl } from "./canonical.ts";
import { decodeBytes } from "./charset.ts";
import { FEED_ACCEPT } from "./config.ts";
import type { SourceDeps } from "./deps.ts";
import { hostOf, SourceError } from "./errors.ts";
import { type FeedFormat, looksLikeFeed, parseFeedDocument } from "./feed.ts";
import { plainText } from "./markup.ts";
import { siteNameFromUrl } from "./publisher.ts";

export interface DiscoveredSource {
  /** What was given (with https:// added when it had no scheme). */
  url: string;
  /** The feed to poll. */
  feedUrl: string;
  /** The feed's title, else the site's name, else its host. */
  name: string;
  format: FeedFormat;
  siteUrl: string | null;
}

const FEED_TYPES =
  /^(application\/(rss|atom|rdf|feed)\+(xml|json)|application\/(x-)?rss\+xml|application\/json|application\/xml|text\/xml)$/i;

/** Paths tried, in order, when a page announces no feed. */
export const COMMON_FEED_PATHS = [
  "/feed",
  "/rss.xml",
  "/atom.xml",
  "/feed.xml",
  "/index.xml",
  "/rss",
  "/feed.json",
  "/atom",
  "/feeds/posts/default",
];

/** Feed addresses a page announces, absolute, in page order with comment feeds last. */
export function findFeedLinks(html: string, baseUrl: string): string[] {
  const { document } = parseHTML(html);
  const baseHref = document.querySelector("base[href]")?.getAttribute("href");
  const base = resolveUrl(baseHref, baseUrl) ?? baseUrl;
  const main: string[] = [];
  const comments: string[] = [];
  for (const el of document.querySelectorAll("link[rel][href]")) {
    const rel = (el.getAttribute("rel") ?? "").toLowerCase().split(/\s+/);
    const type = (el.getAttribute("type") ?? "").trim();
    if (!rel.includes("alternate") || !FEED_TYPES.test(type)) continue;
    const href = resolveUrl(el.getAttribute("href"), base);
    if (!href || main.includes(href) || comments.includes(href)) continue;
    if (/comment/i.test(el.getAttribute("title") ?? "") || /\/comments?\/feed/i.test(href))
      comments.push(href);
    else main.push(href);
  }
  return [...main, ...comments];
}

/**
 * A page's <title> (its first 300 characters), for the error that names the site. The opening tag stops
 * at any "<": with `[^>]*`, a page of "<title" without a ">" was scanned to its end from each of them.
 */
export function pageTitle(html: string): string | null {
  return plainText(/<title[^<>]*>([\s\S]{0,300}?)<\/title>/i.exec(html)?.[1]);
}

/** Adds https:// to a bare "example.com/news". */
export function withScheme(url: string): string {
  const t = url.trim();
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(t) ? t : `https://${t}`;
}

interface Probe {
  url: string;
  text: string;
  type: string;
}

async function probe(url: string, deps: SourceDeps): Promise<Probe> {
  const res = await deps.http.get(url, { accept: FEED_ACCEPT });
  return {
    url: res.url,
    text: decodeBytes(res.body, res.headers["content-type"]).text,
    type: res.headers["content-type"] ?? "",
  };
}

function asFeed(p: Probe, given: string): DiscoveredSource | null {
  if (!looksLikeFeed(p.text)) return null;
  const feed = parseFeedDocument(p.text, p.url, 1);
  return {
    url: given,
    feedUrl: p.url,
    name: feed.title ?? siteNameFromUrl(feed.siteUrl ?? p.url) ?? p.url,
    format: feed.format,
    siteUrl: feed.siteUrl,
  };
}

async function tryFeed(url: string, given: string, deps: SourceDeps): Promise<DiscoveredSource | null> {
  try {
    return asFeed(await probe(url, deps), given);
  } catch {
    return null;
  }
}

/** Finds the feed behind a feed or site URL. Throws SourceError "no-feed" (or the fetch's error). */
export async function discoverSource(input: string, deps: SourceDeps): Promise<DiscoveredSource> {
  const url = withScheme(input);
  const page = await probe(url, deps);
  const direct = asFeed(page, url);
  if (direct) return direct;
  const candidates =
    /html|xml/i.test(page.type) || /^\s*</.test(page.text) ? findFeedLinks(page.text, page.url) : [];
  for (const c of candidates.slice(0, 5)) {
    const found = await tryFeed(c, url, deps);
    if (found) return found;
  }
  const origin = new URL(page.url).origin;
  for (const path of COMMON_FEED_PATHS) {
    const found = await tryFeed(`${origin}${path}`, url, deps);
    if (found) return found;
  }
  const siteTitle = pageTitle(page.text);
  throw new SourceError(
    "no-feed",
    `no feed found at ${hostOf(url)}${siteTitle ? ` (${siteTitle})` : ""}: the page links to none and ${COMMON_FEED_PATHS.slice(0, 5).join(", ")}… are not feeds`,
    { url },
  );
}
