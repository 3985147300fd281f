/**
 * Who is asking, and from where: every use case takes the caller's Scope. The adapter builds it from
 * the platform's payload (and resolves `isAdmin`); the use cases decide what that caller may see and do.
 */
import type { Platform } from "../src/delivery.ts";
import { inputError } from "../src/errors.ts";

/** Where a request comes from. Slack and Discord are chat platforms; the CLI is the operator's shell. */
export type Surface = "slack" | "discord" | "cli" | "web";

export interface Scope {
  surface: Surface;
  /**
   * The chat platform the workspace belongs to. Slack and Discord are their own platform; a surface
   * that is not a chat platform (a web console) says which one it acts for.
   */
  platform?: Platform;
  /** Slack team id or Discord guild id; null outside one (a DM, the CLI). */
  workspace: string | null;
  /** The channel the request came from, or null. */
  channel: string | null;
  user: string | null;
  /**
   * Resolved by the adapter: a Slack workspace admin or owner, a Discord member with Manage Server,
   * the operator at the command line. Admin-only use cases call requireAdmin.
   */
  isAdmin: boolean;
}

/** The operator at the command line: sees and changes every workspace's subscriptions. */
export const CLI_SCOPE: Scope = {
  surface: "cli",
  workspace: null,
  channel: null,
  user: "cli",
  isAdmin: true,
};

/** The operator at the web console: admin of every workspace, like the CLI. */
export const CONSOLE_SCOPE: Scope = {
  surface: "web",
  workspace: null,
  channel: null,
  user: "console",
  isAdmin: true,
};

export function isChatSurface(surface: Surface): surface is Platform {
  return surface === "slack" || surface === "discord";
}

/** The chat platform of the caller's workspace, or null (the CLI). */
export function platformOf(scope: Scope): Platform | null {
  return isChatSurface(scope.surface) ? scope.surface : (scope.platform ?? null);
}

/** The caller's workspace; a request from outside one (a DM) is refused with the catalogue's words. */
export function requireWorkspace(scope: Scope): { platform: Platform; workspace: string } {
  const platform = platformOf(scope);
  if (!platform || !scope.workspace) throw inputError("needs_workspace");
  return { platform, workspace: scope.workspace };
}

/** Refuses callers who are not admins of their workspace (for commands such as adding news sources). */
export function requireAdmin(scope: Scope): void {
  if (!scope.isAdmin) throw inputError("not_admin");
}

/**
 * Which subscriptions the caller may list and stop: only its own workspace's (the same rule on every
 * surface); the operator at the command line sees every one.
 */
export function subscriptionFilter(scope: Scope): { platform?: Platform; workspace?: string } {
  if (scope.surface === "cli") return {};
  return requireWorkspace(scope);
}
