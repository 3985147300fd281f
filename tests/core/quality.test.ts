/**
 * What an editor checks, on real news read at test time from ../shared/eval (BBC News, DUC 2004):
 * grammatical "don't say" replies, answers of the kind asked, headlines from cited content, no
 * spurious "where sources differ" on pairs labelled not a disagreement (tests/data/disagreements.jsonl),
 * no sentence split after an abbreviation. Skipped with a message when the shared data is absent.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadLabels, pairKey } from "../../scripts/eval-disagreements.ts";
import { sharedUrl } from "../../scripts/shared.ts";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { splitSentences } from "../../src/corpus/sentences.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { lowerFirst } from "../../src/engine/phrasing.ts";
import { analyzeQuestion, embeddedQuestion } from "../../src/engine/questions.ts";

const BBC = fileURLToPath(new URL("eval/bbc_news/bbc_news.jsonl", sharedUrl()));
const present = existsSync(BBC);
if (!present) console.warn(`quality tests skipped: BBC data not found at ${BBC} (../shared/eval is absent)`);

interface BbcRecord {
  id: string;
  title: string;
  text: string;
}
const bbc: BbcRecord[] = present
  ? readFileSync(BBC, "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as BbcRecord)
  : [];
const engine = present
  ? createExtractiveEngine(
      articlesFromRecords(bbc.map((r) => ({ id: r.id, title: r.title, text: `${r.title}\n\n${r.text}` }))),
    )
  : null;

describe("questions as clauses", () => {
  it("turns questions into grammatical clauses for “The articles don't say …”", () => {
    expect(embeddedQuestion("How much wheat did Russia send?")).toBe("how much wheat Russia sent");
    expect(embeddedQuestion("What is the capital of Peru?")).toBe("what the capital of Peru is");
    expect(embeddedQuestion("Did the minister resign?")).toBe("whether the minister resigned");
    expect(embeddedQuestion("Is the strike over?")).toBe("whether the strike is over");
    expect(embeddedQuestion("Who won the election?")).toBe("who won the election");
    expect(embeddedQuestion("When will the talks begin?")).toBe("when the talks will begin");
    // A subject wh-phrase before a modal and a verb keeps its order; a pronoun or bare plural subject moves.
    expect(embeddedQuestion("Which bank could be fined by the regulator?")).toBe(
      "which bank could be fined by the regulator",
    );
    expect(embeddedQuestion("When did it open?")).toBe("when it opened");
    expect(embeddedQuestion("Why did shares fall?")).toBe("why shares fell");
  });

  it("fronts a question word asked in place, as news quizzes ask", () => {
    expect(embeddedQuestion("The bakery chain opened its first shop in which city this year?")).toBe(
      "which city the bakery chain opened its first shop in this year",
    );
    expect(embeddedQuestion("Harbour Freight recalled nearly 5,000 cases of which type of ladder?")).toBe(
      "which type of ladder Harbour Freight recalled nearly 5,000 cases of",
    );
    expect(embeddedQuestion("Before ferries, which boats carried mail to the island?")).toBe(
      "which boats carried mail to the island before ferries",
    );
    expect(embeddedQuestion("A ship sank off the cape. In which port did the ship dock?")).toBe(
      "in which port the ship docked",
    );
    expect(embeddedQuestion("In which hall of the Old Palace did the ceremony take place?")).toBe(
      "in which hall of the Old Palace the ceremony took place",
    );
    // Where fronting would break the clause it is not done (the reply quotes the question instead): a
    // question word in a list, in a possessive, inside a longer subject, after another clause's question
    // word. (A subject of a noun "of" or "from" it reads with it as the possessor, dontSayShapes.test.ts.)
    expect(embeddedQuestion("Anna Berg, Tom Holt and which other minister resigned?")).toBeNull();
    expect(embeddedQuestion("The biggest flood in which county's history ended on Monday?")).toBeNull();
    expect(embeddedQuestion("Engineers from which company claimed the record?")).toBe(
      "which company's engineers claimed the record",
    );
    expect(embeddedQuestion("A recent study of walkers in which city found the route?")).toBeNull();
    expect(embeddedQuestion("The search, during which divers found what, ended?")).toBeNull();
  });

  it("finds what a question asks for, after a sentence of context", () => {
    expect(analyzeQuestion("How many jobs will go?").type).toBe("quantity");
    expect(analyzeQuestion("The firm was sold this week. What year was it founded?").type).toBe("day");
    expect(analyzeQuestion("Which country hosted the summit?").type).toBe("place");
    expect(analyzeQuestion("Which technology company bought the start-up?").type).toBe("organisation");
    expect(analyzeQuestion("Who was named chief executive?").type).toBe("person");
    expect(analyzeQuestion("Why did shares fall?").type).toBe("reason");
    expect(analyzeQuestion("The firm was sold this week. What year was it founded?").asked).toBe(
      "What year was it founded?",
    );
  });
});

describe.skipIf(!present)("on the BBC News articles", () => {
  it("answers a figure question about a BBC article with a sentence giving a figure", async () => {
    // Questions made at test time from article titles: "How much … ?" about what the title names.
    let answered = 0;
    let tried = 0;
    for (const r of bbc.filter((x) => /business/.test(x.id)).slice(0, 40)) {
      const m = /\b(profits?|sales|shares|prices?|jobs)\b/i.exec(r.title);
      if (!m) continue;
      tried++;
      const a = await engine!.ask(
        `How much did ${r.title.replace(/\b(rise|rises|fall|falls|jump|jumps)\b.*$/i, "")} change?`,
      );
      if (a.found && /\d/.test(a.answer)) answered++;
    }
    expect(tried).toBeGreaterThan(3);
    expect(answered / tried).toBeGreaterThanOrEqual(0.6);
  });

  it("says grammatically what the articles don't cover", async () => {
    const a = await engine!.ask("How much wheat did Narnia send to the markets?");
    expect(a.found).toBe(false);
    expect(a.answer).toBe("The articles don't say how much wheat Narnia sent to the markets.");
    expect(a.answer).not.toMatch(/don't say anything about .* (say|did|does)\b/);
  });

  it("headlines come from what the briefing cites, and points are whole sentences", async () => {
    for (let i = 0; i < bbc.length; i += 150) {
      const topic = bbc[i]!.title.split(/\s+/).slice(0, 3).join(" ");
      const b = await engine!.brief(topic);
      if (!b.found) continue;
      const cited = new Set(b.points.flatMap((p) => p.sources));
      const titles = b.sources.filter((s) => cited.has(s.id)).map((s) => s.title);
      // A point whose opening phrase a headline leaves off ("At the show, several firms …") heads
      // capitalised ("Several firms …").
      const head = lowerFirst(b.headline.replace(/…$/, ""));
      expect(
        titles.includes(b.headline) || b.points.some((p) => lowerFirst(p.text).includes(head)),
        topic,
      ).toBe(true);
      for (const p of b.points) expect(p.text, topic).toMatch(/^[^a-z]/);
    }
  });

  it("shows none of the pairs labelled “not a disagreement” on the BBC briefings they came from", async () => {
    const labels = loadLabels().filter((l) => l.set.startsWith("bbc:"));
    expect(labels.length).toBeGreaterThan(50);
    const falseKeys = new Set(labels.filter((l) => !l.same).map((l) => l.key));
    for (const topic of new Set(labels.map((l) => l.set.slice(4)))) {
      const b = await engine!.brief(topic);
      for (const d of b.disagreements)
        for (const x of d.claims)
          for (const y of d.claims) {
            if (x === y || x.side === y.side) continue;
            expect(falseKeys.has(pairKey(x.text, y.text)), `${topic}: ${x.text} | ${y.text}`).toBe(false);
          }
    }
  });

  it("never ends a sentence on a title abbreviation (Mr., Dr., St.)", () => {
    for (const r of bbc.slice(0, 400))
      for (const para of r.text.split(/\n+/))
        for (const s of splitSentences(para)) expect(s, r.id).not.toMatch(/\b(Mr|Mrs|Ms|Dr|St)\.$/);
  });
});
