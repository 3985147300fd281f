/**
 * Names in articles written all in lower case ("officer tomasz wierzba spoke in denver"), as some
 * copies of the news are: shown with their capitals (src/text/recase.ts, src/engine/display.ts), while
 * articles written with capitals are shown exactly as written. Made-up text.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { isLowerCased, recased, writtenNames } from "../../src/text/recase.ts";

const LOWER =
  "Harbor ferry crash\n\n" +
  "A harbor ferry struck a pier in denver's sister port of los angeles on monday, injuring nine passengers, the coast guard said. " +
  "The ferry's captain, tomasz wierzba, 54, told investigators that the steering failed as the boat turned toward the pier. " +
  "Passengers were taken to a hospital near the harbor, where six were treated and released by the evening. " +
  "The fbi has not been asked to join the inquiry, and the coast guard said the ferry would stay docked for weeks. " +
  "Harbor officials said the ferry line had passed its last inspection in march and would review its steering systems.";

const CASED = LOWER.replace(/denver/g, "Denver")
  .replace("los angeles", "Los Angeles")
  .replace("tomasz wierzba", "Tomasz Wierzba")
  .replace("fbi", "FBI")
  .replace(/ monday/g, " Monday")
  .replace(/ march /g, " March ");

describe("names of lower-cased articles", () => {
  it("tells a lower-cased text from one written with capitals", () => {
    expect(isLowerCased(LOWER)).toBe(true);
    expect(isLowerCased(CASED)).toBe(false);
  });

  it("capitalises names WordNet knows, words no dictionary knows and the reader's names; not common words", () => {
    const s =
      "The ferry's captain, tomasz wierzba, told the fbi in los angeles that the new harbor ferry line failed.";
    expect(recased(s, writtenNames("Harbor Ferry Line crash"))).toBe(
      "The ferry's captain, Tomasz Wierzba, told the FBI in Los Angeles that the new Harbor Ferry Line failed.",
    );
    // Function words, inflections and addresses stay as written.
    expect(recased("It may be that women sat at cbsnews.com by us.", new Map())).toBe(
      "It may be that women sat at cbsnews.com by us.",
    );
    // A word that cannot open a sentence, capitalised after an abbreviation by the copy's sentence-casing.
    expect(recased("The acme brewing co. Is releasing a beer.", new Map())).toBe(
      "The acme brewing co. is releasing a beer.",
    );
  });

  it("writes dotted initialisms in capitals, and the common word the copy capitalised after one in lower case", () => {
    expect(
      recased("the u.n. Weather agency and a u.s. Navy ship left washington, d.c. At 9 a.m. Monday."),
    ).toBe("the U.N. weather agency and a U.S. navy ship left Washington, D.C. at 9 a.m. Monday.");
    // An address or a longer run of letters is no initialism.
    expect(recased("see www.u.s.example and e.g. Tables")).toBe("see www.u.s.example and e.g. Tables");
  });

  it("capitalises a name's initial between its words, not a lone letter elsewhere", () => {
    expect(recased("he pleaded guilty before judge joseph h. rodriguez in court.")).toBe(
      "he pleaded guilty before judge Joseph H. Rodriguez in court.",
    );
    expect(recased("the grade was a b. The next was worse.")).toBe("the grade was a b. The next was worse.");
  });

  it("writes the pronoun i in capitals, not a letter of i.e. or of an address", () => {
    expect(recased("what i didn't know, i.e. what i'm told, is on x.i.com, said i.")).toBe(
      "what I didn't know, i.e. what I'm told, is on x.i.com, said I.",
    );
  });

  it("capitalises a name of several words before a possessive", () => {
    expect(recased("the launch was north korea's third, and los angeles's mayor spoke.")).toBe(
      "the launch was North Korea's third, and Los Angeles's mayor spoke.",
    );
  });

  it("shows a lower-cased article's points with capitals, a cased article's exactly as written", async () => {
    const lower = createExtractiveEngine(articlesFromRecords([{ id: "ferry", text: LOWER }]));
    const b = await lower.brief("ferry crash");
    const shown = b.points.map((p) => p.text).join(" ");
    expect(shown).toMatch(/Tomasz Wierzba|Los Angeles/);
    expect(shown).not.toMatch(/tomasz wierzba|los angeles/);
    const cased = createExtractiveEngine(
      articlesFromRecords([
        { id: "ferry", text: CASED.replace("ferry's captain", "ferry's selfie-loving captain") },
      ]),
    );
    const c = await cased.brief("ferry crash");
    for (const p of c.points)
      expect(CASED.replace("ferry's captain", "ferry's selfie-loving captain")).toContain(p.text);
  });
});
