import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../app/config.ts";

describe("loadConfig", () => {
  it("applies defaults, and treats empty variables as unset", () => {
    const c = loadConfig({ SUMMIT_CORPUS: "", PORT: "" });
    expect(c.corpusDir).toBe("seeds");
    expect(c.port).toBe(3000);
    expect(c.redisUrl).toBe("redis://127.0.0.1:6379");
  });

  it("names the variable that is wrong", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/PORT/);
  });
});
