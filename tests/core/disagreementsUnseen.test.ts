/**
 * "Where sources differ" on news the rules were not shaped on (issue 13, third held-out round): figures
 * compared at the precision they are written to, tolls of one event matched by the words around them
 * (and kept apart when the sentences put them in different places), ages before a full name no
 * dictionary knows, and people counted by what they have done. Made-up reports (never the seeds or the
 * evaluation data); each rule with a control that keeps it from passing vacuously.
 */
import { describe, expect, it } from "vitest";
import { differ } from "../support/disagreements.ts";

const values = (found: ReturnType<typeof differ>) =>
  found.flatMap((d) => d.claims.flatMap((c) => c.values)).sort();

describe("where sources differ, third round of unseen news", () => {
  it("tells apart exact figures one unit apart, and an approximation of a precise figure from another", () => {
    const a = (n: string) =>
      `Only ${n} climbers have reached the summit of Mount Kell since records began in 1950.`;
    const b = (n: string) =>
      `Since records began in 1950, ${n} climbers have reached the summit of Mount Kell.`;
    expect(values(differ([a("273"), b("274")]))).toEqual(["273", "274"]);
    // Control: a round figure holds what rounds to it.
    expect(differ([a("8,000"), b("7,800")])).toEqual([]);
    const c = (n: string) =>
      `Harlow Foods is recalling ${n} pounds of raw beef products linked to salmonella.`;
    expect(differ([c("approximately 6,937,195"), c("6,500,966")]).length).toBe(1);
    // Control: the same recall, rounded.
    expect(differ([c("approximately 6,937,195"), c("6.9 million")])).toEqual([]);
  });

  it("compares the tolls of one event however each report words the clause", () => {
    const a =
      "A bomb tore through a metro train under Kellburg on Monday, killing 11 people and wounding more than 40.";
    const b = (n: string) =>
      `The main suspect in the Kellburg metro bombing that killed ${n} people had rented a flat near the blast, neighbours said.`;
    expect(values(differ([a, b("14")]))).toEqual(["11", "14"]);
    // Control: the same toll is no disagreement.
    expect(differ([a, b("11")])).toEqual([]);
  });

  it("keeps apart the tolls of different places", () => {
    const whole =
      "Officials blame the group for the bombings of embassies in Kellia and Tarvo that killed 224 people.";
    const part = (place: string) =>
      `At the embassy bombing in ${place}, 213 people were killed, officials said of the group.`;
    expect(differ([whole, part("Kellia")])).toEqual([]);
    // Control: the same places, a different toll.
    expect(differ([whole, part("Kellia and Tarvo")]).length).toBe(1);
  });

  it("asks one more shared word of a toll placed somewhere against one placed nowhere", () => {
    const placed = (extra: string) =>
      `In a nearly simultaneous ${extra}bombing of the embassy in Tarvo, 11 people were killed and 85 were injured, none of them Americans, according to the ministry.`;
    const nowhere =
      "On Aug. 7, prosecutors charge, Fazil drove a pickup truck to the embassy, leading the way for a vehicle carrying the bomb that killed more than 200 people, including 12 Americans.";
    // The embassy, the bombing, Americans: not enough to be one event when only one report says where.
    expect(differ([placed(""), nowhere])).toEqual([]);
    // Control: the truck as well.
    expect(values(differ([placed("truck "), nowhere]))).toEqual(["11", "more than 200"]);
  });

  it("converts an area given in square miles as an area", () => {
    const miles =
      "The Kell reserve covers about 1,000 square miles of wetland and forest along the northern coast.";
    const km = (n: string) =>
      `The Kell reserve covers about ${n} square kilometres of wetland and forest along the northern coast.`;
    // 1,000 square miles are 2,590 square kilometres (not 1,609).
    expect(differ([miles, km("2,600")])).toEqual([]);
    // Control: a real difference in the same units.
    expect(differ([miles, km("1,600")]).length).toBe(1);
  });

  it("compares the ages given before a full name, whatever its case", () => {
    const a = (n: string) =>
      `Police are asking for help in finding ${n}-year-old denise huskins, who was taken from a home in Vallejo.`;
    const b =
      "Investigators are trying to piece together what happened to 30-year-old denise huskins in Vallejo.";
    expect(values(differ([a("29"), b]))).toEqual(["29", "30"]);
    expect(differ([a("30"), b])).toEqual([]);
    // Control: a common noun after the age says nothing of who it is, in reports that give other
    // people's ages too. (Reports whose one age is this one are about one person: referents.ts soleAges,
    // tests/core/disagreementsReferents.test.ts.)
    const c = (n: string) =>
      `Police are asking for help in finding the ${n}-year-old nurse taken from a home in Vallejo. Her 52-year-old neighbour saw a van.`;
    expect(differ([c("29"), c("30")])).toEqual([]);
  });

  it("compares measures joined to the same noun phrase, two-letter units included", () => {
    const a = (n: string) =>
      `Divers found that the flooded cave communicates with the ${n} dos ojos cave system, near Tulum, the team said.`;
    const b =
      "The discovery near Tulum of its connection with the 84-kilometer dos ojos cave system was made in January.";
    expect(values(differ([a("83-km"), b]))).toEqual(["83", "84"]);
    // Control: the same length in another unit's name is no disagreement.
    expect(differ([a("84-km"), b])).toEqual([]);
  });

  it("counts people by what they have done", () => {
    const a = (n: string) =>
      `Since its inception in 1969, only ${n} people have ever passed the three-part sommelier test.`;
    const b = "Since its inception in 1969, just 274 people have passed the grueling sommelier exam.";
    expect(values(differ([a("273"), b]))).toEqual(["273", "274"]);
    expect(differ([a("274"), b])).toEqual([]);
  });
});
