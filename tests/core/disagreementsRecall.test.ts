/**
 * "Where sources differ" on news the rules were not shaped on (issue 13, second held-out round): tolls
 * given with the verb first, the same counted phrase in a long run-on
 * sentence, "N or M" ranges, a count narrowed to one place, and a value that fits both sides. Made-up
 * reports (never the seeds or the evaluation data); each rule with a control that keeps it from passing
 * vacuously.
 */
import { describe, expect, it } from "vitest";
import { differ } from "../support/disagreements.ts";

describe("where sources differ, on unseen news", () => {
  it("compares a toll whose verb comes before the figure ('killing 65 people')", () => {
    const a = "Fire tore through a crowded dance hall in Marlow late on Saturday, killing 65 people.";
    const b = (n: string) =>
      `Rescuers searched the ruins of the Marlow dance hall on Sunday after the fire killed ${n} people.`;
    const found = differ([a, b("60")]);
    expect(found.length).toBe(1);
    expect(found[0]!.claims.flatMap((c) => c.values).sort()).toEqual(["60", "65"]);
    // Control: the same toll is no disagreement.
    expect(differ([a, b("65")])).toEqual([]);
  });

  it("compares 'the 22 people killed' with 'killing 19 people'", () => {
    const a = "Police said the 22 people killed in the bombing at the Harlow arena were mostly teenagers.";
    const b = (n: string) =>
      `A bomb at the Harlow arena on Monday night went off in the foyer, killing ${n} people.`;
    expect(differ([a, b("19")]).length).toBe(1);
    expect(differ([a, b("22")])).toEqual([]);
  });

  it("lets the same counted phrase beside a shared clause word through a long run-on sentence", () => {
    const long =
      "Gunman's brother faces charges after gunman was shot dead by a police sniper after a 30-hour siege at his flat while prosecutors filed murder and terrorism charges against the brother of the gunman who killed schoolchildren and paratroopers.";
    const short = (clause: string) =>
      `The gunman died in a shoot-out ${clause} a 32-hour siege of his apartment.`;
    expect(differ([long, short("with police following")]).length).toBe(1);
    // Control: no word of the figure's clause in common — the sentences alone must carry it, and do not.
    expect(differ([long, short("at dawn after")])).toEqual([]);
  });

  it("reads '17 or 18 miles' as a range", () => {
    const a = (d: string) =>
      `Radar stations picked up the small plane ${d} miles west of the island airport.`;
    const b = "The pilot came within 17 miles west of the island airport before he descended steeply.";
    expect(differ([a("17 or 18"), b])).toEqual([]);
    // Control: a value outside the range still differs.
    expect(differ([a("20 or 21"), b]).length).toBe(1);
  });

  it("does not set a count for one place against a whole unless the other names the place", () => {
    const a =
      "As of Thursday, the hurricane had killed 6,076 people in Honduras, officials in the storm zone said.";
    const b = (where: string) =>
      `Officials in the storm zone said the hurricane had killed more than 10,000 people${where} as of Thursday.`;
    expect(differ([a, b("")])).toEqual([]);
    // Control: both count the same place.
    expect(differ([a, b(" in Honduras")]).length).toBe(1);
  });

  it("gives no side to a value that fits both ('at least 60' beside 60 and 65)", () => {
    const hall = (toll: string) =>
      `Fire swept through the Marlow dance hall on Saturday night, killing ${toll} people, police said.`;
    const found = differ([hall("65"), hall("60"), hall("at least 60")]);
    expect(found.length).toBe(1);
    const sources = found[0]!.claims.flatMap((c) => c.sources);
    expect(sources.sort()).toEqual(["r0", "r1"]);
    // Control: an exact third value does take a side.
    const three = differ([hall("65"), hall("60"), hall("70")]);
    expect(three[0]!.claims.flatMap((c) => c.sources).sort()).toEqual(["r0", "r1", "r2"]);
  });
});

describe("counted words that begin like a month", () => {
  it("compares counts of mayors, marines and markets ('may…', 'mar…' are not months)", () => {
    for (const noun of ["mayors", "marines", "markets"]) {
      const a = `Officials in Dunmore said on Monday that 40 ${noun} had signed the regional flood pledge this week.`;
      const b = (n: string) =>
        `Officials in Dunmore said on Monday that ${n} ${noun} had signed the regional flood pledge this week, a record.`;
      const found = differ([a, b("48")]);
      expect(found.length, noun).toBe(1);
      expect(differ([a, b("40")]), noun).toEqual([]);
    }
  });
});

describe("time counted to the day of the report", () => {
  it("does not compare 'N days since' an event in reports of different days", () => {
    const a = "It has been 598 days since the hiker vanished in the Ten Mile Range near Frisco.";
    const b = "It has been 293 days since the hiker vanished in the Ten Mile Range near Frisco.";
    expect(differ([a, b])).toEqual([]);
    // Control: the same sentences with a count of searchers are compared.
    const c = (n: number) =>
      `Today ${n} searchers combed the Ten Mile Range near Frisco for the missing hiker.`;
    expect(differ([c(598), c(293).replace("293", "590")]).length).toBe(1);
  });
});

describe("measures of one thing", () => {
  it("compares magnitudes of one earthquake however the clause goes on ('quake' is 'earthquake')", () => {
    const a = (m: string) =>
      `The geological survey said the ${m} magnitude quake struck at 5:31 a.m. near Okinawa.`;
    const b =
      "A tsunami advisory issued shortly after a 7.0-magnitude earthquake struck Okinawa early Saturday has been lifted.";
    const found = differ([a("7.3"), b]);
    expect(found.length).toBe(1);
    expect(found[0]!.claims.flatMap((c) => c.values).sort()).toEqual(["7.0", "7.3"]);
    expect(found[0]!.about).toMatch(/^Magnitude of the (earth)?quake$/);
    // Control: the same magnitude is no disagreement; an aftershock's is another thing.
    expect(differ([a("7.0"), b])).toEqual([]);
    expect(differ([a("7.3").replace("quake", "aftershock"), b])).toEqual([]);
  });

  it("compares one scene's temperature when both reports name the measure ('temperature … 117 degrees')", () => {
    const a = "Temperatures in the valley that afternoon had reached 117 degrees, a local station reported.";
    const b = (n: string) =>
      `The temperature in the neighbourhood had reached ${n} degrees that day, according to the weather service.`;
    const found = differ([a, b("115")]);
    expect(found.length).toBe(1);
    expect(found[0]!.claims.flatMap((c) => c.values).sort()).toEqual(["115", "117"]);
    expect(found[0]!.about).toBe("Temperature");
    expect(differ([a, b("117")])).toEqual([]);
    // Control: without the measure named in both, degrees alone say too little.
    const c =
      "The carrier had worked in the valley for 12 years and had reached 117 degrees of fame, a friend said.";
    expect(differ([c, b("115")])).toEqual([]);
  });
});

describe("a day after the counted phrase", () => {
  it("ends the phrase at a day written without 'on' ('releasing 70 political prisoners tuesday')", () => {
    const a =
      "The junta started releasing nearly 70 political prisoners tuesday, days after a promise abroad.";
    const b = (n: string) =>
      `The junta is releasing ${n} political prisoners from various detention centres today, a committee member said.`;
    const found = differ([a, b("73")]);
    expect(found.length).toBe(1);
    expect(found[0]!.claims.flatMap((c) => c.values).sort()).toEqual(["73", "nearly 70"]);
    // Control: a figure the other can be ("nearly 70" / 68) is no disagreement.
    expect(differ([a, b("68")])).toEqual([]);
  });
});
