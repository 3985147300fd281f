/**
 * Loading a corpus: every .txt, .md, .html (and .jsonl of records) file under a folder, or an
 * in-memory list of records. Each becomes a cleaned Article with a stable id.
 */
import { closeSync, readdirSync, readSync, realpathSync, statSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import { CorpusError } from "../errors.ts";
import type { Article } from "../model.ts";
import { type CleanedText, cleanArticleText } from "./clean.ts";
import { normalizeDate } from "./dates.ts";
import { cleanHtmlArticle } from "./html.ts";
import { readManifest } from "./manifest.ts";
import {
  binaryFile,
  type CorpusReadOptions,
  cutAtSentence,
  DEFAULT_MAX_ARTICLE_BYTES,
  defaultWarn,
  formatBytes,
  looksBinary,
  openArticleFile,
  readArticleFile,
} from "./read.ts";

export type { CorpusReadOptions };

/** A problem with the corpus the user can fix; defined with the other errors (src/errors.ts). */
export { CorpusError };

/** An article given as data (a JSONL line, a test fixture, a bench record). */
export interface ArticleRecord {
  id: string;
  text: string;
  title?: string | null;
  publisher?: string | null;
  date?: string | null;
  /** File path or URL; defaults to the id. */
  location?: string;
  url?: string;
  addedAt?: string;
  /** The text is HTML. */
  html?: boolean;
}

export const ARTICLE_EXTENSIONS = new Set([".txt", ".md", ".markdown", ".html", ".htm"]);

/** Builds a cleaned Article from a record. */
export function articleFromRecord(rec: ArticleRecord, defaultAddedAt = new Date(0).toISOString()): Article {
  const cleaned = rec.html
    ? cleanHtmlArticle(rec.text)
    : cleanArticleText(rec.text, {
        title: rec.title ?? null,
        publisher: rec.publisher ?? null,
        date: normalizeDate(rec.date ?? null),
      });
  return {
    id: rec.id,
    title: rec.html && rec.title ? rec.title : cleaned.title,
    publisher: cleaned.publisher ?? rec.publisher ?? null,
    date: cleaned.date ?? normalizeDate(rec.date ?? null),
    location: rec.url ?? rec.location ?? rec.id,
    paragraphs: cleaned.paragraphs,
    addedAt: rec.addedAt ?? defaultAddedAt,
    ...(rec.url ? { url: rec.url } : {}),
  };
}

/** Cleans a list of records (the loader for data that is not in files). */
export function articlesFromRecords(records: Iterable<ArticleRecord>): Article[] {
  const out: Article[] = [];
  for (const r of records) out.push(articleFromRecord(r));
  return out;
}

/** An id from a file's path relative to the corpus: the path without its extension. */
export function idFromPath(rel: string): string {
  return rel
    .split(sep)
    .join("/")
    .replace(/\.[^./]+$/, "");
}

/** Parses JSON Lines, naming the file and line of a malformed line. */
export function parseJsonl(text: string, label: string): unknown[] {
  const out: unknown[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    try {
      out.push(JSON.parse(line));
    } catch {
      throw new CorpusError(`${label}: line ${i + 1} is not valid JSON`);
    }
  }
  return out;
}

/** Control characters (but tab, newline, form feed, CR), NUL and bidirectional overrides/isolates. */
const INVISIBLE = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu;
const KEPT = new Set(["\t", "\n", "\f", "\r"]);

/** Removes characters that must never reach a reader (they garble titles or reorder text). */
export function stripControls(text: string): string {
  return text.replace(INVISIBLE, (c) => (KEPT.has(c) ? c : ""));
}

/**
 * Article files under a folder, sorted, skipping hidden entries (.summit/ holds the manifest). An
 * entry that cannot be followed (dangling symlink, self-link, a link back into a folder already
 * walked) is skipped with one warning line, as one bad entry must not break the whole corpus.
 */
export function listArticleFiles(dir: string, warn = defaultWarn): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? "error";
      throw new CorpusError(`cannot read folder ${d} (${code})`);
    }
    for (const name of names) {
      if (name.startsWith(".")) continue;
      const p = join(d, name);
      let st: ReturnType<typeof statSync>;
      try {
        st = statSync(p);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? "error";
        const why = code === "ENOENT" ? "broken link" : code === "ELOOP" ? "link loop" : code;
        warn(`skipped ${p}: cannot be read (${why})`);
        continue;
      }
      if (st.isDirectory()) {
        const real = realpathSync(p);
        if (seen.has(real)) {
          warn(`skipped ${p}: links back to a folder already read (loop)`);
          continue;
        }
        seen.add(real);
        walk(p);
      } else if (ARTICLE_EXTENSIONS.has(extname(name).toLowerCase()) || name.endsWith(".jsonl")) out.push(p);
    }
  };
  seen.add(realpathSync(dir));
  walk(dir);
  return out;
}

