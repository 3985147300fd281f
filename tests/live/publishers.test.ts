import { describe, expect, it } from "vitest";
import type { Digest } from "../../src/model.ts";
import { digestToDocument } from "../../src/present/fromCore.ts";
import { withPublisherCounts } from "../../src/present/publishers.ts";

const src = (id: string, publisher: string | null, url?: string) => ({
  id,
  title: `Title ${id}`,
  publisher,
  date: null,
  location: url ?? `${id}.txt`,
  ...(url ? { url } : {}),
});

const digest: Digest = {
  since: null,
  found: true,
  summary: "Two stories.",
  stories: [
    {
      title: "Talks",
      points: [
        { text: "One.", sources: ["a", "b"] },
        { text: "Two.", sources: ["c", "d", "e"] },
      ],
    },
    { title: "Weather", points: [{ text: "Rain.", sources: ["a"] }] },
  ],
  sources: [
    src("a", "BBC News", "https://www.bbc.co.uk/news/1"),
    src("b", "BBC  news.", "https://feeds.bbci.co.uk/news/2"),
    src("c", "Reuters"),
    src("d", null, "https://www.example.org/x"),
    src("e", null, "https://example.org/y"),
  ],
  engine: "extractive",
  asOf: null,
};

describe("each digest story says how many publishers reported it", () => {
  it("counts publishers, not feeds or articles (a site without a name counts by its host)", () => {
    const counted = withPublisherCounts(digest);
    expect(counted.stories.map((s) => s.publishers)).toEqual([3, 1]);
  });

  it("the rendered digest says it per story", () => {
    const doc = digestToDocument(digest);
    const titles = doc.blocks.filter((b) => b.kind === "section").map((b) => (b as { title: string }).title);
    expect(titles).toEqual(["Talks (3 publishers)", "Weather (1 publisher)"]);
  });

  it("a story whose sources name no publisher or web site counts its articles, not 'publishers'", () => {
    const fromFiles: Digest = {
      ...digest,
      stories: [{ title: "Budget", points: [{ text: "One.", sources: ["f", "g"] }] }],
      sources: [src("f", null), src("g", null)],
    };
    expect(withPublisherCounts(fromFiles).stories[0]!.publishers).toBeUndefined();
    const doc = digestToDocument(withPublisherCounts(fromFiles));
    const titles = doc.blocks.filter((b) => b.kind === "section").map((b) => (b as { title: string }).title);
    expect(titles).toEqual(["Budget (2 articles)"]);
  });
});
