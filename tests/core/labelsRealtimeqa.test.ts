/**
 * The RealTimeQA label files (tests/data/disagreements-heldout-rtqa-{dev,sealed}.jsonl) stay valid
 * for the eval: every row names a RealTimeQA question's cluster, two different pages of it, a pair key
 * made of two sentence keys, a boolean label and a reason; each question's rows sit in the half its id
 * chose (first hex digit of sha1(id): even dev, odd sealed); no key twice. With ../shared present, both
 * halves of every key are sentences of that cluster as the index splits them (so the detector's pairs
 * can match). Failures name keys only, never a row's text.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LABEL_DATA, type Label, loadLabels } from "../../scripts/eval-disagreements.ts";
import { sharedUrl } from "../../scripts/shared.ts";
import { keysNotInClusters, rowProblems } from "../support/labelKeys.ts";

type Half = "dev" | "sealed";
const halfOf = (question: string): Half =>
  Number.parseInt(createHash("sha1").update(question).digest("hex")[0]!, 16) % 2 === 0 ? "dev" : "sealed";

/** What is wrong with a label file's rows (keys only), for the half it is. */
function problems(labels: Label[], half: Half): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const l of labels) {
    const m = /^realtimeqa:([^:]+):cluster$/.exec(l.set);
    const question = m?.[1];
    if (!question) out.push(`${l.key}: set is not realtimeqa:<id>:cluster`);
    else if (halfOf(question) !== half) out.push(`${l.key}: question in the other half`);
    out.push(...rowProblems(l, question, seen));
  }
  return out;
}

const dev = loadLabels("rtqaDev");
const sealed = loadLabels("rtqaSealed");

describe("RealTimeQA disagreement labels", () => {
  it("are well formed, each question in its half, no key twice", () => {
    expect(dev.length + sealed.length).toBeGreaterThanOrEqual(200);
    expect(problems(dev, "dev")).toEqual([]);
    expect(problems(sealed, "sealed")).toEqual([]);
    const devKeys = new Set(dev.map((l) => l.key));
    expect(sealed.filter((l) => devKeys.has(l.key)).map((l) => l.key)).toEqual([]);
  });

  it("catches a made-up row in the wrong half, with a bad key or one page on both sides (control)", () => {
    const good = dev[0]!;
    expect(problems([good], "dev")).toEqual([]);
    expect(problems([good], "sealed")).toEqual([`${good.key}: question in the other half`]);
    const bad: Label = { ...good, key: "000000000000-nothex", b: { ...good.a } };
    expect(problems([bad], "dev")).toEqual([
      "000000000000-nothex: not a pair key",
      "000000000000-nothex: both sides in one document",
    ]);
  });

  const data = fileURLToPath(new URL(LABEL_DATA.realtimeqa!, sharedUrl()));
  it.skipIf(!existsSync(data))(
    "name sentences of their cluster as the index splits them",
    () => {
      const missing = keysNotInClusters([...dev, ...sealed], "realtimeqa");
      expect(missing).toEqual([]);
      expect(readFileSync(data, "utf8").length).toBeGreaterThan(0);
    },
    120_000,
  );
});
