/**
 * A story whose points come only from an article that, as a whole, is the page's note on itself (a web
 * archive's note on its crawls) gives way, though the point shown names the web only once.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { isFurniture, isPageText, webMachineryTerms } from "../../src/text/furniture.ts";

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

/**
 * Made-up text of the kind a web archive adds to a page it captured, its sentences run together as a
 * scraper left them: the points a digest picks from it ("Crawls of partner sites.") name the web once
 * or twice; the article names it again and again.
 */
const ARCHIVE_NOTE = {
  id: "capture",
  text: 'Nightly crawls like these try to keep each page as it is written and keep the pages it points to. In that way, when a cited page is edited or taken down, a copy of the version that stood when the story was written is kept.then the internet archive hopes that such saved pages will stand in for a link that would otherwise break, or sit beside it so readers can see what the authors meant.the aim is to mend every broken link on the web. Crawls of partner " never lost " sites.',
};

describe("an article that is the page's note on itself", () => {
  it("gives no story to a digest, though its points name the web fewer than three times", async () => {
    const d = await createExtractiveEngine(articlesFromRecords([...NEWS, ARCHIVE_NOTE])).digest();
    const cited = d.stories.flatMap((s) => s.points.flatMap((p) => p.sources));
    expect(cited).not.toContain("capture");
    expect(cited).toContain("ferry");
    expect(cited).toContain("library");
  });

  it("is not handed to the LLM writer as a story", () => {
    const engine = createExtractiveEngine(articlesFromRecords([...NEWS, ARCHIVE_NOTE]));
    const cited = new Set(engine.digestEvidence().passages.map((p) => p.sourceId));
    expect(cited).not.toContain("capture");
    expect(cited).toContain("ferry");
  });

  it("a news article about a web archive stays (control)", async () => {
    const news = {
      id: "archive-news",
      title: "Web archive wins grant to save local papers",
      text: "A web archive won a federal grant on Thursday to save the pages of forty local newspapers. The director said the money would pay for six new staff. Several of the papers closed last year after their owners went bankrupt.",
    };
    const d = await createExtractiveEngine(articlesFromRecords([...NEWS, news])).digest();
    expect(d.stories.flatMap((s) => s.points.flatMap((p) => p.sources))).toContain("archive-news");
  });
});

describe("an archive's captures and collections", () => {
  it("are the web's machinery", () => {
    expect(webMachineryTerms("These web captures of the society's site are open to the public.")).toBe(1);
    expect(
      isPageText([
        "This is a set of web collections kept by a volunteer with the help of the internet archive.",
        "They hold web captures of the club's site and of the sites it links to.",
      ]),
    ).toBe(true);
  });
});

describe("the page or site speaking of itself", () => {
  it("is furniture: a cookie notice, a missing page, a reprint notice, an embed widget, a request for corrections", () => {
    for (const s of [
      "By continuing to use this website you agree to our use of cookies.",
      "If you keep browsing, you accept the use of cookies.",
      "Sorry, the page you requested could not be shown.",
      "Oops, we cannot find the page you're looking for.",
      "Reprints: this copy is for your personal, non-commercial use only.",
      "Add this clip to your blog by copying the code below.",
      "Corrections: did you spot a mistake?",
    ])
      expect(isFurniture(s), s).toBe(true);
  });

  it("news about cookies, a web page, copies or errors stays (control)", () => {
    for (const s of [
      "Regulators fined the retailer for tracking shoppers with cookies without asking them.",
      "The bakery's cookies sold out within an hour of the fair opening.",
      "The senator said the page he requested from the archive was missing.",
      "Copies of the report were handed to reporters on Monday.",
      "The umpire admitted an error in the final over.",
    ])
      expect(isFurniture(s), s).toBe(false);
  });
});
