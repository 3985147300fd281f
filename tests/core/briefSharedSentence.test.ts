/**
 * A briefing never shows one sentence twice: a point given the sentence before it as context, where
 * that sentence is itself another point's (with its own context), repeats it word for word
 * (src/engine/brief.ts sharesSentence, part of the repeats a briefing leaves out). Made-up report.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { sharesSentence } from "../../src/engine/brief.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";

const TEXT = [
  "Kestrel Aero boss to leave",
  "",
  "The French co-head of the aircraft maker Kestrel Aero, Pierre Vantor, is to leave his post.",
  'Finance minister Odile Marchet is on record as saying that she "deplored" the infighting at the company.',
  "The company should now be able to put this dispute behind it, with the departure of Mr Vantor and with the clear support given to Mr Delorme by the Lagrange group, the main French shareholder of Kestrel Aero.",
  "The other main shareholders of Kestrel Aero are the French state (15%), who also support Mr Delorme, and the Plover group (30%).",
  "Mr Vantor said in a statement that he would return to the Lagrange group full-time.",
  "The German co-head of Kestrel Aero will also step down when his contract expires next year.",
].join("\n");

describe("a sentence shown twice in a briefing", () => {
  it("is not: a point whose context is another point's sentence gives way", async () => {
    const engine = createExtractiveEngine(articlesFromRecords([{ id: "k1", text: TEXT }]));
    const b = await engine.brief("Kestrel Aero boss");
    const shown = b.points.map((p) => p.text).join(" ");
    const company = "The company should now be able to put this dispute behind it";
    expect(shown.split(company).length - 1).toBeLessThanOrEqual(1);
  });

  it("is a shared sentence of six words or more, not a short line", () => {
    const s = "The company should now be able to put this dispute behind it.";
    expect(
      sharesSentence({ text: `The minister deplored the infighting. ${s}` }, { text: `${s} Others agree.` }),
    ).toBe(true);
    expect(
      sharesSentence(
        { text: "He said no. The talks went on." },
        { text: "He said no. Then he left the room." },
      ),
    ).toBe(false);
  });
});
