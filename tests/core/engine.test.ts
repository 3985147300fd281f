import { describe, expect, it } from "vitest";
import { articlesFromRecords, loadCorpus } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { scoredSelection } from "../../src/engine/selection/alternatives.ts";
import type { Article, Briefing } from "../../src/model.ts";
import { articleHolds, distinctStatements } from "./helpers.ts";

const seeds = loadCorpus("seeds");
const engine = createExtractiveEngine(seeds);

function checkCitations(b: { points: { text: string; sources: string[] }[] }, articles: readonly Article[]) {
  const byId = new Map(articles.map((a) => [a.id, a]));
  for (const p of b.points) {
    expect(p.sources.length).toBeGreaterThan(0);
    for (const id of p.sources) expect(articleHolds(byId.get(id)!, p.text), `${id} ⊉ ${p.text}`).toBe(true);
  }
}

function checkDisagreementCitations(b: Briefing, articles: readonly Article[]) {
  const byId = new Map(articles.map((a) => [a.id, a]));
  for (const d of b.disagreements)
    for (const c of d.claims)
      for (const id of c.sources) expect(articleHolds(byId.get(id)!, c.text)).toBe(true);
}

describe("retrieval", () => {
  it("finds the laborers under British spelling, American spelling and a near-synonym", async () => {
    for (const topic of ["labourers", "laborers", "workers"]) {
      const b = await engine.brief(topic);
      expect(b.found, topic).toBe(true);
      const text = b.points.map((p) => p.text).join(" ");
      expect(text, topic).toMatch(/labou?rers/);
      expect(text).toContain("10,000");
    }
  });

  it("says plainly when nothing in the corpus covers a topic", async () => {
    const b = await engine.brief("volcano eruption");
    expect(b.found).toBe(false);
    expect(b.points).toEqual([]);
    expect(b.sources).toEqual([]);
    expect(b.headline).toMatch(/Nothing found about “volcano eruption”/);
  });
});

describe("briefings on the seeds", () => {
  it("labourers: 3–6 cited points, sources listed, both figures in a disagreement", async () => {
    const b = await engine.brief("laborers");
    expect(b.engine).toBe("extractive");
    expect(b.points.length).toBeGreaterThanOrEqual(3);
    expect(b.points.length).toBeLessThanOrEqual(6);
    checkCitations(b, seeds);
    checkDisagreementCitations(b, seeds);
    const cited = new Set(b.points.flatMap((p) => p.sources));
    for (const id of cited) expect(b.sources.map((s) => s.id)).toContain(id);
    const workers = b.disagreements.find((d) => /labou?rers/i.test(d.about));
    expect(workers, JSON.stringify(b.disagreements)).toBeDefined();
    const claims = workers!.claims.map((c) => c.text).join(" | ");
    expect(claims).toContain("10,000");
    expect(claims).toMatch(/Tens of thousands/);
    expect(new Set(workers!.claims.flatMap((c) => c.sources)).size).toBeGreaterThanOrEqual(2);
  });

  it("the summit: the meeting day is a disagreement (Wednesday or Friday vs Thursday)", async () => {
    const b = await engine.brief("Putin Kim summit");
    checkCitations(b, seeds);
    const day = b.disagreements.find((d) => /^Day of/.test(d.about));
    expect(day, JSON.stringify(b.disagreements)).toBeDefined();
    const text = day!.claims.map((c) => c.text).join(" ");
    expect(text).toContain("Thursday");
    expect(text).toMatch(/Wednesday or Friday/);
    // The day a statement was made ("the Kremlin said Thursday") is not the meeting's day.
    expect(text).not.toMatch(/Kremlin said Thursday/);
  });

  it("no two points say the same thing", async () => {
    for (const topic of ["Putin Kim summit", "sanctions", "Vladivostok"]) {
      const b = await engine.brief(topic);
      expect(b.points.length, topic).toBeGreaterThan(1);
      expect(distinctStatements(b.points), topic).toBeNull();
    }
  });
});

