/**
 * A "who" answer whose best sentence names the person by surname only ("Marlow, who …") names them in
 * full first, as other reports do ("Dana Marlow — Marlow, who …"); not when two people share the
 * surname. Composed news-like records.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";

const night = {
  id: "night",
  text:
    "The theatre awards were handed out on Sunday night in New York. " +
    "Marlow, who rose to fame on a detective series, won the best actress award for her role in a courtroom drama. " +
    "The best musical prize went to a show about a travelling circus.",
};
const preview = {
  id: "preview",
  text:
    "Critics expected a close race for the acting prizes this year. " +
    "Dana Marlow and Erin Vale were nominated for best actress for their courtroom and stage roles. " +
    "The ceremony is broadcast live on Sunday.",
};

describe("a person named in full", () => {
  it("names the surname's person in full before the sentence", async () => {
    const engine = createExtractiveEngine(articlesFromRecords([night, preview]));
    const a = await engine.ask("Who won the best actress award?");
    expect(a.found).toBe(true);
    expect(a.answer).toBe(`Dana Marlow — ${a.points[0]!.text}`);
    expect(a.points[0]!.text).toMatch(/^Marlow, who rose to fame/);
  });

  it("leaves the sentence as it is when two full names share the surname", async () => {
    const cousin = {
      id: "cousin",
      text:
        "Lee Marlow, her cousin, produced the courtroom drama that earned the best actress nomination. " +
        "The drama opened last spring to strong reviews.",
    };
    const engine = createExtractiveEngine(articlesFromRecords([night, preview, cousin]));
    const a = await engine.ask("Who won the best actress award?");
    expect(a.answer).toMatch(/^Marlow, who rose to fame/);
  });
});
