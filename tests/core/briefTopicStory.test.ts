/**
 * A briefing's points tell the story asked about (src/engine/topicStory.ts): over a corpus of many
 * stories, articles of other stories that happen to use both words of a two-word topic lend no points,
 * and a briefing whose story has few sentences stops short rather than pad with them. Made-up articles:
 * 500 of filler news, an airline merger told by two reports, and other stories naming "Kestrel" and a
 * "merger" in passing.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { DEFAULT_STORY_GATE } from "../../src/engine/sameStory.ts";

const TOWNS = ["Mar", "Net", "Oak", "Pel", "Quar", "Red", "Salt", "Thorn", "Umber", "Vex"].flatMap((a) =>
  ["by", "ford", "hurst", "ham", "moor", "wick", "mere", "bury", "ton", "field"].map((b) => a + b),
);

/** Everyday news of many stories (500 articles): what gives words their weight. */
const FILLERS = TOWNS.flatMap((t) => [
  `Storms brought heavy rain and strong winds to ${t} overnight, flooding roads and closing schools. Forecasters warned that more bad weather was expected later in the week.`,
  `${t} United beat their local rivals in a tense league match on Saturday. The manager praised his players' spirit and said the team could still win the title.`,
  `The council in ${t} approved plans for a new library and a sports centre. Local residents had campaigned for years for better public facilities.`,
  `Police in ${t} appealed for witnesses after a bakery was burgled on the high street. Officers said nobody was hurt in the break-in.`,
  `A choir from ${t} won a regional singing contest with a programme of folk songs. The conductor thanked the parents who had driven the singers to rehearsals.`,
]);

/** The story asked about: two reports of an airline merger. */
const MERGER = [
  {
    id: "merger1",
    title: "Kestrel Airways agrees merger with Plover Air",
    text: "Kestrel Airways has agreed a merger with its smaller rival Plover Air, creating the largest carrier serving the northern islands. The combined airline will fly under the Kestrel name from the spring. Plover Air shareholders will receive two Kestrel shares for every three they hold. The regulator must still approve the deal, which unions fear could cost cabin crew jobs.",
  },
  {
    id: "merger2",
    title: "Unions wary as Kestrel and Plover combine",
    text: "Cabin crew unions said they would fight any job losses after Kestrel Airways and Plover Air announced their merger. Plover Air pilots will join the Kestrel seniority list under the agreement. The airlines said overlapping routes to the northern islands would be cut from the spring timetable.",
  },
];

/** Other stories: a football club and a choir named Kestrel, each mentioning a merger in passing. */
const ELSEWHERE = [
  {
    id: "rovers",
    title: "Rovers sink Kestrel Athletic in cup replay",
    text: "Thornfield Rovers beat Kestrel Athletic three goals to one in a muddy cup replay on Tuesday night. The Kestrel Athletic goalkeeper saved a penalty before the interval but could not stop a late header. The club's chairman said talk of a merger with the neighbouring amateur side was premature. Rovers now face a home tie against the league leaders in the next round.",
  },
  {
    id: "choir",
    title: "Kestrel Singers crowned at folk festival",
    text: "The Kestrel Singers won the folk festival's main prize with a set of sea shanties and ballads. The choir was founded after the merger of two village choirs a decade ago. Their conductor, Ada Finch, praised the young soloists who had learned the songs in a month. The festival drew record crowds to the harbour green over the weekend.",
  },
];

function engineOf(stories: { id: string; title: string; text: string }[]) {
  const articles = articlesFromRecords([
    ...FILLERS.map((text, i) => ({ id: `filler${i}`, title: text.split(/[.,]/)[0]!, text })),
    ...stories,
  ]);
  const engine = createExtractiveEngine(articles);
  expect(engine.index.size).toBeGreaterThanOrEqual(DEFAULT_STORY_GATE.minArticles);
  return engine;
}

describe("a briefing's points tell the story asked about", () => {
  it("takes no point from another story that uses both topic words", async () => {
    const b = await engineOf([...MERGER, ...ELSEWHERE]).brief("kestrel merger");
    expect(b.found).toBe(true);
    const cited = new Set(b.points.flatMap((p) => p.sources));
    expect([...cited].sort()).toEqual(["merger1", "merger2"].filter((id) => cited.has(id)));
    expect(cited.has("rovers") || cited.has("choir")).toBe(false);
    expect(b.points.length).toBeGreaterThanOrEqual(3);
  });

  it("stops short rather than pad a story of few sentences with another story's", async () => {
    const short = {
      id: "merger1",
      title: "Kestrel Airways agrees merger with Plover Air",
      text: "Kestrel Airways has agreed a merger with its smaller rival Plover Air, creating the largest carrier serving the northern islands. The regulator must still approve the deal, which unions fear could cost cabin crew jobs.",
    };
    const b = await engineOf([short, ...ELSEWHERE]).brief("kestrel merger");
    expect(b.found).toBe(true);
    expect(b.points.length).toBeGreaterThanOrEqual(1);
    expect(b.points.length).toBeLessThanOrEqual(2);
    expect(b.points.every((p) => p.sources.every((id) => id === "merger1"))).toBe(true);
    expect(b.headline).toBe("Kestrel Airways agrees merger with Plover Air");
  });
});
