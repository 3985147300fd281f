/**
 * Counts of one event that two reports give differently (issue 13): what a count of people says happened
 * to them ("quarantined", "left 29 bodies", "who died", "four of them seriously"), and the one toll of a
 * kind each report of a story gives. Made-up reports; each rule has a control so the check can fail.
 */
import { describe, expect, it } from "vitest";
import { quantityMentions } from "../../src/engine/disagreements/figures.ts";
import type { Sentence } from "../../src/search/index.ts";
import { differ as conflicts } from "../support/disagreements.ts";

function sentence(text: string): Sentence {
  return { text, stems: new Set(), position: 0, total: 1, article: 0 };
}

/** The figures of a sentence as "value:key words". */
function figures(text: string): string[] {
  return quantityMentions(sentence(text), "r0").map((m) => `${m.value}:${[...m.key].sort().join(",")}`);
}

describe("counts of what happened to people", () => {
  it("reads people quarantined, before or after the figure", () => {
    expect(
      figures("Since the case was confirmed, 99 people have been quarantined in four places."),
    ).toContain("99:quarantin");
    expect(figures("Officials have quarantined about 80 people who met the patient.")).toContain(
      "about 80:quarantin",
    );
    // Control: people who are merely counted say nothing of what happened to them.
    expect(figures("Officials have counted about 80 people at the gate.").join(" ")).not.toMatch(/quarantin/);
  });

  it("reads what was done to people from the verb before them, as after them", () => {
    expect(figures("Police arrested 12 people after the march.")).toEqual(["12:arrest"]);
    expect(figures("Soldiers evacuated 2,000 residents from the valley.")).toEqual([
      expect.stringMatching(/^2,000:evacu/),
    ]);
    const found = conflicts([
      "Police arrested 12 people after the protest outside the ministry in Varda on Friday.",
      "Fourteen people were arrested after the protest outside the ministry in Varda on Friday, police said.",
    ]);
    expect(found.map((c) => c.claims.map((x) => (x.values ?? []).join()).sort())).toEqual([
      ["12", "fourteen"],
    ]);
    // Control: a verb that says nothing happened to them leaves people uncounted.
    expect(figures("Police questioned 12 people after the march.")).toEqual([]);
  });

  it("reads the deaths of people as a toll", () => {
    expect(figures("Mourners gathered after the deaths of 16 people in the fire.")).toEqual(["16:kill"]);
    expect(figures("The vigil marked the killing of 12 miners at the pit.")).toEqual([
      expect.stringMatching(/^12:kill,miner/),
    ]);
    const found = conflicts([
      "Mourners in Pellow gathered after the deaths of 16 people in the warehouse fire.",
      "The warehouse fire in Pellow killed 19 people, officials said.",
    ]);
    expect(found.map((c) => c.claims.map((x) => (x.values ?? []).join()).sort())).toEqual([["16", "19"]]);
    // Control: a count after another noun's "of" is no toll.
    expect(figures("Mourners gathered after the visit of 16 people to the site.")).toEqual([]);
  });

  it("reads people on board as people aboard", () => {
    expect(figures("The plane had 54 people on board when it crashed.")).toEqual(["54:aboard,peopl"]);
    expect(figures("The plane crashed with 49 people aboard.")).toEqual(["49:aboard,peopl"]);
    const found = conflicts([
      "The airliner that crashed near Tarvo on its way to the coast was carrying 54 people on board.",
      "The airliner that crashed near Tarvo was carrying 49 people aboard, the airline said.",
    ]);
    expect(found.map((c) => c.claims.map((x) => (x.values ?? []).join()).sort())).toEqual([["49", "54"]]);
    // Control: people on another thing than a vessel are not counted.
    expect(figures("The council has 54 people on its staff.")).toEqual([]);
  });

  it("reads the bodies a fight left as its dead, and people who died as a toll", () => {
    expect(figures("A gunbattle between rival gangs left 29 bodies across the road.")).toEqual(["29:kill"]);
    expect(figures("The lawsuit was filed for the families of 850 people who died in the attacks.")).toEqual([
      expect.stringMatching(/^850:di/),
    ]);
    // Control: bodies found are not said to be an event's dead.
    expect(figures("Divers found 29 bodies in the river.").join(" ")).not.toMatch(/kill/);
  });

  it("reads people who have done something where they are counted", () => {
    expect(figures("Only 273 people in the world have passed the wine exam.")).toEqual(["273:pass,peopl"]);
    // Control: a place counted is not what the people have done.
    expect(figures("Only 273 people in the world live on the island.").join(" ")).not.toMatch(/pass/);
  });

  it("stops a toll at its people in a copy that lost its full stops", () => {
    expect(
      figures("The attacks on the parliament killed 12 people iran has been a target for years"),
    ).toContain("12:kill");
  });

  it("reads how many of the injured are badly hurt, not any part of a count", () => {
    expect(
      figures("Police said 44 people have been injured, four of them seriously, in the crash."),
    ).toContain("four:injur,serious");
    expect(
      figures("At least 40 people were injured, including five critically, the railway said."),
    ).toContain("five:critic,injur");
    // Control: a part of the injured that says nothing of how badly is not a count of its own.
    expect(figures("Police said 44 people have been injured, four of them children, in the crash.")).toEqual([
      "44:injur",
    ]);
  });
});

