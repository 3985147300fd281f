/**
 * One validated configuration, read from the environment once. Every setting of every role lives
 * here, with its default, so a newcomer finds them in one place.
 */
import { z } from "zod";
import { SummitError } from "../src/errors.ts";

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

/**
 * Every setting, with its default and one line of meaning (`.describe()`): `.env.example` is generated
 * from this schema (`npm run env:example`), and tests/app/config.test.ts fails when it is stale.
 */
export const configSchema = z.object({
  corpusDir: z
    .string()
    .default("seeds")
    .describe("Folder of articles Summit reads (.txt, .md, .html, .jsonl); `--corpus DIR` overrides it."),
  maxArticleBytes: z.coerce
    .number()
    .int()
    .min(1000)
    .default(1_000_000)
    .describe(
      "Largest article file in bytes: `ingest` refuses a larger one, loading reads only its first part (cut at a sentence).",
    ),
  port: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(3000)
    .describe("HTTP port of the server: Slack and Discord endpoints and GET /healthz."),
  redisUrl: z
    .string()
    .default("redis://127.0.0.1:6379")
    .describe("Redis for subscriptions, queues and caches."),
  redisPrefix: z
    .string()
    .default("summit")
    .describe("Key prefix for everything Summit keeps in Redis (BullMQ queues included)."),
  store: z
    .enum(["folder", "redis"])
    .default("folder")
    .describe(
      "Where articles live: folder (SUMMIT_CORPUS, read at start, no Redis) or redis (the shared store at REDIS_URL under SUMMIT_REDIS_PREFIX, followed live). `npm start` uses redis unless this is set.",
    ),
  retentionDays: z.coerce
    .number()
    .positive()
    .default(30)
    .describe(
      "Articles that arrived in the shared store more than this many days ago leave it and every index.",
    ),
  allowPrivateFeeds: z
    .stringbool()
    .default(false)
    .describe(
      "1/true: feeds and pages on loopback or private addresses may be followed (an intranet, tests); off by default.",
    ),
  sourcesDiffer: z
    .stringbool()
    .default(false)
    .describe(
      "1/true: briefings and answers say where sources give different figures or days. Off by default: on news it was not tuned on, fewer than half of the pairs it shows are real (README).",
    ),
  logLevel: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
    .default("info")
    .describe("pino log level: fatal, error, warn, info, debug, trace or silent."),
  debug: z
    .stringbool()
    .default(false)
    .describe(
      "1/true: unexpected errors print their stack trace too (the CLI; the server's logs always have it).",
    ),
  roles: z
    .string()
    .default("all")
    .describe("Roles this process runs: all, or a comma list of bot, scheduler, worker."),
  engineThreads: z.coerce
    .number()
    .int()
    .min(0)
    .max(64)
    .optional()
    .describe(
      "Worker threads running the engine in the server, each with its own copy of the corpus. Unset: one per core but one (1 to 4); 0: on the main thread.",
    ),

  slackBotToken: optionalString.describe("Slack bot token (xoxb-…) of a single-workspace install."),
  slackSigningSecret: optionalString.describe(
    "Slack signing secret: verifies every HTTP request from Slack.",
  ),
  slackAppToken: optionalString.describe("Slack app-level token (xapp-…): use Socket Mode instead of HTTP."),
  slackApiUrl: optionalString.describe(
    "Base URL of the Slack Web API (default Slack's own); for tests and proxies.",
  ),
  slackClientId: optionalString.describe("Slack OAuth client id, for multi-workspace installs."),
  slackClientSecret: optionalString.describe("Slack OAuth client secret, for multi-workspace installs."),
  slackStateSecret: optionalString.describe("Any long random string: signs Slack's OAuth state."),

  discordToken: optionalString.describe("Discord bot token: REST calls and the gateway."),
  discordApplicationId: optionalString.describe("Discord application id: registering slash commands."),
  discordPublicKey: optionalString.describe(
    "Discord public key (64 hex characters): HTTP interactions mode.",
  ),
  discordApiUrl: optionalString.describe(
    "Base URL of Discord's REST API (default Discord's own); for tests.",
  ),

  openaiApiKey: optionalString.describe("Key for the OpenAI-compatible server (local servers ignore it)."),
  openaiBaseUrl: optionalString.describe(
    "Any OpenAI-compatible /v1 endpoint (default https://api.openai.com/v1).",
  ),
  llmModel: optionalString.describe(
    "Model name; LLM mode is on when it is set and OPENAI_API_KEY or OPENAI_BASE_URL is.",
  ),
  llmTimeoutMs: z.coerce
    .number()
    .int()
    .positive()
    .default(2000)
    .describe("Longest one LLM request may take, retries included (ms); then the extractive text is used."),
  llmMaxTokens: z.coerce
    .number()
    .int()
    .positive()
    .default(800)
    .describe("max_completion_tokens per LLM reply."),

  consoleToken: optionalString.describe(
    "Token for the web console (/console) and GET /metrics off the loopback address; unset: loopback only.",
  ),
  consoleSecureCookie: z
    .stringbool()
    .default(false)
    .describe(
      "1/true: the console's session cookie is sent over HTTPS only; set it when a TLS proxy in front of Summit serves the console.",
    ),
});

