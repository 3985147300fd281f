/**
 * A digest story's title is a complete short sentence stating the story's main point: a title that is a
 * quotation in its speaker's first person, the page's own text, a description pointing back to someone
 * unnamed, a sentence torn from its paragraph or a long one gives way to the points' own headline (or
 * is shortened as an editor would), and a point holding two sentences heads with one of them.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { storyTitle, storyTitleWeakness } from "../../src/engine/storyTitles.ts";
import { isFurniture, withoutLeadingPageLabels } from "../../src/text/furniture.ts";

describe("storyTitleWeakness", () => {
  it("finds a quotation in its speaker's first or second person", () => {
    expect(
      storyTitleWeakness('"The harbour board must reopen our ferry pier," the skipper said', false),
    ).toBe("quoted person");
    expect(
      storyTitleWeakness("``You cannot close a pier that feeds a town,'' the mayor said", false),
    ).not.toBeNull();
    // Reported, not quoted: it heads well.
    expect(storyTitleWeakness("Skipper calls on harbour board to reopen the ferry pier", false)).toBeNull();
  });

  it("finds a title longer than a short headline", () => {
    const long =
      "The harbour board voted on Tuesday to close the old ferry pier for two years while engineers rebuild the sea wall and the ticket hall";
    expect(storyTitleWeakness(long, false)).toBe("long");
    expect(storyTitleWeakness("The harbour board voted to close the old ferry pier", false)).toBeNull();
  });

  it("finds the page's own text", () => {
    expect(
      storyTitleWeakness("Know of a story we should be looking into at the harbour", false),
    ).not.toBeNull();
    expect(storyTitleWeakness("Uploaded 3 days ago by the harbour channel", false)).toBe("furniture");
  });

  it("finds a description pointing back to someone the title does not name", () => {
    expect(
      storyTitleWeakness("The former ferry captain who found the wreck has asked for a reward", false),
    ).toBe("reference");
    expect(storyTitleWeakness("The 54-year-old skipper was rescued off the cape", false)).toBe("reference");
    // Named: it heads well.
    expect(
      storyTitleWeakness("The former ferry captain Jane Okoro has asked for a reward", false),
    ).toBeNull();
  });

  it("finds a sentence tied to the one before it", () => {
    expect(storyTitleWeakness("Which happened at 9 a.m. as the ferry left the pier", false)).toBe("tied");
    expect(storyTitleWeakness("Plus, the ferry will sail twice a day from the north pier", false)).toBe(
      "tied",
    );
    expect(storyTitleWeakness("However, the ferry will sail twice a day from the north pier", false)).toBe(
      "tied",
    );
    expect(storyTitleWeakness("The ferry will sail twice a day from the north pier", false)).toBeNull();
  });
});

describe("classes of page furniture", () => {
  it("a missing page, a request for tips, a content advisory, a time stamp, a log-in prompt", () => {
    expect(isFurniture("Sorry, this video has been removed from the site")).toBe(true);
    expect(isFurniture("Perhaps the article you are looking for may have expired")).toBe(true);
    expect(isFurniture("It seems the story you requested has been moved to the archive section")).toBe(true);
    expect(isFurniture("Know of a story we should be looking into?")).toBe(true);
    expect(isFurniture("Send us your news tips through the form")).toBe(true);
    expect(isFurniture("Caution: this clip contains strong language from the first minute")).toBe(true);
    expect(isFurniture("Some viewers may find footage that might be upsetting in this report")).toBe(true);
    expect(isFurniture("Posted 5 hours ago on the Harbour Times blog")).toBe(true);
    expect(isFurniture("Please log in to comment on the harbour story")).toBe(true);
    expect(isFurniture("If you do not have a user name and password, register below")).toBe(true);
    expect(isFurniture("Read how we use your personal data in the privacy notice")).toBe(true);
    expect(isFurniture("Thank you for your interest in the harbour newsletter")).toBe(true);
    expect(isFurniture("The full report can be read via the link below")).toBe(true);
    expect(isFurniture("Upgrade to unlimited digital access today")).toBe(true);
    expect(isFurniture("If you need help, please contact us at the harbour office")).toBe(true);
    expect(isFurniture("Harbour TV's Jane Roe has the details.")).toBe(true);
  });

  it("leaves news that uses the same words", () => {
    expect(isFurniture("The minister has been removed from the cabinet after the ferry inquiry")).toBe(false);
    expect(isFurniture("The tapes contain language that officials called offensive")).toBe(false);
    expect(isFurniture("The skipper posted a video of the rescue on Tuesday")).toBe(false);
    expect(isFurniture("Hackers stole the email and password of every harbour board member")).toBe(false);
    expect(isFurniture("The captain said the crew would log in their hours by hand")).toBe(false);
    expect(isFurniture("The harbour police have the details of every skipper in the town")).toBe(false);
  });

  it("drops a video's date stamp before the sentence", () => {
    expect(
      withoutLeadingPageLabels(
        "Uploaded on Mar 3, 2019 The harbour ferry returned to service after a six-week strike",
      ),
    ).toBe("The harbour ferry returned to service after a six-week strike");
    expect(
      withoutLeadingPageLabels(
        "Posted Tuesday, October 8, 2019 4:15 pm the harbour ferry returned to service after a six-week strike",
      ),
    ).toBe("The harbour ferry returned to service after a six-week strike");
  });
});

describe("a digest story's title", () => {
  it("is not a quotation in its speaker's first person", async () => {
    const d = await createExtractiveEngine(
      articlesFromRecords([
        {
          id: "a",
          title: '"The board kept our pier shut for six months," a ferry skipper said',
          text: '"The board kept our pier shut for six months," a ferry skipper said on Tuesday. The harbour board reopened the north ferry pier on Tuesday after six months of repairs. The ferry will sail twice a day from the north pier.',
        },
        {
          id: "b",
          title: "Ferry timetable",
          text: "The harbour board reopened the north ferry pier on Tuesday after six months of repairs. Ferry crews said the pier's new ramp made boarding faster.",
        },
      ]),
    ).digest();
    expect(d.stories[0]!.title).toBe(
      "The harbour board reopened the north ferry pier on Tuesday after six months of repairs",
    );
  });

  it("heads a point of two sentences with one of them, not cut across the stop", () => {
    // A point a completed quotation made of two sentences.
    const point =
      'Harbour officials said the board would release a complete "timetable" on Monday. The officials said that plan probably would add two early sailings to the north pier for commuters.';
    const engine = createExtractiveEngine(articlesFromRecords([{ id: "a", title: "Xx", text: point }]));
    const title = storyTitle(engine.index, { title: "Xx", members: [0], candidates: [] }, [
      { text: point, sources: ["a"] },
    ]);
    expect(title).toBe('Harbour officials said the board would release a complete "timetable" on Monday');
  });
});

describe("a story title when nothing short heads well", () => {
  it("is the main point without its opening phrase, rather than cut with an ellipsis or long", () => {
    const point =
      "In its latest move in the fight for riders, fares, and loyalty, harbourline appears to have skipped cutting prices and invented a new tactic: sailing for free.";
    const engine = createExtractiveEngine(articlesFromRecords([{ id: "a", title: "Xx", text: point }]));
    const title = storyTitle(engine.index, { title: "Xx", members: [0], candidates: [] }, [
      { text: point, sources: ["a"] },
    ]);
    expect(title).not.toMatch(/…$/);
    // (Whole it has 28 words; without the phrase that opens it, the rest heads well in 15.)
    expect(title).toBe(
      "Harbourline appears to have skipped cutting prices and invented a new tactic: sailing for free",
    );
  });
});

describe("a story whose points speak in the first person", () => {
  it("is headed by a cited article's lead sentence that reports the same story", () => {
    const lead = "A ferry skipper asked the harbour board on Monday to reopen the north pier before winter.";
    const voice = "I am asking the harbour board to reopen our north pier before the winter storms come.";
    const engine = createExtractiveEngine(
      articlesFromRecords([{ id: "a", title: "Xx", text: `${lead} ${voice}` }]),
    );
    const title = storyTitle(
      engine.index,
      {
        title: "Xx",
        members: [0],
        candidates: [{ text: lead, stems: new Set<string>(), articles: [0], score: 1, position: 0 }],
      },
      [{ text: voice, sources: ["a"] }],
    );
    expect(title).toBe(
      "A ferry skipper asked the harbour board on Monday to reopen the north pier before winter",
    );
  });
});

describe("a story title when the main point is too long even whole", () => {
  it("is a later point of the story whole, a little long, rather than the main one cut with an ellipsis", () => {
    const main =
      "Ferries, tugs, yachts, dinghies, trawlers, barges, kayaks, rowing boats and pleasure cruisers from every harbour, cove, marina and slipway along the coast crowded into the bay on Sunday.";
    const later =
      "Offering big bonuses to harbour pilots failed to cut delays at the north pier in a two-year trial released Tuesday that calls into question the board's push for merit pay.";
    const engine = createExtractiveEngine(
      articlesFromRecords([{ id: "a", title: "Xx", text: `${main} ${later}` }]),
    );
    const title = storyTitle(engine.index, { title: "Xx", members: [0], candidates: [] }, [
      { text: main, sources: ["a"] },
      { text: later, sources: ["a"] },
    ]);
    expect(title).toBe(later.replace(/\.$/, ""));
  });
});

describe("a story title over points drawn from several articles", () => {
  it("is the cited title that tells most of the points, not one that tells only its own", () => {
    const win =
      "A late try from captain Rob Ainslie kept Dunmore on course for their first league title since 1962.";
    const kicks = "Fly-half Sam Fenwick admitted his missed kicks cost Kelso the match against Brora.";
    const injury =
      "Brora captain Ian Moray has been ruled out of the rest of the Highland Cup with a broken wrist.";
    const engine = createExtractiveEngine(
      articlesFromRecords([
        { id: "a", title: "Dunmore beat Kelso to stay top of the league", text: win },
        { id: "b", title: "Fenwick rues missed kicks", text: kicks },
        { id: "c", title: "Moray out of Highland Cup", text: injury },
      ]),
    );
    const title = storyTitle(engine.index, { title: "Xx", members: [0, 1, 2], candidates: [] }, [
      { text: win, sources: ["a"] },
      { text: kicks, sources: ["b"] },
      { text: injury, sources: ["c"] },
    ]);
    // "Moray out of Highland Cup" tells the third point alone; Dunmore and Kelso are in two of the three.
    expect(title).toBe("Dunmore beat Kelso to stay top of the league");
  });
});
