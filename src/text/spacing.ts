/**
 * A tokenised copy's spacing closed for showing: the spaces a tokeniser put around punctuation, which no
 * typeset English text has, taken out (`( cdc )` → `(cdc)`, `$ 5` → `$5`, `48 %` → `48%`, `the firm , which`
 * → `the firm, which`, `it 's` → `it's`, `do n't` → `don't`, `I ' m` → `I'm`, `o ' neill` → `o'neill`,
 * `the 76ers ' title` → `the 76ers' title`, `8: 40 a.m.` → `8:40 a.m.`). Only spaces are removed, and only
 * where a pattern shows the space is a tokeniser's: words, numbers, quotes' content, URLs and emoji are
 * kept, as are a spaced dash, a spaced ellipsis (`. . .`, wire style), `3 : 1` and `2013 . 500`. Applied by
 * src/engine/display.ts to what a reply shows (after quotes.ts tightQuotes); everything else reads the
 * article's own text.
 */

/** What may stand before a spaced closing punctuation mark: a letter, a digit, a closing mark, a percent. */
const BEFORE = String.raw`[\p{L}\p{N})\]"”'’%]`;

const RULES: readonly [RegExp, string][] = [
  // An opening bracket spaced from what it opens: `( cdc` → `(cdc`, `16( c)` → `16(c)` (not `:( ` and the like).
  [/(^|[\s\p{L}\p{N}"“([])([([]) +(?=\S)/gu, "$1$2"],
  // A closing bracket spaced from what it closes: `cdc )` → `cdc)`.
  [/(?<=\S) +([)\]])(?=$|[\s.,;:!?"”'’)\]])/gu, "$1"],
  // A currency sign spaced from its amount: `$ 5` → `$5`.
  [/([$£€¥]) +(?=\p{N})/gu, "$1"],
  // A number spaced from its percent sign: `48 %` → `48%`.
  [/(?<=\p{N}) +%(?![\p{L}\p{N}])/gu, "%"],
  // A comma, semicolon, question or exclamation mark spaced from the word before it.
  [new RegExp(String.raw`(?<=${BEFORE}) +([,;!?])(?=$|[\s"”'’)\]])`, "gu"), "$1"],
  // A full stop spaced from the word before it, ending the text or a sentence (not a spaced ellipsis,
  // not a figure before a figure: `3 . 5`).
  [new RegExp(String.raw`(?<=${BEFORE}) +\.(?=$|\s[^\s\p{N}.]|["”'’)\]])`, "gu"), "."],
  // A colon spaced from the word before it and followed by a word (not `3 : 1`).
  [/(?<=\p{L}) +:(?= [\p{L}"“'‘]|$)/gu, ":"],
  // A contraction split off its word: `it 's`, `we 're`, `do n't`.
  [/(?<=[\p{L}\p{N}]) +(['’](?:s|re|ve|ll|d|m)|n['’]t)(?![\p{L}\p{N}'’-])/giu, "$1"],
  // A contraction's mark spaced on both sides: `I ' m`, `we ' ll`, `don ' t`.
  [/(?<=\p{L}) (['’]) (s|t|m|re|ve|ll|d)(?![\p{L}\p{N}'’-])/giu, "$1$2"],
  // A name's mark spaced on both sides: `o ' neill`, `d ' or`, `l ' eau`.
  [/(?<![\p{L}\p{N}'’])([OoDdLl]) (['’]) (?=\p{L})/gu, "$1$2"],
  // A hashtag spaced from its word: `# metoo`.
  [/(^|\s)# (?=\p{L})/gu, "$1#"],
  // A clock time or a duration split at its colon: `8: 40 a.m.`, `2: 14 remaining`, `3: 47.33`.
  [/(?<=(?<!\p{N})\p{N}{1,2}): (?=[0-5]\p{N}(?!\p{N}))/gu, ":"],
];

/** A straight single mark standing free: a space or the text's edge on one side at least. */
const FREE_MARK = /(?<=^|\s)'|'(?=\s|$)/g;

/**
 * A straight single mark spaced on both sides after a word ending in -s (`the 76ers ' title`, `drugs '
 * campaign`): a plural's possessive, or the close of a single quotation, written against the word before
 * it; left spaced when it may open a quotation: none is open before it (by the count of free marks) and
 * the next free mark may close one.
 */
function tightPluralMarks(text: string): string {
  const marks = [...text.matchAll(FREE_MARK)].map((m) => m.index);
  if (marks.length === 0) return text;
  let out = "";
  let last = 0;
  for (const [i, at] of marks.entries()) {
    if (!/[\p{L}\p{N}][sS] $/u.test(text.slice(Math.max(0, at - 3), at)) || text[at + 1] !== " ") continue;
    if (i % 2 === 0 && mayClose(text, marks[i + 1])) continue;
    out += `${text.slice(last, at - 1)}'`;
    last = at + 1;
  }
  return out + text.slice(last);
}

/**
 * Whether the free mark at `at` may close a single quotation: it stands against the word before it or is
 * spaced on both sides (not `'safe` opening one), and does not follow an -s word as a plural's possessive does.
 */
function mayClose(text: string, at: number | undefined): boolean {
  if (at === undefined) return false;
  if ((at === 0 || /\s/.test(text[at - 1]!)) && /\S/.test(text[at + 1] ?? " ")) return false;
  return !/[sS] ?$/.test(text.slice(Math.max(0, at - 2), at));
}

/** `text` with a tokenised copy's spacing closed (see the module's comment); other text is returned as it is. */
export function closeSpacing(text: string): string {
  let out = text;
  for (const [re, to] of RULES) out = out.replace(re, to);
  return tightPluralMarks(out);
}
