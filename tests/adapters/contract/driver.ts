/**
 * The contract every surface's end-to-end driver implements, so the same cases
 * (tests/adapters/contract/cases.ts) run against Slack, Discord and the command line.
 */
import type { RichText } from "../../../src/present/richText.ts";

/** A message the bot posted (or an ephemeral/interaction reply, or the CLI's output), as recorded. */
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
  readonly name: "slack" | "discord" | "cli";
  /** `/summit <topic>` (`summit brief <topic>`) from a user; resolves with every reply once the bot is done. */
  slash(topic: string): Promise<PostedMessage[]>;
  /** A user's question in the thread of a briefing the bot posted. */
  followUp(briefing: PostedMessage, question: string): Promise<PostedMessage[]>;
  /** Subscribe this channel to a digest; resolves with the bot's reply. */
  subscribe(args: { at: string; tz: string; days?: string; topics?: string }): Promise<PostedMessage[]>;
  /** The new digest's id as the subscribe confirmation shows it, or null when it shows none. */
  subscriptionIdIn(confirmation: string): string | null;
  listSubscriptions(): Promise<PostedMessage[]>;
  unsubscribe(id: string): Promise<PostedMessage[]>;
  /**
   * The id of a digest the caller may not stop: another workspace's on a chat platform; for the operator
   * at the command line, who sees every workspace, an id that does not exist.
   */
  foreignSubscriptionId(): Promise<string>;
  /** The catalogue's rich text as this surface shows it (its own renderer, then what a person sees). */
  visible(text: RichText): string;
  /** True when the payload could notify anyone (@everyone, @here, a user or a role; a terminal bell). */
  couldPing(message: PostedMessage): boolean;
  /** Problems with the platform's size limits in this message (empty when it fits). */
  limitViolations(message: PostedMessage): string[];
  close(): Promise<void>;
}