function recordFromJson(value: unknown, label: string, index: number): ArticleRecord {
  const v = value as Record<string, unknown>;
  if (!v || typeof v !== "object" || typeof v.text !== "string")
    throw new CorpusError(`${label}: record ${index + 1} has no "text"`);
  const str = (x: unknown) => (typeof x === "string" ? x : null);
  const rec: ArticleRecord = {
    id: str(v.id) ?? `${label}#${index + 1}`,
    text: v.text,
    title: str(v.title),
    publisher: str(v.publisher) ?? str(v.source),
    date: str(v.date),
  };
  const url = str(v.url);
  if (url) rec.url = url;
  return rec;
}

/**
 * Reads an article file's text, at most the configured size: a larger file is cut at a sentence end
 * with one warning line (ingest refuses such files instead, see ingest.ts).
 */
export function readArticleText(path: string, opts: CorpusReadOptions = {}): string {
  const max = opts.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
  const r = readArticleFile(path, max);
  if (r.truncated)
    (opts.warn ?? defaultWarn)(
      `${path} is ${formatBytes(r.size)}: read only its first ${formatBytes(max)} (SUMMIT_MAX_ARTICLE_BYTES)`,
    );
  return stripControls(r.text);
}

/** Bytes read from a .jsonl file at a time. */
const JSONL_CHUNK = 1 << 20;

/** Lines of a file as bytes, read a chunk at a time (the whole file is never in memory). */
function* fileLines(
  path: string,
  maxLineBytes: number,
  onTooLong: (line: number) => void,
): Generator<{ bytes: Uint8Array; line: number }> {
  const fd = openArticleFile(path);
  try {
    const chunk = Buffer.alloc(JSONL_CHUNK);
    let parts: Buffer[] = [];
    let partBytes = 0;
    let skipping = false;
    let line = 1;
    let pos = 0;
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, pos);
      if (n === 0) break;
      if (pos === 0 && looksBinary(chunk.subarray(0, n))) throw binaryFile(path);
      pos += n;
      let from = 0;
      for (;;) {
        const nl = chunk.indexOf(10, from);
        const end = nl < 0 || nl >= n ? n : nl;
        if (!skipping) {
          parts.push(Buffer.from(chunk.subarray(from, end)));
          partBytes += end - from;
          if (partBytes > maxLineBytes) {
            // One record larger than any article may be: skipped without holding it whole.
            onTooLong(line);
            skipping = true;
            parts = [];
            partBytes = 0;
          }
        }
        if (end === n) break;
        if (!skipping) yield { bytes: parts.length === 1 ? parts[0]! : Buffer.concat(parts), line };
        parts = [];
        partBytes = 0;
        skipping = false;
        line++;
        from = end + 1;
      }
    }
    if (!skipping && partBytes > 0)
      yield { bytes: parts.length === 1 ? parts[0]! : Buffer.concat(parts), line };
  } finally {
    closeSync(fd);
  }
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });
const CP1252 = new TextDecoder("windows-1252");