const corroborated = articlesFromRecords([
  {
    id: "a",
    title: "Dam plan approved",
    text: "The regional council approved the new river dam on Tuesday after a long debate.\n\nThe dam will cost 300 million euros and take five years to build.\n\nFarmers downstream welcomed the decision.",
  },
  {
    id: "b",
    title: "Council backs dam",
    text: "The regional council approved the new river dam on Tuesday, after a long debate.\n\nOfficials expect the dam to cost 450 million euros.\n\nEnvironmental groups said they would appeal against the dam in court.",
  },
  {
    id: "c",
    title: "Cycling lanes for the old town",
    text: "The city will paint new cycling lanes across the old town this summer.\n\nShops worry about losing parking spaces on the main street.",
  },
]);

describe("briefings on a corpus the test makes", () => {
  const e = createExtractiveEngine(corroborated);

  it("merges the same sentence from two sources into one point citing both", async () => {
    const b = await e.brief("dam");
    checkCitations(b, corroborated);
    const approved = b.points.filter((p) => /council approved the new river dam/.test(p.text));
    expect(approved).toHaveLength(1);
    expect(approved[0]!.sources.sort()).toEqual(["a", "b"]);
    expect(b.sources.map((s) => s.id)).not.toContain("c");
  });

  it("reports different cost figures from the two sources, each side cited", async () => {
    const b = await e.brief("dam");
    const cost = b.disagreements.find((d) => /euros/.test(d.about));
    expect(cost, JSON.stringify(b.disagreements)).toBeDefined();
    expect(cost!.claims.map((c) => c.sources[0]).sort()).toEqual(["a", "b"]);
    checkDisagreementCitations(b, corroborated);
  });

  it("does not call compatible figures a disagreement", async () => {
    const arts = articlesFromRecords([
      { id: "x", text: "Port strike\n\nAbout 3,000 dock workers walked out at the port on Monday morning." },
      {
        id: "y",
        text: "Dock walkout\n\nSome 3,100 dock workers walked out at the port on Monday, unions said.",
      },
    ]);
    const b = await createExtractiveEngine(arts).brief("dock workers");
    expect(b.found).toBe(true);
    expect(b.disagreements).toEqual([]);
  });
});

/** Two made-up reports giving two counts of one thing (300 vs more than 2,000 volunteers). */
const floodReports = () =>
  articlesFromRecords([
    {
      id: "gazette",
      title: "Flood relief effort grows",
      text: "Flood relief effort grows\n\nAbout 300 volunteers joined the flood relief effort in Dunmore on Saturday.\n\nThe river peaked overnight.",
    },
    {
      id: "herald",
      title: "Thousands help after Dunmore flood",
      text: "Thousands help after Dunmore flood\n\nMore than 2,000 volunteers joined the flood relief effort in Dunmore, organisers said.\n\nRoads stayed closed.",
    },
  ]);

