/** pino, with every secret-looking field redacted so tokens never reach a log. */
import { type Logger, pino } from "pino";

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

export function createLogger(level = "info", destination?: NodeJS.WritableStream): Logger {
  const opts = { level, redact: { paths: REDACT, censor: "[redacted]" }, base: { app: "summit" } };
  return destination ? pino(opts, destination as pino.DestinationStream) : pino(opts, pino.destination(2));
}
