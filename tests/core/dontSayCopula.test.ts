/**
 * "The articles don't say …" after a question whose wh-phrase is the subject of "is" before a place or
 * a state ("Who is on the list …?", "Which candidate is most popular …?") keeps the question's order;
 * a noun phrase after "is" still moves before it ("what the capital of the county is"). Made-up questions.
 */
import { describe, expect, it } from "vitest";
import { dontSay } from "../../src/engine/answer.ts";

describe("don't say: a copula before a place or a state", () => {
  it("keeps the wh-phrase as the subject", () => {
    expect(dontSay("Who is on the mayor's list of possible running mates?")).toBe(
      "The articles don't say who is on the mayor's list of possible running mates.",
    );
    expect(dontSay("Which candidate is most popular among the party's voters?")).toBe(
      "The articles don't say which candidate is most popular among the party's voters.",
    );
    expect(dontSay("Who is responsible for the flooding in Riverton?")).toBe(
      "The articles don't say who is responsible for the flooding in Riverton.",
    );
    expect(dontSay("What is in the sealed box?")).toBe("The articles don't say what is in the sealed box.");
  });

  it("still moves a noun phrase before the verb", () => {
    expect(dontSay("What is the capital of the county?")).toBe(
      "The articles don't say what the capital of the county is.",
    );
    expect(dontSay("Who is the new chief of the Riverton police?")).toBe(
      "The articles don't say who the new chief of the Riverton police is.",
    );
  });
});
