/**
 * The LLM engine: wraps the extractive engine, asks it for the same evidence, has the model write
 * from that evidence only, checks every citation (verify.ts), and falls back to the extractive
 * result whenever anything goes wrong or the deadline comes first.
 *
 * Deadline: min(the configured `timeoutMs`, the caller's `opts.signal`). The extractive result is
 * computed first, so it can be returned the moment the deadline passes, whatever the HTTP request
 * is doing (the request is aborted as well).
 *
 * Enough verified content: a reply is used when at least `minPoints` points (fewer if the extractive
 * result itself has fewer) AND at least half of the points the model proposed pass verification;
 * failing points are dropped. Otherwise the whole extractive result is returned.
 */
import type OpenAI from "openai";
import { APIError } from "openai";
import type { ZodType } from "zod";
import type {
  Answer,
  AskOptions,
  Briefing,
  BriefOptions,
  Clock,
  Digest,
  DigestOptions,
  Engine,
  Evidence,
  EvidenceProvider,
  Passage,
  Point,
  Source,
  Story,
} from "../model.ts";
import { systemClock } from "../model.ts";
import { hashJson, LruCache, type ResultCache } from "./cache.ts";
import {
  completeWithinDeadline,
  DEFAULT_RETRY,
  type FailureKind,
  failureKind,
  type RetryPolicy,
} from "./call.ts";
import { neutraliseMentions } from "./mentions.ts";
import { buildMessages, shownPassages } from "./messages.ts";
import type { Prompt, PromptName, Prompts } from "./prompts.ts";
import {
  type AnswerOutput,
  answerOutput,
  type BriefingOutput,
  briefingOutput,
  type CitedText,
  type DigestOutput,
  digestOutput,
  InvalidOutputError,
  parseOutput,
  responseFormat,
} from "./schemas.ts";
import { DEFAULT_RULE, lowercaseVocabulary, type VerifyRule, verifyCited } from "./verify.ts";

/** pino-compatible subset, so the core never imports the logger. */
export interface LlmLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export type LlmResult =
  | { kind: "briefing"; value: Briefing }
  | { kind: "answer"; value: Answer }
  | { kind: "digest"; value: Digest };

/** Why a request ended the way it did; passed to `onOutcome` (metrics, tests). */
export interface LlmOutcome {
  kind: PromptName;
  engine: "llm" | "extractive";
  /** "used", "cached", "skipped" (nothing to write from), or the failure that caused the fallback. */
  reason: "used" | "cached" | "skipped" | "not_enough_verified" | "not_found" | FailureKind;
  attempts: number;
  dropped: { text: string; reason: string }[];
}

export interface LlmEngineDeps {
  base: Engine & EvidenceProvider;
  client: OpenAI;
  model: string;
  /** The longest the LLM may take per request; the caller's signal may cut it shorter. */
  timeoutMs: number;
  maxTokens: number;
  prompts: Prompts;
  clock?: Clock;
  logger?: LlmLogger;
  cache?: ResultCache<LlmResult>;
  retry?: Partial<RetryPolicy>;
  rule?: Partial<VerifyRule>;
  /** Minimum verified points for a briefing (default 2) or a digest (default 2). */
  minPoints?: number;
  /** At most this many passages are shown to the model (default 40). */
  maxPassages?: number;
  temperature?: number;
  onOutcome?: (outcome: LlmOutcome) => void;
}

const silent: LlmLogger = { info() {}, warn() {} };

interface Shown {
  passages: Passage[];
  byN: Map<number, Passage>;
  vocabulary: Set<string>;
  sourceById: Map<string, Source>;
}

/** A validated reply that is not used, and why. */
class Rejected {
  readonly reason: "not_enough_verified" | "not_found";
  constructor(reason: "not_enough_verified" | "not_found") {
    this.reason = reason;
  }
}

class Outcome {
  attempts = 0;
  readonly dropped: { text: string; reason: string }[] = [];
}

/**
 * What a failure's log line says. An API error's message is never logged: servers echo request
 * details (some echo the API key) into it; its class, status, type and code say enough.
 */
function describeError(err: unknown): Record<string, unknown> {
  if (err instanceof APIError) {
    return { error: err.constructor.name, status: err.status, type: err.type, code: err.code };
  }
  if (err instanceof Error) return { error: err.name, message: err.message.slice(0, 200) };
  return { error: String(err).slice(0, 200) };
}

