/**
 * `npm run eval:qa -- --stages`: where a question's answer is lost, from the retrieval's trace (the
 * first stage no sentence holding the answer passes). Made-up pages about a made-up harbour festival.
 */
import { describe, expect, it } from "vitest";
import { lossStage } from "../../scripts/eval-qa.ts";

const docs = [
  {
    title: "Harbour festival opens",
    text:
      "The Eastport harbour festival opened on Saturday with boat races on the quay. " +
      "Mayor Ruth Calloway opened the Eastport harbour festival in front of large crowds. " +
      "Organisers said the festival drew more visitors than last year.\n\n" +
      "Tickets were sold at the gate by volunteers from the rowing club.",
  },
  {
    title: "Weather for the weekend",
    text: "Rain is expected across the coast on Sunday, forecasters said. Winds will ease by Monday evening.",
  },
];
const record = (question: string, answers: string[], d = docs) => ({ id: "q", question, answers, docs: d });

describe("where an answer is lost", () => {
  it("finds the answer-bearing sentence ranked first when the pages answer plainly (control)", () => {
    expect(lossStage(record("Who opened the Eastport harbour festival?", ["Ruth Calloway"]))).toBe(
      "ranked first, answer lost (declined or reworded)",
    );
  });

  it("says when no page holds the answer, or only a title does", () => {
    expect(lossStage(record("Who opened the Eastport harbour festival?", ["Zanzibar"]))).toBe(
      "not in its pages",
    );
    expect(lossStage(record("What opened on the quay?", ["Harbour festival opens"]))).toBe(
      "in no sentence (title, list or furniture only)",
    );
  });

  it("says when the sentence holding it shares too little of the question, or is read but outranked", () => {
    expect(lossStage(record("Who opened the Eastport harbour festival?", ["gate"]))).toBe(
      "under a fifth of the question",
    );
    expect(
      lossStage(
        record("Which club's volunteers rowed in the Eastport harbour festival boat races?", ["gate"]),
      ),
    ).toBe("outranked");
  });

  it("says when a question names something no page mentions", () => {
    expect(lossStage(record("Who opened the Westbrook harbour festival?", ["Ruth Calloway"]))).toBe(
      "stopped early (a name or most words absent)",
    );
  });
});
