/** A scripted engine for adapter tests: returns whatever a test sets (huge briefings, failures) and records calls. */
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
