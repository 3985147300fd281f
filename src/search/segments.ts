/**
 * The in-memory search backend and article store, compact and shareable between threads.
 *
 * Articles are numbered in the order they arrive (never reused). The newest ones sit in a small
 * mutable "delta" (plain objects, postings in arrays); every DELTA_DOCS articles the delta is sealed
 * into an immutable segment: sorted terms as UTF-8, postings (doc, term frequency) and document
 * lengths in typed arrays; the articles themselves, as zstd-compressed UTF-8 JSON, go to the writer's
 * spill file (textFile.ts: on disk and in the page cache, not on the heap nor in RSS), the segment
 * keeping where each one starts and how long it is. Segments of similar
 * size are merged (tiered, as Lucene does; removed articles dropped), a bounded amount of work at a
 * time, so no change ever rebuilds the whole index. Segments live on SharedArrayBuffers: the engine
 * pool's main thread is the one writer; its threads adopt each new segment list (no copy) and keep
 * their own delta from the same change messages, so every thread holds only the delta and caches.
 *
 * Removal marks the article dead at once (never returned, its length leaves the average); its
 * postings still count in document frequencies until its segment is merged (Lucene's semantics);
 * `compact()` merges everything now.
 */
import { zstdCompressSync, zstdDecompressSync } from "node:zlib";
import type { Article } from "../model.ts";
import type { IndexHit, WeightedTerm } from "./backend.ts";
import { readText, TextFile } from "./textFile.ts";

const K1 = 1.2;
const B = 0.75;
const TITLE_WEIGHT = 2;
/** Articles in the delta before it is sealed into a segment. */
export const DELTA_DOCS = 4096;
/** Segments of one size tier before they are merged. */
const MERGE_FACTOR = 6;
/** No merge produces a segment with more postings than this (bounded pause), unless compacting. */
const MAX_MERGED_POSTINGS = 6_000_000;
/** Decoded sealed articles kept per thread. */
const ARTICLE_CACHE = 2048;
/**
 * The spill file is rewritten with the live articles only once it holds more than twice their bytes
 * and this much more (removed articles' text stays in it until then), so its size is bounded by the
 * corpus's.
 */
const TEXT_SLACK_BYTES = 16 * 2 ** 20;
/** A spill file replaced by a rewrite is emptied this long after (threads adopt the new one first). */
const RETIRE_MS = 60_000;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * An index let go without close() (an engine rebuilt and dropped) closes its spill files once
 * collected: an unlinked file keeps its disk space while its descriptor is open.
 */
const unclosed = new FinalizationRegistry<TextFile[]>((files) => {
  for (const f of files) f.close();
});

/** An immutable segment; every array may sit on a SharedArrayBuffer (it crosses threads as is). */
export interface Segment {
  /** Articles first .. first+count-1. */
  first: number;
  count: number;
  /** Sorted terms, UTF-8, term t at termBytes[termOffsets[t] .. termOffsets[t+1]). */
  termBytes: Uint8Array;
  termOffsets: Float64Array;
  /** Postings of term t: docs/tfs[postStarts[t] .. postStarts[t+1]), docs ascending. */
  postStarts: Uint32Array;
  docs: Uint32Array;
  tfs: Uint16Array;
  /** Weighted length per article (title counts double); 0 for a removed article. */
  lengths: Uint32Array;
  /**
   * Article i (i - first) as UTF-8 JSON compressed with zstd, at textStarts[i] in the spill file open
   * as textFd, textLengths[i] bytes (0 once removed); ids as UTF-8 in memory. Compressed one article
   * at a time, so reading an article reads and decompresses only that article.
   */
  textFd: number;
  textStarts: Float64Array;
  textLengths: Uint32Array;
  idBytes: Uint8Array;
  idOffsets: Float64Array;
  /** Date.parse(addedAt) (NaN when unparseable); day number of `date ?? addedAt` (NaN when none). */
  addedAt: Float64Array;
  day: Float64Array;
}

/** What a reader needs to join a writer: its segments and its delta (articles past the segments). */
export interface IndexState {
  segments: Segment[];
  /** Articles in the segments (the delta starts here). */
  upTo: number;
  /** The delta's articles in order (null: removed). */
  delta: (Article | null)[];
  /** Numbers of removed articles inside the segments not yet merged away. */
  dead: number[];
}

