/**
 * Hostile HTML bounds its own work: a page (or an .html file, or a feed item's HTML) is held to
 * HTML_LIMITS before a DOM is built (src/corpus/htmlBounds.ts). Readability's cost grows with the cube
 * of the nesting depth and, per element, 40–190 µs; htmlparser2's tree builder is quadratic in the
 * depth. These tests assert outcomes (text kept, work cut, a notice), not timings: bench/bigArticle.ts
 * times the shapes.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { htmlToText } from "../../sources/markup.ts";
import { extractPage } from "../../sources/page.ts";
import { cleanBoundedHtml, cleanHtmlArticle } from "../../src/corpus/html.ts";
import { boundHtml, HTML_LIMITS } from "../../src/corpus/htmlBounds.ts";
import { seedArticles } from "../peers/feeds/articles.ts";
import { articlePage } from "../peers/feeds/render.ts";

type Doc = { querySelectorAll(s: string): Iterable<{ parentElement: unknown; remove(): void }> };
const { parseHTML } = createRequire(import.meta.url)("linkedom") as {
  parseHTML(html: string): { document: Doc & { documentElement: { textContent: string | null } | null } };
};

const PARA =
  "<p>The county council voted on Tuesday to approve the new budget for schools and roads across the region.</p>";

function nested(depth: number, tag = "div"): string {
  return `<html><head><title>Budget approved</title></head><body>${`<${tag}>`.repeat(depth)}${PARA.repeat(12)}${`</${tag}>`.repeat(depth)}</body></html>`;
}

/** The deepest element of the DOM linkedom builds from `html`. */
function domDepth(html: string): number {
  const depth = new Map<unknown, number>();
  let max = 0;
  for (const el of parseHTML(html).document.querySelectorAll("*")) {
    const d = (depth.get(el.parentElement) ?? 0) + 1;
    depth.set(el, d);
    max = Math.max(max, d);
  }
  return max;
}

describe("deeply nested HTML", () => {
  it.each([1_000, 3_000, 50_000])(
    "%i nested elements are flattened before the DOM and keep their text",
    (depth) => {
      const html = nested(depth);
      const bounded = boundHtml(html);
      expect(domDepth(bounded.html)).toBeLessThanOrEqual(HTML_LIMITS.maxDepth + 1);
      expect(bounded.notice).toMatch(/nested deeper than 100/);
      const page = extractPage(html);
      expect(page.paragraphs.join(" ")).toContain("approve the new budget for schools");
      expect(page.notice).toMatch(/flattened/);
    },
  );

  it("nested blocks (<blockquote>, <li>, <span>, unclosed <div>) and a corpus .html file alike", () => {
    for (const html of [
      nested(2_000, "blockquote"),
      nested(2_000, "li"),
      nested(2_000, "span"),
      `<html><body>${"<div>".repeat(20_000)}${PARA}</body></html>`,
    ]) {
      expect(domDepth(boundHtml(html).html)).toBeLessThanOrEqual(HTML_LIMITS.maxDepth + 1);
      expect(cleanHtmlArticle(html).paragraphs.join(" ")).toContain("approve the new budget for schools");
    }
  });

  it("flattened blocks stay paragraphs, and no text of a tag soup is lost (only scripts)", () => {
    const limits = { ...HTML_LIMITS, maxDepth: 4 };
    const html = `<html><body><div><section><div><p>one<b>two</b></p><ul><li>three<li>four</ul><table><tr><td>five</td><td>six &amp; a&lt;b</td></tr></table><svg><path/><title>seven</title></svg><textarea><i>eight</i></textarea><script>var x = "<p>no</p>";</script><!-- nine --></div></section></div></body></html>`;
    const bounded = boundHtml(html, limits);
    expect(domDepth(bounded.html)).toBeLessThanOrEqual(5);
    const words = (h: string) => {
      const { document } = parseHTML(h);
      for (const s of document.querySelectorAll("script")) s.remove();
      return document.documentElement?.textContent?.match(/\w+/g);
    };
    expect(words(bounded.html)).toEqual(words(html));
    expect(bounded.html).toContain("<p>three");
    expect(bounded.html).not.toContain("var x");
  });
});

