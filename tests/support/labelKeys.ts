/**
 * For the label-file tests: the keys of labelled pairs whose two sentence keys are not both sentences of
 * their cluster as the index splits it (so the detector's pairs could never match them). Names keys
 * only, never a row's text.
 */
import { clusterSentences, loadRecords } from "../../scripts/eval.ts";
import { LABEL_DATA, type Label, sentenceKey } from "../../scripts/eval-disagreements.ts";

/** `data` names a LABEL_DATA file; a label's cluster id is the middle of its `set` ("x:<id>:cluster"). */
export function keysNotInClusters(labels: Label[], data: string): string[] {
  const { byId } = loadRecords(LABEL_DATA[data]!, 1);
  const missing: string[] = [];
  const keysOf = new Map<string, Set<string>>();
  for (const l of labels) {
    const cluster = l.set.split(":")[1]!;
    let keys = keysOf.get(cluster);
    if (!keys) {
      const r = byId.get(cluster);
      keys = new Set(r ? clusterSentences(r, cluster).sentences.map((s) => sentenceKey(s.text)) : []);
      keysOf.set(cluster, keys);
    }
    if (!l.key.split("-").every((k) => keys.has(k))) missing.push(l.key);
  }
  return missing;
}
