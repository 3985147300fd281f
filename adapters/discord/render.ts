/**
 * The canonical Document → Discord messages (embeds + buttons). Escapes every piece of article or user
 * text, never lets anything ping (allowed_mentions parses nothing), and splits across embeds and
 * messages so every Discord limit holds however long the document is.
 */
import {
  type APIActionRowComponent,
  type APIAllowedMentions,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
  ButtonStyle,
  ComponentType,
} from "discord.js";
import type {
  ActionId,
  Block,
  CommandArgs,
  CommandName,
  Document,
  DocumentSource,
  Inline,
} from "../../src/present/document.ts";
import { plainText } from "../../src/present/richText.ts";
import { safeText } from "../../src/present/safeText.ts";
import { COMMANDS } from "./commands.ts";
import { embedSize, LIMITS } from "./limits.ts";

/** Nothing in anything we post may notify anyone. */
export const NO_MENTIONS: APIAllowedMentions = { parse: [] };
export const NO_MENTIONS_REPLY: APIAllowedMentions = { parse: [], replied_user: false };

export const EPHEMERAL = 64;
/** No link previews: user text (topics, ids) in a plain message must not unfurl a URL it contains. */
export const SUPPRESS_EMBEDS = 4;
const COLOR = 0x2f6fdd;

export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponent>[];
  allowed_mentions: APIAllowedMentions;
  flags?: number;
}

/** Button custom ids; the interaction handler dispatches on them. */
export const BUTTONS = {
  ask: "summit:ask",
  up: "summit:feedback:up",
  down: "summit:feedback:down",
} as const;

const ZWSP = "\u200b";

/** Breaks @everyone / @here so they are plain text even where a client ignores allowed_mentions. */
export function defuseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`);
}

/**
 * Plain text → Discord markdown that shows exactly that text: every markdown, mention, timestamp and
 * emoji syntax character is backslash-escaped (so `<@123>` shows as text and cannot ping).
 */
export function escapeMarkdown(text: string): string {
  const escaped = safeText(text)
    .replace(/[\\*_~`|>#[\]()<-]/g, (c) => `\\${c}`)
    // Within one line only (whitespace but line terminators): `\s*` ran from every line start across all
    // the blank lines after it, quadratic in a run of them; where it matched, this matches at the later
    // line start and inserts the same backslash.
    .replace(/^([^\S\n\r\u2028\u2029]*\d+)\./gm, "$1\\.")
    .replace(/^([^\S\n\r\u2028\u2029]*)\+/gm, "$1\\+");
  return defuseMentions(escaped);
}

/** For places Discord shows as plain text (titles, field names, footers, button labels): no markdown there to escape. */
export function plain(text: string, max: number): string {
  return truncate(defuseMentions(safeText(text).replace(/\s+/g, " ").trim()), max);
}

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1).trimEnd()}…`;
}

function safeUrl(url: string): string | null {
  if (!/^https?:\/\/[^\s]+$/i.test(url)) return null;
  return url.replace(/\(/g, "%28").replace(/\)/g, "%29").replace(/</g, "%3C").replace(/>/g, "%3E");
}

/** A command as a Discord user types it (`/summit-subscribe time:08:00 timezone:Europe/Berlin`). */
export function spellCommand(name: CommandName, args: CommandArgs = {}): string {
  const options = (pairs: [string, string | undefined][]) =>
    pairs.filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => ` ${k}:${v}`);
  switch (name) {
    case "brief":
    case "help":
      return `/${COMMANDS.summit} topic:${args.topic ?? "<topic>"}`;
    case "ask":
      return `@Summit ${args.question ?? "<question>"}`;
    case "subscribe":
      return `/${COMMANDS.subscribe}${options([
        ["time", args.at ?? "HH:MM"],
        ["timezone", args.tz ?? "<timezone>"],
        ["days", args.days],
        ["topics", args.topics],
      ]).join("")}`;
    case "subscriptions":
      return `/${COMMANDS.subscriptions}`;
    case "unsubscribe":
      return `/${COMMANDS.unsubscribe} id:${args.id ?? "<id>"}`;
  }
}

/** Inline code: shown as typed; a backtick inside cannot end it early, and nothing in it can ping. */
function codeSpan(value: string): string {
  return `\`${defuseMentions(safeText(value).replace(/`/g, "'").replace(/\s+/g, " "))}\``;
}

