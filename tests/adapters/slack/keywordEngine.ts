/**
 * A small stand-in Engine for the adapter's tests until the core engine is wired in: it reads a
 * folder of text files and picks the sentences sharing the most content words with the query. Generic
 * (any corpus), deliberately simple: the adapter's tests check delivery, not summarisation quality.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { splitSentences } from "../../../src/corpus/sentences.ts";
import type { Answer, Briefing, Digest, Engine, Point, Source } from "../../../src/model.ts";
import { contentStems } from "../../../src/text/tokens.ts";

interface Sentence {
  source: Source;
  text: string;
  stems: Set<string>;
}

export function createKeywordEngine(dir: string): Engine {
  const sentences: Sentence[] = [];
  const sources: Source[] = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith(".txt"))
    .sort()) {
    const text = readFileSync(join(dir, name), "utf8");
    const title =
      text
        .split("\n")
        .find((l) => l.trim() !== "")
        ?.trim() ?? name;
    const source: Source = {
      id: name.replace(/\.txt$/, ""),
      title,
      publisher: null,
      date: null,
      location: name,
    };
    sources.push(source);
    for (const para of text.split(/\n\s*\n/)) {
      for (const s of splitSentences(para.replace(/\s+/g, " ").trim())) {
        if (s.split(" ").length >= 6) sentences.push({ source, text: s, stems: new Set(contentStems(s)) });
      }
    }
  }
  const search = (query: string, limit: number): Point[] => {
    const q = new Set(contentStems(query));
    const seen = new Set<string>();
    return sentences
      .map((s) => ({ s, score: [...q].filter((w) => s.stems.has(w)).length }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score)
      .filter((x) => !seen.has(x.s.text) && seen.add(x.s.text))
      .slice(0, limit)
      .map((x) => ({ text: x.s.text, sources: [x.s.source.id] }));
  };
  const cited = (points: Point[]) => sources.filter((s) => points.some((p) => p.sources.includes(s.id)));
  return {
    async brief(topic): Promise<Briefing> {
      const points = search(topic, 5);
      return {
        topic,
        found: points.length > 0,
        headline: points.length > 0 ? `Briefing: ${topic}` : `No articles cover “${topic}”.`,
        points,
        sources: cited(points),
        disagreements: [],
        engine: "extractive",
        asOf: null,
      };
    },
    async ask(question, opts): Promise<Answer> {
      const points = search(`${question} ${opts?.context ?? ""}`, 3);
      return {
        question,
        found: points.length > 0,
        answer: points[0]?.text ?? "The articles don't say.",
        points,
        sources: cited(points),
        engine: "extractive",
      };
    },
    async digest(): Promise<Digest> {
      const points = sentences.slice(0, 3).map((s) => ({ text: s.text, sources: [s.source.id] }));
      return {
        since: null,
        found: true,
        summary: `${sources.length} articles.`,
        stories: [{ title: "Top story", points }],
        sources: cited(points),
        engine: "extractive",
        asOf: null,
      };
    },
    suggestTopics() {
      return [];
    },
  };
}
