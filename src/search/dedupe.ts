/**
 * Repeated sentences inside one article, dropped in linear time. The rule is the one of a scan of
 * every earlier sentence (`out.find(o => o.text === t || (stems.size >= 5 && nearIdentical(o.stems,
 * stems)))`, keeping the fuller wording), which cost O(n²) per article: a 1 MB article took ~2 s.
 *
 * Here a sentence is compared only with candidates found through hashes: its exact text, and
 * prefix filtering (as in set-similarity joins): stems are ordered rarest first within the article;
 * two sets sharing at least T stems share one of their first |x| - T + 1 stems. nearIdentical needs
 * Jaccard ≥ 0.7 (so ≥ floor(0.7 |x|) shared stems for either side) or containment ≥ 0.9 of the smaller
 * set of at least 6 stems (so one of the smaller set's first |s| - floor(0.9 |s|) + 1 stems is in the
 * larger). Every candidate is checked with the original rule and the earliest match wins, so the
 * output is exactly the scan's.
 */
import { nearIdentical } from "../text/similarity.ts";

export interface DedupedSentence {
  text: string;
  stems: Set<string>;
}

/** Sentences without repeats, in first-seen order (a repeat with more words replaces the wording). */
export function dedupeSentences(
  texts: readonly string[],
  stemsOf: (text: string) => string[],
): DedupedSentence[] {
  const sets = texts.map((t) => new Set(stemsOf(t)));
  // Rarest stems first (within this article): prefixes then hold the stems few sentences share.
  // Each stem is numbered by that order once; a sentence's stems become sorted numbers.
  const freq = new Map<string, number>();
  for (const s of sets) for (const x of s) freq.set(x, (freq.get(x) ?? 0) + 1);
  const rank = new Map<string, number>();
  for (const x of [...freq.keys()].sort(
    (a, b) => freq.get(a)! - freq.get(b)! || (a < b ? -1 : a > b ? 1 : 0),
  ))
    rank.set(x, rank.size);
  const orders: (Int32Array | undefined)[] = [];
  const orderOf = (j: number) => {
    let o = orders[j];
    if (!o) {
      o = Int32Array.from(sets[j]!, (x) => rank.get(x)!).sort();
      orders[j] = o;
    }
    return o;
  };

  const out: DedupedSentence[] = [];
  /** For each kept sentence, the input sentence whose wording it has now. */
  const source: number[] = [];
  const byText = new Map<string, number[]>();
  /** By stem number: Jaccard prefixes, containment prefixes, and every stem (for a smaller later sentence). */
  const jPrefix: number[][] = [];
  const cPrefix: number[][] = [];
  const all: number[][] = [];
  const put = (m: number[][], key: number, k: number) => {
    const list = m[key];
    if (list) {
      if (list[list.length - 1] !== k) list.push(k);
    } else m[key] = [k];
  };
  const jLength = (n: number) => n - Math.max(1, Math.floor(0.7 * n)) + 1;
  const cLength = (n: number) => n - Math.floor(0.9 * n) + 1;
  const register = (k: number) => {
    const o = out[k]!;
    const order = orderOf(source[k]!);
    const n = order.length;
    for (let i = 0; i < n; i++) {
      const x = order[i]!;
      if (i < jLength(n)) put(jPrefix, x, k);
      if (n >= 6 && i < cLength(n)) put(cPrefix, x, k);
      put(all, x, k);
    }
    const same = byText.get(o.text);
    if (same) same.push(k);
    else byText.set(o.text, [k]);
  };

  /** Query number that last checked each kept sentence (checks each candidate once per query). */
  let stamp = new Int32Array(64).fill(-1);
  for (let j = 0; j < texts.length; j++) {
    const t = texts[j]!;
    const stems = sets[j]!;
    let dup = Number.POSITIVE_INFINITY;
    for (const k of byText.get(t) ?? []) if (k < dup && out[k]!.text === t) dup = k;
    if (stems.size >= 5) {
      const order = orderOf(j);
      const n = order.length;
      const lists: number[][] = [];
      let work = 0;
      for (let i = 0; i < n; i++) {
        const x = order[i]!;
        const add = (list: number[] | undefined) => {
          if (list) {
            lists.push(list);
            work += list.length;
          }
        };
        if (i < jLength(n)) add(jPrefix[x]); // Jaccard: both prefixes meet
        add(cPrefix[x]); // an earlier smaller sentence contained in this one
        if (n >= 6 && i < cLength(n)) add(all[x]); // this one contained in an earlier larger one
      }
      if (work >= out.length) {
        // Candidates everywhere (a text of few distinct words): the plain scan is cheaper.
        const end = Math.min(dup, out.length);
        for (let k = 0; k < end; k++)
          if (nearIdentical(out[k]!.stems, stems)) {
            dup = k;
            break;
          }
      } else {
        if (stamp.length < out.length) {
          const grown = new Int32Array(out.length * 2).fill(-1);
          grown.set(stamp);
          stamp = grown;
        }
        for (const list of lists)
          for (const k of list) {
            if (k >= dup || stamp[k] === j) continue;
            stamp[k] = j;
            if (nearIdentical(out[k]!.stems, stems)) dup = k;
          }
      }
    }
    if (dup !== Number.POSITIVE_INFINITY) {
      const o = out[dup]!;
      // Keep the fuller wording (a deck repeated in the body with more detail).
      if (t.length > o.text.length) {
        o.text = t;
        o.stems = stems;
        source[dup] = j;
        register(dup);
      }
      continue;
    }
    out.push({ text: t, stems });
    source.push(j);
    register(out.length - 1);
  }
  return out;
}