function alloc<T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(
  Ctor: { new (buf: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number },
  n: number,
): T {
  return new Ctor(new SharedArrayBuffer(Math.max(1, n) * Ctor.BYTES_PER_ELEMENT));
}

function compareBytes(
  a: Uint8Array,
  aFrom: number,
  aTo: number,
  b: Uint8Array,
  bFrom: number,
  bTo: number,
): number {
  const n = Math.min(aTo - aFrom, bTo - bFrom);
  for (let i = 0; i < n; i++) {
    const d = a[aFrom + i]! - b[bFrom + i]!;
    if (d !== 0) return d;
  }
  return aTo - aFrom - (bTo - bFrom);
}

/** Index of the term in the segment, or -1. */
function findTerm(seg: Segment, key: Uint8Array): number {
  let lo = 0;
  let hi = seg.termOffsets.length - 2;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareBytes(
      seg.termBytes,
      seg.termOffsets[mid]!,
      seg.termOffsets[mid + 1]!,
      key,
      0,
      key.length,
    );
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function dayOf(a: Article): number {
  const d = a.date ?? a.addedAt.slice(0, 10);
  return d ? Math.floor(Date.parse(d) / 86_400_000) : Number.NaN;
}

/** UTF-8 order (code point order) of two strings, without encoding them. */
function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (astral code point) sorts after every BMP character.
    const sx = x >= 0xd800 && x <= 0xdfff ? x + 0x10000 : x;
    const sy = y >= 0xd800 && y <= 0xdfff ? y + 0x10000 : y;
    return sx - sy;
  }
  return a.length - b.length;
}

/**
 * Encodes strings straight into one shared array with offsets: no buffer per string (thousands of
 * small freed buffers between long-lived segments kept the allocator from returning memory).
 */
function packText(parts: readonly string[]): { bytes: Uint8Array; offsets: Float64Array } {
  let total = 0;
  for (const p of parts) total += Buffer.byteLength(p, "utf8");
  const bytes = alloc(Uint8Array, total);
  const offsets = alloc(Float64Array, parts.length + 1);
  let at = 0;
  parts.forEach((p, i) => {
    offsets[i] = at;
    at += encoder.encodeInto(p, bytes.subarray(at)).written;
  });
  offsets[parts.length] = at;
  return { bytes, offsets };
}

/** Concatenates byte strings into one shared array with offsets. */
function packStrings(parts: Uint8Array[]): { bytes: Uint8Array; offsets: Float64Array } {
  let total = 0;
  for (const p of parts) total += p.length;
  const bytes = alloc(Uint8Array, total);
  const offsets = alloc(Float64Array, parts.length + 1);
  let at = 0;
  parts.forEach((p, i) => {
    offsets[i] = at;
    bytes.set(p, at);
    at += p.length;
  });
  offsets[parts.length] = at;
  return { bytes, offsets };
}

interface DeltaDoc {
  article: Article | null;
  /** term → tf */
  tf: Map<string, number> | null;
  length: number;
}

export class SegmentedIndex {
  private segments: Segment[] = [];
  private upTo = 0;
  private readonly delta: DeltaDoc[] = [];
  /** Delta postings: term → [doc, tf, ...] (removed docs dropped at once). */
  private readonly deltaPostings = new Map<string, number[]>();
  private readonly dead = new Set<number>();
  private totalLength = 0;
  private liveDocs = 0;
  private readonly cache = new Map<number, Article>();
  private acc: { scores: Float64Array; masks: Int32Array; touched: Int32Array } | null = null;
  /** Writer: the spill file of sealed articles' text (opened at the first seal), and its live bytes. */
  private text: TextFile | null = null;
  private liveTextBytes = 0;
  /** Writer: every spill file it opened (the current one last; earlier ones emptied after RETIRE_MS). */
  private readonly files: TextFile[] = [];
  private readonly retireTimers = new Set<NodeJS.Timeout>();
  private readonly textDir: string | undefined;
  /** Writer only: called with the new state after a seal or merge (the pool sends it to its threads). */
  onSegments: ((segments: Segment[], upTo: number) => void) | null = null;
  private mergeScheduled = false;
  /** Writer: seals and merges; a reader only adopts what its writer sends. */
  readonly writer: boolean;
  /**
   * Set while a corpus is loaded in bulk: each seal merges at once (nothing is served yet, so no
   * pause matters), so the load ends in the merged state instead of leaving merges and their garbage
   * for later.
   */
  loading = false;

