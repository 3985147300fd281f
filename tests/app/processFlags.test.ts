/**
 * The V8 flags of a serving process (app/engine/memory.ts ENGINE_PROCESS_FLAGS) are given wherever the
 * server is started: V8 reads them only at start, so a start command without them silently serves
 * with the default (larger) young generation.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ENGINE_PROCESS_FLAGS } from "../../app/engine/memory.ts";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

describe("serving process flags", () => {
  it("npm start passes them to node before the entry", () => {
    const start = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts.start;
    expect(start).toBe(`node ${ENGINE_PROCESS_FLAGS.join(" ")} app/server.ts`);
  });

  it("the image's command passes them too", () => {
    const cmd = /^CMD (\[.*\])$/m.exec(read("Dockerfile"))?.[1];
    expect(JSON.parse(cmd ?? "[]")).toEqual(["node", ...ENGINE_PROCESS_FLAGS, "app/server.ts"]);
  });
});
