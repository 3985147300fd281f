import { describe, expect, it } from "vitest";
import { headlineFrom } from "../../src/engine/headlines.ts";
import { withoutDateline } from "../../src/text/dateline.ts";

describe("a wire's dateline the place rules leave (src/text/dateline.ts)", () => {
  it("goes before a dash with no space after it, or after a long place in capitals", () => {
    expect(
      withoutDateline(
        "MILLBROOK, March 3 (Xinhua) --The harbour board approved a new ferry terminal on Monday.",
      ),
    ).toBe("The harbour board approved a new ferry terminal on Monday.");
    expect(
      withoutDateline(
        "NORTH FIELD, PORT ELLEN, October 25 (Xinhua) -- The airline resumed its flights to the islands.",
      ),
    ).toBe("The airline resumed its flights to the islands.");
    expect(
      headlineFrom([
        "MILLBROOK, March 3 (Xinhua) --The harbour board approved a new ferry terminal on Monday.",
      ]),
    ).toBe("The harbour board approved a new ferry terminal on Monday");
  });
  it("is no speaker's label, and a point keeps a place with no comma", () => {
    const said = "MAYOR KYLE: We will reopen the pier as soon as the engineers say it is safe.";
    expect(withoutDateline(said)).toBe(said);
    const point = "PORT ELLEN _ The ferry crews have worked double shifts since the storm.";
    expect(withoutDateline(point, false)).toBe(point);
  });
});
