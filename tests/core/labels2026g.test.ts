/**
 * The fresh held-out set 2026-12g (tests/data/disagreements-heldout-2026-12g.jsonl) stays valid for the
 * eval: every row names a Multi-News test cluster, two different articles of it, a sorted pair key, a
 * boolean label and a reason; no key twice; its clusters are used by no other label file (open ones read
 * here, sealed ones through sealedClusters, which reads only their `set` fields). With ../shared present,
 * both halves of every key are sentences of that cluster as the index splits them (so the detector's
 * pairs can match). Failures name keys or clusters only, never a row's text.
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
  keysNotInClusters,
  MULTINEWS_SET,
  madeUpRow,
} from "../support/labelKeys.ts";

/** What is wrong with the rows (keys only). */
const problems = (labels: Label[]) => fileProblems(labels, MULTINEWS_SET, "held-out 2026-12g");

const fresh = loadLabels("heldout2026g");

describe("held-out 2026-12g labels", () => {
  it("are well formed, no key twice, with real pairs among them", () => {
    expect(fresh.length).toBeGreaterThanOrEqual(250);
    expect(fresh.filter((l) => l.same).length).toBeGreaterThanOrEqual(10);
    expect(problems(fresh)).toEqual([]);
  });

  it("catches a made-up row with a bad key, a foreign set or one article on both sides (control)", () => {
    const good = madeUpRow("multinews", "multinews-test-9999", "held-out 2026-12g");
    expect(faultsCaught(problems, good)).toEqual(FAULTS_EXPECTED);
    expect(problems([{ ...good, set: "duc2004:d30001t:cluster" }])).toContain(
      "000000000000-ffffffffffff: set is not multinews:<id>:cluster",
    );
  });

  it("uses clusters no other label file used", () => {
    const open = [
      ...loadLabels("all"),
      ...loadLabels("heldout2026b"),
      ...loadLabels("heldout2026c"),
      ...loadLabels("rtqaDev"),
    ];
    const openSets = new Set(open.map((l) => l.set));
    const sealed = sealedClusters();
    const clusters = [...new Set(fresh.map((l) => l.set))];
    expect(clusters.filter((s) => openSets.has(s) || sealed(s))).toEqual([]);
  });

  const data = fileURLToPath(new URL(LABEL_DATA.multinews!, sharedUrl()));
  it.skipIf(!existsSync(data))(
    "name sentences of their cluster as the index splits them",
    () => {
      const missing = keysNotInClusters(fresh, "multinews");
      expect(missing).toEqual([]);
    },
    120_000,
  );
});
