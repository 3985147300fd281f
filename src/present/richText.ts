/**
 * Rich text: a run of Inlines (src/present/document.ts), the form every user-facing sentence takes
 * (the message catalogue in src/messages.ts, the notices of usecases/). Builders for writing it, and
 * its plain-text form for logs, error messages and fallback text.
 */
import type { CommandArgs, CommandName, Inline } from "./document.ts";

export type RichText = Inline[];

export const text = (value: string): Inline => ({ kind: "text", text: value });
export const bold = (value: string): Inline => ({ kind: "text", text: value, bold: true });
export const code = (value: string): Inline => ({ kind: "code", text: value });
export const channel = (id: string): Inline => ({ kind: "channel", id });
export const command = (name: CommandName, args?: CommandArgs): Inline =>
  args ? { kind: "command", name, args } : { kind: "command", name };

/**
 * A tagged template for rich text: the literal parts are text, interpolated Inlines (and runs of them)
 * are kept as they are, and anything else (strings, numbers) is text. Adjacent plain text is merged.
 *   rich`There is no digest ${code(id)} here.`
 */
export function rich(
  strings: TemplateStringsArray,
  ...values: (Inline | readonly Inline[] | string | number)[]
): RichText {
  const out: RichText = [];
  const push = (i: Inline) => {
    const last = out.at(-1);
    if (i.kind === "text" && !i.bold && !i.italic && last?.kind === "text" && !last.bold && !last.italic) {
      out[out.length - 1] = { kind: "text", text: last.text + i.text };
    } else if (i.kind !== "text" || i.text !== "") {
      out.push(i);
    }
  };
  strings.forEach((s, i) => {
    push(text(s));
    if (i < values.length) {
      const v = values[i]!;
      if (Array.isArray(v)) for (const i of v as readonly Inline[]) push(i);
      else push(typeof v === "object" ? (v as Inline) : text(String(v)));
    }
  });
  return out;
}

/** Joins rich texts with a separator (e.g. ", " between topics, "\n" between lines). */
export function joinRich(parts: readonly RichText[], separator: string): RichText {
  return parts.flatMap((p, i) => (i === 0 ? p : [text(separator), ...p]));
}

/**
 * A command spelled neutrally, for plain text (logs, error messages, notification fallbacks).
 * Each surface spells commands its own way when it renders (adapters/<platform>/render.ts).
 */
export function plainCommand(name: CommandName, args: CommandArgs = {}): string {
  const values = [args.topic, args.question, args.at, args.tz, args.days, args.topics, args.id].filter(
    (v): v is string => v !== undefined && v !== "",
  );
  const head = name === "brief" || name === "ask" ? "/summit" : `/summit ${name}`;
  return [head, ...values].join(" ");
}

type Spell = (name: CommandName, args?: CommandArgs) => string;

function inlinePlain(i: Inline, spell: Spell): string {
  switch (i.kind) {
    case "text":
    case "code":
    case "link":
      return i.text;
    case "cite":
      return `[${i.source}]`;
    case "command":
      return spell(i.name, i.args);
    case "channel":
      return `#${i.id}`;
  }
}

/** The text a person would read, without markup; commands spelled by `spell` (default: neutrally). */
export function plainText(content: readonly Inline[], spell: Spell = plainCommand): string {
  return content.map((i) => inlinePlain(i, spell)).join("");
}
