/**
 * From candidates to what a reply cites: checked points (a source that fails the mechanical citation
 * check, points.ts articleSupports, is dropped), the sources behind them, and evidence passages (each
 * cited article's own wording) for a writer such as the LLM.
 */
import type { Passage, Point, Source } from "../model.ts";
import type { CorpusIndex } from "../search/index.ts";
import { jaccard, nearIdentical } from "../text/similarity.ts";
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

/** Candidates → checked points, in order; a candidate no source supports is left out. Duplicate
 * articles (one publisher's same text twice in the corpus) are cited once (mergeDuplicateCitations). */
export function toPoints(index: CorpusIndex, cands: Candidate[]): Point[] {
  const points = cands.map((c) => toPoint(index, c)).filter((p): p is Point => p !== null);
  return mergeDuplicateCitations(index, [points])[0]!;
}

/** Share of two articles' content words they must have in common to be one article twice. */
const DUPLICATE_OVERLAP = 0.8;

/** The content stems of a whole article (its sentences, as the index split them). */
function articleStems(index: CorpusIndex, a: number): Set<string> {
  const out = new Set<string>();
  for (const s of index.sentences(a)) for (const st of s.stems) out.add(st);
  return out;
}

function samePublisher(x: string | null | undefined, y: string | null | undefined): boolean {
  return (x ?? "").trim().toLowerCase() === (y ?? "").trim().toLowerCase();
}

/**
 * Which cited articles are the same article twice (same publisher, same or near-identical text: the
 * store dedupes at ingest, a folder corpus may not): each id → the first-cited id of its group.
 * Only the articles cited are compared (a reply cites a few dozen at most).
 */
export function duplicateCitations(index: CorpusIndex, ids: readonly string[]): Map<string, string> {
  const reps: { id: string; a: number; stems: Set<string> }[] = [];
  const out = new Map<string, string>();
  for (const id of ids) {
    if (out.has(id)) continue;
    const a = index.indexOf(id);
    if (a === undefined) {
      out.set(id, id);
      continue;
    }
    const art = index.articles[a]!;
    const stems = articleStems(index, a);
    const rep = reps.find((r) => {
      const other = index.articles[r.a]!;
      if (!samePublisher(art.publisher, other.publisher)) return false;
      return jaccard(stems, r.stems) >= DUPLICATE_OVERLAP;
    });
    if (rep) out.set(id, rep.id);
    else {
      reps.push({ id, a, stems });
      out.set(id, id);
    }
  }
  return out;
}

/**
 * Lists of points (a briefing's, a digest's stories, claims) with duplicate articles cited once, as
 * the first of them cited anywhere in the lists, so one article never gets two citation numbers.
 */
export function mergeDuplicateCitations<T extends { sources: string[] }>(
  index: CorpusIndex,
  lists: T[][],
): T[][] {
  const ids = [...new Set(lists.flatMap((l) => l.flatMap((p) => p.sources)))];
  if (ids.length < 2) return lists;
  const rep = duplicateCitations(index, ids);
  return lists.map((l) =>
    l.map((p) => ({ ...p, sources: [...new Set(p.sources.map((id) => rep.get(id) ?? id))] })),
  );
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
