/**
 * Summit's slash commands (as Discord's API takes them) and their registration, globally or to one guild.
 */
import type { REST } from "@discordjs/rest";
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  Routes,
} from "discord.js";

export const COMMANDS = {
  summit: "summit",
  subscribe: "summit-subscribe",
  subscriptions: "summit-subscriptions",
  unsubscribe: "summit-unsubscribe",
  sources: "summit-sources",
} as const;

const manageChannels = String(PermissionFlagsBits.ManageChannels);

export const commandDefinitions: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [
  {
    name: COMMANDS.summit,
    type: ApplicationCommandType.ChatInput,
    description: "A short multi-source news briefing, with a citation on every point",
    contexts: [InteractionContextType.Guild],
    options: [
      {
        name: "topic",
        description: "What to brief you on, e.g. a person, place or event in the news",
        type: ApplicationCommandOptionType.String,
        required: true,
        autocomplete: true,
        max_length: 200,
      },
    ],
  },
  {
    name: COMMANDS.subscribe,
    type: ApplicationCommandType.ChatInput,
    description: "Post a news digest in this channel every morning (or when you choose)",
    contexts: [InteractionContextType.Guild],
    default_member_permissions: manageChannels,
    options: [
      {
        name: "time",
        description: "Local time, 24h HH:MM, e.g. 08:00",
        type: ApplicationCommandOptionType.String,
        required: true,
        max_length: 5,
      },
      {
        name: "timezone",
        description: "IANA timezone, e.g. Europe/Berlin",
        type: ApplicationCommandOptionType.String,
        required: true,
        autocomplete: true,
        max_length: 64,
      },
      {
        name: "days",
        description: "every day (default), weekdays, weekends, or a list such as mon,wed,fri",
        type: ApplicationCommandOptionType.String,
        required: false,
        max_length: 60,
      },
      {
        name: "topics",
        description: "Only these topics, comma separated (default: everything new)",
        type: ApplicationCommandOptionType.String,
        required: false,
        autocomplete: true,
        max_length: 200,
      },
    ],
  },
  {
    name: COMMANDS.subscriptions,
    type: ApplicationCommandType.ChatInput,
    description: "List this server's Summit digests",
    contexts: [InteractionContextType.Guild],
  },
  {
    name: COMMANDS.unsubscribe,
    type: ApplicationCommandType.ChatInput,
    description: "Stop one of this server's Summit digests",
    contexts: [InteractionContextType.Guild],
    default_member_permissions: manageChannels,
    options: [
      {
        name: "id",
        description: "The digest's id (see /summit-subscriptions)",
        type: ApplicationCommandOptionType.String,
        required: true,
        autocomplete: true,
        max_length: 100,
      },
    ],
  },
  {
    name: COMMANDS.sources,
    type: ApplicationCommandType.ChatInput,
    description: "The news feeds and sites Summit follows (members with Manage Server can change them)",
    contexts: [InteractionContextType.Guild],
    options: [
      {
        name: "list",
        description: "List the sources and their status",
        type: ApplicationCommandOptionType.Subcommand,
      },
      {
        name: "add",
        description: "Follow a feed, or a site whose feed is found (Manage Server)",
        type: ApplicationCommandOptionType.Subcommand,
        options: [
          {
            name: "url",
            description: "The feed's or site's address",
            type: ApplicationCommandOptionType.String,
            required: true,
            max_length: 2000,
          },
          {
            name: "every",
            description: "How often to check it, e.g. 15m or 1h (at least 5m)",
            type: ApplicationCommandOptionType.String,
            required: false,
            max_length: 20,
          },
        ],
      },
      {
        name: "remove",
        description: "Stop following a source (Manage Server)",
        type: ApplicationCommandOptionType.Subcommand,
        options: [
          {
            name: "id",
            description: "The source's id (see /summit-sources list)",
            type: ApplicationCommandOptionType.String,
            required: true,
            max_length: 100,
          },
        ],
      },
    ],
  },
];

/** Overwrites the application's commands (bulk PUT), globally or in one guild (instant, for testing). */
export async function registerCommands(
  rest: REST,
  applicationId: string,
  guildId?: string,
): Promise<{ name: string; id: string }[]> {
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  const result = (await rest.put(route, { body: commandDefinitions })) as { name: string; id: string }[];
  return result.map((c) => ({ name: c.name, id: c.id }));
}
