/** Quotation marks in a text: whether they pair up (points, question splitting). */

/** Quotation marks that don't pair up within the sentence. */
export function unbalancedQuotes(text: string): boolean {
  const open = (text.match(/“/g) ?? []).length;
  const close = (text.match(/”/g) ?? []).length;
  if (open !== close) return true;
  return (text.match(/"/g) ?? []).length % 2 === 1;
}

/**
 * Whether every quotation a text opens it closes, in order: “ opens and ” closes; a straight " opens
 * at the text's start or after a space or bracket and closes elsewhere. `"A. "B.` (a quotation run on
 * into a second paragraph, which opens again) is not closed, though its marks are even.
 */
export function quotesClosed(text: string): boolean {
  let open = false;
  for (const m of text.matchAll(/[“”"]/g)) {
    const opening = m[0] === "“" || (m[0] === '"' && (m.index === 0 || /[\s([—–-]/.test(text[m.index - 1]!)));
    if (opening === open) return false;
    open = opening;
  }
  return !open;
}
