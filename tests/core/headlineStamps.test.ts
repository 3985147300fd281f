/**
 * A page's date and time stamp, a review's info box or rating line, and a prompt to follow or sign up
 * never head a briefing or a story (src/text/stamps.ts): a stamp at the start or the end of an
 * otherwise good headline is dropped from it, and a text that is one gives way to another.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { headlineFrom } from "../../src/engine/headlines.ts";
import { storyTitle } from "../../src/engine/storyTitles.ts";
import { isStampOrInfoBox, withoutStamps } from "../../src/text/stamps.ts";

describe("a page's stamp in a headline", () => {
  it("drops a date and time stamp and its byline before the sentence", () => {
    expect(
      headlineFrom([
        "Mar. 4, 2021, 7:12 pm GMT / updated Mar. 4, 2021, 9:30 pm GMT by Jo Reyes and Sam Okafor the Millbrook council voted to close the old pier on Friday.",
      ]),
    ).toBe("The Millbrook council voted to close the old pier on Friday");
  });

  it("drops a time stamp after the sentence", () => {
    expect(
      headlineFrom(["The harbour board approved a new ferry timetable for the island 10:02 am ET Thu"]),
    ).toBe("The harbour board approved a new ferry timetable for the island");
    expect(withoutStamps("Harbour crews cleared the wreck from the channel | updated at 4:20 p.m.")).toBe(
      "Harbour crews cleared the wreck from the channel",
    );
  });

  it("heads with another point in place of a rating line or an info box", () => {
    expect(
      headlineFrom([
        "Rated PG-13 for storm peril and brief language.",
        "The Millbrook ferry drama opened in forty cinemas on Friday.",
      ]),
    ).toBe("The Millbrook ferry drama opened in forty cinemas on Friday");
    expect(
      headlineFrom([
        "Director: Jo Reyes. Running time: 1 hr 48 min the ferry drama opened in forty cinemas.",
        "The Millbrook ferry drama opened in forty cinemas on Friday.",
      ]),
    ).toBe("The Millbrook ferry drama opened in forty cinemas on Friday");
  });

  it("reads a prompt to follow the page as no headline", () => {
    expect(isStampOrInfoBox("For the latest news please visit the Millbrook ferry page on Facebook")).toBe(
      true,
    );
    expect(isStampOrInfoBox("Follow us on Twitter for ferry updates")).toBe(true);
    expect(
      headlineFrom([
        "For the latest news please visit the Millbrook ferry page on Facebook.",
        "The Millbrook ferry drama opened in forty cinemas on Friday.",
      ]),
    ).toBe("The Millbrook ferry drama opened in forty cinemas on Friday");
  });

  it("reads a date or time in the sentence's own words as no stamp", () => {
    expect(isStampOrInfoBox("Firefighters reached the pier at 8:40 a.m.")).toBe(false);
    expect(isStampOrInfoBox("The harbour study was published on June 3, 2016")).toBe(false);
    expect(isStampOrInfoBox("The mayor defended the plan in an interview published Wednesday")).toBe(false);
    expect(isStampOrInfoBox("The vote on the pier is set for 6:30 p.m. ET Friday")).toBe(false);
    expect(isStampOrInfoBox("May 2021 was the wettest month on the harbour's record")).toBe(false);
    expect(isStampOrInfoBox("The film was rated highly by the harbour's critics")).toBe(false);
  });
});

describe("a digest story's title and a page's stamp", () => {
  it("is not a cited title that is a rating line", () => {
    const point = "The Millbrook ferry drama opened in forty cinemas on Friday to strong reviews.";
    const engine = createExtractiveEngine(
      articlesFromRecords([
        { id: "a", title: "Rated PG-13 for storm peril in the Millbrook ferry drama", text: point },
      ]),
    );
    const title = storyTitle(engine.index, { title: "Xx", members: [0], candidates: [] }, [
      { text: point, sources: ["a"] },
    ]);
    expect(title).toBe("The Millbrook ferry drama opened in forty cinemas on Friday to strong reviews");
  });

  it("is a cited title without the stamp after it", () => {
    const point = "The harbour board reopened the north pier on Tuesday after six months of repairs.";
    const engine = createExtractiveEngine(
      articlesFromRecords([
        { id: "a", title: "Harbour board reopens the north pier 10:02 am ET Tue", text: point },
      ]),
    );
    const title = storyTitle(engine.index, { title: "Xx", members: [0], candidates: [] }, [
      { text: point, sources: ["a"] },
    ]);
    expect(title).toBe("Harbour board reopens the north pier");
  });
});
