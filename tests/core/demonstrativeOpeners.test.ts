/**
 * Points whose subject is a demonstrative standing for what was told before ("That gap underscores …",
 * "This will stop short of …", "Such a memo would …") or an "It's" that stands for something ("It's a
 * major expansion of …"): read as unexplained. A demonstrative is a back reference: a briefing gives it
 * the sentence before it when both fit, else leaves it out for the next candidate; a time it names
 * ("This year …", "That night …") or a quotation's own "this" explains itself. A pronoun after a
 * preposition's phrase ("In Oslow, he …") is no name before an apposition. Made-up text.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { unexplainedOpener, withContext } from "../../src/engine/points.ts";

describe("unexplainedOpener: demonstrative subjects and 'It's'", () => {
  it("reads a demonstrative subject or determiner as a back reference", () => {
    expect(unexplainedOpener("That gap underscores how far the Oslow council has fallen behind.", 3)).toBe(
      "reference",
    );
    expect(unexplainedOpener("This will stop short of a full ban on Kestrel ferries.", 3)).toBe("reference");
    expect(unexplainedOpener("That prize was shared by two Oslow farmers in 1998.", 3)).toBe("reference");
    expect(unexplainedOpener("Such a memo would not hold up in an Oslow court.", 3)).toBe("reference");
    expect(unexplainedOpener("This is the first time the Kestrel ferry has sailed in winter.", 3)).toBe(
      "reference",
    );
  });
  it("reads 'It's' and a description as a pronoun, unless the 'it' announces what follows", () => {
    expect(unexplainedOpener("It's a major expansion of the Oslow screening scheme.", 3)).toBe("pronoun");
    expect(unexplainedOpener("It's unclear whether the Oslow dam will hold.", 3)).toBeNull();
    expect(unexplainedOpener("It’s the first time the Kestrel ferry has sailed in winter.", 3)).toBeNull();
    // What follows the colon is the "it".
    expect(
      unexplainedOpener("It's like a fairy tale: an Oslow baker wins the Kestrel lottery twice.", 3),
    ).toBeNull();
  });
  it("leaves alone a time the demonstrative names, a name after 'That', a quotation", () => {
    expect(unexplainedOpener("This week's storm closed the Oslow bridge.", 3)).toBeNull();
    expect(unexplainedOpener("That morning the Kestrel ferry left Oslow late.", 3)).toBeNull();
    expect(unexplainedOpener("That Brenn won the Oslow vote surprised nobody.", 3)).toBeNull();
    expect(unexplainedOpener("“This is the best harvest in years,” Mayor Ida Brenn said.", 3)).toBeNull();
  });
});

describe("unexplainedOpener: a pronoun after a preposition's phrase", () => {
  it("reads 'In Oslow, he …' as a pronoun (a place, not a name before an apposition)", () => {
    expect(unexplainedOpener("In Oslow, he is wanted for questioning over the Kestrel fire.", 3)).toBe(
      "pronoun",
    );
    expect(unexplainedOpener("On Monday, she told the Oslow council the mill would close.", 3)).toBe(
      "pronoun",
    );
    expect(unexplainedOpener("Brenn, his wife, Ida, and her sister died when the ferry sank.", 3)).toBeNull();
  });
});

describe("withContext for a demonstrative subject", () => {
  const engine = createExtractiveEngine(
    articlesFromRecords([
      {
        id: "g",
        text: "Oslow wages\n\nThe Oslow council raised its wages by 2% this year. Wages at the Kestrel mill rose by 9% over the same year. That gap underscores how far the Oslow council has fallen behind the mill. The council will meet the unions on Friday.",
      },
      {
        id: "h",
        text: "Oslow budget\n\nThe Oslow budget will include a fee on ferry firms to pay for the Kestrel bridge, officials said on Monday, after a long row with the ferry firms over who should pay for the new bridge across the Kestrel river and its approach roads, which the firms say they do not need. This will stop short of a full ban on Kestrel ferries.",
      },
    ]),
  );
  const cand = (a: number, text: string) => {
    const s = engine.index.sentences(a).find((x) => x.text.startsWith(text))!;
    return { text: s.text, stems: s.stems, articles: [a], score: 1, position: s.position };
  };
  const brief = { context: "agents", descriptions: "agents" } as const;
  it("gives it the sentence before in a briefing when both fit", () => {
    const that = cand(0, "That gap");
    const [given] = withContext(engine.index, [that], brief);
    expect(given!.text).toBe(`Wages at the Kestrel mill rose by 9% over the same year. ${that.text}`);
  });
  it("leaves it out of a briefing for the next candidate when both don't fit", () => {
    const lead = cand(0, "The Oslow council raised");
    const meet = cand(0, "The council will meet");
    const hThis = cand(1, "This will stop");
    expect(withContext(engine.index, [lead, hThis, meet], brief).map((c) => c.text)).toEqual([
      lead.text,
      meet.text,
    ]);
  });
});
