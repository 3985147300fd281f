/**
 * Defensive neutralising of mass and user mentions in LLM-written text. The adapters escape
 * everything they post anyway; this is a second line so that nothing an LLM writes can ping, even
 * if a converter forgets to escape.
 */

/** Slack/Discord mention markup: <!channel>, <!here>, <!subteam^S1>, <@U123>, <@!123>, <@&123>, <#C1>. */
const MARKUP = /<\s*[@#!][^<>]{0,200}>/gu;
/** Plain-text mass mentions (any case, ASCII or full-width @, optional space): @everyone, @here, @channel. */
const MASS = /[@＠]\s*(everyone|here|channel)\b/giu;

/** Removes mention markup and mass mentions, whole (not only their @); collapses the whitespace left behind. */
export function neutraliseMentions(text: string): string {
  return text
    .replace(MARKUP, "")
    .replace(MASS, "")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}

/** True when the text still holds something that could ping (used by tests and as an assertion). */
export function hasMention(text: string): boolean {
  MARKUP.lastIndex = 0;
  MASS.lastIndex = 0;
  return new RegExp(MARKUP.source, "u").test(text) || new RegExp(MASS.source, "iu").test(text);
}
