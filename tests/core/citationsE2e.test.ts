/**
 * Citations end to end (issue 11): sources dated in unsorted order, and one sentence carried by three
 * articles in slightly different wordings. Through the engine, the Document and a renderer, every
 * rendered [n] must name a source whose article contains its point, and every article that holds the
 * shared sentence must be cited on it.
 */
import { describe, expect, it } from "vitest";
import { renderTerminal } from "../../adapters/terminal/render.ts";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import type { Article } from "../../src/model.ts";
import { briefingToDocument } from "../../src/present/fromCore.ts";
import { articleHolds } from "./helpers.ts";

const SHARED = [
  "The two leaders met in the port city of Vladivostok on Thursday for their first summit.",
  "The two leaders met in the port city of Vladivostok on Thursday for their first summit meeting.",
  "On Thursday the two leaders met in the port city of Vladivostok for their first summit.",
];
const arts = articlesFromRecords([
  {
    id: "late",
    title: "Leaders meet in Vladivostok",
    text: `Leaders meet in Vladivostok\n\nPublished April 27, 2019\n\n${SHARED[0]}\n\nThe summit ended without a joint statement on sanctions.`,
  },
  {
    id: "early",
    title: "Summit in the Far East",
    text: `Summit in the Far East\n\nPublished April 23, 2019\n\n${SHARED[1]}\n\nOfficials prepared the island campus for the summit talks.`,
  },
  {
    id: "middle",
    title: "A first summit",
    text: `A first summit\n\nPublished April 25, 2019\n\n${SHARED[2]}\n\nThe summit talks focused on the nuclear programme and on sanctions relief.`,
  },
]);

/** [n] → article, from the rendered "Sources" list (titles are unique here). */
function numbered(out: string, articles: Article[]): Map<string, Article> {
  const map = new Map<string, Article>();
  const sources = out.slice(out.lastIndexOf("\nSources\n"));
  for (const m of sources.matchAll(/^\[(\d+)\] (.+)$/gm)) {
    const art = articles.find((a) => m[2]!.startsWith(a.title));
    expect(art, m[0]).toBeDefined();
    map.set(m[1]!, art!);
  }
  return map;
}

describe("citations end to end", () => {
  it("every rendered [n] names a source holding its point; every holder of the shared sentence is cited", async () => {
    const b = await createExtractiveEngine(arts).brief("Vladivostok summit");
    expect(b.found).toBe(true);
    const out = renderTerminal(briefingToDocument(b), { color: false, width: 0 });
    if (process.env.SHOW) console.log(out);
    const byNumber = numbered(out, arts);
    expect(byNumber.size).toBeGreaterThanOrEqual(3);
    const cited = [
      ...out.slice(0, out.lastIndexOf("\nSources\n")).matchAll(/^\s*• (.+?)((?: ?\[\d+\])+)$/gm),
    ];
    expect(cited.length).toBeGreaterThan(0);
    let sharedSeen = 0;
    for (const [, text, refs] of cited) {
      const ns = [...refs!.matchAll(/\[(\d+)\]/g)].map((m) => m[1]!);
      for (const n of ns) {
        const art = byNumber.get(n);
        expect(art, `[${n}] in ${text}`).toBeDefined();
        expect(articleHolds(art!, text!), `[${n}] ${art!.id} for: ${text}`).toBe(true);
      }
      if (/leaders met in the port city of Vladivostok/.test(text!)) {
        sharedSeen++;
        const holders = arts
          .filter((a) => articleHolds(a, text!))
          .map((a) => a.id)
          .sort();
        expect(ns.map((n) => byNumber.get(n)!.id).sort(), text).toEqual(holders);
        expect(holders).toHaveLength(3);
      }
    }
    expect(sharedSeen).toBe(1);
    // "Articles up to" is the newest date among the cited sources, whatever order they come in.
    const dates = [...out.matchAll(/^\[\d+\] .* (\d{4}-\d{2}-\d{2}) \(/gm)].map((m) => m[1]!);
    expect(dates.length).toBe(byNumber.size);
    const newest = [...dates].sort().at(-1)!;
    expect(b.asOf).toBe(newest);
    expect(out).toContain(`Articles up to ${newest}`);
  });
});
