/**
 * Multi-document extractive summarization of a cluster of articles under a word budget: the
 * selection behind `summit summarize` (measured with ROUGE) and behind briefings.
 * This first version is the round-robin lead baseline; the summary-quality issue replaces it.
 */
import { splitSentences } from "../corpus/sentences.ts";

export interface ClusterDoc {
  title?: string;
  date?: string;
  text: string;
}

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
  return roundRobinLead(docs, opts.words);
}

/** The baseline: first sentence of each document in turn, then the second, up to the budget. */
export function roundRobinLead(docs: ClusterDoc[], words: number): string[] {
  const split = docs.map((d) => splitSentences(d.text));
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
