/**
 * For the label-file tests: the keys of labelled pairs whose two sentence keys are not both sentences of
 * their cluster as the index splits it (so the detector's pairs could never match them). Names keys
 * only, never a row's text.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { clusterSentences, loadRecords } from "../../scripts/eval.ts";
import { LABEL_DATA, type Label, sentenceKey } from "../../scripts/eval-disagreements.ts";

/**
 * The keys of `labels` whose two sentence keys are not both among their cluster's (`keysOf`: the
 * sentence keys of the cluster a label's `set` names, "x:<id>:cluster"; asked once per cluster).
 */
function keysMissing(labels: Label[], keysOf: (cluster: string) => string[]): string[] {
  const missing: string[] = [];
  const known = new Map<string, Set<string>>();
  for (const l of labels) {
    const cluster = l.set.split(":")[1]!;
    let keys = known.get(cluster);
    if (!keys) {
      keys = new Set(keysOf(cluster));
      known.set(cluster, keys);
    }
    if (!l.key.split("-").every((k) => keys.has(k))) missing.push(l.key);
  }
  return missing;
}

/** `data` names a LABEL_DATA file; a label's cluster id is the middle of its `set` ("x:<id>:cluster"). */
export function keysNotInClusters(labels: Label[], data: string): string[] {
  const { byId } = loadRecords(LABEL_DATA[data]!, 1);
  return keysMissing(labels, (cluster) => {
    const r = byId.get(cluster);
    return r ? clusterSentences(r, cluster).sentences.map((s) => sentenceKey(s.text)) : [];
  });
}

/**
 * `keysNotInClusters` for story pairs across the clusters of a data file (`file`, "mnpair:<docIdA>+<docIdB>:cluster"
 * with doc ids "<cluster>/d<i>"): each pair's two documents are taken from their clusters directly (no
 * pairing of the whole file), read as the eval reads the pair. Names keys only.
 */
export function keysNotInStoryPairs(labels: Label[], file: string): string[] {
  const { byId } = loadRecords(file, 1);
  const docOf = (docId: string) => {
    const m = /^(.+)\/d(\d+)$/.exec(docId);
    return m ? byId.get(m[1]!)?.docs[Number(m[2])] : undefined;
  };
  return keysMissing(labels, (cluster) => {
    const docs = cluster.split("+").map(docOf);
    if (!docs.every((d) => d !== undefined)) return [];
    return clusterSentences(
      { id: cluster, docs: docs.map((d) => ({ text: d!.text })), refs: [] },
      cluster,
    ).sentences.map((s) => sentenceKey(s.text));
  });
}

/**
 * What is wrong with one labelled row whatever its file (keys only): a pair key of two sorted sentence
 * keys, not seen before (`seen` collects them), two sides naming different documents of `cluster`, a
 * boolean label, a reason and an about.
 */
export function rowProblems(l: Label, cluster: string | undefined, seen: Set<string>): string[] {
  const out: string[] = [];
  if (!/^[0-9a-f]{12}-[0-9a-f]{12}$/.test(l.key)) out.push(`${l.key}: not a pair key`);
  const [ka, kb] = l.key.split("-");
  if (ka !== undefined && kb !== undefined && ka > kb) out.push(`${l.key}: halves not sorted`);
  if (seen.has(l.key)) out.push(`${l.key}: twice`);
  seen.add(l.key);
  for (const side of [l.a, l.b])
    if (!cluster || !side?.id?.startsWith(`${cluster}/d`) || typeof side.value !== "string")
      out.push(`${l.key}: a side names no document of its cluster`);
  if (l.a?.id === l.b?.id) out.push(`${l.key}: both sides in one document`);
  if (typeof l.same !== "boolean" || !l.reason?.trim() || !l.about?.trim())
    out.push(`${l.key}: label, reason or about missing`);
  return out;
}

/** The shape of a label file's `set` field: its pattern (capturing the cluster id) and how to name it. */
export interface SetShape {
  pattern: RegExp;
  name: string;
}

/** The `set` of a Multi-News test cluster's labels. */
export const MULTINEWS_SET: SetShape = {
  pattern: /^multinews:(multinews-test-\d+):cluster$/,
  name: "multinews:<id>:cluster",
};

/**
 * What is wrong with a label file's rows (keys only): each row's `rowProblems`, a `set` not of the file's
 * shape, a reason that does not name the file's set (`tag`, "held-out 2026-12k").
 */
export function fileProblems(labels: Label[], shape: SetShape, tag: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const l of labels) {
    const cluster = shape.pattern.exec(l.set)?.[1];
    if (!cluster) out.push(`${l.key}: set is not ${shape.name}`);
    out.push(...rowProblems(l, cluster, seen));
    if (!l.reason?.includes(tag)) out.push(`${l.key}: reason names no set`);
  }
  return out;
}

/** A made-up well-formed row of `cluster` ("multinews-test-9999") in a set of `prefix` ("multinews"). */
export function madeUpRow(prefix: string, cluster: string, tag: string): Label {
  return {
    key: "000000000000-ffffffffffff",
    set: `${prefix}:${cluster}:cluster`,
    about: "made up",
    a: { id: `${cluster}/d0`, value: "3" },
    b: { id: `${cluster}/d1`, value: "4" },
    same: true,
    reason: `made up (${tag})`,
  };
}

/**
 * The faults every label file's check must catch in a made-up row (a control): none in the good row;
 * unsorted halves and one document on both sides in a bad one.
 */
export function faultsCaught(problems: (labels: Label[]) => string[], good: Label): string[][] {
  return [
    problems([good]),
    problems([good, { ...good, key: "ffffffffffff-000000000000", b: { ...good.a } }]),
  ];
}

/** What `faultsCaught` should find. */
export const FAULTS_EXPECTED: string[][] = [
  [],
  ["ffffffffffff-000000000000: halves not sorted", "ffffffffffff-000000000000: both sides in one document"],
];

/** The pair keys of every label file in tests/data but `own` (only each row's `key` field is read). */
export function otherLabelKeys(own: string): Set<string> {
  const dir = fileURLToPath(new URL("../data/", import.meta.url));
  const keys = new Set<string>();
  for (const f of readdirSync(dir).filter((x) => x.startsWith("disagreements") && x.endsWith(".jsonl")))
    if (f !== own)
      for (const line of readFileSync(`${dir}${f}`, "utf8").split("\n")) {
        const key = line.trim() ? (JSON.parse(line) as { key?: unknown }).key : undefined;
        if (typeof key === "string") keys.add(key);
      }
  return keys;
}
