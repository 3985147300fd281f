/**
 * First start: an empty store imports the corpus folder once, however many processes start together;
 * the imported articles are the folder's articles (ids, cleaning) as the folder mode loads them.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load.ts";
import { SharedStore } from "../../store/sharedStore.ts";
import { item, openTestStore, quietLog, realClock, type TestStore } from "./helpers.ts";

let store: TestStore | null = null;
const dirs: string[] = [];
afterEach(async () => {
  await store?.close();
  store = null;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function processes(s: TestStore, n: number): SharedStore[] {
  return Array.from(
    { length: n },
    () => new SharedStore({ redis: s.connect(), prefix: s.prefix, clock: realClock, log: quietLog }),
  );
}

describe("importFolderOnce", () => {
  it("imports the folder once when processes start together, keeping ids and cleaning", async () => {
    store = openTestStore();
    const results = await Promise.all(processes(store, 4).map((p) => p.importFolderOnce("seeds")));
    const folder = loadCorpus("seeds");
    expect(results.filter((r) => r.imported)).toHaveLength(1);
    expect(results.filter((r) => !r.imported).map((r) => r.reason)).toEqual([
      "already imported",
      "already imported",
      "already imported",
    ]);
    expect(results.find((r) => r.imported)?.added).toBe(folder.length);
    expect(await store.articles.count()).toBe(folder.length);
    for (const a of folder) {
      const got = await store.articles.get(a.id);
      expect(got).toEqual({ ...a, addedAt: got!.addedAt, sourceId: null });
    }
    // Later starts import nothing, even once the store is empty again.
    for (const a of folder) await store.articles.remove(a.id);
    const [later] = processes(store, 1);
    expect(await later!.importFolderOnce("seeds")).toMatchObject({
      imported: false,
      reason: "already imported",
    });
    expect(await store.articles.count()).toBe(0);
  });

  it("never imports into a store that already has articles", async () => {
    store = openTestStore();
    await store.articles.upsert(item({ variant: 1 }));
    const [p] = processes(store, 1);
    expect(await p!.importFolderOnce("seeds")).toMatchObject({ imported: false, reason: "store not empty" });
    expect(await store.articles.count()).toBe(1);
  });

  it("counts a folder's near-identical copies from one publisher as duplicates", async () => {
    store = openTestStore();
    const dir = mkdtempSync(join(tmpdir(), "summit-import-"));
    dirs.push(dir);
    cpSync("seeds", dir, { recursive: true });
    const first = loadCorpus("seeds")[1]!;
    cpSync(join("seeds", `${first.id}.txt`), join(dir, "copy-of-first.txt"));
    const [p] = processes(store, 1);
    const r = await p!.importFolderOnce(dir);
    expect(r).toMatchObject({ imported: true, duplicates: 1 });
    expect(await store.articles.count()).toBe(r.added);
  });

  it("says which folder is missing", async () => {
    store = openTestStore();
    const [p] = processes(store, 1);
    await expect(p!.importFolderOnce("no-such-folder")).rejects.toThrow(
      /corpus folder not found: no-such-folder/,
    );
    // Nothing was recorded: a later start with the right folder still imports.
    expect((await p!.importFolderOnce("seeds")).imported).toBe(true);
  });
});
