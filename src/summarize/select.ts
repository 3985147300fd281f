/**
 * Budgeted maximum coverage: choose sentences whose union of concepts weighs most within the word
 * budget. Greedy by gain per word^r (the Lin & Bilmes cost-scaled greedy), run for a few values of r
 * and kept at the best objective: a cheap stand-in for ICSISumm's exact ILP that lands on the same
 * optimum or close to it on newswire clusters. The budget's tail is then filled with the prefix of
 * the sentence whose first words add most (the reader sees the same cut that the word limit makes).
 */
import type { Candidate } from "./concepts.ts";

export interface Selection {
  chosen: Candidate[];
  /** A last sentence cut to the remaining words, if any. */
  tail?: { candidate: Candidate; words: number };
  value: number;
}

export interface SelectConfig {
  exponents: number[];
  /** Fill the remaining budget with a cut sentence. */
  fillTail: boolean;
  /** A tail shorter than this many words is not added. */
  minTailWords: number;
  /** Rounds of drop-one-and-refill local search after the greedy pass (0 = none). */
  localSearchRounds: number;
  /** A sentence sharing more than this fraction of its bigrams with the summary so far is skipped. */
  maxOverlap: number;
  /** Weight of the per-document diversity reward (0 = none). */
  docDiversity: number;
}

export const DEFAULT_SELECT_CONFIG: SelectConfig = {
  exponents: [0.5, 0.75, 1, 1.25, 1.5],
  fillTail: true,
  minTailWords: 3,
  localSearchRounds: 3,
  docDiversity: 0,
  maxOverlap: 0.3,
};

function allSize(cands: Candidate[]): number {
  let max = 0;
  for (const c of cands) for (const id of c.all) if (id >= max) max = id + 1;
  return max;
}

/** Greedy completion of `initial` (indices into cands) by gain per word^r, then the tail fill. */
function greedy(
  cands: Candidate[],
  weights: Float64Array,
  budget: number,
  r: number,
  cfg: SelectConfig,
  initial: number[] = [],
  banned = -1,
  diversity = 0,
): { picked: number[]; sel: Selection } {
  const covered = new Uint8Array(weights.length);
  const used = new Uint8Array(cands.length);
  const docSum = new Map<number, number>();
  const seenAll = new Uint8Array(cands.length ? allSize(cands) : 0);
  const redundant = (c: Candidate) => {
    if (cfg.maxOverlap >= 1 || c.all.length === 0) return false;
    let n = 0;
    for (const id of c.all) n += seenAll[id]!;
    return n / c.all.length > cfg.maxOverlap;
  };
  const picked: number[] = [];
  let remaining = budget;
  let value = 0;
  const cost = cands.map((c) => c.words ** r);
  const take = (i: number, gain: number) => {
    const c = cands[i]!;
    used[i] = 1;
    picked.push(i);
    remaining -= c.words;
    value += gain;
    for (const id of c.concepts) covered[id] = 1;
    for (const id of c.all) seenAll[id] = 1;
    docSum.set(c.doc, (docSum.get(c.doc) ?? 0) + c.solo);
  };
  const gainOf = (c: Candidate) => {
    let gain = c.prior;
    for (const id of c.concepts) if (!covered[id]) gain += weights[id]!;
    if (diversity > 0) {
      const before = docSum.get(c.doc) ?? 0;
      gain += diversity * (Math.sqrt(before + c.solo) - Math.sqrt(before));
    }
    return gain;
  };
  for (const i of initial) take(i, gainOf(cands[i]!));
  if (banned >= 0) used[banned] = 1;
  for (;;) {
    let best = -1;
    let bestScore = 0;
    let bestGain = 0;
    for (let i = 0; i < cands.length; i++) {
      if (used[i]) continue;
      const c = cands[i]!;
      if (c.words > remaining) continue;
      if (redundant(c)) continue;
      const gain = gainOf(c);
      const score = gain / cost[i]!;
      if (score > bestScore) {
        bestScore = score;
        best = i;
        bestGain = gain;
      }
    }
    if (best < 0) break;
    take(best, bestGain);
  }
  const sel: Selection = { chosen: picked.map((i) => cands[i]!), value };
  if (cfg.fillTail && remaining >= cfg.minTailWords) {
    let best = -1;
    let bestGain = 0;
    const seen = new Set<number>();
    for (let i = 0; i < cands.length; i++) {
      if (used[i]) continue;
      const c = cands[i]!;
      if (redundant(c)) continue;
      let gain = 0;
      seen.clear();
      for (const { id, word } of c.conceptAt) {
        if (word >= remaining) break;
        if (covered[id] || seen.has(id)) continue;
        seen.add(id);
        gain += weights[id]!;
      }
      if (gain > bestGain) {
        bestGain = gain;
        best = i;
      }
    }
    if (best >= 0) {
      sel.tail = { candidate: cands[best]!, words: remaining };
      sel.value += bestGain;
    }
  }
  return { picked, sel };
}

export function selectSentences(
  cands: Candidate[],
  weights: Float64Array,
  budget: number,
  cfg: SelectConfig = DEFAULT_SELECT_CONFIG,
): Selection {
  // Lin & Bilmes (2011) diversity reward: sqrt of the importance taken from each document, in weight units.
  let total = 0;
  for (const w of weights) total += w;
  const diversity = cfg.docDiversity * Math.sqrt(total);
  let best: { picked: number[]; sel: Selection } = { picked: [], sel: { chosen: [], value: -1 } };
  let bestR = 1;
  for (const r of cfg.exponents) {
    const s = greedy(cands, weights, budget, r, cfg, [], -1, diversity);
    if (s.sel.value > best.sel.value) {
      best = s;
      bestR = r;
    }
  }
  // Local search: drop one sentence, refill greedily without it; keep any improvement.
  for (let round = 0; round < cfg.localSearchRounds; round++) {
    let improved = false;
    for (let k = 0; k < best.picked.length; k++) {
      const keep = best.picked.filter((_, j) => j !== k);
      const s = greedy(cands, weights, budget, bestR, cfg, keep, best.picked[k]!, diversity);
      if (s.sel.value > best.sel.value + 1e-9) {
        best = s;
        improved = true;
        break;
      }
    }
    if (!improved) break;
  }
  return best.sel;
}
