import { describe, expect, it } from "vitest";
import { headlineFrom } from "../../src/engine/headlines.ts";
import { withoutDateline } from "../../src/text/dateline.ts";

describe("a dateline of a place of two or three words, no comma", () => {
  it("is left out of a headline ('Hong Kong -- …', 'Salt lake city — …', 'Laguna beach – …')", () => {
    expect(
      withoutDateline("Hong Kong -- a ferry carrying 40 passengers ran aground near the harbour on Monday."),
    ).toBe("A ferry carrying 40 passengers ran aground near the harbour on Monday.");
    expect(
      withoutDateline("Salt lake city — the city council voted to close the old library for repairs."),
    ).toBe("The city council voted to close the old library for repairs.");
    expect(
      withoutDateline("Laguna beach – two surfers were rescued from the rocks by a lifeguard on Sunday."),
    ).toBe("Two surfers were rescued from the rocks by a lifeguard on Sunday.");
    expect(
      headlineFrom(["San Diego — a pod of dolphins was seen swimming in the bay on Friday morning."]),
    ).toBe("A pod of dolphins was seen swimming in the bay on Friday morning");
  });
  it("is not a person's name or a phrase before a dash", () => {
    for (const s of [
      "Harrison Ford -- the actor who flew the plane -- walked away from the field unhurt.",
      "One man - a baker from the valley - left his job to sail around the world.",
    ])
      expect(withoutDateline(s)).toBe(s);
  });
});
