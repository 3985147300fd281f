/** The editor's checklist for points (scripts/pointChecks.ts), on made-up sentences. */
import { describe, expect, it } from "vitest";
import { pointReferenceFaults } from "../../scripts/pointChecks.ts";

describe("pointReferenceFaults", () => {
  it("reads an opening 'The last time NAME …' clause as naming the later pronoun's subject", () => {
    expect(pointReferenceFaults("The last time Dana Ortiz ran for mayor, she won by 40 votes.")).toEqual([]);
    expect(pointReferenceFaults("The last time around, she won by 40 votes.")).toEqual([
      "pronoun after an opening phrase",
    ]);
  });

  it("reads a relative clause naming who made the thing as saying which one it is", () => {
    expect(pointReferenceFaults("The deal that the Harbour Commission offered was turned down.")).toEqual([]);
    expect(pointReferenceFaults("The deal that was offered was turned down.")).toEqual([
      "unexplained 'The …'",
    ]);
    expect(pointReferenceFaults("The company said profits fell.")).toEqual(["unexplained 'The …'"]);
  });
});
