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
