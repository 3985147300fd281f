/**
 * Feed documents and article pages as publishers write them: RSS 2.0 (full text in content:encoded
 * inside CDATA, or escaped), RSS 1.0/RDF, Atom (xml:base and relative links, html/xhtml/text
 * content), JSON Feed 1.1, teaser-only RSS, and article pages wrapped in the furniture real sites
 * carry (navigation, share buttons, cookie banners, related links, comment forms, footers).
 */
import type { PeerArticle } from "./articles.ts";

export interface FeedMeta {
  title: string;
  /** Absolute site URL. */
  site: string;
  /** Absolute self URL. */
  self: string;
  ttl?: number;
}

export interface RenderOptions {
  /** Link of each item, relative or absolute (default `/articles/<slug>`). */
  link?: (a: PeerArticle, i: number) => string;
  /** Full text in content:encoded / content (default true); false serves teasers only. */
  fullText?: boolean;
  /** CDATA for HTML (default true); false escapes the HTML as text (needed for non-UTF-8 char refs). */
  cdata?: boolean;
  /** Overrides an item's published date. */
  date?: (a: PeerArticle, i: number) => string;
  /** Overrides an item's guid. */
  guid?: (a: PeerArticle, i: number) => string;
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function articleHtml(a: PeerArticle): string {
  return a.paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join("\n");
}

/** The first sentence (or 25 words) of the article, cut like a teaser. */
export function teaser(a: PeerArticle): string {
  const first = a.paragraphs[0] ?? "";
  const words = first.split(/\s+/).slice(0, 25).join(" ");
  return `${words} …`;
}

function htmlField(html: string, cdata: boolean): string {
  return cdata ? `<![CDATA[${html.replace(/]]>/g, "]]]]><![CDATA[>")}]]>` : escapeXml(html);
}

const defaultLink = (a: PeerArticle) => `/articles/${a.slug}?utm_source=feed&utm_medium=rss#main`;
const rfc822 = (iso: string) => new Date(iso).toUTCString();

export function renderRss(
  meta: FeedMeta,
  articles: PeerArticle[],
  o: RenderOptions = {},
  encoding = "utf-8",
) {
  const link = o.link ?? defaultLink;
  const cdata = o.cdata ?? true;
  const items = articles
    .map((a, i) => {
      const body =
        o.fullText === false
          ? ""
          : `\n<content:encoded>${htmlField(articleHtml(a), cdata)}</content:encoded>`;
      return `<item>
<title>${escapeXml(a.title)}</title>
<link>${escapeXml(link(a, i))}</link>
<guid isPermaLink="false">${escapeXml(o.guid?.(a, i) ?? `urn:summit-test:${a.slug}`)}</guid>
<description>${htmlField(`<p>${escapeXml(teaser(a))}</p>`, cdata)}</description>${body}
<dc:creator>${escapeXml(a.author)}</dc:creator>
<pubDate>${rfc822(o.date?.(a, i) ?? a.publishedAt)}</pubDate>
</item>`;
    })
    .join("\n");
  return `<?xml version="1.0" encoding="${encoding}"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${escapeXml(meta.title)}</title>
<link>${escapeXml(meta.site)}</link>
<description>Test wire</description>
<atom:link href="${escapeXml(meta.self)}" rel="self" type="application/rss+xml"/>${meta.ttl ? `\n<ttl>${meta.ttl}</ttl>` : ""}
${items}
</channel>
</rss>
`;
}

export function renderRdf(meta: FeedMeta, articles: PeerArticle[], o: RenderOptions = {}) {
  const link = (a: PeerArticle, i: number) => new URL(o.link?.(a, i) ?? defaultLink(a), meta.site).href;
  return `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel rdf:about="${escapeXml(meta.self)}">
<title>${escapeXml(meta.title)}</title>
<link>${escapeXml(meta.site)}</link>
<description>Test wire</description>
<items><rdf:Seq>${articles.map((a, i) => `<rdf:li rdf:resource="${escapeXml(link(a, i))}"/>`).join("")}</rdf:Seq></items>
</channel>
${articles
  .map(
    (a, i) => `<item rdf:about="${escapeXml(link(a, i))}">
<title>${escapeXml(a.title)}</title>
<link>${escapeXml(link(a, i))}</link>
<description>${escapeXml(teaser(a))}</description>
${o.fullText === false ? "" : `<content:encoded>${escapeXml(articleHtml(a))}</content:encoded>`}
<dc:creator>${escapeXml(a.author)}</dc:creator>
<dc:date>${o.date?.(a, i) ?? a.publishedAt}</dc:date>
</item>`,
  )
  .join("\n")}
</rdf:RDF>
`;
}

/** Atom with xml:base: entry links are relative to `base` (an absolute URL ending in /). */
export function renderAtom(meta: FeedMeta, articles: PeerArticle[], base: string, o: RenderOptions = {}) {
  const entries = articles
    .map((a, i) => {
      // Rotate the three content types Atom allows.
      const kind = i % 3;
      const content =
        o.fullText === false
          ? ""
          : kind === 0
            ? `<content type="html">${escapeXml(articleHtml(a))}</content>`
            : kind === 1
              ? `<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${articleHtml(a)}</div></content>`
              : `<content type="text">${escapeXml(a.paragraphs.join("\n\n"))}</content>`;
      return `<entry>
<id>urn:summit-test:${escapeXml(a.slug)}</id>
<title type="html">${escapeXml(escapeXml(a.title))}</title>
<link rel="alternate" type="text/html" href="${escapeXml(o.link?.(a, i) ?? `${a.slug}?utm_campaign=atom`)}"/>
<published>${o.date?.(a, i) ?? a.publishedAt}</published>
<updated>${o.date?.(a, i) ?? a.publishedAt}</updated>
<author><name>${escapeXml(a.author)}</name></author>
<summary type="text">${escapeXml(teaser(a))}</summary>
${content}
</entry>`;
    })
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="${escapeXml(base)}">
<title>${escapeXml(meta.title)}</title>
<id>${escapeXml(meta.self)}</id>
<updated>${articles[0]?.publishedAt ?? "2019-04-20T00:00:00Z"}</updated>
<link rel="alternate" type="text/html" href="${escapeXml(meta.site)}"/>
<link rel="self" href="${escapeXml(meta.self)}"/>
${entries}
</feed>
`;
}

export function renderJsonFeed(meta: FeedMeta, articles: PeerArticle[], o: RenderOptions = {}) {
  return JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: meta.title,
    home_page_url: meta.site,
    feed_url: meta.self,
    items: articles.map((a, i) => ({
      id: `urn:summit-test:${a.slug}`,
      url: o.link?.(a, i) ?? `/articles/${a.slug}?fbclid=abc123`,
      title: a.title,
      summary: teaser(a),
      ...(o.fullText === false
        ? {}
        : i % 2 === 0
          ? { content_html: articleHtml(a) }
          : { content_text: a.paragraphs.join("\n\n") }),
      date_published: o.date?.(a, i) ?? a.publishedAt,
      authors: [{ name: a.author }],
    })),
  });
}

/** Furniture strings a page carries around the article; none may reach the extracted text. */
export const JUNK = {
  nav: ["Home", "World", "Business", "Politics", "Technology", "Sport"],
  share: ["Share", "Facebook", "Twitter", "WhatsApp", "Email", "Print"],
  cookie: "We use cookies to improve your experience. Accept all cookies?",
  related: "Related: Markets rally as central banks hold rates steady",
  mostRead: ["Most read", "Ten things to watch this week", "Weather warning issued for the coast"],
  comment: "Leave a comment",
  newsletter: "Sign up for our morning newsletter",
  copyright: "© 2019 Summit Test Wire. All rights reserved.",
  /** Whole sentences around the article: only the page extraction (Readability) can tell them apart. */
  sidebar: "Readers also enjoyed our guide to the best walking routes along the northern coast this summer.",
  reader: "Great article, I completely agree with everything the author said about this important issue.",
};

export function articlePage(
  a: PeerArticle,
  opts: { siteName: string; canonical: string; charsetMeta?: string },
): string {
  const li = (xs: string[]) =>
    xs.map((x) => `<li><a href="/${x.toLowerCase()}">${escapeXml(x)}</a></li>`).join("");
  return `<!doctype html>
<html lang="en"><head>
${opts.charsetMeta ? `<meta charset="${opts.charsetMeta}">` : '<meta charset="utf-8">'}
<title>${escapeXml(a.title)} | ${escapeXml(opts.siteName)}</title>
<meta property="og:site_name" content="${escapeXml(opts.siteName)}">
<meta property="og:title" content="${escapeXml(a.title)}">
<meta name="author" content="${escapeXml(a.author)}">
<meta property="article:published_time" content="${a.publishedAt}">
<link rel="canonical" href="${escapeXml(opts.canonical)}">
<script>window.dataLayer = [{ "page": "article" }];</script>
<style>.x{color:red}</style>
</head><body>
<div class="cookie-banner"><p>${escapeXml(JUNK.cookie)}</p><button>Accept</button></div>
<header><nav><ul>${li(JUNK.nav)}</ul></nav></header>
<main>
<article>
<h1>${escapeXml(a.title)}</h1>
<div class="byline">By ${escapeXml(a.author)}</div>
<ul class="share">${li(JUNK.share)}</ul>
${articleHtml(a)}
<p class="related">${escapeXml(JUNK.related)}</p>
</article>
<aside><h2>${escapeXml(JUNK.mostRead[0]!)}</h2><ol>${JUNK.mostRead
    .slice(1)
    .map((x) => `<li><a href="/x">${escapeXml(x)}</a></li>`)
    .join("")}</ol><p>${escapeXml(JUNK.sidebar)}</p></aside>
<section class="comments"><h3>${escapeXml(JUNK.comment)}</h3><div class="comment"><p>${escapeXml(JUNK.reader)}</p></div><form><textarea></textarea><button>Post</button></form></section>
</main>
<div class="newsletter"><p>${escapeXml(JUNK.newsletter)}</p></div>
<footer><p>${escapeXml(JUNK.copyright)}</p></footer>
</body></html>
`;
}

/** Encodes text in a single-byte charset; characters it lacks become XML/HTML numeric references. */
export function encodeSingleByte(text: string, charset: "windows-1252" | "iso-8859-1"): Buffer {
  const decoder = new TextDecoder(charset === "iso-8859-1" ? "latin1" : charset);
  // Build the reverse table from the decoder itself (bytes 0x00–0xFF).
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const ch = decoder.decode(new Uint8Array([b]));
    // ISO-8859-1 proper: 0x80–0x9F are C1 controls, not windows-1252's “ ” € … (which decoders map them to).
    if (charset === "iso-8859-1" && b >= 0x80 && b <= 0x9f) continue;
    if (!table.has(ch)) table.set(ch, b);
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const b = table.get(ch);
    if (b !== undefined) bytes.push(b);
    else for (const c of Buffer.from(`&#${ch.codePointAt(0)};`, "latin1")) bytes.push(c);
  }
  return Buffer.from(bytes);
}
