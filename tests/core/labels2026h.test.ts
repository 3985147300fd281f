/**
 * The fresh held-out set 2026-12h (tests/data/disagreements-heldout-2026-12h.jsonl, pairs of BBC News
 * articles reporting one story) stays valid for the eval: every row names a story-pair cluster
 * "bbcpair:<idA>+<idB>:cluster", two different articles of it, a sorted pair key, a boolean label and a
 * reason; no key twice; its clusters are used by no other label file. With ../shared present, both halves
 * of every key are sentences of that cluster as the index splits it (so the detector's pairs can match).
 * Failures name keys or clusters only, never a row's text.
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
  madeUpRow,
} from "../support/labelKeys.ts";

/** What is wrong with the rows (keys only). */
const problems = (labels: Label[]) =>
  fileProblems(
    labels,
    { pattern: /^bbcpair:([\w-]+\+[\w-]+):cluster$/, name: "bbcpair:<idA>+<idB>:cluster" },
    "held-out 2026-12h",
  );

const fresh = loadLabels("heldout2026h");

describe("held-out 2026-12h labels", () => {
  it("are well formed, no key twice, with real pairs among them", () => {
    expect(fresh.length).toBeGreaterThanOrEqual(1000);
    expect(fresh.filter((l) => l.same).length).toBeGreaterThanOrEqual(10);
    expect(problems(fresh)).toEqual([]);
  });

  it("catches a made-up row with a bad key, a foreign set or one article on both sides (control)", () => {
    const good = madeUpRow("bbcpair", "news-001+news-002", "held-out 2026-12h");
    expect(faultsCaught(problems, good)).toEqual(FAULTS_EXPECTED);
    expect(problems([{ ...good, set: "multinews:multinews-test-0001:cluster" }])).toContain(
      "000000000000-ffffffffffff: set is not bbcpair:<idA>+<idB>:cluster",
    );
  });

  it("uses clusters no other label file used", () => {
    const open = [
      ...loadLabels("all"),
      ...loadLabels("heldout2026b"),
      ...loadLabels("heldout2026c"),
      ...loadLabels("heldout2026g"),
      ...loadLabels("rtqaDev"),
    ];
    const openSets = new Set(open.map((l) => l.set));
    // sealedClusters names this set's own sealed half too: only its dev half's clusters are asked.
    const sealed = sealedClusters();
    const clusters = [...new Set(fresh.map((l) => l.set))];
    const devClusters = new Set(fresh.filter((l) => l.half === "dev").map((l) => l.set));
    expect(clusters.filter((s) => openSets.has(s) || (devClusters.has(s) && sealed(s)))).toEqual([]);
  });

  it("is split by cluster into a dev and a sealed half, each with real pairs", () => {
    const halfOf = new Map<string, Set<string | undefined>>();
    for (const l of fresh) halfOf.set(l.set, (halfOf.get(l.set) ?? new Set()).add(l.half));
    expect([...halfOf].filter(([, h]) => h.size !== 1 || !(h.has("dev") || h.has("sealed")))).toEqual([]);
    expect(fresh.filter((l) => l.same && l.half === "dev").length).toBeGreaterThanOrEqual(5);
    expect(fresh.filter((l) => l.same && l.half === "sealed").length).toBeGreaterThanOrEqual(5);
    const sealed = sealedClusters();
    expect(fresh.filter((l) => sealed(l.set) !== (l.half === "sealed"))).toEqual([]);
  });

  const data = fileURLToPath(new URL(LABEL_DATA.bbcpair!, sharedUrl()));
  it.skipIf(!existsSync(data))(
    "name sentences of their cluster as the index splits them",
    () => {
      const missing = keysNotInClusters(fresh, "bbcpair");
      expect(missing).toEqual([]);
    },
    120_000,
  );
});
