/**
 * A sports team's name (a place and a plural: "Denver Otters") asked "which team": of the kind asked
 * by its form, though WordNet knows no club by name, so it fits better than when another kind of
 * organisation is asked; other names fit the same. Sentences written for this test (no seed files,
 * no dataset text).
 */
import { describe, expect, it } from "vitest";
import { bestFits } from "../support/answerSpans.ts";

const fits = (question: string, sentence: string) => bestFits(question, sentence);

describe("a team's name asked 'which team'", () => {
  // (Neither "team" nor "charity" is in the sentence: each name is as near the question's words either way.)
  const sentence = "Fans said the Denver Otters and the Marlow Guild shared the hockey trophy parade.";
  const team = fits("Which hockey team lifted the trophy?", sentence);
  const charity = fits("Which hockey charity lifted the trophy?", sentence);
  it("fits better than when another kind of organisation is asked", () => {
    expect(team.get("denver otters")).toBeGreaterThan(charity.get("denver otters")!);
  });
  it("leaves a name of no team's form as it was", () => {
    expect(team.get("marlow guild")).toBe(charity.get("marlow guild"));
  });
});
