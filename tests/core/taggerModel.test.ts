import { deepStrictEqual } from "node:assert";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { coreModel, tag } from "../../src/text/tagger.ts";

const require = createRequire(new URL("../../src/text/tagger.ts", import.meta.url));
const JSON_MODEL = "wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json";

describe("the tagger's core model (src/text/tagger.ts coreModel)", () => {
  it("is the model the package's own loader makes, for the version installed", () => {
    const ours = coreModel(require);
    // A newer model package is read by its own loader: this test then says so, to look at coreModel again.
    expect(
      ours,
      "wink-eng-lite-web-model is no longer 1.8.1: check coreModel against its loader",
    ).not.toBeNull();
    const model = require("wink-eng-lite-web-model") as { core(): unknown };
    deepStrictEqual(ours!(), model.core());
  });

  it("leaves the package's parsed JSON as it was, however many new words the tagger meets", () => {
    const parsed = require(JSON_MODEL) as unknown;
    const before = JSON.stringify(parsed);
    tag("Zorblatt quixotically fribbled the vantrous glimmerwick near Upper Snodsbury on Tuesday.");
    tag("Find another colour before using the kelvinator's flumpet, said Ms. Quarrendon-Blythe.");
    expect(JSON.stringify(require(JSON_MODEL))).toBe(before);
  });
});
