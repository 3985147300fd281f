/**
 * More of what an editor drops to fit a long point into a headline (src/engine/headlines.ts
 * compactHeadline, src/summarize/compress.ts): "that" after a verb of saying when that makes it fit,
 * a time possessive ("last winter's storm" → "the storm"), a prepositional phrase at the end the main
 * verb does not need; a sentence's own opening participle ("Flooded roads …") kept; a subject "North
 * …" read as no conjunction. And a digest story's title made from a cited article's sentence shown with
 * the capitals its lower-cased article lacks (src/engine/display.ts). Made-up text.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { CaseOfArticles, showDigest } from "../../src/engine/display.ts";
import { compactHeadline, headlineFrom } from "../../src/engine/headlines.ts";
import type { Digest } from "../../src/model.ts";
import { CorpusIndex } from "../../src/search/index.ts";

describe("a long point shortened as an editor would", () => {
  it("leaves out 'that' after a verb of saying when that alone makes it fit", () => {
    expect(
      compactHeadline(
        "The regional flood agency warned that the swollen river would rise above the old stone bridge and flood the lower town.",
        20,
      ),
    ).toBe(
      "The regional flood agency warned the swollen river would rise above the old stone bridge and flood the lower town",
    );
  });

  it("never leaves a verb of saying with what reads as its object after a deeper cut", () => {
    const h = compactHeadline(
      "The port authority has warned that the wreck of the old ferry lying in the main channel of the harbour could block larger ships for months.",
      20,
    );
    expect(h ?? "").not.toMatch(/warned the wreck/);
  });

  it("shortens the clause a long point was cut to when the whole point cannot be", () => {
    expect(
      headlineFrom([
        "A harbour official predicted that the new island ferry would carry even fewer passengers than the old boat it is replacing, which sank.",
      ]),
    ).toBe(
      "A harbour official predicted the new island ferry would carry even fewer passengers than the old boat it is replacing",
    );
  });

  it("reads the main verb past a participle before a noun and a relative clause's verb", () => {
    // "masked" and "oppose" are no main verb: the phrase right after "pelted the police" stays.
    expect(
      compactHeadline(
        "A gang of masked youths who oppose the new harbour tax pelted the police with stones and empty bottles at the fish market in Port Elsinore, leaving nine people hurt, officials said Saturday.",
        20,
      ),
    ).toMatch(/pelted the police with stones/);
  });

  it("writes a time possessive as 'the'", () => {
    expect(
      compactHeadline(
        "The lantern festival opened with a march in memory of the fishermen lost in last winter's storm off the northern cape.",
        20,
      ),
    ).toBe(
      "The lantern festival opened with a march in memory of the fishermen lost in the storm off the northern cape",
    );
  });

  it("drops a prepositional phrase at the end that the main verb does not need", () => {
    expect(
      compactHeadline(
        "Conservative radio host Dana Whitlock said the council had forced the harbour master out of his job as head of the port authority.",
        20,
      ),
    ).toBe(
      "Conservative radio host Dana Whitlock said the council had forced the harbour master out of his job",
    );
  });

  it("cuts the latest phrase that leaves it fitting, not an earlier one holding it", () => {
    expect(
      compactHeadline(
        "The two neighbouring states showed signs of seeking to calm tensions ahead of a summit in the capital by the regional leader Jo Reyes when she will warn against a new tariff deal.",
        20,
      ),
    ).toBe("The two neighbouring states showed signs of seeking to calm tensions ahead of a summit");
  });

  it("keeps the phrase right after the verb's object: it may be the verb's own", () => {
    const h = compactHeadline(
      "The chief auditor of the regional council formally accused the former harbour master and his deputy of fraud against the port authority.",
      20,
    );
    expect(h ?? "").not.toMatch(/deputy$/);
  });

  it("keeps the sentence's own opening participle before its subject's noun", () => {
    expect(
      compactHeadline(
        "Flooded roads across the northern valley cut off three villages from the regional hospital for most of the weekend, local officials said on Sunday.",
        20,
      ),
    ).toBe(
      "Flooded roads across the northern valley cut off three villages from the regional hospital for most of the weekend",
    );
  });

  it("reads 'North …' after an opening phrase as the subject, not a conjunction", () => {
    expect(
      compactHeadline(
        "Despite a poor harvest, North Ruritania plans to send 200 athletes to the regional games in the capital, officials said on Friday.",
        20,
      ),
    ).toBe("North Ruritania plans to send 200 athletes to the regional games in the capital");
  });
});

const LEAD =
  "the harbor board of port elsinore voted on monday to close the old ferry pier after engineers found cracks in its pilings. " +
  "board members said the ferry line would move to a new dock near the fish market by the end of the summer. " +
  "engineers from a firm in baltimore told the board the pilings could not be repaired at a reasonable cost. " +
  "the ferry line carries about two thousand passengers a day between the town and the islands in the bay.";

describe("a story's title from a cited article's sentence", () => {
  it("is shown with the capitals its lower-cased article lacks, as a point is", () => {
    const index = new CorpusIndex(articlesFromRecords([{ id: "pier", title: "pier vote", text: LEAD }]));
    const title = "engineers from a firm in baltimore told the board the pilings could not be repaired";
    const digest: Digest = {
      since: null,
      found: true,
      summary: "",
      stories: [
        {
          title,
          points: [
            { text: "the ferry line carries about two thousand passengers a day.", sources: ["pier"] },
          ],
        },
      ],
      sources: [{ id: "pier", title: "pier vote", publisher: null, date: null, location: "" }],
      engine: "extractive",
      asOf: null,
    };
    expect(showDigest(new CaseOfArticles(index), digest).stories[0]!.title).toBe(
      "engineers from a firm in Baltimore told the board the pilings could not be repaired",
    );
  });

  it("is matched to the point it was shortened from though the headline wrote 'the' for a day", () => {
    const index = new CorpusIndex(articlesFromRecords([{ id: "pier", title: "pier vote", text: LEAD }]));
    const digest: Digest = {
      since: null,
      found: true,
      summary: "",
      stories: [
        {
          title: "the harbor board voted to close the pier after the inspection in baltimore",
          points: [
            {
              text: "the harbor board voted to close the pier after monday's inspection in baltimore.",
              sources: ["pier"],
            },
          ],
        },
      ],
      sources: [{ id: "pier", title: "pier vote", publisher: null, date: null, location: "" }],
      engine: "extractive",
      asOf: null,
    };
    expect(showDigest(new CaseOfArticles(index), digest).stories[0]!.title).toBe(
      "the harbor board voted to close the pier after the inspection in Baltimore",
    );
  });
});
