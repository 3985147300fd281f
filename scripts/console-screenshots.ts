/**
 * Screenshots of every console page for the README: starts the same rig as the browser tests (real
 * Redis under a unique prefix, the local feed server, the engine over a small written corpus), fills it
 * with a source, subscriptions, a delivery and some feedback, and saves docs/console/<page>.png.
 *   npx node scripts/console-screenshots.ts
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { Redis } from "ioredis";
import { startConsoleRig, TOKEN } from "../tests/console/rig.ts";
import { newSub, REDIS_URL } from "../tests/queue/helpers.ts";

const OUT = join(import.meta.dirname, "..", "docs", "console");
mkdirSync(OUT, { recursive: true });
const rig = await startConsoleRig({ name: "shots" });
const redis = new Redis(REDIS_URL);
try {
  const ctx = await rig.browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await ctx.newPage();
  const shot = async (name: string) => {
    await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
    console.log(`docs/console/${name}.png`);
  };
  await page.goto(`${rig.base}/console/login`);
  await shot("login");
  await page.fill("#token", TOKEN);
  await page.click("button[type=submit]");

  await page.goto(`${rig.base}/console/try?q=${encodeURIComponent("harbour strike")}`);
  await shot("try-it");

  await page.goto(`${rig.base}/console/sources`);
  await page.fill("#url", rig.feeds.url("/feeds/rss.xml"));
  await page.click("form[action='/console/sources/add'] button");
  await page.goto(`${rig.base}/console/sources`);
  await page.fill("#url", rig.feeds.url("/status/500"));
  await page.click("form[action='/console/sources/add'] button").catch(() => {});
  await new Promise((r) => setTimeout(r, 1500));
  await page.goto(`${rig.base}/console/sources`);
  await shot("sources");

  const subs = rig.server.digests.service;
  const a = await subs.subscribe(
    newSub({
      platform: "slack",
      workspace: "T0ACME",
      channel: "C0NEWS",
      topics: ["harbour strike"],
      tz: "Europe/Amsterdam",
    }),
  );
  await subs.subscribe(
    newSub({
      platform: "discord",
      workspace: "81234567890",
      channel: "91234567890",
      at: "07:30",
      tz: "America/New_York",
      days: ["mon", "tue", "wed", "thu", "fri"],
    }),
  );
  const c = await subs.subscribe(
    newSub({
      platform: "slack",
      workspace: "T0ACME",
      channel: "C0OPS",
      at: "18:00",
      tz: "Asia/Tokyo",
      topics: ["glacier retreat"],
    }),
  );
  await rig.server.digests.store.pause(c.id, "channel_not_found: the bot was removed from the channel");
  await page.goto(`${rig.base}/console/subscriptions?fresh=1`);
  await shot("subscriptions");

  await page.locator(`tr[id='${a.id}'] button`, { hasText: "Send now" }).click();
  for (let i = 0; i < 60 && !/finished/.test((await page.locator(".task-count").textContent()) ?? ""); i++) {
    await new Promise((r) => setTimeout(r, 250));
  }
  await shot("send-now-task");
  await page.goto(`${rig.base}/console/deliveries`);
  await shot("deliveries");

  // A few votes as the Slack adapter records them.
  const log = `${rig.prefix}:slack:feedback-log`;
  const votes = [
    ["doc1", "U1", "up", "harbour strike"],
    ["doc1", "U2", "up", "harbour strike"],
    ["doc1", "U3", "down", "harbour strike"],
    ["doc2", "U1", "up", "glacier retreat"],
  ] as const;
  for (const [ref, user, vote, topic] of votes) {
    await redis.rpush(
      log,
      JSON.stringify({
        ref,
        user,
        vote,
        kind: "briefing",
        topic,
        surface: "slack",
        workspace: "T0ACME",
        channel: "C0NEWS",
        at: new Date().toISOString(),
      }),
    );
  }
  await page.goto(`${rig.base}/console/feedback`);
  await shot("feedback");
  await page.goto(`${rig.base}/console/health`);
  await shot("health");
  await ctx.close();
} finally {
  redis.disconnect();
  await rig.close();
}
