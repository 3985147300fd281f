import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Article } from "../../src/model.ts";

/** Plain lower-case words: an independent tokeniser for checking citations in tests. */
export function plainWords(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/** True when the article holds the text, or a sentence sharing at least 60% of its distinct words. */
export function articleHolds(article: Article, text: string): boolean {
  const body = plainWords(article.paragraphs.join(" ")).join(" ");
  if (body.includes(plainWords(text).join(" "))) return true;
  const want = new Set(plainWords(text));
  return article.paragraphs
    .flatMap((p) => p.split(/(?<=[.!?]["”’]?)\s+/))
    .some((s) => {
      const got = new Set(plainWords(s));
      let inter = 0;
      for (const w of want) if (got.has(w)) inter++;
      return inter / (want.size + got.size - inter) >= 0.6;
    });
}

/** A temporary folder with the given files; remove() deletes it. */
export function tempCorpus(files: Record<string, string>): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "summit-core-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * True when two points say the same thing: the same words up to case and punctuation, or one's distinct
 * words nearly all (≥ 85%) in the other. Exact string comparison lets "X said Y." and "X said Y" through.
 */
export function sameStatement(a: string, b: string): boolean {
  const wa = new Set(plainWords(a));
  const wb = new Set(plainWords(b));
  let inter = 0;
  for (const w of wa) if (wb.has(w)) inter++;
  return inter / Math.max(1, Math.min(wa.size, wb.size)) >= 0.85;
}

/** Fails naming the pair when two of the points say the same thing. */
export function distinctStatements(points: readonly { text: string }[]): string | null {
  for (let i = 0; i < points.length; i++)
    for (let j = i + 1; j < points.length; j++)
      if (sameStatement(points[i]!.text, points[j]!.text)) return `${points[i]!.text} ≈ ${points[j]!.text}`;
  return null;
}
