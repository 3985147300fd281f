/**
 * Page furniture a scraper left at the start of an answer's sentence (caption controls and photo
 * credits, a bracketed photo credit, a cut-off caption before the agency tag, link and follow
 * prompts) is not shown; the sentence it opened is, still cited. Composed news-like records.
 */
import { describe, expect, it } from "vitest";
import { titleFromText } from "../../src/corpus/clean.ts";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { readability } from "../../src/engine/points.ts";
import { isFurniture, withoutLeadingFurniture } from "../../src/text/furniture.ts";

describe("page furniture at the start of a sentence", () => {
  it("drops caption controls with their credits, photo brackets, cut-off captions and prompts", () => {
    expect(
      withoutLeadingFurniture(
        "Judge pauses lawsuit enlarge this image toggle caption jane doe/ap jane doe/ap a federal judge says the lawsuit will pause for 90 days.",
      ),
    ).toBe("A federal judge says the lawsuit will pause for 90 days.");
    expect(
      withoutLeadingFurniture(
        "( photo: john roe, getty images ) a tourist who took 40 shells from the beach is going to jail for 15 days.",
      ),
    ).toBe("A tourist who took 40 shells from the beach is going to jail for 15 days.");
    expect(
      withoutLeadingFurniture(
        "File - in this 1984 file photo, the center goes up for a shot.... ( associated press ) the former center, a three-time champion, died sunday, his team said.",
      ),
    ).toBe("The former center, a three-time champion, died sunday, his team said.");
    expect(
      withoutLeadingFurniture(
        "Follow us at @sportsdesk and like us on facebook ( cnn ) -- stolen medical files are being offered for sale, the driver's manager said.",
      ),
    ).toBe("Stolen medical files are being offered for sale, the driver's manager said.");
    expect(
      withoutLeadingFurniture(
        "City police sponsored links authorities are stepping up efforts to find a missing teenager.",
      ),
    ).toBe("Authorities are stepping up efforts to find a missing teenager.");
    // Nothing to drop, or too little left: as it was.
    const plain = "A federal judge says the lawsuit will pause for 90 days.";
    expect(withoutLeadingFurniture(plain)).toBe(plain);
    expect(withoutLeadingFurniture("( photo: john roe ) a short caption.")).toBe(
      "( photo: john roe ) a short caption.",
    );
  });

  it("answers with the sentence, not its furniture, still cited", async () => {
    const engine = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "shells",
          text:
            "( photo: john roe, getty images ) a tourist who took 40 queen conch shells from the beach is going to jail for 15 days. " +
            "The shells are protected in the state. The tourist paid a fine as well.",
        },
      ]),
    );
    const a = await engine.ask("How many days in jail was the tourist sentenced to?");
    expect(a.found).toBe(true);
    expect(a.answer).toBe(
      "A tourist who took 40 queen conch shells from the beach is going to jail for 15 days.",
    );
    expect(a.points[0]?.sources).toEqual(["shells"]);
  });

  it("never answers with an editor's note or a prompt to the reader", async () => {
    expect(
      isFurniture("Editor’s Note: A version of this story first appeared in our Middle East newsletter."),
    ).toBe(true);
    expect(isFurniture("Sign up for our newsletter to get the latest on the ceasefire talks.")).toBe(true);
    expect(isFurniture("The envoy flew to the Middle East to press for a ceasefire deal.")).toBe(false);
    const engine = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "talks",
          text:
            "Editor’s Note: Our reporter Ada Finch was sent to the Middle East to cover the ceasefire deal talks. " +
            "The government sent its envoy, Mara Quist, to the Middle East to try to secure a ceasefire deal. " +
            "Talks are due to resume next week.",
        },
      ]),
    );
    const a = await engine.ask("Whom did the government send to the Middle East to secure a ceasefire deal?");
    expect(a.answer).not.toMatch(/^Editor/);
    expect(a.answer).toContain("Mara Quist");
  });

  it("never answers with a question, as a quiz page repeating the one asked would have it", async () => {
    const quiz = {
      id: "quiz",
      title: "This week's news quiz",
      text:
        "Test your knowledge of the week. 1. Which city will host the regional food fair this autumn? " +
        "2. Which city's mayor opened the new harbour bridge on Tuesday? Answers at the bottom of the page.",
    };
    const news = {
      id: "bridge",
      title: "Harbour bridge opens",
      text:
        "The mayor of Portvale opened the new harbour bridge on Tuesday after four years of building. " +
        "Crowds walked across it in the afternoon.",
    };
    const ask = (records: (typeof quiz)[]) =>
      createExtractiveEngine(articlesFromRecords(records)).ask(
        "Which city's mayor opened the new harbour bridge on Tuesday?",
      );
    const a = await ask([quiz, news]);
    expect(a.answer).not.toMatch(/\?$/);
    expect(a.answer).toContain("Portvale");
    // Over the quiz page alone, the repeated question is neither the answer nor offered as the closest.
    const only = await ask([quiz]);
    expect(only.found).toBe(false);
    expect(only.points.map((p) => p.text).join(" ")).not.toContain("?");
  });
});

