import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ingestFiles } from "../../src/corpus/ingest.ts";
import { loadCorpus } from "../../src/corpus/load.ts";
import { manifestPath } from "../../src/corpus/manifest.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { tempCorpus } from "./helpers.ts";

const STORY =
  "Harbour bridge reopens\n\nThe harbour bridge reopened to traffic on Monday after eighteen months of repairs costing 40 million pounds.\n\nEngineers replaced the cables and strengthened the deck so that heavier lorries can cross.\n\nLocal shops said trade had fallen by a third while the bridge was closed.";

describe("ingest", () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });

  it("adds new files, records when, and skips the same or near-identical text", () => {
    const corpus = tempCorpus({});
    const inbox = tempCorpus({
      "bridge.txt": STORY,
      "bridge-copy.txt": `${STORY}\n\nShare this article`,
      "bridge-edited.txt": STORY.replace("Local shops", "Nearby shops"),
      "other.md":
        "# Zoo welcomes twins\n\nThe city zoo announced the birth of twin red pandas, the first born there in a decade.\n",
    });
    cleanups.push(corpus.remove, inbox.remove);
    const clock = { now: () => new Date("2024-05-01T09:00:00Z") };
    const r = ingestFiles(
      corpus.dir,
      ["bridge.txt", "bridge-copy.txt", "bridge-edited.txt", "other.md"].map((f) => join(inbox.dir, f)),
      clock,
    );
    expect(r.added.map((a) => a.id)).toEqual(["bridge", "other"]);
    expect(r.skipped.map((s) => [s.path.split("/").pop(), s.duplicateOf])).toEqual([
      ["bridge-copy.txt", "bridge"],
      ["bridge-edited.txt", "bridge"],
    ]);
    const manifest = JSON.parse(readFileSync(manifestPath(corpus.dir), "utf8"));
    expect(manifest.files["bridge.txt"].addedAt).toBe("2024-05-01T09:00:00.000Z");
    const loaded = loadCorpus(corpus.dir);
    expect(loaded.map((a) => [a.id, a.addedAt])).toEqual([
      ["bridge", "2024-05-01T09:00:00.000Z"],
      ["other", "2024-05-01T09:00:00.000Z"],
    ]);

    // A second run a day later recognises what it has and adds only the new article.
    writeFileSync(
      join(inbox.dir, "later.txt"),
      "Ferry strike called off\n\nFerry crews called off their strike on Tuesday after the company improved its pay offer.",
    );
    const later = { now: () => new Date("2024-05-02T09:00:00Z") };
    const r2 = ingestFiles(corpus.dir, [join(inbox.dir, "bridge.txt"), join(inbox.dir, "later.txt")], later);
    expect(r2.added.map((a) => a.id)).toEqual(["later"]);
    expect(r2.skipped.map((s) => s.similarity)).toEqual([1]);

    // Digests go by the recorded time.
    const engine = createExtractiveEngine(loadCorpus(corpus.dir));
    return engine.digest({ since: new Date("2024-05-02T00:00:00Z") }).then((d) => {
      expect(d.sources.map((s) => s.id)).toEqual(["later"]);
    });
  });

  it("names a missing file", () => {
    const corpus = tempCorpus({});
    cleanups.push(corpus.remove);
    expect(() => ingestFiles(corpus.dir, [join(corpus.dir, "nope.txt")], { now: () => new Date() })).toThrow(
      /file not found: .*nope\.txt/,
    );
  });
});
