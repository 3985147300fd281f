/**
 * Hostile corpus files (issue #11, items 1, 4 and 5), each injected for real in a temp folder: an
 * oversized article, dangling and looping symlinks, random bytes, a Latin-1 file, a one-line article.
 */
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../app/config.ts";
import { createExtractiveFromConfig } from "../../app/engine/create.ts";
import { ingestFiles } from "../../src/corpus/ingest.ts";
import { loadCorpus } from "../../src/corpus/load.ts";
import { DEFAULT_MAX_ARTICLE_BYTES } from "../../src/corpus/read.ts";
import { CorpusError } from "../../src/errors.ts";
import { tempCorpus } from "./helpers.ts";

const STORY =
  "Harbour bridge reopens\n\nThe harbour bridge reopened to traffic on Monday after eighteen months of repairs costing 40 million pounds.\n\nEngineers replaced the cables and strengthened the deck so that heavier lorries can cross.\n\nLocal shops said trade had fallen by a third while the bridge was closed.";
const CLOCK = { now: () => new Date("2024-05-01T09:00:00Z") };

/** About `bytes` of sentences, each numbered so none repeats. */
function longText(bytes: number): string {
  const out: string[] = ["Port budget hearing\n\n"];
  let size = out[0]!.length;
  for (let i = 0; size < bytes; i++) {
    const s = `The port committee heard submission number ${i} about berth fees and dredging costs. ${i % 5 === 4 ? "\n\n" : ""}`;
    out.push(s);
    size += s.length;
  }
  return out.join("");
}

