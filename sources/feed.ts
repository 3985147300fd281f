/**
 * Reading a feed document (RSS 2.0 / 0.9x, RSS 1.0 / RDF, Atom 1.0 / 0.3, JSON Feed 1.0 / 1.1) with
 * feedsmith, into one shape: the feed's title, site, self link and refresh hints, and its items with
 * absolute links (resolved against xml:base, the feed's address, …), plain-text titles, ISO dates,
 * and their full body or teaser as given.
 *
 * feedsmith is lenient (a bare "&" or an unknown entity is read as text, as feed readers do); broken
 * structure — a tag closed out of order, a document cut off — is checked with fast-xml-parser's
 * validator (the parser feedsmith itself uses) and reported as malformed, with its line and column,
 * rather than read as a feed with missing items.
 */
import { XMLValidator } from "fast-xml-parser";
import { type AnyFeed, type AtomFeed, parseFeed } from "feedsmith";
import { Tokenizer } from "htmlparser2";
import { resolveUrl } from "./canonical.ts";
import { SourceError } from "./errors.ts";
import { plainText } from "./markup.ts";

export type FeedFormat = AnyFeed["format"];

export interface FeedItem {
  /** guid / Atom id / JSON Feed id. */
  guid: string | null;
  /** The item's page, absolute (not yet stripped of tracking parameters). */
  link: string | null;
  title: string | null;
  author: string | null;
  publishedAt: string | null;
  updatedAt: string | null;
  /** The full body as HTML: content:encoded, Atom content (html, xhtml), content_html. */
  contentHtml: string | null;
  /** The full body as plain text: Atom content type="text", content_text. */
  contentText: string | null;
  /** The teaser as HTML: description, Atom summary, JSON Feed summary. */
  summaryHtml: string | null;
  /** Base URL for links inside the item. */
  base: string;
}

export interface FeedDocument {
  format: FeedFormat;
  title: string | null;
  /** The site the feed belongs to (channel link, Atom alternate link, home_page_url). */
  siteUrl: string | null;
  /** The feed's own address as it states it (atom:link rel=self, feed_url). */
  selfUrl: string | null;
  /** RSS <ttl> in minutes. */
  ttlMinutes: number | null;
  /** sy:updatePeriod × sy:updateFrequency, in milliseconds. */
  updateEveryMs: number | null;
  items: FeedItem[];
}

/** An ISO timestamp from any date a feed gives (RFC 822, RFC 3339, W3C-DTF), or null. */
export function toIsoTimestamp(value: string | null | undefined): string | null {
  const v = value?.trim();
  if (!v) return null;
  const t = Date.parse(v);
  if (Number.isNaN(t)) {
    // RFC 822 with a named zone Date.parse does not know ("… 10:00:00 CEST"): read it as UTC.
    const m = /^(.*\d{1,2}:\d{2}(?::\d{2})?)\s+[A-Z]{2,5}$/.exec(v);
    const t2 = m ? Date.parse(`${m[1]} GMT`) : Number.NaN;
    return Number.isNaN(t2) ? null : new Date(t2).toISOString();
  }
  return new Date(t).toISOString();
}

function str(v: unknown): string | null {
  if (typeof v !== "string") return null;
  const t = v.trim();
  return t ? t : null;
}

function first<T>(a: T[] | undefined): T | undefined {
  return a?.[0];
}

const PERIOD_MS: Record<string, number> = {
  hourly: 3_600_000,
  daily: 86_400_000,
  weekly: 604_800_000,
  monthly: 2_592_000_000,
  yearly: 31_536_000_000,
};

function syndication(sy: { updatePeriod?: string; updateFrequency?: number } | undefined): number | null {
  if (!sy?.updatePeriod) return null;
  const period = PERIOD_MS[sy.updatePeriod.trim().toLowerCase()];
  if (!period) return null;
  const freq = sy.updateFrequency && sy.updateFrequency > 0 ? sy.updateFrequency : 1;
  return Math.round(period / freq);
}

function atomText(t: AtomFeed.Text | undefined): string | null {
  return plainText(t?.value);
}

function atomLink(links: AtomFeed.Link<string>[] | undefined, rel: string): string | null {
  const list = links ?? [];
  const pick =
    rel === "alternate"
      ? (list.find((l) => (l.rel ?? "alternate") === "alternate" && /html/i.test(l.type ?? "text/html")) ??
        list.find((l) => (l.rel ?? "alternate") === "alternate"))
      : list.find((l) => l.rel === rel);
  return str(pick?.href);
}

