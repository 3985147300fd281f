/**
 * Cleaning scraped article text: page furniture (navigation and share widgets, breadcrumbs, comment
 * forms, "Read More", "RELATED:" blocks, copyright lines, photo captions, bylines, section headings,
 * repeated title lines) is removed by general rules, and title, publisher and date are taken from what
 * the text reveals. Nothing here knows any particular site.
 */
import { decodeHTMLStrict } from "entities";
import { isFurniture, opensOnRunOnLabel, withoutLeadingPageLabels } from "../text/furniture.ts";
import { foldedText } from "../text/similarity.ts";
import { findDate } from "./dates.ts";
import { titleAndSite } from "./publisher.ts";
import { splitSentences } from "./sentences.ts";

export interface CleanedText {
  title: string;
  publisher: string | null;
  date: string | null;
  paragraphs: string[];
}

export interface CleanHints {
  title?: string | null;
  publisher?: string | null;
  date?: string | null;
  /** Strip Markdown syntax first. */
  markdown?: boolean;
}

const BULLET = /^[•·▪►◦‣∙*–-]\s*/u;
/** Ends like a sentence: . ! ? possibly followed by closing quotes or brackets. */
const TERMINAL = /[.!?…]["'”’)\]]*$/u;

const WIDGETS = new Set(
  [
    "live",
    "audio only",
    "video",
    "videos",
    "audio",
    "google plus",
    "google+",
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "linkedin",
    "pinterest",
    "reddit",
    "tumblr",
    "telegram",
    "email",
    "e-mail",
    "print",
    "share",
    "share this",
    "share this article",
    "share on facebook",
    "share on twitter",
    "tweet",
    "comment",
    "comments",
    "subscribe",
    "sign in",
    "sign up",
    "log in",
    "login",
    "register",
    "menu",
    "search",
    "home",
    "advertisement",
    "sponsored",
    "skip to content",
    "skip to main content",
    "close",
    "next",
    "previous",
    "back to top",
    "copy link",
    "newsletter",
  ].map((s) => s.toLowerCase()),
);

const COMMENT_FORM =
  /^(leave a (reply|comment)|post a comment|add a comment|join the conversation|please enter your (comment|name|email)|your email address will not be published|required fields are marked|post with no comments|no comments yet|be the first to comment|you must be logged in|comments? are closed|\d+\s+comments?$|comments?\s*\(\d+\)$|save my name, email)/i;

const READ_MORE =
  /^(read more|read on|continue reading|read the full (story|article)|click here|more:|watch:|listen:|sponsored content|advertisement|story continues below|sign up for|subscribe to)\b/i;

const RELATED =
  /^(related( stories| articles| coverage| news| content)?|recommended|more on this( story)?|also read|read also|see also|you may also like|most read|most popular|trending( now)?|more from [\w ]+)\s*:?\s*(.*)$/i;

const COPYRIGHT = /(^©|^\(c\)\s|\bcopyright\b|all rights reserved)/i;

/**
 * A photo caption or credit line: "| Photos: …", "Caption: …", "… (Photo: AP)", "… Photo by Jane Doe",
 * "… via Getty Images". Tested with `isCaption`, in two parts so that no part costs more than a pass
 * over the line: the bracketed credit stops at any bracket (`[^()]*`; with `[^)]*` every "(photo:" of
 * a line with no ")" scanned to its end), and the credits that run to the end of the line ("Photo by
 * …", "via Getty …") are looked for in its last CREDIT_TAIL characters only (from every "photo by" of
 * a long line they scanned to its end, quadratic when the end did not match).
 */
const CAPTION =
  /(\|\s*(photos?|images?|pictures?|credits?|video|source)\s*:)|(^(photo|image|picture|caption|file photo|pictured)\s*:)|(\((photo|image|picture)s?\s*:[^()]*\)\s*$)/i;
const CAPTION_CREDIT =
  /((photo|image|picture)\s*(by|credit|courtesy( of)?)\s*:?\s*[A-Z][\w .&'/-]*$)|(\s(via|courtesy of)\s+(getty|reuters|ap|afp|epa|shutterstock)[\w ]*$)/i;
/** How much of a line's end a credit ("Photo by Jane Doe", "via Getty Images") may take up. */
const CREDIT_TAIL = 200;

function isCaption(line: string): boolean {
  return (
    CAPTION.test(line) || CAPTION_CREDIT.test(line.length > CREDIT_TAIL ? line.slice(-CREDIT_TAIL) : line)
  );
}

const BYLINE_START = /^(by|written by|reporting by|words by|story by|report by|posted by|author:?)\s+[A-Z]/;
const SPECIAL_TO = /^special to\s+((?:the\s+)?[A-Za-z][\w.&' -]*?)\s*(?:[·•|,–—-]\s*.*)?$/i;
const DATE_LINE =
  /^(published|updated|posted|last updated|first published|last modified|date)\b(\s+on)?\s*:?\s*(.+)$/i;
/**
 * "Home › News › World": pieces of 1–60 characters without a full stop, joined by " > ", " › " or " » ".
 * A piece never holds a separator itself (the lookahead): with `[^.!?]{1,60}` pieces could swallow
 * separators and a 12-piece line that failed at its end was tried in exponentially many splits (on the
 * lines toLines makes, single spaces, both forms accept the same lines).
 */
const BREADCRUMB = /^(?:(?!\s[>›»]\s)[^.!?]){1,60}(?:\s[>›»]\s(?:(?!\s[>›»]\s)[^.!?]){1,60})+$/u;

/** Words in a line whose whitespace is already collapsed to single spaces. */
function wordCount(s: string): number {
  let n = s.length > 0 ? 1 : 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 32) n++;
  return n;
}

function titleCase(s: string): string {
  return s
    .split(/\s+/)
    .map((w, i) =>
      i > 0 && /^(of|the|and|for|in|on|at|to|a)$/i.test(w)
        ? w.toLowerCase()
        : w.charAt(0).toUpperCase() + w.slice(1),
    )
    .join(" ");
}

/** Publisher named in a copyright line ("© Copyright IBTimes 2024. All rights reserved."), or null. */
export function publisherFromCopyright(line: string): string | null {
  const m =
    /(?:©|\(c\)|copyright)\s*(?:copyright\s*)?(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?([A-Z][\w&.'’ -]*?)\s*(?:\d{4})?\s*(?:[.,|]|all rights|$)/i.exec(
      line,
    );
  const name = m?.[1]?.trim();
  if (!name || /^(all|the)$/i.test(name) || wordCount(name) > 6) return null;
  return name;
}

const isSpace = (c: string): boolean => /\s/.test(c);

/**
 * An ATX heading ("## Title ##"): its level and text, or null. What `/^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/`
 * meant, without its cost: that regex tried every split of a long run of spaces between the lazy text
 * and the closing `\s*#*\s*` (degree 4: a 400-character line took seconds). The opening is one linear
 * regex; the closing spaces, hashes and spaces are cut by a scan from the end.
 */
export function markdownHeading(line: string): { level: number; text: string } | null {
  const m = /^\s{0,3}(#{1,6})\s+/.exec(line);
  if (!m) return null;
  let end = line.length;
  while (end > m[0].length && isSpace(line[end - 1]!)) end--;
  while (end > m[0].length && line[end - 1] === "#") end--;
  while (end > m[0].length && isSpace(line[end - 1]!)) end--;
  const text = line.slice(m[0].length, end);
  // The old `.*?` stopped at a line terminator, so such a line was no heading.
  if (/[\n\r\u2028\u2029]/.test(text)) return null;
  return { level: m[1]!.length, text };
}

/** Markdown → plain lines: links keep their text, images and emphasis markers go, headings stay lines. */
export function stripMarkdown(text: string): { text: string; title: string | null } {
  let title: string | null = null;
  const lines = text.split("\n").map((line) => {
    let l = line;
    const h = markdownHeading(l);
    if (h) {
      l = h.text;
      if (title === null && h.level === 1) title = l;
    }
    l = l.replace(/!\[[^\]]*\]\([^)]*\)/g, "");
    l = l.replace(/\[([^\]]+)\]\([^)]*\)/g, "$1");
    l = l.replace(/^\s{0,3}>\s?/, "");
    l = l.replace(/^\s*[-*+]\s+/, "• ");
    l = l.replace(/(\*\*|__)(.+?)\1/g, "$2").replace(/(^|\W)[*_](\S.*?\S|\S)[*_](?=\W|$)/g, "$1$2");
    l = l.replace(/`([^`]*)`/g, "$1");
    if (/^\s*([-*_]\s*){3,}$/.test(l)) l = "";
    return l;
  });
  return { text: lines.join("\n"), title };
}

interface Line {
  text: string;
  /** Index of the blank-line-separated block the line belongs to. */
  block: number;
}

function toLines(raw: string): Line[] {
  const text = raw
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u2007\u202f]/g, " ")
    .replace(/[\u200b-\u200d\ufeff]/g, "");
  const out: Line[] = [];
  let block = 0;
  let lastBlank = true;
  const rawLines = text.split("\n");
  // Hard-wrapped text (most long lines stop mid-sentence): join the lines of each block first.
  const long = rawLines.map((l) => l.trim()).filter((l) => l.length > 40);
  const wrapped =
    long.length >= 4 &&
    long.filter((l) => !TERMINAL.test(l)).length / long.length > 0.5 &&
    Math.max(...long.map((l) => l.length)) <= 100;
  for (const rl of rawLines) {
    const t = rl.trim().replace(/\s{2,}|[\t\n\v\f\r]/g, " ");
    if (!t) {
      if (!lastBlank) block++;
      lastBlank = true;
      continue;
    }
    lastBlank = false;
    const prev = out[out.length - 1];
    if (wrapped && prev && prev.block === block && !BULLET.test(t)) prev.text = `${prev.text} ${t}`;
    else out.push({ text: t, block });
  }
  return out;
}

const lineKey = foldedText;

/**
 * HTML character references left in plain text (feeds and exports keep "&amp;", "&#124;", "&#8217;"):
 * the characters they stand for (every HTML5 name, through the `entities` package htmlparser2 uses). Only
 * references closed by ";" are read (names are case-sensitive, as in HTML); unknown names and references
 * to no character are left as they are; a no-break space becomes a space.
 */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&#?[\da-z]{1,32};/gi, (m) => {
    const decoded = decodeHTMLStrict(m);
    // A reference to no character ("&#0;", past U+10FFFF) stays as written rather than becoming "\ufffd".
    if (decoded.includes("\ufffd") && !/^&#(x0*fffd|0*65533);$/i.test(m)) return m;
    return decoded === "\u00a0" ? " " : decoded;
  });
}

/** A given title when it holds a word ("&HT;", an SGML code left in a feed, is none). */
function realTitle(hint: string | null | undefined): string | null {
  const t = hint?.trim();
  return t && /\p{L}{2,}/u.test(t.replace(/&#?\w+;/g, "")) ? t : null;
}

/** Words a title made from an untitled article's text may have. */
const DERIVED_TITLE_WORDS = { min: 5, max: 16, cut: 12 } as const;

/**
 * The title of an article that has none: its first sentence when that is short (final stop dropped),
 * else its first words marked as cut ("…"), so that no one reads a cut as a headline.
 */
export function titleFromText(first: string): string {
  // A prompt to the reader ("Breaking news emails get breaking news alerts …") or a label before the
  // first sentence ("Advertisement …") is no title: the first sentence of the news is.
  const all = splitSentences(first).map(withoutLeadingPageLabels);
  const at = Math.max(
    0,
    all.findIndex((x) => !isFurniture(x) && !opensOnRunOnLabel(x)),
  );
  const sentence = all[at] ?? first;
  const n = sentence.split(/\s+/).length;
  if (n >= DERIVED_TITLE_WORDS.min && n <= DERIVED_TITLE_WORDS.max && /[.!?]["'”’]?$/.test(sentence))
    return /\b\p{L}\.\p{L}\.$/u.test(sentence) ? sentence : sentence.replace(/\.$/, "");
  const words = (all.length > 0 ? all.slice(at).join(" ") : first).split(/\s+/);
  if (words.length <= DERIVED_TITLE_WORDS.cut) return first;
  return `${words.slice(0, DERIVED_TITLE_WORDS.cut).join(" ")}…`;
}

/** Cleans the text of one article. */
export function cleanArticleText(raw: string, hints: CleanHints = {}): CleanedText {
  let text = decodeEntities(raw);
  let mdTitle: string | null = null;
  if (hints.markdown) {
    const md = stripMarkdown(raw);
    text = md.text;
    mdTitle = md.title;
  }
  const lines = toLines(text);
  let title = realTitle(hints.title ? decodeEntities(hints.title) : null) ?? mdTitle ?? null;
  let publisher = hints.publisher?.trim() || null;
  let date = hints.date ?? null;
  const kept: Line[] = [];
  let dropNextHeadline = false;
  let titleKey: string | null = null;
  /** The title line when it is also a full sentence (used as the text of a one-line article). */
  let titleSentence: string | null = null;

  for (const line of lines) {
    let t = line.text;
    const bulleted = BULLET.test(t);
    if (bulleted) t = t.replace(BULLET, "").trim();
    if (!t) continue;
    const lower = t.toLowerCase().replace(/[:.!]+$/, "");
    const words = wordCount(t);

    if (dropNextHeadline) {
      dropNextHeadline = false;
      if (words <= 25 && (!TERMINAL.test(t) || words <= 12)) continue;
    }
    if (WIDGETS.has(lower) || /^\d+$/.test(t) || /^[\p{P}\p{S}\s]+$/u.test(t)) continue;
    if (bulleted && words <= 4 && !TERMINAL.test(t)) continue;
    if (COMMENT_FORM.test(t)) continue;
    if (READ_MORE.test(t) && words <= 10) continue;
    const rel = RELATED.exec(t);
    if (rel && (t.includes(":") || words <= 4)) {
      if (!rel[rel.length - 1]?.trim()) dropNextHeadline = true;
      continue;
    }
    if (COPYRIGHT.test(t) && words <= 25) {
      publisher ??= publisherFromCopyright(t);
      continue;
    }
    if (isCaption(t)) continue;
    const special = SPECIAL_TO.exec(t);
    if (special && words <= 14) {
      publisher ??= titleCase(special[1]!.trim());
      continue;
    }
    if (BYLINE_START.test(t) && words <= 10 && !TERMINAL.test(t)) continue;
    const dl = DATE_LINE.exec(t);
    if (dl && words <= 12) {
      const d = findDate(dl[3]!);
      if (d) {
        date ??= d;
        continue;
      }
    }
    if (words <= 8 && !TERMINAL.test(t)) {
      const d = findDate(t);
      if (d && t.replace(/[\d\s,.:/-]|(am|pm|gmt|utc|bst|est|edt|[a-z]+day)/gi, "").length < 14) {
        date ??= d;
        continue;
      }
    }
    if (words <= 12 && BREADCRUMB.test(t)) continue;
    if (/\s[·|]\s/.test(t) && words <= 12 && !TERMINAL.test(t)) continue;

    // The first headline-like line is the title; repeats of it are dropped.
    if (title === null) {
      if (words <= 30 && (!TERMINAL.test(t) || words <= 20)) {
        title = t.replace(/\s+\|\s+[^|]{1,40}$/, "").trim() || t;
        if (TERMINAL.test(t) && words >= 6) titleSentence = t;
        continue;
      }
    } else if (Math.abs(t.length - title.length) <= 8) {
      titleKey ??= lineKey(title);
      if (lineKey(t) === titleKey) continue;
    }
    // Short lines that are not sentences are section headings, labels or stray widgets.
    if (words <= 12 && !TERMINAL.test(t)) continue;
    if (words <= 2) continue;
    kept.push({ text: t, block: line.block });
  }

  // Drop paragraphs repeated verbatim (decks repeated as captions, widgets printed twice).
  const seen = new Set<string>();
  const paragraphs: string[] = [];
  for (const k of kept) {
    const key = k.text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    paragraphs.push(k.text);
  }
  // A one-sentence article: its only line is both the title and the text (not "no article text").
  if (paragraphs.length === 0 && titleSentence !== null) paragraphs.push(titleSentence);
  if (title === null) title = titleFromText(paragraphs[0] ?? "Untitled");
  else ({ title, publisher } = titleAndSite(title, publisher));
  // A dateline credit like "LONDON (Reuters) -" names the publisher.
  if (publisher === null && paragraphs[0]) {
    const m = /^[A-Z][A-Za-z .,'-]{0,40}\(([A-Z][\w .&]{1,30})\)\s*[-—–]/.exec(paragraphs[0]);
    if (m) publisher = m[1]!.trim();
  }
  return { title, publisher, date, paragraphs };
}
