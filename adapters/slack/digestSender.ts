/**
 * The Slack digest sender on its own: what a worker needs to post digests is a bot token (one
 * workspace) or the OAuth installations in Redis, not the signing secret or app token the Bolt app
 * needs to receive requests. createSlackAdapter uses the same function for its own sender.
 */
import { webApi } from "@slack/bolt";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { PlatformPermanentError, type PlatformSender } from "../../src/delivery.ts";
import { toBoltLogger } from "./boltLogger.ts";
import { createDocumentStore, type DocumentStore } from "./documentStore.ts";
import { createRedisInstallationStore, InstallationNotFoundError } from "./installationStore.ts";
import { createSlackSender } from "./sender.ts";
import { createThreadStore, type ThreadStore } from "./threadStore.ts";

export interface SlackDigestSenderConfig {
  redisPrefix: string;
  slackBotToken?: string | undefined;
  slackClientId?: string | undefined;
  slackClientSecret?: string | undefined;
  slackStateSecret?: string | undefined;
  slackApiUrl?: string | undefined;
}

export interface SlackDigestSenderDeps {
  config: SlackDigestSenderConfig;
  redis: Redis;
  logger: Logger;
  /** Shared with the adapter when it runs in the same process; else made here. */
  threads?: ThreadStore;
  documents?: DocumentStore;
}

/** True when a sender can be built: a bot token, or the three OAuth settings. */
export function slackSendConfigured(config: SlackDigestSenderConfig): boolean {
  return Boolean(
    config.slackBotToken || (config.slackClientId && config.slackClientSecret && config.slackStateSecret),
  );
}

/** The digest sender; needs slackSendConfigured(config). Rate limits and errors go to the queue. */
export function createSlackDigestSender(deps: SlackDigestSenderDeps): PlatformSender {
  const { config, redis } = deps;
  if (!slackSendConfigured(config))
    throw new Error("a Slack digest sender needs SLACK_BOT_TOKEN or the Slack OAuth settings");
  const prefix = config.redisPrefix;
  const oauth = !config.slackBotToken;
  const url = config.slackApiUrl;
  const slackApiUrl = url ? (url.endsWith("/") ? url : `${url}/`) : undefined;
  const boltLogger = toBoltLogger(deps.logger);
  const installationStore = oauth ? createRedisInstallationStore(redis, prefix) : null;
  const clients = new Map<string, webApi.WebClient>();
  const clientFor = (token: string) => {
    let c = clients.get(token);
    if (!c) {
      c = new webApi.WebClient(token, {
        ...(slackApiUrl ? { slackApiUrl } : {}),
        retryConfig: { retries: 0 },
        rejectRateLimitedCalls: true,
        logger: boltLogger,
      });
      clients.set(token, c);
    }
    return c;
  };
  return createSlackSender({
    redis,
    prefix,
    threads: deps.threads ?? createThreadStore(redis, prefix),
    documents: deps.documents ?? createDocumentStore(redis, prefix),
    async clientFor(workspace) {
      if (!installationStore) return clientFor(config.slackBotToken as string);
      if (!workspace) throw new Error("a Slack delivery needs the workspace (team id)");
      const install = await installationStore
        .fetchInstallation({ teamId: workspace, enterpriseId: undefined, isEnterpriseInstall: false })
        .catch((err: unknown) => {
          // Not installed (or uninstalled) cannot succeed on retry; a Redis hiccup can.
          if (err instanceof InstallationNotFoundError)
            throw new PlatformPermanentError(err.message, "not_installed");
          throw err;
        });
      const token = install.bot?.token;
      if (!token)
        throw new PlatformPermanentError(
          `the installation of ${workspace} has no bot token`,
          "not_installed",
        );
      return clientFor(token);
    },
  });
}
