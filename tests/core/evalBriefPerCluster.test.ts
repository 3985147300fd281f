/** `npm run eval:brief -- --per-cluster`: each cluster's scores, per system, in one table. */
import { describe, expect, it } from "vitest";
import { perClusterTable } from "../../scripts/eval-brief.ts";

describe("eval:brief per-cluster table", () => {
  it("lists every cluster of each dataset once, with each system's R-1 / R-2 or a blank", () => {
    const rows = [
      {
        dataset: "duc",
        system: "brief",
        perCluster: new Map<string, [number, number]>([["D1", [30, 9.123]]]),
      },
      {
        dataset: "duc",
        system: "digest",
        perCluster: new Map<string, [number, number]>([
          ["D1", [31.5, 8]],
          ["D2", [20, 4.556]],
        ]),
      },
      { dataset: "other", system: "digest", perCluster: new Map<string, [number, number]>([["X", [1, 2]]]) },
      { dataset: "duc", system: "lead", perCluster: new Map<string, [number, number]>([["D3", [1, 1]]]) },
    ];
    expect(perClusterTable(rows, ["brief", "digest"])).toEqual([
      ["dataset", "cluster", "brief R-1 / R-2", "digest R-1 / R-2"],
      ["duc", "D1", "30.00 / 9.12", "31.50 / 8.00"],
      ["duc", "D2", "", "20.00 / 4.56"],
      ["other", "X", "", "1.00 / 2.00"],
    ]);
  });
});

describe("a headline from cited content", () => {
  it("is the point's words in order: cut, without its dateline or an apposition, not other words", async () => {
    const { wordsInOrder } = await import("../../scripts/eval-brief.ts");
    const point = "General Mills, owner of the Gold Medal brand, has recalled 10 million pounds of flour.";
    expect(wordsInOrder("General Mills has recalled 10 million pounds of flour", point)).toBe(true);
    expect(wordsInOrder("General Mills, owner of the Gold Medal brand", point)).toBe(true);
    expect(wordsInOrder("General Mills has recalled its flour", point)).toBe(false);
    expect(wordsInOrder("Flour recalled by General Mills", point)).toBe(false);
    // A "the" written for a day the headline left out ("Monday's recall" → "the recall").
    expect(
      wordsInOrder("The mill's owner announced the recall", "The mill's owner announced Monday's recall."),
    ).toBe(true);
  });
});
