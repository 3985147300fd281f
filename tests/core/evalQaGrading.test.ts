/**
 * `npm run eval:qa` grading (`hasGold`): a gold answer is found in an answer written with other forms
 * of the same characters (a typographic apostrophe, a hyphen for a space) or without the gold's opening
 * article; not in one naming something else. Made-up answers.
 */
import { describe, expect, it } from "vitest";
import { hasGold } from "../../scripts/eval-qa.ts";

describe("eval:qa grading", () => {
  it("reads a typographic apostrophe as a typed one, both ways", () => {
    expect(hasGold("Bramley’s said it would test the new menu.", ["Bramley's"])).toBe(true);
    expect(hasGold("Bramley's said it would test the new menu.", ["Bramley’s"])).toBe(true);
  });

  it("reads a hyphen or a dash as a space", () => {
    expect(hasGold("He stays with club Al-Fayrouz for two more years.", ["Al Fayrouz"])).toBe(true);
    expect(hasGold("He stays with club Al Fayrouz for two more years.", ["Al-Fayrouz"])).toBe(true);
  });

  it("finds a gold answer without its opening article", () => {
    expect(hasGold("The broadcast showed the city's Copper Bridges.", ["The Copper Bridges"])).toBe(true);
  });

  it("still needs the gold answer's words", () => {
    expect(hasGold("Bramble's said it would test the new menu.", ["Bramley's"])).toBe(false);
    expect(hasGold("The broadcast showed the Copper Bridge.", ["The Copper Bridges"])).toBe(false);
    expect(hasGold("Anything at all.", ["", "  "])).toBe(false);
  });
});
