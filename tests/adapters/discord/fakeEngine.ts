/**
 * Engines for adapter tests. `scriptedEngine` returns whatever a test sets (huge briefings, failures);
 * `keywordEngine` is a deliberately naive stand-in over any corpus of .txt files (sentence overlap with
 * the query), used until the real engine is available to the adapter tests.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Answer, Briefing, Digest, Engine, Point, Source } from "../../../src/model.ts";

export function briefingOf(
  topic: string,
  points: Point[],
  sources: Source[],
  extra: Partial<Briefing> = {},
): Briefing {
  return {
    topic,
    found: points.length > 0,
    headline:
      points.length > 0 ? `Briefing: ${topic}` : `I couldn't find anything about “${topic}” in the articles.`,
    points,
    sources,
    disagreements: [],
    engine: "extractive",
    asOf: "2019-04-25",
    ...extra,
  };
}

export interface ScriptedEngine extends Engine {
  onBrief: (topic: string) => Promise<Briefing>;
  onAsk: (question: string, context: string | undefined, history: string[]) => Promise<Answer>;
  topics: string[];
  calls: { method: string; arg: string; context?: string | undefined; history?: string[] }[];
}

export function scriptedEngine(): ScriptedEngine {
  const e: ScriptedEngine = {
    calls: [],
    topics: ["Kim Jong Un", "Vladivostok summit", "sanctions", "North Korean workers"],
    onBrief: async (topic) =>
      briefingOf(
        topic,
        [{ text: `Something about ${topic}.`, sources: ["a"] }],
        [
          {
            id: "a",
            title: "Article A",
            publisher: "Pub",
            date: "2019-04-25",
            location: "https://example.com/a",
          },
        ],
      ),
    onAsk: async (question) => ({
      question,
      found: true,
      answer: `An answer to ${question}`,
      points: [{ text: "A point.", sources: ["a"] }],
      sources: [
        { id: "a", title: "Article A", publisher: null, date: null, location: "https://example.com/a" },
      ],
      engine: "extractive",
    }),
    async brief(topic) {
      e.calls.push({ method: "brief", arg: topic });
      return e.onBrief(topic);
    },
    async ask(question, opts = {}) {
      e.calls.push({ method: "ask", arg: question, context: opts.context, history: opts.history ?? [] });
      return e.onAsk(question, opts.context, opts.history ?? []);
    },
    async digest() {
      return emptyDigest();
    },
    suggestTopics(prefix, limit = 25) {
      const p = prefix.toLowerCase();
      return e.topics.filter((t) => t.toLowerCase().includes(p)).slice(0, limit);
    },
  };
  return e;
}

function emptyDigest(): Digest {
  return {
    since: null,
    found: false,
    summary: "Nothing new.",
    stories: [],
    sources: [],
    engine: "extractive",
    asOf: null,
  };
}

const STOP = new Set(
  "a an the of in on at to for and or is are was were be by with from as that this it its how many what who when where why do does did".split(
    " ",
  ),
);

function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOP.has(w));
}

function stem(w: string): string {
  return w.replace(/(ers|ing|ed|es|s)$/, "");
}

/** A naive engine over a folder of text files: the sentences sharing the most query words, with their source. */
export function keywordEngine(dir: string): Engine {
  const docs = readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), "utf8");
      const lines = text.split("\n").map((l) => l.trim());
      const sentences = text
        .split(/(?<=[.!?])\s+|\n+/)
        .map((s) => s.trim())
        .filter((s) => s.length > 40 && s.length < 400);
      return { id: f.replace(/\.txt$/, ""), title: lines.find(Boolean) ?? f, location: f, sentences };
    });
  const search = (query: string, n: number) => {
    const q = new Set(words(query).map(stem));
    const hits: { text: string; id: string; score: number }[] = [];
    for (const d of docs) {
      for (const s of d.sentences) {
        const score = new Set(
          words(s)
            .map(stem)
            .filter((w) => q.has(w)),
        ).size;
        if (score > 0) hits.push({ text: s, id: d.id, score });
      }
    }
    hits.sort((a, b) => b.score - a.score);
    const seen = new Set<string>();
    return hits.filter((h) => !seen.has(h.text) && seen.add(h.text)).slice(0, n);
  };
  const sourcesOf = (ids: string[]): Source[] =>
    [...new Set(ids)].map((id) => {
      const d = docs.find((x) => x.id === id)!;
      return { id, title: d.title, publisher: null, date: null, location: d.location };
    });
  return {
    async brief(topic) {
      const hits = search(topic, 5);
      return briefingOf(
        topic,
        hits.map((h) => ({ text: h.text, sources: [h.id] })),
        sourcesOf(hits.map((h) => h.id)),
      );
    },
    async ask(question, opts = {}) {
      const hits = search(`${question} ${opts.context ?? ""}`, 3);
      return {
        question,
        found: hits.length > 0,
        answer: hits.length > 0 ? hits[0]!.text : "The articles don't say.",
        points: hits.map((h) => ({ text: h.text, sources: [h.id] })),
        sources: sourcesOf(hits.map((h) => h.id)),
        engine: "extractive",
      };
    },
    async digest() {
      return emptyDigest();
    },
    suggestTopics(prefix, limit = 25) {
      const p = prefix.toLowerCase();
      return docs
        .map((d) => d.title)
        .filter((t) => t.toLowerCase().includes(p))
        .slice(0, limit);
    },
  };
}
