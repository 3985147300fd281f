/**
 * A briefing's headline is a report, not a speaker's or the page's voice: a headline that speaks as "I",
 * "we" or "you" outside a quotation gives way to a cited sentence of the briefing in the third person
 * (src/engine/thirdPerson.ts inThirdPerson), as a digest story's title does; one that only speaks to
 * the reader, only to a sentence that tells the main point as much; never to one that bids the reader
 * (opening on its verb). Made-up articles.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { speaksInPerson } from "../../src/engine/phrasing.ts";
import { inThirdPerson } from "../../src/engine/thirdPerson.ts";

const FILLERS = ["Mar", "Net", "Oak", "Pel", "Quar", "Red", "Salt", "Thorn"].flatMap((t, i) => [
  {
    id: `f${i}a`,
    title: `${t}by council approves new library`,
    text: `The council in ${t}by approved plans for a new library and a sports centre. Residents had campaigned for years for better public facilities.`,
  },
  {
    id: `f${i}b`,
    title: `${t}ford United win derby`,
    text: `${t}ford United beat their local rivals in a tense league match on Saturday. The manager praised his players and said the team could still win the title.`,
  },
]);

const STORY = [
  {
    id: "ferry1",
    title: "What the Gullhaven ferry pier closure means for you",
    text: "The Gullhaven harbour board closed the north pier ferry route on Monday after a storm damaged its ramp. Repairs to the ferry ramp are expected to take six weeks, the board said.",
  },
  {
    id: "ferry2",
    title: "Storm shuts harbour ramp",
    text: "A winter storm tore loose the loading ramp of the Gullhaven ferry pier on Sunday night. Ferry pilots in Gullhaven were told to moor at the south harbour while the pier is closed.",
  },
];

describe("a briefing headline in the second person", () => {
  it("gives way to a cited sentence in the third person that tells the main point", async () => {
    const engine = createExtractiveEngine(articlesFromRecords([...FILLERS, ...STORY]));
    const b = await engine.brief("Gullhaven ferry pier");
    expect(b.headline).not.toBe("");
    expect(speaksInPerson(b.headline)).toBe(false);
    expect(b.headline).toMatch(/Gullhaven|ferry|pier/);
  });
});

const HARBOUR =
  "The harbour board closed the north pier ferry route on Monday after a storm damaged its ramp.";

function headingOf(
  heading: string,
  text: string,
  point: string,
  readerVoiceStays = false,
  headsPoorly: (h: string) => boolean = () => false,
): string {
  const engine = createExtractiveEngine(articlesFromRecords([{ id: "a", title: "Xx", text }]));
  const points = [{ text: point, sources: ["a"] }];
  return inThirdPerson(heading, engine.index, points, headsPoorly, readerVoiceStays);
}

describe("a heading in a person's voice (inThirdPerson)", () => {
  it("in the first person gives way to the points' third-person sentence", () => {
    const h = "Not all the ferry pilots I spoke with were pleased";
    expect(headingOf(h, `${h}. ${HARBOUR}`, HARBOUR, true)).toBe(HARBOUR.replace(/\.$/, ""));
  });

  it("never gives way to a sentence that bids the reader", () => {
    const bid = "Tell the harbour board what the north pier ferry route means to the islanders.";
    const h = "Our ferry pilots were not pleased";
    expect(headingOf(h, `${h}. ${bid}`, bid)).toBe(h);
  });

  it("speaking only to the reader, stays when no sentence that heads tells the main point as much", () => {
    const h = "The north pier ferry route closure will cost your crossing an hour";
    const point = "The north pier ferry route closure adds an hour to each crossing.";
    const aside = "Ferry crews said gulls nested on the north pier ticket office roof last spring.";
    // (The main point itself heads poorly here, as a long or cut one would.)
    const poor = (x: string) => x.includes("adds");
    expect(headingOf(h, `${point} ${aside}`, point, true, poor)).toBe(h);
    expect(headingOf(h, `${point} ${aside}`, point, false, poor)).toBe(aside.replace(/\.$/, ""));
  });
});
