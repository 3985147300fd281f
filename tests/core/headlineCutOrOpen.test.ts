import { describe, expect, it } from "vitest";
import { headlineFrom } from "../../src/engine/headlines.ts";
import { headlineFlaw } from "../../src/engine/phrasing.ts";

// 33 words, its verb past the 26th: no clause of it reads whole, and no cut shortens it.
const LIST =
  "Sandbags, pumps, blankets, tinned food, torches, batteries, boots, ropes, boats, tractors, trailers and dozens of volunteers from farms, schools and churches across the county arrived in the valley town on Sunday.";

describe("a main point that can only be shown cut ('…')", () => {
  it("gives way to a later text that tells the same story, shortened as an editor would, not another story", () => {
    expect(headlineFrom([LIST])).toMatch(/…$/);
    const later =
      "Volunteers brought sandbags to the valley town on Sunday morning when the river rose for a third day on the hills above the market square and the old stone bridge where dozens of families live.";
    expect(headlineFrom([LIST, later])).toBe("Volunteers brought sandbags to the valley town");
    // Not to one that tells another story.
    const other =
      "The bakery on Quay Street won a prize for its rye bread on Sunday morning when the judges met for a third day in the hall above the market square and the old stone bridge.";
    expect(headlineFrom([LIST, other])).toMatch(/…$/);
  });
});

describe("a headline that stops on a preposition", () => {
  it("is open (a sentence cut off in its source), and a later text that reads whole heads instead", () => {
    const cutOff = "The council approved the new harbour plan during a long meeting in";
    expect(headlineFlaw(cutOff)).toBe("open");
    expect(headlineFlaw("The harbour master said the storm was over")).toBeNull();
    expect(headlineFrom([cutOff, "The council approved the new harbour plan by nine votes to two."])).toBe(
      "The council approved the new harbour plan by nine votes to two",
    );
  });
});

describe("a text in place of a long main one", () => {
  it("is no command to the reader, even one the tagger reads as a name or a noun ('Share a …')", () => {
    // 21 words, its list no cut keeps whole.
    const main =
      "Among the changes the county council approved are cheaper bus fares, longer library hours, and free parking for nurses and carers.";
    for (const later of [
      "Share a bus with the county council carers until the cheaper fares start in the spring.",
      "Share a seat on the cheaper county buses until the council approves more fares in spring.",
    ])
      expect(headlineFrom([main, later])).toMatch(/^Among the changes/);
  });
});
