/**
 * Multi-document extractive summarization of a cluster of articles under a word budget: the
 * selection behind `summit summarize` (measured with ROUGE) and behind briefings.
 * Concept (bigram) coverage maximised under the budget (concepts.ts, select.ts), with query
 * relevance and an update mode that discounts what the reader has already seen.
 * `roundRobinLead` is the baseline it is measured against.
 */
import { splitSentences } from "../corpus/sentences.ts";
import { buildConceptModel, type ConceptConfig, DEFAULT_CONCEPT_CONFIG } from "./concepts.ts";
import type { ClusterDoc } from "./doc.ts";
import { DEFAULT_SELECT_CONFIG, type SelectConfig, selectSentences } from "./select.ts";

export { type ArticleSentence, articleSentences, judgeSentences } from "./clean.ts";
export {
  buildConceptModel,
  buildConceptModelFromSentences,
  type ConceptModel,
  SentenceKeyCache,
} from "./concepts.ts";
export type { ClusterDoc } from "./doc.ts";

export interface SummarizeOptions {
  /** Word budget (whitespace-separated chunks, as ROUGE's -l counts them). */
  words: number;
  /** Steer selection toward this query (query-focused summarization). */
  query?: string;
  /** Documents the reader has already seen (update summarization): prefer what is new. */
  previous?: ClusterDoc[];
}

/** Returns the selected sentences in reading order, at most `words` words in all (the last may be cut). */
export function summarizeCluster(docs: ClusterDoc[], opts: SummarizeOptions): string[] {
  return summarizeWith(docs, opts, DEFAULT_CONCEPT_CONFIG, DEFAULT_SELECT_CONFIG);
}

/** `summarizeCluster` with explicit settings (for experiments; the defaults are the one configuration). */
export function summarizeWith(
  docs: ClusterDoc[],
  opts: SummarizeOptions,
  conceptCfg: ConceptConfig,
  selectCfg: SelectConfig,
): string[] {
  if (!Number.isFinite(opts.words) || opts.words <= 0) return [];
  const model = buildConceptModel(
    docs,
    { ...(opts.query ? { query: opts.query } : {}), ...(opts.previous ? { previous: opts.previous } : {}) },
    conceptCfg,
  );
  if (model.candidates.length === 0) return roundRobinLead(docs, opts.words);
  const sel = selectSentences(model.candidates, model.weights, opts.words, selectCfg);
  if (sel.chosen.length === 0 && !sel.tail) return roundRobinLead(docs, opts.words);
  const ordered = [...sel.chosen].sort((a, b) => a.doc - b.doc || a.pos - b.pos);
  const out = ordered.map((c) => c.text);
  if (sel.tail) {
    out.push(sel.tail.candidate.text.split(/\s+/).filter(Boolean).slice(0, sel.tail.words).join(" "));
  }
  return out;
}

/** The baseline: first sentence of each document in turn, then the second, up to the budget. */
export function roundRobinLead(docs: ClusterDoc[], words: number): string[] {
  // sbd throws on a text with no word at all ("------"); such an article has no sentence.
  const split = docs.map((d) => (/[\p{L}\p{N}]/u.test(d.text) ? splitSentences(d.text) : []));
  const out: string[] = [];
  let used = 0;
  for (let i = 0; used < words; i++) {
    let any = false;
    for (const sentences of split) {
      const s = sentences[i];
      if (s === undefined) continue;
      any = true;
      const n = s.split(/\s+/).length;
      if (used + n > words) {
        out.push(
          s
            .split(/\s+/)
            .slice(0, words - used)
            .join(" "),
        );
        return out;
      }
      out.push(s);
      used += n;
    }
    if (!any) break;
  }
  return out;
}
