import { describe, expect, it } from "vitest";
import { compactHeadline, headlineFrom } from "../../src/engine/headlines.ts";
import { shownWords, speaksInPerson, titleOrPointsHeadline } from "../../src/engine/phrasing.ts";

const FARES = "Harbour ferry fares will rise again on Monday and your season ticket will cost more.";

describe("a headline in a speaker's or a page's voice gives way", () => {
  it("to a later text in the third person that tells the same story, not to a quoted 'I' nor another story", () => {
    expect(
      headlineFrom([FARES, "The harbour ferry company raised its fares for the third time this year."]),
    ).toBe("The harbour ferry company raised its fares for the third time this year");
    expect(
      headlineFrom([FARES, '"I cannot afford the harbour ferry fares any longer," one commuter said.']),
    ).toMatch(/^Harbour ferry fares will rise/);
    expect(headlineFrom([FARES, "The bakery on Quay Street won a prize for its rye bread."])).toMatch(
      /^Harbour ferry fares will rise/,
    );
  });

  it("reads the person outside quotation marks only, and not a numbered part's 'I.'", () => {
    expect(speaksInPerson("Ed Marlow was in a reflective mood when we spoke")).toBe(true);
    expect(speaksInPerson('"We will appeal," the mayor said')).toBe(false);
    expect(speaksInPerson('"We will appeal," the mayor said', true)).toBe(true);
    expect(speaksInPerson("``We will appeal,'' the mayor said")).toBe(false);
    expect(speaksInPerson("I. Background of the canal dispute")).toBe(false);
  });
});

describe("a long headline gives way", () => {
  it("to a later text that reads whole and short and tells the same story", () => {
    // 21 words, its list no cut keeps whole.
    const main =
      "Among the changes the county council approved are cheaper bus fares, longer library hours, and free parking for nurses and carers.";
    expect(headlineFrom([main])).toMatch(/carers$/);
    const h = headlineFrom([main, "The county council approved cheaper bus fares for the hill villages."]);
    expect(h).toBe("The county council approved cheaper bus fares for the hill villages");
  });

  it("in a briefing, to a later long text of the same story shortened as an editor would, not one torn from its paragraph", () => {
    const main =
      "Among the changes the county council approved are cheaper bus fares, longer library hours, and free parking for nurses and carers.";
    const later =
      "The county council approved cheaper bus fares for the hill villages after a vote on Tuesday evening in the old town hall, the council's leader said.";
    expect(headlineFrom([main, later])).toBe(
      "The county council approved cheaper bus fares for the hill villages after a vote in the old town hall",
    );
    // A story's title tries later points itself (storyTitles.ts): the points' headline stays the main one.
    expect(headlineFrom([main, later], 16, false)).toMatch(/carers$/);
    // "But …" ties a sentence to the one before it: no headline in place of one only long.
    expect(headlineFrom([main, `But ${later.charAt(0).toLowerCase()}${later.slice(1)}`])).toMatch(/carers$/);
  });

  it("counts the words a headline shows: a tokenised copy's lone quotation marks and commas are none", () => {
    expect(shownWords('" we won , " the skipper said')).toBe(5);
  });
});

describe("a title in the first person further in", () => {
  it("gives way to a short headline from the points in the third person, not to one no better", () => {
    const title = "On the night shift with our harbour pilots";
    expect(
      titleOrPointsHeadline(title, () => "Harbour pilots guided a record number of ships into port"),
    ).toBe("Harbour pilots guided a record number of ships into port");
    expect(
      titleOrPointsHeadline(
        title,
        () => "We watched the harbour pilots guide a record number of ships into port",
      ),
    ).toBe(title);
    // A title that speaks to the reader ("your commute") is a headline's style: it stays.
    expect(
      titleOrPointsHeadline(
        "Why the new ferry timetable will change your commute",
        () => "The ferry company published a new timetable",
      ),
    ).toBe("Why the new ferry timetable will change your commute");
  });
});

describe("a long sentence shortened for a headline", () => {
  it("loses its opening phrase when another cut made it fit first and left it hanging on what follows", () => {
    const made: string[] = [];
    const h = compactHeadline(
      "On Wednesday, harbour master Ada Quill told reporters that the port authority will officially reopen the northern ferry terminal on Thursday.",
      20,
      made,
    );
    expect(h).toBe(
      "Harbour master Ada Quill told reporters that the port authority will officially reopen the northern ferry terminal",
    );
    expect(made).toContain("opening once more");
    // What is left opening on a number (a page label's date, "Uploaded on Apr 5, | 2017 …") is not its
    // subject: no such cut.
    expect(
      compactHeadline(
        "Uploaded on Apr 5, 2017 Ada Quill stars in a ferry company advert criticised for mocking the harbour strike for commercial use.",
        20,
      ),
    ).toBeNull();
  });
});

describe("a text that takes a long main point's place", () => {
  it("is a report, not a speaker's quotation, and a Roman numeral 'I' is no speaker", () => {
    const main =
      "Among the changes the county council approved are cheaper bus fares, longer library hours, and free parking for nurses and carers.";
    expect(
      headlineFrom([main, '"Cheaper bus fares will help the hill villages," the county council said.']),
    ).toMatch(/carers$/);
    expect(speaksInPerson("Harbour wars part I: the ferry company strikes back")).toBe(false);
    expect(speaksInPerson("Veterans of World War I gathered at the harbour")).toBe(false);
  });
});

describe("a quotation and who said it, too long for a headline", () => {
  it("loses the place of the saying ('… said | in a statement'), not the quotation", () => {
    expect(
      compactHeadline(
        '"The harbour wall will be rebuilt before the winter storms arrive on the northern coast," the port authority said in a statement.',
        20,
      ),
    ).toBe(
      '"The harbour wall will be rebuilt before the winter storms arrive on the northern coast," the port authority said',
    );
  });
});
