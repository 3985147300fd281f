/**
 * Points that open on a reference they don't explain: an ordinal or comparative of a set told before
 * ("The third …", "The previous two …"), a demonstrative for what was said ("That was when …"), a
 * writer's or business's first-person voice outside a quotation ("We make the best …"). A back
 * reference is given the sentence before it when that sentence explains it (and takes it in when that
 * sentence is a point too), else left out of a briefing (a digest story keeps it as it keeps a
 * nameless description, while it has fewer than three others); a first-person voice is left out. Made-up text.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { completeQuotes, unexplainedOpener, withContext } from "../../src/engine/points.ts";

describe("unexplainedOpener", () => {
  it("reads ordinals, comparatives and demonstratives as back references", () => {
    expect(unexplainedOpener("The third patient was named as Ida Brenn, a nurse from Oslow.", 3)).toBe(
      "reference",
    );
    expect(unexplainedOpener("The previous two vaccines were both turned down by the board.", 3)).toBe(
      "reference",
    );
    expect(unexplainedOpener("The other driver was treated at the scene for cuts.", 3)).toBe("reference");
    expect(unexplainedOpener("That was when Ida Brenn learned the clinic had closed.", 3)).toBe("reference");
    expect(unexplainedOpener("This is why the bridge stayed shut for a week.", 3)).toBe("reference");
  });
  it("reads a first-person voice outside a quotation", () => {
    expect(unexplainedOpener("We make the finest pastries in the valley and ship them daily.", 3)).toBe(
      "voice",
    );
    expect(unexplainedOpener("We've got all the latest news on the Oslow floods right here.", 3)).toBe(
      "voice",
    );
    expect(unexplainedOpener("As we reported earlier, the Oslow dam held overnight.", 3)).toBe("voice");
  });
  it("leaves alone what explains itself", () => {
    expect(unexplainedOpener("“We make the finest pastries in the valley,” the baker said.", 3)).toBeNull();
    expect(unexplainedOpener("This year the Oslow fair drew 20,000 visitors.", 3)).toBeNull();
    expect(unexplainedOpener("That night the river rose above its banks in Oslow.", 3)).toBeNull();
    expect(unexplainedOpener("I-95 was closed near Oslow after the crash.", 3)).toBeNull();
    expect(unexplainedOpener("The first snow of the winter fell on Oslow overnight.", 3)).toBeNull();
  });
});

const ARTS = articlesFromRecords([
  {
    id: "a",
    text: "Oslow clinic\n\nDoctors at the Oslow clinic treated a baby girl before she was born. A routine scan is offered to mothers in Oslow at 20 weeks. That was when Ida Brenn learned her daughter had a rare heart defect. The Oslow doctors said the girl is now doing well.",
  },
  {
    id: "b",
    text: "Oslow vaccines\n\nThe Oslow board approved the Kestrel vaccine on Monday. Regulators said the Kestrel vaccine is the last of three vaccines the board reviewed this year. The previous two vaccines were both turned down by the board after weak trials. The third patient was named as Ida Brenn, a nurse from Oslow. We make the finest pastries in the valley and ship them daily.",
  },
]);

describe("withContext for back references and voices", () => {
  const engine = createExtractiveEngine(ARTS);
  const cand = (a: number, text: string) => {
    const s = engine.index.sentences(a).find((x) => x.text.startsWith(text))!;
    return { text: s.text, stems: s.stems, articles: [a], score: 1, position: s.position };
  };
  it("gives a demonstrative the sentence before it, in briefings too", () => {
    const that = cand(0, "That was when");
    const [given] = withContext(engine.index, [that], { context: "agents", descriptions: "agents" });
    expect(given!.text).toBe(`A routine scan is offered to mothers in Oslow at 20 weeks. ${that.text}`);
  });
  it("takes in the sentence before when it is a point too, shown once in its place", () => {
    const scan = cand(0, "A routine scan");
    const lead = cand(0, "Doctors at the Oslow");
    const that = cand(0, "That was when");
    const out = withContext(engine.index, [scan, lead, that]).map((c) => c.text);
    expect(out).toEqual([`${scan.text} ${that.text}`, lead.text]);
  });
  it("takes in a point before it even when that point opens on a nameless description", () => {
    const arts = articlesFromRecords([
      {
        id: "d",
        text: "Oslow drugs\n\nThe Oslow board met on Monday. The Kestrel pill is the last of three diet drugs the board reviewed this year. The previous two drugs were both turned down by the board after weak trials.",
      },
    ]);
    const e = createExtractiveEngine(arts);
    const c = (text: string) => {
      const s = e.index.sentences(0).find((x) => x.text.startsWith(text))!;
      return { text: s.text, stems: s.stems, articles: [0], score: 1, position: s.position };
    };
    const last = c("The Kestrel pill");
    const previous = c("The previous two");
    expect(unexplainedOpener(last.text, last.position)).toBe("description");
    expect(withContext(e.index, [previous, last]).map((x) => x.text)).toEqual([
      `${last.text} ${previous.text}`,
    ]);
  });
  it("gives a comparative its set's sentence, and leaves out one whose sentence before does not name it", () => {
    const previous = cand(1, "The previous two");
    const [given] = withContext(engine.index, [previous], { context: "agents", descriptions: "agents" });
    expect(given!.text).toBe(
      `Regulators said the Kestrel vaccine is the last of three vaccines the board reviewed this year. ${previous.text}`,
    );
    const lead = cand(1, "The Oslow board approved");
    const third = cand(1, "The third patient");
    // A briefing leaves it out; a digest story keeps it while it has fewer than three others.
    expect(
      withContext(engine.index, [lead, third], { context: "agents", descriptions: "agents" }).map(
        (c) => c.text,
      ),
    ).toEqual([lead.text]);
    expect(withContext(engine.index, [lead, third]).map((c) => c.text)).toEqual([lead.text, third.text]);
  });
  it("leaves out a first-person voice", () => {
    const lead = cand(1, "The Oslow board approved");
    const we = cand(1, "We make the finest");
    expect(withContext(engine.index, [lead, we]).map((c) => c.text)).toEqual([lead.text]);
  });
});

describe("completeQuotes with a tokenised copy's spaced quotes", () => {
  it("reads a scare quote between spaced straight quotes as closed", () => {
    const arts = articlesFromRecords([
      {
        id: "t",
        text: 'Oslow rules\n\nthe oslow council fined the bakery for breaking its strict " no-queue " street rule on market day. the bakery paid the fine.',
      },
    ]);
    const engine = createExtractiveEngine(arts);
    const s = engine.index.sentences(0).find((x) => x.text.includes("no-queue"))!;
    const c = { text: s.text, stems: s.stems, articles: [0], score: 1, position: 0 };
    expect(completeQuotes(engine.index, [c]).map((x) => x.text)).toEqual([s.text]);
  });
});
