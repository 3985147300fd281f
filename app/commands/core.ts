/**
 * Core commands: brief, ask, digest, ingest, summarize. Brief, ask and digest call the same use cases
 * as Slack and Discord (usecases/); with --json each prints exactly one JSON object on stdout, without
 * it the terminal adapter renders the reply. Each action imports what it runs (app/cli.ts).
 */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { inputError } from "../../src/errors.ts";
import type { Document } from "../../src/present/document.ts";
import type { ClusterDoc } from "../../src/summarize/index.ts";
import { CLI_SCOPE } from "../../usecases/scope.ts";
import { CLI_DEADLINE_MS, type CliContext, println } from "./context.ts";

interface CorpusOpts {
  corpus?: string;
  json?: boolean;
}

async function corpusDir(opts: CorpusOpts, ctx: CliContext): Promise<string> {
  if (opts.corpus !== undefined) {
    if (!opts.corpus.trim()) throw inputError("missing_corpus_folder");
    return opts.corpus;
  }
  return (await ctx.config()).corpusDir;
}

/** The engine over --corpus, else over the shared store (SUMMIT_STORE=redis), else over SUMMIT_CORPUS. */
async function engineFor(opts: CorpusOpts, ctx: CliContext) {
  return ctx.engine(opts.corpus === undefined ? undefined : await corpusDir(opts, ctx));
}

function printJson(ctx: CliContext, value: unknown): void {
  println(ctx.out, JSON.stringify(value));
}

/** A use case's outcome: its data as one JSON object with --json, else its reply for a person. */
function show(ctx: CliContext, json: boolean | undefined, data: unknown, reply: Document): void {
  if (json) printJson(ctx, data);
  else ctx.terminal.write(reply);
}

const deadline = { deadlineMs: CLI_DEADLINE_MS };

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw inputError("invalid_words", value);
  return n;
}

interface Cluster {
  id: string;
  query?: string;
  docs: ClusterDoc[];
}

async function readClusters(path: string): Promise<Cluster[]> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw inputError("cannot_read", path, (err as NodeJS.ErrnoException).code ?? "error");
  }
  const { parseJsonl } = await import("../../src/corpus/load.ts");
  const records = parseJsonl(text, path);
  const lines = text.split("\n");
  const lineOf: number[] = [];
  lines.forEach((l, i) => {
    if (l.trim()) lineOf.push(i + 1);
  });
  return records.map((r, i) => {
    const v = r as Record<string, unknown>;
    const where = `${path}: line ${lineOf[i] ?? i + 1}`;
    const bad = (problem: string) => inputError("bad_cluster_line", where, problem);
    if (!v || typeof v !== "object" || Array.isArray(v)) throw bad("is not a JSON object");
    if (typeof v.id !== "string" && typeof v.id !== "number") throw bad('has no "id"');
    if (!Array.isArray(v.docs)) throw bad('has no "docs" list');
    const docs: ClusterDoc[] = v.docs.map((d: unknown, j: number) => {
      const doc = d as Record<string, unknown>;
      if (!doc || typeof doc.text !== "string") throw bad(`doc ${j + 1} has no "text"`);
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

const CORPUS_HELP = "folder of articles (default: SUMMIT_CORPUS or seeds/)";

export function registerCoreCommands(program: Command, ctx: CliContext): void {
  program
    .command("brief")
    .description("a cited briefing on a topic")
    .argument("[topic...]", "what to brief on")
    .option("--json", "print the briefing as one JSON object")
    .option("--corpus <dir>", CORPUS_HELP)
    .action(async (words: string[], opts: CorpusOpts) => {
      const engine = await engineFor(opts, ctx);
      const { brief } = await import("../../usecases/brief.ts");
      const { reply, briefing } = await brief({ topic: words.join(" ") }, CLI_SCOPE, { engine, ...deadline });
      show(ctx, opts.json, briefing, reply);
    });

  program
    .command("ask")
    .description("a cited answer to a question about the articles")
    .argument("[question...]", "the question")
    .option("--context <topic>", "the topic the question is about (steers retrieval)")
    .option("--json", "print the answer as one JSON object")
    .option("--corpus <dir>", CORPUS_HELP)
    .action(async (words: string[], opts: CorpusOpts & { context?: string }) => {
      const engine = await engineFor(opts, ctx);
      const { ask } = await import("../../usecases/ask.ts");
      const thread = opts.context ? { topic: opts.context, history: [] } : null;
      const { reply, answer } = await ask({ question: words.join(" "), thread }, CLI_SCOPE, {
        engine,
        ...deadline,
      });
      show(ctx, opts.json, answer, reply);
    });

  program
    .command("digest")
    .description("an overview of the corpus by story (`digest send ID` delivers a subscription's digest now)")
    .argument("[action...]", "`send ID` to deliver a subscription's digest now")
    .option("--since <iso>", "only articles added at or after this time")
    .option("--topics <list>", "only these topics (comma-separated)")
    .option("--json", "print the digest as one JSON object")
    .option("--corpus <dir>", CORPUS_HELP)
    .action(async (action: string[], opts: CorpusOpts & { since?: string; topics?: string }) => {
      if (action.length > 0) {
        if (action[0] !== "send") throw inputError("unknown_digest_action", action[0] ?? "");
        const id = action[1]?.trim();
        if (!id || action.length > 2) throw inputError("digest_send_usage");
        const { runDigestSend } = await import("./digests.ts");
        await runDigestSend(id, ctx);
        return;
      }
      const input = {
        ...(opts.since !== undefined ? { since: opts.since } : {}),
        ...(opts.topics !== undefined ? { topics: opts.topics } : {}),
      };
      const engine = await engineFor(opts, ctx);
      const { previewDigest } = await import("../../usecases/digestPreview.ts");
      const { reply, digest } = await previewDigest(input, CLI_SCOPE, { engine, ...deadline });
      show(ctx, opts.json, digest, reply);
    });

  program
    .command("ingest")
    .description("add article files or pages to the corpus, or the shared store (skips ones it already has)")
    .argument("[paths...]", "article files or folders (.txt, .md, .html), or article URLs")
    .option("--corpus <dir>", CORPUS_HELP)
    .option("--json", "print the result as one JSON object")
    .action(async (paths: string[], opts: CorpusOpts) => {
      const { runIngest } = await import("./ingest.ts");
      const result = await runIngest(
        paths,
        opts.corpus === undefined ? undefined : await corpusDir(opts, ctx),
        ctx,
      );
      if (opts.json) {
        printJson(ctx, result);
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
      println(ctx.out, lines.join("\n"));
    });

  program
    .command("summarize")
    .description("summarize news clusters from a JSONL file (one {id, summary} line per cluster)")
    .requiredOption("--input <file>", "JSONL of clusters: {id, query?, docs: [{title?, date?, text}]}")
    .option("--words <n>", "word budget per summary", "100")
    .option("--query", "steer each summary by its cluster's query")
    .action(async (opts: { input: string; words: string; query?: boolean }) => {
      const words = positiveInt(opts.words);
      const clusters = await readClusters(opts.input);
      const { summarizeCluster } = await import("../../src/summarize/index.ts");
      for (const c of clusters) {
        const sumOpts: { words: number; query?: string } = { words };
        if (opts.query && c.query) sumOpts.query = c.query;
        const sentences = summarizeCluster(c.docs, sumOpts);
        printJson(ctx, { id: c.id, summary: sentences.join("\n") });
      }
    });
}
