/** pino, with every secret-looking field redacted so tokens never reach a log. */
import { type Logger, pino } from "pino";
import { redactUrlsInText } from "../src/redact.ts";

export type { Logger };

const REDACT = [
  "*.token",
  "*.botToken",
  "*.appToken",
  "*.signingSecret",
  "*.clientSecret",
  "*.stateSecret",
  "*.apiKey",
  "*.authorization",
  "*.headers.authorization",
  "*.headers['x-slack-signature']",
  "*.headers['x-signature-ed25519']",
  "config.slackBotToken",
  "config.slackSigningSecret",
  "config.slackAppToken",
  "config.slackClientSecret",
  "config.slackStateSecret",
  "config.discordToken",
  "config.openaiApiKey",
];

/**
 * Webhook URLs carry a secret in their path: Discord's interaction token (/webhooks/{app}/{token}) and
 * Slack's response_url (hooks.slack.com/commands|actions/…). SDK errors put the URL in `url` (and
 * sometimes the message), where path-based redaction cannot reach the token inside the string. A
 * feed's address may carry credentials too (user info, `?token=…`): src/redact.ts masks them.
 */
export function scrubUrls(text: string): string {
  return redactUrlsInText(text)
    .replace(/(\/webhooks\/\d+\/)[^/?#\s"]+/g, "$1[redacted]")
    .replace(/(hooks\.slack\.com\/(?:commands|actions|services)\/)[^?#\s"]+/g, "$1[redacted]");
}

function serializeError(err: unknown): unknown {
  const out = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  for (const key of ["url", "message", "stack"]) {
    const v = out[key];
    if (typeof v === "string") out[key] = scrubUrls(v);
  }
  return out;
}

export function createLogger(level = "info", destination?: NodeJS.WritableStream): Logger {
  const opts = {
    level,
    redact: { paths: REDACT, censor: "[redacted]" },
    serializers: { err: serializeError },
    base: { app: "summit" },
  };
  return destination ? pino(opts, destination as pino.DestinationStream) : pino(opts, pino.destination(2));
}
