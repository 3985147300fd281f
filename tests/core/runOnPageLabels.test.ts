/**
 * A page's label run on into a sentence with no stop between them ("related headlines …", "photo
 * gallery: …", "photograph: …", "photo by …", "flickr: …", "stock chart for …", "/ updated by …" a
 * byline): where the label's text ends cannot be told, so the sentence is no point. Made-up text.
 */
import { describe, expect, it } from "vitest";
import { readability } from "../../src/engine/points.ts";
import { opensOnRunOnLabel } from "../../src/text/furniture.ts";

describe("page labels run on into a sentence", () => {
  const runOn = [
    "Related headlines council delays the budget vote the ferry was found drifting off the north pier on sunday.",
    "Photo gallery: crowds at the fair the ferry was found drifting off the north pier on sunday.",
    "Photograph: jane roe/agency images in a daring raid, thieves took six paintings from the gallery.",
    "Photo by reader jo bloggs dear editor, i was refused a table at the harbor cafe on friday.",
    "Flickr: someuser riverton -- in a cafe, do customers have a right to cold coffee?",
    // (A stock chart's caption ending on its ticker, a byline after the date line: dropped where shown,
    // tests/core/answerPageLabels.test.ts; with no ticker or no name, where they end cannot be told.)
    "Stock chart for acme widgets inc acme widgets inc.'s win in court sent its shares up by a third.",
    "/ updated by the newsroom more former players have come forward to contradict the coach's account.",
    "More: ferry captain admits he skipped the checks in contrast, the harbor master said the pier was safe.",
    "Archive: harbor ferry coverage the ferry was found drifting off the north pier on sunday.",
  ];

  it("is no point", () => {
    for (const s of runOn) {
      expect(opensOnRunOnLabel(s), s).toBe(true);
      expect(readability(s), s).toBe(0);
    }
  });

  it("leaves sentences that only start with the same words", () => {
    for (const s of [
      "Related companies reported higher profits in the third quarter, the survey found.",
      "Photographers gathered outside the court as the verdict was read on monday.",
      "Stock prices fell sharply after the central bank raised rates on tuesday.",
      "More than 40 ferries were cancelled on monday, the harbor master said.",
      "Archived records show the pier was inspected in march.",
    ]) {
      expect(opensOnRunOnLabel(s), s).toBe(false);
      expect(readability(s), s).toBeGreaterThan(0);
    }
  });
});
