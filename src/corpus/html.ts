/**
 * HTML articles: @mozilla/readability picks the article body out of the page (on a linkedom DOM);
 * the body's block elements become lines for the same text cleaner as plain files.
 *
 * Both packages are required on first use, not imported: loading them (with htmlparser2 and its entity
 * tables) cost every command that reads a corpus ~40 ms at start-up, HTML in it or not
 * (bench/startup.ts). Both have CommonJS builds, so a synchronous require keeps loading synchronous;
 * the bundle leaves them to node_modules (scripts/build.ts), as it does the tagger.
 */
import { createRequire } from "node:module";
import type * as ReadabilityModule from "@mozilla/readability";
import type * as Linkedom from "linkedom";
import { type CleanedText, cleanArticleText } from "./clean.ts";
import { normalizeDate } from "./dates.ts";
import { type BoundedHtml, boundHtml, HTML_LIMITS } from "./htmlBounds.ts";

type Doc = ReturnType<typeof Linkedom.parseHTML>["document"];

let dom: { Readability: typeof ReadabilityModule.Readability; parseHTML: typeof Linkedom.parseHTML } | null =
  null;

/** Whether the DOM packages have been loaded in this process (tests: a text-only corpus never loads them). */
export function htmlToolsLoaded(): boolean {
  return dom !== null;
}

function htmlTools(): NonNullable<typeof dom> {
  if (!dom) {
    const require = createRequire(import.meta.url);
    const { Readability } = require("@mozilla/readability") as typeof ReadabilityModule;
    const { parseHTML } = require("linkedom") as typeof Linkedom;
    dom = { Readability, parseHTML };
  }
  return dom;
}

const BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td";

function meta(doc: Doc, names: string[]): string | null {
  for (const n of names) {
    const el = doc.querySelector(`meta[property="${n}"], meta[name="${n}"], meta[itemprop="${n}"]`);
    const v = el?.getAttribute("content")?.trim();
    if (v) return v;
  }
  return null;
}

function blockText(html: string): string {
  const { document } = htmlTools().parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const lines: string[] = [];
  const nodes = document.querySelectorAll(BLOCKS);
  for (const el of nodes) {
    // Only leaf-most blocks: a <li> holding <p>s is read through its paragraphs.
    if (el.querySelector(BLOCKS)) continue;
    const prefix = el.tagName === "LI" ? "• " : "";
    const t = (el.textContent ?? "").replace(/\s+/g, " ").trim();
    if (t) lines.push(prefix + t);
  }
  if (lines.length === 0) lines.push((document.body?.textContent ?? "").trim());
  return lines.join("\n\n");
}

/**
 * How deep elements may nest before Readability sees them. Real pages stay well under it (news sites
 * reach 30–60); Readability's work grows with the cube of the depth (1,000 nested <div>s: ~8 s; 2,000:
 * ~58 s; 20,000 overflow the stack), so a hostile page is flattened first: in its markup, before the
 * DOM is built (boundHtml, src/corpus/htmlBounds.ts, with the other limits), and once more in the DOM
 * (boundDepth), which holds whatever the markup pass let through.
 */
export const MAX_HTML_DEPTH = HTML_LIMITS.maxDepth;

const BREAKS = new Set([
  ...BLOCKS.split(", ").map((t) => t.toUpperCase()),
  "BR",
  "DIV",
  "SECTION",
  "ARTICLE",
]);

type El = ReturnType<Doc["createElement"]>;
type DomNode = El["childNodes"][number];

/** The text under `root`, one string per block (a break at every block boundary and <br>); iterative. */
function blockTexts(root: El): string[] {
  const out: string[] = [];
  let current = "";
  const flush = () => {
    const t = current.replace(/\s+/g, " ").trim();
    if (t) out.push(t);
    current = "";
  };
  // A stack of nodes to visit, and `null` markers for leaving a block.
  const stack: (DomNode | null)[] = [...root.childNodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null) {
      flush();
      continue;
    }
    if (node === undefined) break;
    if (node.nodeType === 3) current += node.textContent ?? "";
    else if (node.nodeType === 1) {
      const tag = (node as El).tagName;
      if (tag === "SCRIPT" || tag === "STYLE") continue;
      if (BREAKS.has(tag)) {
        flush();
        stack.push(null);
      }
      const children = node.childNodes;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as DomNode);
    }
  }
  flush();
  return out;
}

/**
 * Flattens what nests deeper than MAX_HTML_DEPTH: an element at that depth keeps its text, one <p> per
 * block it held, and loses the elements under it. Each element is visited once; pages within the bound
 * are left as they are.
 */
function boundDepth(document: Doc): void {
  const depth = new Map<unknown, number>();
  for (const el of document.querySelectorAll("*")) {
    const d = (depth.get(el.parentElement) ?? 0) + 1;
    depth.set(el, d);
    if (d !== MAX_HTML_DEPTH || !el.firstElementChild) continue;
    const texts = blockTexts(el as El);
    el.textContent = "";
    for (const t of texts) {
      const p = document.createElement("p");
      p.textContent = t;
      el.appendChild(p);
    }
  }
}

export interface CleanedHtml extends CleanedText {
  /** What the page's size or shape made us flatten or leave unread (boundHtml), else null. */
  notice: string | null;
}

/**
 * Extracts and cleans an HTML article. The page is first held to HTML_LIMITS (boundHtml): within
 * them it is read as it is; past them what was cut is said in `notice`.
 */
export function cleanHtmlArticle(page: string): CleanedHtml {
  return cleanBoundedHtml(boundHtml(page));
}

/** cleanHtmlArticle of a page already held to the limits (extractPage reads its head from it too). */
export function cleanBoundedHtml({ html, notice }: BoundedHtml): CleanedHtml {
  const { Readability, parseHTML } = htmlTools();
  const { document } = parseHTML(html);
  boundDepth(document);
  const metaDate = meta(document, [
    "article:published_time",
    "og:published_time",
    "datePublished",
    "date",
    "pubdate",
    "dc.date",
  ]);
  const metaSite = meta(document, ["og:site_name", "application-name", "publisher"]);
  const metaTitle = meta(document, ["og:title", "twitter:title"]);
  // Readability mutates the DOM it is given; linkedom's document is a fresh one per call.
  const parsed = new Readability(document, { charThreshold: 100 }).parse();
  const bodyHtml = parsed?.content ?? "";
  const text = bodyHtml ? blockText(bodyHtml) : blockText(html);
  const title = parsed?.title?.trim() || metaTitle || (document.querySelector("title")?.textContent ?? null);
  const cleaned = cleanArticleText(text, {
    title: title?.replace(/\s+\|\s+[^|]{1,40}$/, "").trim() || null,
    publisher: parsed?.siteName?.trim() || metaSite,
    date: normalizeDate(parsed?.publishedTime ?? metaDate),
  });
  return { ...cleaned, notice };
}
