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

export const configSchema = z.object({
  corpusDir: z.string().default("seeds"),
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  redisUrl: z.string().default("redis://127.0.0.1:6379"),
  /** Key prefix for everything Summit keeps in Redis (BullMQ queues included). */
  redisPrefix: z.string().default("summit"),
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Print stack traces of unexpected errors on the command line (any value but 0/false/no/off). */
  debug: z
    .string()
    .optional()
    .transform((v) => v !== undefined && !/^(0|false|no|off)$/i.test(v.trim())),
  /** Which roles this process runs: "all" (default), or a comma list of bot, worker, scheduler. */
  roles: z.string().default("all"),
  /**
   * Worker threads that run the engine in the server (app/engine/pool.ts), so briefings never delay
   * an ack; each holds its own copy of the corpus. Unset: one per core but one (1 to 4); 0: in-process.
   */
  engineThreads: z.coerce.number().int().min(0).max(64).optional(),

  slackBotToken: optionalString,
  slackSigningSecret: optionalString,
  slackAppToken: optionalString,
  slackApiUrl: optionalString,
  slackClientId: optionalString,
  slackClientSecret: optionalString,
  slackStateSecret: optionalString,

  discordToken: optionalString,
  discordApplicationId: optionalString,
  discordPublicKey: optionalString,
  discordApiUrl: optionalString,

  openaiApiKey: optionalString,
  openaiBaseUrl: optionalString,
  llmModel: optionalString,
  llmTimeoutMs: z.coerce.number().int().positive().default(2000),
  llmMaxTokens: z.coerce.number().int().positive().default(800),
});

export type Config = z.infer<typeof configSchema>;

/** Environment variable for each config key. */
const ENV: Record<keyof Config, string> = {
  corpusDir: "SUMMIT_CORPUS",
  port: "PORT",
  redisUrl: "REDIS_URL",
  redisPrefix: "SUMMIT_REDIS_PREFIX",
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
  const parsed = configSchema.safeParse(raw);
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
] as const satisfies readonly (keyof Config)[];
