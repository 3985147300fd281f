/**
 * Loading a corpus: every .txt, .md, .html (and .jsonl of records) file under a folder, or an
 * in-memory list of records. Each becomes a cleaned Article with a stable id.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import { CorpusError } from "../errors.ts";
import type { Article } from "../model.ts";
import { cleanArticleText } from "./clean.ts";
import { normalizeDate } from "./dates.ts";
import { cleanHtmlArticle } from "./html.ts";
import { readManifest } from "./manifest.ts";

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

function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "error";
    throw new CorpusError(`cannot read ${path} (${code})`);
  }
}

/** Article files under a folder, sorted, skipping hidden entries (.summit/ holds the manifest). */
export function listArticleFiles(dir: string): string[] {
  const out: string[] = [];
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
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (ARTICLE_EXTENSIONS.has(extname(name).toLowerCase()) || name.endsWith(".jsonl")) out.push(p);
    }
  };
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

/** Loads one article file (or the records of a .jsonl file). */
export function loadArticleFile(path: string, rel: string, addedAt: string): Article[] {
  const text = readText(path);
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

/** Loads every article under a folder (or a single .jsonl file). */
export function loadCorpus(dir: string): Article[] {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(dir);
  } catch {
    throw new CorpusError(`corpus folder not found: ${dir}`);
  }
  if (st.isFile()) {
    return loadArticleFile(dir, dir, st.mtime.toISOString());
  }
  const manifest = readManifest(dir);
  const out: Article[] = [];
  for (const path of listArticleFiles(dir)) {
    const rel = relative(dir, path).split(sep).join("/");
    const addedAt = manifest.files[rel]?.addedAt ?? statSync(path).mtime.toISOString();
    for (const a of loadArticleFile(path, rel, addedAt)) if (a.paragraphs.length > 0) out.push(a);
  }
  return out;
}
