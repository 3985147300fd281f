/**
 * Adding article files to a corpus folder: each file is cleaned and compared with what the corpus
 * already holds (word shingles, Jaccard); the same or near-identical text is skipped, anything new
 * is copied in and its arrival time recorded in the manifest.
 */
import { copyFileSync, existsSync, mkdirSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import type { Article, Clock } from "../model.ts";
import { jaccard, shingles } from "../text/similarity.ts";
import {
  ARTICLE_EXTENSIONS,
  CorpusError,
  idFromPath,
  listArticleFiles,
  loadArticleFile,
  streamCorpus,
} from "./load.ts";
import { readManifest, writeManifest } from "./manifest.ts";
import { type CorpusReadOptions, DEFAULT_MAX_ARTICLE_BYTES, formatBytes } from "./read.ts";

export interface IngestAdded {
  path: string;
  id: string;
  /** Path inside the corpus folder. */
  location: string;
}

export interface IngestSkipped {
  path: string;
  /** The article it duplicates. */
  duplicateOf: string;
  /** Share of word shingles in common (1 = same text). */
  similarity: number;
}

export interface IngestResult {
  added: IngestAdded[];
  skipped: IngestSkipped[];
}

/** Articles at or above this shingle overlap are the same article. */
export const NEAR_DUPLICATE = 0.8;

function fingerprint(a: Pick<Article, "title" | "paragraphs">): Set<number> {
  return shingles(a.paragraphs.join("\n"));
}

/**
 * The article files among paths (folders expanded, .jsonl left out); a path that is neither is an error,
 * worded by `notArticle` (the CLI also accepts URLs, so it says so).
 */
export function expandArticlePaths(
  paths: string[],
  notArticle: (path: string) => string = (p) => `not an article file (.txt, .md, .html): ${p}`,
): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(p);
    } catch {
      throw new CorpusError(`file not found: ${p}`);
    }
    if (st.isDirectory()) out.push(...listArticleFiles(p).filter((f) => !f.endsWith(".jsonl")));
    else if (ARTICLE_EXTENSIONS.has(extname(p).toLowerCase())) out.push(p);
    else throw new CorpusError(notArticle(p));
  }
  return out;
}

function freeName(dir: string, name: string): string {
  if (!existsSync(join(dir, name))) return name;
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let i = 2; ; i++) {
    const candidate = `${stem}-${i}${ext}`;
    if (!existsSync(join(dir, candidate))) return candidate;
  }
}

/** Ingests article files (or folders of them) into the corpus folder. */
export function ingestFiles(
  corpusDir: string,
  paths: string[],
  clock: Clock,
  opts: CorpusReadOptions = {},
): IngestResult {
  if (paths.length === 0) throw new CorpusError("nothing to ingest: give one or more article files");
  const max = opts.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
  const files = expandArticlePaths(paths);
  mkdirSync(corpusDir, { recursive: true });
  const known: { id: string; prints: Set<number> }[] = Array.from(streamCorpus(corpusDir, opts), (a) => ({
    id: a.id,
    prints: fingerprint(a),
  }));
  const manifest = readManifest(corpusDir);
  const result: IngestResult = { added: [], skipped: [] };
  for (const path of files) {
    let size: number;
    try {
      size = statSync(path).size;
    } catch (err) {
      throw new CorpusError(`cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? "error"})`);
    }
    // Refused rather than cut: the user is there to split the file or raise the limit.
    if (size > max)
      throw new CorpusError(
        `${path} is ${formatBytes(size)}, over the ${formatBytes(max)} limit for one article (SUMMIT_MAX_ARTICLE_BYTES)`,
      );
    const now = clock.now().toISOString();
    const [article] = loadArticleFile(path, basename(path), now, opts);
    if (!article || article.paragraphs.length === 0)
      throw new CorpusError(`no article text found in ${path}`);
    const prints = fingerprint(article);
    let dup: { id: string; sim: number } | null = null;
    for (const k of known) {
      const sim = jaccard(prints, k.prints);
      if (sim >= NEAR_DUPLICATE && (!dup || sim > dup.sim)) dup = { id: k.id, sim };
    }
    if (dup) {
      result.skipped.push({ path, duplicateOf: dup.id, similarity: dup.sim });
      continue;
    }
    const name = freeName(corpusDir, basename(path));
    copyFileSync(path, join(corpusDir, name));
    manifest.files[name] = { addedAt: now, from: path };
    const id = idFromPath(name);
    known.push({ id, prints });
    result.added.push({ path, id, location: name });
  }
  writeManifest(corpusDir, manifest);
  return result;
}
