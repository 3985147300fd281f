/**
 * A briefing over a hostile corpus, against another checkout of Summit, in one process, interleaved
 * (A/B then B/A): two ordinary reports plus made-up articles shaped to make a backtracking regex or a
 * per-sentence pass super-linear (tests/core/hostileInput.test.ts holds larger ones). Each is timed cold,
 * as a briefing over a freshly loaded corpus is: cleaning, sentence splitting, indexing and the brief.
 * The sizes are kept small enough (about 100 KB each) for the code before the fixes to finish: at 1 MB
 * it took minutes (the photo credits) or never finished (a breadcrumb-like line of 40 " > ").
 * Without SUMMIT_BENCH_BASELINE (the other checkout's root, with its own node_modules) it says so.
 *
 *   SUMMIT_BENCH_BASELINE=/tmp/base npx node bench/hostile.ts
 */
import type { ArticleRecord } from "../src/corpus/load.ts";
import { both, checkouts, versusHead, versusRow } from "./versus.ts";

const SIZE = 100_000;
const PASSES = 5;

const fill = (unit: string, chars: number): string =>
  unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);

/** The hostile texts, by the shape they take. */
export const HOSTILE: Record<string, string> = {
  "breadcrumb-like lines, 22 ' > ' and a '!' each": `${"a > ".repeat(22)}a!\n\n`.repeat(20),
  "'(Photo: A ' without a closing bracket": fill("(Photo: A ", SIZE),
  "'Photo by A ' ending in a stop": `${fill("Photo by A ", SIZE)}!`,
  "no punctuation at all": fill("the council voted on the budget plan again ", SIZE),
  "an unclosed bracket before many sentences": `${"(".repeat(2_000)} ${fill("Council budget hits. Wind rises) ", SIZE)}`,
  "quotes and brackets": fill('“a b" (( ', SIZE),
};

const ORDINARY: ArticleRecord[] = [
  {
    id: "n1",
    title: "Council budget vote",
    text: "The council voted on the budget on Monday. The plan cuts spending by 5%. Critics said the budget vote was rushed.",
  },
  {
    id: "n2",
    title: "Council approves repairs",
    text: "The council approved the repair budget on Tuesday. The mayor defended the budget plan.",
  },
];

export async function run(): Promise<void> {
  const pair = await checkouts("hostile", "a briefing over a hostile corpus");
  if (!pair) return;
  const [base, here] = pair;
  const topic = "council budget";
  const rows: string[] = [];
  const all: [number[], number[]] = [[], []];
  for (const [name, text] of Object.entries(HOSTILE)) {
    const records = [...ORDINARY, { id: "h", title: "Council budget", text }];
    const ta: number[] = [];
    const tb: number[] = [];
    for (let pass = 0; pass < PASSES; pass++)
      await both(
        pass,
        () => base.engine(records).brief(topic),
        () => here.engine(records).brief(topic),
        ta,
        tb,
      );
    rows.push(versusRow(`${name} (${(text.length / 1000).toFixed(0)} KB)`, ta, tb));
  }
  const records = [
    ...ORDINARY,
    ...Object.values(HOSTILE).map((text, i) => ({ id: `h${i}`, title: "Council budget", text })),
  ];
  for (let pass = 0; pass < PASSES; pass++)
    await both(
      pass,
      () => base.engine(records).brief(topic),
      () => here.engine(records).brief(topic),
      all[0],
      all[1],
    );
  console.log(versusHead("brief, cold (load + clean + index + brief)"));
  for (const r of rows) console.log(r);
  console.log(versusRow(`all of them in one corpus, ${PASSES} passes`, all[0], all[1]));
}

if (import.meta.main) await run();
