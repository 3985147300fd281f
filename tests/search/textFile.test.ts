/**
 * Sealed articles' text lives in the writer's spill file, not in memory: read back from disk it is
 * the article; readers on the writer's state read the same file; the file never has a name left on
 * disk, is rewritten smaller once removed articles fill it, and closing the index closes it (twice is
 * safe; reading after that fails instead of returning something else).
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { articleFromRecord } from "../../src/corpus/load.ts";
import type { Article } from "../../src/model.ts";
import { SegmentedIndex } from "../../src/search/segments.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function freshDir(): string {
  const d = mkdtempSync(join(tmpdir(), "summit-textfile-test-"));
  dirs.push(d);
  return d;
}

function articles(n: number): Article[] {
  return Array.from({ length: n }, (_, i) =>
    articleFromRecord(
      {
        id: `a-${i}`,
        title: `Harbour report ${i}`,
        text: `Harbour report ${i}\n\nThe harbour handled ${i * 37} containers, a ${i % 9}% change.\n\nPort officials — “busy” — said more ships came (${"é".repeat(i % 5)}).`,
      },
      "2026-03-01T00:00:00.000Z",
    ),
  );
}

function indexOf(list: Article[], dir: string): SegmentedIndex {
  const idx = new SegmentedIndex({ writer: true, textDir: dir });
  for (const a of list) idx.add(a, ["harbour"], ["report", `n${a.id}`]);
  return idx;
}

describe("article text in the spill file", () => {
  it("reads back from disk exactly the articles sealed, the file unnamed on disk", () => {
    const dir = freshDir();
    const list = articles(300);
    const idx = indexOf(list, dir);
    idx.seal();
    expect(idx.textFileBytes).toBeGreaterThan(0);
    // Nothing left in the directory: the file was unlinked as soon as it was opened.
    expect(readdirSync(dir)).toEqual([]);
    const segments = idx.state().segments;
    expect(segments).toHaveLength(1);
    // The segment holds where each article's text is, not the text.
    expect(Object.values(segments[0]!).some((v) => v instanceof Uint8Array && v.length > 20_000)).toBe(false);
    for (const [i, a] of list.entries()) expect(idx.article(i)).toEqual(a);
    // A reader on the writer's state (as an engine thread) reads the same file.
    const reader = new SegmentedIndex({ writer: false, state: idx.state() });
    expect(reader.article(123)).toEqual(list[123]);
    idx.close();
  });

  it("keeps the text through merges, and rewrites the file without removed articles", () => {
    const dir = freshDir();
    const list = articles(400);
    const idx = indexOf(list.slice(0, 200), dir);
    idx.seal();
    for (const a of list.slice(200)) idx.add(a, ["harbour"], ["report"]);
    idx.seal();
    const before = idx.textFileBytes;
    for (let i = 0; i < 400; i += 4) if (i % 8 !== 0) idx.remove(i);
    for (let i = 1; i < 400; i += 2) idx.remove(i);
    idx.compact();
    expect(idx.state().segments).toHaveLength(1);
    // 150 of 400 articles left: the file holds their text only.
    expect(idx.textFileBytes).toBeLessThan(before * 0.4);
    for (let i = 0; i < 400; i++) expect(idx.article(i)).toEqual(i % 8 === 0 || i % 4 === 2 ? list[i] : null);
    idx.close();
  });

  it("closes its file on close(), twice safely; its text is then unreadable", () => {
    const dir = freshDir();
    const idx = indexOf(articles(10), dir);
    idx.seal();
    expect(idx.article(3)?.id).toBe("a-3");
    idx.close();
    idx.close();
    expect(readdirSync(dir)).toEqual([]);
    expect(() => idx.article(4)).toThrow();
  });
});
