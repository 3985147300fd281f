import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BOT_SCOPES } from "../../../adapters/slack/index.ts";

describe("slack/manifest.yml", () => {
  const manifest = readFileSync("slack/manifest.yml", "utf8");
  const listed = (section: string) => {
    const start = manifest.indexOf(`${section}:`);
    const lines = manifest.slice(start).split("\n").slice(1);
    const out: string[] = [];
    for (const line of lines) {
      const m = /^\s+- ([\w:.]+)\s*$/.exec(line);
      if (m) out.push(m[1] as string);
      else if (!/^\s*#/.test(line)) break;
    }
    return out;
  };

  it("asks for exactly the bot scopes the adapter uses", () => {
    expect(listed("bot").sort()).toEqual([...BOT_SCOPES].sort());
  });

  it("subscribes to the events the adapter handles and routes everything to /slack/events", () => {
    expect(listed("bot_events").sort()).toEqual(["app_mention", "message.channels", "message.groups"]);
    expect(manifest).toMatch(/command: \/summit/);
    expect(manifest.match(/url: \S+\/slack\/events/g)).toHaveLength(3);
  });
});
