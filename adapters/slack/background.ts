/**
 * Work that continues after Slack has been acknowledged (briefings, answers, button clicks).
 * Tracked so shutdown can wait for it and tests can wait until the bot is done; a failing task is
 * logged, never an unhandled rejection.
 */
import type { Logger } from "pino";

export interface Background {
  /** Runs `task` without awaiting it. */
  run(name: string, task: () => Promise<void>): void;
  /** Follows a promise someone else started (e.g. Bolt's processing of one request). */
  track(name: string, p: Promise<unknown>): void;
  /** Resolves when no task is running (including tasks started while waiting). */
  idle(): Promise<void>;
  readonly size: number;
}

export function createBackground(log: Logger): Background {
  const running = new Set<Promise<void>>();
  return {
    run(name, task) {
      const p: Promise<void> = Promise.resolve()
        .then(task)
        .catch((err: unknown) => log.error({ err, task: name }, "background task failed"))
        .finally(() => running.delete(p));
      running.add(p);
    },
    track(name, p) {
      this.run(name, async () => {
        await p;
      });
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
    get size() {
      return running.size;
    },
  };
}