describe("answers", () => {
  it("answers from the best supporting sentence, cited", async () => {
    const a = await engine.ask("How many North Korean workers are in Russia?");
    expect(a.found).toBe(true);
    expect(a.engine).toBe("extractive");
    expect(a.answer).toMatch(/10,000|[Tt]ens of thousands/);
    checkCitations(a, seeds);
  });

  it("says plainly when the sources give different figures, both sides cited in the points", async () => {
    const a = await engine.ask("How many North Korean workers are in Russia?");
    expect(a.answer).toMatch(/^Sources differ/);
    expect(a.answer).toMatch(/10,000/);
    expect(a.answer).toMatch(/tens of thousands/i);
    expect(a.answer).not.toMatch(/\[\d+\]/); // plain text: citations live in the points
    const withTenThousand = a.points.filter((p) => /10,000/.test(p.text));
    const withTens = a.points.filter((p) => /tens of thousands/i.test(p.text));
    expect(withTenThousand.length).toBeGreaterThan(0);
    expect(withTens.length).toBeGreaterThan(0);
    const sides = new Set([...withTenThousand, ...withTens].flatMap((p) => p.sources));
    expect(sides.size).toBeGreaterThanOrEqual(2);
    checkCitations(a, seeds);
  });

  it("on a corpus the test makes: conflicting counts, each source named; agreeing ones answered as usual", async () => {
    const arts = floodReports();
    const e = createExtractiveEngine(arts);
    const a = await e.ask("How many volunteers joined the flood relief effort?");
    expect(a.found).toBe(true);
    expect(a.answer).toMatch(/^Sources differ on the number of volunteers/);
    expect(a.answer).toMatch(
      /about 300 \(“Flood relief effort grows”\) vs more than 2,000 \(“Thousands help after/,
    );
    expect(a.points.map((p) => p.sources[0]).sort()).toEqual(["gazette", "herald"]);
    checkCitations(a, arts);

    const agree = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "x",
          text: "Port strike\n\nAbout 3,000 dock workers walked out at the port on Monday morning.",
        },
        {
          id: "y",
          text: "Dock walkout\n\nSome 3,100 dock workers walked out at the port on Monday, unions said.",
        },
      ]),
    );
    const b = await agree.ask("How many dock workers walked out?");
    expect(b.found).toBe(true);
    expect(b.answer).not.toMatch(/Sources differ/);
    expect(b.answer).toBe(b.points[0]!.text);
    // A question of another kind is answered from a sentence even where figures conflict.
    const c = await e.ask("Where did the volunteers help?");
    expect(c.answer).not.toMatch(/Sources differ/);
  });

  it("says the articles don't say when they don't", async () => {
    const a = await engine.ask("What is the capital of Peru?");
    expect(a.found).toBe(false);
    expect(a.answer).toBe("The articles don't say what the capital of Peru is.");
    expect(a.points).toEqual([]);
  });

  it("uses the thread's topic to steer retrieval", async () => {
    const e = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "f",
          text: "Football final\n\nThe final will be played in Madrid on Saturday evening before 80,000 fans.",
        },
        {
          id: "m",
          text: "Music festival\n\nThe festival final concert will be played in Leeds on Sunday night.",
        },
      ]),
    );
    const withFootball = await e.ask("Where will the final be played?", { context: "football" });
    expect(withFootball.points[0]!.sources).toEqual(["f"]);
    const withMusic = await e.ask("Where will the final be played?", { context: "music festival" });
    expect(withMusic.points[0]!.sources).toEqual(["m"]);
  });
});

describe("digests", () => {
  const arts = articlesFromRecords([
    {
      id: "old",
      addedAt: "2024-01-01T00:00:00Z",
      text: "Bank raises rates\n\nThe central bank raised interest rates to 5% on Thursday to fight inflation.",
    },
    {
      id: "new1",
      addedAt: "2024-02-02T00:00:00Z",
      text: "Storm hits coast\n\nA storm brought floods to the northern coast on Friday, closing roads and schools.",
    },
    {
      id: "new2",
      addedAt: "2024-02-03T00:00:00Z",
      text: "Floods close schools\n\nFloods from the storm closed schools and roads on the northern coast for a second day.",
    },
    {
      id: "new3",
      addedAt: "2024-02-03T00:00:00Z",
      text: "Chess champion retires\n\nThe world chess champion announced his retirement after twenty years at the top.",
    },
  ]);
  const e = createExtractiveEngine(arts);

  it("groups what was added since a time into stories, with cited points", async () => {
    const d = await e.digest({ since: new Date("2024-02-01T00:00:00Z") });
    expect(d.found).toBe(true);
    const cited = new Set(d.stories.flatMap((s) => s.points.flatMap((p) => p.sources)));
    expect(cited.has("old")).toBe(false);
    expect(d.stories).toHaveLength(2);
    const storm = d.stories.find((s) => s.points.some((p) => /storm|flood/i.test(p.text)))!;
    // The two storm reports are one story; its points come from them only.
    for (const id of storm.points.flatMap((p) => p.sources)) expect(["new1", "new2"]).toContain(id);
    expect(d.stories.filter((s) => s !== storm).flatMap((s) => s.points.flatMap((p) => p.sources))).toEqual([
      "new3",
    ]);
    for (const s of d.stories) checkCitations(s, arts);
  });

  it("says plainly when nothing is new", async () => {
    const d = await e.digest({ since: new Date("2024-03-01T00:00:00Z") });
    expect(d.found).toBe(false);
    expect(d.stories).toEqual([]);
    expect(d.summary).toBe("Nothing new since 2024-03-01T00:00:00Z.");
  });

  it("filters by topic", async () => {
    const d = await e.digest({ topics: ["chess"] });
    expect(d.stories).toHaveLength(1);
    expect(d.sources.map((s) => s.id)).toEqual(["new3"]);
  });
});