/** A channel snowflake links to the channel (a channel mention never notifies); anything else is text. */
function channelRef(id: string): string {
  return /^\d{5,25}$/.test(id) ? `<#${id}>` : escapeMarkdown(`#${id}`);
}

function renderInlines(content: readonly Inline[]): string {
  let out = "";
  for (const inline of content) {
    switch (inline.kind) {
      case "cite":
        out += `${/\]$/.test(out) || out === "" ? "" : " "}[${inline.source}]`;
        break;
      case "link": {
        const url = safeUrl(inline.url);
        out += url ? `[${escapeMarkdown(inline.text)}](${url})` : escapeMarkdown(inline.text);
        break;
      }
      case "code":
      case "command":
        out += codeSpan(inline.kind === "code" ? inline.text : spellCommand(inline.name, inline.args));
        break;
      case "channel":
        out += channelRef(inline.id);
        break;
      case "text": {
        let t = escapeMarkdown(inline.text);
        if (inline.bold) t = `**${t}**`;
        if (inline.italic) t = `*${t}*`;
        out += t;
        break;
      }
    }
  }
  return out;
}

function inlinesPlain(content: readonly Inline[]): string {
  return plainText(content, spellCommand);
}

/** Lines of markdown for blocks shown in a description or a field value. */
function renderLines(blocks: Block[], footer: string[]): string[] {
  const lines: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case "heading":
        lines.push(`**${escapeMarkdown(block.text)}**`);
        break;
      case "paragraph":
        lines.push(renderInlines(block.content));
        break;
      case "list":
        for (const item of block.items) lines.push(`• ${renderInlines(item)}`);
        break;
      case "section":
        lines.push(`**${escapeMarkdown(block.title)}**`, ...renderLines(block.blocks, footer));
        break;
      case "context":
        footer.push(inlinesPlain(block.content));
        break;
    }
  }
  return lines;
}

function sourceLine(s: DocumentSource): string {
  const url = s.url ? safeUrl(s.url) : null;
  const title = escapeMarkdown(s.title || s.location);
  const head = url ? `[${title}](${url})` : title;
  const meta = [s.publisher, s.date].filter((x): x is string => !!x).map(escapeMarkdown);
  return `[${s.n}] ${head}${meta.length > 0 ? ` — ${meta.join(", ")}` : ""}`;
}

/** Splits one over-long line at a space (or hard, when there is none) into pieces of at most max. */
function splitLine(line: string, max: number): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > max) {
    let cut = rest.lastIndexOf(" ", max);
    if (cut < max / 2) cut = max;
    // Never cut right after a backslash escape, which would leave a dangling "\".
    while (cut > 1 && rest[cut - 1] === "\\") cut--;
    out.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) out.push(rest);
  return out;
}

/** Joins lines into chunks of at most max characters, splitting lines only when one alone is too long. */
export function chunkLines(lines: string[], max: number): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const line of lines.flatMap((l) => splitLine(l, max))) {
    const next = current === "" ? line : `${current}\n${line}`;
    if (next.length <= max) current = next;
    else {
      if (current !== "") chunks.push(current);
      current = line;
    }
  }
  if (current !== "") chunks.push(current);
  return chunks;
}

type Piece = { kind: "description"; text: string } | { kind: "field"; field: APIEmbedField };

function fieldsFor(name: string, lines: string[]): Piece[] {
  const base = plain(name, LIMITS.fieldName - 10) || "…";
  return chunkLines(lines, LIMITS.fieldValue).map((value, i) => ({
    kind: "field" as const,
    field: { name: i === 0 ? base : `${base} (cont.)`, value },
  }));
}

/** Discord's button for each action, in the order they are shown; "share" has none (posts are public). */
const BUTTON_FOR: [ActionId, APIButtonComponent][] = [
  [
    "ask_followup",
    {
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      label: "Ask in thread",
      custom_id: BUTTONS.ask,
    },
  ],
  [
    "feedback_up",
    {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      emoji: { name: "👍" },
      custom_id: BUTTONS.up,
    },
  ],
  [
    "feedback_down",
    {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      emoji: { name: "👎" },
      custom_id: BUTTONS.down,
    },
  ],
];

