/**
 * A best sentence whose answer is of another class than asked (a city's name for "which festival")
 * gives way to one whose answer says itself it is of the kind asked, its last word the noun asked
 * about ("the Blue Harbour Jazz Festival"). Made-up articles.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";

function engineOf(records: { id: string; title: string; text: string }[]) {
  return createExtractiveEngine(articlesFromRecords(records));
}

describe("a name headed by the noun asked about", () => {
  it("leads over a best sentence giving a name of another class", async () => {
    const e = engineOf([
      {
        id: "a",
        title: "Stage collapse inquiry opens",
        text: [
          "An inquiry into the stage collapse at the jazz festival in Lisbon, the deadliest accident at a music festival in the country's history, opened on Monday.",
          "Officials said the inquiry would take a year.",
        ].join(" "),
      },
      {
        id: "b",
        title: "The Blue Harbour Jazz Festival remembers the storm",
        text: [
          "Two years ago, thousands of jazz fans were enjoying the open-air Blue Harbour Jazz Festival when the storm hit and the stage collapsed.",
          "Organisers have since moved the event indoors.",
        ].join(" "),
      },
    ]);
    const a = await e.ask(
      "What was the name of the jazz festival where the deadliest stage collapse in the country's history happened?",
    );
    expect(a.found).toBe(true);
    expect(a.answer).toContain("Blue Harbour Jazz Festival");
  });
});