export type Config = z.infer<typeof configSchema>;

/** Environment variable for each config key. */
export const ENV: Record<keyof Config, string> = {
  corpusDir: "SUMMIT_CORPUS",
  maxArticleBytes: "SUMMIT_MAX_ARTICLE_BYTES",
  port: "PORT",
  redisUrl: "REDIS_URL",
  redisPrefix: "SUMMIT_REDIS_PREFIX",
  store: "SUMMIT_STORE",
  retentionDays: "SUMMIT_RETENTION_DAYS",
  allowPrivateFeeds: "SUMMIT_ALLOW_PRIVATE_NETWORKS",
  sourcesDiffer: "SUMMIT_SOURCES_DIFFER",
  logLevel: "LOG_LEVEL",
  debug: "SUMMIT_DEBUG",
  roles: "SUMMIT_ROLES",
  engineThreads: "SUMMIT_ENGINE_THREADS",
  slackBotToken: "SLACK_BOT_TOKEN",
  slackSigningSecret: "SLACK_SIGNING_SECRET",
  slackAppToken: "SLACK_APP_TOKEN",
  slackApiUrl: "SLACK_API_URL",
  slackClientId: "SLACK_CLIENT_ID",
  slackClientSecret: "SLACK_CLIENT_SECRET",
  slackStateSecret: "SLACK_STATE_SECRET",
  discordToken: "DISCORD_TOKEN",
  discordApplicationId: "DISCORD_APPLICATION_ID",
  discordPublicKey: "DISCORD_PUBLIC_KEY",
  discordApiUrl: "DISCORD_API_URL",
  openaiApiKey: "OPENAI_API_KEY",
  openaiBaseUrl: "OPENAI_BASE_URL",
  llmModel: "SUMMIT_LLM_MODEL",
  llmTimeoutMs: "SUMMIT_LLM_TIMEOUT_MS",
  llmMaxTokens: "SUMMIT_LLM_MAX_TOKENS",
  consoleToken: "SUMMIT_CONSOLE_TOKEN",
  consoleSecureCookie: "SUMMIT_CONSOLE_SECURE_COOKIE",
};

/** The configuration is invalid; the message names each variable and what is wrong with it. */
export class ConfigError extends SummitError {
  override readonly name: string = "ConfigError";
  constructor(message: string) {
    super("config_invalid", message, { userMessage: [{ kind: "text", text: message }] });
  }
}

/**
 * Reads and validates the configuration; throws ConfigError with one readable line per problem.
 * `defaults` overrides a setting's default for one entry point (the CLI logs at "warn" unless LOG_LEVEL says otherwise).
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  opts: { defaults?: { [K in keyof typeof ENV]?: string } } = {},
): Config {
  const raw: Record<string, string | undefined> = {};
  // An empty variable means "not set", so defaults apply (SUMMIT_CORPUS="" is seeds/, not "").
  for (const [key, name] of Object.entries(ENV)) {
    const value = env[name];
    raw[key] = value === undefined || value.trim() === "" ? opts.defaults?.[key as keyof typeof ENV] : value;
  }
  // Read once per process: zod's compiled fast path (new Function) costs more to build than one parse
  // takes (~3 ms of every CLI start, bench/startup.ts); the result is the same either way.
  const parsed = configSchema.safeParse(raw, { jitless: true });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const key = String(i.path[0]) as keyof Config;
      return `${ENV[key] ?? key}: ${i.message}`;
    });
    throw new ConfigError(`invalid configuration: ${lines.join("; ")}`);
  }
  return parsed.data;
}

/** Names of secret settings, for log redaction. */
export const SECRET_KEYS = [
  "slackBotToken",
  "slackSigningSecret",
  "slackAppToken",
  "slackClientSecret",
  "slackStateSecret",
  "discordToken",
  "openaiApiKey",
  "consoleToken",
] as const satisfies readonly (keyof Config)[];
