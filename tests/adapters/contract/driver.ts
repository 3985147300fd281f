/**
 * The contract every adapter's end-to-end driver implements, so the same cases
 * (tests/adapters/contract/cases.ts) run against Slack and Discord.
 */

/** A message the bot posted (or an ephemeral/interaction reply), as the fake platform recorded it. */
export interface PostedMessage {
  id: string;
  channel: string;
  /** All human-visible text of the message (blocks, embeds, fields) joined, as the platform would show it. */
  text: string;
  /** Id of the message whose thread this was posted in, or null. */
  threadOf: string | null;
  /** Visible only to the asker. */
  ephemeral: boolean;
  /** The platform payload as sent, for platform-specific assertions. */
  raw: unknown;
}

export interface AdapterDriver {
  readonly name: "slack" | "discord";
  /** `/summit <topic>` from a user; resolves with every reply once the bot is done. */
  slash(topic: string): Promise<PostedMessage[]>;
  /** A user's question in the thread of a briefing the bot posted. */
  followUp(briefing: PostedMessage, question: string): Promise<PostedMessage[]>;
  /** Subscribe this channel to a digest; resolves with the bot's reply. */
  subscribe(args: { at: string; tz: string; days?: string; topics?: string }): Promise<PostedMessage[]>;
  listSubscriptions(): Promise<PostedMessage[]>;
  /** True when the payload could notify anyone (@everyone, @here, a user or a role) on this platform. */
  couldPing(message: PostedMessage): boolean;
  /** Problems with the platform's size limits in this message (empty when it fits). */
  limitViolations(message: PostedMessage): string[];
  close(): Promise<void>;
}
