/**
 * A small stand-in for the extractive engine: Engine & EvidenceProvider over hand-made passages.
 * Its "extractive" results are the first passages verbatim, so tests can tell them apart from LLM text.
 */
import type {
  Answer,
  Briefing,
  Digest,
  Engine,
  Evidence,
  EvidenceProvider,
  Passage,
  Point,
  Source,
} from "../../src/model.ts";

export interface FakeCorpus {
  sources: Source[];
  /** Passage texts with their source ids; numbered 1.. in this order. */
  passages: { sourceId: string; text: string }[];
}

export const PORT_STRIKE: FakeCorpus = {
  sources: [
    {
      id: "harbour-times",
      title: "Halden dockers strike",
      publisher: "Harbour Times",
      date: "2024-03-02",
      location: "harbour.txt",
    },
    {
      id: "daily-ledger",
      title: "Port says ferries still run",
      publisher: "Daily Ledger",
      date: "2024-03-03",
      location: "ledger.txt",
    },
  ],
  passages: [
    {
      sourceId: "harbour-times",
      text: "Dock workers at the Port of Halden began a 48-hour strike on Monday over pay.",
    },
    {
      sourceId: "harbour-times",
      text: "The union said about 1,200 workers had walked out, halting container traffic.",
    },
    {
      sourceId: "daily-ledger",
      text: "Port managers put the number of strikers at 900 and said ferries were still running.",
    },
    {
      sourceId: "daily-ledger",
      text: "Transport minister Elin Sorvik urged both sides to return to talks by Friday.",
    },
    {
      sourceId: "harbour-times",
      text: "Union leader Marta Holm said the workers wanted “a fair share of record profits”.",
    },
  ],
};

/** A model reply to a PORT_STRIKE briefing whose every point the verifier accepts. */
export const GOOD_BRIEFING = {
  headline: "Halden dock workers strike over pay",
  points: [
    { text: "Dock workers at the Port of Halden began a 48-hour strike over pay on Monday.", passages: [1] },
    {
      text: "The union said about 1,200 workers walked out, while port managers put the number of strikers at 900.",
      passages: [2, 3],
    },
    { text: "Transport minister Elin Sorvik urged both sides to return to talks by Friday.", passages: [4] },
  ],
};

export interface FakeBase extends Engine, EvidenceProvider {
  calls: string[];
}

export function fakeBase(corpus: FakeCorpus): FakeBase {
  const passages: Passage[] = corpus.passages.map((p, i) => ({ n: i + 1, ...p }));
  const evidence = (query: string): Evidence => ({ query, passages, sources: corpus.sources });
  const extractivePoints = (): Point[] =>
    passages.slice(0, 3).map((p) => ({ text: p.text, sources: [p.sourceId] }));
  const found = passages.length > 0;
  const calls: string[] = [];
  return {
    calls,
    async brief(topic): Promise<Briefing> {
      calls.push(`brief:${topic}`);
      return {
        topic,
        found,
        headline: found ? `Extractive briefing: ${topic}` : `Nothing about ${topic}`,
        points: found ? extractivePoints() : [],
        sources: found ? corpus.sources : [],
        disagreements: [],
        engine: "extractive",
        asOf: "2024-03-03",
      };
    },
    async ask(question): Promise<Answer> {
      calls.push(`ask:${question}`);
      return {
        question,
        found,
        answer: found ? passages[0]!.text : "The articles don't say.",
        points: found ? extractivePoints() : [],
        sources: found ? corpus.sources : [],
        engine: "extractive",
      };
    },
    async digest(): Promise<Digest> {
      calls.push("digest");
      return {
        since: null,
        found,
        summary: found ? `${corpus.sources.length} new articles` : "Nothing new.",
        stories: found ? [{ title: corpus.sources[0]!.title, points: extractivePoints() }] : [],
        sources: found ? corpus.sources : [],
        engine: "extractive",
        asOf: "2024-03-03",
      };
    },
    suggestTopics: () => [],
    briefEvidence: (topic) => evidence(topic),
    askEvidence: (question) => evidence(question),
    digestEvidence: () => evidence("digest"),
  };
}
