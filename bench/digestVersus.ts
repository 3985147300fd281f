/**
 * `digest` against another checkout of Summit, in one process, interleaved (A/B then B/A): a digest of
 * every DUC 2004 and DUC 2007 cluster as its own corpus (cold engine each, as `npm run eval:brief` makes
 * them), of all 575 DUC 2007 articles as one corpus (many stories), and of BBC News (2,225 articles; the
 * engine built once, 5 passes). Prints both medians and their ratio. Without SUMMIT_BENCH_BASELINE (the
 * other checkout's root, with its own node_modules) it says so and does nothing.
 *
 *   SUMMIT_BENCH_BASELINE=/tmp/main npx node bench/digestVersus.ts
 */
import type { ArticleRecord } from "../src/corpus/load.ts";
import { bbcRecords, both, checkouts, sharedLines, versusHead, versusRow } from "./versus.ts";

type Cluster = { id: string; docs: { title?: string; date?: string; text: string }[] };

function recordsOf(c: Cluster): ArticleRecord[] {
  return c.docs.map((d, i) => ({
    id: `${c.id}/d${i}`,
    text: d.text,
    ...(d.title ? { title: d.title } : {}),
    ...(d.date ? { date: d.date } : {}),
  }));
}

export async function run(): Promise<void> {
  const pair = await checkouts("digestVersus", "digest");
  if (!pair) return;
  const [base, here] = pair;
  console.log(versusHead("digest"));
  const duc2004 = sharedLines("eval/duc2004_task2/duc2004_task2.jsonl") as Cluster[];
  const duc2007 = sharedLines("eval/duc2007/duc2007_main.jsonl") as Cluster[];
  const ca: number[] = [];
  const cb: number[] = [];
  for (let pass = 0; pass < 3; pass++)
    for (const [k, c] of [...duc2004, ...duc2007].entries()) {
      const records = recordsOf(c);
      await both(
        k + pass,
        () => base.engine(records).digest(),
        () => here.engine(records).digest(),
        ca,
        cb,
      );
    }
  console.log(
    versusRow(
      `DUC 2004 + 2007, ${duc2004.length + duc2007.length} clusters × 3 passes (cold engine each)`,
      ca,
      cb,
    ),
  );
  const all2007 = duc2007.flatMap(recordsOf);
  const [ea, eb] = [base.engine(all2007), here.engine(all2007)];
  const [ma, mb]: [number[], number[]] = [[], []];
  for (let pass = 0; pass < 7; pass++)
    await both(
      pass,
      () => ea.digest(),
      () => eb.digest(),
      ma,
      mb,
    );
  console.log(versusRow(`DUC 2007, all ${all2007.length} articles as one corpus × 7 (warm)`, ma, mb));
  const bbc = bbcRecords();
  const [ba, bb] = [base.engine(bbc), here.engine(bbc)];
  const [ta, tb]: [number[], number[]] = [[], []];
  for (let pass = 0; pass < 5; pass++)
    await both(
      pass,
      () => ba.digest(),
      () => bb.digest(),
      ta,
      tb,
    );
  console.log(versusRow(`BBC News, ${bbc.length} articles × 5 (warm)`, ta, tb));
}

if (import.meta.main) await run();
