/**
 * One engine thread of app/engine/pool.ts: joins the pool's shared index (src/search/segments.ts: the
 * segments are read in place, this thread keeps only the newest articles and its caches), builds the
 * engine over it (extractive, LLM-written when configured), then answers `brief` / `ask` / `digest` requests by message. A request can be
 * cancelled (the caller's deadline passed); its AbortSignal here is aborted, as in-process.
 *
 * Messages in:  { type: "call", id, method, args } | { type: "cancel", id } | { type: "apply", upserts, removes }
 *                | { type: "segments", segments, upTo } (the writer sealed or merged; adopt them)
 * Messages out: { type: "ready", topics } once loaded | { type: "result", id, value } | { type: "error", id, error }
 */
import { parentPort, workerData } from "node:worker_threads";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import type { Engine } from "../../src/model.ts";
import { CorpusIndex } from "../../src/search/index.ts";
import type { IndexState } from "../../src/search/segments.ts";
import { withLlm } from "../llm.ts";
import { createLogger } from "../logger.ts";
import { idleRelease, releaseMemory } from "./memory.ts";
import type { EngineThreadConfig, ToPool, ToWorker } from "./pool.ts";

const port = parentPort;
if (!port) throw new Error("app/engine/worker.ts runs as a worker thread of app/engine/pool.ts");

const { config, state, ranksTopics } = workerData as {
  config: EngineThreadConfig;
  state: IndexState;
  /** This thread ranks the topics the pool suggests from (one thread does). */
  ranksTopics: boolean;
};
const logger = createLogger(config.logLevel ?? "info");
// The pool's index, shared: this thread reads its segments (no copy) and keeps its own small delta.
// The extractive engine is kept apart: live changes go to it (the LLM writer reads its evidence).
const extractive = createExtractiveEngine([], {
  index: new CorpusIndex(state),
  ...(config.sourcesDiffer === undefined ? {} : { sourcesDiffer: config.sourcesDiffer }),
});
const engine: Engine = withLlm(extractive, config, logger);
const running = new Map<number, AbortController>();
/** What requests leave behind goes back to the system once this thread is idle (memory.ts). */
const idle = idleRelease();
const send = (msg: ToPool) => port.postMessage(msg);

const TOPICS_DEBOUNCE_MS = 2_000;
/** After live changes, the topics thread sends the pool its ranking again (debounced; the ranking is rebuilt lazily). */
let topicsTimer: NodeJS.Timeout | null = null;
const sendTopicsSoon = () => {
  if (!ranksTopics || topicsTimer) return;
  topicsTimer = setTimeout(() => {
    topicsTimer = null;
    send({ type: "topics", topics: engine.suggestTopics("", Number.MAX_SAFE_INTEGER) });
  }, TOPICS_DEBOUNCE_MS);
  topicsTimer.unref();
};

port.on("message", (msg: ToWorker) => {
  if (msg.type === "apply") {
    extractive.applyBatch({ upserts: msg.upserts, removes: msg.removes });
    sendTopicsSoon();
    return;
  }
  if (msg.type === "segments") {
    extractive.index.store.adopt(msg.segments, msg.upTo);
    return;
  }
  if (msg.type === "cancel") {
    running.get(msg.id)?.abort(new DOMException("the caller gave up", "AbortError"));
    return;
  }
  const controller = new AbortController();
  running.set(msg.id, controller);
  const signal = controller.signal;
  const call = (): Promise<unknown> => {
    switch (msg.method) {
      case "brief":
        return engine.brief(msg.args[0], { signal });
      case "ask":
        return engine.ask(msg.args[0], { ...msg.args[1], signal });
      case "digest":
        return engine.digest({ ...msg.args[0], signal });
    }
  };
  call()
    .then(
      (value) => send({ type: "result", id: msg.id, value }),
      (err: unknown) =>
        send({
          type: "error",
          id: msg.id,
          error: {
            name: err instanceof Error ? err.name : "Error",
            message: err instanceof Error ? err.message : String(err),
          },
        }),
    )
    .finally(() => {
      running.delete(msg.id);
      idle.touch();
    });
});

const topics = ranksTopics ? engine.suggestTopics("", Number.MAX_SAFE_INTEGER) : null;
// Building the engine (and the topic ranking) left garbage: give it back before serving.
releaseMemory();
send({ type: "ready", topics });
