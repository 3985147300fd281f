/**
 * Escaping for Slack text objects. Article and user text is data: it must never become a mention,
 * a channel link, a broadcast (<!channel>, <!here>, <!everyone>) or a link Slack would unfurl.
 * Slack decodes exactly three entities (&amp; &lt; &gt;) in every text object, so escaping those makes
 * every `<…>` control sequence inert; bare "@here"-style words get a zero-width joiner as defence in
 * depth (they only notify with link_names, which we never set).
 */

import { safeText } from "../../src/present/safeText.ts";

const BROADCAST_WORDS = /@(everyone|here|channel)\b/gi;

/**
 * Removes mention tokens and control/bidi characters (src/present/safeText.ts), escapes &, <, > and
 * defuses bare broadcast words. Use for every piece of non-markup text.
 */
export function escapeText(text: string): string {
  return safeText(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(BROADCAST_WORDS, "@\u2060$1");
}

/** A link we build ourselves, to an http(s) URL only; the label is escaped, the URL cannot break out. */
export function mrkdwnLink(url: string, label: string): string {
  if (!/^https?:\/\//i.test(url)) return escapeText(label);
  const safeUrl = url.replace(/[<>|\s]/g, encodeURIComponent).replace(/&/g, "&amp;");
  return `<${safeUrl}|${escapeText(label).replace(/\|/g, "¦")}>`;
}

/** Truncates to `max` characters without cutting an entity in half; appends an ellipsis when cut. */
export function truncateEscaped(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  const amp = cut.lastIndexOf("&");
  if (amp >= 0 && amp > cut.lastIndexOf(";") && cut.length - amp < 6) cut = cut.slice(0, amp);
  const lt = cut.lastIndexOf("<");
  if (lt >= 0 && lt > cut.lastIndexOf(">")) cut = cut.slice(0, lt);
  return `${cut}…`;
}
