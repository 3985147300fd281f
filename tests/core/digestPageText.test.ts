/** A digest's stories are news: a story whose points are only the page's own text (a web archive's note on its crawls) gives way. */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { isFurniture, isPageText } from "../../src/text/furniture.ts";

const NEWS = [
  {
    id: "ferry",
    title: "Harbour ferry crews walk out over pay",
    text: "Ferry crews in the harbour walked out on Monday after talks over pay broke down. The union said the strike would last three days. Commuters queued for buses along the waterfront.",
  },
  {
    id: "library",
    title: "City library roof to be repaired after storm",
    text: "The city council approved money on Tuesday to repair the library roof damaged in last week's storm. The library will stay closed until the work ends in March. Staff moved rare books to a school hall.",
  },
];

/** Made-up text of the kind a web archive adds to a page it captured. */
const ARCHIVE_NOTE = {
  id: "capture",
  title: "Scheduled captures are gathered by focused web crawls",
  text: "Scheduled captures are gathered by focused web crawls of one subdomain, each crawl following every url on the seed list. Captured pages join the web archive after a delay, and the crawler returns to the same web pages every week.",
};

/** A real short news story about a crawler: it names it, among points that say what happened. */
const CRAWLER_NEWS = {
  id: "crawler",
  title: "Search firm says its crawler will skip news sites that object",
  text: "A search company said on Wednesday that its web crawler would stop reading news sites whose owners object. The chief executive announced the change at a conference in Lisbon after complaints from publishers.",
};

describe("a story of the page's own text", () => {
  it("is not shown in a digest", async () => {
    const d = await createExtractiveEngine(articlesFromRecords([...NEWS, ARCHIVE_NOTE])).digest();
    const cited = d.stories.flatMap((s) => s.points.flatMap((p) => p.sources));
    expect(cited).not.toContain("capture");
    expect(d.stories.map((s) => s.title).join(" ")).not.toMatch(/crawl/i);
    expect(cited).toContain("ferry");
    expect(cited).toContain("library");
  });

  it("is not handed to the LLM writer as a story", () => {
    const engine = createExtractiveEngine(articlesFromRecords([...NEWS, ARCHIVE_NOTE]));
    const cited = new Set(engine.digestEvidence().passages.map((p) => p.sourceId));
    expect(cited).not.toContain("capture");
    expect(cited).toContain("ferry");
  });

  it("a short news story about a web crawler stays (control)", async () => {
    const d = await createExtractiveEngine(articlesFromRecords([...NEWS, CRAWLER_NEWS])).digest();
    const cited = d.stories.flatMap((s) => s.points.flatMap((p) => p.sources));
    expect(cited).toContain("crawler");
    expect(d.stories.length).toBe(3);
  });
});

describe("isPageText", () => {
  it("holds for points that name the web's machinery again and again", () => {
    expect(
      isPageText([
        "Scheduled captures are gathered by focused web crawls of one subdomain, each crawl following every url on the seed list.",
      ]),
    ).toBe(true);
    expect(
      isPageText([
        "Since 2001 a search firm has given its crawl data to a web archive.",
        "Each day these captures are added to the wayback machine after a delay.",
      ]),
    ).toBe(true);
  });

  it("does not hold for news that names a crawler, a domain or an archive once (control)", () => {
    expect(
      isPageText([
        "A search company said on Wednesday that its web crawler would stop reading news sites whose owners object.",
        "The chief executive announced the change at a conference in Lisbon.",
      ]),
    ).toBe(false);
    expect(
      isPageText([
        "The state took the farm by eminent domain to widen the highway.",
        "The farmer's lawyer said the public domain claim would be appealed.",
        "The court will hear the domain case in May.",
      ]),
    ).toBe(false);
    expect(isPageText([])).toBe(false);
  });
});

describe("an embedded video player's and a form's messages", () => {
  it("are furniture", () => {
    for (const s of [
      "Rating is available when the video has been rented.",
      "This feature is not available right now.",
      "The interactive transcript could not be loaded.",
      "Please click the checkbox indicating that you have read the full article in order to submit your answers.",
    ])
      expect(isFurniture(s), s).toBe(true);
  });

  it("a story of them is not shown in a digest", async () => {
    const player = {
      id: "player",
      title: "Rating is available when the video has been rented",
      text: "Rating is available when the video has been rented. This feature is not available right now. Please try again later. The interactive transcript could not be loaded.",
    };
    const d = await createExtractiveEngine(articlesFromRecords([...NEWS, player])).digest();
    expect(d.stories.flatMap((s) => s.points.flatMap((p) => p.sources))).not.toContain("player");
    expect(d.stories.length).toBe(2);
  });

  it("news about a rented video, a feature or a checkbox stays (control)", () => {
    for (const s of [
      "The film studio said the video had been rented more than a million times in its first week.",
      "The company said the new feature is not available in Europe because of privacy rules.",
      "Voters must tick the box next to one candidate, the election commission said on Monday.",
    ])
      expect(isFurniture(s), s).toBe(false);
  });
});

describe("a page of instructions to the reader", () => {
  it("is no story in a digest", async () => {
    const howTo = {
      id: "howto",
      title: "Choose another shade from the chart before ordering",
      text: "Choose another shade from the chart before ordering, since the colours shown on screens may differ from printed ones. Always check the printed catalogue to compare any shade before buying. Keep the sample card away from direct sunlight.",
    };
    const d = await createExtractiveEngine(articlesFromRecords([...NEWS, howTo])).digest();
    expect(d.stories.flatMap((s) => s.points.flatMap((p) => p.sources))).not.toContain("howto");
    expect(d.stories.length).toBe(2);
  });
});