describe("evidence and suggestions", () => {
  it("exposes the passages a briefing is built from, each held by its source", () => {
    const ev = engine.briefEvidence("laborers");
    expect(ev.passages.length).toBeGreaterThan(0);
    const byId = new Map(seeds.map((a) => [a.id, a]));
    for (const p of ev.passages) expect(articleHolds(byId.get(p.sourceId)!, p.text)).toBe(true);
    expect(ev.passages.map((p) => p.n)).toEqual(ev.passages.map((_, i) => i + 1));
    expect(engine.askEvidence("What is the capital of Peru?").passages).toEqual([]);
  });

  it("suggests topics the corpus covers", () => {
    const s = engine.suggestTopics("vlad");
    expect(s).toContain("Vladivostok");
    expect(engine.suggestTopics("nor", 3).some((t) => /North Korea/.test(t))).toBe(true);
  });
});

/** Words that must never lead a suggestion. */
const LEAD_STOP = /^(the|a|an|of|in|on|for|and|but|to|with|by|at|as|is|was|he|she|it|they|this|that|said)\b/i;

describe("topic suggestions (key phrases)", () => {
  it("warmUp builds them ahead of the first request, letting the event loop run between slices", async () => {
    const places = ["Dover", "Calais", "Leeds", "Hull", "Bristol", "Cardiff"];
    const arts = articlesFromRecords(
      Array.from({ length: 320 }, (_, i) => ({
        id: `w${i}`,
        text: `Harbour news ${i}\n\nThe harbour workers in ${places[i % places.length]} met the council on Monday. The council said the harbour strike would end soon.`,
      })),
    );
    const lazy = createExtractiveEngine(arts).suggestTopics("har");
    expect(lazy.length).toBeGreaterThan(0);
    const e = createExtractiveEngine(arts);
    let turns = 0;
    let counting = true;
    const tick = () => {
      if (!counting) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    await e.warmUp();
    counting = false;
    expect(turns).toBeGreaterThan(1); // not one synchronous build
    expect(e.suggestTopics("har")).toEqual(lazy);
  });

  it("on the seeds: names and noun phrases, one spelling each, every one briefable", async () => {
    expect(engine.suggestTopics("kim")).toContain("Kim Jong Un");
    expect(engine.suggestTopics("kim").filter((t) => /^Kim Jong.Un$/.test(t))).toHaveLength(1);
    expect(engine.suggestTopics("sanc")).toContain("UN sanctions");
    expect(engine.suggestTopics("lab").some((t) => /labou?rers/.test(t))).toBe(true);
    const all = engine.suggestTopics("", 50);
    expect(all.filter((t) => t.includes(" ")).length).toBeGreaterThanOrEqual(5);
    for (const t of all) {
      expect(t).not.toMatch(LEAD_STOP);
      expect(["first", "Jong", "Korean", "leader"]).not.toContain(t);
      expect((await engine.brief(t)).found, t).toBe(true);
    }
  });

  const town = articlesFromRecords(
    [
      "The city council voted on Monday to raise water rates by 4%, Mayor Maria Lopez said. The new water rates take effect in May.",
      "Residents protested against higher water rates outside City Hall. Maria Lopez defended the decision in a statement.",
      "Mayor Maria Lopez opened the new harbour bridge on Friday. The harbour bridge carries 20,000 cars a day.",
      "Tolls on the harbour bridge will fund road repairs, the council said. Critics say the water rate rise hurts families.",
      "A storm closed the harbour bridge for six hours. The Port Authority warned of more storms this winter.",
      "The Port Authority approved a budget for the harbour bridge repairs. Maria Lopez welcomed the budget.",
    ].map((text, i) => ({ id: `t${i}`, title: `Town news ${i + 1}`, text })),
  );
  const e = createExtractiveEngine(town);

  it("on a corpus the test makes: phrases ranked by the articles that mention them", async () => {
    const all = e.suggestTopics("", 20);
    // Mentioned by 4, 3 and 2 articles respectively.
    expect(all.indexOf("harbour bridge")).toBeGreaterThanOrEqual(0);
    expect(all.indexOf("Maria Lopez")).toBeGreaterThanOrEqual(0);
    expect(all.indexOf("harbour bridge")).toBeLessThan(all.indexOf("Port Authority"));
    // A name always written whole is not offered in pieces; the plural and singular are one phrase.
    expect(all).not.toContain("Lopez");
    expect(all.filter((t) => /^water rates?$/.test(t))).toHaveLength(1);
    for (const t of all) {
      expect(t).not.toMatch(LEAD_STOP);
      expect(t).not.toMatch(/\b(voted|approved|said|opened)\b/);
      expect((await e.brief(t)).found, t).toBe(true);
    }
  });

  it("matches the prefix at the start of any word, case-insensitively", () => {
    expect(e.suggestTopics("rat")).toContain("water rates");
    expect(e.suggestTopics("LOP")).toContain("Maria Lopez");
    expect(e.suggestTopics("auth")).toContain("Port Authority");
    expect(e.suggestTopics("ridge")).toEqual([]);
    expect(e.suggestTopics("harbour b", 1)).toEqual(["harbour bridge"]);
  });
});

describe("coverage point selection", () => {
  const council = articlesFromRecords([
    {
      id: "p",
      title: "Council meeting",
      text: "The city council met on Monday to vote on the annual budget.\n\nThe budget includes money for a new primary school in the eastern district.\n\nThe new school will open in 2026 and take 400 pupils.\n\nCouncillors also debated parking fees in the town centre for two hours.",
    },
    {
      id: "q",
      title: "Budget passed",
      text: "The city council passed the annual budget on Monday by a wide margin.\n\nParents welcomed the plan for a new primary school in the eastern district.\n\nThe school will cost 12 million euros, the council said in a statement.\n\nParking fees in the town centre will rise by ten percent next year.",
    },
    {
      id: "r",
      title: "Parking row",
      text: "Shop owners protested against higher parking fees in the town centre on Monday.\n\nThey said the city council had ignored their petition for months.\n\nThe council budget also funds street lighting and road repairs across the city.",
    },
  ]);

  it("keeps a briefing on its topic when enough sentences match it, every point cited and checked", async () => {
    for (const [selection, opts] of [
      ["coverage", {}],
      ["scored", { selection: scoredSelection() }],
    ] as const) {
      const b = await createExtractiveEngine(council, opts).brief("school");
      expect(b.found, selection).toBe(true);
      checkCitations(b, council);
      for (const p of b.points) expect(p.text, selection).toMatch(/school/i);
    }
  });

  it("tops a briefing up to 3 points when coverage finds fewer on-topic sentences", async () => {
    const b = await createExtractiveEngine(council).brief("parking fees");
    expect(b.points.length).toBeGreaterThanOrEqual(3);
    expect(b.points.length).toBeLessThanOrEqual(6);
    checkCitations(b, council);
    expect(distinctStatements(b.points)).toBeNull();
  });

  it("gives each digest story 1–3 cited points", async () => {
    const d = await createExtractiveEngine(council).digest();
    expect(d.found).toBe(true);
    for (const s of d.stories) {
      expect(s.points.length).toBeGreaterThanOrEqual(1);
      expect(s.points.length).toBeLessThanOrEqual(3);
      checkCitations(s, council);
    }
  });
});

/**
 * `sourcesDiffer: false` (the product's default, app/config.ts): the same reports that give two counts of
 * one thing get no "where sources differ" block and no "Sources differ …" answer; the briefing and the
 * answer are otherwise made as before (the control: on, both appear).
 */
describe("the sources-differ switch", () => {
  it("on (the engine's default): the answer says the sources differ, the briefing has a block", async () => {
    const e = createExtractiveEngine(floodReports());
    expect((await e.ask("How many volunteers joined the flood relief effort?")).answer).toMatch(
      /^Sources differ/,
    );
    expect((await e.brief("flood relief volunteers")).disagreements.length).toBeGreaterThan(0);
  });

  it("off: neither says so, and both still answer from the reports", async () => {
    const e = createExtractiveEngine(floodReports(), { sourcesDiffer: false });
    const a = await e.ask("How many volunteers joined the flood relief effort?");
    expect(a.found).toBe(true);
    expect(a.answer).not.toMatch(/Sources differ/);
    expect(a.answer).toMatch(/volunteers/);
    const b = await e.brief("flood relief volunteers");
    expect(b.found).toBe(true);
    expect(b.disagreements).toEqual([]);
    expect(b.points.length).toBeGreaterThan(0);
  });
});
