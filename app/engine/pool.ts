/**
 * The engine, run in worker threads: an `Engine` whose brief / ask / digest are sent by message to a
 * small pool of threads (app/engine/worker.ts). The corpus is loaded once, here, into one compact
 * index (src/search/segments.ts) whose segments live on SharedArrayBuffers: every thread reads them in
 * place; this thread is the one writer (live changes, seals, merges) and sends each thread the changes
 * and the new segment lists. The main event loop then only reads, verifies and acknowledges requests and sends
 * replies: a briefing's milliseconds of CPU no longer sit in front of the next Slack ack (3 s limit).
 *
 *   const engine = await createEnginePool({ config, size: 2, log });   // resolves once every thread has loaded
 *   await engine.brief("sanctions");
 *   await engine.close();                                               // shutdown
 *
 * Each call goes to the thread with the fewest calls in flight. A caller's AbortSignal works as
 * in-process: the call rejects with its reason at once and the thread's own signal is aborted. A
 * thread that dies fails its calls (with the reason) and is replaced. `suggestTopics` stays
 * synchronous: the threads send the corpus's ranked topics once, and suggestions are picked here.
 * Memory: one index per process; a thread adds its caches and the unsealed newest articles only
 * (`SUMMIT_ENGINE_THREADS`, see app/config.ts; 0 = in-process).
 * The server uses it; the CLI does not (one request per process, no event loop to keep free).
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { streamCorpus } from "../../src/corpus/load.ts";
import { suggestFromRanked } from "../../src/engine/topics.ts";
import type {
  Answer,
  Article,
  AskOptions,
  Briefing,
  BriefOptions,
  Digest,
  DigestOptions,
  Engine,
} from "../../src/model.ts";
import { CorpusIndex } from "../../src/search/index.ts";
import type { Segment } from "../../src/search/segments.ts";
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import { releaseMemory } from "./memory.ts";

/** What a thread needs to build its engine (plain data: it crosses the thread boundary). */
export type EngineThreadConfig = Pick<Config, "corpusDir"> &
  Partial<
    Pick<
      Config,
      | "openaiApiKey"
      | "openaiBaseUrl"
      | "llmModel"
      | "llmTimeoutMs"
      | "llmMaxTokens"
      | "logLevel"
      | "maxArticleBytes"
      | "sourcesDiffer"
    >
  >;

type Call =
  | { method: "brief"; args: [topic: string] }
  | { method: "ask"; args: [question: string, opts: Omit<AskOptions, "signal">] }
  | { method: "digest"; args: [opts: Omit<DigestOptions, "signal">] };

export type ToWorker =
  | ({ type: "call"; id: number } & Call)
  | { type: "cancel"; id: number }
  | { type: "apply"; upserts: Article[]; removes: string[] }
  | { type: "segments"; segments: Segment[]; upTo: number };
export type ToPool =
  | { type: "ready"; topics: string[] | null }
  | { type: "topics"; topics: string[] }
  | { type: "result"; id: number; value: unknown }
  | { type: "error"; id: number; error: { name: string; message: string } };

export interface EnginePool extends Engine {
  readonly size: number;
  /**
   * Live corpus (store/types.ts LiveCorpus): every thread applies each change, in order, before any
   * call sent after it. A thread started later (a replacement) replays the changes since the start.
   */
  upsert(article: Article): void;
  remove(id: string): void;
  applyBatch(batch: { upserts: Article[]; removes: string[] }): void;
  /** Stops the threads; calls still in flight reject. */
  close(): Promise<void>;
}

export interface EnginePoolOptions {
  config: EngineThreadConfig;
  /** Threads (default: one per core but one, at most 4, at least 1). */
  size?: number;
  /** How often the newest articles are sealed into a shared segment (default 5 s). */
  sealEveryMs?: number;
  log?: Logger;
}

