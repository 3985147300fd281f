/**
 * Giving memory back after start-up. Loading a corpus allocates far more than it keeps (parsed
 * records, the unsealed newest articles, merged-away segments): V8 keeps its heap grown (the young
 * generation at its largest, old-space pages) and the freed array buffers wait for a collection.
 * One memory-reducing collection once the engine has loaded returns that to the system; measured in
 * bench/scale.ts (README, "Measured figures").
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

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
