/**
 * "Where sources differ" with the words of one report said in other words by another (clauses.ts
 * inOtherWords, meaning.ts wordsOfMeaning): a derivational relative ("suspended" / "suspension") counts
 * as the word itself in every rule that counts words in common. Made-up reports.
 */
import { describe, expect, it } from "vitest";
import { derivedForms } from "../../src/text/wordnet.ts";
import { differ } from "../support/disagreements.ts";

const values = (found: ReturnType<typeof differ>) =>
  found.flatMap((d) => d.claims.flatMap((c) => c.values)).sort();

describe("where sources differ, said in other words", () => {
  it("reads WordNet's derivationally related forms", () => {
    expect(derivedForms("suspended", "verb")).toContain("suspension");
    expect(derivedForms("suspension", "noun")).toContain("suspend");
  });

  it("matches a count whose clause one report says with a verb and the other with its noun", () => {
    const a = "Police said 12 workers were suspended after the audit found missing funds at the depot.";
    const b = (n: string) => `The suspension of ${n} workers followed an audit of the depot's missing funds.`;
    expect(values(differ([a, b("14")]))).toEqual(["12", "14"]);
    // Control: the same count is no disagreement.
    expect(differ([a, b("12")])).toEqual([]);
  });
});
