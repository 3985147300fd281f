/**
 * The terminal adapter: a canonical Document as readable plain text (optionally with ANSI styles).
 * Citations print as [n]; the numbered source list follows.
 */
import type { Block, CommandArgs, CommandName, Document, Inline } from "../../src/present/document.ts";
import { isNotice } from "../../usecases/reply.ts";

export interface TerminalOptions {
  /** Use ANSI bold/italic/dim (for a TTY). */
  color?: boolean;
  /** Wrap lines at this width (0 = no wrapping). */
  width?: number;
}

/**
 * Control characters other than newline and tab would let article text drive the terminal, and
 * bidirectional overrides would let it reorder what is shown ("Trojan Source"); both are removed.
 */
export function safe(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "");
}

function style(text: string, code: string, on: boolean): string {
  return on ? `\u001b[${code}m${text}\u001b[0m` : text;
}

/** A command as typed at the shell (`summit subscribe --platform … --at 08:00 --tz Europe/Berlin`). */
export function spellCommand(name: CommandName, args: CommandArgs = {}): string {
  const quote = (v: string) => (/^[\w./:,@+-]+$/.test(v) ? v : `"${v.replace(/(["\\$`])/g, "\\$1")}"`);
  switch (name) {
    case "brief":
      return `summit brief ${args.topic ?? "<topic>"}`;
    case "ask":
      return `summit ask ${args.question ? quote(args.question) : "<question>"}`;
    case "help":
      return "summit --help";
    case "subscribe":
      return [
        "summit subscribe --platform <slack|discord> --channel <id>",
        `--at ${args.at ?? "HH:MM"}`,
        `--tz ${args.tz ?? "<zone>"}`,
        args.days ? `--days ${quote(args.days)}` : "",
        args.topics ? `--topics ${quote(args.topics)}` : "",
      ]
        .filter(Boolean)
        .join(" ");
    case "subscriptions":
      return "summit subscriptions";
    case "unsubscribe":
      return `summit unsubscribe ${args.id ?? "<id>"}`;
  }
}

function inlineText(items: readonly Inline[], color: boolean): string {
  let out = "";
  let prevCite = false;
  for (const i of items) {
    if (i.kind === "cite") {
      out += (prevCite || out === "" ? "" : " ") + style(`[${i.source}]`, "2", color);
      prevCite = true;
      continue;
    }
    prevCite = false;
    switch (i.kind) {
      case "text": {
        let t = safe(i.text);
        if (i.bold) t = style(t, "1", color);
        if (i.italic) t = style(t, "3", color);
        out += t;
        break;
      }
      case "link":
        out += `${safe(i.text)} <${safe(i.url)}>`;
        break;
      case "code":
      case "command":
        out += `\`${safe(i.kind === "code" ? i.text : spellCommand(i.name, i.args))}\``;
        break;
      case "channel":
        out += `#${safe(i.id)}`;
        break;
    }
  }
  return out;
}

/** A notice (help, confirmation, error: the catalogue's rich text) as terminal text, without a trailing newline. */
export function renderNotice(content: readonly Inline[], opts: TerminalOptions = {}): string {
  return inlineText(content, opts.color ?? false);
}

/** A use case's reply: a notice as its lines of text, anything else as a Document; ends with a newline. */
export function renderReply(doc: Document, opts: TerminalOptions = {}): string {
  return isNotice(doc) ? `${renderNotice(doc.content, opts)}\n` : renderTerminal(doc, opts);
}

/** Printed width, ANSI codes excluded. */
function visible(s: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI codes take no columns
  return s.replace(/\u001b\[\d+m/g, "").length;
}

function wrap(text: string, width: number, indent: string, first: string): string {
  if (width <= 0) return first + text;
  const lines: string[] = [];
  let line = first;
  let len = first.length;
  let empty = true;
  for (const w of text.split(/ +/)) {
    const wl = visible(w);
    if (!empty && len + 1 + wl > width) {
      lines.push(line);
      line = indent + w;
      len = indent.length + wl;
    } else {
      line += (empty ? "" : " ") + w;
      len += (empty ? 0 : 1) + wl;
    }
    empty = false;
  }
  lines.push(line);
  return lines.join("\n");
}

function blocks(bs: Block[], depth: number, o: Required<TerminalOptions>): string[] {
  const pad = "  ".repeat(depth);
  const out: string[] = [];
  for (const b of bs) {
    switch (b.kind) {
      case "heading":
        out.push(pad + style(safe(b.text), "1", o.color));
        break;
      case "paragraph":
        out.push(wrap(inlineText(b.content, o.color), o.width, pad, pad));
        break;
      case "list":
        for (const item of b.items)
          out.push(wrap(inlineText(item, o.color), o.width, `${pad}  `, `${pad}• `));
        break;
      case "section":
        out.push("", pad + style(safe(b.title), "1", o.color), ...blocks(b.blocks, depth + 1, o));
        break;
      case "context":
        out.push("", pad + style(inlineText(b.content, false), "2", o.color));
        break;
    }
  }
  return out;
}

/** Renders a Document for a terminal. */
export function renderTerminal(doc: Document, opts: TerminalOptions = {}): string {
  const o: Required<TerminalOptions> = { color: opts.color ?? false, width: opts.width ?? 100 };
  const lines: string[] = [style(safe(doc.title), "1", o.color), ""];
  // A notice or a not-found briefing repeats its title as its only paragraph.
  const body = doc.blocks.filter(
    (b, i) => !(i === 0 && b.kind === "paragraph" && inlineText(b.content, false) === doc.title),
  );
  lines.push(...blocks(body, 0, o));
  if (doc.sources.length > 0) {
    lines.push("", style("Sources", "1", o.color));
    for (const s of doc.sources) {
      const meta = [s.publisher, s.date].filter(Boolean).join(", ");
      const where = s.url ?? s.location;
      lines.push(
        wrap(safe(`[${s.n}] ${s.title}${meta ? ` — ${meta}` : ""} (${where})`), o.width, "    ", ""),
      );
    }
  }
  return `${lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}
