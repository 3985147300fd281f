/**
 * Registers Summit's slash commands with Discord: `npm run discord:register` (global; can take up to an
 * hour to appear everywhere) or `npm run discord:register -- --guild ID` (one server, instantly).
 * Needs DISCORD_TOKEN and DISCORD_APPLICATION_ID; DISCORD_API_URL points it elsewhere (tests).
 */
import { REST } from "@discordjs/rest";
import { Command } from "commander";
import { registerCommands } from "../adapters/discord/commands.ts";
import { loadConfig } from "../app/config.ts";

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const program = new Command("discord:register")
    .description("Register Summit's slash commands with Discord")
    .option("--guild <id>", "register in this server only (instant) instead of globally")
    .exitOverride();
  program.parse(argv, { from: "user" });
  const { guild } = program.opts<{ guild?: string }>();
  const config = loadConfig(env);
  if (!config.discordToken || !config.discordApplicationId) {
    process.stderr.write("discord:register: set DISCORD_TOKEN and DISCORD_APPLICATION_ID\n");
    return 1;
  }
  if (guild !== undefined && !/^\d{15,25}$/.test(guild)) {
    process.stderr.write(`discord:register: "${guild}" is not a server id (a long number)\n`);
    return 1;
  }
  const rest = new REST({
    version: "10",
    ...(config.discordApiUrl ? { api: config.discordApiUrl } : {}),
  }).setToken(config.discordToken);
  const registered = await registerCommands(rest, config.discordApplicationId, guild);
  process.stdout.write(
    `Registered ${registered.map((c) => `/${c.name}`).join(", ")} ${guild ? `in server ${guild}` : "globally"}\n`,
  );
  return 0;
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`discord:register: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  });
}
