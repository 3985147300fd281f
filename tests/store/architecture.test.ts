/** Where the shared store sits: the core never imports it; it imports no platform, adapter or app code. */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function tsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith(".ts") ? [p] : [];
  });
}

function offenders(dir: string, banned: RegExp): string[] {
  return tsFiles(dir).flatMap((f) =>
    [...readFileSync(f, "utf8").matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)]
      .map((m) => m[1]!)
      .filter((i) => banned.test(i))
      .map((i) => `${f}: ${i}`),
  );
}

describe("store/ in the architecture", () => {
  it("src/ never imports store/", () => {
    expect(offenders("src", /(^|\/)store\//)).toEqual([]);
  });
  it("store/ imports no adapter, app, platform SDK or BullMQ", () => {
    expect(offenders("store", /(^|\/)(adapters|app)\/|@slack\/|discord\.js|@discordjs\/|^bullmq/)).toEqual(
      [],
    );
  });
});
