/**
 * "Where …": a sentence placing the answer inside the place the best sentence gives ("in Bergen,
 * Norway" where the best says "in Norway") leads, answering more precisely and agreeing with it; a
 * sentence giving another place does not. Made-up articles.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";

function engineOf(records: { id: string; title: string; text: string }[]) {
  return createExtractiveEngine(articlesFromRecords(records));
}

const will = {
  id: "a",
  title: "The story of the Glass Harp Prize",
  text: [
    "Under its founder's will, the Glass Harp Prize for composers is awarded in Norway every year, and the winners are announced in the spring.",
    "The founder, a shipping heir, left most of his fortune to the prize.",
  ].join(" "),
};

describe("a finer place for 'where'", () => {
  it("leads with the sentence naming the city inside the country the best sentence gives", async () => {
    const e = engineOf([
      will,
      {
        id: "b",
        title: "Composers gather for the prize",
        text: [
          "The jury will hand this year's Glass Harp Prize to its winner on Friday in Bergen, Norway.",
          "Tickets for the concert sold out within an hour.",
        ].join(" "),
      },
    ]);
    const a = await e.ask("Where is the Glass Harp Prize awarded every year?");
    expect(a.found).toBe(true);
    expect(a.answer).toContain("Bergen, Norway");
  });

  it("keeps the best sentence when the other names a place elsewhere", async () => {
    const e = engineOf([
      will,
      {
        id: "b",
        title: "Composers gather for the prize",
        text: [
          "The jury will hand this year's Glass Harp Prize to its winner on Friday in Lyon, France.",
          "Tickets for the concert sold out within an hour.",
        ].join(" "),
      },
    ]);
    const a = await e.ask("Where is the Glass Harp Prize awarded every year?");
    expect(a.found).toBe(true);
    expect(a.answer).toContain("in Norway");
  });
});
