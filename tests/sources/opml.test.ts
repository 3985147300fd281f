import { describe, expect, it } from "vitest";
import { SourceError } from "../../sources/errors.ts";
import { parseOpmlSources, sourcesToOpml } from "../../sources/opml.ts";

const EXPORT = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My feeds</title></head>
  <body>
    <outline text="World" title="World">
      <outline type="rss" text="BBC News - World" xmlUrl="https://feeds.bbci.co.uk/news/world/rss.xml" htmlUrl="https://www.bbc.co.uk/news/world"/>
      <outline type="rss" text="Le Monde &amp; co" xmlUrl="https://www.lemonde.fr/rss/une.xml"/>
    </outline>
    <outline text="Tech">
      <outline text="Nested">
        <outline type="rss" text="Ars" xmlUrl="https://feeds.arstechnica.com/arstechnica/index"/>
      </outline>
      <outline type="rss" text="Duplicate" xmlUrl="https://feeds.bbci.co.uk/news/world/rss.xml"/>
    </outline>
    <outline type="rss" text="No category" xmlUrl="https://example.org/feed"/>
    <outline text="Just a note"/>
    <outline type="rss" text="Bad scheme" xmlUrl="javascript:alert(1)"/>
  </body>
</opml>`;

describe("OPML", () => {
  it("imports every feed once, folders as categories, skipping outlines without a usable feed URL", () => {
    expect(parseOpmlSources(EXPORT)).toEqual([
      {
        feedUrl: "https://feeds.bbci.co.uk/news/world/rss.xml",
        name: "BBC News - World",
        siteUrl: "https://www.bbc.co.uk/news/world",
        category: "World",
      },
      {
        feedUrl: "https://www.lemonde.fr/rss/une.xml",
        name: "Le Monde & co",
        siteUrl: null,
        category: "World",
      },
      {
        feedUrl: "https://feeds.arstechnica.com/arstechnica/index",
        name: "Ars",
        siteUrl: null,
        category: "Nested",
      },
      { feedUrl: "https://example.org/feed", name: "No category", siteUrl: null, category: null },
    ]);
  });

  it("exports OPML 2.0 that imports back to the same sources", () => {
    const sources = [
      {
        feedUrl: "https://feeds.bbci.co.uk/news/world/rss.xml",
        name: "BBC <World> & more",
        url: "https://www.bbc.co.uk/news",
      },
      { feedUrl: "https://example.org/feed", name: "Example", url: "https://example.org/feed" },
    ];
    const xml = sourcesToOpml(sources, { now: new Date("2024-06-03T08:00:00Z") });
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\s*<opml version="2.0">/);
    expect(xml).toContain("<title>Summit sources</title>");
    expect(parseOpmlSources(xml)).toEqual([
      {
        feedUrl: "https://feeds.bbci.co.uk/news/world/rss.xml",
        name: "BBC <World> & more",
        siteUrl: "https://www.bbc.co.uk/news",
        category: null,
      },
      { feedUrl: "https://example.org/feed", name: "Example", siteUrl: null, category: null },
    ]);
  });

  it("rejects what is not OPML", () => {
    for (const bad of ["<rss><channel/></rss>", "not xml at all", "{}"]) {
      const err = (() => {
        try {
          parseOpmlSources(bad);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(err, bad).toBeInstanceOf(SourceError);
      expect((err as SourceError).code).toBe("malformed");
    }
  });
});