/** The default size: leave a core for the main event loop, at least one thread, at most 4. */
export function defaultPoolSize(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

const WORKER_URL = new URL("./worker.ts", import.meta.url);

/**
 * Young generation of each engine thread, MB (see spawn). At 24 MB (8 MB semi-spaces) a briefing,
 * which allocates ~25 MB, scavenged several times mid-request and each request took ~10–25% longer
 * than in-process; at 64 MB a thread is as fast as the engine in-process (bench notes in README,
 * "Measured figures"), for ~10–25 MB more RSS per busy thread.
 */
const THREAD_YOUNG_GENERATION_MB = 64;

interface Pending {
  resolve(value: unknown): void;
  reject(err: unknown): void;
  cleanup(): void;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
}

export async function createEnginePool(opts: EnginePoolOptions): Promise<EnginePool> {
  const size = Math.max(1, opts.size ?? defaultPoolSize());
  const log = opts.log;
  const threads: Thread[] = [];
  let topics: string[] = [];
  let nextId = 1;
  let closed = false;
  // The one index of the process: loaded and written here, its segments shared with every thread.
  // Read one article at a time into the index (never the whole list of articles at once).
  const max = opts.config.maxArticleBytes;
  const writer = new CorpusIndex(
    streamCorpus(opts.config.corpusDir, max === undefined ? {} : { maxArticleBytes: max }),
  );
  /** Every started thread, loaded or not (a change must reach a thread still loading too). */
  const workers = new Set<Worker>();
  const broadcast = (msg: ToWorker) => {
    for (const w of workers) w.postMessage(msg);
  };
  writer.store.onSegments = (segments, upTo) => broadcast({ type: "segments", segments, upTo });
  // Sealed before the threads start: a thread then joins shared segments only, with no private copy
  // of the newest articles (that copy, up to 4,095 articles as objects with their postings, was a
  // large part of each thread's heap).
  writer.store.seal();
  writer.store.settle();
  // The newest articles wait in each thread's delta until sealed; seal them at least this often.
  const sealTimer = setInterval(() => writer.store.seal(), opts.sealEveryMs ?? 5_000);
  sealTimer.unref();

  /** Starts one thread; resolves once its engine has loaded. */
  const spawn = (slot: number): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      // The state crosses as is: segments are SharedArrayBuffers, only the delta is copied.
      const worker = new Worker(WORKER_URL, {
        // One thread (slot 0) ranks the corpus's topics for suggestions, and ranks them again after live
        // changes; the others skip that work and the memory it holds.
        workerData: { config: opts.config, state: writer.store.state(), ranksTopics: slot === 0 },
        // A thread's own heap stays small (the corpus is shared); a young generation capped below
        // V8's default (which grows to 128 MB on a machine with this much memory) keeps each thread
        // from holding that much garbage room, and above what one request allocates keeps requests
        // from paying for it in scavenges. Measured in bench/scale.ts.
        resourceLimits: { maxYoungGenerationSizeMb: THREAD_YOUNG_GENERATION_MB },
      });
      workers.add(worker);
      const thread: Thread = { worker, pending: new Map() };
      let ready = false;
      worker.on("message", (msg: ToPool) => {
        if (msg.type === "topics") {
          topics = msg.topics;
          return;
        }
        if (msg.type === "ready") {
          ready = true;
          if (msg.topics) topics = msg.topics;
          threads[slot] = thread;
          resolve();
          return;
        }
        const p = thread.pending.get(msg.id);
        if (!p) return; // cancelled meanwhile
        thread.pending.delete(msg.id);
        p.cleanup();
        if (msg.type === "result") p.resolve(msg.value);
        else p.reject(Object.assign(new Error(msg.error.message), { name: msg.error.name }));
      });
      worker.on("error", (err) => {
        log?.error({ err, thread: slot }, "engine thread failed");
        if (!ready) reject(err);
      });
      worker.on("exit", (code) => {
        workers.delete(worker);
        const lost = [...thread.pending.values()];
        thread.pending.clear();
        for (const p of lost) {
          p.cleanup();
          p.reject(new Error(`the engine thread stopped (exit code ${code})`));
        }
        if (!ready) {
          reject(new Error(`the engine thread stopped while loading (exit code ${code})`));
          return;
        }
        if (closed) return;
        log?.error({ thread: slot, code }, "engine thread exited; starting another");
        void spawn(slot).catch((err: unknown) => log?.error({ err }, "could not restart an engine thread"));
      });
    });

  try {
    await Promise.all(Array.from({ length: size }, (_, slot) => spawn(slot)));
  } catch (err) {
    closed = true;
    clearInterval(sealTimer);
    await Promise.all([...workers].map((w) => w.terminate()));
    writer.close();
    throw err;
  }
  // What loading allocated and no longer needs goes back to the system (app/engine/memory.ts).
  releaseMemory();

  const dispatch = <T>(call: Call, signal?: AbortSignal): Promise<T> => {
    if (closed) return Promise.reject(new Error("the engine pool is closed"));
    if (signal?.aborted) return Promise.reject(signal.reason);
    let thread = threads[0] as Thread;
    for (const t of threads) if (t && t.pending.size < thread.pending.size) thread = t;
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        if (!thread.pending.delete(id)) return;
        thread.worker.postMessage({ type: "cancel", id } satisfies ToWorker);
        reject(signal?.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      thread.pending.set(id, {
        resolve: resolve as (v: unknown) => void,
        reject,
        cleanup: () => signal?.removeEventListener("abort", onAbort),
      });
      thread.worker.postMessage({ type: "call", id, ...call } satisfies ToWorker);
    });
  };

  const apply = (upserts: Article[], removes: string[]): void => {
    if (closed) throw new Error("the engine pool is closed");
    // Threads first: a seal the writer does while applying must reach them after these changes.
    broadcast({ type: "apply", upserts, removes });
    writer.applyBatch({ upserts, removes });
  };

  return {
    size,
    upsert(article: Article): void {
      apply([article], []);
    },
    remove(id: string): void {
      apply([], [id]);
    },
    applyBatch(batch: { upserts: Article[]; removes: string[] }): void {
      apply(batch.upserts, batch.removes);
    },
    brief(topic: string, o: BriefOptions = {}): Promise<Briefing> {
      return dispatch({ method: "brief", args: [topic] }, o.signal);
    },
    ask(question: string, o: AskOptions = {}): Promise<Answer> {
      const { signal, ...rest } = o;
      return dispatch({ method: "ask", args: [question, rest] }, signal);
    },
    digest(o: DigestOptions = {}): Promise<Digest> {
      const { signal, ...rest } = o;
      return dispatch({ method: "digest", args: [rest] }, signal);
    },
    suggestTopics(prefix: string, limit?: number): string[] {
      return suggestFromRanked(topics, prefix, limit);
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(sealTimer);
      await Promise.all([...workers].map((w) => w.terminate()));
      // The threads are gone: the process's index (its spill file of article text) closes too.
      writer.close();
    },
  };
}
