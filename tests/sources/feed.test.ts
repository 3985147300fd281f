import { describe, expect, it } from "vitest";
import { canonicalUrl, isTrackingParam } from "../../sources/canonical.ts";
import { SourceError } from "../../sources/errors.ts";
import { boundFeedXml, looksLikeFeed, parseFeedDocument, toIsoTimestamp } from "../../sources/feed.ts";
import { htmlToText, plainText } from "../../sources/markup.ts";
import { publisherFromFeedTitle } from "../../sources/publisher.ts";

describe("feed documents", () => {
  it("RSS: HTML inside CDATA, escaped HTML, relative links, permalink guids, dates, ttl and sy hints", () => {
    const xml = `<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
<channel><title>Daily &amp; Co - Business</title><link>/</link><description>d</description><ttl>30</ttl>
<sy:updatePeriod>daily</sy:updatePeriod><sy:updateFrequency>4</sy:updateFrequency>
<item><title><![CDATA[Rates <em>held</em> &amp; markets rise]]></title><link>../2024/rates?utm_source=rss#comments</link>
<description>&lt;p&gt;Teaser&lt;/p&gt;</description>
<content:encoded><![CDATA[<p>First paragraph with <a href="/x">a link</a>.</p>Loose text<br/>on two lines<ul><li>one</li></ul><script>evil()</script>]]></content:encoded>
<dc:creator>Jo Writer</dc:creator><pubDate>Mon, 03 Jun 2024 09:30:00 +0200</pubDate></item>
<item><guid>https://daily.example/perma/2</guid><title>Second</title><pubDate>not a date</pubDate></item>
<item><guid isPermaLink="false">https://daily.example/not-a-link</guid><title>Third</title></item>
</channel></rss>`;
    const doc = parseFeedDocument(xml, "https://daily.example/feeds/business/rss.xml");
    expect(doc).toMatchObject({
      format: "rss",
      title: "Daily & Co - Business",
      siteUrl: "https://daily.example/",
      ttlMinutes: 30,
      updateEveryMs: 6 * 3_600_000,
    });
    const [a, b, c] = doc.items;
    expect(a).toMatchObject({
      title: "Rates held & markets rise",
      link: "https://daily.example/feeds/2024/rates?utm_source=rss#comments",
      author: "Jo Writer",
      publishedAt: "2024-06-03T07:30:00.000Z",
    });
    expect(htmlToText(a!.contentHtml!)).toBe(
      "First paragraph with a link.\n\nLoose text\non two lines\n\n• one",
    );
    expect(canonicalUrl(a!.link)).toBe("https://daily.example/feeds/2024/rates");
    expect(b).toMatchObject({ link: "https://daily.example/perma/2", publishedAt: null });
    expect(c!.link).toBeNull();
  });

  it("Atom: xml:base on feed and entry, html/xhtml/text content, html titles", () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/en/">
<title type="html">A &amp;amp; B</title><id>urn:x</id><updated>2024-06-03T00:00:00Z</updated>
<link rel="self" href="feed.atom"/><link href="/"/>
<entry xml:base="2024/"><id>urn:1</id><title>One</title><updated>2024-06-03T10:00:00Z</updated>
<link rel="alternate" type="text/html" href="one.html"/><link rel="edit" href="/edit/1"/>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <b>there</b>.</p></div></content></entry>
<entry><id>urn:2</id><title>Two</title><updated>2024-06-02T10:00:00Z</updated><link href="two"/>
<content type="text">Plain &lt;text&gt; body</content><author><name>Al</name></author></entry>
</feed>`;
    const doc = parseFeedDocument(xml, "https://blog.example/feed");
    expect(doc.title).toBe("A & B");
    expect(doc.selfUrl).toBe("https://blog.example/en/feed.atom");
    expect(doc.items[0]).toMatchObject({
      link: "https://blog.example/en/2024/one.html",
      publishedAt: "2024-06-03T10:00:00.000Z",
    });
    expect(htmlToText(doc.items[0]!.contentHtml!)).toBe("Hello there.");
    expect(doc.items[1]).toMatchObject({
      link: "https://blog.example/en/two",
      contentText: "Plain <text> body",
      contentHtml: null,
      author: "Al",
    });
  });

  it("JSON Feed 1.0 and 1.1", () => {
    const v1 = JSON.stringify({
      version: "https://jsonfeed.org/version/1",
      title: "J",
      home_page_url: "https://j.example/",
      author: { name: "Feed Author" },
      items: [{ id: "1", url: "/p/1", content_text: "Body", date_published: "2024-06-03T08:00:00+01:00" }],
    });
    const doc = parseFeedDocument(v1, "https://j.example/feed.json");
    expect(doc.items[0]).toMatchObject({
      guid: "1",
      link: "https://j.example/p/1",
      contentText: "Body",
      author: "Feed Author",
      publishedAt: "2024-06-03T07:00:00.000Z",
    });
  });

  it("not a feed, broken XML and broken JSON are malformed, with where", () => {
    const cases = [
      ["<html><body>Hello</body></html>", /is not a feed/],
      [
        '<rss version="2.0"><channel><title>x</title><item><title>a</item></channel></rss>',
        /malformed \(line 1, column \d+: Expected closing tag/,
      ],
      ['<rss version="2.0"><channel><title>cut off', /malformed/],
      ['{"version":"https://jsonfeed.org/version/1.1","items":[', /malformed|not a feed/],
    ] as const;
    for (const [text, message] of cases) {
      let err: unknown;
      try {
        parseFeedDocument(text, "https://x.example/feed");
      } catch (e) {
        err = e;
      }
      expect(err, text).toBeInstanceOf(SourceError);
      expect((err as SourceError).code).toBe("malformed");
      expect((err as Error).message).toMatch(message);
    }
    // Leniency where readers are lenient: a bare ampersand is text.
    const lenient = parseFeedDocument(
      '<rss version="2.0"><channel><title>Q & A</title><item><title>Tom & Jerry</title></item></channel></rss>',
      "https://x.example/",
    );
    expect(lenient.items[0]!.title).toBe("Tom & Jerry");
    expect(looksLikeFeed("\uFEFF<?xml version='1.0'?><!-- hi --><rss>")).toBe(true);
    expect(looksLikeFeed("<!doctype html><html>")).toBe(false);
  });

  it("DTD entities are not expanded (no entity bombs)", () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<rss version="2.0"><channel><title>&c;</title><item><title>&c;&c;</title><description>x</description></item></channel></rss>`;
    const doc = parseFeedDocument(bomb, "https://x.example/");
    expect((doc.items[0]!.title ?? "").length).toBeLessThan(100);
  });

  it("dates in the forms feeds use", () => {
    expect(toIsoTimestamp("Mon, 03 Jun 2024 09:30:00 GMT")).toBe("2024-06-03T09:30:00.000Z");
    expect(toIsoTimestamp("Mon, 03 Jun 2024 09:30:00 EDT")).toBe("2024-06-03T13:30:00.000Z");
    expect(toIsoTimestamp("2024-06-03T09:30:00+02:00")).toBe("2024-06-03T07:30:00.000Z");
    expect(toIsoTimestamp("Mon, 03 Jun 2024 09:30:00 CEST")).toBe("2024-06-03T09:30:00.000Z");
    expect(toIsoTimestamp("yesterday")).toBeNull();
  });
});

