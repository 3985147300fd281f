/**
 * A sentence that opens on an instruction to the reader (a page's how-to: "Find another colour before
 * using …") is demoted as a point; a news agency's file-photo caption ("FILE - In this … photo, …") is
 * no point at all. Made-up sentences.
 */
import { describe, expect, it } from "vitest";
import { opensOnInstruction } from "../../src/engine/fragments.ts";
import { readability } from "../../src/engine/points.ts";
import { opensOnRunOnLabel } from "../../src/text/furniture.ts";

describe("an instruction to the reader", () => {
  it("is told by a base-form verb with no subject, after an adverb or not", () => {
    expect(
      opensOnInstruction("Choose another shade from the chart before ordering, as screens may not match."),
    ).toBe(true);
    expect(
      opensOnInstruction("Always check the printed catalogue to compare any colour before buying."),
    ).toBe(true);
    expect(opensOnInstruction("Watch the video of the launch in the player below.")).toBe(true);
  });

  it("is not a subject with a verb, a quotation's imperative or a question", () => {
    expect(opensOnInstruction("Police found the abandoned van near the highway on Saturday.")).toBe(false);
    expect(opensOnInstruction("Support for the measure fell to 40 percent in the latest poll.")).toBe(false);
    expect(opensOnInstruction('"Put the phone down and drive," the state campaign tells motorists.')).toBe(
      false,
    );
    expect(opensOnInstruction("Remember when the city last flooded this badly?")).toBe(false);
    expect(
      opensOnInstruction("Meet The Parents topped the box office again, taking $12m at the weekend."),
    ).toBe(false);
  });

  it("reads a point as weaker than the same length of news", () => {
    const news = "Officials found the missing hikers near the ridge late on Sunday evening.";
    const howTo = "Find the missing hikers' route on the interactive map before planning a trip.";
    expect(readability(howTo)).toBeLessThan(readability(news) * 0.6);
  });
});

describe("a file-photo caption", () => {
  it("opens on the agency's FILE label, whatever its case", () => {
    expect(
      opensOnRunOnLabel(
        "FILE - In this March 3, 2015 file photo, a ranger feeds a young elephant in the park.",
      ),
    ).toBe(true);
    expect(opensOnRunOnLabel("file- in this file photo taken on monday, rangers walk the fence line.")).toBe(
      true,
    );
  });

  it("opens on 'In this … photo,' or 'In this image made from video …', with a date or not", () => {
    expect(
      opensOnRunOnLabel("In this Friday, May 2, 2014 photo, volunteers stack sandbags by the river."),
    ).toBe(true);
    expect(opensOnRunOnLabel("In this image made from video posted online, smoke rises over the port.")).toBe(
      true,
    );
  });

  it("is not a sentence about file-sharing, a case or a video game", () => {
    expect(opensOnRunOnLabel("In this case the court ruled against the video game maker.")).toBe(false);
    expect(opensOnRunOnLabel("In this photo-op driven campaign, nothing is left to chance.")).toBe(false);

    expect(opensOnRunOnLabel("File-sharing services were ordered to close by the court on Tuesday.")).toBe(
      false,
    );
  });
});
