import { Writable } from "node:stream";
import { DiscordAPIError } from "@discordjs/rest";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../app/logger.ts";

function capture() {
  let out = "";
  const dest = new Writable({
    write(chunk, _enc, cb) {
      out += chunk.toString();
      cb();
    },
  });
  return { log: createLogger("info", dest), text: () => out };
}

describe("logger", () => {
  it("keeps an interaction token in a Discord SDK error's url out of the log", async () => {
    const { log, text } = capture();
    const token = "aW50ZXJhY3Rpb246SECRETTOKEN";
    const err = new DiscordAPIError(
      { message: "Unknown Webhook", code: 10015 },
      10015,
      404,
      "PATCH",
      `https://discord.com/api/v10/webhooks/123/${token}/messages/@original`,
      { body: { content: "x" } },
    );
    log.error({ err }, "discord interaction failed");
    await new Promise((r) => setImmediate(r));
    expect(text()).toContain("Unknown Webhook");
    expect(text()).toContain("/webhooks/123/[redacted]");
    expect(text()).not.toContain(token);
  });

  it("keeps a Slack response_url's secret out of an error's message", async () => {
    const { log, text } = capture();
    const err = new Error("request to https://hooks.slack.com/commands/T1/2/SeCrEt123 failed");
    log.warn({ err }, "respond failed");
    await new Promise((r) => setImmediate(r));
    expect(text()).toContain("respond failed");
    expect(text()).not.toContain("SeCrEt123");
  });

  it("keeps a feed's credentials (user info, token parameters) out of an error's url and message", async () => {
    const { log, text } = capture();
    const url = "https://alice:Pa55word@feeds.example.com/private.atom?token=FeedTok3n&apiKey=K3y999&lang=en";
    const err = Object.assign(new Error(`more than 5 redirects from ${url}`), { url });
    log.warn({ err, source: "src_1" }, "poll failed");
    await new Promise((r) => setImmediate(r));
    for (const secret of ["Pa55word", "FeedTok3n", "K3y999", "alice"]) expect(text()).not.toContain(secret);
    expect(text()).toContain("feeds.example.com/private.atom");
    expect(text()).toContain("lang=en");
  });
});
