/**
 * What no text from an article, an LLM or a user may carry to a platform, whatever the surface:
 *
 * - mention tokens, removed whole (not only their sigil, which left "everyone … here" in headlines):
 *   Slack `<!here>`, `<!channel>`, `<!everyone>`, `<!subteam^S1|@team>`, `<@U123>`, `<#C123|general>`,
 *   Discord `<@123>`, `<@!123>`, `<@&123>` (roles), `<#123>`, and the words `@everyone`, `@here`,
 *   `@channel` (ASCII or full-width @, optionally a space after it);
 * - control characters (C0 but tab and newline, DEL, C1), NUL, and the bidirectional embeddings,
 *   overrides and isolates U+202A–U+202E, U+2066–U+2069, which can make text read other than it is.
 *
 * The platform renderers (adapters/slack/escape.ts, adapters/discord/render.ts) call safeText on every
 * piece of text before escaping it; links and mentions the bot builds itself do not go through it.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;
/** `<` + a mention sigil + anything up to the closing `>` (mentions are short: at most 200 characters). */
const MARKUP = /<\s*[@#!][^<>\n]{0,200}>/gu;
/** The mass-mention words, and their full-width at sign. */
const MASS = /[@＠]\s?(?:everyone|here|channel)\b/giu;
/** A raw mention without its brackets as some LLMs write it (`@&123…`, `@!123…`): a role or a user id. */
const BARE_ID = /[@＠][!&]\d{5,25}\b/gu;

export function safeText(text: string): string {
  const cleaned = text.replace(CONTROL, "").replace(MARKUP, "").replace(MASS, "").replace(BARE_ID, "");
  if (cleaned === text) return text;
  // Collapse the gaps left behind, keeping line breaks.
  return cleaned
    .replace(/[ \t]{2,}/g, " ")
    .replace(/ +([,.;:!?])/g, "$1")
    .replace(/^[ \t]+|[ \t]+$/gm, "");
}

/** True when `text` still holds a mention token or a character safeText removes (tests, assertions). */
export function hasUnsafeText(text: string): boolean {
  return [CONTROL, MARKUP, MASS, BARE_ID].some((re) =>
    new RegExp(re.source, re.flags.replace("g", "")).test(text),
  );
}
