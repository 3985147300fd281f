/**
 * A death toll said as where the count stands ("the death toll has climbed to 145", "raising the toll to
 * 21"): read as a count of the dead, compared with another report's one toll of the same story, and not
 * with a toll a clause gives of a part of the event ("seven were killed on Monday"). Made-up reports;
 * each rule has a control.
 */
import { describe, expect, it } from "vitest";
import { quantityMentions } from "../../src/engine/disagreements/figures.ts";
import type { Sentence } from "../../src/search/index.ts";
import { differ } from "../support/disagreements.ts";

function sentence(text: string): Sentence {
  return { text, stems: new Set(), position: 0, total: 1, article: 0 };
}
const values = (found: ReturnType<typeof differ>) =>
  found.flatMap((d) => d.claims.flatMap((c) => c.values ?? [])).sort();
const figures = (text: string) =>
  quantityMentions(sentence(text), "r0").map((m) => `${m.value}:${[...m.key].sort().join(",")}`);

describe("a death toll said as where the count stands", () => {
  it("reads the figure after 'the death toll has climbed to' as the dead", () => {
    expect(
      figures("The minister says the death toll has climbed to 145 people, including 130 pupils."),
    ).toContain("145:kill");
    expect(figures("The death toll from the flood rose to at least 30 on Tuesday.")).toEqual([
      "at least 30:kill",
    ]);
    expect(figures("Shelling killed three people, raising the death toll to 21.")).toEqual(["21:kill"]);
    // Controls: a toll of another kind, and a figure after a toll road's price.
    expect(figures("The injury toll rose to 40.")).toEqual([]);
    expect(figures("The toll on the bridge rose to 12 euros.").join(" ")).not.toMatch(/kill/);
  });

  // Two reports of one story, each in its own words.
  const tally = (n: string) =>
    `Gunmen stormed a boarding school in Kellport on Tuesday and opened fire on pupils sitting an exam. Soldiers surrounded the school and fought the gunmen for eight hours. The regional governor said the death toll at the school had climbed to ${n}.`;
  const clause = (n: string) =>
    `Parents waited outside the gates of the boarding school in Kellport for news of pupils who had been sitting an exam when gunmen stormed it. Soldiers fought the gunmen until dusk. By nightfall ${n} people had been killed at the school.`;

  it("compares it with another report's one toll of the same story", () => {
    const found = differ([clause("141"), tally("145")]);
    expect(found.flatMap((d) => d.claims.flatMap((c) => c.values ?? [])).sort()).toEqual(["141", "145"]);
    // Control: the same toll.
    expect(differ([clause("145"), tally("145")])).toEqual([]);
  });

  it("does not compare it with a toll of a part of the event, however many words they share", () => {
    const total =
      "Air raids on Kellport killed three people overnight, raising the death toll to 21 in a week of fighting between the Kellian army and Tarvish rebels.";
    const day =
      "Seven people were killed on Monday in Kellport in a week of fighting between the Kellian army and Tarvish rebels, officials said.";
    expect(differ([total, day])).toEqual([]);
    // Control: two tolls told in clauses, with those words in common, are compared.
    const clauseToll =
      "Air raids on Kellport killed 21 people in a week of fighting between the Kellian army and Tarvish rebels.";
    expect(differ([clauseToll, day]).length).toBe(1);
  });

  it("compares it with a close toll of a clause that shares the event's words", () => {
    const total =
      "The defence minister said the death toll at the Kellport army school had climbed to 145, most of them pupils shot by Tarvish gunmen.";
    const clause = (n: string) =>
      `Mourners in Kellport buried ${n} people, most of them pupils, killed by Tarvish gunmen at the army school.`;
    expect(values(differ([total, clause("142")]))).toEqual(["142", "145"]);
    // Control: a toll far below the running total is a part of it.
    expect(differ([total, clause("42")])).toEqual([]);
  });

  it("takes a report's highest figure of a toll it revises a little as its side", () => {
    const revised = (first: string) =>
      `Mourners in Kellport prepared mass funerals for ${first} people killed by gunmen at the army school. Later officials said 142 people were killed by the gunmen at the army school in Kellport.`;
    const other =
      "Officials said 145 people were killed when gunmen stormed the army school in Kellport on Tuesday.";
    const found = differ([revised("141"), other]);
    expect(values(found)).toEqual(["142", "145"]);
    // Control: a report whose two figures are far apart takes no side.
    expect(differ([revised("100"), other])).toEqual([]);
  });
});
