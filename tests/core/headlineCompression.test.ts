/**
 * A point too long for a headline is shortened the way an editor shortens it, keeping its main clause
 * (src/engine/headlines.ts compactHeadline, the named cuts of its COMPACT_CUTS): an
 * attribution, a day, an aside after a name, a phrase before the subject, what trails the main clause.
 * Only when what is left still reads as a complete sentence; never a "…" cut when such a cut exists.
 * Made-up text.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { compactHeadline, headlineFrom } from "../../src/engine/headlines.ts";
import { headlineFlaw } from "../../src/engine/phrasing.ts";

const words = (h: string) => h.split(/\s+/).length;

/** A headline an editor would pass: no "…", at most 20 words, no flaw. */
function expectShortSentence(h: string): void {
  expect(h).not.toMatch(/…$/);
  expect(words(h)).toBeLessThanOrEqual(20);
  expect(headlineFlaw(h)).toBeNull();
}

describe("a long point is shortened to its main clause", () => {
  it("drops the day it happened", () => {
    const h = headlineFrom([
      "Three fishing boats sank in a sudden squall off the northern cape on Sunday night as their crews tried to reach the harbour before the storm.",
    ]);
    expectShortSentence(h);
    expect(h).toBe(
      "Three fishing boats sank in a sudden squall off the northern cape as their crews tried to reach the harbour",
    );
  });

  it("drops an aside after the subject and the trailing attribution", () => {
    const h = headlineFrom([
      "The harbour board, which met in private for six hours, voted to close the old ferry depot at the end of the summer, a spokesman said.",
    ]);
    expect(h).toBe("The harbour board voted to close the old ferry depot at the end of the summer");
  });

  it("drops a time phrase before the subject", () => {
    const h = headlineFrom([
      "On Tuesday evening, the regional water board told a packed public meeting that the main reservoir would be full again by June.",
    ]);
    expectShortSentence(h);
    expect(h).toBe(
      "The regional water board told a packed public meeting that the main reservoir would be full again by June",
    );
  });

  it("drops a relative clause between commas after a name", () => {
    const h = headlineFrom([
      "Marta Lindqvist, who has run the village bakery on the market square for thirty years, said the new flour tax would force her to close the shop.",
    ]);
    expectShortSentence(h);
    expect(h).toBe("Marta Lindqvist said the new flour tax would force her to close the shop");
  });

  it("drops what trails the main clause after a comma", () => {
    const h = headlineFrom([
      "A spring storm flooded the lower streets of the old harbour town overnight, leaving hundreds of families without power and closing the only bridge to the mainland.",
    ]);
    expectShortSentence(h);
    expect(h).toBe("A spring storm flooded the lower streets of the old harbour town overnight");
  });

  it("keeps the second verb of the same subject rather than cutting with '…'", () => {
    const h = headlineFrom([
      "The lighthouse keeper repaired the cracked lamp of the old stone tower on the cape and asked the harbour board for a new generator for the winter.",
    ]);
    expectShortSentence(h);
    // Both predicates do not fit in 20 words: the second (often the news) with its subject.
    expect(h).toBe("The lighthouse keeper asked the harbour board for a new generator for the winter");
  });

  it("does not end a clause on 'a week' before 'before …'", () => {
    const h = headlineFrom([
      "The lighthouse keeper told the harbour inspectors that he had repaired the lamp a week before the wreck and had even asked the board for a new generator for the winter.",
    ]);
    expect(h).not.toMatch(/a week$/);
    expectShortSentence(h);
  });

  it("titles a one-point digest story with a shortened sentence, not a '…' cut", async () => {
    const engine = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "quarry",
          text: "In a statement released late on Friday evening, the Ravensholm quarry company said a controlled blast at its northern pit had cracked the walls of four old farmhouses.",
        },
      ]),
    );
    const d = await engine.digest();
    const titles = d.stories.map((s) => s.title);
    expect(titles.some((t) => /^The Ravensholm quarry company said a controlled blast/.test(t))).toBe(true);
    for (const t of titles) expect(t).not.toMatch(/…$/);
  });
});

