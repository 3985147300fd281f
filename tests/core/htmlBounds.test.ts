/**
 * Hostile HTML bounds its own work: a page (or an .html file) of deeply nested elements is read in
 * bounded time and keeps its text. Readability's cost grows with the cube of the nesting depth (1,000
 * nested <div>s, 22 KB, took ~8 s; 2,000 took ~58 s; 20,000 overflowed the stack), so one such page in
 * a feed could hold a poller for minutes.
 */
import { describe, expect, it } from "vitest";
import { extractPage } from "../../sources/page.ts";
import { cleanHtmlArticle } from "../../src/corpus/html.ts";

const PARA =
  "<p>The county council voted on Tuesday to approve the new budget for schools and roads across the region.</p>";

function nested(depth: number, tag = "div"): string {
  return `<html><head><title>Budget approved</title></head><body>${`<${tag}>`.repeat(depth)}${PARA.repeat(12)}${`</${tag}>`.repeat(depth)}</body></html>`;
}

describe("deeply nested HTML", () => {
  it.each([1_000, 3_000])("%i nested elements are read quickly and keep their text", (depth) => {
    const started = performance.now();
    const page = extractPage(nested(depth));
    const ms = performance.now() - started;
    expect(ms).toBeLessThan(1_500);
    expect(page.paragraphs.join(" ")).toContain("approve the new budget for schools");
  });

  it("nested blocks (<blockquote>, <li>) and a corpus .html file alike", () => {
    for (const tag of ["blockquote", "li", "span"]) {
      const started = performance.now();
      const cleaned = cleanHtmlArticle(nested(2_000, tag));
      expect(performance.now() - started).toBeLessThan(1_500);
      expect(cleaned.paragraphs.join(" ")).toContain("approve the new budget for schools");
    }
  });
});
