import { describe, expect, it } from "vitest";

describe("runtime", () => {
  it("the tests run on Node 24 (the node@24 dev dependency comes first on the PATH in npm scripts)", () => {
    expect(Number(process.versions.node.split(".")[0])).toBeGreaterThanOrEqual(24);
  });
});
