/**
 * Giving memory back after start-up. Loading a corpus allocates far more than it keeps (parsed
 * records, the unsealed newest articles, merged-away segments): V8 keeps its heap grown (the young
 * generation at its largest, old-space pages) and the freed array buffers wait for a collection.
 * One memory-reducing collection once the engine has loaded returns that to the system; measured in
 * bench/scale.ts (README, "Measured figures").
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { AskOptions, BriefOptions, DigestOptions, Engine } from "../../src/model.ts";

type Gc = (opts?: {
  type?: "major" | "minor";
  execution?: "sync" | "async";
  flavor?: "regular" | "last-resort";
}) => void;

let gc: Gc | null = null;

/**
 * A full, memory-reducing garbage collection (V8's "last resort" flavour: shrinks the young
 * generation and releases empty pages), run synchronously. Takes tens of milliseconds on a large
 * heap: call it once after start-up, never per request.
 */
export function releaseMemory(): void {
  if (!gc) {
    // gc() is exposed to contexts created after the flag is set; this one is only used for it.
    setFlagsFromString("--expose-gc");
    gc = runInNewContext("gc") as Gc;
  }
  gc({ type: "major", execution: "sync", flavor: "last-resort" });
}

/**
 * V8 flags of a process that serves requests with an engine (`npm start`, the Dockerfile's CMD; the
 * scale bench starts its processes with them too). They can only be given at start: V8 sizes its
 * young generation when the isolate is created, and `v8.setFlagsFromString` afterwards has no effect.
 *
 * `--max-semi-space-size=8`: a request allocates ~10–25 MB of short-lived objects (split sentences,
 * scores, the disagreement tagger's tokens); with V8's default the young generation grows to its
 * maximum (2 × 64 MB here) within a few requests and stays there. Capped at 8 MB per semi-space, a
 * process with one engine at 89,000 articles holds ~60–100 MB less after requests at the same CPU per
 * request (bench/scale.ts; README, "Measured figures"). Engine threads get the same kind of cap through
 * `resourceLimits` (app/engine/pool.ts).
 */
export const ENGINE_PROCESS_FLAGS: readonly string[] = ["--max-semi-space-size=8"];

/** How long an engine goes without a request before it gives back what the requests left behind. */
export const IDLE_RELEASE_MS = 5_000;

export interface IdleRelease {
  /** A request finished: (re)start the idle countdown. */
  touch(): void;
  /** Stops the countdown (safe to call twice). */
  close(): void;
}

/**
 * Gives memory back once requests stop. A request allocates ~10–25 MB; between full collections V8
 * keeps what was freed (old-space pages, a grown young generation), so a process that served a burst
 * holds ~60–100 MB more than it needs until a memory-reducing collection (bench/scale.ts). After
 * IDLE_RELEASE_MS without a request, one releaseMemory() — tens of milliseconds, only when the engine is
 * idle, at most once per quiet spell. The timer never keeps the process alive.
 */
export function idleRelease(opts: { idleMs?: number; release?: () => void } = {}): IdleRelease {
  const idleMs = opts.idleMs ?? IDLE_RELEASE_MS;
  const release = opts.release ?? releaseMemory;
  let timer: NodeJS.Timeout | null = null;
  return {
    touch() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        release();
      }, idleMs);
      timer.unref();
    },
    close() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

/**
 * The same engine (every method and property, live-corpus ones included), whose brief, ask and digest
 * start the idle countdown when they finish.
 */
export function releasingWhenIdle<E extends Engine>(engine: E, idle: IdleRelease = idleRelease()): E {
  const done = <T>(p: Promise<T>): Promise<T> => p.finally(() => idle.touch());
  const wrapped: Pick<Engine, "brief" | "ask" | "digest"> = {
    brief: (topic: string, o?: BriefOptions) => done(engine.brief(topic, o)),
    ask: (question: string, o?: AskOptions) => done(engine.ask(question, o)),
    digest: (o?: DigestOptions) => done(engine.digest(o)),
  };
  return new Proxy(engine, {
    get(target, prop) {
      if (prop === "brief" || prop === "ask" || prop === "digest") return wrapped[prop];
      const value: unknown = Reflect.get(target, prop, target);
      // Methods run on the engine itself (its private fields), not on the proxy.
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