describe("prompts to the reader are no points", () => {
  it("knows sign-up, alert and inbox prompts, not a treaty's signatories", () => {
    for (const s of [
      "Breaking news emails get breaking news alerts and special reports.",
      "The news and stories that matter, delivered weekday mornings.",
      "Sign up you will receive emails containing news content.",
      "Sign up for the Morning Briefing newsletter to get the top stories.",
    ])
      expect(isFurniture(s), s).toBe(true);
    for (const s of [
      "More than 100 countries sign up to the treaty on plastic waste this week.",
      "Officials said the alerts were sent to phones across the county on Monday night.",
      "The county sent emergency news alerts to residents before the river burst its banks.",
      "The company said it would receive the first deliveries of the new aircraft in March.",
    ])
      expect(isFurniture(s), s).toBe(false);
  });

  it("leaves a briefing's points to the news", async () => {
    const prompt = "Breaking news emails get breaking news alerts and special reports about the flood.";
    const engine = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "f1",
          text: `${prompt} The river flood forced 2,000 residents from their homes in the valley on Sunday. Rescue crews used boats to reach families stranded by the flood.`,
        },
        {
          id: "f2",
          text: `${prompt} Flood waters reached the town hall steps before the river began to fall on Monday. The flood was the worst in the valley for forty years, officials said.`,
        },
      ]),
    );
    const b = await engine.brief("flood");
    expect(b.found).toBe(true);
    expect(b.points.map((p) => p.text)).not.toContain(prompt);
    const d = await engine.digest();
    expect(d.stories.flatMap((s) => s.points.map((p) => p.text))).not.toContain(prompt);
  });
});

describe("labels a page left before a sentence", () => {
  it("drops an advertisement's label and a photo's copyright and caption labels", () => {
    expect(
      withoutLeadingFurniture(
        "Advertisement the agency announced in an internal memo that a new director will take over the division.",
      ),
    ).toBe("The agency announced in an internal memo that a new director will take over the division.");
    expect(
      withoutLeadingFurniture(
        "Image copyright PA image caption Police said the suspected drone had struck an inbound plane.",
      ),
    ).toBe("Police said the suspected drone had struck an inbound plane.");
    // Control: a sentence about advertisements keeps its first word.
    const ads = "Advertisement revenue fell by a tenth at the broadcaster last year, its report said.";
    expect(withoutLeadingFurniture(ads)).toBe(ads);
  });

  it("never shows them in a briefing's points", async () => {
    const engine = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "a1",
          text: "Advertisement The harbour board approved a new ferry terminal for the island on Monday. The ferry terminal will open in two years.",
        },
      ]),
    );
    const b = await engine.brief("ferry terminal");
    expect(b.points.map((p) => p.text).join(" ")).not.toMatch(/Advertisement/);
    expect(b.points[0]?.text).toMatch(/^The harbour board approved/);
  });
});

describe("an untitled article's title", () => {
  it("is its first sentence of news, not a prompt or a label before it", async () => {
    expect(
      titleFromText(
        "Breaking news emails get breaking news alerts and special reports. A dam inspection found new cracks on Monday, officials said. The dam holds back the lake.",
      ),
    ).toBe("A dam inspection found new cracks on Monday, officials said");
    expect(titleFromText("Image copyright AFP image caption The suspect posed for photos with pupils.")).toBe(
      "The suspect posed for photos with pupils",
    );
    // Control: a first sentence of news stays the title.
    expect(titleFromText("A dam inspection found new cracks on Monday. Officials were worried.")).toBe(
      "A dam inspection found new cracks on Monday",
    );
  });
});

describe("an embedded post's widget text and a highlights label", () => {
  it("are no news", () => {
    expect(
      isFurniture(
        "Add a location to your tweets when you tweet with a location, twitter stores that location.",
      ),
    ).toBe(true);
    expect(
      isFurniture(
        "You can switch location on/off before each tweet and always delete your location history.",
      ),
    ).toBe(true);
    expect(
      withoutLeadingFurniture("Story highlights Fishermen have taken 37 dolphins to be sold into captivity."),
    ).toBe("Fishermen have taken 37 dolphins to be sold into captivity.");
    // Controls: a report about tweets is news.
    expect(isFurniture("The senator deleted the tweets on Monday after a backlash from party leaders.")).toBe(
      false,
    );
  });
});

describe("caption controls in a row, and a credit printed twice", () => {
  it("are dropped together", () => {
    expect(
      withoutLeadingFurniture(
        "Enlarge this image toggle caption istockphoto istockphoto starting monday, same-sex marriage is legal in hawaii.",
      ),
    ).toBe("Starting monday, same-sex marriage is legal in hawaii.");
    expect(
      withoutLeadingFurniture(
        "Toggle caption Getty Images Getty Images The president spoke to reporters at the White House on Monday.",
      ),
    ).toBe("The president spoke to reporters at the White House on Monday.");
  });
});

