/**
 * The story gate (src/engine/sameStory.ts): in a corpus large enough for its idf to mean
 * something, two articles' figures are compared only when the articles report one story. Made-up articles:
 * a corpus of filler news (films, weather, company results, football, councils), two reports of one ferry
 * disaster and two stories of different films sharing only the generic words of box-office news.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { findDisagreements } from "../../src/engine/disagreements.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { DEFAULT_STORY_GATE, storyGate } from "../../src/engine/sameStory.ts";
import { CorpusIndex } from "../../src/search/index.ts";

const FILMS = ["Amber", "Blue", "Cold", "Dust"].flatMap((a) =>
  ["Coast", "Lantern", "Harbour", "Road", "Valley"].map((b) => `${a} ${b}`),
);
const TOWNS = ["Mar", "Net", "Oak", "Pel", "Quar", "Red", "Salt", "Thorn", "Umber", "Vex"].flatMap((a) =>
  ["by", "ford", "hurst", "ham", "moor", "wick", "mere", "bury"].map((b) => a + b),
);

/** Everyday news of many stories (500 articles in all), without figures: what gives words their weight. */
const FILLERS = [
  ...FILMS.map(
    (n) =>
      `The drama ${n} opened in cinemas this weekend and drew large audiences across the country. Critics praised the cast, the director and the film's music. The studio said it was pleased with the box office takings and plans a sequel.`,
  ),
  ...TOWNS.flatMap((t) => [
    `Storms brought heavy rain and strong winds to ${t} overnight, flooding roads and closing schools. Forecasters warned that more bad weather was expected later in the week.`,
    `Shares in the ${t} Building Society rose after it reported higher profits and lower costs. The chief executive said the firm expected strong demand from home buyers next year.`,
    `${t} United beat their local rivals in a tense league match on Saturday. The manager praised his players' spirit and said the team could still win the title.`,
    `The council in ${t} approved plans for a new library and a sports centre. Local residents had campaigned for years for better public facilities.`,
    `A ferry carrying passengers and cars ran aground near ${t} harbour in thick fog, but everyone on board was brought ashore safely, the coastguard said.`,
    `Police in ${t} appealed for witnesses after a jewellery shop was robbed on the high street. Officers said nobody was hurt in the raid.`,
  ]),
];

const PAPER_MOONS =
  "Paper Moons, a comedy about a forger who falls for a detective, is directed by Ines Varga and stars Tom Ashby. It took $31m at the box office in its first weekend. Audiences laughed throughout the screenings, cinema owners said. Varga wrote the script with her sister while living in Lisbon, and Ashby learned calligraphy for the part.";
const NIGHT_FERRY =
  "Night Ferry follows a captain whose ship is hijacked by pirates in the Arctic, with Carl Brenner directing. It took $48m at the box office in its first weekend. Studio executives said the opening beat their forecasts. Brenner shot most scenes aboard a real icebreaker off Svalbard, where the crew endured blizzards and polar nights.";
/** Another report of the Paper Moons story, giving its takings differently. */
const PAPER_MOONS_AGAIN =
  "Ines Varga's forger comedy Paper Moons, starring Tom Ashby as a calligrapher who falls for a detective, took $36m at the box office in its first weekend. Varga and her sister wrote the script in Lisbon, and Ashby's forger charmed audiences, cinema owners said.";

const SINKING = (toll: string) =>
  `The ferry Saint Brendan capsized in a storm off the Kestrel Islands on Tuesday night. ${toll} people died in the sinking, officials said. Divers searched the wreck at dawn while relatives waited on the quay at Port Tamsin, and the Kestrel coastguard blamed overloading and a broken bilge pump.`;

const BRACKENMOOR = (toll: string) =>
  `Floods swept through the hill town of Brackenmoor after the river Lune burst its banks on Sunday. Volunteers filled sandbags through the night. ${toll} people died in the floods, officials said. The mayor, Edith Crane, asked the government for emergency funds to rebuild the old stone bridge.`;
/** Another flood, another country: only the words of flood news in common with Brackenmoor's. */
const SANVARI =
  "Heavy monsoon rain flooded rice fields across the delta province of Sanvari, where farmers lost their harvest. Thirty people died in the floods, officials said. Aid agencies flew helicopters with food parcels to villages cut off by the water.";

function corpus(stories: Record<string, string>) {
  return articlesFromRecords([
    ...FILLERS.map((text, i) => ({ id: `filler${i}`, title: text.split(/[.,]/)[0]!, text })),
    ...Object.entries(stories).map(([id, text]) => ({ id, title: text.split(/[.,]/)[0]!, text })),
  ]);
}

/** "Where sources differ" among the named articles of the corpus, with or without its story gate. */
function differ(stories: Record<string, string>, gated: boolean) {
  const index = new CorpusIndex(corpus(stories));
  expect(index.size).toBeGreaterThanOrEqual(DEFAULT_STORY_GATE.minArticles);
  const sentences = Object.keys(stories).flatMap((id) => index.sentences(index.indexOf(id)!));
  return findDisagreements(sentences, (a) => index.articles[a]!.id, 5, undefined, {
    sameStory: gated ? storyGate(index) : undefined,
  }).map((d) => d.claims.flatMap((c) => c.values).sort());
}

describe("figures are compared only between reports of one story", () => {
  it("keeps two reports of one story that give different tolls", () => {
    const found = differ({ a: SINKING("Forty-one"), b: SINKING("Fifty-three") }, true);
    expect(found).toEqual([["fifty-three", "forty-one"]]);
  });

  it("does not pair two films' takings that share only the words of box-office news", () => {
    // Without the gate the two films' weekends are one figure told differently.
    expect(differ({ a: PAPER_MOONS, b: NIGHT_FERRY }, false)).toEqual([["$31m", "$48m"]]);
    expect(differ({ a: PAPER_MOONS, b: NIGHT_FERRY }, true)).toEqual([]);
    // Control: two reports of one film's weekend still differ.
    expect(differ({ a: PAPER_MOONS, b: PAPER_MOONS_AGAIN }, true)).toEqual([["$31m", "$36m"]]);
  });

  it("leaves a small corpus ungated: its idf cannot tell a story's words from the language's", () => {
    const small = new CorpusIndex(articlesFromRecords([{ id: "a", text: PAPER_MOONS }]));
    expect(storyGate(small)).toBeUndefined();
  });
});

describe("every caller uses the gate", () => {
  it("answers: a how-many question over two floods' stories is not 'Sources differ'", async () => {
    const question = "How many people died in the floods?";
    const two = createExtractiveEngine(corpus({ a: BRACKENMOOR("Twelve"), b: SANVARI }));
    const answer = await two.ask(question);
    expect(answer.found).toBe(true);
    expect(answer.answer).not.toMatch(/Sources differ/);
    // Control: two reports of one flood's toll are.
    const one = createExtractiveEngine(corpus({ a: BRACKENMOOR("Twelve"), b: BRACKENMOOR("Fourteen") }));
    expect((await one.ask(question)).answer).toMatch(/^Sources differ on the number of people died/);
  });

  it("briefings: no block pairs two films' takings", async () => {
    const two = createExtractiveEngine(corpus({ a: PAPER_MOONS, b: NIGHT_FERRY }));
    expect((await two.brief("first weekend")).disagreements).toEqual([]);
    const one = createExtractiveEngine(corpus({ a: PAPER_MOONS, b: PAPER_MOONS_AGAIN }));
    expect((await one.brief("first weekend")).disagreements.length).toBe(1);
  });
});