  constructor(opts: { writer?: boolean; state?: IndexState; textDir?: string } = {}) {
    this.writer = opts.writer ?? true;
    this.textDir = opts.textDir;
    if (this.writer) unclosed.register(this, this.files, this);
    if (opts.state) this.restore(opts.state);
  }

  /** Articles ever added (positions 0..count-1, removed ones included). */
  get count(): number {
    return this.upTo + this.delta.length;
  }

  get live(): number {
    return this.liveDocs;
  }

  /** Adds the next article with its title and body terms; returns its number. */
  add(article: Article, title: readonly string[], body: readonly string[]): number {
    const doc = this.count;
    const tf = new Map<string, number>();
    for (const t of title) tf.set(t, (tf.get(t) ?? 0) + TITLE_WEIGHT);
    for (const t of body) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) {
      const p = this.deltaPostings.get(t);
      if (p) p.push(doc, n);
      else this.deltaPostings.set(t, [doc, n]);
    }
    const length = title.length * TITLE_WEIGHT + body.length;
    this.delta.push({ article, tf, length });
    this.totalLength += length;
    this.liveDocs++;
    if (this.writer && this.delta.length >= DELTA_DOCS) this.seal();
    return doc;
  }

  /** Removes article `doc`; a no-op when already removed or unknown. */
  remove(doc: number): void {
    if (doc < 0 || doc >= this.count || this.dead.has(doc)) return;
    if (doc >= this.upTo) {
      const d = this.delta[doc - this.upTo]!;
      if (!d.article) return;
      for (const t of d.tf?.keys() ?? []) {
        const p = this.deltaPostings.get(t);
        if (!p) continue;
        for (let j = 0; j < p.length; j += 2)
          if (p[j] === doc) {
            p.splice(j, 2);
            break;
          }
        if (p.length === 0) this.deltaPostings.delete(t);
      }
      this.totalLength -= d.length;
      d.article = null;
      d.tf = null;
      d.length = 0;
    } else {
      const seg = this.segmentOf(doc);
      if (!seg || seg.textLengths[doc - seg.first] === 0) return;
      const len = seg.lengths[doc - seg.first]!;
      this.dead.add(doc);
      this.liveTextBytes -= seg.textLengths[doc - seg.first]!;
      this.totalLength -= len;
      this.cache.delete(doc);
      if (this.writer) this.scheduleMerge();
    }
    this.liveDocs--;
  }

  isLive(doc: number): boolean {
    if (doc < 0 || doc >= this.count) return false;
    if (doc >= this.upTo) return this.delta[doc - this.upTo]!.article !== null;
    if (this.dead.has(doc)) return false;
    const seg = this.segmentOf(doc);
    return !!seg && seg.textLengths[doc - seg.first] !== 0;
  }

  /** The article at `doc`, or null once removed. Sealed ones are decoded (and cached). */
  article(doc: number): Article | null {
    if (doc >= this.upTo) return this.delta[doc - this.upTo]?.article ?? null;
    if (this.dead.has(doc)) return null;
    const hit = this.cache.get(doc);
    if (hit) {
      this.cache.delete(doc);
      this.cache.set(doc, hit);
      return hit;
    }
    const seg = this.segmentOf(doc);
    if (!seg) return null;
    const i = doc - seg.first;
    const length = seg.textLengths[i]!;
    if (length === 0) return null;
    const bytes = readText(seg.textFd, seg.textStarts[i]!, length);
    const a = JSON.parse(zstdDecompressSync(bytes).toString("utf8")) as Article;
    if (this.cache.size >= ARTICLE_CACHE) this.cache.delete(this.cache.keys().next().value as number);
    this.cache.set(doc, a);
    return a;
  }

  /** Every article's id (for the id → number map), removed ones as null. */
  *ids(): Generator<[number, string]> {
    for (const seg of this.segments)
      for (let i = 0; i < seg.count; i++) {
        const doc = seg.first + i;
        if (this.dead.has(doc) || seg.textLengths[i] === 0) continue;
        yield [doc, decoder.decode(seg.idBytes.subarray(seg.idOffsets[i]!, seg.idOffsets[i + 1]!))];
      }
    for (const [i, d] of this.delta.entries()) if (d.article) yield [this.upTo + i, d.article.id];
  }

  /** Date.parse(addedAt) of a live article (NaN when unknown). */
  addedAtMs(doc: number): number {
    if (doc >= this.upTo) {
      const a = this.delta[doc - this.upTo]?.article;
      return a ? Date.parse(a.addedAt) : Number.NaN;
    }
    const seg = this.segmentOf(doc);
    return seg ? seg.addedAt[doc - seg.first]! : Number.NaN;
  }

  /** Day number of the article's date (or of when it was added); NaN when neither is known. */
  day(doc: number): number {
    if (doc >= this.upTo) {
      const a = this.delta[doc - this.upTo]?.article;
      return a ? dayOf(a) : Number.NaN;
    }
    const seg = this.segmentOf(doc);
    return seg ? seg.day[doc - seg.first]! : Number.NaN;
  }

  private segmentOf(doc: number): Segment | undefined {
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const s = this.segments[mid]!;
      if (doc < s.first) hi = mid - 1;
      else if (doc >= s.first + s.count) lo = mid + 1;
      else return s;
    }
    return undefined;
  }

  private length(doc: number): number {
    if (doc >= this.upTo) return this.delta[doc - this.upTo]?.length ?? 0;
    const seg = this.segmentOf(doc);
    return seg ? seg.lengths[doc - seg.first]! : 0;
  }

  /** Documents containing the term (removed ones in sealed segments count until merged). */
  docFreq(term: string): number {
    let n = (this.deltaPostings.get(term)?.length ?? 0) / 2;
    if (this.segments.length === 0) return n;
    const key = encoder.encode(term);
    for (const seg of this.segments) {
      const t = findTerm(seg, key);
      if (t >= 0) n += seg.postStarts[t + 1]! - seg.postStarts[t]!;
    }
    return n;
  }

  /** BM25 over the terms (OR), each scaled by its boost; best `limit` live documents first. */
  search(terms: readonly WeightedTerm[], limit: number): IndexHit[] {
    const n = this.liveDocs;
    if (n === 0 || terms.length === 0) return [];
    const avg = this.totalLength / n;
    // Scores accumulate in typed arrays by article number, not in a Map of one object per article
    // touched: a common term touches tens of thousands of articles, and those objects were most of
    // what an answer allocated (young-generation collections, and the room they keep, in RSS).
    const acc = this.scratch();
    const { scores, masks } = acc;
    let touched = acc.touched;
    let hits = 0;
    const score = (doc: number, tf: number, len: number, w: number, bit: number) => {
      const s = (w * (tf * (K1 + 1))) / (tf + K1 * (1 - B + (B * len) / avg));
      if (masks[doc] === 0) {
        if (hits === touched.length) {
          const grown = new Int32Array(touched.length * 2);
          grown.set(touched);
          touched = acc.touched = grown;
        }
        touched[hits++] = doc;
        scores[doc] = s;
        masks[doc] = bit;
      } else {
        scores[doc] = scores[doc]! + s;
        masks[doc] = masks[doc]! | bit;
      }
    };
    terms.slice(0, 31).forEach(({ term, boost }, i) => {
      const df = this.docFreq(term);
      if (df === 0) return;
      const w = boost * Math.log(1 + Math.max(0, n - df + 0.5) / (df + 0.5));
      const bit = 1 << i;
      if (this.segments.length > 0) {
        const key = encoder.encode(term);
        for (const seg of this.segments) {
          const t = findTerm(seg, key);
          if (t < 0) continue;
          const end = seg.postStarts[t + 1]!;
          const dead = this.dead.size > 0;
          for (let j = seg.postStarts[t]!; j < end; j++) {
            const doc = seg.docs[j]!;
            if (dead && this.dead.has(doc)) continue;
            score(doc, seg.tfs[j]!, seg.lengths[doc - seg.first]!, w, bit);
          }
        }
      }
      const p = this.deltaPostings.get(term);
      if (p) for (let j = 0; j < p.length; j += 2) score(p[j]!, p[j + 1]!, this.length(p[j]!), w, bit);
    });
    const best = topScored(touched, hits, scores, masks, limit);
    for (let k = 0; k < hits; k++) {
      const doc = touched[k]!;
      scores[doc] = 0;
      masks[doc] = 0;
    }
    return best;
  }

  /** This thread's score arrays, as long as the index (reused by every search; zero between searches). */
  private scratch(): { scores: Float64Array; masks: Int32Array; touched: Int32Array } {
    const need = this.count;
    let acc = this.acc;
    if (!acc || acc.scores.length < need) {
      const size = Math.max(need, Math.ceil((acc?.scores.length ?? 0) * 1.25), 1024);
      acc = {
        scores: new Float64Array(size),
        masks: new Int32Array(size),
        touched: acc?.touched ?? new Int32Array(1024),
      };
      this.acc = acc;
    }
    return acc;
  }

  /** Writer: seals the delta into a segment now (the pool also calls it on a timer). */
  seal(): void {
    if (!this.writer || this.delta.length === 0) return;
    const first = this.upTo;
    const count = this.delta.length;
    const terms = [...this.deltaPostings.keys()].sort(compareCodePoints);
    let postings = 0;
    for (const t of terms) postings += this.deltaPostings.get(t)!.length / 2;
    const termPack = packText(terms);
    const postStarts = alloc(Uint32Array, terms.length + 1);
    const docs = alloc(Uint32Array, postings);
    const tfs = alloc(Uint16Array, postings);
    let at = 0;
    terms.forEach((t, k) => {
      postStarts[k] = at;
      const p = this.deltaPostings.get(t)!;
      for (let j = 0; j < p.length; j += 2) {
        docs[at] = p[j]!;
        tfs[at++] = Math.min(65535, p[j + 1]!);
      }
    });
    postStarts[terms.length] = at;
    const lengths = alloc(Uint32Array, count);
    const addedAt = alloc(Float64Array, count);
    const day = alloc(Float64Array, count);
    const texts: Uint8Array[] = [];
    const ids: string[] = [];
    const empty = new Uint8Array(0);
    const textStarts = alloc(Float64Array, count);
    const textLengths = alloc(Uint32Array, count);
    let textBytes = 0;
    this.delta.forEach((d, i) => {
      lengths[i] = d.length;
      addedAt[i] = d.article ? Date.parse(d.article.addedAt) : Number.NaN;
      day[i] = d.article ? dayOf(d.article) : Number.NaN;
      // News text compresses about 1.9× one article at a time (zstd's default level: ~45 µs to
      // compress, ~20 µs to read back, measured on BBC articles); most of an index's bytes are text.
      const t = d.article ? zstdCompressSync(JSON.stringify(d.article)) : empty;
      texts.push(t);
      textLengths[i] = t.length;
      textBytes += t.length;
      ids.push(d.article ? d.article.id : "");
    });
    // One write per seal, to the end of the spill file.
    if (!this.text) {
      this.text = new TextFile(this.textDir);
      this.files.push(this.text);
    }
    const base = this.text.append(Buffer.concat(texts, textBytes));
    let at2 = base;
    for (let i = 0; i < count; i++) {
      textStarts[i] = at2;
      at2 += textLengths[i]!;
    }
    this.liveTextBytes += textBytes;
    const idPack = packText(ids);
    const seg: Segment = {
      first,
      count,
      termBytes: termPack.bytes,
      termOffsets: termPack.offsets,
      postStarts,
      docs,
      tfs,
      lengths,
      textFd: this.text.fd,
      textStarts,
      textLengths,
      idBytes: idPack.bytes,
      idOffsets: idPack.offsets,
      addedAt,
      day,
    };
    this.adopt([...this.segments, seg], first + count);
    if (this.loading) this.settle();
    else this.scheduleMerge();
  }

  /** Writer: runs now every merge the policy calls for (after a bulk load). */
  settle(): void {
    while (this.mergeStep(false)) {
      /* until the policy is satisfied */
    }
  }

  /** Reader (and writer): switches to a new segment list covering articles below `upTo`. */
  adopt(segments: Segment[], upTo: number): void {
    // Delta articles now in segments leave the delta (their postings too).
    const moved = upTo - this.upTo;
    if (moved > 0) {
      const sealed = this.delta.splice(0, moved);
      if (this.delta.length === 0) this.deltaPostings.clear();
      else {
        // Sealed docs are the oldest: they lead every list; each list is cut once (cutting one
        // doc at a time from the front cost time quadratic in the delta: seconds per seal).
        const terms = new Set<string>();
        for (const d of sealed) for (const t of d.tf?.keys() ?? []) terms.add(t);
        for (const t of terms) {
          const p = this.deltaPostings.get(t);
          if (!p) continue;
          let j = 0;
          while (j < p.length && p[j]! < upTo) j += 2;
          if (j === p.length) this.deltaPostings.delete(t);
          else p.splice(0, j);
        }
      }
    }
    // Removed articles merged away are no longer tracked.
    for (const doc of this.dead) {
      const seg = segments.find((s) => doc >= s.first && doc < s.first + s.count);
      if (seg && seg.textLengths[doc - seg.first] === 0) this.dead.delete(doc);
    }
    this.segments = segments;
    this.upTo = upTo;
    if (this.writer) this.onSegments?.(segments, upTo);
  }

  /** The state a new reader starts from. */
  state(): IndexState {
    return {
      segments: this.segments,
      upTo: this.upTo,
      delta: this.delta.map((d) => d.article),
      dead: [...this.dead],
    };
  }

  private restore(state: IndexState): void {
    this.segments = state.segments;
    this.upTo = state.upTo;
    for (const seg of state.segments)
      for (let i = 0; i < seg.count; i++) {
        if (seg.textLengths[i] === 0) continue;
        this.totalLength += seg.lengths[i]!;
        this.liveDocs++;
      }
    for (const doc of state.dead) {
      if (this.dead.has(doc)) continue;
      this.dead.add(doc);
      this.totalLength -= this.length(doc);
      this.liveDocs--;
    }
  }

  /** Restoring a state: a delta article already removed keeps its number. */
  addRemoved(): number {
    const doc = this.count;
    this.delta.push({ article: null, tf: null, length: 0 });
    return doc;
  }

  private scheduleMerge(): void {
    if (this.mergeScheduled || this.segments.length < 2) return;
    this.mergeScheduled = true;
    setImmediate(() => {
      this.mergeScheduled = false;
      if (this.mergeStep(false)) this.scheduleMerge();
    });
  }

  /** Merges everything now (tests, and a bench's final state). */
  compact(): void {
    this.seal();
    while (this.mergeStep(true)) {
      /* until one segment */
    }
    if (this.text && this.text.size > this.liveTextBytes) this.rewriteText();
  }

  /** Writer: bytes in the spill file (removed articles' included until it is rewritten). */
  get textFileBytes(): number {
    return this.text?.size ?? 0;
  }

  /**
   * Writer: a new spill file with the text of the articles the segments still hold, the segments
   * pointing into it (postings and the rest shared as they are); the old file is emptied once the
   * readers have had time to adopt the new segments.
   */
  private rewriteText(): void {
    const old = this.text;
    if (!old) return;
    const file = new TextFile(this.textDir);
    this.files.push(file);
    const CHUNK = 4 * 2 ** 20;
    let parts: Buffer[] = [];
    let pending = 0;
    const flush = () => {
      if (pending > 0) file.append(Buffer.concat(parts, pending));
      parts = [];
      pending = 0;
    };
    let live = 0;
    const segments = this.segments.map((seg) => {
      const textStarts = alloc(Float64Array, seg.count);
      const textLengths = alloc(Uint32Array, seg.count);
      for (let i = 0; i < seg.count; i++) {
        const length = seg.textLengths[i]!;
        if (length === 0) continue;
        textStarts[i] = file.size + pending;
        textLengths[i] = length;
        parts.push(Buffer.from(readText(seg.textFd, seg.textStarts[i]!, length)));
        pending += length;
        if (!this.dead.has(seg.first + i)) live += length;
        if (pending >= CHUNK) flush();
      }
      return { ...seg, textFd: file.fd, textStarts, textLengths };
    });
    flush();
    this.text = file;
    this.liveTextBytes = live;
    const timer = setTimeout(() => {
      this.retireTimers.delete(timer);
      old.truncate();
    }, RETIRE_MS);
    timer.unref();
    this.retireTimers.add(timer);
    this.adopt(segments, this.upTo);
  }

  /**
   * Writer: closes the spill files (their text is then unreadable; the index is done). Readers hold
   * no file of their own. Safe to call twice.
   */
  close(): void {
    for (const t of this.retireTimers) clearTimeout(t);
    this.retireTimers.clear();
    for (const f of this.files) f.close();
    unclosed.unregister(this);
  }

  /**
   * One merge, if the policy calls for one: MERGE_FACTOR adjacent segments of one size tier, or a
   * segment with a fifth of its articles removed (with its neighbour). Returns whether it merged.
   */
  private mergeStep(all: boolean): boolean {
    const segs = this.segments;
    if (segs.length < 2) {
      if (segs.length === 1 && this.deadIn(segs[0]!) * 5 > segs[0]!.count) {
        this.replace(0, 1);
        return true;
      }
      return false;
    }
    if (all) {
      this.replace(0, segs.length);
      return true;
    }
    const tier = (s: Segment) => Math.floor(Math.log(Math.max(1, s.docs.length)) / Math.log(MERGE_FACTOR));
    for (let i = 0; i + MERGE_FACTOR <= segs.length; i++) {
      const run = segs.slice(i, i + MERGE_FACTOR);
      const total = run.reduce((n, s) => n + s.docs.length, 0);
      if (total <= MAX_MERGED_POSTINGS && run.every((s) => tier(s) === tier(run[0]!))) {
        this.replace(i, i + MERGE_FACTOR);
        return true;
      }
    }
    for (let i = 0; i < segs.length; i++) {
      if (this.deadIn(segs[i]!) * 5 > segs[i]!.count) {
        this.replace(i, i + 1);
        return true;
      }
    }
    return false;
  }

  private deadIn(seg: Segment): number {
    let n = 0;
    for (const d of this.dead) if (d >= seg.first && d < seg.first + seg.count) n++;
    return n;
  }

  /** Replaces segments [from, to) by their merge (removed articles dropped). */
  private replace(from: number, to: number): void {
    const run = this.segments.slice(from, to);
    const merged = mergeSegments(run, this.dead);
    this.adopt([...this.segments.slice(0, from), merged, ...this.segments.slice(to)], this.upTo);
    if (this.text && this.text.size > 2 * this.liveTextBytes + TEXT_SLACK_BYTES) this.rewriteText();
  }
}

