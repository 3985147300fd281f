/**
 * Bounds the work one HTML page can cause before it is parsed into a DOM (linkedom) and read by
 * Readability. A single pass of htmlparser2's tokenizer (the one linkedom parses with; no tree is
 * built) follows the open elements the way htmlparser2's tree builder does (implied closes, void
 * elements, self-closing tags in SVG/MathML), and copies the markup through unchanged until a limit
 * is reached:
 *
 * - **depth**: elements nested deeper than `maxDepth` lose their tags and keep their text, one
 *   paragraph per block they held (htmlparser2's tree builder is quadratic in the depth, Readability
 *   worse: a 50,000-deep page took ~5–11 s and overflowed Readability's stack);
 * - **elements** and **nodes**: after `maxElements` elements, or `maxNodes` elements, attributes, text
 *   runs and comments, the rest of the page is not read. Readability's cost grows with the element
 *   count, 40–190 µs an element on this project's 2-core machine depending on the shape (links and
 *   images cost most): 200,000 links or 500,000 <br>s in a 4 MB page took 20–60 s, some overflowed
 *   the stack;
 * - **attributes**: an element keeps its first `maxAttributes` attributes;
 * - **text**: after `maxTextChars` characters of text (scripts and styles not counted) the rest of
 *   the page is not read.
 *
 * A page within every limit comes back as the same string, so it reads exactly as before. This pass
 * keeps its own stack with push/pop and a count per tag name (htmlparser2's Parser shifts an array),
 * so it is linear in the page's length: ~30–170 ms for 4 MB.
 */
import { createRequire } from "node:module";
import type * as Htmlparser2 from "htmlparser2";

export interface HtmlLimits {
  maxDepth: number;
  maxElements: number;
  maxNodes: number;
  maxAttributes: number;
  maxTextChars: number;
}

/**
 * Real news pages stay well inside these: 30–60 levels deep, 1,000–4,000 elements with a few
 * attributes each, 10–300 KB of text (Lighthouse flags pages over 1,400 elements). At the limits a
 * page of the costliest shapes reads in about half a second (bench/bigArticle.ts, "hostile HTML").
 */
export const HTML_LIMITS: HtmlLimits = {
  maxDepth: 100,
  maxElements: 4_000,
  maxNodes: 30_000,
  maxAttributes: 64,
  maxTextChars: 1_000_000,
};

export interface BoundedHtml {
  html: string;
  /** What was flattened, trimmed or left unread, in words; null when the page is as it was. */
  notice: string | null;
  /** Elements, attributes, texts and comments kept (what maxNodes counts). */
  nodes: number;
}

