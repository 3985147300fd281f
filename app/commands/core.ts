/**
 * Core commands: brief, ask, digest, ingest, summarize. With --json each prints exactly one JSON
 * object on stdout; without it, a readable rendering of the canonical Document.
 */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { renderTerminal } from "../../adapters/terminal/render.ts";
import { ingestFiles } from "../../src/corpus/ingest.ts";
import { CorpusError, parseJsonl } from "../../src/corpus/load.ts";
import { systemClock } from "../../src/model.ts";
import type { Document } from "../../src/present/document.ts";
import { answerToDocument, briefingToDocument, digestToDocument } from "../../src/present/fromCore.ts";
import { type ClusterDoc, summarizeCluster } from "../../src/summarize/index.ts";
import { loadConfig } from "../config.ts";
import { createEngine } from "../engine/create.ts";
import { UserError } from "../errors.ts";
import { createLogger } from "../logger.ts";
import { runDigestSend } from "./digests.ts";

interface CorpusOpts {
  corpus?: string;
  json?: boolean;
}

function corpusDir(opts: CorpusOpts): string {
  if (opts.corpus !== undefined) {
    if (!opts.corpus.trim()) throw new UserError("--corpus needs a folder");
    return opts.corpus;
  }
  return loadConfig().corpusDir;
}

function engineFor(opts: CorpusOpts) {
  try {
    const config = loadConfig();
    // LLM mode reports fallbacks on stderr; "LLM mode on" and other info lines only if LOG_LEVEL asks.
    const logger = createLogger(process.env.LOG_LEVEL ? config.logLevel : "warn");
    return createEngine({ ...config, corpusDir: corpusDir(opts) }, { logger });
  } catch (err) {
    if (err instanceof CorpusError) throw new UserError(err.message);
    throw err;
  }
}

function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

function printDoc(doc: Document): void {
  process.stdout.write(renderTerminal(doc, { color: process.stdout.isTTY === true, width: 100 }));
}

function joinWords(words: string[], what: string, example: string): string {
  const text = words.join(" ").trim();
  if (!text) throw new UserError(`empty ${what}: try \`${example}\``);
  return text;
}

function parseSince(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const t = Date.parse(value);
  if (!value.trim() || Number.isNaN(t))
    throw new UserError(`--since is not a date or time: "${value}" (use ISO, e.g. 2019-04-23T00:00:00Z)`);
  return new Date(t);
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new UserError(`--words must be a positive whole number, not "${value}"`);
  return n;
}

interface Cluster {
  id: string;
  query?: string;
  docs: ClusterDoc[];
}

function readClusters(path: string): Cluster[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new UserError(`cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? "error"})`);
  }
  let records: unknown[];
  try {
    records = parseJsonl(text, path);
  } catch (err) {
    throw new UserError((err as Error).message);
  }
  const lines = text.split("\n");
  const lineOf: number[] = [];
  lines.forEach((l, i) => {
    if (l.trim()) lineOf.push(i + 1);
  });
  return records.map((r, i) => {
    const v = r as Record<string, unknown>;
    const where = `${path}: line ${lineOf[i] ?? i + 1}`;
    if (!v || typeof v !== "object" || Array.isArray(v)) throw new UserError(`${where} is not a JSON object`);
    if (typeof v.id !== "string" && typeof v.id !== "number") throw new UserError(`${where} has no "id"`);
    if (!Array.isArray(v.docs)) throw new UserError(`${where} has no "docs" list`);
    const docs: ClusterDoc[] = v.docs.map((d: unknown, j: number) => {
      const doc = d as Record<string, unknown>;
      if (!doc || typeof doc.text !== "string") throw new UserError(`${where}: doc ${j + 1} has no "text"`);
      const out: ClusterDoc = { text: doc.text };
      if (typeof doc.title === "string") out.title = doc.title;
      if (typeof doc.date === "string") out.date = doc.date;
      return out;
    });
    const cluster: Cluster = { id: String(v.id), docs };
    if (typeof v.query === "string") cluster.query = v.query;
    return cluster;
  });
}

