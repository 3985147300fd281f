/**
 * Streaming corpus loading (issue #14): a folder's files and a .jsonl file's records are read one at
 * a time straight into the index, with the same articles (and the same safety rules) as loadCorpus.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createExtractiveFromConfig } from "../../app/engine/create.ts";
import { articleFromRecord, loadCorpus, streamCorpus } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { tempCorpus } from "./helpers.ts";

const TOPICS = ["harbour", "reservoir", "orchard", "railway", "library"];

/** A record about topic k, numbered so none repeats; about `pad` extra sentences long. */
function record(i: number, pad = 0): { id: string; title: string; text: string } {
  const t = TOPICS[i % TOPICS.length]!;
  const extra = Array.from(
    { length: pad },
    (_, j) => `Inspectors filed note ${i}-${j} about the ${t} works.`,
  );
  return {
    id: `r${i}`,
    title: `The ${t} plan, part ${i}`,
    text: `The ${t} plan, part ${i}\n\nCouncillors approved the ${t} plan number ${i} on Tuesday after a long debate. Residents said the ${t} had waited ${i + 2} years for repairs.\n\n${extra.join(" ")}`,
  };
}

const jsonl = (recs: object[]) => `${recs.map((r) => JSON.stringify(r)).join("\n")}\n`;

describe("streamCorpus", () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });
  const corpus = (files: Record<string, string>) => {
    const c = tempCorpus(files);
    cleanups.push(c.remove);
    return c.dir;
  };

  it("reads a .jsonl file of several megabytes line by line: every record, in order, as cleaned alone", () => {
    // ~2.4 MB: records cross the reader's 1 MB chunks; the file is over the per-article size cap.
    const recs = Array.from({ length: 600 }, (_, i) => record(i, 40));
    const dir = corpus({ "feed.jsonl": jsonl(recs) });
    const warnings: string[] = [];
    const got = [...streamCorpus(dir, { maxArticleBytes: 100_000, warn: (l) => warnings.push(l) })];
    expect(warnings).toEqual([]);
    expect(got.map((a) => a.id)).toEqual(recs.map((r) => r.id));
    for (const k of [0, 1, 299, 599]) {
      const want = articleFromRecord({ ...recs[k]!, location: `feed.jsonl#${recs[k]!.id}` }, got[k]!.addedAt);
      expect(got[k]).toEqual(want);
    }
  });

  it("yields records before reading the rest of the file (a bad line later stops the load there)", () => {
    const dir = corpus({ "feed.jsonl": `${jsonl([record(0), record(1)])}{not json\n` });
    const it = streamCorpus(dir)[Symbol.iterator]();
    expect(it.next().value?.id).toBe("r0");
    expect(it.next().value?.id).toBe("r1");
    expect(() => it.next()).toThrow(/feed\.jsonl: line 3 is not valid JSON/);
  });

  it("cuts one oversized record at the cap with one warning and keeps the others whole", () => {
    const big = record(1, 3000); // ~150 KB of text
    const dir = corpus({ "feed.jsonl": jsonl([record(0), big, record(2)]) });
    const warnings: string[] = [];
    const got = [...streamCorpus(dir, { maxArticleBytes: 20_000, warn: (l) => warnings.push(l) })];
    expect(got.map((a) => a.id)).toEqual(["r0", "r1", "r2"]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/feed\.jsonl#r1 is \d+ KB: read only its first 20 KB/);
    const text = got[1]!.paragraphs.join("\n");
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(20_000);
    expect(text).toMatch(/[.!?]$/);
    expect(got[2]!.paragraphs.join(" ")).toContain("plan number 2");
  });

  it("skips a line far over the cap without holding it, with one warning", () => {
    const huge = { id: "huge", text: "x ".repeat(400_000) };
    const dir = corpus({ "feed.jsonl": jsonl([record(0), huge, record(2)]) });
    const warnings: string[] = [];
    const got = [...streamCorpus(dir, { maxArticleBytes: 10_000, warn: (l) => warnings.push(l) })];
    expect(got.map((a) => a.id)).toEqual(["r0", "r2"]);
    expect(warnings).toEqual([expect.stringMatching(/feed\.jsonl: line 2 is over .*: skipped/)]);
  });

  it("decodes a BOM-led UTF-8 file and a windows-1252 line", () => {
    const dir = corpus({});
    const utf8 = Buffer.from(
      jsonl([{ id: "a", text: "Café owners meet\n\nThe café owners met on Monday to discuss rents." }]),
    );
    const latin = Buffer.from(
      `{"id":"b","text":"Caf\u00e9 prices rise\\n\\nThe caf\u00e9 raised prices on Friday after a rent increase."}\n`,
      "latin1",
    );
    writeFileSync(join(dir, "a.jsonl"), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]));
    writeFileSync(join(dir, "b.jsonl"), latin);
    const got = [...streamCorpus(dir)];
    expect(got.map((a) => a.id)).toEqual(["a", "b"]);
    expect(got[0]!.paragraphs.join(" ")).toContain("café owners");
    expect(got[1]!.paragraphs.join(" ")).toContain("café raised");
  });

  it("the engine built streaming from a folder answers as the one built from the loaded list", async () => {
    const files: Record<string, string> = {
      "feed.jsonl": jsonl(Array.from({ length: 40 }, (_, i) => record(i, 3))),
    };
    for (let i = 40; i < 45; i++) files[`story-${i}.txt`] = record(i, 2).text;
    const dir = corpus(files);
    const streamed = createExtractiveFromConfig({ corpusDir: dir });
    const listed = createExtractiveEngine(loadCorpus(dir));
    expect(streamed.index.size).toBe(45);
    expect(streamed.articles.map((a) => a.id)).toEqual(listed.articles.map((a) => a.id));
    for (const topic of ["harbour plan", "reservoir repairs"])
      expect(await streamed.brief(topic)).toEqual(await listed.brief(topic));
  });
});
