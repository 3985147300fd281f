/**
 * The sealed held-out set 2026-12l (tests/data/disagreements-heldout-2026-12l.jsonl: the pairs the detector
 * showed on sealed sets' clusters that no label covered, labelled blind afterwards) stays valid for the
 * eval: every row names a held-out cluster, two different articles of it, a sorted pair key, a boolean
 * label and a reason naming its labeller; no key twice; no key another label file already labels (it
 * covers only pairs no label covered); every cluster sealed (sealedClusters names them, so --open never
 * lists their pairs). Failures name keys or clusters only, never a row's text.
 */
import { describe, expect, it } from "vitest";
import { type Label, loadLabels, sealedClusters } from "../../scripts/eval-disagreements.ts";
import {
  FAULTS_EXPECTED,
  faultsCaught,
  fileProblems,
  madeUpRow,
  otherLabelKeys,
} from "../support/labelKeys.ts";

const OWN = "disagreements-heldout-2026-12l.jsonl";
/** Any held-out cluster the eval shows pairs on ("multinews:<id>:cluster", "realtimeqa:<id>:cluster", …). */
const HELD_OUT_SET = {
  pattern: /^(?:multinews|duc2007u|realtimeqa|bbcpair):([^:]+):cluster$/,
  name: "a held-out cluster",
};
const problems = (labels: Label[]) => fileProblems(labels, HELD_OUT_SET, "label12l");

const labels = loadLabels("heldout2026l");

describe("held-out 2026-12l labels", () => {
  it("are well formed, no key twice", () => {
    expect(labels.length).toBeGreaterThanOrEqual(9);
    expect(problems(labels)).toEqual([]);
  });

  it("catches a made-up row with a bad key or one article on both sides (control)", () => {
    const good = madeUpRow("multinews", "multinews-test-9999", "label12l");
    expect(faultsCaught(problems, good)).toEqual(FAULTS_EXPECTED);
  });

  it("label only pairs no other file labels, all on sealed clusters", () => {
    const others = otherLabelKeys(OWN);
    expect(labels.map((l) => l.key).filter((k) => others.has(k))).toEqual([]);
    const sealed = sealedClusters();
    expect([...new Set(labels.map((l) => l.set))].filter((s) => !sealed(s))).toEqual([]);
  });
});
