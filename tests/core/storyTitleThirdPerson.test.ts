/**
 * A digest story's title is a report, not a speaker's or the page's voice: when the title the story
 * would take speaks in the first or second person ("I", "we", "you" outside a quotation), a cited
 * sentence of the story in the third person heads it instead, when one reads well; else the title
 * without the clause in which the speaker appears ("… the pilots I spoke with …", "… when we spoke"),
 * when what is left reports; else the title stays.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { storyTitle } from "../../src/engine/storyTitles.ts";

const VOICE = "I have sailed the north pier ferry for twenty years and I never saw our harbour this empty.";
const REPORT =
  "The harbour board closed the north pier ferry route on Monday after a storm damaged its ramp.";

function titleOf(text: string, point: string): string {
  const engine = createExtractiveEngine(articlesFromRecords([{ id: "a", title: "Xx", text }]));
  return storyTitle(engine.index, { title: "Xx", members: [0], candidates: [] }, [
    { text: point, sources: ["a"] },
  ]);
}

describe("a digest story's title in a person's voice", () => {
  it("gives way to a third-person sentence of the cited article that tells the story", () => {
    const text = `${VOICE} Ferry crews said the weather had been rough all week. ${REPORT}`;
    expect(titleOf(text, VOICE)).toBe(
      "The harbour board closed the north pier ferry route on Monday after a storm damaged its ramp",
    );
  });

  it("stays when no sentence of the story reads well in the third person", () => {
    const text = `${VOICE} We will keep sailing as long as you keep buying tickets.`;
    expect(titleOf(text, VOICE)).toBe(VOICE.replace(/\.$/, ""));
  });

  it("drops the clause in which the speaker appears when no other sentence heads", () => {
    const relative = "Not all the harbour pilots I spoke with were pleased with the new north pier.";
    expect(titleOf(relative, relative)).toBe(
      "Not all the harbour pilots were pleased with the new north pier",
    );
    const tail = "Harbour master Jo Reyes was in a cheerful mood about the new pier when we spoke.";
    expect(titleOf(tail, tail)).toBe("Harbour master Jo Reyes was in a cheerful mood about the new pier");
  });
});