// htmlparser2's tree-builder rules (its Parser.js), which linkedom's tree follows.
const P = new Set(["p"]);
const FORM = new Set(["input", "option", "optgroup", "select", "button", "datalist", "textarea"]);
const SECTIONS = new Set(["thead", "tbody"]);
const DDT = new Set(["dd", "dt"]);
const RTP = new Set(["rt", "rp"]);
const IMPLIES_CLOSE = new Map<string, Set<string>>([
  ["tr", new Set(["tr", "th", "td"])],
  ["th", new Set(["th"])],
  ["td", new Set(["thead", "th", "td"])],
  ["body", new Set(["head", "link", "script"])],
  ["li", new Set(["li"])],
  ["select", FORM],
  ["input", FORM],
  ["output", FORM],
  ["button", FORM],
  ["datalist", FORM],
  ["textarea", FORM],
  ["option", new Set(["option"])],
  ["optgroup", new Set(["optgroup", "option"])],
  ["dd", DDT],
  ["dt", DDT],
  ["rt", RTP],
  ["rp", RTP],
  ["tbody", SECTIONS],
  ["tfoot", SECTIONS],
  ...[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "header",
    "hr",
    "main",
    "nav",
    "ol",
    "pre",
    "section",
    "table",
    "ul",
  ].map((t): [string, Set<string>] => [t, P]),
]);
const VOID = new Set([
  "area",
  "base",
  "basefont",
  "br",
  "col",
  "command",
  "embed",
  "frame",
  "hr",
  "img",
  "input",
  "isindex",
  "keygen",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);
const FOREIGN = new Set(["math", "svg"]);
const INTEGRATION = new Set([
  "mi",
  "mo",
  "mn",
  "ms",
  "mtext",
  "annotation-xml",
  "foreignobject",
  "desc",
  "title",
]);
/** Where flattened text starts a new paragraph (as src/corpus/html.ts reads blocks). */
const BREAKS = new Set([
  "p",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "blockquote",
  "pre",
  "figcaption",
  "td",
  "br",
  "div",
  "section",
  "article",
  "tr",
  "table",
  "ul",
  "ol",
]);
/** Text the tokenizer reads raw: dropped when flattened (it is code, not article text). */
const RAW = new Set(["script", "style"]);

let tokenizerClass: typeof Htmlparser2.Tokenizer | null = null;
function Tokenizer(): typeof Htmlparser2.Tokenizer {
  // Required on first use, as src/corpus/html.ts loads linkedom (start-up cost).
  tokenizerClass ??= (createRequire(import.meta.url)("htmlparser2") as typeof Htmlparser2).Tokenizer;
  return tokenizerClass;
}

const fmt = (n: number) => n.toLocaleString("en-US");

/** The page cut to `limits` (see the file comment); the same string when it is within them. */
export function boundHtml(html: string, limits: HtmlLimits = HTML_LIMITS): BoundedHtml {
  const { maxDepth, maxElements, maxNodes, maxAttributes, maxTextChars } = limits;
  const out: string[] = [];
  /** Input before this index has been copied or dropped. */
  let last = 0;
  let changed = false;
  let stopped: string | null = null;
  let nodes = 0;
  let elements = 0;
  let textChars = 0;
  let flattened = 0;
  let trimmedElements = 0;

  const stack: string[] = [];
  const open = new Map<string, number>();
  const foreign: boolean[] = [false];
  /** A <p> this pass opened under the element at maxDepth, for the flattened text. */
  let syntheticP = false;

  const push = (name: string) => {
    stack.push(name);
    open.set(name, (open.get(name) ?? 0) + 1);
  };
  const pop = () => {
    const name = stack.pop();
    if (name !== undefined) open.set(name, open.get(name)! - 1);
  };
  const keep = (end: number) => {
    out.push(html.slice(last, end));
    last = end;
  };
  const drop = (end: number) => {
    last = end;
    changed = true;
  };
  const emit = (s: string) => {
    out.push(s);
    changed = true;
  };
  const closeSynthetic = () => {
    if (syntheticP) emit("</p>");
    syntheticP = false;
    pendingBreak = false;
  };
  /**
   * A block boundary inside flattened content: the next flattened text starts a new paragraph (a
   * space inside a <p>). Boundaries with no text between them make one.
   */
  let pendingBreak = false;
  const brk = () => {
    pendingBreak = true;
  };
  const startParagraph = () => {
    pendingBreak = false;
    if (stack[maxDepth - 1] === "p") emit(" ");
    else {
      emit("<p>");
      syntheticP = true;
      nodes++;
      elements++;
    }
  };
  const stop = (why: string) => {
    stopped = why;
    changed = true;
    tokenizer.pause();
  };
  /** Counts what linkedom would build: `els` elements and `n` nodes in all (attributes and texts too). */
  const count = (n: number, els = 0): boolean => {
    nodes += n;
    elements += els;
    if (elements > maxElements) stop(`${fmt(maxElements)} elements`);
    else if (nodes > maxNodes) stop(`${fmt(maxNodes)} elements, attributes, texts and comments`);
    if (!stopped) return true;
    // What went over is not kept.
    nodes -= n;
    elements -= els;
    return false;
  };

  // The open tag being read.
  let tagName = "";
  let tagNameStart = 0;
  let tagNameEnd = 0;
  let attrStart = 0;
  let attrs: Array<[number, number]> = [];
  let attrCount = 0;

  /** What htmlparser2 does on an open tag: implied closes, then the element is open unless void. */
  const openTag = (name: string): boolean => {
    const implies = IMPLIES_CLOSE.get(name);
    if (implies) while (stack.length > 0 && implies.has(stack[stack.length - 1]!)) pop();
    if (VOID.has(name)) return false;
    push(name);
    if (FOREIGN.has(name)) foreign.push(true);
    else if (INTEGRATION.has(name)) foreign.push(false);
    return true;
  };

  /** Ends the open tag at `gt` (the index of its ">"), copying, trimming or dropping it. */
  const endTag = (gt: number, selfClosing: boolean) => {
    if (stopped) return;
    const pushed = openTag(tagName);
    const closesNow = pushed && selfClosing && foreign[foreign.length - 1] === true;
    const depth = pushed ? stack.length : stack.length + 1;
    if (closesNow) pop();
    if (depth > maxDepth) {
      // Inside the flattened part: the tag goes, a block boundary stays.
      if (depth === maxDepth + 1) flattened++;
      drop(gt + 1);
      if (BREAKS.has(tagName)) brk();
      return;
    }
    closeSynthetic();
    if (!count(1 + Math.min(attrCount, maxAttributes), 1)) return;
    if (attrCount <= maxAttributes) keep(gt + 1);
    else {
      trimmedElements++;
      out.push(
        `<${html.slice(tagNameStart, tagNameEnd)} ${attrs.map(([s, e]) => html.slice(s, e)).join(" ")}${selfClosing ? "/>" : ">"}`,
      );
      drop(gt + 1);
    }
  };

  const text = (end: number) => {
    if (stopped) return;
    const top = stack[stack.length - 1];
    const raw = top !== undefined && RAW.has(top);
    const deep = stack.length > maxDepth;
    if (deep && raw) return drop(end);
    if (!count(1)) return;
    let s = html.slice(last, end);
    const over = !raw && textChars + s.length > maxTextChars;
    if (over) s = s.slice(0, maxTextChars - textChars);
    if (!raw) textChars += s.length;
    if (pendingBreak && /\S/.test(s)) startParagraph();
    if (deep || over) {
      drop(end);
      emit(deep ? s.replaceAll("<", "&lt;") : s);
    } else keep(end);
    if (over) stop(`${fmt(maxTextChars)} characters of text`);
  };

  const tokenizer = new (Tokenizer())(
    { decodeEntities: true },
    {
      ontext(_start, end) {
        text(end);
      },
      ontextentity(_cp, end) {
        text(end);
      },
      onopentagname(start, end) {
        tagName = html.slice(start, end).toLowerCase();
        tagNameStart = start;
        tagNameEnd = end;
        attrs = [];
        attrCount = 0;
      },
      onattribname(start) {
        attrStart = start;
      },
      onattribdata() {},
      onattribentity() {},
      onattribend(_quote, end) {
        if (++attrCount <= maxAttributes) attrs.push([attrStart, end]);
      },
      onopentagend(gt) {
        endTag(gt, false);
      },
      onselfclosingtag(gt) {
        endTag(gt, true);
      },
      onclosetag(start, end) {
        if (stopped) return;
        const name = html.slice(start, end).toLowerCase();
        const gtAt = html.indexOf(">", end);
        const tagEnd = gtAt < 0 ? html.length : gtAt + 1;
        if (FOREIGN.has(name) || INTEGRATION.has(name)) foreign.pop();
        let emitted: boolean;
        if (VOID.has(name)) {
          // </br> is read as <br>; other void close tags are ignored.
          emitted = stack.length < maxDepth;
          if (name === "br" && !emitted) brk();
        } else if ((open.get(name) ?? 0) > 0) {
          const at = stack.lastIndexOf(name);
          emitted = at < maxDepth;
          while (stack.length > at) pop();
          if (!emitted && BREAKS.has(name)) brk();
        } else {
          // An unmatched </p> is read as <p></p>; other unmatched close tags are ignored.
          emitted = stack.length < maxDepth;
          if (name === "p" && !emitted) brk();
        }
        if (!emitted) {
          drop(tagEnd);
          return;
        }
        closeSynthetic();
        const implied = name === "p" || name === "br" ? 1 : 0;
        if (count(implied, implied)) keep(tagEnd);
      },
      oncomment(_start, end) {
        if (stopped) return;
        if (stack.length > maxDepth) drop(end + 1);
        else if (count(1)) keep(end + 1);
      },
      oncdata(_start, end) {
        if (stopped) return;
        if (stack.length > maxDepth) drop(end + 1);
        else if (count(1)) keep(end + 1);
      },
      ondeclaration(_start, end) {
        if (!stopped) keep(end + 1);
      },
      onprocessinginstruction(_start, end) {
        if (!stopped) keep(end + 1);
      },
      onend() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  if (!stopped && last < html.length) {
    if (stack.length > maxDepth) drop(html.length);
    else keep(html.length);
  }
  if (!changed) return { html, notice: null, nodes };
  const parts: string[] = [];
  if (flattened > 0) parts.push(`elements nested deeper than ${maxDepth} were flattened to their text`);
  if (trimmedElements > 0)
    parts.push(`${fmt(trimmedElements)} elements kept only their first ${maxAttributes} attributes`);
  if (stopped) parts.push(`only its first ${stopped} were read, the rest of the page was left out`);
  return { html: out.join(""), notice: parts.length > 0 ? parts.join("; ") : null, nodes };
}