describe("the one toll of a kind each report of a story gives", () => {
  const opening =
    "A nurse has died of Varn fever in the Lumora region, health officials said. The nurse had worked at the district hospital in Tessel for six years. The fever spreads through close contact with the sick.";
  const first = (n: string) => `${opening} ${n} people have been quarantined in Lumora since Monday.`;
  const second = (n: string) =>
    `${opening} Officials in Lumora have quarantined ${n} people who came into contact with the nurse.`;

  it("compares the sole tolls of two reports of one story, even in sentences with few words in common", () => {
    const found = conflicts([first("99"), second("about 80")]);
    expect(found.length).toBe(1);
    expect(found[0]!.claims.map((c) => (c.values ?? []).join())).toEqual(
      expect.arrayContaining(["99", "about 80"]),
    );
  });

  it("does not when the reports tell different stories", () => {
    const other =
      "Storms closed the harbour at Quillon for a third day. Fishing boats stayed in port while the sea wall was repaired. Ferries to the islands were cancelled and schools shut early. A cargo ship with a sick crew was turned away. Officials in Lumora have quarantined about 80 people who met the crew.";
    expect(conflicts([first("99"), other])).toEqual([]);
  });

  it("does not when the tolls are far apart, dated, or one report gives two of them", () => {
    expect(conflicts([first("99"), second("about 20")])).toEqual([]);
    expect(
      conflicts([first("99"), `${opening} Officials in Lumora quarantined about 80 people in 2019.`]),
    ).toEqual([]);
    expect(
      conflicts([first("99"), `${second("about 80")} By Friday officials had quarantined 140 people.`]),
    ).toEqual([]);
  });
});

describe("the sole tolls of two reports given beside tolls of the same other kinds", () => {
  const opening =
    "A quarrel between two families at a village fair in the Orvane valley turned into a gunfight on Saturday night. Guests fled as shots were fired across the square. The regional governor ordered an inquiry.";
  const first = (killed: string, wounded: string) =>
    `${opening} "${killed} people were killed and ${wounded} others were wounded," a police spokesman told reporters.`;
  const second = `${opening} The shooting at the fair has left 21 people dead and eight wounded, an official said on Sunday.`;

  it("compares them, though the sentences share no word beside the tolls", () => {
    const found = conflicts([first("17", "12"), second]);
    const values = found.map((c) => c.claims.map((x) => (x.values ?? []).join()).sort());
    expect(values).toContainEqual(["17", "21"]);
    expect(values).toContainEqual(["12", "eight"]);
  });

  it("does not when only one of them gives another kind of toll", () => {
    const alone = `${opening} The shooting at the fair has left 21 people dead, an official said on Sunday.`;
    const found = conflicts([
      `${opening} "17 people were killed," a police spokesman told reporters.`,
      alone,
    ]);
    expect(found).toEqual([]);
  });
});

describe("what a sentence says is expected, and the ends of a range", () => {
  const attack =
    "Gunmen attacked the parliament and the mausoleum in the capital on Wednesday, killing 17 people.";

  it("reads 'target', 'plan', 'aim' as a noun as no forecast", () => {
    const found = conflicts([
      attack,
      "Wednesday's attacks on the parliament and the mausoleum killed 12 people, and the country has long been on the group's target list.",
    ]);
    expect(found.length).toBe(1);
    expect(found[0]!.claims.map((c) => (c.values ?? []).join()).sort()).toEqual(["12", "17"]);
  });

  it("still keeps what a sentence says is planned apart from what happened", () => {
    expect(
      conflicts([
        attack,
        "Wednesday's attacks on the parliament and the mausoleum killed 12 people, and the group plans to strike again.",
      ]),
    ).toEqual([]);
  });

  it("reads neither end of a range as a value", () => {
    expect(figures("Last month the firm set a target range between $12 and $14 a share.")).toEqual([]);
    expect(figures("The firm priced its shares at $15 a share, above its range of $12 to $14.")).toEqual([
      "$15:dollar",
    ]);
    // Control: a price alone is a value.
    expect(figures("Last month the firm set a price of $12 a share.")).toEqual(["$12:dollar"]);
  });
});

