/**
 * Hostile input: the work one input causes is bounded. Made-up texts shaped to make a backtracking regex
 * or a per-sentence pass super-linear (a long breadcrumb with no stop, hundreds of kilobytes without
 * punctuation, runs of brackets and quotes, photo credits repeated, thousands of "<@"). The assertions
 * are on structure and output (sentence count, the longest sentence, what is kept); the only time limit
 * is each test's generous timeout, which the code before these fixes exceeded by far (minutes to hours).
 */
import { describe, expect, it } from "vitest";
import { escapeMarkdown } from "../../adapters/discord/render.ts";
import { escapeText } from "../../adapters/slack/escape.ts";
import { questionText } from "../../adapters/slack/threadQuestions.ts";
import { cleanArticleText, stripMarkdown } from "../../src/corpus/clean.ts";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { splitSentences } from "../../src/corpus/sentences.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";

/** The cap on one sentence (MAX_SENTENCE_CHARS in src/corpus/sentences.ts). */
const CAP = 2_000;
/** Far above what the bounded code needs on a loaded 2-core machine; far below what the old code took. */
const SAFETY = 15_000;

const fill = (unit: string, chars: number): string =>
  unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);

describe("cleaning a hostile line", () => {
  it(
    "a long breadcrumb-like line without a stop is read once (the breadcrumb regex was exponential)",
    () => {
      const line = `${"a > ".repeat(30)}a!`;
      const out = cleanArticleText(`Storm hits the coast\n\nWinds rose on Monday.\n\n${line}`);
      expect(out.paragraphs).toContain(line);
      // A real breadcrumb is still furniture.
      const crumb = cleanArticleText("Storm hits the coast\n\nHome › News › World\n\nWinds rose on Monday.");
      expect(crumb.paragraphs.join(" ")).not.toContain("Home");
    },
    SAFETY,
  );

  it(
    "400 KB of '(Photo: A ' with no closing bracket, and of 'Photo by A ' ending in a stop",
    () => {
      const a = fill("(Photo: A ", 400_000);
      const b = `${fill("Photo by A ", 400_000)}!`;
      for (const line of [a, b]) {
        const out = cleanArticleText(`Storm hits the coast\n\nWinds rose on Monday.\n\n${line}`);
        expect(out.paragraphs.some((p) => p.length > 100_000)).toBe(true);
      }
      // Captions and credits are still dropped.
      const captions = cleanArticleText(
        "Storm hits the coast\n\nWinds rose on Monday across the whole coast. (Photo: AP)\n\nThe port was shut by the storm on Monday, photo by Jane Doe\n\nThousands lost power for hours in the storm.",
      );
      expect(captions.paragraphs).toEqual(["Thousands lost power for hours in the storm."]);
    },
    SAFETY,
  );

  it(
    "a markdown heading with a long run of spaces before a stray character (degree 4 before)",
    () => {
      const md = stripMarkdown(`# Storm${" ".repeat(6_000)}\u0001x\n## Power cut ##\nWinds rose.`);
      expect(md.title).toBe(`Storm${" ".repeat(6_000)}\u0001x`);
      expect(md.text.split("\n").slice(1)).toEqual(["Power cut", "Winds rose."]);
    },
    SAFETY,
  );
});

describe("sentences are capped", () => {
  it(
    "200 KB without punctuation is cut at spaces into sentences of at most 2,000 characters",
    () => {
      const text = fill("the council voted on the budget plan again ", 200_000).trim();
      const s = splitSentences(text);
      expect(Math.max(...s.map((x) => x.length))).toBeLessThanOrEqual(CAP);
      expect(s.length).toBeGreaterThanOrEqual(100);
      expect(s.length).toBeLessThanOrEqual(110);
      // Nothing lost, no word cut.
      expect(s.join(" ")).toBe(text);
      expect(s.every((x) => /^the\b/.test(x) || /^\w+ /.test(x))).toBe(true);
    },
    SAFETY,
  );

  it(
    "an unclosed bracket before thousands of sentences does not join them all into one",
    () => {
      const text = `${"(".repeat(3_000)} ${"Storm hits. Wind rises) ".repeat(8_000)}`;
      const s = splitSentences(text);
      expect(Math.max(...s.map((x) => x.length))).toBeLessThanOrEqual(CAP);
      expect(s.length).toBeGreaterThan(100);
      // Ordinary text is split as before.
      expect(splitSentences("Storm hits the coast. Thousands lost power (about 5%). It rained.")).toEqual([
        "Storm hits the coast.",
        "Thousands lost power (about 5%).",
        "It rained.",
      ]);
    },
    SAFETY,
  );

  it(
    "a word longer than the cap is cut at the cap",
    () => {
      const s = splitSentences(`Storm. ${"x".repeat(5_000)} rises.`);
      expect(s[0]).toBe("Storm.");
      expect(s.slice(1).map((x) => x.length)).toEqual([CAP, CAP, 1_007]);
    },
    SAFETY,
  );
});

describe("briefing over a hostile corpus", () => {
  it(
    "hostile articles beside ordinary ones: the briefing still cites the ordinary reports",
    async () => {
      const hostile = [
        `${fill("Photo by A ", 300_000)}!`,
        fill("the council voted on the budget plan again ", 300_000),
        fill('“a b" (( ', 300_000),
        `${"(".repeat(3_000)} ${fill("Council budget hits. Wind rises) ", 300_000)}`,
      ];
      const records = [
        {
          id: "n1",
          title: "Council budget vote",
          text: "The council voted on the budget on Monday. The plan cuts spending by 5%. Critics said the budget vote was rushed.",
        },
        {
          id: "n2",
          title: "Council approves repairs",
          text: "The council approved the repair budget on Tuesday. The mayor defended the budget plan.",
        },
        ...hostile.map((text, i) => ({ id: `h${i}`, title: "Council budget", text })),
      ];
      const articles = articlesFromRecords(records);
      for (const a of articles)
        for (const p of a.paragraphs)
          for (const s of splitSentences(p)) expect(s.length).toBeLessThanOrEqual(CAP);
      const brief = await createExtractiveEngine(articles, {}).brief("council budget");
      const cited = JSON.stringify(brief);
      expect(cited).toMatch(/n1|n2/);
    },
    SAFETY * 2,
  );
});

describe("adapters escaping hostile user text", () => {
  const mentions = "<@".repeat(200_000);

  it(
    "Slack: 200,000 '<@' without a '>' in a thread question",
    () => {
      expect(questionText(`${mentions} what happened?`, "U123")).toBe(mentions.slice(0, 1_000).trim());
      // Real mention markup is still removed.
      expect(questionText("<@U123> what did <@U999|ann> say about <#C1|news>?", "U123")).toBe(
        "what did say about ?",
      );
    },
    SAFETY,
  );

  it(
    "Slack: escaping 200,000 '<@' keeps every character as text",
    () => {
      const out = escapeText(mentions);
      expect(out).not.toMatch(/<[@#!]/);
      expect(out.length).toBeGreaterThanOrEqual(mentions.length);
    },
    SAFETY,
  );

  it(
    "Discord: 400,000 blank lines before a numbered line, and 200,000 '<@'",
    () => {
      const out = escapeMarkdown(`${"\n".repeat(400_000)}1. Storm`);
      expect(out).toBe(`${"\n".repeat(400_000)}1\\. Storm`);
      expect(escapeMarkdown("  2. Wind\n+ rain")).toBe("  2\\. Wind\n\\+ rain");
      const m = escapeMarkdown(mentions);
      expect(m).not.toMatch(/(?<!\\)<@/);
    },
    SAFETY,
  );
});
