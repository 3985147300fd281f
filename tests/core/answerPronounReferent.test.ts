/**
 * An answer whose lead sentence opens on a word referring back to one of the kind asked ("She led …"
 * for "Who led …?", "The company paid …" for "Which company paid …?") and names no answer itself: the
 * name the sentence before gives is shown first ("Lena Kortland — She led …"), the cited sentence
 * unchanged (retrieval.ts `pronounReferent`). Made-up articles (no seed files, no dataset text).
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { answerToDocument } from "../../src/present/fromCore.ts";
import { articleHolds } from "./helpers.ts";

const coach = {
  id: "a",
  title: "Federation names new head coach",
  text: [
    "The federation said on Monday that Lena Kortland would take charge of the women's squad in September.",
    "She led her native Netherlands to the continental title in 2017, beating the hosts in the final.",
    "The squad will gather in August for a training camp before the qualifiers begin.",
  ].join(" "),
};

const buyer = {
  id: "b",
  title: "Refinery sold after long review",
  text: [
    "Korvane Energy won approval for its biggest purchase on Friday after a year-long review.",
    "The company paid $4.2bn for the Ostrava refinery, according to a filing.",
    "The site employs about 3,000 people and supplies most of the region's fuel.",
  ].join(" "),
};

describe("an answer opening on a word referring back to the one asked for", () => {
  it("names the person 'She' refers to first, the cited sentence unchanged", async () => {
    const articles = articlesFromRecords([coach]);
    const a = await createExtractiveEngine(articles).ask(
      "Who led the Netherlands to the continental title in 2017?",
    );
    expect(a.found).toBe(true);
    expect(a.answer).toMatch(/^Lena Kortland — She led her native Netherlands/);
    const first = a.points[0]!;
    expect(first.text).toMatch(/^She led her native Netherlands/);
    for (const id of first.sources)
      expect(articleHolds(articles.find((x) => x.id === id)!, first.text)).toBe(true);
    // (Shown with the prefix and cited, as the answer clause of the first point is.)
    const doc = answerToDocument(a);
    const para = doc.blocks[0]!;
    expect(para.kind).toBe("paragraph");
    if (para.kind !== "paragraph") return;
    expect(para.content[0]).toMatchObject({
      kind: "text",
      text: expect.stringMatching(/^Lena Kortland — She led/),
    });
    expect(para.content.some((x) => x.kind === "cite")).toBe(true);
  });

  it("names the company 'The company' refers to first", async () => {
    const a = await createExtractiveEngine(articlesFromRecords([buyer])).ask(
      "Which firm paid $4.2bn for the Ostrava refinery?",
    );
    expect(a.answer).toMatch(/^Korvane Energy — The company paid \$4\.2bn/);
  });

  it("names no one when the name before is not of the kind asked", async () => {
    // ("Which national team …" asks for a team: "She" is a person, and the sentence gives the team.)
    const a = await createExtractiveEngine(articlesFromRecords([coach])).ask(
      "Lena Kortland led which national team to the continental title in 2017?",
    );
    expect(a.answer).not.toMatch(/ — /);
    expect(a.answer).toContain("Netherlands");
  });

  it("names no one 'He' cannot mean: whose someone is, a quoted name, a name further back", async () => {
    for (const before of [
      "Prime Minister Ana Lindt's spokesman said the talks in Varnholm had gone well.",
      '"They have Piet Moren and Lars Ekdal, and both are in form," the coach said of the talks in Varnholm.',
      "He told Radio Varnholm the talks had gone well.",
    ]) {
      const a = await createExtractiveEngine(
        articlesFromRecords([
          {
            id: "c",
            title: "Talks end",
            text: [
              before,
              "He added that a deal on the river crossing was close.",
              "Talks resume in May.",
            ].join(" "),
          },
        ]),
      ).ask("Who added that a deal on the river crossing was close?");
      expect(a.answer, before).not.toMatch(/^(Ana Lindt|Piet Moren|Radio Varnholm) — /);
    }
  });
});