function fromRss(feed: Extract<AnyFeed, { format: "rss" }>["feed"], url: string): FeedDocument {
  const siteUrl = resolveUrl(feed.link, url);
  const items = (feed.items ?? []).map((it): FeedItem => {
    const guid = str(it.guid?.value);
    const permalink = guid && it.guid?.isPermaLink !== false && /^https?:\/\//i.test(guid) ? guid : null;
    const author =
      it.dc?.creators?.find((c) => str(c)) ?? first(it.authors)?.name ?? first(it.authors)?.email;
    return {
      guid,
      link: resolveUrl(str(it.link) ?? permalink ?? atomLink(it.atom?.links, "alternate"), url),
      title: plainText(it.title ?? first(it.dc?.titles)),
      author: plainText(author),
      publishedAt: toIsoTimestamp(it.pubDate ?? first(it.dc?.dates) ?? it.atom?.published),
      updatedAt: toIsoTimestamp(it.atom?.updated ?? first(it.dcterms?.modified)),
      contentHtml: str(it.content?.encoded),
      contentText: null,
      summaryHtml: str(it.description),
      base: url,
    };
  });
  return {
    format: "rss",
    title: plainText(feed.title),
    siteUrl,
    selfUrl: resolveUrl(atomLink(feed.atom?.links, "self"), url),
    ttlMinutes: typeof feed.ttl === "number" && feed.ttl > 0 ? feed.ttl : null,
    updateEveryMs: syndication(feed.sy),
    items,
  };
}

function fromRdf(feed: Extract<AnyFeed, { format: "rdf" }>["feed"], url: string): FeedDocument {
  const items = (feed.items ?? []).map(
    (it): FeedItem => ({
      guid: str(it.rdf?.about) ?? str(it.link),
      link: resolveUrl(str(it.link) ?? str(it.rdf?.about), url),
      title: plainText(it.title ?? first(it.dc?.titles)),
      author: plainText(it.dc?.creators?.find((c) => str(c))),
      publishedAt: toIsoTimestamp(first(it.dc?.dates)),
      updatedAt: toIsoTimestamp(first(it.dcterms?.modified)),
      contentHtml: str(it.content?.encoded),
      contentText: null,
      summaryHtml: str(it.description),
      base: url,
    }),
  );
  return {
    format: "rdf",
    title: plainText(feed.title),
    siteUrl: resolveUrl(feed.link, url),
    selfUrl: resolveUrl(atomLink(feed.atom?.links, "self"), url),
    ttlMinutes: null,
    updateEveryMs: syndication(feed.sy),
    items,
  };
}

function fromAtom(feed: Extract<AnyFeed, { format: "atom" }>["feed"], url: string): FeedDocument {
  const feedBase = resolveUrl(feed.xml?.base, url) ?? url;
  const feedAuthor = first(feed.authors)?.name;
  const items = (feed.entries ?? []).map((e): FeedItem => {
    const base = resolveUrl(e.xml?.base, feedBase) ?? feedBase;
    const type = (e.content?.type ?? "text").toLowerCase();
    const value = e.content?.src ? null : str(e.content?.value);
    const isHtml = type === "html" || type === "xhtml" || type.includes("html");
    return {
      guid: str(e.id),
      link: resolveUrl(atomLink(e.links, "alternate"), base),
      title: atomText(e.title),
      author: plainText(first(e.authors)?.name ?? first(e.dc?.creators) ?? feedAuthor),
      publishedAt: toIsoTimestamp(e.published ?? first(e.dc?.dates) ?? e.updated),
      updatedAt: toIsoTimestamp(e.updated),
      contentHtml: value && isHtml ? value : null,
      contentText: value && !isHtml && type.startsWith("text") ? value : null,
      summaryHtml:
        e.summary?.value && (e.summary.type ?? "text") === "text"
          ? escapeText(e.summary.value)
          : str(e.summary?.value),
      base,
    };
  });
  return {
    format: "atom",
    title: atomText(feed.title),
    siteUrl: resolveUrl(atomLink(feed.links, "alternate"), feedBase),
    selfUrl: resolveUrl(atomLink(feed.links, "self"), feedBase),
    ttlMinutes: null,
    updateEveryMs: syndication(feed.sy),
    items,
  };
}

function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function fromJson(feed: Extract<AnyFeed, { format: "json" }>["feed"], url: string): FeedDocument {
  const feedAuthor = first(feed.authors)?.name;
  const items = (feed.items ?? []).map(
    (it): FeedItem => ({
      guid: str(it.id),
      link: resolveUrl(str(it.url) ?? str(it.external_url), url),
      title: plainText(it.title),
      author: plainText(first(it.authors)?.name ?? feedAuthor),
      publishedAt: toIsoTimestamp(it.date_published ?? it.date_modified),
      updatedAt: toIsoTimestamp(it.date_modified),
      contentHtml: str(it.content_html),
      contentText: str(it.content_text),
      summaryHtml: it.summary ? escapeText(it.summary) : null,
      base: url,
    }),
  );
  return {
    format: "json",
    title: plainText(feed.title),
    siteUrl: resolveUrl(feed.home_page_url, url),
    selfUrl: resolveUrl(feed.feed_url, url),
    ttlMinutes: null,
    updateEveryMs: null,
    items,
  };
}

/** True when the text starts like a feed (XML with rss/feed/RDF, or a JSON Feed object). */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 2048).replace(/^\uFEFF/, "");
  if (/^\s*\{/.test(head)) return /jsonfeed\.org\/version/i.test(head);
  return /<(rss|feed|rdf:RDF)\b/i.test(head.replace(/<!--[\s\S]*?-->/g, ""));
}

