/**
 * A sports team's name (a place and a plural: "Denver Otters") asked "which team": of the kind asked
 * by its form, though WordNet knows no club by name, so it fits better than when another kind of
 * organisation is asked; other names fit the same. Sentences written for this test (no seed files,
 * no dataset text).
 */
import { describe, expect, it } from "vitest";
import { analyzeQuestion, answerSpans } from "../../src/engine/questions.ts";
import type { Concept } from "../../src/search/index.ts";
import { termStems } from "../../src/search/index.ts";
import { stemSet } from "../../src/text/similarity.ts";

function termsOf(question: string): Concept[] {
  const out: Concept[] = [];
  for (const w of question.replace(/[?.,]/g, "").split(/\s+/)) {
    const stem = termStems(w)[0];
    if (!stem || out.some((c) => c.stem === stem)) continue;
    out.push({ stem, related: [], idf: 1, surface: w.toLowerCase() });
  }
  return out;
}

function fits(question: string, sentence: string): Map<string, number> {
  const spans = answerSpans(
    analyzeQuestion(question),
    question,
    termsOf(question),
  )({ text: sentence, stems: stemSet(sentence), position: 1, total: 3, article: 0 });
  const out = new Map<string, number>();
  for (const sp of spans) out.set(sp.key, Math.max(out.get(sp.key) ?? 0, sp.fit));
  return out;
}

describe("a team's name asked 'which team'", () => {
  // (Neither "team" nor "charity" is in the sentence: each name is as near the question's words either way.)
  const sentence = "Fans said the Denver Otters and the Marlow Guild shared the hockey trophy parade.";
  const team = fits("Which hockey team lifted the trophy?", sentence);
  const charity = fits("Which hockey charity lifted the trophy?", sentence);
  it("fits better than when another kind of organisation is asked", () => {
    expect(team.get("denver otters")).toBeGreaterThan(charity.get("denver otters")!);
  });
  it("leaves a name of no team's form as it was", () => {
    expect(team.get("marlow guild")).toBe(charity.get("marlow guild"));
  });
});
