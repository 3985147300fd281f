import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...tsFiles(p));
    else if (p.endsWith(".ts")) out.push(p);
  }
  return out;
}

function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1]!);
}

describe("architecture", () => {
  it("the core (src/) imports no platform, queue, Redis or app code", () => {
    const banned = /^(@slack\/|discord\.js|@discordjs\/|bullmq|ioredis)|(^|\/)(adapters|queue|app)\//;
    const offenders = tsFiles("src").flatMap((f) =>
      imports(f)
        .filter((i) => banned.test(i))
        .map((i) => `${f}: ${i}`),
    );
    expect(offenders).toEqual([]);
  });

  it("the core (src/) never imports sources/ (network I/O) nor an HTTP client", () => {
    const offenders = tsFiles("src").flatMap((f) =>
      imports(f)
        .filter((i) => /(^|\/)sources\/|^undici$/.test(i))
        .map((i) => `${f}: ${i}`),
    );
    expect(offenders).toEqual([]);
  });

  it("sources/ imports no platform, queue, store or app code", () => {
    const banned = /^(@slack\/|discord\.js|@discordjs\/|bullmq|ioredis)|(^|\/)(adapters|queue|app|store)\//;
    const offenders = tsFiles("sources").flatMap((f) =>
      imports(f)
        .filter((i) => banned.test(i))
        .map((i) => `${f}: ${i}`),
    );
    expect(offenders).toEqual([]);
  });

  it("the queue imports no adapter and adapters import no queue internals but its types", () => {
    const offenders = tsFiles("queue").flatMap((f) =>
      imports(f)
        .filter((i) => /(^|\/)adapters\/|@slack\/|discord\.js/.test(i))
        .map((i) => `${f}: ${i}`),
    );
    expect(offenders).toEqual([]);
  });
});