describe("a sentence its page cut off", () => {
  it("is no point of a briefing", async () => {
    const cut = "The harbour ferry strike left island commuters stranded for a third day";
    const engine = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "c1",
          text: `${cut}\n\nThe ferry strike began on Monday after pay talks failed. Ferry crews want a rise of five per cent.`,
        },
        {
          id: "c2",
          text: "Island commuters queued for hours as the ferry strike went on. The ferry company said talks would resume on Friday.",
        },
      ]),
    );
    const b = await engine.brief("ferry strike");
    expect(b.found).toBe(true);
    expect(b.points.map((p) => p.text)).not.toContain(cut);
    expect(b.points.every((p) => /[.!?]["'”’)]*$/.test(p.text))).toBe(true);
  });

  it("reads as no point, and as a demoted answer", async () => {
    const cut = "The harbour ferry strike left island commuters stranded for a third day";
    expect(readability(cut)).toBe(0);
    expect(readability(cut, 80, 0.6)).toBeGreaterThan(0);
    // Controls: a whole sentence, and a question (demoted as before, not excluded).
    expect(readability(`${cut}.`)).toBeGreaterThan(0);
    expect(
      readability("Will the harbour ferry strike leave island commuters stranded for a third day?"),
    ).toBeGreaterThan(0);
  });
});

describe("a photo agency's credit in brackets", () => {
  it("is dropped before the sentence", () => {
    expect(
      withoutLeadingFurniture(
        "( Jane Doe/AFP/Getty Images ) Truckers are no longer planning to block the border crossing on Monday.",
      ),
    ).toBe("Truckers are no longer planning to block the border crossing on Monday.");
    const aside =
      "(Updated at 5 p.m.) Truckers are no longer planning to block the border crossing on Monday.";
    expect(withoutLeadingFurniture(aside)).toBe(aside);
  });
});

describe("a video player's message and a 'continue reading' marker", () => {
  it("are dropped before the sentence", () => {
    expect(
      withoutLeadingFurniture(
        "Please enable javascript to watch this video harbour town -- the ferry board approved a new terminal on Monday.",
      ),
    ).toBe("Harbour town -- the ferry board approved a new terminal on Monday.");
    expect(
      withoutLeadingFurniture(
        "Media playback is not supported on this device the ferry board approved a new terminal on Monday.",
      ),
    ).toBe("The ferry board approved a new terminal on Monday.");
    expect(
      withoutLeadingFurniture(
        "Advertisement continue reading the main story the ferry board approved a new terminal on Monday.",
      ),
    ).toBe("The ferry board approved a new terminal on Monday.");
    // Controls: news about javascript, and reading that continues, keep their words.
    const news =
      "Please enable javascript in the settings, the bank told customers whose app had stopped working.";
    expect(withoutLeadingFurniture(news)).toBe(news);
    const read = "Continue reading the report, the minister told the chamber before the vote on Monday.";
    expect(withoutLeadingFurniture(read)).toBe(read);
  });
});

describe("a label whose text runs on into the sentence", () => {
  it("makes the sentence no point", async () => {
    const engine = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "a1",
          text: "The island's council met on Monday. Related: harbour town votes on ferry fares the ferry board approved a new terminal for the island on Monday. Media caption the ferry at dawn the terminal will open in two years, the ferry board said. A subscription is required to continue reading about the ferry. The ferry terminal will cost four million pounds, the ferry board said.",
        },
      ]),
    );
    const b = await engine.brief("ferry terminal");
    const shown = b.points.map((p) => p.text).join(" ");
    expect(shown).not.toMatch(/Related|caption|subscription/i);
    expect(shown).toMatch(/four million pounds/);
    expect(
      readability(
        "Image copyright jane doe image caption the ferry at dawn the terminal will open in two years.",
      ),
    ).toBe(0);
    expect(
      readability(
        "Reuters/jane doe the ferry board chairman ( l ) talks with the mayor at the terminal on Monday.",
      ),
    ).toBe(0);
    expect(
      readability("Text size - + reset ferry news 44 the ferry board approved a new terminal on Monday."),
    ).toBe(0);
    expect(readability("Get push notifications with news, features and more about the ferry.")).toBe(0);
    expect(
      readability("Follow along below for our continued coverage of the ferry strike and its effects."),
    ).toBe(0);
    // Controls: a poll an agency ran with a pollster, and a sentence that mentions photos, are news.
    expect(
      readability("Reuters/Ipsos polling shows the ferry board's plan is backed by most of the island."),
    ).toBeGreaterThan(0);
    expect(
      readability("Photos of the ferry terminal were released by the board on Monday, officials said."),
    ).toBeGreaterThan(0);
  });
});
