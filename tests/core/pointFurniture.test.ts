/**
 * Briefing and digest points, headlines and titles made from a first sentence show the sentence, not
 * what the page put before it: a dateline with its agency credit ("Riverton, wyo. ( ap ) — …"), a
 * page's navigation, an audio player's prompt, a "story continued below" marker, a photographer's
 * credit in brackets. A photo's caption heads no briefing while a point can. Composed news-like records.
 */
import { describe, expect, it } from "vitest";
import { titleFromText } from "../../src/corpus/clean.ts";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { headlineFrom } from "../../src/engine/headlines.ts";
import { withoutPointDateline } from "../../src/engine/phrasing.ts";
import { withoutLeadingFurniture, withoutLeadingLabels } from "../../src/text/furniture.ts";

const COUNCIL = [
  {
    id: "council-a",
    text:
      "Riverton, wyo. ( ap ) — the riverton city council voted monday to close the old river bridge after inspectors found cracks in its main span. " +
      "The bridge carried about 4,000 cars a day, the council said. " +
      "Drivers will use the highway bridge north of town until a new bridge opens.",
  },
  {
    id: "council-b",
    text:
      "Listen to article 3: 12 the old river bridge in riverton will stay closed for at least two years, the city council said. " +
      "Story continued below inspectors found cracks in the main span of the bridge last month. " +
      "( jane roe/the riverton ranger ) a new bridge will cost the city about $ 12 million, the mayor said.",
  },
];

describe("what a page puts before a point's sentence", () => {
  it("drops navigation, an audio prompt, a 'continued' marker and a bracketed credit where shown, not in the index", () => {
    expect(
      withoutLeadingFurniture(
        "| | news | | page 1 of 1 updated: a photo of the bridge was removed from the city's website on monday.",
      ),
    ).toBe("A photo of the bridge was removed from the city's website on monday.");
    expect(
      withoutLeadingFurniture("Listen to article 3: 12 the old river bridge will stay closed for two years."),
    ).toBe("The old river bridge will stay closed for two years.");
    expect(
      withoutLeadingFurniture("Story continued below inspectors found cracks in the main span last month."),
    ).toBe("Inspectors found cracks in the main span last month.");
    expect(
      withoutLeadingFurniture("( jane roe/the riverton ranger ) a new bridge will cost about $ 12 million."),
    ).toBe("A new bridge will cost about $ 12 million.");
    // A sentence's text is its key in label files: the index keeps these as they were.
    const listen = "Listen to article 3: 12 the old river bridge will stay closed for two years.";
    expect(withoutLeadingLabels(listen)).toBe(listen);
    expect(titleFromText(`${listen} More later.`)).toBe(
      "The old river bridge will stay closed for two years",
    );
  });

  it("drops a point's dateline, never a clause before a dash", () => {
    expect(
      withoutPointDateline("Riverton, wyo. ( ap ) — the council voted monday to close the bridge."),
    ).toBe("The council voted monday to close the bridge.");
    expect(withoutPointDateline("Washington — the senate voted on tuesday to fund the bridge repairs.")).toBe(
      "The senate voted on tuesday to fund the bridge repairs.",
    );
    for (const s of [
      "He said, yes - it was the worst storm the town had seen in years.",
      "Acme - formed after two bridge builders merged - is bidding for the new bridge.",
      "The mayor ( a former engineer ) — who inspected it herself — closed the bridge.",
    ])
      expect(withoutPointDateline(s)).toBe(s);
  });

  it("a photo's caption heads nothing while a point can", () => {
    expect(
      headlineFrom([
        "File - in this 2019 file photo, cars cross the old river bridge in riverton.",
        "The city council voted to close the old river bridge on monday.",
      ]),
    ).toBe("The city council voted to close the old river bridge on monday");
  });

  it("briefings and digests show points and headlines without them, still cited", async () => {
    const engine = createExtractiveEngine(articlesFromRecords(COUNCIL));
    const b = await engine.brief("riverton bridge");
    expect(b.found).toBe(true);
    const texts = [b.headline, ...b.points.map((p) => p.text)];
    const d = await engine.digest();
    texts.push(...d.stories.flatMap((s) => [s.title, ...s.points.map((p) => p.text)]));
    for (const t of texts) {
      expect(t).not.toMatch(/\( ap \)|riverton, wyo\.|listen to article|story continued|jane roe/i);
    }
    // The articles are written in lower case: their names are shown capitalised (src/engine/display.ts).
    expect(b.points.map((p) => p.text)).toContain(
      "The Riverton city council voted Monday to close the old river bridge after inspectors found cracks in its main span.",
    );
    const shown = b.points.find((p) => p.text.startsWith("The Riverton city council"));
    expect(shown?.sources).toEqual(["council-a"]);
  });
});
