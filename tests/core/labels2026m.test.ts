/**
 * The held-out set 2026-12m (tests/data/disagreements-heldout-2026-12m.jsonl: pairs of Multi-News test
 * documents from different clusters reporting one story, labelled blind) stays valid for the eval: every
 * row names a story-pair cluster "mnpair:<docIdA>+<docIdB>:cluster" of two documents of different
 * clusters, two different documents of it, a sorted pair key, a boolean label and a reason naming the set;
 * no key twice, and none another label file labels; split by cluster into a dev and a sealed half, the sealed half sealed (sealedClusters names
 * it, so --open never lists its pairs) and the dev half not. With ../shared present, both halves of every
 * key are sentences of that pair as the index splits it (so the detector's pairs can match). Failures
 * name keys or clusters only, never a row's text.
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
} from "../support/labelKeys.ts";

const DOC = String.raw`multinews-test-\d{4}/d\d+`;
const MNPAIR_SET = {
  pattern: new RegExp(`^mnpair:(${DOC}\\+${DOC}):cluster$`),
  name: "mnpair:<docIdA>+<docIdB>:cluster",
};
const problems = (labels: Label[]) => {
  const out = fileProblems(labels, MNPAIR_SET, "held-out 2026-12m");
  for (const l of labels) {
    const [a, b] = (l.set.split(":")[1] ?? "").split("+").map((d) => d.split("/")[0]);
    if (a === b) out.push(`${l.key}: both documents of one Multi-News cluster`);
  }
  return out;
};

const fresh = loadLabels("heldout2026m");

describe("held-out 2026-12m labels", () => {
  it("are well formed, no key twice", () => {
    expect(fresh.length).toBeGreaterThanOrEqual(800);
    expect(fresh.filter((l) => l.same).length).toBeGreaterThanOrEqual(8);
    expect(problems(fresh)).toEqual([]);
  });

  it("catches a made-up row with a bad key, a foreign set or one article on both sides (control)", () => {
    const good = madeUpRow("mnpair", "multinews-test-9998/d0+multinews-test-9999/d1", "held-out 2026-12m");
    expect(faultsCaught(problems, good)).toEqual(FAULTS_EXPECTED);
    expect(problems([{ ...good, set: "multinews:multinews-test-0001:cluster" }])).toContain(
      "000000000000-ffffffffffff: set is not mnpair:<docIdA>+<docIdB>:cluster",
    );
    const oneCluster = madeUpRow(
      "mnpair",
      "multinews-test-9999/d0+multinews-test-9999/d1",
      "held-out 2026-12m",
    );
    expect(problems([oneCluster])).toContain(
      "000000000000-ffffffffffff: both documents of one Multi-News cluster",
    );
  });

  it("labels no pair another label file labels (the eval keys labels by pair: one would override the other)", () => {
    const others = otherLabelKeys("disagreements-heldout-2026-12m.jsonl");
    expect(fresh.map((l) => l.key).filter((k) => others.has(k))).toEqual([]);
  });

  it("is split by cluster into a dev and a sealed half, the sealed half sealed", () => {
    const halfOf = new Map<string, Set<string | undefined>>();
    for (const l of fresh) halfOf.set(l.set, (halfOf.get(l.set) ?? new Set()).add(l.half));
    expect([...halfOf].filter(([, h]) => h.size !== 1 || !(h.has("dev") || h.has("sealed")))).toEqual([]);
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
