/**
 * `summit ingest PATH|URL ...`: article files, folders and article pages (fetched and extracted once,
 * robots.txt honoured, the same cleaning as files). With SUMMIT_STORE=redis everything goes into the
 * shared store (every running process sees it within seconds); otherwise files are copied into the
 * corpus folder as before and pages are appended to its `web.jsonl`. The result has one shape either way:
 *   {"added":[{"path","id","location"}],"skipped":[{"path","duplicateOf","similarity"}]}
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { expandArticlePaths, type IngestResult, ingestFiles } from "../../src/corpus/ingest.ts";
import { loadArticleFile } from "../../src/corpus/load.ts";
import { CorpusError, inputError } from "../../src/errors.ts";
import type { CliContext } from "./context.ts";

const isUrl = (p: string) => /^https?:\/\//i.test(p.trim());

/** Bounds on one command's work. */
const MAX_URLS = 200;

function expandFiles(paths: string[]): string[] {
  return expandArticlePaths(paths, (p) => `not an article file (.txt, .md, .html) nor a URL: ${p}`);
}

export async function runIngest(
  paths: string[],
  corpus: string | undefined,
  ctx: CliContext,
): Promise<IngestResult> {
  if (paths.length === 0) throw inputError("nothing_to_ingest");
  const urls = paths.filter(isUrl);
  const files = paths.filter((p) => !isUrl(p));
  if (urls.length > MAX_URLS) throw inputError("source_invalid", `at most ${MAX_URLS} addresses at a time`);
  const config = await ctx.config();
  if (config.store === "redis" && corpus === undefined) return ingestIntoStore(files, urls, ctx);

  const dir = corpus ?? config.corpusDir;
  const result: IngestResult =
    files.length > 0
      ? ingestFiles(dir, files, ctx.clock, { maxArticleBytes: config.maxArticleBytes })
      : { added: [], skipped: [] };
  if (urls.length === 0) return result;
  const { fetchArticle } = await import("../../sources/index.ts");
  const { fetchingDeps } = await import("../store.ts");
  const fetching = fetchingDeps(config, ctx.clock, (message) => ctx.err.write(`summit ingest: ${message}\n`));
  try {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, "web.jsonl");
    const known = new Set<string>();
    if (existsSync(file))
      for (const line of readFileSync(file, "utf8").split("\n")) {
        try {
          const url = (JSON.parse(line) as { url?: unknown }).url;
          if (typeof url === "string") known.add(url);
        } catch {
          // a blank or partial line
        }
      }
    for (const url of urls) {
      const a = await fetchOrExplain(url, () => fetchArticle(url, fetching));
      const key = a.url ?? url;
      const id = `web:${key.replace(/^https?:\/\//, "").replace(/[^A-Za-z0-9_.:/-]/g, "_")}`;
      if (known.has(key)) {
        result.skipped.push({ path: url, duplicateOf: id, similarity: 1 });
        continue;
      }
      known.add(key);
      const record = {
        id,
        title: a.title,
        text: a.text,
        url: key,
        publisher: a.publisher,
        date: a.publishedAt?.slice(0, 10) ?? null,
      };
      appendFileSync(file, `${JSON.stringify(record)}\n`);
      result.added.push({ path: url, id, location: key });
    }
  } finally {
    await fetching.close();
  }
  return result;
}

async function fetchOrExplain<T>(url: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof Error && err.name === "SourceError")
      throw inputError("cannot_fetch", url, err.message);
    throw err;
  }
}

async function ingestIntoStore(files: string[], urls: string[], ctx: CliContext): Promise<IngestResult> {
  const expanded = expandFiles(files);
  const { fetchArticle } = await import("../../sources/index.ts");
  const { withStore } = await import("./sources.ts");
  return withStore(ctx, "summit ingest", async (open) => {
    const result: IngestResult = { added: [], skipped: [] };
    for (const path of expanded) {
      const [article] = loadArticleFile(path, basename(path), ctx.clock.now().toISOString());
      if (!article || article.paragraphs.length === 0)
        throw new CorpusError(`no article text found in ${path}`);
      const r = await open.store.articles.putArticle(article);
      if (r.outcome === "added" || r.outcome === "updated")
        result.added.push({ path, id: r.id, location: path });
      else result.skipped.push({ path, duplicateOf: r.id, similarity: 1 });
    }
    for (const url of urls) {
      const item = await fetchOrExplain(url, () => fetchArticle(url, open.fetching));
      const r = await open.store.articles.upsert(item);
      if (r.outcome === "added" || r.outcome === "updated")
        result.added.push({ path: url, id: r.id, location: item.url ?? url });
      else result.skipped.push({ path: url, duplicateOf: r.id, similarity: 1 });
    }
    return result;
  });
}
