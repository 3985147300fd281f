/**
 * One suite for the label files of two-document clusters across Multi-News clusters ("<prefix>:<docIdA>+
 * <docIdB>:cluster": 2026-12m's story pairs, 2026-12n's related pairs): every row names such a cluster of
 * two documents of different clusters, two different documents of it, a sorted pair key, a boolean label and
 * a reason naming the set; no key twice, and none another label file labels; split by cluster into a dev
 * and a sealed half, the sealed half sealed (sealedClusters names it, so --open never lists its pairs) and
 * the dev half not. With ../shared present, both halves of every key are sentences of that pair as the
 * index splits it (so the detector's pairs can match). Failures name keys or clusters only, never text.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LABEL_DATA, type Label, loadLabels, sealedClusters } from "../../scripts/eval-disagreements.ts";
import { sharedUrl } from "../../scripts/shared.ts";
import {
  FAULTS_EXPECTED,
  faultsCaught,
  fileProblems,
  keysNotInStoryPairs,
  madeUpRow,
  otherLabelKeys,
} from "./labelKeys.ts";

export interface StoryPairLabelFile {
  which: "heldout2026m" | "heldout2026n";
  /** The set prefix ("mnpair"), its file in tests/data, and the tag every reason names ("held-out 2026-12m"). */
  prefix: string;
  file: string;
  tag: string;
  /** At least this many labels, and this many real ones. */
  min: number;
  minReal: number;
}

export function describeStoryPairLabels(f: StoryPairLabelFile): void {
  const DOC = String.raw`multinews-test-\d{4}/d\d+`;
  const shape = {
    pattern: new RegExp(`^${f.prefix}:(${DOC}\\+${DOC}):cluster$`),
    name: `${f.prefix}:<docIdA>+<docIdB>:cluster`,
  };
  const problems = (labels: Label[]) => {
    const out = fileProblems(labels, shape, f.tag);
    for (const l of labels) {
      const [a, b] = (l.set.split(":")[1] ?? "").split("+").map((d) => d.split("/")[0]);
      if (a === b) out.push(`${l.key}: both documents of one Multi-News cluster`);
    }
    return out;
  };
  const fresh = loadLabels(f.which);
  const other = f.prefix === "mnpair" ? "mnband" : "mnpair";

  describe(`${f.tag} labels`, () => {
    it("are well formed, no key twice", () => {
      expect(fresh.length).toBeGreaterThanOrEqual(f.min);
      expect(fresh.filter((l) => l.same).length).toBeGreaterThanOrEqual(f.minReal);
      expect(problems(fresh)).toEqual([]);
    });

    it("catches a made-up row with a bad key, a foreign set or one article on both sides (control)", () => {
      const good = madeUpRow(f.prefix, "multinews-test-9998/d0+multinews-test-9999/d1", f.tag);
      expect(faultsCaught(problems, good)).toEqual(FAULTS_EXPECTED);
      expect(
        problems([{ ...good, set: `${other}:multinews-test-9998/d0+multinews-test-9999/d1:cluster` }]),
      ).toContain(`000000000000-ffffffffffff: set is not ${shape.name}`);
      const oneCluster = madeUpRow(f.prefix, "multinews-test-9999/d0+multinews-test-9999/d1", f.tag);
      expect(problems([oneCluster])).toContain(
        "000000000000-ffffffffffff: both documents of one Multi-News cluster",
      );
    });

    it("labels no pair another label file labels (the eval keys labels by pair: one would override the other)", () => {
      const others = otherLabelKeys(f.file);
      expect(fresh.map((l) => l.key).filter((k) => others.has(k))).toEqual([]);
    });

    it("is split by cluster into a dev and a sealed half, the sealed half sealed", () => {
      const halfOf = new Map<string, Set<string | undefined>>();
      for (const l of fresh) halfOf.set(l.set, (halfOf.get(l.set) ?? new Set()).add(l.half));
      expect([...halfOf].filter(([, h]) => h.size !== 1 || !(h.has("dev") || h.has("sealed")))).toEqual([]);
      expect(new Set(fresh.map((l) => l.half))).toEqual(new Set(["dev", "sealed"]));
      const sealed = sealedClusters();
      expect(fresh.filter((l) => sealed(l.set) !== (l.half === "sealed")).map((l) => l.key)).toEqual([]);
    });

    const data = fileURLToPath(new URL(LABEL_DATA.multinews!, sharedUrl()));
    it.skipIf(!existsSync(data))(
      "name sentences of their pair as the index splits them",
      () => {
        expect(keysNotInStoryPairs(fresh, LABEL_DATA.multinews!)).toEqual([]);
      },
      120_000,
    );
  });
}
