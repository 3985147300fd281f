/**
 * One canonical rich-text model for everything Summit posts. The core turns a Briefing, Answer or
 * Digest into a Document; each adapter converts a Document to its platform (Block Kit, embeds,
 * terminal text) and escapes text there. Text in a Document is always plain, never pre-escaped markup.
 */

export type Inline =
  | { kind: "text"; text: string; bold?: boolean; italic?: boolean }
  | { kind: "link"; text: string; url: string }
  /** A numbered citation; `source` is the index (1-based) into Document.sources. */
  | { kind: "cite"; source: number }
  /** A literal value shown exactly as typed (an id, a time, a zone): monospace where the surface has it. */
  | { kind: "code"; text: string }
  /**
   * A command the reader can run. Each surface spells it its own way (`/summit subscribe 08:00 UTC`,
   * `/summit-subscribe time:08:00 timezone:UTC`, `summit subscribe --at 08:00 --tz UTC`), so one
   * sentence of the message catalogue (src/messages.ts) reads right everywhere.
   */
  | { kind: "command"; name: CommandName; args?: CommandArgs }
  /** A channel of the reader's own workspace: a link to it where the surface has one, never a ping. */
  | { kind: "channel"; id: string };

/** The commands a message may point the reader to (the surfaces' command tables spell them). */
export type CommandName = "brief" | "ask" | "help" | "subscribe" | "subscriptions" | "unsubscribe";

/** A command's arguments as the reader would fill them in (example values or placeholders such as "<id>"). */
export interface CommandArgs {
  topic?: string;
  question?: string;
  at?: string;
  tz?: string;
  days?: string;
  topics?: string;
  id?: string;
}

export type Block =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; content: Inline[] }
  | { kind: "list"; items: Inline[][] }
  /** A titled group, e.g. "Where sources differ" or one story of a digest. */
  | { kind: "section"; title: string; blocks: Block[] }
  /** Small print: freshness, engine, counts. */
  | { kind: "context"; content: Inline[] };

export interface DocumentSource {
  /** 1-based number used by cite inlines. */
  n: number;
  id: string;
  title: string;
  publisher: string | null;
  date: string | null;
  /** A URL when the source has one, else null (a file path is shown as text, never linked). */
  url: string | null;
  location: string;
}

/** What the reader can do next; each adapter decides how (buttons, thread, reactions). */
export type ActionId = "share" | "ask_followup" | "feedback_up" | "feedback_down";

export interface Document {
  /** What the message is, for logs and feedback records. */
  kind: "briefing" | "answer" | "digest" | "notice";
  /** The headline. */
  title: string;
  blocks: Block[];
  sources: DocumentSource[];
  /** Plain-text summary for notifications and clients that cannot show rich text. */
  fallbackText: string;
  actions: ActionId[];
  /** The topic or question this answers, used to steer follow-ups in a thread. */
  topic: string | null;
}
