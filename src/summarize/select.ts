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
}

export const DEFAULT_SELECT_CONFIG: SelectConfig = { exponents: [0.6, 0.8, 1, 1.2], fillTail: true, minTailWords: 3 };

function greedy(cands: Candidate[], weights: Float64Array, budget: number, r: number, cfg: SelectConfig): Selection {
  const covered = new Uint8Array(weights.length);
  const used = new Uint8Array(cands.length);
  const chosen: Candidate[] = [];
  let remaining = budget;
  let value = 0;
  const scaled = cands.map((c) => c.words ** r);
  for (;;) {
    let best = -1;
    let bestScore = 0;
    let bestGain = 0;
    for (let i = 0; i < cands.length; i++) {
      if (used[i]) continue;
      const c = cands[i]!;
      if (c.words > remaining) continue;
      let gain = c.prior;
      for (const id of c.concepts) if (!covered[id]) gain += weights[id]!;
      const score = gain / scaled[i]!;
      if (score > bestScore) {
        bestScore = score;
        best = i;
        bestGain = gain;
      }
    }
    if (best < 0) break;
    const c = cands[best]!;
    used[best] = 1;
    chosen.push(c);
    remaining -= c.words;
    value += bestGain;
    for (const id of c.concepts) covered[id] = 1;
  }
  const sel: Selection = { chosen, value };
  if (cfg.fillTail && remaining >= cfg.minTailWords) {
    let best = -1;
    let bestGain = 0;
    for (let i = 0; i < cands.length; i++) {
      if (used[i]) continue;
      const c = cands[i]!;
      let gain = 0;
      const seen = new Set<number>();
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
  return sel;
}

export function selectSentences(
  cands: Candidate[],
  weights: Float64Array,
  budget: number,
  cfg: SelectConfig = DEFAULT_SELECT_CONFIG,
): Selection {
  let best: Selection = { chosen: [], value: -1 };
  for (const r of cfg.exponents) {
    const s = greedy(cands, weights, budget, r, cfg);
    if (s.value > best.value) best = s;
  }
  return best;
}
