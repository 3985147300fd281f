/**
 * HTML → text for what feeds carry: a title with markup or entities, and an item's body HTML (which is
 * already the article, so no Readability here). Block elements become paragraphs, <br> a line break;
 * scripts, styles, forms and embedded media are skipped. Parsed, never executed.
 */
import { Parser } from "htmlparser2";
import { boundHtml } from "../src/corpus/htmlBounds.ts";

const BLOCK = new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "DD",
  "DETAILS",
  "DIV",
  "DL",
  "DT",
  "FIGCAPTION",
  "FIGURE",
  "FOOTER",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "HR",
  "LI",
  "MAIN",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "SUMMARY",
  "TABLE",
  "TD",
  "TH",
  "TR",
  "UL",
]);
const SKIP = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "IFRAME",
  "OBJECT",
  "EMBED",
  "SVG",
  "CANVAS",
  "VIDEO",
  "AUDIO",
  "FORM",
  "BUTTON",
  "SELECT",
  "TEXTAREA",
  "HEAD",
  "TITLE",
]);

/**
 * Paragraph text of an HTML fragment: paragraphs separated by blank lines, <br> as a line break.
 * Streams through htmlparser2's tokenizer (the parser linkedom is built on) without building a DOM:
 * 5× faster than walking a linkedom tree (0.06 against 0.31 ms for a BBC article); a poll converts 50+.
 * The item's HTML is first held to the page limits (src/corpus/htmlBounds.ts): htmlparser2's Parser
 * is quadratic in the nesting depth (200,000 nested <div>s, 2.2 MB, took ~13.5 s).
 */
export function htmlToText(html: string): string {
  const paragraphs: string[] = [];
  let line = "";
  let lines: string[] = [];
  let skipping = 0;
  const flushLine = () => {
    // Most lines need no whitespace folding: test before paying for a replace.
    const t = (/[\t\n\r\f\v\u00a0]| {2}/.test(line) ? line.replace(/\s+/g, " ") : line).trim();
    if (t) lines.push(t);
    line = "";
  };
  const flushBlock = () => {
    flushLine();
    if (lines.length > 0) paragraphs.push(lines.join("\n"));
    lines = [];
  };
  const parser = new Parser(
    {
      onopentag(name) {
        const tag = name.toUpperCase();
        if (SKIP.has(tag)) {
          skipping++;
          return;
        }
        if (skipping > 0) return;
        if (tag === "BR") flushLine();
        else if (BLOCK.has(tag)) {
          flushBlock();
          if (tag === "LI") line += "• ";
        }
      },
      onclosetag(name) {
        const tag = name.toUpperCase();
        if (SKIP.has(tag)) {
          skipping = Math.max(0, skipping - 1);
          return;
        }
        if (skipping === 0 && BLOCK.has(tag)) flushBlock();
      },
      ontext(text) {
        if (skipping === 0) line += text;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(boundHtml(html).html);
  parser.end();
  flushBlock();
  return paragraphs.join("\n\n");
}

/** A one-line plain text from a title or name that may hold markup or entities. */
export function plainText(value: string | null | undefined): string | null {
  if (value == null) return null;
  const s = (/[<&]/.test(value) ? htmlToText(value) : value).replace(/\s+/g, " ").trim();
  return s || null;
}

/** Words in a text, counted as runs of non-space characters (for telling a teaser from a full article). */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || c === 0xa0;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}
