/**
 * The forms `recased` (src/text/recase.ts) gives the words of a lower-cased copy, each rule measured by
 * `npm run eval:recase` (cased news lower-cased and put back). Made-up sentences.
 */
import { describe, expect, it } from "vitest";
import { recased } from "../../src/text/recase.ts";

describe("recased forms", () => {
  it("never writes an irregular verb's past as a name or an initialism", () => {
    expect(recased("the union led a march and drew a crowd, then fled when police dealt with it.")).toBe(
      "the union led a march and drew a crowd, then fled when police dealt with it.",
    );
  });

  it("writes an initialism WordNet knows in capitals, or one that doesn't read as a word", () => {
    // "nba" doesn't read as an English word (no word opens on "nb"); "lse" neither.
    expect(recased("he signed with an nba team after a year at the lse in london.")).toBe(
      "he signed with an NBA team after a year at the LSE in London.",
    );
    // Two-letter initialisms WordNet writes in capitals ("EU", not europium's "Eu"; "TV").
    expect(recased("the eu said uk tv rules would change.")).toBe("the EU said UK TV rules would change.");
    // A word that reads ("kerr", "zhang") is a name, not letters.
    expect(recased("officers kerr and zhang arrived.")).toBe("officers Kerr and Zhang arrived.");
  });

  it("leaves a drug's or chemical's generic name in lower case", () => {
    expect(recased("she was prescribed bupropion, then oxycodone and atorvastatin by dr. ortiz.")).toBe(
      "she was prescribed bupropion, then oxycodone and atorvastatin by Dr. Ortiz.",
    );
  });

  it("writes a title and the name after it capitalised", () => {
    expect(recased("the case was heard by mr. smith, mrs brown and sir alex, said ms green.")).toBe(
      "the case was heard by Mr. Smith, Mrs Brown and Sir Alex, said Ms Green.",
    );
  });

  it("capitalises adjectives WordNet writes only capitalised, and names' plurals", () => {
    expect(recased("british and european officials met americans and tories in japan.")).toBe(
      "British and European officials met Americans and Tories in Japan.",
    );
    // An initialism's plural keeps a small "s" ("MPs", not "MPS").
    expect(recased("the mps voted on the bill.")).toBe("the MPs voted on the bill.");
  });

  it("writes 'us' after 'the' as the US, and the pronoun as it is", () => {
    expect(recased("the us-led force told us that the us would stay.")).toBe(
      "the US-led force told us that the US would stay.",
    );
  });

  it("leaves function words, prefixes and name particles WordNet lacks in lower case", () => {
    expect(recased("everyone said everything was fine amid the pre-tax multi-million deal.")).toBe(
      "everyone said everything was fine amid the pre-tax multi-million deal.",
    );
    expect(recased("the wi-fi plan of charles de gaulle airport")).toBe(
      "the wi-fi plan of Charles de Gaulle airport",
    );
  });

  it("leaves a title of common words in lower case, and gives names their 'Mc'", () => {
    expect(recased("the chief executive met mcallister and the home secretary.")).toBe(
      "the chief executive met McAllister and the home secretary.",
    );
  });

  it("keeps a WordNet initialism in capitals before a stop", () => {
    expect(recased("he moved to the uk. She stayed in the eu.")).toBe(
      "he moved to the UK. She stayed in the EU.",
    );
  });

  it("reads 'immersive' as a word of the dictionary (immerse + ive)", () => {
    expect(recased("an immersive game")).toBe("an immersive game");
  });
});

describe("a dotted initialism opening a sentence", () => {
  it("is written in capitals, and the common word after it in lower case", () => {
    expect(recased("F.b.i. Agents searched the senator's office on tuesday afternoon.")).toBe(
      "F.B.I. agents searched the senator's office on Tuesday afternoon.",
    );
  });

  it("is no abbreviation news writes in lower case", () => {
    expect(recased("E.g. the council could raise the fee next year.")).toBe(
      "E.g. the council could raise the fee next year.",
    );
  });
});