/**
 * The best `limit` of the touched articles, best first (ties: lower number first), as topHits picks
 * them: a threshold from a sample of the scores, and hit objects only for the articles above it.
 */
function topScored(
  touched: Int32Array,
  count: number,
  scores: Float64Array,
  masks: Int32Array,
  limit: number,
): IndexHit[] {
  const pick = (cut: number): IndexHit[] => {
    const kept: IndexHit[] = [];
    for (let k = 0; k < count; k++) {
      const doc = touched[k]!;
      if (scores[doc]! >= cut) kept.push({ doc, score: scores[doc]!, mask: masks[doc]! });
    }
    return kept;
  };
  if (count > limit * 4) {
    const step = Math.max(1, Math.floor(count / 512));
    const sample: number[] = [];
    for (let k = 0; k < count; k += step) sample.push(scores[touched[k]!]!);
    sample.sort((a, b) => b - a);
    const cut = sample[Math.min(sample.length - 1, Math.ceil((limit * 2 * sample.length) / count))] ?? 0;
    const kept = pick(cut);
    if (kept.length >= limit) return kept.sort((a, b) => b.score - a.score || a.doc - b.doc).slice(0, limit);
  }
  return pick(Number.NEGATIVE_INFINITY)
    .sort((a, b) => b.score - a.score || a.doc - b.doc)
    .slice(0, limit);
}