describe("links, titles and publishers", () => {
  it("canonical links drop tracking parameters and fragments, keep the rest exactly", () => {
    expect(
      canonicalUrl(
        "HTTPS://News.Example:443/a/b?id=7&utm_source=x&UTM_Medium=y&fbclid=z&gclid=1&mc_cid=2&mc_eid=3&q=a%20b#top",
      ),
    ).toBe("https://news.example/a/b?id=7&q=a%20b");
    expect(canonicalUrl("/p?ref=home", "https://news.example/feed")).toBe("https://news.example/p?ref=home");
    expect(canonicalUrl("https://user:pw@news.example/p?")).toBe("https://news.example/p");
    expect(canonicalUrl("javascript:alert(1)")).toBeNull();
    expect(canonicalUrl("")).toBeNull();
    expect(isTrackingParam("utm_content")).toBe(true);
    expect(isTrackingParam("page")).toBe(false);
  });

  it("plain titles from markup and entities", () => {
    expect(plainText("<b>Bold</b> &amp; &eacute;lan")).toBe("Bold & élan");
    expect(plainText("  AT&T  results ")).toBe("AT&T results");
    expect(plainText("")).toBeNull();
  });

  it("one publisher for every feed of a site", () => {
    expect(publisherFromFeedTitle("BBC News - World", "https://www.bbc.co.uk/news/world")).toBe("BBC News");
    expect(publisherFromFeedTitle("BBC News - Business", "https://www.bbc.co.uk/news/business")).toBe(
      "BBC News",
    );
    expect(publisherFromFeedTitle("Politics | The Guardian", "https://www.theguardian.com/politics")).toBe(
      "The Guardian",
    );
    expect(publisherFromFeedTitle("World - The Guardian", "https://www.theguardian.com/world")).toBe(
      "The Guardian",
    );
    expect(publisherFromFeedTitle("NYT > World News", "https://www.nytimes.com/section/world")).toBe("NYT");
    expect(publisherFromFeedTitle("World news | Example Wire", "http://127.0.0.1:8080/")).toBe(
      "Example Wire",
    );
    expect(publisherFromFeedTitle("Reuters: Top News", "https://www.reuters.com/")).toBe("Reuters");
    expect(publisherFromFeedTitle("Hacker News", "https://news.ycombinator.com/")).toBe("Hacker News");
    expect(publisherFromFeedTitle(null, "https://www.example.org/feed")).toBe("example.org");
  });
});