/** A JSON line's text: UTF-8 (BOM dropped on the first line), else windows-1252, controls stripped. */
function decodeLine(bytes: Uint8Array, first: boolean): string {
  let b = bytes;
  if (first && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
  let text: string;
  try {
    text = UTF8.decode(b);
  } catch {
    text = CP1252.decode(b);
  }
  return stripControls(text);
}

/**
 * The records of a .jsonl file, one line at a time. The size cap applies to each record's text
 * (cut at a sentence end with one warning line); a line far larger than any record may be is
 * skipped with one warning line. A malformed line is an error naming the file and line.
 */
function* jsonlArticles(
  path: string,
  location: string,
  addedAt: string,
  opts: CorpusReadOptions,
): Generator<Article> {
  const max = opts.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
  const warn = opts.warn ?? defaultWarn;
  // A UTF-16 file (BOM) cannot be split on the byte 10: read it whole, as other article files.
  const head = readArticleFile(path, 4);
  const lines: Iterable<{ text: string; line: number }> = head.encoding.startsWith("utf-16")
    ? readArticleText(path, { ...opts, maxArticleBytes: Number.MAX_SAFE_INTEGER })
        .split("\n")
        .map((text, i) => ({ text, line: i + 1 }))
    : (function* () {
        // JSON escapes can take up to 6 bytes a character: room for a full record at the cap.
        const tooLong = (line: number) =>
          warn(`${location}: line ${line} is over ${formatBytes(6 * max + 65_536)}: skipped`);
        for (const l of fileLines(path, 6 * max + 65_536, tooLong))
          yield { text: decodeLine(l.bytes, l.line === 1), line: l.line };
      })();
  let index = 0;
  for (const { text, line } of lines) {
    const trimmed = text.trim();
    if (!trimmed) continue;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      throw new CorpusError(`${location}: line ${line} is not valid JSON`);
    }
    const rec = recordFromJson(value, location, index++);
    const bytes = Buffer.byteLength(rec.text);
    if (bytes > max) {
      warn(
        `${location}#${rec.id} is ${formatBytes(bytes)}: read only its first ${formatBytes(max)} (SUMMIT_MAX_ARTICLE_BYTES)`,
      );
      rec.text = cutAtSentence(Buffer.from(rec.text).subarray(0, max).toString("utf8"));
    }
    // A record is cited by its title and where it is: the file and its id, not the file alone.
    yield articleFromRecord({ ...rec, location: rec.url ?? `${location}#${rec.id}` }, addedAt);
  }
}

/** The articles of one file, one at a time: a .jsonl file's records are read line by line. */
export function articlesOfFile(
  path: string,
  rel: string,
  addedAt: string,
  opts: CorpusReadOptions = {},
): Iterable<Article> {
  const ext = extname(path).toLowerCase();
  const location = rel.split(sep).join("/");
  if (ext === ".jsonl") return jsonlArticles(path, location, addedAt, opts);
  const text = readArticleText(path, opts);
  let cleaned: CleanedText;
  if (ext === ".html" || ext === ".htm") {
    const html = cleanHtmlArticle(text);
    if (html.notice) (opts.warn ?? defaultWarn)(`${location}: ${html.notice}`);
    cleaned = html;
  } else cleaned = cleanArticleText(text, { markdown: ext === ".md" || ext === ".markdown" });
  return [
    {
      id: idFromPath(rel),
      title: cleaned.title,
      publisher: cleaned.publisher,
      date: cleaned.date,
      location,
      paragraphs: cleaned.paragraphs,
      addedAt,
    },
  ];
}

/** Loads one article file (or the records of a .jsonl file). */
export function loadArticleFile(
  path: string,
  rel: string,
  addedAt: string,
  opts: CorpusReadOptions = {},
): Article[] {
  return Array.from(articlesOfFile(path, rel, addedAt, opts));
}

/**
 * Every article under a folder (or in a single file), one at a time, so that a large corpus is
 * never held as one list: the index builder takes each article as it comes (CorpusIndex accepts
 * any iterable). A file that is binary or unreadable is skipped with one warning line; a file (or a
 * .jsonl record) over the size cap is cut (see readArticleText). A malformed .jsonl line stops the
 * load with an error naming the file and line.
 */
export function* streamCorpus(dir: string, opts: CorpusReadOptions = {}): Generator<Article> {
  const warn = opts.warn ?? defaultWarn;
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(dir);
  } catch {
    throw new CorpusError(`corpus folder not found: ${dir}`);
  }
  if (st.isFile()) {
    yield* articlesOfFile(dir, dir, st.mtime.toISOString(), opts);
    return;
  }
  const manifest = readManifest(dir);
  for (const path of listArticleFiles(dir, warn)) {
    const rel = relative(dir, path).split(sep).join("/");
    try {
      const addedAt = manifest.files[rel]?.addedAt ?? statSync(path).mtime.toISOString();
      for (const a of articlesOfFile(path, rel, addedAt, opts)) if (a.paragraphs.length > 0) yield a;
    } catch (err) {
      if (!(err instanceof CorpusError) || /: line \d+ is not valid JSON|has no "text"/.test(err.message))
        throw err;
      warn(`${err.message}: skipped`);
    }
  }
}

/**
 * Loads every article under a folder (or a single .jsonl file) as one list (tests, small corpora;
 * engines build from streamCorpus instead). Same rules as streamCorpus.
 */
export function loadCorpus(dir: string, opts: CorpusReadOptions = {}): Article[] {
  return Array.from(streamCorpus(dir, opts));
}
