/**
 * A digest story's title when nothing heads whole: the main point cut at a clause (here, without its
 * long opening phrase) rather than mid-clause with "…"; a part of it that does not read as a clause of
 * its own (no subject, a participle after an adverb) does not head.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { storyTitle } from "../../src/engine/storyTitles.ts";

/** The title of a story of one point, its article's own title cut short (so it heads nothing). */
function titleOf(point: string): string {
  const title = "Harbour news…";
  const engine = createExtractiveEngine(
    articlesFromRecords([{ id: "a", title, text: `${point} Ferry crews said the weather had been rough.` }]),
  );
  return storyTitle(engine.index, { title, members: [0], candidates: [] }, [{ text: point, sources: ["a"] }]);
}

describe("a story title cut at a clause", () => {
  it("drops a long opening phrase rather than end on an ellipsis", () => {
    expect(
      titleOf(
        "On the last night of the season, just hours after word spread that she had quietly persuaded the council to drop a plan to stop the old ferry at the pier for good, Jo Reyes opened the new terminal on the north quay.",
      ),
    ).toBe("Jo Reyes opened the new terminal on the north quay");
  });

  it("does not head with what follows a comma when that is no clause", () => {
    const t = titleOf(
      "On the last night of the season, just hours after word spread that she had quietly persuaded the council to drop a plan to stop the old ferry at the pier for good, best known for her work on the north quay.",
    );
    expect(t).not.toBe("Best known for her work on the north quay");
  });
});