describe("hostile corpus files", () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });
  const corpus = (files: Record<string, string>) => {
    const c = tempCorpus(files);
    cleanups.push(c.remove);
    return c.dir;
  };

  it("the article size cap is configurable and defaults to the documented value", () => {
    expect(loadConfig({}).maxArticleBytes).toBe(DEFAULT_MAX_ARTICLE_BYTES);
    expect(loadConfig({ SUMMIT_MAX_ARTICLE_BYTES: "250000" }).maxArticleBytes).toBe(250_000);
    expect(() => loadConfig({ SUMMIT_MAX_ARTICLE_BYTES: "ten" })).toThrow(/SUMMIT_MAX_ARTICLE_BYTES/);
  });

  it("an oversized file is cut at a sentence end on load, with one warning line, and briefs still work", async () => {
    const dir = corpus({ "bridge.txt": STORY });
    writeFileSync(join(dir, "huge.txt"), longText(3_000_000));
    const warnings: string[] = [];
    const max = 200_000;
    const articles = loadCorpus(dir, { maxArticleBytes: max, warn: (l) => warnings.push(l) });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/huge\.txt is 3\.0 MB: read only its first 200 KB/);
    const huge = articles.find((a) => a.id === "huge")!;
    const text = huge.paragraphs.join("\n");
    expect(text.length).toBeLessThanOrEqual(max);
    expect(text.length).toBeGreaterThan(max * 0.7);
    expect(huge.paragraphs.at(-1)).toMatch(/dredging costs\.$/);
    // The small article is untouched and a brief on it names it.
    const engine = createExtractiveFromConfig({ corpusDir: dir, maxArticleBytes: max });
    const b = await engine.brief("harbour bridge repairs");
    expect(b.sources.map((s) => s.id)).toContain("bridge");
  });

  it("ingest refuses an oversized file with the limit and the setting named, and adds nothing", () => {
    const dir = corpus({});
    const inbox = corpus({ "ok.txt": STORY });
    writeFileSync(join(inbox, "big.txt"), longText(300_000));
    expect(() => ingestFiles(dir, [join(inbox, "big.txt")], CLOCK, { maxArticleBytes: 100_000 })).toThrow(
      /big\.txt is 300 KB, over the 100 KB limit for one article \(SUMMIT_MAX_ARTICLE_BYTES\)/,
    );
    expect(readdirSync(dir).filter((f) => !f.startsWith("."))).toEqual([]);
    // Positive control: under the limit the same call ingests.
    expect(ingestFiles(dir, [join(inbox, "ok.txt")], CLOCK, { maxArticleBytes: 100_000 }).added).toHaveLength(
      1,
    );
  });

  it("dangling links, self-links and folder loops are skipped with one warning line each", async () => {
    const dir = corpus({ "bridge.txt": STORY });
    symlinkSync(join(dir, "gone.txt"), join(dir, "dangling.txt"));
    symlinkSync(join(dir, "self.txt"), join(dir, "self.txt"));
    mkdirSync(join(dir, "sub"));
    symlinkSync(dir, join(dir, "sub", "loop"));
    const warnings: string[] = [];
    const articles = loadCorpus(dir, { warn: (l) => warnings.push(l) });
    expect(articles.map((a) => a.id)).toEqual(["bridge"]);
    expect(warnings).toHaveLength(3);
    expect(warnings.find((w) => w.includes("dangling.txt"))).toMatch(/broken link/);
    expect(warnings.find((w) => w.includes("self.txt"))).toMatch(/link loop/);
    expect(warnings.find((w) => w.includes("loop"))).toBeDefined();
    expect(warnings.some((w) => /sub\/loop: links back to a folder/.test(w))).toBe(true);
    // What the server and CLI build (createExtractiveFromConfig) loads and answers.
    const engine = createExtractiveFromConfig({ corpusDir: dir });
    expect((await engine.brief("harbour bridge")).sources.map((s) => s.id)).toEqual(["bridge"]);
  });

  it("a link to a real article file is still read", () => {
    const dir = corpus({});
    const other = corpus({ "bridge.txt": STORY });
    symlinkSync(join(other, "bridge.txt"), join(dir, "linked.txt"));
    const warnings: string[] = [];
    expect(loadCorpus(dir, { warn: (l) => warnings.push(l) }).map((a) => a.id)).toEqual(["linked"]);
    expect(warnings).toEqual([]);
  });

  it("random bytes are refused at ingest and skipped at load, with a clear line", () => {
    const bytes = Buffer.alloc(3000);
    let seed = 7;
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = seed >> 16;
    }
    const inbox = corpus({});
    writeFileSync(join(inbox, "binary.txt"), bytes);
    const dir = corpus({});
    expect(() => ingestFiles(dir, [join(inbox, "binary.txt")], CLOCK)).toThrow(CorpusError);
    expect(() => ingestFiles(dir, [join(inbox, "binary.txt")], CLOCK)).toThrow(/binary\.txt is binary/);
    const loaded = corpus({ "bridge.txt": STORY });
    writeFileSync(join(loaded, "binary.txt"), bytes);
    const warnings: string[] = [];
    expect(loadCorpus(loaded, { warn: (l) => warnings.push(l) }).map((a) => a.id)).toEqual(["bridge"]);
    expect(warnings).toEqual([expect.stringMatching(/binary\.txt is binary, not article text: skipped/)]);
  });

  it("Latin-1, a declared charset, a BOM and one-line articles decode right; control characters are removed", () => {
    const inbox = corpus({});
    const latin1 = Buffer.from(
      "Terrace fees rise\n\nCafé owners in the old town will pay £5 more a day for their terrace permits, the council said.\n",
      "latin1",
    );
    writeFileSync(join(inbox, "latin1.txt"), latin1);
    const html = Buffer.from(
      '<html><head><meta charset="windows-1252"><title>Prix</title></head><body><article><h1>Prix</h1><p>Le café coûte désormais 3 € dans la plupart des brasseries de la ville, selon une étude publiée lundi par la chambre de commerce locale.</p></article></body></html>',
      "latin1",
    );
    // € is 0x80 in windows-1252 (latin1 encoding of U+20AC would be lossy): write it byte by byte.
    html[html.indexOf(Buffer.from("3 ")) + 2] = 0x80;
    writeFileSync(join(inbox, "page.html"), html);
    writeFileSync(
      join(inbox, "bom.txt"),
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(
          "Naïve budget\n\nThe naïve budget was passed on Monday by nine votes to four.\n",
          "utf16le",
        ),
      ]),
    );
    writeFileSync(
      join(inbox, "one.txt"),
      "The harbour bridge reopened to traffic on Monday after eighteen months of repairs.\n",
    );
    writeFileSync(
      join(inbox, "ctrl.txt"),
      "Tram\u0007 line\u202E opens\n\nThe new tram\u0000 line opened\u2066 on Sunday with free rides for the first week.\n",
    );
    const dir = corpus({});
    const r = ingestFiles(
      dir,
      ["latin1.txt", "page.html", "bom.txt", "one.txt", "ctrl.txt"].map((f) => join(inbox, f)),
      CLOCK,
    );
    expect(r.added.map((a) => a.id)).toEqual(["latin1", "page", "bom", "one", "ctrl"]);
    const byId = new Map(loadCorpus(dir).map((a) => [a.id, a]));
    const text = (id: string) => byId.get(id)!.paragraphs.join("\n");
    expect(text("latin1")).toContain("Café owners in the old town will pay £5 more");
    expect(text("page")).toContain("Le café coûte désormais 3 € dans");
    expect(text("bom")).toContain("The naïve budget was passed");
    expect(text("one")).toBe(
      "The harbour bridge reopened to traffic on Monday after eighteen months of repairs.",
    );
    expect(byId.get("ctrl")!.title).toBe("Tram line opens");
    expect(text("ctrl")).toBe("The new tram line opened on Sunday with free rides for the first week.");
    for (const a of byId.values())
      expect(`${a.title} ${a.paragraphs.join(" ")}`).not.toMatch(/[\p{Cc}\uFFFD\u202A-\u202E\u2066-\u2069]/u);
  });
});