describe("a long sentence with no comma ends where a noun's modifier begins", () => {
  it("ends before a relative clause or a participle after a noun, keeping the main clause", () => {
    for (const [text, main] of [
      [
        "The harbour authority opened an inquiry into the collapse of the old timber pier that had carried fishing boats for a century.",
        "The harbour authority opened an inquiry into the collapse of the old timber pier",
      ],
      [
        "The ferry company has asked the county for a loan to repair two boats damaged in the storm that hit the northern coast last winter.",
        "The ferry company has asked the county for a loan to repair two boats",
      ],
    ] as const) {
      const h = headlineFrom([text]);
      expectShortSentence(h);
      expect(h.startsWith(main)).toBe(true);
    }
  });

  it("does not take a name's verb for a participle ('… baker Tomas Berg | explained in …')", () => {
    const h = headlineFrom([
      "Readers finally learn the real reason for the closure of the old village bakery baker Tomas Berg explained in a long letter to all his customers.",
    ]);
    expect(h).not.toMatch(/Tomas Berg$/);
  });

  it("drops phrases of place at the end of a sentence whose main clause has 'while' in it", () => {
    const h = headlineFrom([
      "The ferry sank while the captain and two deckhands tried to steer it past the rocks at the mouth of the old harbour in heavy fog.",
    ]);
    expectShortSentence(h);
    expect(h).toMatch(/^The ferry sank while the captain and two deckhands tried to steer it/);
  });
});

describe("a cut that leaves no complete sentence is not made", () => {
  it("keeps the main verb after a participle's phrase ('The man believed to have …')", () => {
    const c = compactHeadline(
      "The young fisherman believed to have rescued the three sailors from the burning trawler off the northern cape was given a medal by the mayor.",
      20,
    );
    if (c) expect(c).toMatch(/was given/);
  });

  it("keeps a condition before the subject: the sentence is not true without it", () => {
    const s =
      "If the county rejects the harbour plan at its meeting next month, the ferry company will close two of its three terminals and move its boats to the northern port.";
    const c = compactHeadline(s, 20);
    if (c) expect(c).toMatch(/^If the county/);
  });

  it("does not drop an item of a list as if it were an aside ('to swim, ride a bike, walk or …')", () => {
    const h = headlineFrom([
      "Residents of the harbour town are less likely to swim, ride a bike, walk or join a rowing club than their neighbours in the hill villages.",
    ]);
    expect(h).not.toMatch(/swim walk/);
  });

  it("does not shorten a point that already fits", () => {
    expect(compactHeadline("The mayor opened the new harbour bridge on Friday.", 20)).toBeNull();
  });

  it("does not leave a list's last names as the subject", () => {
    const c = compactHeadline(
      "While the club's old team had players such as Ann Moss, Bea Lund, Cy Tran and Dee Park, to name a few, the new one has no striker who can finish.",
      20,
    );
    expect(c ?? "").not.toMatch(/^(?:Bea|Cy|Dee) /);
  });
});

describe("a cut keeps the main clause's second predicate (often the news)", () => {
  it("cuts after '… and rejected …', not before it", () => {
    expect(
      compactHeadline(
        "The health minister of Norland broke with the prime minister on Friday and rejected calls to close all rural clinics in the mountains while the budget talks continued in the capital.",
        20,
      ),
    ).toBe(
      "The health minister of Norland broke with the prime minister and rejected calls to close all rural clinics",
    );
  });

  it("cuts a noun's modifier in the first predicate rather than drop the second", () => {
    expect(
      compactHeadline(
        "The mayor of Eastbrook met with the leaders of the transit union at the city hall on Tuesday and announced that the bus strike would end, ending weeks of disruption for thousands of commuters.",
        20,
      ),
    ).toBe(
      "The mayor of Eastbrook met with the leaders of the transit union and announced that the bus strike would end",
    );
  });

  it("keeps the subject with the second predicate when both do not fit", () => {
    expect(
      compactHeadline(
        "The mayor of Springfield met with union leaders for three hours at the city hall and said the transit strike would end by the weekend if both sides signed the new offer.",
        20,
      ),
    ).toBe(
      "The mayor of Springfield said the transit strike would end by the weekend if both sides signed the new offer",
    );
  });

  it("not when the second predicate points back at what the first named", () => {
    const c = compactHeadline(
      "The mayor of Springfield met with union leaders for three hours at the city hall and told them the transit strike would end by the weekend if both sides signed the offer.",
      20,
    );
    expect(c).not.toMatch(/told them/);
  });
});