/** Merges adjacent segments (in article order) into one, dropping the articles in `dead`. */
export function mergeSegments(run: Segment[], dead: ReadonlySet<number>): Segment {
  const first = run[0]!.first;
  const count = run.reduce((n, s) => n + s.count, 0);
  const gone = (doc: number) => dead.has(doc);
  // Terms: a k-way merge of the sorted term tables.
  const heads = run.map(() => 0);
  const termParts: Uint8Array[] = [];
  const termSources: number[][] = []; // per merged term: [seg, t, seg, t, ...]
  for (;;) {
    let best = -1;
    for (let k = 0; k < run.length; k++) {
      const s = run[k]!;
      const h = heads[k]!;
      if (h >= s.termOffsets.length - 1) continue;
      if (best < 0) {
        best = k;
        continue;
      }
      const b = run[best]!;
      const hb = heads[best]!;
      const c = compareBytes(
        s.termBytes,
        s.termOffsets[h]!,
        s.termOffsets[h + 1]!,
        b.termBytes,
        b.termOffsets[hb]!,
        b.termOffsets[hb + 1]!,
      );
      if (c < 0) best = k;
    }
    if (best < 0) break;
    const b = run[best]!;
    const hb = heads[best]!;
    const bytes = b.termBytes.subarray(b.termOffsets[hb]!, b.termOffsets[hb + 1]!);
    const sources: number[] = [];
    for (let k = 0; k < run.length; k++) {
      const s = run[k]!;
      const h = heads[k]!;
      if (h >= s.termOffsets.length - 1) continue;
      if (compareBytes(s.termBytes, s.termOffsets[h]!, s.termOffsets[h + 1]!, bytes, 0, bytes.length) === 0) {
        sources.push(k, h);
        heads[k] = h + 1;
      }
    }
    termParts.push(bytes);
    termSources.push(sources);
  }
  // Postings (dropping removed articles and terms left with none).
  let upper = 0;
  for (const s of run) upper += s.docs.length;
  const docs = new Uint32Array(upper);
  const tfs = new Uint16Array(upper);
  const keptTerms: Uint8Array[] = [];
  const starts: number[] = [];
  let at = 0;
  termSources.forEach((sources, i) => {
    const start = at;
    for (let j = 0; j < sources.length; j += 2) {
      const s = run[sources[j]!]!;
      const t = sources[j + 1]!;
      for (let p = s.postStarts[t]!; p < s.postStarts[t + 1]!; p++) {
        const doc = s.docs[p]!;
        if (gone(doc)) continue;
        docs[at] = doc;
        tfs[at++] = s.tfs[p]!;
      }
    }
    if (at > start) {
      keptTerms.push(termParts[i]!);
      starts.push(start);
    }
  });
  starts.push(at);
  const termPack = packStrings(keptTerms);
  const postStarts = alloc(Uint32Array, starts.length);
  postStarts.set(starts);
  const sDocs = alloc(Uint32Array, at);
  sDocs.set(docs.subarray(0, at));
  const sTfs = alloc(Uint16Array, at);
  sTfs.set(tfs.subarray(0, at));
  // Articles.
  const lengths = alloc(Uint32Array, count);
  const addedAt = alloc(Float64Array, count);
  const day = alloc(Float64Array, count);
  // Text stays where it is in the spill file: only where each article starts and its length move.
  const textStarts = alloc(Float64Array, count);
  const textLengths = alloc(Uint32Array, count);
  const ids: Uint8Array[] = [];
  const empty = new Uint8Array(0);
  for (const s of run)
    for (let i = 0; i < s.count; i++) {
      const doc = s.first + i;
      const k = doc - first;
      const removed = gone(doc);
      lengths[k] = removed ? 0 : s.lengths[i]!;
      addedAt[k] = s.addedAt[i]!;
      day[k] = s.day[i]!;
      textStarts[k] = removed ? 0 : s.textStarts[i]!;
      textLengths[k] = removed ? 0 : s.textLengths[i]!;
      ids.push(removed ? empty : s.idBytes.subarray(s.idOffsets[i]!, s.idOffsets[i + 1]!));
    }
  const idPack = packStrings(ids);
  return {
    first,
    count,
    termBytes: termPack.bytes,
    termOffsets: termPack.offsets,
    postStarts,
    docs: sDocs,
    tfs: sTfs,
    lengths,
    textFd: run[0]!.textFd,
    textStarts,
    textLengths,
    idBytes: idPack.bytes,
    idOffsets: idPack.offsets,
    addedAt,
    day,
  };
}
