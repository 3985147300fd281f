/**
 * Names that are not of the kind asked, by their head noun (WordNet).
 *
 * "Where …": a name after "in" or "at" answers where only when it can name a place. A name whose head
 * noun WordNet knows only as an event, a message, an act or a state ("in the Harbour Town Debate", "at
 * the Northern Chess Championship") says in what, not where: it is no answer of the kind asked, and a
 * sentence naming a real place leads over it. A head with any sense of a place or a thing ("… Pass",
 * "… Stadium", "… Complex") keeps the locative reading. And a "what" question asking for a kind that
 * is no person, place or organisation ("which type of livestock") is not answered by a name WordNet
 * doesn't know that ends on an organisation's or a place's noun ("… Health Commission"). Articles and questions written for these tests
 * (no seed files, no dataset text).
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { entityByHead } from "../../src/engine/answerKinds.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { eventName } from "../../src/engine/questions.ts";
import { spansOf } from "../support/answerSpans.ts";

function typed(question: string, sentence: string, key: string): boolean | undefined {
  const spans = spansOf(question, sentence).filter((sp) => sp.key === key);
  return spans.length === 0 ? undefined : spans.some((sp) => sp.typed === true);
}

describe("a name of an event after 'in' or 'at' is no place", () => {
  it("tells event names by their head noun, not places, buildings or known places", () => {
    expect(eventName("Harbour Town Debate")).toBe(true);
    expect(eventName("Northern Chess Championship")).toBe(true);
    expect(eventName("County Bird Survey")).toBe(true);
    expect(eventName("Debate of the Year")).toBe(true);
    // A head noun with a sense of place or thing, one word, or a known place: not an event's name.
    expect(eventName("Eagle Pass")).toBe(false);
    expect(eventName("Memorial Stadium")).toBe(false);
    expect(eventName("Sports Complex")).toBe(false);
    expect(eventName("Debate")).toBe(false);
    expect(eventName("New York")).toBe(false);
  });

  it("reads a name of an event after 'in' as no 'where' answer, a town after 'in' as one", () => {
    const q = "Where did the two candidates meet?";
    expect(
      typed(q, "The two candidates met in the Harbour Town Debate on Tuesday.", "harbour town debate"),
    ).toBe(false);
    expect(typed(q, "The two candidates met in Port Ellery on Tuesday.", "port ellery")).toBe(true);
  });

  it("leads with the sentence naming the town over one naming only the debate", async () => {
    const engine = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "debate",
          title: "Candidates clash in first debate",
          date: "2031-03-10",
          text: [
            "Mayor Alda Voss and challenger Piet Ranke will face off tonight in the Harbour Town Debate, the first of the campaign.",
            "Voters say housing is their main worry this year.",
            "The first debate of the campaign is staged by a broadcaster based in Port Ellery, where the two candidates will meet.",
          ].join(" "),
        },
      ]),
    );
    const a = await engine.ask("Where did the candidates face off in the first debate?");
    expect(a.found).toBe(true);
    expect(a.answer).toContain("Port Ellery");
  });
});

describe("an organisation's or a place's name is no answer to a 'what' question asking for another kind", () => {
  it("tells an organisation's or a place's name by the common noun it ends on", () => {
    expect(entityByHead("Harbour Animal Health Commission")).toBe(true);
    expect(entityByHead("Lakeside State University")).toBe(true);
    expect(entityByHead("Brevano County")).toBe(true);
    // Ending on a person's noun, a thing's or a proper noun: not read so; nor a name of one word.
    expect(entityByHead("Burning Man")).toBe(false);
    expect(entityByHead("Harvest Moon")).toBe(false);
    expect(entityByHead("Hurricane Maria")).toBe(false);
    expect(entityByHead("Commission")).toBe(false);
  });

  it("leads with the sentence naming the animal over one naming only the agency", async () => {
    const engine = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "flu",
          title: "Bird flu found on farms",
          date: "2031-04-10",
          text: [
            "The Harbour Animal Health Commission confirmed the bird flu outbreak is the strain known for decades to infect birds.",
            "The outbreak hit livestock on farms near Brevano, with infections in dairy goats.",
            "The farms have been closed to visitors.",
          ].join(" "),
        },
      ]),
    );
    const a = await engine.ask("Which type of livestock is being hit by the bird flu outbreak?");
    expect(a.found).toBe(true);
    expect(a.answer).toContain("goats");
    expect(a.answer).not.toContain("Commission");
  });
});
