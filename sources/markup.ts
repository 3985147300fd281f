/**
 * HTML → text for what feeds carry: a title with markup or entities, and an item's body HTML (which is
 * already the article, so no Readability here). Block elements become paragraphs, <br> a line break;
 * scripts, styles, forms and embedded media are skipped. Parsed on linkedom, never executed.
 */
import { parseHTML } from "linkedom";

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

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

function bodyOf(html: string): DomNode {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return document.body as unknown as DomNode;
}

/** Paragraph text of an HTML fragment: paragraphs separated by blank lines, <br> as a line break. */
export function htmlToText(html: string): string {
  const paragraphs: string[] = [];
  let line = "";
  let lines: string[] = [];
  const flushLine = () => {
    const t = line.replace(/\s+/g, " ").trim();
    if (t) lines.push(t);
    line = "";
  };
  const flushBlock = () => {
    flushLine();
    if (lines.length > 0) paragraphs.push(lines.join("\n"));
    lines = [];
  };
  const walk = (node: DomNode, depth: number) => {
    if (depth > 200) return; // a pathological nesting depth is cut, not followed
    if (node.nodeType === 3) {
      line += node.textContent ?? "";
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = node.nodeName.toUpperCase();
    if (SKIP.has(tag)) return;
    if (tag === "BR") {
      flushLine();
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flushBlock();
    if (tag === "LI") line += "• ";
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) walk(kids[i]!, depth + 1);
    if (block) flushBlock();
  };
  walk(bodyOf(html), 0);
  flushBlock();
  return paragraphs.join("\n\n");
}

/** A one-line plain text from a title or name that may hold markup or entities. */
export function plainText(value: string | null | undefined): string | null {
  if (value == null) return null;
  let s = value;
  if (/[<&]/.test(s)) s = bodyOf(s).textContent ?? "";
  s = s.replace(/\s+/g, " ").trim();
  return s || null;
}

/** Words in a text (for telling a teaser from a full article). */
export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu);
  return m ? m.length : 0;
}