describe("a phrase inside the subject goes before the news after the verb", () => {
  it("drops the subject's modifier, not what was offered", () => {
    expect(
      compactHeadline(
        "The two-line statement released by the harbour authority of the northern port offered no details on when the ferry service to the islands would return.",
        20,
      ),
    ).toBe("The two-line statement offered no details on when the ferry service to the islands would return");
  });

  it("keeps a modifier with a name in it (which strike)", () => {
    expect(
      compactHeadline(
        "The long strike in the eastern ports of Ruritania was one of the most costly disputes for the old shipping lines of the islands.",
        20,
      ),
    ).toMatch(/^The long strike in the eastern ports of Ruritania was/);
  });
});

describe("a verb the tagger reads as a noun still makes a clause", () => {
  it("drops the attribution after 'Acme Motors plans to …'", () => {
    expect(
      compactHeadline(
        "Acme Motors plans to close three of its oldest assembly plants in the northern region over the next two years, company executives said on Thursday.",
        20,
      ),
    ).toBe(
      "Acme Motors plans to close three of its oldest assembly plants in the northern region over the next two years",
    );
  });
});

describe("a shortened headline from a lower-cased article keeps its names' capitals", () => {
  it("is written like the point it was shortened from", async () => {
    const text =
      "The harbor board told a packed meeting on monday evening that captain tomasz wierzba of los angeles would lead the ferry inquiry. " +
      "Harbor officials in los angeles said the ferry line owned by marek nowak had passed its last inspection of the steering gear in march without any faults found by the inspectors.";
    const engine = createExtractiveEngine(articlesFromRecords([{ id: "ferry", text }]));
    const d = await engine.digest();
    const title = d.stories[0]?.title ?? "";
    expect(title).toMatch(/^The harbor board told a packed meeting/);
    expect(title).toMatch(/Tomasz Wierzba of Los Angeles/);
  });
});

describe("compactHeadline names the cuts that made a headline", () => {
  it("a bracketed aside and an attribution, then what trails the main clause", () => {
    const made: string[] = [];
    expect(
      compactHeadline(
        "The harbour board (which met for the first time in a decade) voted to close the old ferry terminal and sell its land to a developer from the capital, a spokesman said on Tuesday.",
        16,
        made,
      ),
    ).toBe("The harbour board voted to close the old ferry terminal");
    expect(made).toEqual(["bracket or attribution", "trailing clause"]);
  });

  it("the day, then the subject with its second predicate alone", () => {
    const made: string[] = [];
    expect(
      compactHeadline(
        "The health minister of Norland broke with the prime minister on Friday and rejected calls to close all rural clinics in the mountains while the budget talks continued in the capital.",
        16,
        made,
      ),
    ).toBe("The health minister of Norland rejected calls to close all rural clinics in the mountains");
    expect(made).toEqual(["time, aside or opening", "second predicate kept"]);
  });
});

describe("a cut before an infinitive its noun needs", () => {
  it("never leaves 'in an attempt' or 'as part' at the end", () => {
    const h = compactHeadline(
      "The ferry operator had asked a court in the capital for protection from its creditors in an attempt to stop the forced sale of its newest vessel.",
      20,
    );
    expect(h ?? "").not.toMatch(/\b(?:in an attempt|as part)$/);
  });
});
