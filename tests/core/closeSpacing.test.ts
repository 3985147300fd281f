/**
 * A tokenised copy's spacing around punctuation closed where a reply shows it (src/text/spacing.ts
 * closeSpacing, applied by src/engine/display.ts); the index and the citation check keep the article's
 * text. Made-up text.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { closeSpacing } from "../../src/text/spacing.ts";

describe("a tokenised copy's spacing closed", () => {
  it("closes the spaces a tokeniser puts before punctuation and inside brackets", () => {
    expect(closeSpacing("The company , which said it 's ( not ) selling , lost $ 5 million .")).toBe(
      "The company, which said it's (not) selling, lost $5 million.",
    );
    expect(
      closeSpacing("Senator Ana Ruiz ( d-Ore. ) said they ca n't wait ; the vote is Friday : why ?"),
    ).toBe("Senator Ana Ruiz (d-Ore.) said they can't wait; the vote is Friday: why?");
    expect(closeSpacing("The co-op 's share rose to 48.5 % [ from 41 % ] , the board said .")).toBe(
      "The co-op's share rose to 48.5% [from 41%], the board said.",
    );
  });

  it("closes spaced apostrophes: contractions, names, plurals' possessives", () => {
    expect(
      closeSpacing("I ' m sure we ' ll win, said coach Liam o ' Hare of the Rangers ' youth team."),
    ).toBe("I'm sure we'll win, said coach Liam o'Hare of the Rangers' youth team.");
    expect(closeSpacing("the parents ' group backed the 'safe streets ' plan")).toBe(
      "the parents' group backed the 'safe streets' plan",
    );
  });

  it("closes a hashtag and a clock time split at its colon", () => {
    expect(closeSpacing("the # harborpier video, posted at 9: 05 a.m., had 2: 14 of footage")).toBe(
      "the #harborpier video, posted at 9:05 a.m., had 2:14 of footage",
    );
  });

  it("leaves typeset text, spaced dashes and ellipses, ratios, quotations that may open, URLs and emoji", () => {
    for (const t of [
      "The company, which said it's (not) selling, lost $5 million.",
      "He paused . . . then went on - slowly - to the end.",
      "The ratio was 3 : 1 and the score 2 . 5 apart.",
      "he says ' hello ' to the crowd",
      "rock ' n ' roll night",
      "the plan they called 'd-day' and the 's' key",
      "See https://example.com/a_(b)?q=1 :( sad 😀 ok",
    ])
      expect(closeSpacing(t)).toBe(t);
  });

  it("shows a tokenised point closed while the article keeps its own text", async () => {
    const text =
      "Harbor pier reopens\n\n" +
      "The harbor pier ( closed since March ) reopened on Monday after repairs that cost $ 4 million , the city said . " +
      "Mayor Ana Ruiz said the harbor pier will stay open through the winter , and that ferries return in May . " +
      "The harbor pier carried 40 % more visitors last year than the year before .";
    const engine = createExtractiveEngine(articlesFromRecords([{ id: "pier", text }]));
    const b = await engine.brief("harbor pier");
    expect(b.found).toBe(true);
    const shown = b.points.map((p) => p.text).join(" ");
    expect(shown).toContain(
      "The harbor pier (closed since March) reopened on Monday after repairs that cost $4 million,",
    );
    expect(shown).not.toMatch(/ [,.](?:\s|$)|\( | \)|\$ \d/);
    expect(
      engine.index
        .sentences(0)
        .map((s) => s.text)
        .join(" "),
    ).toContain("( closed since March )");
  });
});
