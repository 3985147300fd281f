/**
 * Bolt's OAuth installation store on Redis, for multi-workspace installs (SLACK_CLIENT_ID /
 * SLACK_CLIENT_SECRET / SLACK_STATE_SECRET instead of one SLACK_BOT_TOKEN). One key per workspace
 * (or per Enterprise Grid org for org-wide installs); tokens are stored as Slack returned them.
 */
import type { Installation, InstallationQuery, InstallationStore } from "@slack/bolt";
import type { Redis } from "ioredis";
import { SummitError } from "../../src/errors.ts";

/** The workspace has not installed the app (or uninstalled it). */
export class InstallationNotFoundError extends SummitError {
  override readonly name: string = "InstallationNotFoundError";
  constructor(message: string) {
    super("slack_not_installed", message);
  }
}

function installKey(
  prefix: string,
  enterpriseId: string | undefined,
  teamId: string | undefined,
  org: boolean,
) {
  return org
    ? `${prefix}:slack:install:org:${enterpriseId}`
    : `${prefix}:slack:install:team:${enterpriseId ?? "-"}:${teamId}`;
}

export function createRedisInstallationStore(redis: Redis, prefix: string): InstallationStore {
  return {
    async storeInstallation(installation) {
      const org = installation.isEnterpriseInstall === true;
      const enterpriseId = installation.enterprise?.id;
      const teamId = installation.team?.id;
      if (org ? !enterpriseId : !teamId) throw new Error("installation without a team or enterprise id");
      await redis.set(installKey(prefix, enterpriseId, teamId, org), JSON.stringify(installation));
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const org = query.isEnterpriseInstall === true;
      const raw =
        (await redis.get(installKey(prefix, query.enterpriseId, query.teamId, org))) ??
        // A workspace of a Grid org that installed org-wide.
        (query.enterpriseId
          ? await redis.get(installKey(prefix, query.enterpriseId, undefined, true))
          : null);
      if (!raw)
        throw new InstallationNotFoundError(
          `no Slack installation for ${query.enterpriseId ?? ""}/${query.teamId ?? ""}`,
        );
      return JSON.parse(raw) as Installation<"v1" | "v2", boolean>;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await redis.del(
        installKey(prefix, query.enterpriseId, query.teamId, query.isEnterpriseInstall === true),
      );
    },
  };
}
