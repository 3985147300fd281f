import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type Config, ConfigError, configSchema, ENV, loadConfig } from "../../app/config.ts";
import { ENV_EXAMPLE_PATH, renderEnvExample } from "../../scripts/env-example.ts";

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

describe("settings are documented from the schema", () => {
  it("every setting has an environment variable and a one-line description", () => {
    for (const [key, schema] of Object.entries(configSchema.shape)) {
      expect(ENV[key as keyof Config], key).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(schema.description, key).toMatch(/\S/);
      expect(schema.description, key).not.toMatch(/\n/);
    }
  });

  it(".env.example is what `npm run env:example` writes (regenerate it after changing app/config.ts)", () => {
    const committed = existsSync(ENV_EXAMPLE_PATH) ? readFileSync(ENV_EXAMPLE_PATH, "utf8") : "(missing)";
    expect(committed).toBe(renderEnvExample());
  });

  it("lists every variable loadConfig reads, with its default", () => {
    const text = renderEnvExample();
    for (const name of Object.values(ENV)) expect(text).toMatch(new RegExp(`^# ${name}=`, "m"));
    expect(text).toMatch(/^# PORT=3000$/m);
    expect(text).toMatch(/^# SUMMIT_DEBUG=false$/m);
  });

  it("SUMMIT_DEBUG is a yes/no setting, off by default", () => {
    expect(loadConfig({}).debug).toBe(false);
    expect(loadConfig({ SUMMIT_DEBUG: "1" }).debug).toBe(true);
    expect(loadConfig({ SUMMIT_DEBUG: "false" }).debug).toBe(false);
    expect(() => loadConfig({ SUMMIT_DEBUG: "maybe" })).toThrow(/SUMMIT_DEBUG/);
  });
});
