/**
 * "Where sources differ" by what a figure is about (issue 13): an age given beside a surname alone is the
 * age of the one full name of that surname in its article, and two reports disagree on it only when both
 * resolve to the same person. Made-up reports, each rule with a control.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { findDisagreements } from "../../src/engine/disagreements.ts";
import { CorpusIndex } from "../../src/search/index.ts";
import { differ } from "../support/disagreements.ts";

const values = (found: ReturnType<typeof differ>) =>
  found.flatMap((d) => d.claims.flatMap((c) => c.values)).sort();

describe("ages resolved to the person they are about", () => {
  const first =
    "Police said Marek Tolvaine was shot outside a petrol station in Haldby on Sunday night. Tolvaine, 32, and his wife were driving home when a car pulled up beside them.";
  const second = (age: string, who = "Tolvaine") =>
    `A gunman opened fire on a couple in Haldby on Sunday. "He was a coward with a gun," the ${age}-year-old ${who} said on Monday as he stood beside the car. Marek Tolvaine was not hurt.`;

  it("reads an age beside a surname as the age of the article's full name of it", () => {
    expect(values(differ([first, second("33")]))).toEqual(["32", "33"]);
    // Control: the same age is no disagreement.
    expect(differ([first, second("32")])).toEqual([]);
  });

  it("keeps apart ages of different people of the same surname or none", () => {
    // The second report names two people of that surname: the age is not resolved.
    const family = `${second("33")} His brother Anton Tolvaine drove him home.`;
    expect(differ([first, family])).toEqual([]);
    // A surname no full name in the article fits is not resolved either.
    const unnamed =
      "A gunman opened fire on a couple in Haldby on Sunday. The 33-year-old Tolvaine said on Monday that he was not hurt.";
    expect(differ([first, unnamed])).toEqual([]);
  });

  it("reads an age given as 'aged 45' beside a full name", () => {
    const a = (age: string) =>
      `Jana Orlik, aged ${age}, was charged with fraud by prosecutors in Vessen on Tuesday.`;
    const b = "Prosecutors in Vessen charged Jana Orlik, 46, with fraud on Tuesday.";
    expect(values(differ([a("45"), b]))).toEqual(["45", "46"]);
    expect(differ([a("46"), b])).toEqual([]);
  });
});

describe("ages at different times", () => {
  function differDated(texts: [string, string][]) {
    const articles = articlesFromRecords(
      texts.map(([text, date], i) => ({ id: `r${i}`, title: `Report ${i}`, text, date })),
    );
    const index = new CorpusIndex(articles);
    const sentences = index.articles.flatMap((_, a) => index.sentences(a));
    return findDisagreements(
      sentences,
      (a) => index.articles[a]!.id,
      5,
      (a) => index.articles[a]!.date ?? null,
    );
  }
  const early = "The other defendant, Tomas Velder, 21, sat quietly as jury selection began in Arnby.";
  const late = "Tomas Velder, 22, is serving two life sentences after pleading guilty in Arnby.";
  it("does not compare a person's age in reports months apart (a birthday between them)", () => {
    expect(
      differDated([
        [early, "1999-03-24"],
        [late, "1999-10-30"],
      ]),
    ).toEqual([]);
    // Control: the same week, the same clash is a disagreement.
    expect(
      differDated([
        [early, "1999-03-24"],
        [late, "1999-03-26"],
      ]).length,
    ).toBe(1);
  });
});

describe("who an age in apposition or a bare 'the N-year-old' is about", () => {
  it("reads 'Surname, a 31-year-old carpenter' as the full name written before it", () => {
    const a = (age: string) =>
      `Agents hunted Dorian Kessel in the hills near Marlow on Monday. Investigators believe they missed Kessel, a ${age}-year-old carpenter, by hours.`;
    const b = "Dorian Kessel, 31, is charged with bombing a clinic in Marlow.";
    expect(values(differ([a("32"), b]))).toEqual(["31", "32"]);
    expect(differ([a("31"), b])).toEqual([]);
  });

  it("does not resolve a surname two full names before it share (a family)", () => {
    const a =
      "Nils Harrow filed for divorce in Tessby on Monday. His wife Greta Harrow, 48, declined to comment. Harrow, 56, was separated from his wife in May.";
    const b = "Greta Harrow, 48, asked the court in Tessby to question her husband's aide.";
    expect(differ([a, b])).toEqual([]);
    // Control: with one full name before it, the surname is that person (another named after it is not).
    const c =
      "Greta Harrow filed for divorce in Tessby on Monday. Harrow, 46, asked the court to question her husband's aide. Her sister Ilse Harrow was not in court.";
    expect(values(differ([c, b]))).toEqual(["46", "48"]);
  });

  it("reads 'the 21-year-old' with no noun as the person named just before", () => {
    const a = (age: string) =>
      `Police in Corvena named the man as Tavin Orlosk. The ${age}-year-old hanged himself at a deserted hotel on Monday.`;
    const b = "Officers found the body of 20-year-old Tavin Orlosk in an abandoned hotel in Corvena.";
    expect(values(differ([a("21"), b]))).toEqual(["20", "21"]);
    expect(differ([a("20"), b])).toEqual([]);
    // Control: with a noun after it ("the 21-year-old suspect") it may be someone else.
    const suspect =
      "Police in Corvena named the victim as Tavin Orlosk. The 21-year-old suspect was arrested at a hotel on Monday.";
    expect(differ([suspect, b])).toEqual([]);
  });
});

describe("tolls the figures were not read in", () => {
  it("reads a toll with an apposition about who was killed", () => {
    const a = (n: string) =>
      `Mourners in Veshta buried the ${n} people, most of them children, killed in the school massacre by gunmen.`;
    const b =
      "Gunmen killed 141 people in the school massacre in Veshta, most of them children, officials said.";
    expect(values(differ([a("142"), b]))).toEqual(["141", "142"]);
    expect(differ([a("141"), b])).toEqual([]);
  });

  it("reads a toll written in words, and a count of things in words only in near-identical statements", () => {
    const a = (n: string) =>
      `${n} people were killed in the bus crash near Tarnow on the Kessel highway on Sunday.`;
    const b = "Nine people were killed in the bus crash near Tarnow on the Kessel highway on Sunday.";
    expect(values(differ([a("Seven"), b])).sort()).toEqual(["nine", "seven"]);
    expect(differ([a("Nine"), b])).toEqual([]);
    // A count of things in words: compared when the two statements are near the same words …
    const c = (n: string) => `The plant near Tarnow shipped ${n} turbines to the Kessel wind farm on Sunday.`;
    expect(values(differ([c("seven"), c("nine")]))).toEqual(["nine", "seven"]);
    expect(differ([c("seven"), c("seven")])).toEqual([]);
    // … and not when they share only part of them (a part, another count: "two gold medals" beside
    // "three medals, including two golds").
    const d =
      "Workers at the Tarnow plant said nine turbines had left for wind farms across the region this year.";
    expect(differ([c("seven"), d])).toEqual([]);
  });

  it("does not take the toll of the latest raids for the running toll", () => {
    const a =
      "Air strikes on Veshta overnight killed 3 people, raising the death toll to 21 in a week of violence in the Veshta strip.";
    const b =
      "Officials said 7 people were killed in Veshta overnight in a week of violence in the Veshta strip.";
    expect(differ([a, b])).toEqual([]);
    // Control: without the running toll, the two are tolls of the same night.
    const c = "Air strikes on Veshta overnight killed 3 people in a week of violence in the Veshta strip.";
    expect(differ([c, b]).length).toBe(1);
  });

  it("keeps apart tolls of places named by their kind ('in the X neighborhood')", () => {
    const a = (place: string) =>
      `a shooting in the ${place} neighborhood sunday morning wounded 5 people, police in the city said.`;
    const b =
      "a shooting in the gresham neighborhood sunday morning wounded 8 people, police in the city said.";
    expect(differ([a("lawndale"), b])).toEqual([]);
    expect(differ([a("gresham"), b]).length).toBe(1);
  });
});

describe("the age of the one person an article gives an age for", () => {
  const named = (age: string) =>
    `Boat builder Tavis Morrow, ${age}, sailed his bottle boat across the bay at Orlen on Sunday.`;
  const unnamed = (age: string, extra = "") =>
    `A ${age}-year-old man has sailed a boat made of bottles across the bay at Orlen. Crowds cheered on Sunday.${extra}`;

  it("reads an unnamed person's age as that of the person another report names, a year apart", () => {
    expect(values(differ([unnamed("36"), named("37")]))).toEqual(["36", "37"]);
    // Two unnamed ones too ("the 19-year-old suspect" / "the 18-year-old suspect").
    const other = "The 37-year-old sailed a boat made of bottles across the bay at Orlen on Sunday.";
    expect(values(differ([unnamed("36"), other]))).toEqual(["36", "37"]);
    // Control: the same age is no disagreement.
    expect(differ([unnamed("37"), named("37")])).toEqual([]);
  });

  it("heads an unnamed person's age by the role the reports give ('Age of the suspect')", () => {
    const a = "Police in Corvena arrested the 19-year-old suspect at his parents' home on Thursday.";
    const b = "The 18-year-old suspect was arrested in Corvena after a months-long investigation.";
    const found = differ([a, b]);
    expect(values(found)).toEqual(["18", "19"]);
    expect(found[0]!.about).toBe("Age of the suspect");
    // Without a role noun after the age, the heading says whose it is in general.
    const c = "Police in Corvena said the 19-year-old was arrested at his parents' home on Thursday.";
    const d = "The 18-year-old was arrested in Corvena after a months-long investigation.";
    expect(differ([c, d])[0]?.about).toBe("Age of the person the reports are about");
  });

  it("keeps apart ages of a story that gives two people's ages, or ages further apart", () => {
    // The article gives a second age (his father's): no age in it is the story's one person's.
    expect(differ([unnamed("36", " His 61-year-old father watched."), named("37")])).toEqual([]);
    // Three years apart: different people more likely than a slip.
    expect(differ([unnamed("34"), named("37")])).toEqual([]);
  });

  it("keeps apart the one age of each of two stories in one briefing (no word in common beside it)", () => {
    const a = "A 34-year-old man was arrested after a burglary at a Leeds jeweller overnight.";
    const b = "The 35-year-old striker signed a two-year contract with Everton on Friday.";
    expect(differ([a, b])).toEqual([]);
    // Control: the same two ages in reports that share the story's words.
    const c = "The 35-year-old man was charged over the burglary at the Leeds jeweller on Friday.";
    expect(values(differ([a, c]))).toEqual(["34", "35"]);
  });

  it("does not read a child's age alone as another report's child's", () => {
    const a = "The title is held by a 10-year-old, who swam the bay at Orlen on Sunday.";
    const b = "The 9-year-old Orlen boy swam across the bay on Sunday.";
    expect(differ([a, b])).toEqual([]);
    // Control: the same reports about grown-ups.
    const c = "The title is held by a 30-year-old, who swam the bay at Orlen on Sunday.";
    const d = "The 29-year-old Orlen man swam across the bay on Sunday.";
    expect(values(differ([c, d]))).toEqual(["29", "30"]);
  });

  it("does not read an unnamed suspect's age as the age of the victim the report names", () => {
    const a = (who: string) =>
      `Police in Corvena named the ${who} as Tavin Orlosk. The 21-year-old suspect was arrested at a hotel on Monday.`;
    const b = "Officers found the body of 20-year-old Tavin Orlosk in an abandoned hotel in Corvena.";
    expect(differ([a("victim"), b])).toEqual([]);
    // Control: a report that does not name him.
    const c = "Police in Corvena arrested the 21-year-old suspect at a hotel on Monday.";
    const d = "Police named 20-year-old Tavin Orlosk as the suspect arrested at a hotel in Corvena.";
    expect(values(differ([c, d]))).toEqual(["20", "21"]);
  });
});

describe("a surname shared by a family", () => {
  it("reads it as the one full name the sentence right before gives, not a relative's", () => {
    const a = (age: string) =>
      `Rafik Ostrander, brother of Najim Ostrander, spoke in Bressel on Thursday. Bomber Najim Ostrander was a quiet boy, his brother said. Ostrander, a ${age}-year-old engineer, died in the blast.`;
    const b = "Prosecutors in Bressel said 24-year-old Najim Ostrander carried the bomb.";
    expect(values(differ([a("25"), b]))).toEqual(["24", "25"]);
    expect(differ([a("24"), b])).toEqual([]);
    // Control: the sentence right before names a relative ("his wife Greta Harrow").
    const c =
      "Nils Ostrander filed for divorce in Bressel on Monday. His wife Greta Ostrander declined to comment. Ostrander, a 25-year-old engineer, left in May.";
    const d = "Prosecutors in Bressel said 24-year-old Greta Ostrander filed papers.";
    expect(differ([c, d])).toEqual([]);
  });
});

describe("a bare 'the N-year-old' and the relatives named before it", () => {
  it("does not read it as a relative's age ('said richard johnson, ryder's father')", () => {
    const a = (kin: string) =>
      `Searchers went back to the hills near Eldby on Sunday. "He loved the view," said Anton Velmar${kin}. Police are still looking for the 52-year-old.`;
    const b = "Anton Velmar, 51, has offered a reward for news of his son in Eldby.";
    expect(differ([a(", Kiril's father"), b])).toEqual([]);
    // Control: without the relation, "the 52-year-old" is the one named before it.
    expect(values(differ([a(""), b]))).toEqual(["51", "52"]);
  });

  it("reads one report's unnamed person as the other's named one when it names them beside the age", () => {
    const named =
      "Scrawny 37-year-old tech worker Trent Quelbrook was thrust into the spotlight after regulators ordered him to close his clinic.";
    const unnamed = (who: string) =>
      `A 36-year-old man has brought new meaning to fatherhood after revealing he has fathered 14 children. ${who} of Fremont first made headlines last year.`;
    expect(values(differ([named, unnamed("Trent Quelbrook")]))).toEqual(["36", "37"]);
    // Control: the other report names someone else beside its age.
    expect(differ([named, unnamed("Marco Vellani")])).toEqual([]);
    // Control: it names only his first name, which another may share.
    expect(differ([named, unnamed("Trent")])).toEqual([]);
  });

  it("reads the one infant's age in months of two reports as one infant's when both name someone the same beside it", () => {
    const a = (n: string) =>
      `Deputies arrested two men on Tuesday over the killing of Billy Orne, 36, and his girlfriend Billie Jean Hathwell, 23, who left the couple's ${n}-month-old child alive in his mother's arms.`;
    const b = (n: string, where: string) => `Their ${n}-month-old baby was found unharmed in ${where}.`;
    const found = differ([a("6"), b("8", "Hathwell's arms")]);
    expect(values(found)).toEqual(["6 months", "8 months"]);
    // Control: the other report names nobody the same.
    expect(differ([a("6"), b("8", "a neighbour's flat")])).toEqual([]);
    // Control: ages far apart are two babies.
    expect(differ([a("3"), b("8", "Hathwell's arms")])).toEqual([]);
  });
});

describe("the age of the one thing whose age each report gives", () => {
  const first =
    "A collector in Denholm paid $900 for a 30-year-old jar of Farlow relish at an online auction.";
  const second = (age: string, what = "relish jar") =>
    `An online bidder spent $900 on a ${age}-year-old Farlow ${what} that had sat in a Denholm cellar.`;

  it("compares two reports' ages of a thing their phrases share a noun of", () => {
    expect(values(differ([first, second("31")]))).toEqual(["30", "31"]);
    // Control: the same age is no disagreement.
    expect(differ([first, second("30")])).toEqual([]);
  });

  it("keeps apart things of different nouns, several ages, and a thing from a person", () => {
    expect(differ([first, second("31", "bicycle")])).toEqual([]);
    // A noun that only qualifies the other's thing ("a relish label" / "a jar of relish") is not its head.
    expect(differ([first, second("31", "relish label")])).toEqual([]);
    // A report giving two ages gives no one thing's age.
    expect(differ([first, `${second("31")} The 45-year-old seller was delighted.`])).toEqual([]);
    // A person's age is not a thing's.
    expect(differ([first, second("31", "collector")])).toEqual([]);
  });
});
