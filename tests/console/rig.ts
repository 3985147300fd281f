/**
 * A whole Summit server for the console's browser tests and screenshots: real Redis (unique prefix),
 * the real engine over a small corpus written for the test (one article is an XSS probe), the local
 * feed server, the fake chat platform as the digest sender, and Chromium via playwright-core.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { loadConfig } from "../../app/config.ts";
import { type RunningServer, startServer } from "../../app/server.ts";
import { type FakePlatform, fakePlatformSender, startFakePlatform } from "../peers/fakePlatform.ts";
import { type FeedServer, startFeedServer } from "../peers/feeds/server.ts";
import { deletePrefix, quietLog, REDIS_URL } from "../queue/helpers.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const TOKEN = "console-test-token-6f1c2a";

/** An article title built to run script if it were ever inserted as markup. */
export const XSS_TITLE = `<script>window.__xss=1</script><img src=x onerror="window.__xss=2"> Harbour strike widens`;

export function corpusRecords(): Record<string, string>[] {
  const day = (d: number) => `2026-11-${String(10 + d).padStart(2, "0")}T08:00:00Z`;
  return [
    {
      title: XSS_TITLE,
      url: "https://news.example/harbour-strike-widens",
      publisher: "Port Gazette",
      date: day(1),
      text: `Dock workers at the harbour extended their strike on Monday. <img src=x onerror="window.__xss=3"> The harbour strike has left two hundred container ships waiting offshore, the port authority said. Union leaders said the harbour strike would continue until wages rise.`,
    },
    {
      title: "Container ships queue as harbour strike enters second week",
      url: "https://wire.example/ships-queue-harbour-strike",
      publisher: "Coastal Wire",
      date: day(2),
      text: "The harbour strike entered its second week as container ships queued outside the port. Shipping companies warned that the harbour strike could delay winter deliveries across the region. The port authority said talks with the union would resume on Thursday.",
    },
    {
      title: "Union and port authority to resume harbour talks",
      url: "https://daily.example/harbour-talks-resume",
      publisher: "Evening Daily",
      date: day(3),
      text: "Negotiators for the dock workers' union and the port authority will resume talks on Thursday to end the harbour strike. Both sides said a wage offer was on the table. Retailers said the harbour strike had already emptied some shelves.",
    },
    {
      title: "Glacier retreat measured by alpine survey",
      url: "https://science.example/glacier-retreat",
      publisher: "Science Notes",
      date: day(2),
      text: "An alpine survey measured the glacier retreat at forty metres this year. Researchers said warmer summers drove the glacier retreat. The survey team will return in spring.",
    },
  ];
}

export interface ConsoleRig {
  server: RunningServer;
  base: string;
  feeds: FeedServer;
  platform: FakePlatform;
  browser: Browser;
  prefix: string;
  close(): Promise<void>;
}

export async function startConsoleRig(
  opts: { token?: string | null; loginLimit?: { max: number; windowMs: number }; name?: string } = {},
): Promise<ConsoleRig> {
  const prefix = `summit-test-console-${opts.name ?? "e2e"}-${process.pid}-${Date.now()}`;
  const dir = mkdtempSync(join(tmpdir(), "summit-console-"));
  writeFileSync(
    join(dir, "articles.jsonl"),
    `${corpusRecords()
      .map((r) => JSON.stringify(r))
      .join("\n")}\n`,
  );
  const feeds = await startFeedServer();
  const platform = await startFakePlatform();
  const env: Record<string, string> = {
    REDIS_URL,
    SUMMIT_REDIS_PREFIX: prefix,
    PORT: "0",
    SUMMIT_CORPUS: dir,
    SUMMIT_ENGINE_THREADS: "0",
  };
  const token = opts.token === undefined ? TOKEN : opts.token;
  if (token) env.SUMMIT_CONSOLE_TOKEN = token;
  const server = await startServer({
    config: loadConfig(env),
    log: quietLog,
    senders: { slack: fakePlatformSender(platform.url, "slack") },
    bots: [],
    handleSignals: false,
    console: {
      sourceHttp: { allowPrivateNetworks: true },
      ...(opts.loginLimit ? { loginLimit: opts.loginLimit } : {}),
    },
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  return {
    server,
    base: `http://127.0.0.1:${server.port}`,
    feeds,
    platform,
    browser,
    prefix,
    async close() {
      await browser.close().catch(() => {});
      await server.close();
      await feeds.close();
      await platform.close();
      await deletePrefix(prefix);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
