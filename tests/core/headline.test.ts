import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";

const records = [
  {
    id: "a",
    title: "Harbour town weighs its future",
    text: "About 300 volunteers joined the harbour clean-up on Saturday. The harbour clean-up drew families from across the county, organisers said. Volunteers removed plastic and old nets from the harbour.",
  },
  {
    id: "b",
    title: "Weekend in brief",
    text: "More than 2,000 volunteers joined the harbour clean-up on Saturday, the council said. The harbour clean-up is held every spring. Organisers hope the harbour clean-up will grow next year.",
  },
];

/**
 * Whether a headline is made from the main point: its words, in order, are the point's (an aside or a
 * trailing phrase may be left out, src/engine/headlines.ts compactHeadline), from the point's first words.
 */
function fromMain(headline: string, main: string): boolean {
  const fold = (t: string) =>
    t
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim()
      .split(" ");
  const h = fold(headline.replace(/…$/, ""));
  const m = fold(main);
  if (h.slice(0, 3).join(" ") !== m.slice(0, 3).join(" ")) return false;
  let at = 0;
  for (const w of h) {
    while (at < m.length && m[at] !== w) at++;
    if (at++ >= m.length) return false;
  }
  return true;
}

describe("briefing headline", () => {
  it("never states one side of a disputed figure as the headline", async () => {
    const engine = createExtractiveEngine(articlesFromRecords(records));
    const b = await engine.brief("harbour clean-up volunteers");
    expect(b.found).toBe(true);
    expect(b.disagreements.length).toBeGreaterThan(0);
    const disputed = b.disagreements.flatMap((d) => d.claims.map((c) => c.text.replace(/[.!]$/, "")));
    for (const claim of disputed) expect(b.headline.replace(/…$/, "")).not.toBe(claim);
    expect(b.headline).not.toMatch(/300|2,000/);
  });
});

describe("a briefing's headline when no title names the topic", () => {
  it("states the main point, not whichever of the top points is shortest", async () => {
    const engine = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "u1",
          title: "Council notes",
          text: "The regional council approved a new flood barrier for the river town after two winters of flooding damaged hundreds of homes. The flood barrier, which will protect 400 homes along the river, will cost the council about 40 million pounds over three years. Work on the flood barrier starts in spring.",
        },
        {
          id: "u2",
          title: "Town meeting",
          text: "Residents welcomed the flood barrier plan at a meeting on Tuesday. The flood barrier was first proposed in 2015. Some residents asked when the flood barrier would be finished.",
        },
      ]),
    );
    const b = await engine.brief("flood barrier");
    expect(b.found).toBe(true);
    const first = b.points[0]!.text;
    expect(first.split(/\s+/).length).toBeGreaterThan(14);
    expect(b.points.slice(1, 3).some((p) => p.text.split(/\s+/).length <= 14)).toBe(true);
    expect(fromMain(b.headline, first)).toBe(true);
  });
});

describe("a digest story's title when no cited title names it", () => {
  it("is the story's main point, not its shortest", async () => {
    const engine = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "s1",
          title: "Council notes",
          text: "The flood barrier, which will protect 400 homes along the river, will cost the council about 40 million pounds over three years. The flood barrier was first proposed in 2015.",
        },
        {
          id: "s2",
          title: "Town meeting",
          text: "Residents welcomed the flood barrier plan at a meeting on Tuesday, and asked the council when the flood barrier would be finished and who would pay for it.",
        },
      ]),
    );
    const d = await engine.digest();
    const story = d.stories.find((s) => s.points.length >= 2);
    expect(story).toBeDefined();
    const [main, ...rest] = story!.points.map((p) => p.text);
    expect(rest.some((t) => t.length < main!.length)).toBe(true);
    expect(fromMain(story!.title, main!)).toBe(true);
  });
});

describe("a briefing's headline among titles that name the topic", () => {
  it("is the title of the article the main point cites, not a higher-ranked one a later point cites", async () => {
    const engine = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "a",
          title: "River ferry fares rise for river ferry users",
          text: "River ferry fares will rise by ten pence for river ferry users from May, the river ferry operator said. The river ferry operator blamed fuel costs. Some river ferry passengers said they would cycle instead.",
        },
        {
          id: "b",
          title: "River ferry back on full timetable",
          text: "The river ferry is back on its full timetable after repairs to the landing stage were finished on Monday. Repairs to the landing stage took six weeks and cost the council 80,000 pounds. Commuters said the river ferry had been missed.",
        },
        {
          id: "c",
          title: "Landing stage reopens",
          text: "Repairs to the landing stage were finished on Monday and the river ferry is back on its full timetable. The landing stage had been closed for six weeks after a barge struck it. The council said the repairs cost 80,000 pounds.",
        },
      ]),
    );
    const b = await engine.brief("river ferry");
    expect(b.points[0]?.sources).toContain("b");
    expect(b.points.some((p) => p.sources.includes("a"))).toBe(true);
    expect(b.headline).toBe("River ferry back on full timetable");
  });
});
