/**
 * Figure: what LLM mode adds per briefing on top of the extractive engine, with the model's own time
 * taken out (a local OpenAI-compatible server that answers at once). Covers building the delimited
 * prompt, the real openai client's HTTP round trip on 127.0.0.1, JSON/zod validation and the citation
 * check. Baseline: a bare openai-client call to the same server with the same reply, same run, so the
 * ratio is Summit's machinery over the SDK round trip itself.
 *
 *   npx node bench/llm-overhead.ts
 */
import OpenAI from "openai";
import { createLlmEngine } from "../src/llm/engine.ts";
import { loadPrompts } from "../src/llm/prompts.ts";
import { lowercaseVocabulary, verifyCited } from "../src/llm/verify.ts";
import { fakeBase, GOOD_BRIEFING, PORT_STRIKE } from "../tests/llm/fakeBase.ts";
import { startFakeOpenAI } from "../tests/peers/openai/server.ts";

const RUNS = 300;

function stats(samples: number[]): { median: number; p99: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { median: at(0.5), p99: at(0.99) };
}

async function time(fn: () => Promise<unknown> | unknown, runs = RUNS): Promise<number[]> {
  for (let i = 0; i < 20; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

const server = await startFakeOpenAI();
const reply = GOOD_BRIEFING;
const base = fakeBase(PORT_STRIKE);
const client = new OpenAI({ apiKey: "bench", baseURL: server.baseURL, maxRetries: 0 });
// a cache that never hits, so every call goes over HTTP
const engine = createLlmEngine({
  base,
  client,
  model: "bench",
  timeoutMs: 5000,
  maxTokens: 500,
  prompts: loadPrompts(new URL("../prompts", import.meta.url).pathname),
  cache: { get: () => undefined, set: () => {} },
});

const bare = await time(async () => {
  server.enqueue({ json: reply });
  await client.chat.completions.create({
    model: "bench",
    messages: [{ role: "user", content: "port strike" }],
  });
});
const llm = await time(async () => {
  server.enqueue({ json: reply });
  const b = await engine.brief("port strike");
  if (b.engine !== "llm") throw new Error("bench: LLM reply not used");
});
server.requests.length = 0;
const passages = PORT_STRIKE.passages.map((p, i) => ({ n: i + 1, ...p }));
const byN = new Map(passages.map((p) => [p.n, p]));
const vocab = lowercaseVocabulary(passages);
const verify = await time(() => {
  for (const p of reply.points) verifyCited(p.text, p.passages, byN, vocab);
}, 2000);
await server.close();

const base0 = stats(bare);
const rows = [
  ["bare openai client call (baseline)", base0],
  ["LLM brief, instant local server", stats(llm)],
  [`verify ${reply.points.length} points (no HTTP)`, stats(verify)],
] as const;
console.log("\nLLM mode overhead per briefing (ms; model time excluded)");
console.log("| case | median | p99 | median ÷ baseline |");
console.log("|---|---|---|---|");
for (const [name, s] of rows) {
  console.log(
    `| ${name} | ${s.median.toFixed(3)} | ${s.p99.toFixed(3)} | ${(s.median / base0.median).toFixed(1)}× |`,
  );
}
