/**
 * More of the cuts an editor makes to fit a long point into a headline (src/engine/headlines.ts
 * compactHeadline, src/summarize/compress.ts HEADLINE_CUTS, src/engine/cutPlaces.ts asClauses): an
 * opening phrase of time of a few words ("Nearly 40 years after …,", "Several hours later,"), one on
 * "For"/"With"/"Back", a quotation's source after it ('…," according to …'), a clause on "as" and a
 * subject with its verb after the main clause; a subject that lists with commas kept whole; and, when
 * nothing fits in 20 words, a complete sentence a little longer rather than a cut with "…". Made-up text.
 */
import { describe, expect, it } from "vitest";
import { compactHeadline, headlineFrom } from "../../src/engine/headlines.ts";
import { headlineFlaw } from "../../src/engine/phrasing.ts";

describe("a long point loses what an editor would cut", () => {
  it("drops an opening phrase of time of a few words before the subject", () => {
    expect(
      compactHeadline(
        "Nearly 40 years after the harbour was first dredged, an anchor from the old mail steamer has become the subject of a new court fight.",
        20,
      ),
    ).toBe("An anchor from the old mail steamer has become the subject of a new court fight");
    expect(
      compactHeadline(
        "Several hours later, a fisherman walking along the old breakwater noticed that a hatch was open on the barge and climbed aboard.",
        20,
      ),
    ).toBe(
      "A fisherman walking along the old breakwater noticed that a hatch was open on the barge and climbed aboard",
    );
  });

  it("drops an opening phrase on For, With or Back", () => {
    expect(
      compactHeadline(
        "For the past three winters, Mara Lind has been one of the valley's most determined voices for building a new bridge over the river.",
        20,
      ),
    ).toBe(
      "Mara Lind has been one of the valley's most determined voices for building a new bridge over the river",
    );
  });

  it("drops the source after a quotation, keeping the quotation closed", () => {
    expect(
      compactHeadline(
        'The ferry captain told inspectors he regarded the old radar "as a danger to every passenger," according to a report by the harbour board.',
        20,
      ),
    ).toBe('The ferry captain told inspectors he regarded the old radar "as a danger to every passenger"');
  });

  it("ends before a clause on 'as' with its own subject and verb", () => {
    const h = compactHeadline(
      "A long queue of vans, tractors and trailers carrying sheep blocked the mountain road out of the valley as anxious farmers fled ahead of the rising floodwater.",
      20,
    );
    expect(h).toBe(
      "A long queue of vans, tractors and trailers carrying sheep blocked the mountain road out of the valley",
    );
  });

  it("keeps a subject and its apposition whole, never its relative clause for the sentence", () => {
    const h = compactHeadline(
      "Valley Radio, the station in the northern hills that produced and aired the quiz for the last six years, confirmed to reporters it has been dropped for good.",
      20,
    );
    expect(h ?? "").not.toMatch(/aired the quiz$/);
  });

  it("keeps a subject and its apposition after an opening phrase it drops", () => {
    const h = compactHeadline(
      "For nearly eight months, Tomas Reyna, a deputy harbour master for the port of Valdene, has waged an online campaign against the new ferry operator and its owners.",
      20,
    );
    expect(h).toBe(
      "Tomas Reyna, a deputy harbour master for the port of Valdene, has waged an online campaign",
    );
  });

  it("heads with a complete sentence a little long rather than one cut with an ellipsis", () => {
    const h = headlineFrom([
      "The 9,000 letters taken from the shipping firm's archive in the old port show how the owners of the line hid their cargo on a chain of small islands and kept the customs men from ever seeing the ledgers.",
    ]);
    expect(h).not.toMatch(/…$/);
    expect(headlineFlaw(h)).toBeNull();
    expect(h).toBe(
      "The 9,000 letters taken from the shipping firm's archive in the old port show how the owners of the line hid their cargo",
    );
  });
});
