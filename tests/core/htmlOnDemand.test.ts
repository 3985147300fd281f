/** The HTML cleaner's DOM (linkedom, @mozilla/readability) is required on the first HTML article only. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { htmlToolsLoaded } from "../../src/corpus/html.ts";
import { loadCorpus } from "../../src/corpus/load.ts";

const dir = mkdtempSync(join(tmpdir(), "summit-html-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("HTML cleaner on demand", () => {
  it("a corpus of text files never loads it; the first HTML article does, and is cleaned", () => {
    expect(loadCorpus("seeds").length).toBeGreaterThan(0);
    expect(htmlToolsLoaded()).toBe(false);
    const body = "Dock workers in the port stayed off the job for a third day on Tuesday. ".repeat(4);
    writeFileSync(
      join(dir, "strike.html"),
      `<html><head><title>Port strike enters third day</title></head><body><nav>Home</nav><article><h1>Port strike enters third day</h1><p>${body}</p><p>${body}</p></article></body></html>`,
    );
    const [article] = loadCorpus(dir);
    expect(htmlToolsLoaded()).toBe(true);
    expect(article?.title).toBe("Port strike enters third day");
    expect(article?.paragraphs.join(" ")).toContain("Dock workers in the port");
    expect(article?.paragraphs.join(" ")).not.toContain("Home");
  });
});
