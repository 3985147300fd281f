import { describe, expect, it } from "vitest";
import { cleanArticleText } from "../../src/corpus/clean.ts";
import { cleanHtmlArticle } from "../../src/corpus/html.ts";
import { loadCorpus } from "../../src/corpus/load.ts";

const JUNK = [
  /^•/,
  /^(live|audio only|google plus|facebook|twitter)$/i,
  /leave a reply/i,
  /please enter your/i,
  /required fields are marked/i,
  /^read more\b/i,
  /^related/i,
  /©|copyright|all rights reserved/i,
  /\|\s*photo:/i,
  /special to the washington post/i,
  /^published \d/i,
  /^news > /i,
  /^comments?$/i,
  /post with no comments/i,
  /^opinion$/i,
  /^two main issues$/i,
  /^arm wrestling with washington$/i,
];

describe("cleaning the seed articles", () => {
  const articles = loadCorpus("seeds");

  it("loads all five with stable ids from the file names", () => {
    expect(articles.map((a) => a.id)).toEqual([
      "000_941ceb735257d097",
      "001_50890a008862e878",
      "002_ea2087b23b974ad5",
      "003_ffe98a7e2f2c8306",
      "004_6fdb0757235872e2",
    ]);
  });

  it("keeps no page furniture in any paragraph", () => {
    for (const a of articles)
      for (const p of a.paragraphs) for (const re of JUNK) expect(p, `${a.id}: ${p}`).not.toMatch(re);
  });

  it("drops repeated title lines and the related headline after RELATED:", () => {
    for (const a of articles) expect(a.paragraphs.some((p) => p === a.title)).toBe(false);
    const all = articles.flatMap((a) => a.paragraphs).join("\n");
    expect(all).not.toContain("Kim Proposes Semi");
  });

  it("finds titles, publishers and dates the text reveals", () => {
    const byId = new Map(articles.map((a) => [a.id.slice(0, 3), a]));
    expect(byId.get("000")!.title).toBe("Kim Jong-Un will visit Russia to meet Putin");
    expect(byId.get("001")!.publisher).toBe("IBTimes");
    expect(byId.get("002")!.title).toBe("Putin to Meet Kim Jong Un on Thursday for the First Time");
    expect(byId.get("002")!.date).toBe("2019-04-23");
    expect(byId.get("002")!.publisher).not.toBe("Reuters");
    expect(byId.get("004")!.publisher).toBe("The Washington Post");
  });
});

describe("cleaning a synthetic junk-laden article", () => {
  const raw = [
    "Menu",
    "• Share",
    "• Facebook",
    "World > Europe > Farming",
    "",
    "Farmers block roads over fuel tax",
    "",
    "Farmers block roads over fuel tax",
    "By Jane Doe",
    "Updated: March 3, 2021",
    "Tractors closed three motorways on Monday as farmers protested against a new fuel tax.",
    "Tractors on the motorway near Lyon. | Photo: AFP",
    "The government said the tax would raise 2.5 billion euros a year.",
    "Why it matters",
    "Farm incomes have fallen for three years in a row, according to the ministry.",
    "Related:",
    "Fishermen Join Protest Over Quotas",
    "Read more",
    "Read more: Dairy farmers count the cost of the dry summer",
    "Sign up for our newsletter",
    "© 2021 Daily Planet Media. All rights reserved.",
    "12 Comments",
    "Leave a comment",
  ].join("\n");
  const c = cleanArticleText(raw);

  it("keeps exactly the article's sentences", () => {
    expect(c.paragraphs).toEqual([
      "Tractors closed three motorways on Monday as farmers protested against a new fuel tax.",
      "The government said the tax would raise 2.5 billion euros a year.",
      "Farm incomes have fallen for three years in a row, according to the ministry.",
    ]);
  });

  it("takes title, publisher and date from the furniture it removes", () => {
    expect(c.title).toBe("Farmers block roads over fuel tax");
    expect(c.publisher).toBe("Daily Planet Media");
    expect(c.date).toBe("2021-03-03");
  });

  it("strips Markdown syntax", () => {
    const md = cleanArticleText(
      "# Rail strike ends\n\nUnions **accepted** the [new offer](http://x.test) on Friday after six weeks of talks.\n\n![pic](a.png)\n\n- Trains will run normally from Monday, the operator said.\n",
      { markdown: true },
    );
    expect(md.title).toBe("Rail strike ends");
    expect(md.paragraphs).toEqual([
      "Unions accepted the new offer on Friday after six weeks of talks.",
      "Trains will run normally from Monday, the operator said.",
    ]);
  });

  it("extracts an HTML article with readability", () => {
    const body = Array.from(
      { length: 4 },
      (_, i) =>
        `<p>Paragraph ${i + 1} of the report explains how the new bridge over the river will cut journeys by twenty minutes for commuters.</p>`,
    ).join("");
    const html = `<!doctype html><html><head><title>Bridge opens | City News</title>
      <meta property="og:site_name" content="City News"><meta property="article:published_time" content="2022-05-06T08:00:00Z"></head>
      <body><nav><ul><li><a href="/">Home</a></li><li><a href="/s">Sport</a></li></ul></nav>
      <article><h1>Bridge opens</h1>${body}</article><footer>© City News 2022</footer></body></html>`;
    const a = cleanHtmlArticle(html);
    expect(a.title).toBe("Bridge opens");
    expect(a.publisher).toBe("City News");
    expect(a.date).toBe("2022-05-06");
    expect(a.paragraphs).toHaveLength(4);
    expect(a.paragraphs.join(" ")).not.toMatch(/Home|Sport|©/);
  });
});

describe("a site's name after a title", () => {
  it("is taken off the title and names the publisher when none is known", () => {
    const c = cleanArticleText("The harbour board approved a new ferry terminal on Monday.", {
      title: "Harbour board approves ferry terminal - HarbourNews",
    });
    expect(c.title).toBe("Harbour board approves ferry terminal");
    expect(c.publisher).toBe("HarbourNews");
    const piped = cleanArticleText("The harbour board approved a new ferry terminal on Monday.", {
      title: "Why the ferry terminal matters | Opinion",
    });
    expect(piped.title).toBe("Why the ferry terminal matters");
    expect(piped.publisher).toBeNull();
    // Controls: a dash that goes on with the news, or names a place, stays in the title.
    for (const title of [
      "Ferry board to approve terminal - officials say",
      "Ferry terminal opens in Port Elm - North Island",
    ]) {
      const kept = cleanArticleText("The harbour board approved a new ferry terminal on Monday.", { title });
      expect(kept.title).toBe(title);
      expect(kept.publisher).toBeNull();
    }
  });
});
