/**
 * Names of another class than asked (answerSpans' `other`), on sentences written for this test: a
 * name WordNet knows as no place in any sense is no country ("Senate" for "which island nation"); a
 * people's word describing the noun after it ("an American grocery chain") names no vegetable; a name
 * WordNet knows whole only as an event ("World Cup") is no team. A name of the kind asked stays one.
 */
import { describe, expect, it } from "vitest";
import { spansOf } from "../support/answerSpans.ts";

const other = (question: string, sentence: string, key: string) =>
  spansOf(question, sentence).find((sp) => sp.key === key)?.other ?? false;

describe("names of another class than asked", () => {
  it("reads a name WordNet knows as no place as no country", () => {
    const s = "Voters kept the Senate in the hands of the ruling party after the island's election.";
    expect(other("Which island nation elected a new leader?", s, "senate")).toBe(true);
  });
  it("keeps a country's name a country", () => {
    const s = "Voters in Iceland chose a new leader after the island's election.";
    expect(other("Which island nation elected a new leader?", s, "iceland")).toBe(false);
  });
  it("reads a people's word before a noun as describing it, not as the thing asked", () => {
    const s = "An American grocery chain recalled the produce over fears of salmonella in several states.";
    expect(other("Which vegetable was recalled over fears of salmonella?", s, "american")).toBe(true);
  });
  it("reads a name WordNet knows only as an event as no team", () => {
    const s = "The Marlow side reached the World Cup final after beating the hosts in extra time.";
    expect(other("Which national team reached the final?", s, "world cup")).toBe(true);
  });
});
