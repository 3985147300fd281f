/**
 * `/summit sources` on Slack and `/summit-sources` on Discord, through the real adapters and SDKs against
 * the local platform peers, on a real shared store (Redis, unique prefix) and the local feed server:
 * everyone may list; only Slack workspace admins/owners (users.info) and Discord members with Manage
 * Server may add or remove, and everyone else gets the friendly refusal.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../app/config.ts";
import { type OpenStore, openStore, sourcesDeps } from "../../app/store.ts";
import { systemClock } from "../../src/model.ts";
import { startDiscordDriver } from "../adapters/discord/driver.ts";
import { scriptedEngine } from "../adapters/discord/fakeEngine.ts";
import { displayText, startSlackHarness } from "../adapters/slack/harness.ts";
import { type FeedServer, startFeedServer } from "../peers/feeds/server.ts";
import { deletePrefix, quietLog, REDIS_URL, uniquePrefix } from "../queue/helpers.ts";

const REFUSAL = /Only Slack workspace admins and owners, and Discord members who can manage the server/;

let feeds: FeedServer;
let open: OpenStore;
const prefix = `${uniquePrefix()}-live-chat`;

beforeAll(async () => {
  feeds = await startFeedServer();
  const config = loadConfig({
    REDIS_URL,
    SUMMIT_REDIS_PREFIX: prefix,
    SUMMIT_STORE: "redis",
    SUMMIT_ALLOW_PRIVATE_NETWORKS: "1",
  });
  open = await openStore(config, { log: quietLog, clock: systemClock });
});
afterAll(async () => {
  await open?.close();
  await feeds?.close();
  await deletePrefix(prefix);
});

describe("Slack /summit sources", () => {
  it("lists for everyone; adds and removes only for workspace admins and owners", async () => {
    const h = await startSlackHarness({ engine: scriptedEngine(), sources: sourcesDeps(open) });
    try {
      h.api.setUser("U0ADMIN", { is_admin: true });
      h.api.setUser("U0OWNER", { is_owner: true });
      const empty = (await h.slash("sources")).messages.at(-1)!;
      expect(displayText(empty.text)).toMatch(/follows no news sources/);

      const feed = feeds.url("/feeds/rss.xml");
      const refused = (await h.slash(`sources add ${feed}`, { user: "U0MEMBER" })).messages.at(-1)!;
      expect(displayText(refused.text)).toMatch(REFUSAL);
      expect(refused.ephemeral).toBe(true);
      expect(await open.store.sources.list()).toHaveLength(0);
      // users.info was asked about the caller.
      expect(h.api.calls.some((c) => c.method === "users.info" && c.body.user === "U0MEMBER")).toBe(true);

      const added = (await h.slash(`sources add ${feed} 30m`, { user: "U0ADMIN" })).messages.at(-1)!;
      expect(displayText(added.text)).toMatch(/Now following/);
      const [source] = await open.store.sources.list();
      expect(source?.feedUrl).toBe(feed);
      expect(source?.everyMs).toBe(30 * 60_000);

      const listed = displayText((await h.slash("sources", { user: "U0MEMBER" })).messages.at(-1)!.text);
      expect(listed).toContain(source!.id);
      expect(listed).toMatch(/every 30m, 0 articles: ✅ ok/);

      const noRemove = (await h.slash(`sources remove ${source!.id}`, { user: "U0MEMBER" })).messages.at(-1)!;
      expect(displayText(noRemove.text)).toMatch(REFUSAL);
      const removed = (await h.slash(`sources remove ${source!.id}`, { user: "U0OWNER" })).messages.at(-1)!;
      expect(displayText(removed.text)).toMatch(/Stopped following/);
      expect(await open.store.sources.list()).toHaveLength(0);
    } finally {
      await h.close();
    }
  });
});

describe("a private feed's credentials", () => {
  it("are not posted to the channel when an admin adds the feed", async () => {
    const h = await startSlackHarness({ engine: scriptedEngine(), sources: sourcesDeps(open) });
    try {
      h.api.setUser("U0ADMIN", { is_admin: true });
      const secret = "SeCrEtFeedToken123";
      const feed = feeds.url(`/feeds/rss.xml?private_token=${secret}&edition=uk`);
      const added = (await h.slash(`sources add ${feed}`, { user: "U0ADMIN" })).messages.at(-1)!;
      expect(displayText(added.text)).toMatch(/Now following/);
      expect(added.ephemeral).toBe(false);
      expect(JSON.stringify(added)).not.toContain(secret);
      // What is not a credential is still shown, and the feed is followed at its real address.
      expect(displayText(added.text)).toContain("edition=uk");
      const [source] = await open.store.sources.list();
      expect(source?.feedUrl).toBe(feed);
    } finally {
      for (const s of await open.store.sources.list()) await open.store.sources.remove(s.id);
      await h.close();
    }
  });
});

describe("Discord /summit-sources", () => {
  it("lists for everyone; adds and removes only for members with Manage Server", async () => {
    const h = await startDiscordDriver({
      mode: "http",
      engine: scriptedEngine(),
      sources: sourcesDeps(open),
    });
    try {
      const run = async (sub: string, options: Record<string, string>, permissions?: string) => {
        const data = {
          id: "200000000000000001",
          name: "summit-sources",
          type: 1,
          options: [
            {
              type: 1,
              name: sub,
              options: Object.entries(options).map(([name, value]) => ({ type: 3, name, value })),
            },
          ],
        };
        const base = h.fake.interaction(2, data);
        const interaction = permissions
          ? { ...base, member: { ...(base.member as Record<string, unknown>), permissions } }
          : base;
        await h.deliver(interaction);
        return h.fake.interactionMessages(interaction.token).map(h.toPosted).at(-1)!;
      };
      const feed = feeds.url("/feeds/atom.xml");
      const refused = await run("add", { url: feed });
      expect(refused.text).toMatch(REFUSAL);
      expect(refused.ephemeral).toBe(true);
      expect(await open.store.sources.list()).toHaveLength(0);

      const manageGuild = String(1n << 5n);
      const added = await run("add", { url: feed }, manageGuild);
      expect(added.text).toMatch(/Now following/);
      const [source] = await open.store.sources.list();
      expect(source?.feedUrl).toBe(feed);

      const listed = await run("list", {});
      expect(listed.text).toContain(source!.id);
      expect(listed.ephemeral).toBe(true);

      expect((await run("remove", { id: source!.id })).text).toMatch(REFUSAL);
      expect((await run("remove", { id: source!.id }, manageGuild)).text).toMatch(/Stopped following/);
      expect(await open.store.sources.list()).toHaveLength(0);
    } finally {
      await h.close();
    }
  });
});