describe("hostile feed documents cost bounded work", () => {
  const head =
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://example.com/</link>';
  const item = (i: number) =>
    `<item><title>Item ${i}</title><link>https://example.com/${i}</link><guid>g${i}</guid><description>Text ${i}.</description></item>`;
  const rss = (n: number, tail = "") =>
    `${head}${Array.from({ length: n }, (_, i) => item(i)).join("")}${tail}</channel></rss>`;

  it("a document is cut after the items it will use (40,000 items, 200 read)", () => {
    const xml = rss(40_000);
    const cut = boundFeedXml(xml, "https://example.com/feed", 200);
    expect(cut.length).toBeLessThan(xml.length / 100);
    expect(cut).toContain("<title>Item 199</title>");
    expect(cut).not.toContain("Item 200<");
    expect(cut.endsWith("</item></channel></rss>")).toBe(true);
    const feed = parseFeedDocument(xml, "https://example.com/feed", 200);
    expect(feed.items).toHaveLength(200);
    expect(feed.items.at(-1)?.title).toBe("Item 199");
    // What lies past the items read is not parsed at all: even broken markup there is never seen.
    const brokenTail = rss(300).replace(
      "<description>Text 250.</description>",
      "<description><b>Text 250.</description>",
    );
    expect(() => parseFeedDocument(brokenTail, "https://example.com/feed", 300)).toThrow(/malformed/);
    expect(parseFeedDocument(brokenTail, "https://example.com/feed", 200).items).toHaveLength(200);
  });

  it("a document with no more items than used is read as it is", () => {
    const xml = rss(5);
    expect(boundFeedXml(xml, "https://example.com/feed", 5)).toBe(xml);
    expect(boundFeedXml(xml, "https://example.com/feed", 200)).toBe(xml);
  });

  it("an element with more than 64 attributes makes the document malformed, with a clear reason", () => {
    const attrs = Array.from({ length: 100_000 }, (_, i) => `a${i}="v"`).join(" ");
    const xml = `${head}<item ${attrs}><title>x</title></item></channel></rss>`;
    expect(() => parseFeedDocument(xml, "https://example.com/feed")).toThrow(/more than 64 attributes/);
    const ok = `${head}<item ${Array.from({ length: 10 }, (_, i) => `a${i}="v"`).join(" ")}><title>x</title><link>https://example.com/1</link></item></channel></rss>`;
    expect(parseFeedDocument(ok, "https://example.com/feed").items).toHaveLength(1);
  });

  it("elements nested deeper than 100 make the document malformed (fast-xml-parser's maxNestedTags)", () => {
    const xml = `${head}<item><title>x</title><link>https://example.com/1</link><x>${"<a>".repeat(50_000)}t${"</a>".repeat(50_000)}</x></item></channel></rss>`;
    expect(() => parseFeedDocument(xml, "https://example.com/feed")).toThrow(SourceError);
  });
});
