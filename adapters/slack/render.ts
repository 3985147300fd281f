/**
 * The canonical Document (src/present/document.ts) rendered as Slack Block Kit messages.
 * Every piece of article or user text is escaped here; the result always fits Slack's limits
 * (≤50 blocks, ≤3,000 characters per section, ≤ ~12,000 characters of blocks per message): a long
 * document becomes several messages, never an error.
 */
import type { types } from "@slack/bolt";
import type {
  ActionId,
  Block,
  CommandArgs,
  CommandName,
  Document,
  DocumentSource,
  Inline,
} from "../../src/present/document.ts";
import { escapeText, mrkdwnLink, truncateEscaped } from "./escape.ts";

type KnownBlock = types.KnownBlock;
type SectionBlock = types.SectionBlock;
type ContextBlock = types.ContextBlock;
type Button = types.Button;

export const LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  /** Serialized size of a message's blocks; Slack answers msg_blocks_too_long somewhere past 12k. */
  blocksChars: 11_000,
  fallbackText: 3000,
} as const;

/** Action ids of the buttons we render, so the app's handlers and the renderer agree. */
export const ACTION_IDS: Record<ActionId, string> = {
  share: "summit_share",
  ask_followup: "summit_followup",
  feedback_up: "summit_feedback_up",
  feedback_down: "summit_feedback_down",
};

export interface SlackMessage {
  /** Notification / fallback text (escaped). */
  text: string;
  blocks: KnownBlock[];
}

export interface RenderOptions {
  /** Reference stored with the document (share, follow-up and feedback buttons carry it). */
  ref?: string;
  /** Which of the document's actions to show (default: all of them). */
  actions?: ActionId[];
}

function section(text: string): SectionBlock {
  return { type: "section", text: { type: "mrkdwn", text, verbatim: true } };
}

function citation(n: number, sources: DocumentSource[]): string {
  const src = sources.find((s) => s.n === n);
  return src?.url ? mrkdwnLink(src.url, `[${n}]`) : `[${n}]`;
}

/** A command as a Slack user types it (`/summit subscribe 08:00 Europe/Berlin weekdays`). */
export function spellCommand(name: CommandName, args: CommandArgs = {}): string {
  switch (name) {
    case "brief":
      return `/summit ${args.topic ?? "<topic>"}`;
    case "ask":
      return `@Summit ${args.question ?? "<question>"}`;
    case "help":
      return "/summit help";
    case "subscribe":
      return ["/summit subscribe", args.at ?? "HH:MM", args.tz ?? "<timezone>", args.days, args.topics]
        .filter(Boolean)
        .join(" ");
    case "subscriptions":
      return "/summit subscriptions";
    case "unsubscribe":
      return `/summit unsubscribe ${args.id ?? "<id>"}`;
  }
}

/** Inline code: escaped, and a backtick inside cannot end it early. */
function codeSpan(value: string): string {
  return `\`${escapeText(value.replace(/`/g, "'").replace(/\s+/g, " "))}\``;
}

/** Slack channel ids (C…, G…, D…) link to the channel; anything else is shown as text. */
function channelRef(id: string): string {
  return /^[CGD][A-Z0-9]{2,20}$/.test(id) ? `<#${id}>` : escapeText(`#${id}`);
}

function renderInlines(content: readonly Inline[], sources: DocumentSource[] = []): string {
  let out = "";
  for (const inline of content) {
    switch (inline.kind) {
      case "cite":
        out += `${out === "" || out.endsWith(" ") || out.endsWith("]") || out.endsWith(">") ? "" : " "}${citation(inline.source, sources)}`;
        continue;
      case "link":
        out += mrkdwnLink(inline.url, inline.text);
        continue;
      case "code":
      case "command":
        out += codeSpan(inline.kind === "code" ? inline.text : spellCommand(inline.name, inline.args));
        continue;
      case "channel":
        out += channelRef(inline.id);
        continue;
      case "text":
        break;
    }
    const text = escapeText(inline.text);
    const core = text.trim();
    if (core === "" || (!inline.bold && !inline.italic)) {
      out += text;
      continue;
    }
    const lead = text.slice(0, text.indexOf(core));
    const trail = text.slice(text.indexOf(core) + core.length);
    let styled = core;
    if (inline.italic) styled = `_${styled}_`;
    if (inline.bold) styled = `*${styled}*`;
    out += `${lead}${styled}${trail}`;
  }
  return out;
}

