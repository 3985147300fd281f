/**
 * A digest story's title an editor would sign: a long title that opens on a phrase hanging on what
 * follows loses it when the rest is a clause that heads well on its own (not when the rest is the tail
 * of a list), and an article's title with no finite verb (a caption's fragment) gives way to the
 * points' headline when that heads well.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { shortenedTitle, storyTitle } from "../../src/engine/storyTitles.ts";

describe("a long story title", () => {
  it("loses an opening phrase when the rest heads well", () => {
    expect(
      shortenedTitle(
        "After a long night of talks at the town hall on the harbour's future, the harbour board voted to close the old ferry pier for two years",
      ),
    ).toBe("The harbour board voted to close the old ferry pier for two years");
  });

  it("keeps it when what follows a comma is a list's tail, not a clause", () => {
    const listed =
      "In a hall packed with skippers, ferry pilots, and harbour clerks, this could only be one meeting: the annual vote on the north pier";
    expect(shortenedTitle(listed)).toBe(listed);
  });

  it("keeps it when it names someone the rest does not", () => {
    const named =
      "When skipper Jo Reyes shook his hand after another rough crossing, a third in as many weeks, the harbour master said the pier was safe";
    expect(shortenedTitle(named)).toBe(named);
  });

  it("stays as it is when short", () => {
    const short = "After the storm, the harbour board closed the north pier";
    expect(shortenedTitle(short)).toBe(short);
  });
});

describe("an article's title with no finite verb", () => {
  const POINT =
    "The harbour board closed the north pier ferry route on Monday after a storm damaged its ramp.";

  function titleOf(title: string): string {
    const engine = createExtractiveEngine(
      articlesFromRecords([
        { id: "a", title, text: `${POINT} Ferry crews said the weather had been rough.` },
      ]),
    );
    return storyTitle(engine.index, { title, members: [0], candidates: [] }, [
      { text: POINT, sources: ["a"] },
    ]);
  }

  it("gives way to the points' headline when that heads well", () => {
    expect(titleOf("Harbour master Jo Reyes on the deck of the north pier ferry")).toBe(
      "The harbour board closed the north pier ferry route on Monday",
    );
  });

  it("stays when written in Title Case (its verb read as a name)", () => {
    expect(titleOf("Storm Shuts North Pier Ferry Route")).toBe("Storm Shuts North Pier Ferry Route");
  });

  it("stays when short, a headline's clipped style", () => {
    expect(titleOf("Ferry confidence at the north pier up")).toBe("Ferry confidence at the north pier up");
  });

  it("stays when a word in -s may be its verb", () => {
    expect(titleOf("Harbour board shuts north pier ferry route")).toBe(
      "Harbour board shuts north pier ferry route",
    );
  });

  it("stays when it has its verb", () => {
    expect(titleOf("Storm closes north pier ferry route")).toBe("Storm closes north pier ferry route");
  });
});
