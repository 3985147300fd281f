import { describe, expect, it } from "vitest";
import { compactHeadline, headlineFrom } from "../../src/engine/headlines.ts";
import { headlineFlaw, readsWhole, withoutInsertions } from "../../src/engine/phrasing.ts";

describe("a main point that reads whole only shortened", () => {
  const main =
    "In a win for shopkeepers, the Millbrook town council voted to scrap a parking charge on the high street Tuesday, a measure meant to fund repairs to the old bridge.";
  const shortened = "The Millbrook town council voted to scrap a parking charge on the high street";
  it("heads shortened rather than a later detail of 21 words or more", () => {
    const detail =
      "Grocers, bakers and other traders then funded a campaign against the charge and to put it on a ballot to residents in November.";
    expect(headlineFrom([main, detail])).toBe(shortened);
  });
  it("heads shortened rather than a later text opening on someone's words", () => {
    expect(headlineFrom([main, '"The charge is dead," the shop owners told the council.'])).toBe(shortened);
  });
});

describe("a sentence shortened past its main verb", () => {
  it("is no headline when what is left keeps only a participle ('A kettle carried up the mountain …')", () => {
    const s =
      "A kettle carried up the mountain by the first climbers in 1953 is at the centre of a new legal dispute between a collector and the museum.";
    expect(compactHeadline(s, 12)).toBeNull();
    // The participle's own sentence keeps its verb when shortened.
    expect(
      compactHeadline(
        "Three climbers carried a kettle up the mountain in 1953, the museum said, in a note that the collector disputes in court.",
        12,
      ),
    ).toBe("Three climbers carried a kettle up the mountain in 1953");
  });
});

describe("an aside between commas after an opening phrase with a participle", () => {
  it("is the main clause, not an aside, when the opening phrase has no verb of its own", () => {
    const s =
      "After whizzing across the sea, the shadow emerged over northern Scotland and western Norway, where thousands of people held parties to watch the event, the first in Europe since 1999.";
    expect(withoutInsertions(s)).toBe(s);
  });
});

describe("a headline that ends on a copula", () => {
  it("is open, unless it asks where or what something is", () => {
    expect(headlineFlaw("The bridge repairs and the council's handling of the harbour fund are")).toBe(
      "open",
    );
    expect(headlineFlaw("Nobody knows where the missing yachts are")).toBeNull();
    expect(
      headlineFrom([
        'The bridge repairs and the council\'s handling of the harbour fund are, as it were, "first order" worries: the former because of the cost, the latter because of the delay.',
        "The council published its accounts for the harbour fund on Monday.",
      ]),
    ).toBe("The council published its accounts for the harbour fund on Monday");
  });
});

describe("a verb of saying whose reported clause lost its verb", () => {
  it("does not read whole ('… says the decision by the court')", () => {
    expect(readsWhole("The head of the rowing club says the decision by the regatta board")).toBe(false);
    expect(readsWhole("The harbour master said the old pier")).toBe(false);
    expect(readsWhole("The head of the rowing club says the decision was hasty")).toBe(true);
    expect(readsWhole('"We will row again," said the captain')).toBe(true);
    expect(readsWhole("The harbour master said Tuesday")).toBe(true);
    expect(readsWhole("The club said in a statement")).toBe(true);
  });
});

describe("a first text in the writer's voice ('… told me')", () => {
  it("gives way to a later report of the same story, shortened as an editor would", () => {
    expect(
      headlineFrom([
        '"Let them try," the harbour master told me on Friday morning from his office on the pier.',
        "Harbour master Jo Reyes says the town must repair the old pier before the winter storms arrive, in a letter to the council on Friday.",
      ]),
    ).toBe("Harbour master Jo Reyes says the town must repair the old pier before the winter storms arrive");
  });
});
