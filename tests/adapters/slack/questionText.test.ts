import { describe, expect, it } from "vitest";
import { MAX_QUESTION, questionText } from "../../../adapters/slack/threadQuestions.ts";

describe("slack question text", () => {
  it("drops mention markup and bounds a 100 KB question (it becomes the thread's stored topic)", () => {
    const text = questionText(`<@U1> <!channel> ${"why ".repeat(25_000)}`, "U1");
    expect(text.length).toBeLessThanOrEqual(MAX_QUESTION);
    expect(text.startsWith("why why")).toBe(true);
    expect(text).not.toMatch(/<[@!#]/);
  });
});
