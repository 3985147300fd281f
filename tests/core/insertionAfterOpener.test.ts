/**
 * A headline drops an aside between commas ("General Mills, owner of the Gold Medal brand, has recalled
 * …"), never the subject after an opening phrase ("According to court records, the two brothers of the
 * defendant, now in custody, face …": cutting it left "According to court records now in custody, face …").
 * Made-up sentences.
 */
import { describe, expect, it } from "vitest";
import { headlineFrom } from "../../src/engine/headlines.ts";
import { withoutInsertions } from "../../src/engine/phrasing.ts";

describe("an aside a headline can do without", () => {
  it("is dropped after the subject", () => {
    expect(
      withoutInsertions(
        "Harbor Foods, owner of the Blue Gull brand, has recalled 2 million cans of soup after a labelling error.",
      ),
    ).toBe("Harbor Foods has recalled 2 million cans of soup after a labelling error.");
  });

  it("is not the subject after an opening phrase", () => {
    const t =
      "According to court records, the two brothers of the defendant, now in custody, face charges of fraud.";
    expect(withoutInsertions(t)).toBe(t);
    const h = headlineFrom([
      "According to the port authority, three crew members of the stranded freighter, still aboard tonight, remain in good health after four days at anchor off the northern coast near the lighthouse.",
    ]);
    expect(h).toMatch(/three crew members/i);
  });
});
