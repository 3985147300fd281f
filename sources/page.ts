/**
 * An article page → clean text, through the corpus's own path: @mozilla/readability on linkedom
 * (src/corpus/html.ts) and the same furniture-removal rules as files (src/corpus/clean.ts). What the
 * page's <head> says (canonical link, author, site name, publication time) is read here too, from the
 * head alone so a large page is not parsed twice.
 */
import { parseHTML } from "linkedom";
import { type CleanedText, cleanArticleText } from "../src/corpus/clean.ts";
import { cleanBoundedHtml } from "../src/corpus/html.ts";
import { boundHtml } from "../src/corpus/htmlBounds.ts";
import { toIsoTimestamp } from "./feed.ts";
import { plainText } from "./markup.ts";

export interface PageMeta {
  canonical: string | null;
  author: string | null;
  siteName: string | null;
  publishedAt: string | null;
}

export interface PageText extends CleanedText {
  meta: PageMeta;
  /** What the page's size or shape made the reader flatten or leave unread, else null. */
  notice: string | null;
}

function headOf(html: string): string {
  const end = html.search(/<\/head\s*>/i);
  return end >= 0 ? html.slice(0, end) : html.slice(0, 64 * 1024);
}

/** Canonical link, author, site name and publication time from a page's <head>. */
export function readPageMeta(html: string): PageMeta {
  const { document } = parseHTML(`${headOf(html)}</head><body></body></html>`);
  const meta = (...names: string[]): string | null => {
    for (const n of names) {
      const el = document.querySelector(`meta[property="${n}"], meta[name="${n}"], meta[itemprop="${n}"]`);
      const v = plainText(el?.getAttribute("content"));
      if (v) return v;
    }
    return null;
  };
  const author = meta("author", "article:author", "parsely-author", "dc.creator", "byl");
  return {
    canonical: document.querySelector('link[rel="canonical"]')?.getAttribute("href")?.trim() || null,
    // Some sites put a profile URL in article:author: a name is wanted.
    author: author && !/^https?:\/\//i.test(author) ? author.replace(/^by\s+/i, "") : null,
    siteName: meta("og:site_name", "application-name", "publisher"),
    publishedAt: toIsoTimestamp(
      meta("article:published_time", "og:published_time", "datePublished", "pubdate", "dc.date", "date"),
    ),
  };
}

/**
 * Extracts an article page (HTML) the way the corpus reads an .html file. Both readings see the page
 * held to the same limits (src/corpus/htmlBounds.ts): a page of 4 MB of <meta> tags or scripts in its
 * <head> is cut before its head is parsed too.
 */
export function extractPage(html: string): PageText {
  const bounded = boundHtml(html);
  return { ...cleanBoundedHtml(bounded), meta: readPageMeta(bounded.html) };
}

/** A plain-text page (text/plain), cleaned like a .txt file. */
export function extractPlainPage(text: string): PageText {
  return {
    ...cleanArticleText(text),
    meta: { canonical: null, author: null, siteName: null, publishedAt: null },
    notice: null,
  };
}
