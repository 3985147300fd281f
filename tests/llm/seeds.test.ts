/**
 * LLM mode over the real extractive engine and the seed corpus, and the CLI's "engine" field.
 * The "model" is the local server quoting the evidence it was sent (tests/peers/openai/quotingModel.ts),
 * so nothing here knows what the seed articles say.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createEngine, createExtractiveFromConfig } from "../../app/engine/create.ts";
import type { LlmOutcome } from "../../src/llm/engine.ts";
import { passagesOf, quotingModel, quotingReply } from "../peers/openai/quotingModel.ts";
import { type FakeOpenAI, type Reply, startFakeOpenAI } from "../peers/openai/server.ts";

const run = promisify(execFile);
let server: FakeOpenAI;

beforeAll(async () => {
  server = await startFakeOpenAI();
});
afterAll(async () => {
  await server.close();
});
afterEach(() => server.reset());

function llmEngine(outcomes: LlmOutcome[] = []) {
  return createEngine(
    { corpusDir: "seeds", openaiBaseUrl: server.baseURL, llmModel: "quoting-model", llmTimeoutMs: 20_000 },
    { llm: { onOutcome: (o) => outcomes.push(o) } },
  );
}

/** Rewrites every point of a quoting reply. */
function corrupt(edit: (text: string, n: number) => { text: string; passages: number[] }): Reply {
  return {
    compute: (req) => {
      const reply = quotingReply(req) as {
        json: { headline: string; points: { text: string; passages: number[] }[] };
      };
      return {
        json: { ...reply.json, points: reply.json.points.map((p) => edit(p.text, p.passages[0]!)) },
      };
    },
  };
}

describe("LLM mode on the seed corpus", () => {
  it("a grounded briefing is used; its points cite the articles their passages came from", async () => {
    const extractive = createExtractiveFromConfig({ corpusDir: "seeds" });
    const evidence = extractive.briefEvidence("laborers");
    server.setResponder(quotingModel);
    const b = await llmEngine().brief("laborers");
    expect(b.engine).toBe("llm");
    expect(b.points.length).toBeGreaterThanOrEqual(2);
    const shown = passagesOf(server.requests[0]!);
    expect(shown.length).toBe(Math.min(40, evidence.passages.length));
    for (const p of b.points) {
      const passage = evidence.passages.find((x) => x.text === p.text);
      expect(passage, p.text).toBeDefined();
      expect(p.sources).toEqual([passage!.sourceId]);
    }
    const ids = new Set(b.sources.map((s) => s.id));
    for (const p of b.points) for (const s of p.sources) expect(ids.has(s)).toBe(true);
  });

  it("falls back to the extractive briefing when every point adds a name or cites a missing passage", async () => {
    const extractive = await createExtractiveFromConfig({ corpusDir: "seeds" }).brief("laborers");
    const outcomes: LlmOutcome[] = [];
    const engine = llmEngine(outcomes);
    server.enqueue(corrupt((text, n) => ({ text: `${text} Boris Johnson disagreed.`, passages: [n] })));
    const b1 = await engine.brief("laborers");
    expect(b1).toEqual(extractive);
    server.enqueue(corrupt((text) => ({ text, passages: [999] })));
    const b2 = await engine.brief("laborers");
    expect(b2).toEqual(extractive);
    expect(outcomes.map((o) => o.reason)).toEqual(["not_enough_verified", "not_enough_verified"]);
  });

  it("answers and digests are written from the same evidence", async () => {
    server.setResponder(quotingModel);
    const engine = llmEngine();
    const a = await engine.ask("How many North Korean workers are in Russia?");
    expect(a.engine).toBe("llm");
    const d = await engine.digest();
    expect(d.engine).toBe("llm");
    expect(d.stories.length).toBeGreaterThan(0);
  });
});

describe("CLI: `summit brief laborers --json` reports the engine", () => {
  const cleanEnv = () => {
    const env = { ...process.env };
    for (const k of Object.keys(env)) if (/^(OPENAI_|SUMMIT_LLM_|LOG_LEVEL$)/.test(k)) delete env[k];
    return env;
  };
  const brief = async (env: NodeJS.ProcessEnv) => {
    const { stdout } = await run(process.execPath, ["app/cli.ts", "brief", "laborers", "--json"], { env });
    return JSON.parse(stdout) as { engine: string; points: unknown[] };
  };

  it("extractive without LLM settings; llm when pointed at a local server", async () => {
    expect((await brief(cleanEnv())).engine).toBe("extractive");
    server.setResponder(quotingModel);
    const llm = await brief({
      ...cleanEnv(),
      OPENAI_BASE_URL: server.baseURL,
      SUMMIT_LLM_MODEL: "quoting-model",
      SUMMIT_LLM_TIMEOUT_MS: "10000",
    });
    expect(llm.engine).toBe("llm");
    expect(server.requests).toHaveLength(1);
  });
});