export function registerCoreCommands(program: Command): void {
  program
    .command("brief")
    .description("a cited briefing on a topic")
    .argument("[topic...]", "what to brief on")
    .option("--json", "print the briefing as one JSON object")
    .option("--corpus <dir>", "folder of articles (default: SUMMIT_CORPUS or seeds/)")
    .action(async (words: string[], opts: CorpusOpts) => {
      const topic = joinWords(words, "topic", "summit brief laborers");
      const engine = engineFor(opts);
      const briefing = await engine.brief(topic);
      if (opts.json) printJson(briefing);
      else printDoc(briefingToDocument(briefing));
    });

  program
    .command("ask")
    .description("a cited answer to a question about the articles")
    .argument("[question...]", "the question")
    .option("--context <topic>", "the topic the question is about (steers retrieval)")
    .option("--json", "print the answer as one JSON object")
    .option("--corpus <dir>", "folder of articles (default: SUMMIT_CORPUS or seeds/)")
    .action(async (words: string[], opts: CorpusOpts & { context?: string }) => {
      const question = joinWords(words, "question", 'summit ask "How many workers are there?"');
      const engine = engineFor(opts);
      const answer = await engine.ask(question, opts.context ? { context: opts.context } : {});
      if (opts.json) printJson(answer);
      else printDoc(answerToDocument(answer));
    });

  program
    .command("digest")
    .description("an overview of the corpus by story (`digest send ID` delivers a subscription's digest now)")
    .argument("[action...]", "`send ID` to deliver a subscription's digest now")
    .option("--since <iso>", "only articles added at or after this time")
    .option("--topics <list>", "only these topics (comma-separated)")
    .option("--json", "print the digest as one JSON object")
    .option("--corpus <dir>", "folder of articles (default: SUMMIT_CORPUS or seeds/)")
    .action(async (action: string[], opts: CorpusOpts & { since?: string; topics?: string }) => {
      if (action.length > 0) {
        if (action[0] !== "send")
          throw new UserError(`unknown digest action "${action[0]}" (did you mean \`digest send ID\`?)`);
        const id = action[1]?.trim();
        if (!id || action.length > 2) throw new UserError("usage: summit digest send ID");
        await runDigestSend(id);
        return;
      }
      const since = parseSince(opts.since);
      const topics = (opts.topics ?? "")
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean);
      const engine = engineFor(opts);
      const digestOpts: { since?: Date; topics?: string[] } = {};
      if (since) digestOpts.since = since;
      if (topics.length > 0) digestOpts.topics = topics;
      const digest = await engine.digest(digestOpts);
      if (opts.json) printJson(digest);
      else printDoc(digestToDocument(digest));
    });

  program
    .command("ingest")
    .description("add article files to the corpus (skips ones it already has)")
    .argument("[paths...]", "article files or folders (.txt, .md, .html)")
    .option("--corpus <dir>", "folder of articles (default: SUMMIT_CORPUS or seeds/)")
    .option("--json", "print the result as one JSON object")
    .action((paths: string[], opts: CorpusOpts) => {
      if (paths.length === 0) throw new UserError("nothing to ingest: give one or more article files");
      let result: ReturnType<typeof ingestFiles>;
      try {
        result = ingestFiles(corpusDir(opts), paths, systemClock);
      } catch (err) {
        if (err instanceof CorpusError) throw new UserError(err.message);
        throw err;
      }
      if (opts.json) {
        printJson(result);
        return;
      }
      const lines = [
        ...result.added.map((a) => `added ${a.path} as ${a.id}`),
        ...result.skipped.map((s) =>
          s.similarity >= 0.999
            ? `skipped ${s.path}: same text as ${s.duplicateOf}`
            : `skipped ${s.path}: near-identical to ${s.duplicateOf} (${Math.round(s.similarity * 100)}% shared)`,
        ),
        `${result.added.length} added, ${result.skipped.length} skipped`,
      ];
      process.stdout.write(`${lines.join("\n")}\n`);
    });

  program
    .command("summarize")
    .description("summarize news clusters from a JSONL file (one {id, summary} line per cluster)")
    .requiredOption("--input <file>", "JSONL of clusters: {id, query?, docs: [{title?, date?, text}]}")
    .option("--words <n>", "word budget per summary", "100")
    .option("--query", "steer each summary by its cluster's query")
    .action((opts: { input: string; words: string; query?: boolean }) => {
      const words = positiveInt(opts.words);
      for (const c of readClusters(opts.input)) {
        const sumOpts: { words: number; query?: string } = { words };
        if (opts.query && c.query) sumOpts.query = c.query;
        const sentences = summarizeCluster(c.docs, sumOpts);
        process.stdout.write(`${JSON.stringify({ id: c.id, summary: sentences.join("\n") })}\n`);
      }
    });
}
