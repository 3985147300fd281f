/**
 * What the console needs from the rest of Summit, passed in by the composition root (app/console.ts).
 * The console imports no Redis, queue or store internals: pages read and act only through these.
 */

import type { RecentDelivery } from "../queue/recent.ts";
import type { Subscription } from "../queue/types.ts";
import type { Clock, Engine } from "../src/model.ts";
import type { FeedbackVote } from "../usecases/feedback.ts";
import type { SubscriptionControls } from "../usecases/manageSubscription.ts";
import type { EndedSessions, LoginAttempts, LoginLimit } from "./auth.ts";

/** One followed source as the Sources page shows it. */
export interface SourceRow {
  id: string;
  name: string;
  url: string;
  feedUrl: string;
  /** "new" until its first poll. */
  status: "new" | "ok" | "failing" | "disabled";
  lastFetchAt: string | null;
  nextFetchAt: string | null;
  lastError: string | null;
  articles: number;
}

export interface PollSummary {
  status: "ok" | "not-modified" | "failed" | "busy";
  added: number;
  error: string | null;
}

/**
 * The Sources page's port: deliberately small, so it can be re-wired to usecases/sources.ts. `add`
 * takes a feed or a site URL (the feed is discovered); `importOpml` reports progress as it goes.
 */
export interface SourcesPort {
  list(): Promise<SourceRow[]>;
  add(url: string): Promise<{ id: string; created: boolean }>;
  remove(id: string): Promise<boolean>;
  poll(id: string): Promise<PollSummary>;
  importOpml(
    opml: string,
    onProgress?: (done: number, total: number) => void,
  ): Promise<{ added: number; known: number; failed: number }>;
  exportOpml(): Promise<string>;
  /** Articles that arrived on each of the last `days` UTC days, oldest first (for the chart). */
  articlesPerDay?(days: number): Promise<{ day: string; count: number }[]>;
}

export interface ConsoleDeps {
  clock: Clock;
  /** SUMMIT_CONSOLE_TOKEN; without it the console answers loopback requests only. */
  token: string | undefined;
  /** Absent in a process without the bot or worker role (Try it then says so). */
  engine: Pick<Engine, "brief" | "ask" | "suggestTopics"> | null;
  /** How long a Try it request may run. */
  deadlineMs: number;
  subscriptions: SubscriptionControls & {
    list(): Promise<Subscription[]>;
    nextDelivery(sub: Subscription, from?: Date): Date | null;
  };
  deliveries: { recent(limit: number): Promise<RecentDelivery[]> };
  feedback: { recent(limit: number): Promise<FeedbackVote[]> };
  /** What /healthz answers. */
  health(): Promise<Record<string, unknown>>;
  sources: SourcesPort | null;
  /**
   * Mark the session cookie Secure even on a plain socket (SUMMIT_CONSOLE_SECURE_COOKIE): HTTPS ends at
   * a proxy in front of Summit. On a TLS socket it is marked anyway.
   */
  secureCookie?: boolean;
  /** Where logged-out sessions are listed until they expire; default this process's memory. */
  endedSessions?: EndedSessions;
  /**
   * Login attempts and wrong Bearer tokens allowed per client address per window (default 5 per 15
   * minutes), counted in this process's memory; ignored with `loginAttempts`.
   */
  loginLimit?: LoginLimit;
  /** Where login attempts are counted, shared by every process serving the console; default this process's memory. */
  loginAttempts?: LoginAttempts;
  /** Called for every console action (for metrics): what, and how it went. */
  onCommand?: (command: string, outcome: "ok" | "error") => void;
}
