/**
 * Signed Slack requests for tests and benches: Slack's v0 signature (HMAC-SHA256 of
 * `v0:{timestamp}:{body}` with the app's signing secret) and a signed slash command.
 */
import { createHmac } from "node:crypto";

export function slackSignature(secret: string, timestamp: number | string, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface SlashCommandFields {
  text: string;
  responseUrl: string;
  team?: string;
  channel?: string;
  user?: string;
  triggerId?: string;
}

/** A `/summit` slash command as Slack posts it: form body and signed headers, timestamped now. */
export function signedSlashCommand(
  secret: string,
  fields: SlashCommandFields,
): { body: string; headers: Record<string, string> } {
  const body = new URLSearchParams({
    team_id: fields.team ?? "T0SUMMIT",
    channel_id: fields.channel ?? "C0BENCH",
    user_id: fields.user ?? "U0BENCH",
    command: "/summit",
    text: fields.text,
    response_url: fields.responseUrl,
    trigger_id: fields.triggerId ?? "bench",
  }).toString();
  const ts = Math.floor(Date.now() / 1000);
  return {
    body,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(ts),
      "x-slack-signature": slackSignature(secret, ts, body),
    },
  };
}