/** Splits a long escaped line at whitespace (never inside an entity or a <link>) into pieces ≤ max. */
export function splitLine(line: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > max) {
    let cut = rest.lastIndexOf(" ", max);
    if (cut < max / 2) cut = max;
    let head = rest.slice(0, cut);
    const amp = head.lastIndexOf("&");
    if (amp >= 0 && amp > head.lastIndexOf(";") && head.length - amp < 6) head = head.slice(0, amp);
    const lt = head.lastIndexOf("<");
    if (lt > 0 && lt > head.lastIndexOf(">")) head = head.slice(0, lt);
    if (head.length === 0) head = rest.slice(0, max);
    pieces.push(head);
    rest = rest.slice(head.length).replace(/^ /, "");
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/** Packs lines into section blocks of at most `max` characters each. */
function packLines(lines: string[], max = LIMITS.sectionText): SectionBlock[] {
  const out: SectionBlock[] = [];
  let current = "";
  for (const line of lines.flatMap((l) => splitLine(l, max))) {
    if (current !== "" && current.length + 1 + line.length > max) {
      out.push(section(current));
      current = "";
    }
    current = current === "" ? line : `${current}\n${line}`;
  }
  if (current !== "") out.push(section(current));
  return out;
}

function renderBlock(block: Block, sources: DocumentSource[], depth: number): KnownBlock[] {
  switch (block.kind) {
    case "heading":
      return packLines([`*${escapeText(block.text)}*`]);
    case "paragraph":
      return packLines([renderInlines(block.content, sources)]);
    case "list":
      return packLines(block.items.map((item) => `• ${renderInlines(item, sources)}`));
    case "section": {
      const title = escapeText(block.title);
      const head: KnownBlock[] = depth === 0 ? [{ type: "divider" }] : [];
      head.push(...packLines([depth === 0 ? `*${title}*` : `_${title}_`]));
      return [...head, ...block.blocks.flatMap((b) => renderBlock(b, sources, depth + 1))];
    }
    case "context": {
      const text = truncateEscaped(renderInlines(block.content, sources), LIMITS.sectionText);
      return text.trim() === ""
        ? []
        : [{ type: "context", elements: [{ type: "mrkdwn", text, verbatim: true }] }];
    }
  }
}

function sourceLine(s: DocumentSource): string {
  const title = s.url ? mrkdwnLink(s.url, s.title) : escapeText(s.title);
  const meta = [s.publisher, s.date].filter((x): x is string => Boolean(x)).map(escapeText);
  return truncateEscaped(`[${s.n}] ${title}${meta.length ? ` · ${meta.join(" · ")}` : ""}`, 1000);
}

function sourceBlocks(sources: DocumentSource[]): ContextBlock[] {
  const out: ContextBlock[] = [];
  for (let i = 0; i < sources.length; i += LIMITS.contextElements) {
    out.push({
      type: "context",
      elements: sources
        .slice(i, i + LIMITS.contextElements)
        .map((s) => ({ type: "mrkdwn" as const, text: sourceLine(s), verbatim: true })),
    });
  }
  return out;
}

const BUTTON_LABELS: Record<ActionId, string> = {
  share: "Share to channel",
  ask_followup: "Ask a follow-up",
  feedback_up: "👍",
  feedback_down: "👎",
};

function actionsBlock(actions: ActionId[], ref: string): KnownBlock | null {
  if (actions.length === 0) return null;
  const elements: Button[] = actions.map((a) => {
    const button: Button = {
      type: "button",
      action_id: ACTION_IDS[a],
      text: { type: "plain_text", text: BUTTON_LABELS[a], emoji: true },
      value: ref.slice(0, 2000),
    };
    if (a === "share") button.style = "primary";
    return button;
  });
  return { type: "actions", block_id: "summit_actions", elements };
}

function blocksSize(blocks: KnownBlock[]): number {
  return JSON.stringify(blocks).length;
}

/** Renders a document as one or more Slack messages, each within Slack's limits. */
export function renderDocument(doc: Document, opts: RenderOptions = {}): SlackMessage[] {
  const header: KnownBlock = {
    type: "header",
    text: {
      type: "plain_text",
      text: truncateEscaped(escapeText(doc.title), LIMITS.headerText),
      emoji: true,
    },
  };
  const body: KnownBlock[] = [
    ...doc.blocks.flatMap((b) => renderBlock(b, doc.sources, 0)),
    ...(doc.sources.length > 0 ? [{ type: "divider" } as KnownBlock, ...sourceBlocks(doc.sources)] : []),
  ];
  const wanted = opts.actions ?? doc.actions;
  const actions = opts.ref === undefined ? null : actionsBlock(wanted, opts.ref);

  const messages: KnownBlock[][] = [[header]];
  for (const block of body) {
    const current = messages.at(-1) as KnownBlock[];
    const candidate = [...current, block];
    if (candidate.length > LIMITS.blocksPerMessage || blocksSize(candidate) > LIMITS.blocksChars) {
      messages.push([block]);
    } else {
      current.push(block);
    }
  }
  if (actions) {
    const last = messages.at(-1) as KnownBlock[];
    if (last.length + 1 > LIMITS.blocksPerMessage || blocksSize([...last, actions]) > LIMITS.blocksChars) {
      messages.push([actions]);
    } else {
      last.push(actions);
    }
  }
  const fallback = truncateEscaped(escapeText(doc.fallbackText), LIMITS.fallbackText);
  const title = truncateEscaped(escapeText(doc.title), 200);
  return messages.map((blocks, i) => ({
    text: i === 0 ? fallback : `${title} (part ${i + 1} of ${messages.length})`,
    blocks,
  }));
}

/**
 * A short notice (help, confirmations, errors: usecases' notices, the catalogue's rich text) as one
 * message of mrkdwn sections, a line each; every value in it is escaped.
 */
export function renderNotice(content: readonly Inline[]): SlackMessage {
  const mrkdwn = renderInlines(content);
  const blocks = packLines(mrkdwn.split("\n")).slice(0, LIMITS.blocksPerMessage);
  return { text: truncateEscaped(mrkdwn, LIMITS.fallbackText), blocks };
}
