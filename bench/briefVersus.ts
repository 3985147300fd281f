/**
 * `brief` against another checkout of Summit, in one process, interleaved (A/B then B/A): the core bench's
 * topics over BBC News (../shared/eval/bbc_news, 2,225 articles; warm: both engines built once, each topic
 * asked 5 times), then a briefing over every DUC 2004 and DUC 2007 cluster as its own corpus (a fresh
 * engine each, as `npm run eval:brief` makes them: cold, where finding disagreements among many reports
 * of one event costs most). Prints both medians and their ratio. Without SUMMIT_BENCH_BASELINE (the other
 * checkout's root, with its own node_modules) it says so and does nothing.
 *
 *   SUMMIT_BENCH_BASELINE=/tmp/main npx node bench/briefVersus.ts
 */
import { both, checkouts, sharedLines, versusHead, versusRow, warmOverBbc } from "./versus.ts";
import { TOPICS } from "./workload.ts";

export async function run(): Promise<void> {
  const pair = await checkouts("briefVersus", "brief");
  if (!pair) return;
  const [base, here] = pair;
  const [ta, tb] = await warmOverBbc(pair, TOPICS, (e, x) => e.brief(x));
  console.log(versusHead("brief"));
  console.log(versusRow(`BBC News, ${TOPICS.length} topics × 5 passes (warm)`, ta, tb));
  type Cluster = { id: string; query?: string; docs: { title?: string; date?: string; text: string }[] };
  const clusters = [
    ...(sharedLines("eval/duc2004_task2/duc2004_task2.jsonl") as Cluster[]),
    ...(sharedLines("eval/duc2007/duc2007_main.jsonl") as Cluster[]),
  ];
  const ca: number[] = [];
  const cb: number[] = [];
  for (let pass = 0; pass < 3; pass++)
    for (const [k, c] of clusters.entries()) {
      const records = c.docs.map((d, i) => ({
        id: `${c.id}/d${i}`,
        text: d.text,
        ...(d.title ? { title: d.title } : {}),
        ...(d.date ? { date: d.date } : {}),
      }));
      const topic = (c.query ?? c.docs[0]?.title ?? c.id).split(/[.\n]/)[0]!.slice(0, 60);
      await both(
        k + pass,
        () => base.engine(records).brief(topic),
        () => here.engine(records).brief(topic),
        ca,
        cb,
      );
    }
  console.log(
    versusRow(`DUC 2004 + 2007, ${clusters.length} clusters × 3 passes (cold engine each)`, ca, cb),
  );
}

if (import.meta.main) await run();
