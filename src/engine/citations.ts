/**
 * From candidates to what a reply cites: checked points (a source that fails the mechanical citation
 * check, points.ts articleSupports, is dropped), the sources behind them, and evidence passages (each
 * cited article's own wording) for a writer such as the LLM.
 */
import type { Passage, Point, Source } from "../model.ts";
import type { CorpusIndex } from "../search/index.ts";
import { nearIdentical } from "../text/similarity.ts";
import { articleSupports, type Candidate } from "./points.ts";

/** The source an article is cited as. */
export function sourceOf(index: CorpusIndex, a: number): Source {
  const art = index.articles[a]!;
  const src: Source = {
    id: art.id,
    title: art.title,
    publisher: art.publisher,
    date: art.date,
    location: art.location,
  };
  if (art.url) src.url = art.url;
  return src;
}

/** The sources of these article ids, each once, in first-cited order (unknown ids skipped). */
export function sourcesFor(index: CorpusIndex, ids: Iterable<string>): Source[] {
  return [...new Set(ids)].flatMap((id) => {
    const i = index.indexOf(id);
    return i === undefined ? [] : [sourceOf(index, i)];
  });
}

/** Cited article indexes → checked Point (sources that fail the citation check are dropped). */
export function toPoint(index: CorpusIndex, c: Candidate): Point | null {
  const ids: string[] = [];
  for (const a of c.articles) {
    if (!articleSupports(index, a, c.text)) continue;
    const id = index.articles[a]!.id;
    if (!ids.includes(id)) ids.push(id);
  }
  return ids.length > 0 ? { text: c.text, sources: ids } : null;
}

/** Candidates → checked points, in order; a candidate no source supports is left out. */
export function toPoints(index: CorpusIndex, cands: Candidate[]): Point[] {
  return cands.map((c) => toPoint(index, c)).filter((p): p is Point => p !== null);
}

/** The newest date among the sources (a reply's "as of"), or null. */
export function newestDate(sources: Source[]): string | null {
  let best: string | null = null;
  for (const s of sources) if (s.date && (!best || s.date > best)) best = s.date;
  return best;
}

/** Evidence passages for candidates: each cited article's own near-identical sentence. */
export function passagesFor(
  index: CorpusIndex,
  cands: Candidate[],
  limit: number,
): { passages: Passage[]; sources: Source[] } {
  const passages: Passage[] = [];
  const used = new Set<number>();
  for (const c of cands) {
    for (const a of c.articles) {
      if (passages.length >= limit) break;
      const own = index.sentences(a).find((s) => s.text === c.text || nearIdentical(s.stems, c.stems));
      const text = own?.text ?? c.text;
      if (!articleSupports(index, a, text)) continue;
      used.add(a);
      passages.push({ n: passages.length + 1, sourceId: index.articles[a]!.id, text });
    }
  }
  return {
    passages,
    sources: sourcesFor(
      index,
      [...used].map((a) => index.articles[a]!.id),
    ),
  };
}
