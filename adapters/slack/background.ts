/**
 * Work that continues after Slack has been acknowledged (briefings, answers, button clicks).
 * At most `concurrency` tasks run at once, one started per event-loop turn, so a burst of commands
 * cannot starve the event loop: new requests are still read and acknowledged promptly while earlier
 * briefings are built. Tracked so shutdown can wait for it and tests can wait until the bot is done;
 * a failing task is logged, never an unhandled rejection.
 */
import type { Logger } from "pino";

export interface Background {
  /** Queues `task`; it runs when a slot is free. */
  run(name: string, task: () => Promise<void>): void;
  /** Follows a promise someone else started (e.g. Bolt's processing of one request). */
  track(name: string, p: Promise<unknown>): void;
  /** Resolves when nothing is queued, running or followed (including work started while waiting). */
  idle(): Promise<void>;
  readonly size: number;
}

export function createBackground(log: Logger, opts: { concurrency?: number } = {}): Background {
  const concurrency = opts.concurrency ?? 16;
  const queue: { name: string; task: () => Promise<void> }[] = [];
  const running = new Set<Promise<void>>();
  let waiters: (() => void)[] = [];
  let active = 0;

  const settle = () => {
    if (queue.length === 0 && active === 0 && running.size === 0) {
      const w = waiters;
      waiters = [];
      for (const resolve of w) resolve();
    }
  };
  const follow = (name: string, p: Promise<unknown>) => {
    const done: Promise<void> = p
      .then(() => undefined)
      .catch((err: unknown) => log.error({ err, task: name }, "background task failed"))
      .finally(() => {
        running.delete(done);
        settle();
      });
    running.add(done);
  };
  // One task starts per event-loop turn (from setImmediate, after the poll phase has read and
  // acknowledged whatever requests arrived), so CPU-heavy work such as building a briefing is
  // interleaved with acks instead of running in one long burst.
  let scheduled = false;
  const startOne = () => {
    scheduled = false;
    if (active >= concurrency) return;
    const next = queue.shift();
    if (!next) return;
    active++;
    follow(
      next.name,
      next.task().finally(() => {
        active--;
        pump();
      }),
    );
    pump();
  };
  const pump = () => {
    if (scheduled || active >= concurrency || queue.length === 0) return;
    scheduled = true;
    setImmediate(startOne);
  };
  return {
    run(name, task) {
      queue.push({ name, task });
      pump();
    },
    track(name, p) {
      follow(name, p);
    },
    idle() {
      return new Promise<void>((resolve) => {
        waiters.push(resolve);
        settle();
      });
    },
    get size() {
      return queue.length + running.size;
    },
  };
}
