/**
 * One word of a title or sentence stands for one concept of a topic: on "February election poll", a
 * title's "poll" is the concept "poll", not "election" too (its near-synonym), so a report of another
 * poll ("Schools hold a mock poll") does not match the topic's two required concepts and anchor its
 * story (src/engine/topicStory.ts conceptsMatched).
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { conceptsMatched } from "../../src/engine/topicStory.ts";
import { CorpusIndex, termStems } from "../../src/search/index.ts";

const index = new CorpusIndex(
  articlesFromRecords([
    {
      id: "a",
      text: "Quarvel election poll\n\nThe Quarvel election poll will be held in February, officials said.",
    },
    {
      id: "b",
      text: "Schools hold a mock poll\n\nPupils at Brastow schools voted in a mock poll on Friday.",
    },
  ]),
);
const concepts = index.concepts("February election poll");
const matched = (title: string) => conceptsMatched(new Set(termStems(title)), concepts);

describe("concepts a title matches", () => {
  it("the topic's concepts have a near-synonym that is another of its concepts", () => {
    const election = concepts.find((c) => c.surface === "election");
    expect(election?.related).toContain(concepts.find((c) => c.surface === "poll")?.stem);
  });

  it("counts one word once: 'mock poll' is one concept of 'February election poll', not two", () => {
    expect(matched("Schools hold a mock poll")).toBe(1);
  });

  it("still counts every concept a title names, and a near-synonym for a concept not named", () => {
    expect(matched("February election poll claim denied")).toBe(3);
    expect(matched("February poll claim denied")).toBe(2);
    expect(matched("February vote and poll dates set")).toBe(3);
  });
});
