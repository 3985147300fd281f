/**
 * A headline whose only verbs are subordinate clauses' (mainClause.ts subordinateOnly), one opening on a
 * person described by role alone (phrasing.ts opensOnPersonDescription) or on its verb, and a story's
 * title when nothing heads it well (storyTitles.ts): made-up text.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { headlineFrom } from "../../src/engine/headlines.ts";
import {
  headlineFlaw,
  opensOnPersonDescription,
  titleOrPointsHeadline,
  withoutHeadLabel,
} from "../../src/engine/phrasing.ts";
import { shownTitle, storyTitle, storyTitleWeakness } from "../../src/engine/storyTitles.ts";

describe("a headline of subordinate clauses only", () => {
  it("has no main clause", () => {
    expect(headlineFlaw("As ferry fares rose in March, when the mill closed")).toBe("verb");
    expect(headlineFlaw("Because the harbour board voted to close the pier")).toBe("verb");
    expect(headlineFlaw("Yet when the rowers reached the harbour on Sunday")).toBe("verb");
  });
  it("keeps its main clause before or after one", () => {
    expect(headlineFlaw("When the storm hit, the old pier collapsed")).toBeNull();
    expect(headlineFlaw("The strike ended as the rowers returned to the pier")).toBeNull();
    expect(headlineFlaw("The ferry sank after it struck the old pier")).toBeNull();
    expect(headlineFlaw("After the vote, the harbour board closed the pier")).toBeNull();
  });
  it("gives way to a later point that reads whole", () => {
    expect(
      headlineFrom([
        "Yet when the rowers reached the harbour on Sunday.",
        "The rowers reached the harbour on Sunday after a week at sea.",
      ]),
    ).toBe("The rowers reached the harbour on Sunday after a week at sea");
  });
});

describe("a person described by role alone", () => {
  it("opens a headline that points back", () => {
    expect(opensOnPersonDescription("The actress and her husband bought the old boathouse")).toBe(true);
    expect(opensOnPersonDescription("The boys were found near the pier on Sunday")).toBe(true);
    expect(opensOnPersonDescription("The women said they would row back next week")).toBe(true);
    expect(storyTitleWeakness("The skipper was rescued from the harbour on Sunday", true)).toBe("described");
  });
  it("is explained by a name, an 'of' phrase or a relative clause, and a group is no person", () => {
    expect(opensOnPersonDescription("The bar owner Jo Reyes said the pier would reopen")).toBe(false);
    expect(opensOnPersonDescription("The victim, 33-year-old Jo Reyes, was taken to hospital")).toBe(false);
    expect(opensOnPersonDescription("The Millbrook skipper was rescued on Sunday")).toBe(false);
    expect(opensOnPersonDescription("The mother of a young rower is suing the harbour board")).toBe(false);
    expect(opensOnPersonDescription("The man who sank the ferry was sentenced on Monday")).toBe(false);
    expect(opensOnPersonDescription("The harbour board voted to close the pier")).toBe(false);
  });
  it("heads only when no other point reads whole", () => {
    expect(
      headlineFrom([
        "The skipper was rescued from the harbour on Sunday after the storm.",
        "Ferry skipper Jo Reyes was rescued from the harbour after the storm sank her boat.",
      ]),
    ).toBe("Ferry skipper Jo Reyes was rescued from the harbour after the storm sank her boat");
    expect(headlineFrom(["The skipper was rescued from the harbour on Sunday after the storm."])).toBe(
      "The skipper was rescued from the harbour on Sunday after the storm",
    );
  });
});

describe("a headline opening on its verb", () => {
  it("gives way to a later point that reads whole ('Let's …', a question)", () => {
    expect(
      headlineFrom([
        "Let's hope the harbour ferry sails again on Monday.",
        "The harbour board said the ferry will sail again on Monday after repairs.",
      ]),
    ).toBe("The harbour board said the ferry will sail again on Monday after repairs");
  });
});

describe("a story's title when nothing heads it well", () => {
  it("is a complete sentence opening on a linking word rather than a title in the reader's person", () => {
    const title = "The new harbour ferry will change your commute across the bay";
    const main = "The new harbour ferry will change your commute across the bay from Monday.";
    const later = "But the harbour board said the new ferry will cost riders more.";
    const engine = createExtractiveEngine(
      articlesFromRecords([{ id: "a", title, text: `${main} ${later}` }]),
    );
    const made = storyTitle(engine.index, { title, members: [0], candidates: [] }, [
      { text: main, sources: ["a"] },
      { text: later, sources: ["a"] },
    ]);
    expect(made).toBe("But the harbour board said the new ferry will cost riders more");
  });
});

describe("a title's label and colon", () => {
  it("goes from a briefing's headline and a story's title, when a sentence follows", () => {
    const title = "Harbour update: a landslide has damaged the old pier at Millbrook";
    expect(titleOrPointsHeadline(title, () => null)).toBe(
      "A landslide has damaged the old pier at Millbrook",
    );
    expect(shownTitle(title)).toBe("A landslide has damaged the old pier at Millbrook");
  });
  it("stays when the sentence after it opens on a pronoun standing for it", () => {
    const title = "Groundwater: it's one of the most precious resources of the valley";
    expect(withoutHeadLabel(title)).toBe(title);
  });
});