function unique<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}

export function createLlmEngine(deps: LlmEngineDeps): Engine {
  const { base, client, model, prompts } = deps;
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger ?? silent;
  const cache = deps.cache ?? new LruCache<LlmResult>(500);
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...deps.retry };
  const rule: VerifyRule = { ...DEFAULT_RULE, ...deps.rule };
  const minPoints = deps.minPoints ?? 2;
  const maxPassages = deps.maxPassages ?? 40;

  function show(evidence: Evidence): Shown {
    const passages = shownPassages(evidence, maxPassages);
    return {
      passages,
      byN: new Map(passages.map((p) => [p.n, p])),
      vocabulary: lowercaseVocabulary(passages),
      sourceById: new Map(evidence.sources.map((s) => [s.id, s])),
    };
  }

  /** Verifies one cited sentence; returns it as a Point (mentions neutralised) or records the drop. */
  function verifyPoint(c: CitedText, shown: Shown, outcome: Outcome): Point | null {
    // Mentions are neutralised first, so markup like <@U123> is neither posted nor counted as a name.
    const text = neutraliseMentions(c.text);
    const v = verifyCited(text, c.passages, shown.byN, shown.vocabulary, rule);
    if (!v.ok) {
      outcome.dropped.push({ text: text.slice(0, 200), reason: v.reason });
      return null;
    }
    return { text, sources: unique(v.passages.map((p) => p.sourceId)) };
  }

  /** A short line (headline, story title) checked against the given passages, or null. */
  function verifyLine(text: string, passageNumbers: number[], shown: Shown): string | null {
    const clean = neutraliseMentions(text);
    const v = verifyCited(clean, passageNumbers, shown.byN, shown.vocabulary, { ...rule, maxChars: 160 });
    return v.ok ? clean : null;
  }

  function enough(verified: number, proposed: number, floor: number): boolean {
    return verified >= floor && verified * 2 >= proposed;
  }

  /** Sources in first-appearance order over the given id lists, resolved from evidence then base. */
  function sourcesFor(ids: string[], shown: Shown, baseSources: Source[]): Source[] {
    const byId = new Map(baseSources.map((s) => [s.id, s]));
    const out: Source[] = [];
    for (const id of unique(ids)) {
      const s = shown.sourceById.get(id) ?? byId.get(id);
      if (s) out.push(s);
    }
    return out;
  }

  /**
   * Runs the model for one request under the deadline. `build` turns the validated output into the
   * final result, or returns a reason string when there is not enough verified content.
   */
  async function run<O, R>(args: {
    kind: PromptName;
    prompt: Prompt;
    task: string;
    request: Record<string, string | undefined>;
    evidence: Evidence;
    fallback: R;
    signal: AbortSignal | undefined;
    schema: ZodType<O>;
    build: (output: O, shown: Shown, outcome: Outcome) => R | Rejected;
    wrap: (value: R) => LlmResult;
    unwrap: (r: LlmResult) => R | undefined;
  }): Promise<R> {
    const outcome = new Outcome();
    const report = (engine: "llm" | "extractive", reason: LlmOutcome["reason"]) => {
      deps.onOutcome?.({
        kind: args.kind,
        engine,
        reason,
        attempts: outcome.attempts,
        dropped: outcome.dropped,
      });
    };
    const shown = show(args.evidence);
    if (shown.passages.length === 0 || args.signal?.aborted) {
      report("extractive", args.signal?.aborted ? "aborted" : "skipped");
      return args.fallback;
    }
    const key = hashJson({
      prompt: args.prompt.id,
      model,
      request: args.request,
      evidence: hashJson({ passages: shown.passages, sources: args.evidence.sources }),
    });
    const hit = cache.get(key);
    const cached = hit ? args.unwrap(hit) : undefined;
    if (cached !== undefined) {
      report("llm", "cached");
      return structuredClone(cached);
    }

    const controller = new AbortController();
    const deadlineMs = clock.now().getTime() + deps.timeoutMs;
    const onCallerAbort = () => controller.abort(args.signal?.reason);
    args.signal?.addEventListener("abort", onCallerAbort, { once: true });
    const timer = setTimeout(() => controller.abort(new Error("LLM deadline")), deps.timeoutMs);
    const deadline = new Promise<"deadline">((resolve) => {
      if (controller.signal.aborted) resolve("deadline");
      controller.signal.addEventListener("abort", () => resolve("deadline"), { once: true });
    });

    const work = (async (): Promise<R | Rejected> => {
      const messages = buildMessages(args.prompt, args.task, args.request, args.evidence, shown.passages);
      const completion = await completeWithinDeadline(
        client,
        {
          model,
          messages,
          response_format: responseFormat(args.kind),
          max_completion_tokens: deps.maxTokens,
          ...(deps.temperature !== undefined ? { temperature: deps.temperature } : {}),
        },
        {
          deadlineMs,
          now: () => clock.now().getTime(),
          signal: controller.signal,
          policy,
          onRetry: (info) => {
            outcome.attempts = info.attempt + 1;
            logger.info({ llm: { request: args.kind, ...info } }, "LLM request failed; retrying");
          },
        },
      );
      outcome.attempts = Math.max(outcome.attempts, 1);
      const choice = completion.choices[0];
      if (choice?.finish_reason === "length")
        throw new InvalidOutputError("reply cut off at the token limit");
      if (choice?.message.refusal) throw new InvalidOutputError("the model refused");
      const output = parseOutput(args.schema, choice?.message.content);
      return args.build(output, shown, outcome);
    })();
    // The race below may leave `work` running until its request is aborted; never let it reject unhandled.
    work.catch(() => {});

    try {
      const result = await Promise.race([work, deadline]);
      if (result === "deadline") {
        logger.warn(
          { llm: { kind: args.kind, timeoutMs: deps.timeoutMs } },
          "LLM deadline passed; extractive reply",
        );
        report("extractive", args.signal?.aborted ? "aborted" : "timeout");
        return args.fallback;
      }
      if (result instanceof Rejected) {
        logger.warn(
          { llm: { kind: args.kind, reason: result.reason, dropped: outcome.dropped } },
          "LLM reply not used; extractive reply",
        );
        report("extractive", result.reason);
        return args.fallback;
      }
      if (outcome.dropped.length > 0) {
        logger.info(
          { llm: { kind: args.kind, dropped: outcome.dropped } },
          "LLM points dropped by verification",
        );
      }
      cache.set(key, args.wrap(result));
      report("llm", "used");
      return result;
    } catch (err) {
      const kind = controller.signal.aborted && !args.signal?.aborted ? "timeout" : failureKind(err);
      logger.warn(
        { llm: { kind: args.kind, failure: kind, ...describeError(err) } },
        "LLM request failed; extractive reply",
      );
      report("extractive", kind);
      return args.fallback;
    } finally {
      clearTimeout(timer);
      args.signal?.removeEventListener("abort", onCallerAbort);
      if (!controller.signal.aborted) controller.abort(new Error("LLM request finished"));
    }
  }

  function buildBriefing(fallback: Briefing) {
    return (out: BriefingOutput, shown: Shown, outcome: Outcome): Briefing | Rejected => {
      const cited: number[] = [];
      const points: Point[] = [];
      for (const c of out.points.slice(0, 8)) {
        const p = verifyPoint(c, shown, outcome);
        if (!p) continue;
        points.push(p);
        cited.push(...c.passages);
      }
      const floor = Math.max(1, Math.min(minPoints, fallback.points.length));
      if (!enough(points.length, Math.min(out.points.length, 8), floor))
        return new Rejected("not_enough_verified");
      const headline = verifyLine(out.headline, unique(cited), shown) ?? fallback.headline;
      const ids = [
        ...points.flatMap((p) => p.sources),
        ...fallback.disagreements.flatMap((d) => d.claims.flatMap((c) => c.sources)),
      ];
      return {
        ...fallback,
        headline,
        points,
        sources: sourcesFor(ids, shown, fallback.sources),
        engine: "llm",
      };
    };
  }

  function buildAnswer(fallback: Answer) {
    return (out: AnswerOutput, shown: Shown, outcome: Outcome): Answer | Rejected => {
      if (!out.found) return new Rejected("not_found");
      const answer = verifyPoint(out.answer, shown, outcome);
      if (!answer) return new Rejected("not_enough_verified");
      const points: Point[] = [];
      for (const c of out.points.slice(0, 6)) {
        const p = verifyPoint(c, shown, outcome);
        if (p) points.push(p);
      }
      if (!enough(points.length, Math.min(out.points.length, 6), 0))
        return new Rejected("not_enough_verified");
      const ids = [...answer.sources, ...points.flatMap((p) => p.sources)];
      return {
        ...fallback,
        found: true,
        answer: answer.text,
        // The answer sentence's own citations are shown as its first point when no point repeats them.
        points: points.length > 0 ? points : [answer],
        sources: sourcesFor(ids, shown, fallback.sources),
        engine: "llm",
      };
    };
  }

  function buildDigest(fallback: Digest) {
    return (out: DigestOutput, shown: Shown, outcome: Outcome): Digest | Rejected => {
      const stories: Story[] = [];
      let proposed = 0;
      for (const s of out.stories.slice(0, 6)) {
        const points: Point[] = [];
        const cited: number[] = [];
        for (const c of s.points.slice(0, 4)) {
          proposed++;
          const p = verifyPoint(c, shown, outcome);
          if (!p) continue;
          points.push(p);
          cited.push(...c.passages);
        }
        if (points.length === 0) continue;
        const firstSource = shown.sourceById.get(points[0]!.sources[0] ?? "");
        const title = verifyLine(s.title, unique(cited), shown) ?? firstSource?.title ?? points[0]!.text;
        stories.push({ title: neutraliseMentions(title), points });
      }
      const verified = stories.reduce((n, s) => n + s.points.length, 0);
      const basePoints = fallback.stories.reduce((n, s) => n + s.points.length, 0);
      const floor = Math.max(1, Math.min(minPoints, basePoints));
      if (!enough(verified, proposed, floor)) return new Rejected("not_enough_verified");
      const ids = stories.flatMap((s) => s.points.flatMap((p) => p.sources));
      return { ...fallback, stories, sources: sourcesFor(ids, shown, fallback.sources), engine: "llm" };
    };
  }

  return {
    async brief(topic: string, opts?: BriefOptions): Promise<Briefing> {
      const fallback = await base.brief(topic, opts);
      if (!fallback.found) return fallback;
      return run({
        kind: "briefing",
        prompt: prompts.briefing,
        task: "Write a briefing on the topic in the request block, from the evidence passages only.",
        request: { topic },
        evidence: base.briefEvidence(topic),
        fallback,
        signal: opts?.signal,
        schema: briefingOutput,
        build: buildBriefing(fallback),
        wrap: (value) => ({ kind: "briefing", value }),
        unwrap: (r) => (r.kind === "briefing" ? r.value : undefined),
      });
    },

    async ask(question: string, opts?: AskOptions): Promise<Answer> {
      const fallback = await base.ask(question, opts);
      if (!fallback.found) return fallback;
      const evidenceOpts: { context?: string; history?: string[] } = {};
      if (opts?.context !== undefined) evidenceOpts.context = opts.context;
      if (opts?.history !== undefined) evidenceOpts.history = opts.history;
      return run({
        kind: "answer",
        prompt: prompts.answer,
        task: "Answer the question in the request block, from the evidence passages only.",
        request: {
          question,
          "thread topic": opts?.context,
          "earlier questions": opts?.history?.join(" | "),
        },
        evidence: base.askEvidence(question, evidenceOpts),
        fallback,
        signal: opts?.signal,
        schema: answerOutput,
        build: buildAnswer(fallback),
        wrap: (value) => ({ kind: "answer", value }),
        unwrap: (r) => (r.kind === "answer" ? r.value : undefined),
      });
    },

    async digest(opts?: DigestOptions): Promise<Digest> {
      const fallback = await base.digest(opts);
      if (!fallback.found) return fallback;
      const evidenceOpts: { since?: Date; topics?: string[] } = {};
      if (opts?.since !== undefined) evidenceOpts.since = opts.since;
      if (opts?.topics !== undefined) evidenceOpts.topics = opts.topics;
      return run({
        kind: "digest",
        prompt: prompts.digest,
        task: "Write the digest of the news in the evidence passages.",
        request: { since: opts?.since?.toISOString(), topics: opts?.topics?.join(", ") },
        evidence: base.digestEvidence(evidenceOpts),
        fallback,
        signal: opts?.signal,
        schema: digestOutput,
        build: buildDigest(fallback),
        wrap: (value) => ({ kind: "digest", value }),
        unwrap: (r) => (r.kind === "digest" ? r.value : undefined),
      });
    },

    suggestTopics(prefix: string, limit?: number): string[] {
      return base.suggestTopics(prefix, limit);
    },

    async warmUp(): Promise<void> {
      await base.warmUp?.();
    },
  };
}
