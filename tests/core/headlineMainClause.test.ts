/** A headline's main clause: fragments with a verb somewhere (mainClause.ts), datelines, an age for a name. */
import { describe, expect, it } from "vitest";
import { compactHeadline, headlineFrom } from "../../src/engine/headlines.ts";
import { headlineFlaw, SHORT_HEADLINE_WORDS, withoutPageWord } from "../../src/engine/phrasing.ts";
import { storyTitleWeakness } from "../../src/engine/storyTitles.ts";
import { withoutDateline } from "../../src/text/dateline.ts";

describe("a headline's main clause", () => {
  it("is missing after a verb of saying whose reported clause has no verb of its own", () => {
    expect(headlineFlaw("The Millbrook Gazette said in an editorial on Saturday")).toBe("verb");
    expect(headlineFlaw("The rowers said in their complaint that the harbour board")).toBe("verb");
    expect(
      headlineFlaw(
        "The council leader said local fishermen, rowers and sailors that are reportedly planning a protest",
      ),
    ).toBe("verb");
  });
  it("is there when the reported clause has its verb, or the verb of saying follows a quotation", () => {
    expect(headlineFlaw("The harbour master said the new ferry will sail on Monday")).toBeNull();
    expect(headlineFlaw("The mayor said rowers who train at dawn deserve a new boathouse")).toBeNull();
    expect(headlineFlaw('"The pier will be rebuilt by May," the mayor said in a statement')).toBeNull();
    expect(headlineFlaw("The council said in a statement that the pier will reopen in May")).toBeNull();
  });
  it("is missing when the only verb is a participle before a noun", () => {
    expect(headlineFlaw("Mayor Ana Ruiz's first proposed harbour budget")).toBe("verb");
    expect(headlineFlaw("The former rowing coach Sam Okafor, in his first extended interview")).toBe("verb");
    expect(headlineFlaw("The council extended the harbour's opening hours")).toBeNull();
  });
  it("ends open on an adverb whose verb was cut off", () => {
    expect(headlineFlaw("The skipper said the crew, the cooks and the deckhands all bravely")).toBe("open");
    expect(headlineFlaw("The ferry captain who reportedly")).toBe("open");
    expect(headlineFlaw("The crew rowed the boat home slowly")).toBeNull();
  });
  it("heads with a later point that reads whole in place of one without a main clause", () => {
    expect(
      headlineFrom([
        "The Millbrook Gazette said in an editorial on Saturday.",
        "The Millbrook Gazette called for the harbour board to resign over the ferry contract.",
      ]),
    ).toBe("The Millbrook Gazette called for the harbour board to resign over the ferry contract");
  });
});

describe("an age standing for someone named before", () => {
  it("heads nothing ('The 29-year-olds each …', 'The 41-year-old was …')", () => {
    expect(headlineFlaw("The 29-year-olds each rowed across the bay on Sunday")).toBe("reference");
    expect(headlineFlaw("The 41-year-old was arrested near the pier on Monday")).toBe("reference");
    expect(storyTitleWeakness("The 29-year-olds each rowed across the bay on Sunday", true)).toBe(
      "reference",
    );
  });
  it("is no reference before a noun or a name ('The 6-year-old boy …')", () => {
    expect(headlineFlaw("The 6-year-old boy was rescued from the harbour on Sunday")).toBeNull();
    expect(headlineFlaw("The 41-year-old American rower was arrested near the pier")).toBeNull();
  });
});

describe("a dateline of a place opening on a place's word", () => {
  it("is left out ('Santa rosa — …', 'Franklin Twp. -- …', 'New Millbrook ― …')", () => {
    expect(
      withoutDateline("Santa rosa — an elderly couple was rescued from the flooded cellar on Monday."),
    ).toBe("An elderly couple was rescued from the flooded cellar on Monday.");
    expect(
      withoutDateline("Franklin Twp. -- a ferry carrying 40 passengers ran aground near the pier."),
    ).toBe("A ferry carrying 40 passengers ran aground near the pier.");
    expect(withoutDateline("New Millbrook ― the town council voted to close the old pier for repairs.")).toBe(
      "The town council voted to close the old pier for repairs.",
    );
  });
  it("is not a phrase opening on such a word that the dictionary knows", () => {
    const s = "New rules — the town council voted to close the old pier for repairs on Monday.";
    expect(withoutDateline(s)).toBe(s);
  });
});

describe("a relative clause inside a noun phrase, cut to make a headline fit", () => {
  it("is cut up to the verb its noun phrase is the subject of", () => {
    expect(
      compactHeadline(
        "The harbour master said on Tuesday that local fishermen, rowers and sailors who are reportedly planning a protest at the old pier are not welcome there and should stay away from the ferry.",
        SHORT_HEADLINE_WORDS,
      ),
    ).toBe(
      "The harbour master said local fishermen, rowers and sailors are not welcome there and should stay away from the ferry",
    );
    expect(
      compactHeadline(
        "The body of a Millbrook rower who was swept away by the current near the pier in front of his coach has been recovered by divers on Sunday.",
        SHORT_HEADLINE_WORDS,
      ),
    ).toBe("The body of a Millbrook rower has been recovered by divers");
  });
  it("is not cut across a clause of its own ('before he was elected')", () => {
    const h = compactHeadline(
      "The council said that the sailors who spoke to the mayor before he was elected are welcome at the harbour and should apply for a berth before the summer.",
      SHORT_HEADLINE_WORDS,
    );
    expect(h).not.toMatch(/sailors (?:are|was|were)/);
  });
});

describe("a page's 'View images' run into a sentence", () => {
  it("is left out of a title", () => {
    expect(
      withoutPageWord("View images a segment of a rower's oar was found preserved in the harbour mud"),
    ).toBe("A segment of a rower's oar was found preserved in the harbour mud");
  });
});

describe("a headline whose only verb is a relative clause's", () => {
  it("has no main clause ('The harbour board's ruling that gave the rowers a boathouse')", () => {
    expect(headlineFlaw("The harbour board's ruling that gave the rowers a new boathouse")).toBe("verb");
    expect(headlineFlaw("The pastor of a Millbrook church that voted to close the hall")).toBe("verb");
  });
  it("keeps a main verb the tagger reads around a relative clause, or after 'whose' and its noun", () => {
    expect(headlineFlaw("The ferry that sank last year was raised on Monday")).toBeNull();
    expect(headlineFlaw("A lighthouse keeper rescued four sailors whose yacht sank off the cape")).toBeNull();
  });
  it("and a second text that has one heads instead", () => {
    expect(
      headlineFrom([
        "The harbour board's ruling that gave the rowers a new boathouse.",
        "The harbour board gave the Millbrook rowers a new boathouse on the old pier.",
      ]),
    ).toBe("The harbour board gave the Millbrook rowers a new boathouse on the old pier");
  });
});

describe("a second predicate after 'and' and a quotation mark", () => {
  it("is where a long sentence may be cut", () => {
    expect(
      compactHeadline(
        'The harbour master said on Tuesday that local fishermen, rowers and sailors who are reportedly planning a protest at the old pier are not welcome there and "should stay away from the ferry until the summer is over."',
        SHORT_HEADLINE_WORDS,
      ),
    ).toBe("The harbour master said local fishermen, rowers and sailors are not welcome there");
  });
});
