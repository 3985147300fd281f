/**
 * Page labels run into an answer's sentence. A label whose extent can be told (a row of sharing
 * controls, a photo credit ending on an agency, a stock chart's caption ending on its ticker, a byline
 * after the page's date line) is dropped where the sentence is shown — in an answer, a point, a
 * headline — and the sentence left is still the article's own words, still cited. A label whose text
 * runs on into the sentence ("Related headlines …", "Photo by …") makes it no answer: another sentence
 * that holds the answer is quoted. Made-up text.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { readability } from "../../src/engine/points.ts";
import {
  opensOnRunOnLabel,
  withoutLeadingFurniture,
  withoutLeadingPageLabels,
} from "../../src/text/furniture.ts";

describe("page labels of a known extent", () => {
  const cases: [string, string][] = [
    [
      "Share this story Email Print the harbour board approved a new ferry terminal for the island on Monday.",
      "The harbour board approved a new ferry terminal for the island on Monday.",
    ],
    [
      "Email Print Tweet the harbour board approved a new ferry terminal for the island on Monday.",
      "The harbour board approved a new ferry terminal for the island on Monday.",
    ],
    [
      "Photograph: jane roe/afp/getty images in a daring raid, thieves took six paintings from the gallery.",
      "In a daring raid, thieves took six paintings from the gallery.",
    ],
    [
      "Photo: Tom Fell/Reuters the ferry left the harbour an hour late on Sunday, the operator said.",
      "The ferry left the harbour an hour late on Sunday, the operator said.",
    ],
    [
      "Stock chart for acme widgets inc ( acmw ) acme widgets inc.'s win in court sent its shares up by a third.",
      "Acme widgets inc.'s win in court sent its shares up by a third.",
    ],
    [
      "/ updated by jane roe more former players have come forward to contradict the coach's account of the season.",
      "More former players have come forward to contradict the coach's account of the season.",
    ],
  ];

  it("is dropped where the sentence is shown, and the sentence is no run-on", () => {
    for (const [raw, shown] of cases) {
      expect(withoutLeadingFurniture(raw), raw).toBe(shown);
      expect(withoutLeadingPageLabels(raw), raw).toBe(shown);
      expect(opensOnRunOnLabel(raw), raw).toBe(false);
      expect(readability(raw), raw).toBeGreaterThan(0);
    }
  });

  it("leaves sentences that open on the same words, and labels whose text runs on", () => {
    for (const s of [
      "Share prices rose sharply after the harbour board approved the new terminal on Monday.",
      "Email records show the board knew of the delay weeks before the vote, the auditor said.",
      "Print sales of the island's paper fell by a third last year, its owner said on Monday.",
      "By the end of the year the ferry will sail twice a day between the island and the harbour.",
    ]) {
      expect(withoutLeadingFurniture(s), s).toBe(s);
      expect(withoutLeadingPageLabels(s), s).toBe(s);
    }
    // A credit with no agency after its slash, a photo by a reader: where they end cannot be told.
    for (const s of [
      "Photograph: jane roe/agency images in a daring raid, thieves took six paintings from the gallery.",
      "Photo by reader jo bloggs dear editor, i was refused a table at the harbor cafe on friday.",
    ]) {
      expect(withoutLeadingFurniture(s), s).toBe(s);
      expect(opensOnRunOnLabel(s), s).toBe(true);
    }
  });
});

describe("an answer's sentence with a page label run into it", () => {
  it("is quoted without a label of a known extent, still cited", async () => {
    const engine = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "heist",
          text:
            "Photograph: jane roe/afp/getty images in a daring raid on a warehouse, thieves stole paintings worth £ 3m from the gallery's store. " +
            "The gallery said the store had an alarm. Police are asking for witnesses.",
        },
      ]),
    );
    const a = await engine.ask("How much were the stolen paintings worth?");
    expect(a.found).toBe(true);
    // Shown with the copy's "£ 3m" closed (src/text/spacing.ts).
    expect(a.answer).toMatch(/^In a daring raid on a warehouse, thieves stole paintings worth £3m/);
    expect(a.points[0]?.text).toMatch(/^In a daring raid/);
    expect(a.points[0]?.sources).toEqual(["heist"]);
  });

  it("is not quoted when the label runs on: another sentence holding the answer is", async () => {
    const engine = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "pond",
          text:
            "Related headlines council delays the budget vote the missing hiker's backpack was found in a pond off mill lane near the old quarry. " +
            "Search teams spent the weekend on the moor. " +
            "Volunteers said the hiker's backpack turned up near the old quarry on Sunday.",
        },
      ]),
    );
    const a = await engine.ask("Where was the hiker's backpack found?");
    expect(a.answer).not.toMatch(/related headlines/i);
    for (const p of a.points) expect(p.text).not.toMatch(/related headlines/i);
    expect(a.answer).toMatch(/old quarry/);
  });
});
