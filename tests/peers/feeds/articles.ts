/**
 * Real article text for the local feed server, read at run time: the seed articles (cleaned by the
 * corpus loader) and, when asked and present, BBC News records from /work/shared/eval (never copied
 * into the repository).
 */
import { existsSync, readFileSync } from "node:fs";
import { loadCorpus } from "../../../src/corpus/load.ts";

export interface PeerArticle {
  slug: string;
  title: string;
  paragraphs: string[];
  author: string;
  /** ISO timestamp. */
  publishedAt: string;
}

export const BBC_PATH = "/work/shared/eval/bbc_news/bbc_news.jsonl";
const SEEDS = new URL("../../../seeds/", import.meta.url).pathname;

const AUTHORS = ["Ana Lima", "Jonas Berg", "Mei Chen", "Omar Haddad", "Ruth Okafor", "Tomás Ruiz"];

function slugify(s: string, i: number): string {
  const base = s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 48);
  return `${base || "article"}-${i}`;
}

function dateFor(i: number): string {
  return new Date(Date.UTC(2019, 3, 20, 6) + i * 3_600_000).toISOString();
}

/** The seed articles, cleaned as the corpus reads them. */
export function seedArticles(): PeerArticle[] {
  return loadCorpus(SEEDS)
    .filter((a) => a.paragraphs.length >= 3)
    .map((a, i) => ({
      slug: slugify(a.title, i),
      title: a.title,
      paragraphs: a.paragraphs,
      author: AUTHORS[i % AUTHORS.length]!,
      publishedAt: dateFor(i),
    }));
}

/** Up to `limit` BBC News articles (empty when the evaluation data is not on this machine). */
export function bbcArticles(limit: number, offset = 0): PeerArticle[] {
  if (!existsSync(BBC_PATH)) return [];
  const out: PeerArticle[] = [];
  const lines = readFileSync(BBC_PATH, "utf8").split("\n");
  for (let i = offset; i < lines.length && out.length < limit; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const rec = JSON.parse(line) as { id: string; title: string; text: string };
    const paragraphs = rec.text
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, " ").trim())
      .filter((p) => p.length > 0 && p !== rec.title.trim());
    if (paragraphs.length < 3) continue;
    out.push({
      slug: slugify(rec.title, i),
      title: rec.title.trim(),
      paragraphs,
      author: AUTHORS[i % AUTHORS.length]!,
      publishedAt: dateFor(i),
    });
  }
  return out;
}

/** The seeds, then BBC articles up to `total` when available. */
export function peerArticles(total = 12): PeerArticle[] {
  const seeds = seedArticles();
  return [...seeds, ...bbcArticles(Math.max(0, total - seeds.length))];
}
