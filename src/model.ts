/**
 * The platform-neutral data the core produces and every adapter renders.
 * Nothing here knows about Slack, Discord, BullMQ or a terminal.
 */

/** One cleaned article of the corpus. */
export interface Article {
  /** Stable id: derived from the file's name (or the record id), never from its position. */
  id: string;
  title: string;
  publisher: string | null;
  /** ISO date (YYYY-MM-DD) when the text reveals it, else null. */
  date: string | null;
  /** Where it came from: a file path relative to the corpus, or a URL. */
  location: string;
  /** Clean body paragraphs, junk removed. */
  paragraphs: string[];
  /** When the article entered the corpus (ISO timestamp); digests go by this. */
  addedAt: string;
  /** The article's web address, when it has one (citations link to it). */
  url?: string;
  /** The byline's author, when known. */
  author?: string | null;
  /** The followed source (feed) it came from, when it came from one. */
  sourceId?: string | null;
}

/** A source as cited by a briefing, an answer or a digest. */
export interface Source {
  id: string;
  title: string;
  publisher: string | null;
  date: string | null;
  location: string;
  /** The article's web address, when it has one. */
  url?: string;
}

/** One key point: a sentence (or a merged set of near-identical sentences) and every source that says it. */
export interface Point {
  text: string;
  /** Source ids; each one's text contains the point (checked mechanically). */
  sources: string[];
}

/** One side of a disagreement between sources. */
export interface Claim {
  text: string;
  sources: string[];
  /** The figures or days this claim gives, as written ("around 10,000", "Thursday"). */
  values?: string[];
  /** Claims with the same side give values that can all be true together. */
  side?: number;
  /** The newest date among the claim's sources (ISO date), when they have dates. */
  date?: string;
  /** This side's reports are all later than every other side's: it likely supersedes them. */
  later?: boolean;
}

/** Sources that give conflicting figures or facts about the same thing. */
export interface Disagreement {
  /** What the claims are about, e.g. "North Korean labourers in Russia". */
  about: string;
  claims: Claim[];
}

/** Which engine wrote a reply. */
export type EngineName = "extractive" | "llm";

export interface Briefing {
  topic: string;
  found: boolean;
  headline: string;
  points: Point[];
  sources: Source[];
  disagreements: Disagreement[];
  engine: EngineName;
  /** Date of the newest article used (ISO date), for "articles up to …". */
  asOf: string | null;
}

export interface Answer {
  question: string;
  found: boolean;
  /** A short answer in prose; when found is false, says plainly that the articles don't say. */
  answer: string;
  points: Point[];
  sources: Source[];
  engine: EngineName;
}

/** A group of related articles within a digest. */
export interface Story {
  title: string;
  points: Point[];
  /** How many publishers reported it (two feeds of one site are one publisher); set by withPublisherCounts. */
  publishers?: number;
}

/** What a digest covers, as data: its first line is written from it by the catalogue (messages.digest_coverage). */
export interface DigestCoverage {
  /** Articles in range (added since the window start, about the topics). */
  inRange: number;
  /** Articles read: all in range, or an even sample across them. */
  read: number;
  /** The topics asked for (none: all the news). */
  topics: string[];
  /** The window start (ISO, to the second), or null for the whole corpus. */
  since: string | null;
  /** Stories shown. */
  stories: number;
  /** Every story found is shown (else only the biggest). */
  allShown: boolean;
}

export interface Digest {
  /** ISO timestamp of the window start, or null for the whole corpus. */
  since: string | null;
  found: boolean;
  /** The first line: what the digest covers, or that nothing is new (from the catalogue). */
  summary: string;
  /** What the summary says, as data (the extractive engine's digests carry it). */
  coverage?: DigestCoverage;
  stories: Story[];
  sources: Source[];
  engine: EngineName;
  asOf: string | null;
}

export interface BriefOptions {
  /** Abort when the caller's deadline has passed (LLM mode falls back to the extractive result). */
  signal?: AbortSignal;
}

export interface AskOptions {
  /** The thread's topic (e.g. the briefing's topic); steers retrieval. */
  context?: string;
  /** Earlier questions in the same thread, oldest first. */
  history?: string[];
  signal?: AbortSignal;
}

export interface DigestOptions {
  /** Only articles added at or after this time. */
  since?: Date;
  /** Restrict to these topics (any of them). */
  topics?: string[];
  signal?: AbortSignal;
}

/** What every adapter and the digest worker need from the core. */
export interface Engine {
  brief(topic: string, opts?: BriefOptions): Promise<Briefing>;
  ask(question: string, opts?: AskOptions): Promise<Answer>;
  digest(opts?: DigestOptions): Promise<Digest>;
  /** Topics the corpus covers that start with (or contain) the prefix, for autocomplete. */
  suggestTopics(prefix: string, limit?: number): string[];
  /** Builds lazily built state (topic suggestions) ahead of the first request; long-running processes only. */
  warmUp?(): Promise<void>;
}

/** A clock, passed in so tests control time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A numbered passage of evidence, as handed to a writer (extractive or LLM). */
export interface Passage {
  /** 1-based number, as shown to the writer. */
  n: number;
  sourceId: string;
  /** One clean sentence (or a short run of adjacent sentences) from the source. */
  text: string;
}

/** What the core retrieved for a request: the only material a writer may use. */
export interface Evidence {
  query: string;
  passages: Passage[];
  sources: Source[];
}

/** The extractive engine exposes its retrieval so another writer (the LLM) is grounded on the same evidence. */
export interface EvidenceProvider {
  briefEvidence(topic: string): Evidence;
  askEvidence(question: string, opts?: { context?: string; history?: string[] }): Evidence;
  digestEvidence(opts?: { since?: Date; topics?: string[] }): Evidence;
}
