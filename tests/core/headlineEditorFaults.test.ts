/**
 * Faults an editor finds in headlines and digest story titles (issue 13, items 3 and 5): a page's notes
 * on a subscription or an e-mail address taken for news, a place and an agency's credit with no dash
 * kept as words of the headline, a bracketed aside opening it, a common noun's plural recased as a name,
 * a title that shares only a span of time with the story, a first-person main point heading its story, a
 * subject parted from its verb by an apposition, a clause of contrast cut away.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { compactHeadline, headlineFrom } from "../../src/engine/headlines.ts";
import { headlineFlaw } from "../../src/engine/phrasing.ts";
import { storyTitle, storyTitleWeakness } from "../../src/engine/storyTitles.ts";
import { withoutDateline } from "../../src/text/dateline.ts";
import { isFurniture, withoutLeadingPageLabels } from "../../src/text/furniture.ts";
import { recased } from "../../src/text/recase.ts";

describe("a subscription's terms and a form's note on the reader's e-mail are page furniture", () => {
  it("recognises the classes, not one string", () => {
    expect(isFurniture("Your weekend-only print subscription does not include access to this section.")).toBe(
      true,
    );
    expect(isFurniture("Subscribers get unlimited access to the harbour archive.")).toBe(true);
    expect(isFurniture("To add digital access to your print subscription, call the harbour desk.")).toBe(
      true,
    );
    expect(isFurniture("We never share your email address with the harbour pilots.")).toBe(true);
    expect(isFurniture("We do not capture any email address.")).toBe(true);
    expect(isFurniture("Your e-mail address will not be published.")).toBe(true);
    expect(isFurniture("Once logged in, you may find your items in the shopping basket as before.")).toBe(
      true,
    );
    expect(isFurniture("Postage may change if you raise your maximum bid on the lamp.")).toBe(true);
    expect(isFurniture("By clicking below, you agree to the harbour shop's terms.")).toBe(true);
    expect(
      isFurniture("By clicking a link in the e-mail, staff let the hackers into the harbour network."),
    ).toBe(false);
  });

  it("leaves news about subscriptions and addresses", () => {
    expect(isFurniture("The ferry line said subscriptions to its season pass rose by a third.")).toBe(false);
    expect(isFurniture("Hackers stole the email address of every harbour board member.")).toBe(false);
    expect(isFurniture("The island is already a member of the fishing council.")).toBe(false);
  });
});

describe("a dateline with no dash", () => {
  it("drops a place and a news agency's credit before the sentence", () => {
    expect(
      withoutDateline("Harbourtown (AP) ever since the storm, the ferry crews have worked double shifts"),
    ).toBe("Ever since the storm, the ferry crews have worked double shifts");
    expect(
      withoutDateline(
        "Port Ellis, Ruritania (CNN) divers have found the hull of the lost ferry off the cape",
      ),
    ).toBe("Divers have found the hull of the lost ferry off the cape");
  });

  it("keeps a company's ticker in brackets", () => {
    const s = "Harbourline (HBL) rose three percent on Monday after the ferry deal";
    expect(withoutDateline(s)).toBe(s);
  });
});

describe("a bracketed sentence opening a text", () => {
  it("is an aside to the paragraph before: no headline", () => {
    expect(headlineFlaw("(The ferry line says a new timetable is on the way.) similarly")).toBe("aside");
    expect(headlineFlaw("The ferry line (HBL) says a new timetable is on the way")).toBeNull();
  });
});

describe("recasing a lower-cased copy", () => {
  it("leaves a common noun's plural that WordNet also lists as a name", () => {
    expect(recased("the island cited an exception to its public-records laws that allows it")).toBe(
      "the island cited an exception to its public-records laws that allows it",
    );
    // A place's name stays a name.
    expect(recased("the ferry sailed from wales to dublin on monday")).toContain("Wales");
  });
});

describe("what heads a story", () => {
  it("a pronoun with its verb, or 'So' tying it to the sentence before, heads poorly", () => {
    expect(headlineFlaw("He'd helped the harbour board plan the new ferry timetable")).toBe("pronoun");
    expect(
      storyTitleWeakness("So he's asking the harbour board to pay for the new pier", false),
    ).not.toBeNull();
    expect(storyTitleWeakness("So far, the harbour board has paid for the new pier", false)).toBeNull();
  });

  it("not a sentence that shares only a span of time with the main point", () => {
    const main = "It's been seven years since the giant, boxy and hugely-fun ferry Ondine first sailed.";
    const vague = "Seven years is a long time.";
    const engine = createExtractiveEngine(
      articlesFromRecords([{ id: "a", title: "Xx", text: `${main} ${vague}` }]),
    );
    const title = storyTitle(
      engine.index,
      {
        title: "Xx",
        members: [0],
        candidates: [{ text: vague, stems: new Set<string>(), articles: [0], score: 1, position: 1 }],
      },
      [{ text: main, sources: ["a"] }],
    );
    expect(title).not.toBe("Seven years is a long time");
  });

  it("under a main point in the first person, a later point that reports", () => {
    const voice = "Since posting our first update, we have been working to establish the facts of the crash.";
    const report = "The harbour ferry's autopilot was engaged in the moments before it struck the pier.";
    const engine = createExtractiveEngine(
      articlesFromRecords([{ id: "a", title: "Xx", text: `${voice} ${report}` }]),
    );
    const title = storyTitle(engine.index, { title: "Xx", members: [0], candidates: [] }, [
      { text: voice, sources: ["a"] },
      { text: report, sources: ["a"] },
    ]);
    expect(title).toBe("The harbour ferry's autopilot was engaged in the moments before it struck the pier");
  });

  it("a briefing's headline too: a later report in place of a first point in a person's voice", () => {
    const h = headlineFrom([
      "Not all the ferry skippers I spoke with were happy about the news.",
      "The harbour board closed the north pier for two years on Tuesday.",
    ]);
    expect(h).toBe("The harbour board closed the north pier for two years on Tuesday");
  });
});

describe("compactHeadline and a subject's apposition", () => {
  it("drops an apposition opened by an article, a participle or a noun's verb in it", () => {
    expect(
      compactHeadline(
        "Jorn Haller, the 52-year-old brother of Ida Haller of the channel's hit show the Lake Wardens of Old Brenning, was found dead on Monday night, an apparent accident.",
        20,
      ),
    ).toBe("Jorn Haller was found dead on Monday night");
    expect(
      compactHeadline(
        "The Dune Clinic, a service started in May by the island doctor Ana Brek and her son Tomas, brings fresh water and other supplies to the fishing camps along the coast.",
        20,
      ),
    ).toBe("The Dune Clinic brings fresh water and other supplies to the fishing camps along the coast");
  });

  it("never parts the subject and its apposition from the verb", () => {
    const c = compactHeadline(
      "Mara Velt, the 41-year-old niece of a ferry captain from the island's best-known boat family on the cape, was rescued off the north pier on Sunday after a long night in the water.",
      20,
    );
    expect(c).not.toBe(
      "Mara Velt, the 41-year-old niece of a ferry captain from the island's best-known boat family on the cape",
    );
  });

  it("keeps an apposition that is a clause ('the governor announced a plan')", () => {
    const c = compactHeadline(
      "Faced with massive protests, the island governor announced a plan to raise the minimum age to sail any ferry, including small fishing boats, from 18 to 21.",
      20,
    );
    expect(c ?? "").not.toMatch(/^Faced with massive protests (?:including|from)/);
  });

  it("does not cut away a clause of contrast", () => {
    const c = compactHeadline(
      "Ferry fares at the island line, which had stayed flat for nearly a decade, rose by a third in the spring, but the number of passengers kept climbing all summer.",
      20,
    );
    expect(c).toBe(
      "Ferry fares rose by a third in the spring, but the number of passengers kept climbing all summer",
    );
  });
});

describe("a paper's section heading run into its first sentence", () => {
  it("is dropped where the sentence heads", () => {
    expect(
      withoutLeadingPageLabels(
        "Abstract background — Islanders live longer than the residents of the mainland towns.",
      ),
    ).toBe("Islanders live longer than the residents of the mainland towns.");
    expect(
      withoutLeadingPageLabels(
        "Abstract we tested several hypotheses about ferry use among 1,600 islanders.",
      ),
    ).toBe("We tested several hypotheses about ferry use among 1,600 islanders.");
    const art = "Abstract art sold for record prices at the harbour gallery on Monday.";
    expect(withoutLeadingPageLabels(art)).toBe(art);
  });
});