function buttons(actions: ActionId[]): APIActionRowComponent<APIButtonComponent>[] {
  const row = BUTTON_FOR.filter(([action]) => actions.includes(action)).map(([, button]) => ({ ...button }));
  return row.length > 0 ? [{ type: ComponentType.ActionRow, components: row }] : [];
}

export interface RenderOptions {
  /** Add buttons for the document's actions (default true). */
  buttons?: boolean;
  /** Message flags for every message, e.g. EPHEMERAL. */
  flags?: number;
}

/**
 * One or more messages showing the whole document: title on the first embed, points in descriptions,
 * titled sections and sources as fields, the context line as the last embed's footer, buttons on the
 * last message. Each message respects every Discord limit.
 */
export function renderDocument(doc: Document, opts: RenderOptions = {}): DiscordMessage[] {
  const footerParts: string[] = [];
  const pieces: Piece[] = [];
  let pending: Block[] = [];
  const flushDescription = () => {
    const lines = renderLines(pending, footerParts);
    pending = [];
    for (const text of chunkLines(lines, LIMITS.description)) pieces.push({ kind: "description", text });
  };
  for (const block of doc.blocks) {
    if (block.kind === "section") {
      flushDescription();
      pieces.push(...fieldsFor(block.title, renderLines(block.blocks, footerParts)));
    } else {
      pending.push(block);
    }
  }
  flushDescription();
  if (doc.sources.length > 0) pieces.push(...fieldsFor("Sources", doc.sources.map(sourceLine)));

  const title = plain(doc.title, LIMITS.title) || "Summit";
  // Capped well below the footer limit so title + a full description + footer always fit one message.
  const footer = footerParts.length > 0 ? plain(footerParts.join(" · "), 1000) : "";
  const budget = LIMITS.embedTotal - footer.length;

  const messages: APIEmbed[][] = [[]];
  let embed: APIEmbed = { title, color: COLOR };
  let messageSize = title.length;
  const startEmbed = (newMessage: boolean) => {
    if (embed.description !== undefined || (embed.fields?.length ?? 0) > 0 || embed.title !== undefined) {
      messages.at(-1)!.push(embed);
    }
    if (newMessage || messages.at(-1)!.length >= LIMITS.embedsPerMessage) {
      messages.push([]);
      messageSize = 0;
    }
    embed = { color: COLOR };
  };
  for (const piece of pieces) {
    const size =
      piece.kind === "description" ? piece.text.length : piece.field.name.length + piece.field.value.length;
    if (messageSize + size > budget) startEmbed(true);
    if (piece.kind === "description") {
      if (embed.description !== undefined || (embed.fields?.length ?? 0) > 0) startEmbed(false);
      embed.description = piece.text;
    } else {
      if ((embed.fields?.length ?? 0) >= LIMITS.fields) startEmbed(false);
      embed.fields = [...(embed.fields ?? []), piece.field];
    }
    messageSize += size;
  }
  if (footer) embed.footer = { text: footer };
  messages.at(-1)!.push(embed);

  const rows = opts.buttons === false ? [] : buttons(doc.actions);
  return messages
    .filter((embeds) => embeds.length > 0)
    .map((embeds, i, all) => {
      const m: DiscordMessage = { embeds, allowed_mentions: NO_MENTIONS };
      if (i === all.length - 1 && rows.length > 0) m.components = rows;
      if (opts.flags !== undefined) m.flags = opts.flags;
      return m;
    });
}

/** A short plain message (confirmations, errors, hints) as one embed-free message. */
export function textMessage(text: string, opts: { ephemeral?: boolean } = {}): DiscordMessage {
  const m: DiscordMessage = {
    content: truncate(text, LIMITS.content),
    embeds: [],
    allowed_mentions: NO_MENTIONS,
    flags: SUPPRESS_EMBEDS,
  };
  if (opts.ephemeral) m.flags = EPHEMERAL | SUPPRESS_EMBEDS;
  return m;
}

/**
 * A short notice (help, confirmations, errors: usecases' notices, the catalogue's rich text) as one
 * plain message; every value in it is escaped, link previews are off.
 */
export function renderNotice(content: readonly Inline[], opts: { ephemeral?: boolean } = {}): DiscordMessage {
  return textMessage(renderInlines(content), opts);
}

export { embedSize };
