/**
 * Discord adapter figures: (1) a signed interaction's round trip through the HTTP endpoint (Ed25519
 * verification + PONG) against a bare HTTP echo on the same machine; (2) rendering a huge briefing into
 * split embeds against JSON-serialising the same document. Prints medians and p99.
 *   npx node bench/discord-interactions.ts
 */
import { generateKeyPairSync, sign } from "node:crypto";
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { createDiscordAdapter } from "../adapters/discord/index.ts";
import { renderDocument } from "../adapters/discord/render.ts";
import { createLogger } from "../app/logger.ts";
import type { Briefing, Engine } from "../src/model.ts";
import { briefingToDocument } from "../src/present/fromCore.ts";

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { median: at(0.5), p99: at(0.99) };
}

async function serve(handler: RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

async function time(n: number, f: () => Promise<unknown> | unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await f();
    out.push(performance.now() - t);
  }
  return out;
}

function huge(): Briefing {
  const sources = Array.from({ length: 40 }, (_, i) => ({
    id: `s${i}`,
    title: `Source ${i} headline`,
    publisher: "Pub",
    date: "2019-04-25",
    location: `https://news.example.com/${i}`,
  }));
  return {
    topic: "t",
    found: true,
    headline: "A long briefing",
    points: Array.from({ length: 80 }, (_, i) => ({
      text: `Point ${i} ${"words ".repeat(60)}`,
      sources: [`s${i % 40}`],
    })),
    sources,
    disagreements: [],
    engine: "extractive",
    asOf: "2019-04-25",
  };
}

export async function run(): Promise<void> {
  const N = 300;
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const hex = Buffer.from(publicKey.export({ format: "jwk" }).x!, "base64url").toString("hex");
  const engine = { suggestTopics: () => [] } as unknown as Engine; // PING never reaches the engine
  const redis = new Redis({ lazyConnect: true });
  const adapter = createDiscordAdapter({
    config: {
      discordToken: "t",
      discordApplicationId: "1",
      discordPublicKey: hex,
      discordApiUrl: undefined,
      redisPrefix: "bench",
    },
    engine,
    subscriptions: {
      subscribe: async () => Promise.reject(new Error()),
      list: async () => [],
      unsubscribe: async () => false,
    },
    redis,
    logger: createLogger("silent"),
    gateway: false,
  });
  const discord = await serve(adapter.interactionsHandler!);
  const echo = await serve((_req, res) => {
    _req.resume();
    _req.on("end", () => res.end('{"type":1}'));
  });
  const body = JSON.stringify({ id: "1", application_id: "1", type: 1, token: "x", version: 1 });
  const headers = () => {
    const ts = String(Math.floor(Date.now() / 1000));
    return {
      "x-signature-timestamp": ts,
      "x-signature-ed25519": sign(null, Buffer.from(ts + body), privateKey).toString("hex"),
    };
  };
  await time(30, () => fetch(echo.url, { method: "POST", body }).then((r) => r.text()));
  await time(30, () =>
    fetch(discord.url, { method: "POST", body, headers: headers() }).then((r) => r.text()),
  );
  const base = stats(
    await time(N, () => fetch(echo.url, { method: "POST", body, headers: headers() }).then((r) => r.text())),
  );
  const ping = stats(
    await time(N, () =>
      fetch(discord.url, { method: "POST", body, headers: headers() }).then((r) => r.text()),
    ),
  );
  await discord.close();
  await echo.close();
  redis.disconnect();

  const doc = briefingToDocument(huge());
  await time(50, () => renderDocument(doc));
  const ser = stats(await time(N, () => JSON.stringify(doc)));
  const rend = stats(await time(N, () => renderDocument(doc)));
  const messages = renderDocument(doc).length;

  const f = (x: number) => x.toFixed(3);
  console.log("\nDiscord adapter (ms; n=%d each)", N);
  console.log("| measure | median | p99 | ratio (median) |");
  console.log("|---|---|---|---|");
  console.log(`| bare HTTP echo round trip (baseline) | ${f(base.median)} | ${f(base.p99)} | 1.00 |`);
  console.log(
    `| signed PING → PONG via /discord/interactions | ${f(ping.median)} | ${f(ping.p99)} | ${(ping.median / base.median).toFixed(2)} |`,
  );
  console.log(`| JSON.stringify huge briefing doc (baseline) | ${f(ser.median)} | ${f(ser.p99)} | 1.00 |`);
  console.log(
    `| renderDocument huge briefing → ${messages} messages | ${f(rend.median)} | ${f(rend.p99)} | ${(rend.median / ser.median).toFixed(2)} |`,
  );
}

if (import.meta.main) await run();