/** Throws "malformed" when elements are closed out of order, never closed, or closed twice. */
function assertWellNested(xml: string, url: string): void {
  const result = XMLValidator.validate(xml);
  if (result === true) return;
  const { code, msg, line, col } = result.err;
  const structural =
    code === "InvalidXml" || (code === "InvalidTag" && /closing tag|not been opened|unclosed/i.test(msg));
  if (structural)
    throw new SourceError(
      "malformed",
      `the XML at ${url} is malformed (line ${line}, column ${col}: ${msg})`,
      {
        url,
      },
    );
}

/** More attributes than any feed element has; an element past it makes the document malformed. */
export const MAX_XML_ATTRIBUTES = 64;

/**
 * Holds a feed's XML to the work its first `maxItems` items need, before the validator and feedsmith
 * read it (both read the whole document, and feedsmith drops the items past maxItems only after
 * parsing them all: 40,000 items in 6 MB took ~2.5 s for the 200 kept). One pass of htmlparser2's
 * tokenizer in XML mode: when item maxItems + 1 opens, the document is cut after item maxItems and
 * the elements still open are closed; a document with no more items comes back as the same string.
 * An element with more than MAX_XML_ATTRIBUTES attributes is malformed (100,000 attributes on one
 * element, 1 MB, took the parsers ~1.5 s; 400,000 ~4.7 s). Nesting needs no pass of its own:
 * fast-xml-parser refuses elements nested deeper than 100 (its maxNestedTags) and the validator
 * before it is linear (50,000 levels: ~70 ms), so such a document is reported as malformed.
 */
export function boundFeedXml(xml: string, url: string, maxItems: number): string {
  const stack: string[] = [];
  const open = new Map<string, number>();
  let items = 0;
  /** Items open now (an item inside an item is not counted). */
  let openItems = 0;
  let cutAt = -1;
  let closeTags = "";
  let attributes = 0;
  let tagName = "";
  const localName = (name: string) => name.slice(name.indexOf(":") + 1).toLowerCase();
  const isItem = (name: string) => {
    const local = localName(name);
    return local === "item" || local === "entry";
  };
  const tokenizer: Tokenizer = new Tokenizer(
    { xmlMode: true, decodeEntities: false },
    {
      ontext() {},
      ontextentity() {},
      onattribdata() {},
      onattribentity() {},
      oncomment() {},
      oncdata() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
      onopentagname(start, end) {
        tagName = xml.slice(start, end);
        attributes = 0;
        if (isItem(tagName) && items >= maxItems) {
          closeTags = stack
            .toReversed()
            .map((n) => `</${n}>`)
            .join("");
          tokenizer.pause();
        }
      },
      onattribname() {},
      onattribend() {
        if (++attributes > MAX_XML_ATTRIBUTES)
          throw new SourceError(
            "malformed",
            `the XML at ${url} is malformed (an element <${tagName}> with more than ${MAX_XML_ATTRIBUTES} attributes)`,
            { url },
          );
      },
      onopentagend() {
        if (isItem(tagName)) openItems++;
        stack.push(tagName);
        open.set(tagName, (open.get(tagName) ?? 0) + 1);
      },
      onselfclosingtag() {},
      onclosetag(start, end) {
        const name = xml.slice(start, end);
        if (!open.get(name)) return;
        for (;;) {
          const top = stack.pop()!;
          open.set(top, open.get(top)! - 1);
          if (isItem(top)) openItems--;
          if (top === name) break;
        }
        if (isItem(name) && openItems === 0) {
          items++;
          const gt = xml.indexOf(">", end);
          cutAt = gt < 0 ? xml.length : gt + 1;
        }
      },
    },
  );
  tokenizer.write(xml);
  tokenizer.end();
  return closeTags && cutAt >= 0 ? xml.slice(0, cutAt) + closeTags : xml;
}

/**
 * Parses a feed document fetched from `url` (links resolve against it). Throws a SourceError with
 * code "malformed" when it is not a feed or cannot be read.
 */
export function parseFeedDocument(text: string, url: string, maxItems = 200): FeedDocument {
  let parsed: AnyFeed;
  const doc = text.replace(/^\uFEFF/, "");
  try {
    const xml = /^\s*</.test(doc) ? boundFeedXml(doc, url, maxItems) : doc;
    if (/^\s*</.test(doc)) assertWellNested(xml, url);
    parsed = parseFeed(xml, { maxItems });
  } catch (err) {
    if (err instanceof SourceError) throw err;
    const what = /^\s*</.test(text) ? "XML" : /^\s*[{[]/.test(text) ? "JSON" : "text";
    const reason =
      err instanceof Error && /unrecognized/i.test(err.message) ? "is not a feed" : "is malformed";
    throw new SourceError("malformed", `the ${what} at ${url} ${reason}`, { url, cause: err });
  }
  switch (parsed.format) {
    case "rss":
      return fromRss(parsed.feed, url);
    case "rdf":
      return fromRdf(parsed.feed, url);
    case "atom":
      return fromAtom(parsed.feed, url);
    case "json":
      return fromJson(parsed.feed, url);
  }
}
