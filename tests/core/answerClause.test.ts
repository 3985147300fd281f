/**
 * A long answer sentence whose answer sits in one clause: the answer is that clause, a sentence of its
 * own (capitalised, stopped, no dangling "and"), cited as the sentence is; the sentence stays a point.
 * Short sentences, answers over two clauses, quotes and lists are left whole. Made-up text.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { answerClause } from "../../src/engine/phrasing.ts";
import { answerToDocument } from "../../src/present/fromCore.ts";

const LONG =
  "The flood reached the old mill in the valley town of Brenmoor on Tuesday night, officials said, " +
  "and the river authority has warned farmers along the lower banks that the water could keep rising " +
  "for several more days while repair crews work on the damaged levee.";

describe("answerClause", () => {
  it("cuts a long sentence to the clause holding the answer, with its attribution", () => {
    expect(answerClause(LONG, "brenmoor")).toBe(
      "The flood reached the old mill in the valley town of Brenmoor on Tuesday night, officials said.",
    );
    expect(answerClause(LONG, "river authority")).toBe(
      "The river authority has warned farmers along the lower banks that the water could keep rising for several more days while repair crews work on the damaged levee.",
    );
  });
  it("drops a phrase hung on the clause, not the attribution", () => {
    const s =
      "Eleven miners were rescued from the collapsed shaft near Tarrow after two days underground, " +
      "leaving rescuers exhausted but relieved as families gathered at the gates of the mine in the cold and the driving rain to see them come home.";
    expect(answerClause(s, "eleven")).toBe(
      "Eleven miners were rescued from the collapsed shaft near Tarrow after two days underground.",
    );
    // The tail holds the attribution: left whole.
    const t =
      "Eleven miners were rescued from the collapsed shaft near Tarrow after two days underground, " +
      "leaving rescuers exhausted but relieved as families gathered at the gates, the mine's owner said on Sunday.";
    expect(answerClause(t, "eleven")).toBeNull();
  });
  it("leaves short sentences, answers over two clauses, quotes and lists whole", () => {
    expect(
      answerClause("The flood reached Brenmoor on Tuesday, and the river kept rising.", "brenmoor"),
    ).toBeNull();
    // The answer runs over the boundary.
    expect(answerClause(LONG, "tuesday night officials said and the river")).toBeNull();
    // The boundary is inside a quote.
    const q =
      "The mayor of Brenmoor told reporters on the steps of the town hall that evening: “The water came " +
      "over the wall at midnight, and the pumps failed within an hour because nobody had tested them since the spring.”";
    expect(answerClause(q, "midnight")).toBeNull();
    // ", and a …" ends a list: no verb after it.
    const list =
      "The festival line-up announced on Monday features pieces by three local choirs, new songs written " +
      "for the town's anniversary, readings from two poets, and a closing anthem by the composer Ida Marsh.";
    expect(answerClause(list, "ida marsh")).toBeNull();
  });
});

describe("answers", () => {
  const engine = createExtractiveEngine(
    articlesFromRecords([
      {
        id: "flood",
        text:
          `${LONG} ` +
          "Sandbags were handed out at the school. " +
          "The levee was built in 1962 and last repaired a decade ago.",
      },
    ]),
  );
  it("answers with the clause, cited, and keeps the sentence as the first point", async () => {
    const a = await engine.ask("Which town did the flood reach?");
    expect(a.found).toBe(true);
    expect(a.answer).toBe(
      "The flood reached the old mill in the valley town of Brenmoor on Tuesday night, officials said.",
    );
    expect(a.points[0]!.text).toBe(LONG);
    const doc = answerToDocument(a);
    const para = doc.blocks[0]!;
    expect(para.kind === "paragraph" && para.content.some((x) => x.kind === "cite")).toBe(true);
  });
  it("keeps a short answer sentence whole", async () => {
    const a = await engine.ask("When was the levee built?");
    expect(a.answer).toBe("The levee was built in 1962 and last repaired a decade ago.");
  });
});