describe("pages of many nodes, long text, many attributes", () => {
  const article = PARA.repeat(12);
  const fill = (unit: string, bytes: number) => unit.repeat(Math.ceil(bytes / unit.length));

  it.each([
    ["links", fill('<a href="/x">link</a> ', 4_000_000)],
    ["images", fill('<img src="a.jpg" alt="x">', 4_000_000)],
    ["tables", fill("<table><tr><td>a</td><td>b</td></tr></table>", 4_000_000)],
    ["line breaks", fill("text<br>", 4_000_000)],
    ["comments", fill("<!-- c -->", 4_000_000)],
    ["head meta tags", fill('<meta name="x" content="y">', 4_000_000)],
  ])("4 MB of %s: the page is read up to the element/node limit, with a notice", (_name, junk) => {
    const html = `<html><head><title>Budget</title></head><body>${article}${junk}</body></html>`;
    const bounded = boundHtml(html);
    expect(bounded.nodes).toBeLessThanOrEqual(HTML_LIMITS.maxNodes);
    expect(bounded.html.length).toBeLessThan(html.length / 4);
    expect(bounded.notice).toMatch(/only its first .* were read, the rest of the page was left out/);
    const page = extractPage(html);
    expect(page.paragraphs.join(" ")).toContain("approve the new budget for schools");
    expect(page.notice).toBe(bounded.notice);
  });

  it("a flat 4 MB page of paragraphs keeps its first 4,000 elements", () => {
    const html = `<html><body><article>${fill(PARA, 4_000_000)}</article></body></html>`;
    const bounded = boundHtml(html);
    expect(bounded.notice).toMatch(/first 4,000 elements/);
    expect(bounded.html.match(/<p>/g)?.length).toBeLessThan(HTML_LIMITS.maxElements);
  });

  it("one 4 MB text node is cut at 1,000,000 characters", () => {
    const html = `<html><body><p>${fill("word and ", 4_000_000)}</p></body></html>`;
    const page = cleanHtmlArticle(html);
    expect(page.paragraphs.join("").length).toBeLessThanOrEqual(HTML_LIMITS.maxTextChars);
    expect(page.paragraphs.join("").length).toBeGreaterThan(HTML_LIMITS.maxTextChars * 0.9);
    expect(page.notice).toMatch(/1,000,000 characters of text/);
  });

  it("an element keeps its first 64 attributes", () => {
    const attrs = Array.from({ length: 100_000 }, (_, i) => `data-a${i}="v"`).join(" ");
    const html = `<html><body><div class="story" ${attrs}>${article}</div></body></html>`;
    const bounded = boundHtml(html);
    expect(bounded.html.length).toBeLessThan(5_000);
    expect(bounded.html).toContain('<div class="story" data-a0="v"');
    expect(bounded.html).not.toContain("data-a63=");
    expect(bounded.notice).toMatch(/kept only their first 64 attributes/);
    expect(cleanHtmlArticle(html).paragraphs.join(" ")).toContain("approve the new budget");
  });

  it("a feed item's HTML is held to the same limits (htmlToText)", () => {
    const text = htmlToText(`${"<div>".repeat(50_000)}<p>deep text</p>${"</div>".repeat(50_000)}`);
    expect(text).toBe("deep text");
    // The bound is applied: text past the limit is not read.
    expect(htmlToText(`<p>${"word ".repeat(300_000)}</p>`).length).toBeLessThanOrEqual(
      HTML_LIMITS.maxTextChars,
    );
  });
});

describe("pages within the limits", () => {
  it("come back as the same string and read exactly as without the markup pass", () => {
    for (const a of seedArticles()) {
      const html = articlePage(a, {
        siteName: "Summit Test Wire",
        canonical: `https://example.com/${a.slug}`,
      });
      for (const page of [html, html.replace("<main>", `<main>${'<div class="w">'.repeat(90)}`)]) {
        const bounded = boundHtml(page);
        expect(bounded.html).toBe(page);
        expect(bounded.notice).toBeNull();
        expect(cleanHtmlArticle(page)).toEqual(cleanBoundedHtml({ html: page, notice: null, nodes: 0 }));
      }
    }
  });
});
