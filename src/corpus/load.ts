/**
 * Loading a corpus: every .txt, .md, .html (and .jsonl of records) file under a folder, or an
 * in-memory list of records. Each becomes a cleaned Article with a stable id.
 */
import { readdirSync, realpathSync, statSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import { CorpusError } from "../errors.ts";
import type { Article } from "../model.ts";
import { cleanArticleText } from "./clean.ts";
import { normalizeDate } from "./dates.ts";
import { cleanHtmlArticle } from "./html.ts";
import { readManifest } from "./manifest.ts";
import {
  type CorpusReadOptions,
  DEFAULT_MAX_ARTICLE_BYTES,
  defaultWarn,
  formatBytes,
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

/** Loads one article file (or the records of a .jsonl file). */
export function loadArticleFile(
  path: string,
  rel: string,
  addedAt: string,
  opts: CorpusReadOptions = {},
): Article[] {
  const text = readArticleText(path, opts);
  const ext = extname(path).toLowerCase();
  const location = rel.split(sep).join("/");
  if (ext === ".jsonl") {
    return parseJsonl(text, location).map((v, i) => {
      const rec = recordFromJson(v, location, i);
      // A record is cited by its title and where it is: the file and its id, not the file alone.
      return articleFromRecord({ ...rec, location: rec.url ?? `${location}#${rec.id}` }, addedAt);
    });
  }
  const cleaned =
    ext === ".html" || ext === ".htm"
      ? cleanHtmlArticle(text)
      : cleanArticleText(text, { markdown: ext === ".md" || ext === ".markdown" });
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

/**
 * Loads every article under a folder (or a single .jsonl file). A file that is binary or unreadable
 * is skipped with one warning line; a file over the size cap is cut (see readArticleText).
 */
export function loadCorpus(dir: string, opts: CorpusReadOptions = {}): Article[] {
  const warn = opts.warn ?? defaultWarn;
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(dir);
  } catch {
    throw new CorpusError(`corpus folder not found: ${dir}`);
  }
  if (st.isFile()) {
    return loadArticleFile(dir, dir, st.mtime.toISOString(), opts);
  }
  const manifest = readManifest(dir);
  const out: Article[] = [];
  for (const path of listArticleFiles(dir, warn)) {
    const rel = relative(dir, path).split(sep).join("/");
    let articles: Article[];
    try {
      const addedAt = manifest.files[rel]?.addedAt ?? statSync(path).mtime.toISOString();
      articles = loadArticleFile(path, rel, addedAt, opts);
    } catch (err) {
      if (!(err instanceof CorpusError) || /: line \d+ is not valid JSON|has no "text"/.test(err.message))
        throw err;
      warn(`${err.message}: skipped`);
      continue;
    }
    for (const a of articles) if (a.paragraphs.length > 0) out.push(a);
  }
  return out;
}
