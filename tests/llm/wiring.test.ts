import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../app/config.ts";
import { llmConfigured, withLlm } from "../../app/llm.ts";
import { createLogger } from "../../app/logger.ts";
import { type FakeOpenAI, startFakeOpenAI } from "../peers/openai/server.ts";
import { fakeBase, PORT_STRIKE } from "./fakeBase.ts";

let server: FakeOpenAI;
beforeAll(async () => {
  server = await startFakeOpenAI();
});
afterAll(async () => {
  await server.close();
});

function captureLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { logger: createLogger("info", sink), lines };
}

describe("LLM mode wiring (app/llm.ts)", () => {
  it("is off without SUMMIT_LLM_MODEL, or without a key or base URL: the extractive engine itself", () => {
    const base = fakeBase(PORT_STRIKE);
    expect(withLlm(base, loadConfig({}))).toBe(base);
    expect(llmConfigured(loadConfig({ SUMMIT_LLM_MODEL: "m" }))).toBe(false);
    const { logger, lines } = captureLogger();
    expect(withLlm(base, loadConfig({ OPENAI_API_KEY: "sk-secret-1" }), logger)).toBe(base);
    expect(lines.join("")).toMatch(/SUMMIT_LLM_MODEL is not/);
  });

  it("is on with a base URL and a model (a local server needs no real key), and keeps secrets out of logs", async () => {
    const base = fakeBase(PORT_STRIKE);
    const { logger, lines } = captureLogger();
    const config = loadConfig({
      OPENAI_BASE_URL: server.baseURL,
      OPENAI_API_KEY: "sk-secret-2",
      SUMMIT_LLM_MODEL: "local-model",
      SUMMIT_LLM_TIMEOUT_MS: "3000",
    });
    const engine = withLlm(base, config, logger);
    expect(engine).not.toBe(base);
    server.enqueue({
      json: {
        headline: "Halden dock workers strike",
        points: [
          { text: "Dock workers at the Port of Halden began a 48-hour strike over pay.", passages: [1] },
          {
            text: "Transport minister Elin Sorvik urged both sides to return to talks by Friday.",
            passages: [4],
          },
        ],
      },
    });
    const b = await engine.brief("port strike");
    expect(b.engine).toBe("llm");
    expect(server.requests[0]?.body.model).toBe("local-model");
    expect(server.requests[0]?.headers.authorization).toBe("Bearer sk-secret-2");

    server.enqueue({ status: 401, message: "bad key sk-secret-2" });
    expect((await engine.brief("port strike again")).engine).toBe("extractive");
    const log = lines.join("");
    expect(log).toMatch(/LLM mode on/);
    expect(log).toMatch(/client_error/);
    expect(log).not.toContain("sk-secret-2");
  });
});
