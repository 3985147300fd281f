/**
 * `summit sources …` and `summit ingest URL` against real Redis (a unique prefix) and the local feed
 * server: the CLI is spawned as a script would run it, and its JSON parsed (the contracts).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FeedServer, startFeedServer } from "../peers/feeds/server.ts";
import { deletePrefix, REDIS_URL, uniquePrefix } from "../queue/helpers.ts";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI asynchronously (the feed server lives in this process and must keep answering). */
function summit(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["bin/summit.js", ...args],
      { env: { ...process.env, LOG_LEVEL: "silent", ...env }, timeout: 90_000, encoding: "utf8" },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const LIST_KEYS = [
  "articles",
  "every",
  "feedUrl",
  "id",
  "lastError",
  "lastFetchAt",
  "name",
  "nextFetchAt",
  "status",
  "url",
].sort();

let feeds: FeedServer;
const prefix = `${uniquePrefix()}-live`;
const otherPrefix = `${prefix}-other`;
const env = (p = prefix): NodeJS.ProcessEnv => ({
  SUMMIT_STORE: "redis",
  REDIS_URL,
  SUMMIT_REDIS_PREFIX: p,
  SUMMIT_ALLOW_PRIVATE_NETWORKS: "1",
});

beforeAll(async () => {
  feeds = await startFeedServer();
});
afterAll(async () => {
  await feeds?.close();
  await deletePrefix(prefix);
  await deletePrefix(otherPrefix);
});

describe("summit sources (SUMMIT_STORE=redis)", { timeout: 120_000 }, () => {
  it("a command that needs the store says so in one line and exits non-zero without it", async () => {
    const r = await summit(["sources", "list"], { SUMMIT_STORE: "", SUMMIT_REDIS_PREFIX: prefix });
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/SUMMIT_STORE=redis/);
  });

  it("add prints the id, --json the contract, and the same feed twice gives the same id", async () => {
    const feed = feeds.url("/feeds/rss.xml");
    const a = await summit(["sources", "add", feed, "--every", "30m", "--json"], env());
    expect(a.stderr).toBe("");
    const added = JSON.parse(a.stdout) as Record<string, unknown>;
    expect(Object.keys(added).sort()).toEqual(["every", "feedUrl", "id", "name", "url"]);
    expect(added).toMatchObject({ url: feed, feedUrl: feed, every: "30m" });
    expect(added.id).toMatch(/^src_/);
    // The same feed, spelled with a tracking parameter: the same id, printed alone.
    const again = await summit(["sources", "add", `${feed}?utm_source=x`], env());
    expect(again.code).toBe(0);
    expect(again.stdout.trim()).toBe(added.id);
    // A site URL: its feed is discovered from <link rel="alternate">.
    const site = await summit(["sources", "add", feeds.url("/"), "--name", "The Wire", "--json"], env());
    const s = JSON.parse(site.stdout) as Record<string, string>;
    expect(s.feedUrl).not.toBe(s.url);
    expect(s.name).toBe("The Wire");
    expect(s.every).toBe("15m");
    // Bad interval: one line, non-zero.
    const bad = await summit(["sources", "add", feed, "--every", "1m"], env());
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/interval/);
  });

  it("poll stores each article once and reports the counts; list shows status and article counts", async () => {
    // A feed that works when added, then answers 500.
    let broken = false;
    feeds.route("/wobbly.xml", async (_req, res) => {
      if (broken) {
        res.writeHead(500, { "content-type": "text/plain" }).end("oops");
        return;
      }
      const body = await (await fetch(feeds.url("/feeds/rdf.xml"))).text();
      res.writeHead(200, { "content-type": "application/rdf+xml" }).end(body);
    });
    const failing = await summit(["sources", "add", feeds.url("/wobbly.xml"), "--json"], env());
    broken = true;
    const failingId = (JSON.parse(failing.stdout) as { id: string }).id;
    const first = await summit(["sources", "poll", "--json"], env());
    expect(first.stderr).toBe("");
    const counts = JSON.parse(first.stdout) as Record<string, number>;
    expect(Object.keys(counts).sort()).toEqual(["added", "failed", "polled", "unchanged", "updated"]);
    expect(counts.polled).toBe(3);
    expect(counts.failed).toBe(1);
    // Two feeds of one publisher carry the same articles: each is stored once.
    expect(counts.added).toBe(feeds.articles.length);
    const second = JSON.parse((await summit(["sources", "poll", "--json"], env())).stdout) as Record<
      string,
      number
    >;
    expect(second).toMatchObject({ added: 0, updated: 0 });

    const list = JSON.parse((await summit(["sources", "list", "--json"], env())).stdout) as Record<
      string,
      unknown
    >[];
    expect(list).toHaveLength(3);
    for (const s of list) expect(Object.keys(s).sort()).toEqual(LIST_KEYS);
    const bad = list.find((s) => s.id === failingId)!;
    expect(bad.status).toBe("failing");
    expect(String(bad.lastError)).toMatch(/500/);
    const good = list.filter((s) => s.id !== failingId);
    for (const s of good) {
      expect(s.status).toBe("ok");
      expect(s.articles).toBe(feeds.articles.length);
      expect(Date.parse(String(s.nextFetchAt))).toBeGreaterThan(Date.parse(String(s.lastFetchAt)));
    }

    // Polling one source by id.
    const one = JSON.parse((await summit(["sources", "poll", failingId, "--json"], env())).stdout);
    expect(one).toMatchObject({ polled: 1, failed: 1 });

    // What was polled answers questions, citing the articles' URLs.
    const brief = await summit(
      ["brief", feeds.articles[0]!.title.split(" ").slice(0, 4).join(" "), "--json"],
      env(),
    );
    const b = JSON.parse(brief.stdout) as { found: boolean; sources: { url?: string }[] };
    expect(b.found).toBe(true);
    for (const src of b.sources) expect(src.url?.startsWith(feeds.origin)).toBe(true);
  });

  it("export prints OPML that import reads back into another store with the same ids", async () => {
    const list = JSON.parse((await summit(["sources", "list", "--json"], env())).stdout) as { id: string }[];
    const out = await summit(["sources", "export"], env());
    expect(out.stdout).toContain("<opml");
    const file = join(mkdtempSync(join(tmpdir(), "summit-live-")), "feeds.opml");
    writeFileSync(file, out.stdout);
    const imported = await summit(["sources", "import", file], env(otherPrefix));
    expect(imported.code).toBe(0);
    const ids = imported.stdout.trim().split("\n").slice(0, -1);
    expect(ids.sort()).toEqual(list.map((s) => s.id).sort());
    expect(imported.stdout.trim().split("\n").at(-1)).toBe(`${list.length} added, 0 already followed`);
  });

  it("remove stops following; an unknown id is a one-line error", async () => {
    const list = JSON.parse((await summit(["sources", "list", "--json"], env(otherPrefix))).stdout) as {
      id: string;
    }[];
    const r = await summit(["sources", "remove", list[0]!.id], env(otherPrefix));
    expect(r.stdout.trim()).toBe(`removed ${list[0]!.id}`);
    const again = await summit(["sources", "remove", list[0]!.id], env(otherPrefix));
    expect(again.code).not.toBe(0);
    expect(again.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("summit ingest URL", { timeout: 120_000 }, () => {
  it("fetches an article page once into the shared store; the second time it is skipped", async () => {
    const p = `${prefix}-ingest`;
    try {
      const url = feeds.url(`/articles/${feeds.articles[1]!.slug}`);
      const r = await summit(["ingest", url, "--json"], env(p));
      expect(r.stderr).toBe("");
      const first = JSON.parse(r.stdout) as { added: { id: string; location: string }[]; skipped: unknown[] };
      expect(first.added).toHaveLength(1);
      expect(first.added[0]!.location.startsWith(feeds.origin)).toBe(true);
      const second = JSON.parse((await summit(["ingest", url, "--json"], env(p))).stdout) as {
        added: unknown[];
        skipped: { duplicateOf: string }[];
      };
      expect(second.added).toHaveLength(0);
      expect(second.skipped[0]!.duplicateOf).toBe(first.added[0]!.id);
    } finally {
      await deletePrefix(p);
    }
  });

  it("without the store, an article URL goes into the corpus folder (web.jsonl) and is briefed from there", async () => {
    const dir = mkdtempSync(join(tmpdir(), "summit-live-folder-"));
    const article = feeds.articles[2]!;
    const folderEnv = { SUMMIT_STORE: "", SUMMIT_ALLOW_PRIVATE_NETWORKS: "1", SUMMIT_CORPUS: dir };
    const url = feeds.url(`/articles/${article.slug}`);
    const r = await summit(["ingest", url, "--json"], folderEnv);
    expect(r.stderr).toBe("");
    const first = JSON.parse(r.stdout) as { added: { id: string }[] };
    expect(first.added).toHaveLength(1);
    const again = JSON.parse((await summit(["ingest", url, "--json"], folderEnv)).stdout) as {
      added: unknown[];
    };
    expect(again.added).toHaveLength(0);
    const briefed = await summit(
      ["brief", article.title.split(" ").slice(0, 4).join(" "), "--json"],
      folderEnv,
    );
    expect(briefed.stderr).toBe("");
    const b = JSON.parse(briefed.stdout) as { sources: { id: string; url?: string }[] };
    expect(b.sources.map((x) => x.id)).toContain(first.added[0]!.id);
    expect(b.sources.find((x) => x.id === first.added[0]!.id)?.url?.startsWith(feeds.origin)).toBe(true);
  });
});
