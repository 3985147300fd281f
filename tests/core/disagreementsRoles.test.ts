/**
 * "Where sources differ" when one report names a person only by a role ("the gunman", "the
 * 29-year-old suspect") and another names the person (issue 13, roles.ts): the role stands for the one
 * person the reports name in it. Made-up reports, each rule with a control.
 */
import { describe, expect, it } from "vitest";
import { differ } from "../support/disagreements.ts";

const values = (found: ReturnType<typeof differ>) =>
  found.flatMap((d) => d.claims.flatMap((c) => c.values)).sort();

describe("an age beside a role is the age of the one person named in that role", () => {
  // The first report gives the victim's age too: its ages are not one person's (no sole age).
  const unnamed = (age: string) =>
    `Police in Marrowby arrested a man after a shop worker, 58, was stabbed on Friday. The ${age}-year-old suspect was held overnight and will appear in court on Monday.`;
  const named =
    "Police in Marrowby have charged suspect Dorin Valcek over the stabbing of a shop worker on Friday. Dorin Valcek, 27, will appear before magistrates on Monday.";

  it("compares 'the 26-year-old suspect' with the age given beside the suspect's name", () => {
    expect(values(differ([unnamed("26"), named]))).toEqual(["26", "27"]);
    // Control: the same age is no disagreement.
    expect(differ([unnamed("27"), named])).toEqual([]);
  });

  it("reads a role in apposition ('the suspect, 26,')", () => {
    const apposed =
      "A shop worker, 58, was stabbed in Marrowby on Friday. Police said the suspect, 26, was held overnight and will appear in court on Monday.";
    expect(values(differ([apposed, named]))).toEqual(["26", "27"]);
  });

  it("does not resolve a role the reports give to several people", () => {
    // A second suspect: "the 26-year-old suspect" may be either.
    const two = `${named} A second suspect was released without charge.`;
    expect(differ([unnamed("26"), two])).toEqual([]);
    // Two people named in the role across the reports.
    const other =
      "Suspect Anton Brisk was questioned over the Marrowby stabbing. Dorin Valcek, 27, will appear before magistrates on Monday.";
    expect(differ([unnamed("26"), named, other])).toEqual([]);
  });

  it("does not resolve a role no report names", () => {
    const noName =
      "Police in Marrowby have charged a man over the stabbing of a shop worker on Friday. Dorin Valcek, 27, will appear before magistrates on Monday.";
    expect(differ([unnamed("26"), noName])).toEqual([]);
  });
});

describe("a figure of a role is a figure of the one person named in it", () => {
  it("reads 'the gunman' as the person another report names as the gunman", () => {
    const unnamed = "Police said the gunman fired 30 shots into the crowd outside the Marlow stadium.";
    const named =
      "Officers said Dorin Valcek fired 31 shots into the crowd outside the stadium. The gunman, Dorin Valcek, was arrested.";
    expect(values(differ([unnamed, named]))).toEqual(["30", "31"]);
    // Control: with no report naming the gunman, the names of the two sentences differ.
    const anyone =
      "Officers said Dorin Valcek fired 31 shots into the crowd outside the stadium. He was arrested.";
    expect(differ([unnamed, anyone])).toEqual([]);
  });
});
