/**
 * "How many people were killed?" over articles that never write "people" ("killed eight", "leaving
 * eight dead"): a counted noun as general as "people" or "individuals" need not be in an article, when
 * the rest of the question is and a figure says it counts what is asked. Made-up articles.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { genericNoun } from "../../src/engine/answerKinds.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";

const ferry = {
  id: "ferry",
  text:
    "Ferry fire off Tarrow Point\n\nA fire swept through a ferry off Tarrow Point on Sunday, leaving nine dead, the coastguard said. " +
    "The vessel was towed to the harbour at dawn. Inspectors boarded it on Monday.",
};
const march = {
  id: "march",
  text:
    "March in Ossley\n\nPolice in Ossley arrested 23 after the march turned violent on Saturday. " +
    "The council said the high street would reopen on Tuesday.",
};
const trial = {
  id: "trial",
  text:
    "Trial opens in Brennick\n\nHalvorsen, 61, is on trial in Brennick for killing his second wife. " +
    "The court heard from a neighbour on Thursday. The judge adjourned until Friday after a hearing of 4 hours.",
};

describe("a generic counted noun no article uses", () => {
  it("is not required when a figure says it counts what is asked", async () => {
    const a = await createExtractiveEngine(articlesFromRecords([ferry])).ask("How many people were killed?");
    expect(a.found).toBe(true);
    expect(a.answer).toContain("nine dead");
    const b = await createExtractiveEngine(articlesFromRecords([march])).ask(
      "How many individuals were arrested in Ossley?",
    );
    expect(b.found).toBe(true);
    expect(b.answer).toContain("arrested 23");
    // It still needs such a figure: an age, an ordinal or a figure counting another thing is none.
    const engine = createExtractiveEngine(articlesFromRecords([trial]));
    const c = await engine.ask("How many people were killed?");
    expect(c.found).toBe(false);
    expect(c.answer).toBe("The articles don't say how many people were killed.");
    const d = await createExtractiveEngine(articlesFromRecords([march])).ask("How many people were injured?");
    expect(d.found).toBe(false);
  });

  it("is generic by WordNet: a top concept or right under the top, not a narrower kind", () => {
    for (const w of ["people", "persons", "individuals"]) expect(genericNoun(w), w).toBe(true);
    for (const w of ["workers", "seats", "cars", "votes", "days"]) expect(genericNoun(w), w).toBe(false);
  });
});
