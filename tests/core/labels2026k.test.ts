/**
 * The sealed held-out set 2026-12k (tests/data/disagreements-heldout-2026-12k.jsonl) stays valid for the
 * eval: every row names a Multi-News test cluster, two different articles of it, a sorted pair key, a
 * boolean label and a reason; no key twice; its clusters are used by no other label file (only the `set`
 * field of the others is read) and are sealed (sealedClusters names them, so --open never lists their
 * pairs). With ../shared present, both halves of every key are sentences of that cluster as the index
 * splits them (so the detector's pairs can match). Failures name keys or clusters only, never a row's text.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
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

const OWN = "disagreements-heldout-2026-12k.jsonl";

/** What is wrong with the rows (keys only). */
const problems = (labels: Label[]) => fileProblems(labels, MULTINEWS_SET, "held-out 2026-12k");

/** The clusters named by every other label file in tests/data (only each row's `set` field is read). */
function otherClusters(): Set<string> {
  const dir = fileURLToPath(new URL("../data/", import.meta.url));
  const sets = new Set<string>();
  // 2026-12l labels pairs shown on sealed sets' clusters after the fact: it names their clusters by design.
  for (const f of readdirSync(dir).filter((x) => x.startsWith("disagreements") && x.endsWith(".jsonl")))
    if (f !== OWN && f !== "disagreements-heldout-2026-12l.jsonl")
      for (const line of readFileSync(`${dir}${f}`, "utf8").split("\n")) {
        const set = line.trim() ? (JSON.parse(line) as { set?: unknown }).set : undefined;
        if (typeof set === "string") sets.add(set);
      }
  return sets;
}

const sealedSet = loadLabels("heldout2026k");

describe("held-out 2026-12k labels", () => {
  it("are well formed, no key twice, with real pairs among them", () => {
    expect(sealedSet.length).toBeGreaterThanOrEqual(400);
    expect(sealedSet.some((l) => l.same)).toBe(true);
    expect(problems(sealedSet)).toEqual([]);
  });

  it("catches a made-up row with a bad key, a foreign set or one article on both sides (control)", () => {
    const good = madeUpRow("multinews", "multinews-test-9999", "held-out 2026-12k");
    expect(faultsCaught(problems, good)).toEqual(FAULTS_EXPECTED);
    expect(problems([{ ...good, reason: "made up" }])).toContain(
      "000000000000-ffffffffffff: reason names no set",
    );
  });

  it("uses clusters no other label file used, and all of them are sealed", () => {
    const others = otherClusters();
    const clusters = [...new Set(sealedSet.map((l) => l.set))];
    expect(clusters.filter((s) => others.has(s))).toEqual([]);
    const sealed = sealedClusters();
    expect(clusters.filter((s) => !sealed(s))).toEqual([]);
  });

  const data = fileURLToPath(new URL(LABEL_DATA.multinews!, sharedUrl()));
  it.skipIf(!existsSync(data))(
    "name sentences of their cluster as the index splits them",
    () => {
      expect(keysNotInClusters(sealedSet, "multinews")).toEqual([]);
    },
    120_000,
  );
});
