/**
 * Points whose subject is a pronoun they don't explain, in the shapes a plain "He said …" check missed:
 * "It" and any verb ("It took $12m …", not "It is unclear whether …"), a pronoun after an opening phrase
 * ("Speaking at the fair, he said …", "However, she believes …"), a quotation whose speaker is only a
 * pronoun (“…,” he said). A briefing leaves them out and gives the place to the next candidate on the
 * topic. Made-up text.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { completeQuotes, unexplainedOpener } from "../../src/engine/points.ts";
import { quotesClosed } from "../../src/text/quotes.ts";

describe("unexplainedOpener: pronouns beyond the opening word", () => {
  it("reads 'It' and a verb as a pronoun, unless the 'it' announces what follows", () => {
    expect(
      unexplainedOpener("It took $12m in its first weekend, according to the Oslow cinema chain.", 3),
    ).toBe("pronoun");
    expect(unexplainedOpener("It is reported to be keen on buying a stake in the Kestrel mill.", 3)).toBe(
      "pronoun",
    );
    expect(unexplainedOpener("It climbed 18 points to close at a record in Oslow.", 3)).toBe("pronoun");
    expect(
      unexplainedOpener("It is unclear whether the Oslow dam will hold through the spring.", 3),
    ).toBeNull();
    expect(unexplainedOpener("It was the first time the Kestrel ferry had sailed in winter.", 3)).toBeNull();
    expect(unexplainedOpener("It took three years for the Oslow council to agree a budget.", 3)).toBeNull();
  });
  it("reads a pronoun after an opening phrase that names no one for it", () => {
    expect(
      unexplainedOpener(
        "Speaking at the Oslow fair on Monday, he said the harvest was the best in years.",
        3,
      ),
    ).toBe("pronoun");
    expect(unexplainedOpener("However, she believes the Kestrel mill will reopen in May.", 3)).toBe(
      "pronoun",
    );
    expect(unexplainedOpener("At that time, his savings were already worth millions.", 3)).toBe("pronoun");
    expect(unexplainedOpener("When Ida Brenn arrived in Oslow, she found the clinic closed.", 3)).toBeNull();
    // A name before an apposition is no opening phrase.
    expect(unexplainedOpener("Brenn, his wife, Ida, and her sister died when the ferry sank.", 3)).toBeNull();
    expect(
      unexplainedOpener("Even though Brenn struggled all season, he still won the Oslow title.", 3),
    ).toBeNull();
  });
  it("reads a quotation whose only speaker is a pronoun", () => {
    expect(unexplainedOpener("“We will rebuild the bridge by spring,” he said.", 3)).toBe("pronoun");
    expect(unexplainedOpener("``We will rebuild the bridge by spring,'' she added.", 3)).toBe("pronoun");
    expect(unexplainedOpener("“We will rebuild the bridge by spring,” Mayor Ida Brenn said.", 3)).toBeNull();
  });
});

describe("a briefing without such points", () => {
  const engine = createExtractiveEngine(
    articlesFromRecords([
      {
        id: "m1",
        text: "Kestrel mill to reopen\n\nThe Kestrel steel mill in Oslow will reopen in May after a two-year closure, its owners said on Friday. Speaking at the Oslow chamber of commerce on Monday, he said the Kestrel steel mill would hire 300 workers from the valley. The Kestrel steel mill closed in 2019 when orders for its rails collapsed. “The Kestrel steel mill will be the heart of this valley again,” he said. Workers at the Kestrel steel mill welcomed the news of the reopening with a march through Oslow.",
      },
      {
        id: "m2",
        text: "Oslow jobs\n\nThe reopening of the Kestrel steel mill is the biggest boost to jobs in Oslow for a decade, the council said. However, she believes the Kestrel steel mill will need state help to stay open. Unions in Oslow said the Kestrel steel mill must keep its pension scheme. The council expects 40 new shops to open near the Kestrel steel mill by next year.",
      },
    ]),
  );
  it("leaves them out and keeps points on the topic in their place", async () => {
    const b = await engine.brief("Kestrel steel mill");
    const texts = b.points.map((p) => p.text);
    expect(texts.length).toBeGreaterThanOrEqual(3);
    for (const t of texts) {
      expect(t).not.toMatch(/^Speaking at|^However, she|he said\.$/);
      expect(t).toMatch(/Kestrel/);
    }
  });
});

describe("a wire copy's quotation marks (`` and '')", () => {
  it("are read as opening and closing marks", () => {
    expect(quotesClosed("``We will rebuild the bridge,'' the mayor said.")).toBe(true);
    expect(quotesClosed("``We will rebuild the bridge by spring.")).toBe(false);
    expect(quotesClosed("The bridge will open in May,'' the mayor said.")).toBe(false);
  });
  it("complete a quotation cut in half from its article, or leave it out", () => {
    const engine = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "w",
          text: "Oslow bridge\n\nThe Oslow council voted to rebuild the Kestrel bridge on Monday. ``We will rebuild the bridge by spring. Nobody in Oslow should have to drive an hour to work,'' Mayor Ida Brenn told reporters. The bridge was closed after the floods.",
        },
      ]),
    );
    const cand = (text: string) => {
      const s = engine.index.sentences(0).find((x) => x.text.startsWith(text))!;
      return { text: s.text, stems: s.stems, articles: [0], score: 1, position: s.position };
    };
    const [done] = completeQuotes(engine.index, [cand("``We will rebuild")]);
    expect(done!.text).toBe(
      "``We will rebuild the bridge by spring. Nobody in Oslow should have to drive an hour to work,'' Mayor Ida Brenn told reporters.",
    );
  });
});
