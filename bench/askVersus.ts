/**
 * `ask` against another checkout of Summit, in one process, interleaved (A/B then B/A): the core bench's
 * questions over BBC News (../shared/eval/bbc_news, 2,225 articles), then every RealTimeQA dev question over
 * its own pages (../shared/eval/realtimeqa, a fresh engine per question, as `npm run eval:qa` asks them).
 * Prints both medians and their ratio. Without SUMMIT_BENCH_BASELINE (the other checkout's root, with its
 * own node_modules) it says so and does nothing, so `npm run bench` stays self-contained.
 *
 *   SUMMIT_BENCH_BASELINE=/tmp/main npx node bench/askVersus.ts
 */
import { both, checkouts, versusHead, versusRow, warmOverBbc } from "./versus.ts";
import { QUESTIONS } from "./workload.ts";

export async function run(): Promise<void> {
  const pair = await checkouts("askVersus", "ask");
  if (!pair) return;
  const [base, here] = pair;
  const [ta, tb] = await warmOverBbc(pair, QUESTIONS, (e, x) => e.ask(x));
  console.log(versusHead("ask"));
  console.log(versusRow(`BBC News, ${QUESTIONS.length} questions × 5 passes`, ta, tb));
  const { loadQa, qaRecords, askedOn } = await import("../scripts/eval-qa.ts");
  const qa = loadQa();
  const qa_a: number[] = [];
  const qa_b: number[] = [];
  for (const [k, r] of qa.entries()) {
    const now = askedOn(r) ?? undefined;
    const xa = base.engine(qaRecords(r), now);
    const xb = here.engine(qaRecords(r), now);
    await both(
      k,
      () => xa.ask(r.question),
      () => xb.ask(r.question),
      qa_a,
      qa_b,
    );
  }
  console.log(versusRow(`RealTimeQA dev, ${qa.length} questions over their own pages`, qa_a, qa_b));
}

if (import.meta.main) await run();
