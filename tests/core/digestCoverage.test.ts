/**
 * A digest's first line is written by the message catalogue from what the engine returns as data
 * (Digest.coverage): the engine carries numbers, src/messages.ts carries the sentence.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { grouped, message } from "../../src/messages.ts";
import type { DigestCoverage } from "../../src/model.ts";
import { plainText } from "../../src/present/richText.ts";

const line = (c: DigestCoverage) => plainText(message("digest_coverage", c));
const base: DigestCoverage = { inRange: 0, read: 0, topics: [], since: null, stories: 0, allShown: true };

describe("a digest's first line", () => {
  it("says how many articles are in range, how many were read and what is shown", () => {
    expect(line({ ...base, inRange: 2225, read: 400, stories: 6, allShown: false })).toBe(
      "2,225 articles in the corpus; the 6 biggest stories among 400 read evenly across them.",
    );
    expect(line({ ...base, inRange: 6, read: 6, stories: 2 })).toBe(
      "6 articles in the corpus, in 2 stories.",
    );
    expect(line({ ...base, inRange: 1, read: 1, stories: 1, topics: ["rates"] })).toBe(
      "1 article about rates in the corpus, in 1 story.",
    );
    expect(
      line({ ...base, inRange: 55, read: 55, stories: 6, allShown: false, since: "2024-03-01T00:00:00Z" }),
    ).toBe("55 articles added since 2024-03-01T00:00:00Z; the 6 biggest stories.");
    expect(line({ ...base, since: "2024-03-01T00:00:00Z", topics: ["wheat", "oil"] })).toBe(
      "Nothing new about wheat, oil since 2024-03-01T00:00:00Z.",
    );
    expect(line(base)).toBe("No articles in the corpus.");
  });

  it("never says 'the 0 biggest stories': articles in range that make no story are said to", () => {
    expect(line({ ...base, inRange: 3, read: 3, stories: 0, allShown: false })).toBe(
      "3 articles in the corpus, but none of them has a story to show yet.",
    );
    expect(line({ ...base, inRange: 1, read: 1, stories: 0, since: "2024-03-01T00:00:00Z" })).toBe(
      "1 article added since 2024-03-01T00:00:00Z, but none of them has a story to show yet.",
    );
  });

  it("is the catalogue's sentence for the data the engine returns", async () => {
    const arts = articlesFromRecords([
      {
        id: "a",
        text: "Harbour strike ends\n\nDockers in Quarvel ended their strike on Monday after a pay deal.",
      },
      {
        id: "b",
        text: "Quarvel dockers return\n\nDockers in Quarvel returned to work after the strike ended.",
      },
    ]);
    const engine = createExtractiveEngine(arts);
    for (const d of [
      await engine.digest(),
      await engine.digest({ since: new Date("2999-01-01T00:00:00Z") }),
    ]) {
      expect(d.coverage).toBeDefined();
      expect(d.summary).toBe(line(d.coverage!));
    }
    const d = await engine.digest();
    expect(d.coverage).toMatchObject({ inRange: 2, read: 2, stories: d.stories.length, since: null });
  });
});

describe("a count's thousands (grouped)", () => {
  it("are written as toLocaleString('en-US') writes them", () => {
    for (const n of [0, 7, 999, 1000, 2225, 89_000, 1_234_567, 2 ** 53 - 1, -4500, 12.5])
      expect(grouped(n)).toBe(n.toLocaleString("en-US"));
  });
});
