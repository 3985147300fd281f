/**
 * A time of day is no sentence's end when what follows places it: the day ("around 4 a.m. On Jan. 9,
 * …" in text capitalised after every stop), the clock's place ("5 p.m. Local time"), or a single word
 * that is no sentence ("ahead of a 7 p.m. Deadline."). A time of day before a new sentence still ends
 * one. Made-up text.
 */
import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/corpus/sentences.ts";

describe("sentences after a time of day", () => {
  it("go on with the day, the clock's place or a lone word", () => {
    expect(
      splitSentences(
        "The hiker phoned for help around 4 a.m. On feb. 9, 2021, saying she had lost the trail near the ridge. Rescuers found her at noon.",
      ),
    ).toEqual([
      "The hiker phoned for help around 4 a.m. on feb. 9, 2021, saying she had lost the trail near the ridge.",
      "Rescuers found her at noon.",
    ]);
    expect(
      splitSentences(
        "The ferry left the harbour at 6:15 p.m. On saturday with forty passengers aboard. It docked late.",
      ),
    ).toEqual([
      "The ferry left the harbour at 6:15 p.m. on saturday with forty passengers aboard.",
      "It docked late.",
    ]);
    expect(splitSentences("The comet will be brightest at 3 a.m. Local time on the coast.")).toEqual([
      "The comet will be brightest at 3 a.m. local time on the coast.",
    ]);
    expect(
      splitSentences(
        "The union filed its complaint ahead of a 7 p.m. Deadline. The council has not replied.",
      ),
    ).toEqual(["The union filed its complaint ahead of a 7 p.m. Deadline.", "The council has not replied."]);
  });

  it("still ends a sentence before a new one", () => {
    expect(splitSentences("The market closed at 5 p.m. Traders went home early for the holiday.")).toEqual([
      "The market closed at 5 p.m.",
      "Traders went home early for the holiday.",
    ]);
    expect(
      splitSentences("The vote ended at 9 p.m. On the steps outside, a crowd waited for the count."),
    ).toEqual(["The vote ended at 9 p.m.", "On the steps outside, a crowd waited for the count."]);
  });
});
