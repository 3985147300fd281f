import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/corpus/sentences.ts";

// Made-up text, lower-cased with a capital after every full stop, as some news datasets store it.
describe("lower-case company forms and state abbreviations", () => {
  it("keeps a lower-case company form inside its sentence when the next word opens no sentence", () => {
    expect(
      splitSentences(
        "Dana reyes, a clerk at the marlow co. Records office, has retired after 30 years. She plans to travel.",
      ),
    ).toEqual([
      "Dana reyes, a clerk at the marlow co. Records office, has retired after 30 years.",
      "She plans to travel.",
    ]);
    expect(splitSentences("The brandt brewing co. Is releasing a winter ale. Sales start monday.")).toEqual([
      "The brandt brewing co. Is releasing a winter ale.",
      "Sales start monday.",
    ]);
  });

  it("keeps a lower-case state inside the sentence when an article makes its place a modifier", () => {
    expect(
      splitSentences(
        "Kestrel foods, inc., a winslow, ariz. Firm, is recalling 4,000 pounds of beef. No one fell ill.",
      ),
    ).toEqual([
      "Kestrel foods, inc., a winslow, ariz. Firm, is recalling 4,000 pounds of beef.",
      "No one fell ill.",
    ]);
    expect(
      splitSentences("Deputies of the marsh county, tenn. Sheriff's office searched the woods."),
    ).toEqual(["Deputies of the marsh county, tenn. Sheriff's office searched the woods."]);
  });

  it("still splits where a sentence can open", () => {
    expect(splitSentences("The mill was bought by acme co. The deal closed in may.")).toEqual([
      "The mill was bought by acme co.",
      "The deal closed in may.",
    ]);
    expect(splitSentences("The rally was held in mesa, ariz. He spoke for an hour.")).toEqual([
      "The rally was held in mesa, ariz.",
      "He spoke for an hour.",
    ]);
    expect(splitSentences("The boy was found in dover, del. Police said he was safe.")).toEqual([
      "The boy was found in dover, del.",
      "Police said he was safe.",
    ]);
    // A state abbreviation that is also a word counts only after "place,".
    expect(splitSentences("The coach fell ill. Players trained alone.")).toEqual([
      "The coach fell ill.",
      "Players trained alone.",
    ]);
  });
});