describe("the verb after a counted plural", () => {
  it("is not part of what is counted", () => {
    expect(figures("The ministry and 20 states suing the company say the practice is illegal.")).toEqual([
      "20:state",
    ]);
    expect(figures("The ministry and 19 states sued the company in May.")).toEqual(["19:state"]);
  });

  it("leaves what happened to people, and words before the noun, in the count", () => {
    // Controls: a toll's word and an adjective ending like a verb belong to what is counted.
    expect(figures("Police said 22 persons injured in the blast were taken to hospital.")).toEqual([
      "22:injur,person",
    ]);
    expect(figures("Officials said 15 ethnic armed groups have made peace.")).toEqual([
      "15:ethnic,group,weapon",
    ]);
  });
});

describe("what a percentage is of", () => {
  it("is not read across a comma from another figure's phrase", () => {
    const found = figures(
      "He left his wife 25 percent of his personal effects, 40 percent of his remaining estate and a car.",
    );
    expect(found.filter((f) => f.startsWith("40 percent")).join(" ")).not.toMatch(/effect/);
    // Control: the words just before a percentage, in its own clause, say what it is of.
    expect(figures("Shipments of personal computers rose 40 percent last year.")[0]).toMatch(/comput/);
  });
});

describe("a share with the same thing said of it", () => {
  const first =
    "Doctors at the new clinic in Varno warned on Monday, after a decade of surveys, interviews, home visits and several large studies of diet, sleep, smoking and exercise in schools, farms and offices across the northern provinces, that 40 percent of adults are overweight and 22 percent are obese.";
  const second = (said: string) =>
    `The ministry figures released in the capital show that half of adults are overweight and nearly 18 percent are ${said}.`;

  it("compares two reports' shares of what is said of them, in sentences with few words in common", () => {
    const found = conflicts([first, second("obese")]);
    expect(found.length).toBe(1);
    expect(found[0]!.claims.map((c) => (c.values ?? []).join()).sort()).toEqual([
      "22 percent",
      "nearly 18 percent",
    ]);
  });

  it("does not compare shares of different things said", () => {
    expect(conflicts([first, second("smokers")])).toEqual([]);
  });
});

describe("a span of time and a range", () => {
  it("reads a span of time as the span of the verb before it, and a range as a range", () => {
    expect(figures("He died after waiting 30 minutes for a doctor.")).toEqual(["30:minut,wait"]);
    expect(figures("He died after waiting 20 to 25 minutes for a doctor.")).toEqual(["20 to 25:minut,wait"]);
    // Controls: a span after no verb says nothing of what lasted it; a change is not a range.
    expect(figures("The talks ended after 30 minutes.")).toEqual([]);
    expect(figures("Prices fell from 2,500 to 1,800 dollars.")).toEqual([]);
  });

  const first =
    "A veteran who collapsed in the hospital cafeteria died after waiting 30 minutes for an ambulance, officials said.";
  const second = (range: string) =>
    `A veteran who collapsed in a cafeteria at the hospital died after waiting ${range} minutes to reach the emergency room.`;

  it("compares a span with a range it is outside", () => {
    const found = conflicts([first, second("20 to 25")]);
    expect(found.length).toBe(1);
    expect(found[0]!.claims.map((c) => (c.values ?? []).join()).sort()).toEqual(["20 to 25", "30"]);
  });

  it("does not when the span is within the range", () => {
    expect(conflicts([first, second("25 to 35")])).toEqual([]);
  });
});

describe("the one figure of a counted phrase each report of a story gives", () => {
  const opening =
    "Armed men raided the hill village of Dorran before dawn, local officials said. The raiders burned the market and the school before fleeing across the border. Families in the valley have begun searching for their relatives.";
  const first = (n: string) =>
    `${opening} The governor called it the worst raid in a decade, in which 12 people were killed and ${n} taken hostage.`;
  const second = (n: string) =>
    `${opening} Residents described a night raid that saw ${n} taken hostage, according to the regional police.`;

  it("compares them, even in sentences with few words in common", () => {
    const found = conflicts([first("240"), second("251")]);
    expect(found.length).toBe(1);
    expect(found[0]!.claims.map((c) => (c.values ?? []).join()).sort()).toEqual(["240", "251"]);
  });

  it("does not when the reports tell different stories, the figures are far apart, or a report gives two", () => {
    const other =
      "A ferry capsized in a storm off the coast of Pellis on Sunday, the coast guard said. Divers searched the wreck through the night. The ferry's owner said the boat had passed its last inspection. Residents described a night raid that saw 251 taken hostage, according to the regional police.";
    expect(conflicts([first("240"), other])).toEqual([]);
    expect(conflicts([first("240"), second("400")])).toEqual([]);
    expect(conflicts([first("240"), `${second("251")} A later police count had 180 taken hostage.`])).toEqual(
      [],
    );
  });

  it("does not for a distance, which locates one of the story's places", () => {
    expect(
      conflicts([
        `${opening} The governor's office is about 55 miles east of the capital.`,
        `${opening} Troops gathered in Lassen, 80 miles east of the capital, by noon.`,
      ]),
    ).toEqual([]);
  });
});
