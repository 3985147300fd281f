/**
 * At most N requests at a time per host, across every poll in the process: each host has a counter
 * and a FIFO queue of waiters. Hosts with nothing in flight are forgotten, so the map stays small.
 */

export interface HostLimiter {
  /** Runs fn when the host has a free slot; the slot is held until fn settles. */
  run<T>(host: string, fn: () => Promise<T>): Promise<T>;
  /** Requests in flight to the host now (for tests and /healthz). */
  active(host: string): number;
}

interface Slot {
  active: number;
  waiting: Array<() => void>;
}

export function createHostLimiter(perHost: number): HostLimiter {
  if (!Number.isInteger(perHost) || perHost < 1) throw new RangeError("perHost must be a positive integer");
  const hosts = new Map<string, Slot>();

  const acquire = (host: string): Promise<void> => {
    let slot = hosts.get(host);
    if (!slot) {
      slot = { active: 0, waiting: [] };
      hosts.set(host, slot);
    }
    if (slot.active < perHost) {
      slot.active++;
      return Promise.resolve();
    }
    const s = slot;
    return new Promise((resolve) => s.waiting.push(resolve));
  };

  const release = (host: string): void => {
    const slot = hosts.get(host);
    if (!slot) return;
    const next = slot.waiting.shift();
    // The freed slot passes straight to the next waiter: `active` stays the same.
    if (next) next();
    else if (--slot.active === 0) hosts.delete(host);
  };

  return {
    async run(host, fn) {
      const key = host.toLowerCase();
      await acquire(key);
      try {
        return await fn();
      } finally {
        release(key);
      }
    },
    active: (host) => hosts.get(host.toLowerCase())?.active ?? 0,
  };
}

const shared = new Map<number, HostLimiter>();

/** The limiter every HTTP client of this process with the same per-host limit shares. */
export function sharedHostLimiter(perHost: number): HostLimiter {
  let l = shared.get(perHost);
  if (!l) {
    l = createHostLimiter(perHost);
    shared.set(perHost, l);
  }
  return l;
}
