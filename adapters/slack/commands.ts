/**
 * Parsing `/summit …` text into what the user asked for. Pure: no Slack, no I/O, no validation (the
 * use cases check values and word their errors the same on every surface).
 *   /summit                     → help
 *   /summit help                → help
 *   /summit <topic>             → briefing
 *   /summit subscribe 08:00 Europe/Berlin [daily|weekdays|weekends|mon,wed,fri|mon-fri] [topic, topic]
 *   /summit subscriptions       → list this workspace's subscriptions
 *   /summit unsubscribe <id>
 *   /summit sources             → the news sources and their status
 *   /summit sources add <url> [every]   /summit sources remove <id>   (workspace admins and owners)
 */
import { isDaysWord } from "../../usecases/subscribe.ts";

export type SummitCommand =
  | { kind: "help" }
  | { kind: "brief"; topic: string }
  /** Raw words: `at` and `tz` may be empty or wrong; the subscribe use case says what is missing. */
  | { kind: "subscribe"; at: string; tz: string; days: string; topics: string }
  | { kind: "subscriptions" }
  | { kind: "unsubscribe"; id: string }
  | { kind: "sources"; action: "list" | "add" | "remove" | "usage"; arg: string; every: string };

function parseSources(args: string[]): SummitCommand {
  const [action = "", arg = "", every = ""] = args;
  const a = action.toLowerCase();
  if (a === "" || a === "list") return { kind: "sources", action: "list", arg: "", every: "" };
  if (a === "add" || a === "remove") return { kind: "sources", action: a, arg, every };
  return { kind: "sources", action: "usage", arg: "", every: "" };
}

function parseSubscribe(args: string[]): SummitCommand {
  const [at = "", tz = "", ...rest] = args;
  const first = rest[0];
  const hasDays = first !== undefined && isDaysWord(first);
  return {
    kind: "subscribe",
    at,
    tz,
    days: hasDays ? first : "",
    topics: (hasDays ? rest.slice(1) : rest).join(" "),
  };
}

export function parseCommand(text: string): SummitCommand {
  const trimmed = text.trim().replace(/\s+/g, " ");
  if (trimmed === "" || /^(help|-h|--help|\?)$/i.test(trimmed)) return { kind: "help" };
  const [head, ...args] = trimmed.split(" ");
  switch ((head as string).toLowerCase()) {
    case "subscribe":
      return parseSubscribe(args);
    case "subscriptions":
      return { kind: "subscriptions" };
    case "unsubscribe":
      return { kind: "unsubscribe", id: args.join(" ") };
    case "sources":
      return parseSources(args);
    default:
      return { kind: "brief", topic: trimmed };
  }
}
