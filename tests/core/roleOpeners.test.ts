/**
 * Points opening on a reference they don't explain, read wider: a set counted or added to ("Another
 * officer …", "The two had …", "A further 200 jobs …"), a connective ("In addition, …", "In doing so,
 * …"), someone by what they are or something that happened by its kind, whatever follows the head
 * ("The boy, who …", "The group beat …", "The incident began …"). Such a point gives its place to a
 * sentence of the story telling the same fact that explains itself, else is given the sentence before
 * it, else (a connective) loses the connective, else is left out of a briefing unless it is needed to
 * fill it. Made-up text.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { unexplainedAgent, unexplainedOpener, withContext } from "../../src/engine/points.ts";

const BRIEF = { context: "agents", descriptions: "agents" } as const;

describe("unexplainedOpener: sets and connectives", () => {
  it("reads a set counted or added to, and a connective, as back references", () => {
    expect(unexplainedOpener("Another officer and a ferry worker remain in the Oslow hospital.", 3)).toBe(
      "reference",
    );
    expect(unexplainedOpener("A further 200 jobs at the Oslow mill are to go.", 3)).toBe("reference");
    expect(unexplainedOpener("Four other statues will stay on the Oslow campus.", 3)).toBe("reference");
    expect(unexplainedOpener("The two had differed over the Kestrel budget for years.", 3)).toBe("reference");
    expect(unexplainedOpener("The two, who met in Oslow, were married for 40 years.", 3)).toBe("reference");
    expect(unexplainedOpener("In addition, the Oslow council will close two schools.", 3)).toBe("reference");
    expect(unexplainedOpener("Also on Tuesday, the Oslow council closed the bridge.", 3)).toBe("reference");
  });
  it("leaves alone a count that is no set and an addition that names what it adds to", () => {
    expect(unexplainedOpener("The two-day summit in Oslow ends on Friday.", 3)).toBeNull();
    // A capitalised count is a name's: "The Six Nations", "The Two Towers".
    expect(unexplainedOpener("The Six Cities cup may be a prize in itself.", 3)).toBeNull();
    expect(unexplainedOpener("The Two Towers of Oslow reopen on Friday.", 3)).toBeNull();
    expect(unexplainedOpener("In addition to the ferry, the Oslow bridge was closed.", 3)).toBeNull();
  });
});

describe("unexplainedOpener: read as shown", () => {
  it("reads the sentence after a page's label or a dateline, as a reader sees it", () => {
    expect(
      unexplainedOpener("( jo smith ) this painting — by Oslow artist jo smith — is her first in years.", 1),
    ).toBe("reference");
    expect(unexplainedOpener("OSLOW (AP) — He said the ferry would run again on Monday.", 0)).toBe("pronoun");
  });
});

describe("unexplainedAgent: someone by what they are, whatever follows", () => {
  it("reads a role before an aside, a relative clause, a possessive or any verb", () => {
    expect(unexplainedAgent("The firm, which is now the biggest investor in Kestrel, did well.", 2)).toBe(
      true,
    );
    expect(unexplainedAgent("The boy, who is visiting from Oslow, was bitten on the calf.", 2)).toBe(true);
    expect(unexplainedAgent("The group beat Travis into second place.", 2)).toBe(true);
    expect(unexplainedAgent("The rookie officer asked if he could come closer.", 2)).toBe(true);
    expect(unexplainedAgent("The girl's father was charged with drunken driving.", 2)).toBe(true);
    expect(unexplainedAgent("The incident began when a Kestrel ferry hit the Oslow pier.", 2)).toBe(true);
    expect(unexplainedOpener("The group beat Travis into second place.", 2)).toBe("description");
  });
  it("reads a newspaper, a report and news by their kind as nameless", () => {
    expect(unexplainedAgent("The paper, which appears on Sundays, is accused of hacking phones.", 2)).toBe(
      true,
    );
    expect(unexplainedAgent("The report reveals that 400 burials were found at Oslow.", 2)).toBe(true);
    expect(unexplainedAgent("The news of their involvement helps unlock the Kestrel mystery.", 2)).toBe(true);
    // Named ("The Kestrel report"), it is told.
    expect(unexplainedAgent("The Kestrel report reveals that 400 burials were found.", 2)).toBe(false);
  });
  it("leaves alone one a name tells, a named event, an organisation's possession, a lead", () => {
    expect(unexplainedAgent("The company, Kestrel Foods, said profits rose.", 2)).toBe(false);
    expect(unexplainedAgent("The Netscape deal would realign three businesses.", 2)).toBe(false);
    expect(unexplainedAgent("The agency's analysis will turn on the Oslow trust.", 2)).toBe(false);
    expect(unexplainedAgent("The boy, who is visiting from Oslow, was bitten on the calf.", 0)).toBe(false);
  });
});

const ARTS = articlesFromRecords([
  {
    id: "a",
    text: "Shark bite at Oslow\n\nA 10-year-old boy was bitten by a shark off Oslow beach on Wednesday. The boy, who is visiting from Kestrel, was in chest-deep water when he was bitten on the calf. Lifeguards closed Oslow beach for the afternoon.",
  },
  {
    id: "b",
    text: "Oslow budget row\n\nThe Oslow mayor Ida Brenn sacked her deputy, Per Lind, on Monday after months of open argument at the town hall about the ferry and the Kestrel mill. The two had differed over the Kestrel budget and the ferry timetable for years.",
  },
  {
    id: "c",
    text: "Oslow council\n\nBrenn and Lind had differed over the Kestrel budget and the ferry timetable for years, aides said. The council meets again in May.",
  },
  {
    id: "e",
    text: "Kestrel appeal\n\nIda Brenn runs the Oslow port. But she sacked the Kestrel firm's chief on Monday. The firm said it would appeal against the ruling.",
  },
  {
    id: "d",
    text: "Oslow currency\n\nOn Sept. 1, Oslow stopped trading in its currency, the krone, and imposed sweeping controls on the flow of capital in its stock and currency markets, in particular on money from abroad and from the Kestrel banks. In doing so, the Oslow prime minister, Ida Brenn, in effect shut the door on the global economy that the summit leaders are coming to champion.",
  },
  {
    id: "f",
    text: "Oslow burials\n\nOslow archaeologists published their survey of the Kestrel hospital burial ground on Monday. The report reveals that the remains of over 400 burials were uncovered beneath the old college.",
  },
  {
    id: "g",
    text: "Oslow rugby\n\nThe Six Cities cup may be a glittering prize in itself but every player from the four home clubs will also have one eye on the tour. The player who staked the biggest claim for a place in the side over the weekend was Per Lind.",
  },
]);

describe("withContext for sets, connectives and roles", () => {
  const engine = createExtractiveEngine(ARTS);
  const cand = (a: number, text: string) => {
    const s = engine.index.sentences(a).find((x) => x.text.startsWith(text))!;
    return { text: s.text, stems: s.stems, articles: [a], score: 1, position: s.position };
  };
  it("gives someone by what they are the sentence before that told of them", () => {
    const boy = cand(0, "The boy, who");
    const [given] = withContext(engine.index, [boy], BRIEF);
    expect(given!.text).toBe(
      `A 10-year-old boy was bitten by a shark off Oslow beach on Wednesday. ${boy.text}`,
    );
  });
  it("gives a report the sentence before that told of it", () => {
    const report = cand(5, "The report reveals");
    const [given] = withContext(engine.index, [report], BRIEF);
    expect(given!.text).toBe(
      `Oslow archaeologists published their survey of the Kestrel hospital burial ground on Monday. ${report.text}`,
    );
  });
  it("gives one after a capitalised count (a name) the sentence before", () => {
    const player = cand(6, "The player who");
    const [given] = withContext(engine.index, [player], BRIEF);
    expect(given!.text).toMatch(/^The Six Cities cup may be a glittering prize .* The player who/);
  });
  it("gives a set its place to a sentence telling the same fact that names it", () => {
    const two = cand(1, "The two had");
    const [given] = withContext(engine.index, [two], { ...BRIEF, twins: [0, 1, 2, 3, 4] });
    expect(given!.text).toMatch(/^Brenn and Lind had differed/);
    expect(given!.articles[0]).toBe(2);
  });
  it("leaves out a connective when the sentence before is too long to give", () => {
    const so = cand(4, "In doing so");
    const [given] = withContext(engine.index, [so], BRIEF);
    expect(given!.text).toMatch(/^The Oslow prime minister, Ida Brenn, in effect shut the door/);
  });
  it("gives no context that leans on the sentence before it in turn", () => {
    const lead = cand(3, "Ida Brenn runs");
    const firm = cand(3, "The firm said");
    expect(withContext(engine.index, [lead, firm], BRIEF).map((c) => c.text)).toEqual([lead.text, firm.text]);
  });
});
