import { describe, expect, it } from "vitest";
import type { Answer, Digest } from "../../src/model.ts";
import { answerToDocument, digestToDocument } from "../../src/present/fromCore.ts";

const source = (id: string) => ({ id, title: id, publisher: null, date: null, location: `${id}.txt` });

describe("answerToDocument", () => {
  it("cites the lead sentence in the paragraph instead of repeating it as a point", () => {
    const a: Answer = {
      question: "How many?",
      found: true,
      answer: "About 10,000 work there.",
      points: [
        { text: "About 10,000 work there.", sources: ["a", "b"] },
        { text: "Others say tens of thousands.", sources: ["b"] },
      ],
      sources: [source("a"), source("b")],
      engine: "extractive",
    };
    const doc = answerToDocument(a);
    expect(doc.blocks[0]).toEqual({
      kind: "paragraph",
      content: [
        { kind: "text", text: "About 10,000 work there." },
        { kind: "cite", source: 1 },
        { kind: "cite", source: 2 },
      ],
    });
    const list = doc.blocks.find((b) => b.kind === "list");
    expect(list).toEqual({
      kind: "list",
      items: [
        [
          { kind: "text", text: "Others say tens of thousands." },
          { kind: "cite", source: 2 },
        ],
      ],
    });
  });

  it("a 'don't say' reply shows what comes closest under a title saying so", () => {
    const doc = answerToDocument({
      question: "Which party won the vote?",
      found: false,
      answer: "The articles don't say which party won the vote.",
      points: [{ text: "Prime Minister Arvid Kessel thanked voters.", sources: ["a"] }],
      sources: [source("a")],
      engine: "extractive",
    });
    const section = doc.blocks.find((b) => b.kind === "section");
    expect(section).toMatchObject({ kind: "section", title: "The closest the articles come" });
    expect(section && "blocks" in section ? section.blocks[0]?.kind : null).toBe("list");
    expect(doc.sources.map((x) => x.id)).toEqual(["a"]);
  });

  it("an unsupported answer lists no points and no sources", () => {
    const doc = answerToDocument({
      question: "Capital of Peru?",
      found: false,
      answer: "The articles don't say.",
      points: [],
      sources: [source("a")],
      engine: "extractive",
    });
    expect(doc.sources).toEqual([]);
    expect(doc.blocks.some((b) => b.kind === "list")).toBe(false);
  });
});

describe("digestToDocument", () => {
  const d: Digest = {
    since: null,
    found: true,
    summary: "Two stories.",
    stories: [{ title: "Summit", points: [{ text: "They met.", sources: ["a"] }] }],
    sources: [source("a")],
    engine: "extractive",
    asOf: null,
  };
  it("keeps the subscription's topics as the thread topic; none without topics", () => {
    expect(digestToDocument(d, { topics: ["sanctions", "railway"] }).topic).toBe("sanctions, railway");
    expect(digestToDocument(d, { topics: [] }).topic).toBeNull();
    expect(digestToDocument(d).topic).toBeNull();
  });
});
