/**
 * "Try it": one Document shown as each surface would post it. The adapters' own renderers produce the
 * Slack Block Kit, the Discord embeds and the terminal text; this file only turns that platform output
 * into readable HTML (mrkdwn and Discord markdown → escaped HTML; links only to http(s) URLs).
 */
import type { types } from "@slack/bolt";
import type { APIEmbed } from "discord.js";
import { renderDocument as renderDiscord } from "../adapters/discord/render.ts";
import { renderDocument as renderSlack } from "../adapters/slack/render.ts";
import { renderTerminal } from "../adapters/terminal/render.ts";
import type { Document } from "../src/present/document.ts";
import { escapeHtml, type Html, html, safeUrl, trusted } from "./html.ts";

type KnownBlock = types.KnownBlock;

export interface Preview {
  slack: Html;
  discord: Html;
  text: Html;
}

export function previewDocument(doc: Document): Preview {
  return {
    slack: slackHtml(renderSlack(doc, { actions: [] }).flatMap((m) => m.blocks)),
    discord: discordHtml(renderDiscord(doc, { buttons: false }).flatMap((m) => m.embeds)),
    text: html`<pre class="plain">${renderTerminal(doc, { width: 80 })}</pre>`,
  };
}

// ---- Slack mrkdwn ----------------------------------------------------------------------------

function link(url: string, label: string): string {
  const href = safeUrl(url);
  return href
    ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${escapeHtml(label)}</a>`
    : escapeHtml(label);
}

const unSlack = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** Bold, italic and code spans on already-escaped text (their marks are not HTML-special). */
function slackStyles(escaped: string): string {
  return escaped
    .replace(/`([^`\n]+)`/g, "<code>$1</code>")
    .replace(/(^|[\s(>])\*([^*\n]+)\*(?=$|[\s).,:;!?<])/g, "$1<strong>$2</strong>")
    .replace(/(^|[\s(>])_([^_\n]+)_(?=$|[\s).,:;!?<])/g, "$1<em>$2</em>");
}

/** Slack mrkdwn (as our renderer escapes it) → HTML. */
export function mrkdwnToHtml(text: string): string {
  let out = "";
  let last = 0;
  for (const m of text.matchAll(/<([^<>]*)>/g)) {
    out += slackStyles(escapeHtml(unSlack(text.slice(last, m.index))));
    const inner = m[1] ?? "";
    const bar = inner.indexOf("|");
    if (inner.startsWith("#")) out += escapeHtml(`#${inner.slice(1).split("|")[0]}`);
    else if (inner.startsWith("!") || inner.startsWith("@")) out += escapeHtml(inner);
    else if (bar >= 0) out += link(unSlack(inner.slice(0, bar)), unSlack(inner.slice(bar + 1)));
    else out += link(unSlack(inner), unSlack(inner));
    last = (m.index ?? 0) + m[0].length;
  }
  out += slackStyles(escapeHtml(unSlack(text.slice(last))));
  return out.replace(/\n/g, "<br>");
}

function slackText(t: { type: string; text: string } | undefined): string {
  if (!t) return "";
  // Slack decodes &amp; &lt; &gt; in plain_text too.
  return t.type === "mrkdwn" ? mrkdwnToHtml(t.text) : escapeHtml(unSlack(t.text));
}

export function slackHtml(blocks: readonly KnownBlock[]): Html {
  const parts = blocks.map((b) => {
    switch (b.type) {
      case "header":
        return `<div class="sk-header">${escapeHtml(unSlack(b.text.text))}</div>`;
      case "divider":
        return `<hr class="sk-divider">`;
      case "section": {
        const fields = (b.fields ?? []).map((f) => `<div class="sk-field">${slackText(f)}</div>`).join("");
        return `<div class="sk-section">${slackText(b.text)}${fields ? `<div class="sk-fields">${fields}</div>` : ""}</div>`;
      }
      case "context":
        return `<div class="sk-context">${b.elements
          .map((e) => ("text" in e ? `<span>${slackText(e)}</span>` : ""))
          .join(" ")}</div>`;
      default:
        return "";
    }
  });
  return html`<div class="slack-message" role="article" aria-label="Slack message">${trusted(parts.join(""))}</div>`;
}

// ---- Discord markdown ------------------------------------------------------------------------

/** Discord markdown (as our renderer escapes it) → HTML: backslash escapes, **bold**, *italic*, `code`. */
function discordInline(text: string): string {
  let out = "";
  let bold = false;
  let italic = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? "";
    if (c === "\\" && i + 1 < text.length) {
      out += escapeHtml(text[++i] ?? "");
    } else if (c === "*" && text[i + 1] === "*") {
      out += bold ? "</strong>" : "<strong>";
      bold = !bold;
      i++;
    } else if (c === "*" || (c === "_" && (i === 0 || /\s/.test(text[i - 1] ?? "") || italic))) {
      out += italic ? "</em>" : "<em>";
      italic = !italic;
    } else if (c === "`") {
      const end = text.indexOf("`", i + 1);
      if (end < 0) out += "`";
      else {
        out += `<code>${escapeHtml(text.slice(i + 1, end))}</code>`;
        i = end;
      }
    } else out += escapeHtml(c);
  }
  if (italic) out += "</em>";
  if (bold) out += "</strong>";
  return out;
}

const unDiscord = (s: string) => s.replace(/\\(.)/g, "$1");

export function discordMarkdownToHtml(text: string): string {
  let out = "";
  let last = 0;
  const links = /\[((?:\\.|[^\]\\])*)\]\((<?)(https?:\/\/[^)\s>]+)>?\)|<#(\d+)>/g;
  for (const m of text.matchAll(links)) {
    out += discordInline(text.slice(last, m.index));
    out += m[4] ? escapeHtml(`#${m[4]}`) : link(m[3] ?? "", unDiscord(m[1] ?? ""));
    last = (m.index ?? 0) + m[0].length;
  }
  out += discordInline(text.slice(last));
  return out.replace(/\n/g, "<br>");
}

export function discordHtml(embeds: readonly APIEmbed[]): Html {
  const parts = embeds.map((e) => {
    const color = typeof e.color === "number" ? `#${e.color.toString(16).padStart(6, "0")}` : "#5865f2";
    const title = e.title
      ? `<div class="dc-title">${e.url ? link(e.url, e.title) : escapeHtml(e.title)}</div>`
      : "";
    const desc = e.description ? `<div class="dc-desc">${discordMarkdownToHtml(e.description)}</div>` : "";
    const fields = (e.fields ?? [])
      .map(
        (f) =>
          `<div class="dc-field"><div class="dc-fname">${escapeHtml(f.name)}</div><div>${discordMarkdownToHtml(f.value)}</div></div>`,
      )
      .join("");
    const footer = e.footer ? `<div class="dc-footer">${escapeHtml(e.footer.text)}</div>` : "";
    // The colour bar is a CSS custom property set from a number we format: no article text in it.
    return `<div class="dc-embed" data-color="${escapeHtml(color)}">${title}${desc}${fields}${footer}</div>`;
  });
  return html`<div class="discord-message" role="article" aria-label="Discord message">${trusted(parts.join(""))}</div>`;
}
