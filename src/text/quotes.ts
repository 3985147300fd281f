/** Quotation marks in a text: whether they pair up (points, question splitting, sentence splitting). */

/**
 * Marks that open a quotation by their shape: a curly “ or a wire copy's two backquotes (``We will win,''
 * as AP and LDC news copies write it); and those that close one: ” or two apostrophes.
 */
const OPENING_MARK = /“|``/g;
const CLOSING_MARK = /”|''/g;

/**
 * Quotation marks that don't pair up within the sentence: “ ” and straight ones. (A wire copy's `` and ''
 * are left to `quotesClosed`, which points are completed by: read here too, where readability demotes a
 * sentence before selection, they changed the coverage selection's choices, DUC 2007 brief ROUGE 33.63 /
 * 9.24 → 33.74 / 9.20.)
 */
export function unbalancedQuotes(text: string): boolean {
  const open = (text.match(/“/g) ?? []).length;
  const close = (text.match(/”/g) ?? []).length;
  if (open !== close) return true;
  return (text.match(/"/g) ?? []).length % 2 === 1;
}

/** Whether a text opens more quotations by their marks' shape (“ or ``) than it closes (” or ''), or fewer. */
export function shapedQuotesLeftOpen(text: string): boolean | null {
  const open = (text.match(OPENING_MARK) ?? []).length;
  const close = (text.match(CLOSING_MARK) ?? []).length;
  return open === close ? null : open > close;
}

/** What may stand before a straight quotation mark that opens: a space, a bracket, a dash. */
const BEFORE_OPENING = /[\s([{—–-]/;
/** What may stand after a straight quotation mark that closes: a space, punctuation, a bracket, a dash. */
const AFTER_CLOSING = /[\s.,;:!?)\]}—–-]/;

/**
 * Whether the straight quotation mark at `at` opens a quotation, given whether one is open before it. A
 * mark set against the word after it opens (`he said "we`), one set against the word before it closes
 * (`win."`, `"art craft".`); a mark spaced on both sides, as tokenised copies set every mark
 * (`he said " we will win . " the crowd`), closes the quotation left open, else opens one. Typeset text
 * gives every mark a side, so its reading does not depend on what came before.
 */
export function straightQuoteOpens(text: string, at: number, open: boolean): boolean {
  const { before, after } = sides(text, at);
  if (before !== after) return before;
  return !open;
}

/** Whether the mark at `at` could open (what stands before it) and could close (what stands after it). */
function sides(text: string, at: number): { before: boolean; after: boolean } {
  return {
    before: at === 0 || BEFORE_OPENING.test(text[at - 1]!),
    after: at === text.length - 1 || AFTER_CLOSING.test(text[at + 1]!),
  };
}

/** Whether a text holds a straight quotation mark spaced on both sides (`" we win "`, a tokenised copy). */
export function hasSpacedQuote(text: string): boolean {
  for (let at = text.indexOf('"'); at >= 0; at = text.indexOf('"', at + 1)) {
    const { before, after } = sides(text, at);
    if (before === after) return true;
  }
  return false;
}

/**
 * Whether a quotation is left open at the end of `text`, or at `to` (straight marks from `from`, read
 * as `straightQuoteOpens` reads them), given whether one was open at the start (or at `from`).
 */
export function straightQuoteOpenAfter(text: string, open = false, from = 0, to = text.length): boolean {
  for (let at = text.indexOf('"', from); at >= 0 && at < to; at = text.indexOf('"', at + 1))
    open = straightQuoteOpens(text, at, open);
  return open;
}

/**
 * Whether every quotation a text opens it closes, in order: “ and `` open, ” and '' close; a straight " opens
 * or closes as `straightQuoteOpens` reads it. `"A. "B.` (a quotation run on into a second paragraph,
 * which opens again) is not closed, though its marks are even.
 */
export function quotesClosed(text: string): boolean {
  let open = false;
  for (const m of text.matchAll(/``|''|[“”"]/g)) {
    const opening: boolean =
      m[0] === "“" || m[0] === "``" || (m[0] === '"' && straightQuoteOpens(text, m.index, open));
    if (opening === open) return false;
    open = opening;
  }
  return !open;
}

/**
 * A tokenised copy's spaced straight marks written tight for showing (`" we will win . " the crowd` →
 * `"we will win ." the crowd`): an opening mark against the word after it, a closing one against the
 * word before it, read as `straightQuoteOpens` reads them. A text whose quotations don't close is left
 * as it is, as is typeset text.
 */
export function tightQuotes(text: string): string {
  if (!hasSpacedQuote(text) || !quotesClosed(text)) return text;
  let open = false;
  let out = "";
  let last = 0;
  for (let at = text.indexOf('"'); at >= 0; at = text.indexOf('"', at + 1)) {
    open = straightQuoteOpens(text, at, open);
    if (open) {
      out += `${text.slice(last, at)}"`;
      last = at + 1;
      while (text[last] === " ") last++;
    } else {
      out += `${text.slice(last, at).replace(/ +$/, "")}"`;
      last = at + 1;
    }
  }
  return out + text.slice(last);
}
