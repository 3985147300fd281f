/**
 * The long-running process: one HTTP port (Slack, Discord interactions, /healthz), the gateway
 * connections, the digest scheduler and workers. Which roles run is set by SUMMIT_ROLES.
 * Composition root: the only place that wires core, queue and adapters together.
 */
import { loadConfig } from "./config.ts";
import { createLogger } from "./logger.ts";

export async function startServer(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  log.info({ roles: config.roles, port: config.port }, "summit starting");
}

if (import.meta.main) {
  await startServer();
}
