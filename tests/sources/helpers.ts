/** Shared set-up for tests/sources: deps against the local feed server, a controlled clock, a new source. */

import type { HttpSettings, PollSettings } from "../../sources/config.ts";
import { createSourceDeps, type SourceDeps } from "../../sources/deps.ts";
import { createHostLimiter } from "../../sources/limiter.ts";
import { newSourceState, type SourceState } from "../../sources/types.ts";

export interface Clock {
  now: () => number;
  advance(ms: number): void;
  set(ms: number): void;
}

export function testClock(start = Date.parse("2024-06-03T08:00:00Z")): Clock {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
    set: (ms) => {
      t = ms;
    },
  };
}

/** Deps for the local server: private addresses allowed (it is 127.0.0.1), its own limiter and clock. */
export function testDeps(
  options: { http?: Partial<HttpSettings>; settings?: Partial<PollSettings>; clock?: Clock } = {},
): SourceDeps & { close(): Promise<void>; clock: Clock } {
  const clock = options.clock ?? testClock();
  const deps = createSourceDeps({
    http: { allowPrivateNetworks: true, limiter: createHostLimiter(2), ...options.http },
    now: clock.now,
    settings: options.settings ?? {},
  });
  return { ...deps, clock };
}

export function newSource(feedUrl: string, over: Partial<SourceState> = {}): SourceState {
  return {
    ...newSourceState({
      id: "src-1",
      url: feedUrl,
      feedUrl,
      name: "Test source",
      everyMs: 15 * 60_000,
      addedAt: "2024-06-01T00:00:00.000Z",
    }),
    ...over,
  };
}

/** Whitespace-normalised, for comparing texts across formats. */
export function norm(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}
