/** scripts/headlineChecks.ts: a headline's present tense the tagger reads as a noun is a finite verb; a verbless headline's plural is not. */
import { describe, expect, it } from "vitest";
import { headlineFaults } from "../../scripts/headlineChecks.ts";

const verbless = (h: string) => headlineFaults(h).includes("no finite verb");

describe("headline checks: a headline's present tense", () => {
  it("reads a singular subject's -s form before an object as a finite verb", () => {
    expect(verbless("Harbour council backs new ferry plan")).toBe(false);
    expect(verbless("Lindqvist eyes second Nordic title")).toBe(false);
    expect(verbless("Regional board cuts 400 jobs")).toBe(false);
    expect(verbless("Mining firm eyes Arctic copper rights")).toBe(false);
    expect(verbless("Orbix 3 heralds console price war")).toBe(false);
    expect(verbless("Broadband maker challenges 'cable age'")).toBe(false);
    // An adjective's plural noun with nothing, a comparative or an adverb after it is no verb.
    expect(verbless("Student loans")).toBe(true);
    expect(verbless("Rail fares higher in new year")).toBe(true);
    expect(verbless("Council savings 'ahead of schedule'")).toBe(true);
    expect(verbless("Coalmine bosses' bonus row")).toBe(true);
  });

  it("reads a plural subject's base form before an object as a finite verb", () => {
    expect(verbless("Police probe canal boat fire")).toBe(false);
    expect(verbless("Crofters fuel island ferry row")).toBe(false);
    expect(verbless("Kessler and Amundsen star in river drama")).toBe(false);
    // A plural noun phrase and a preposition: no verb.
    expect(verbless("Fans debate over new stadium")).toBe(true);
    expect(verbless("Brentwick Rovers debate over new stadium")).toBe(true);
    expect(verbless("Bright lights for city traders")).toBe(true);
  });

  it("reads an -s form and a preposition as a verb after a name, not after a common noun or an adjective", () => {
    expect(verbless("Tarvik battles to regional crown")).toBe(false);
    expect(verbless("Brennock moves into cloud storage")).toBe(false);
    expect(verbless("Tough rules for drone pilots")).toBe(true);
    expect(verbless("Peace talks in Geneva")).toBe(true);
    expect(verbless("Job cuts at port")).toBe(true);
    expect(verbless("Tourism board plans for summer")).toBe(true);
    expect(verbless("Mixed summer for seaside traders")).toBe(true);
    // A figure's direction, no verb's particle.
    expect(verbless("Orbix shares up on chip deal")).toBe(true);
    expect(verbless("Retail profits up on strong demand")).toBe(true);
  });
});

describe("headline checks: a duration at the end", () => {
  const open = (h: string) => headlineFaults(h).includes("ends open");
  it("reads a duration after 'for', 'in' or 'of' as complete, however it is counted", () => {
    expect(open("The lighthouse keeper has kept the lamp for more than 30 years")).toBe(false);
    expect(open("The ferry has sailed the strait for 12 years")).toBe(false);
    expect(open("The crew had their first hot meal in 9 days")).toBe(false);
    expect(open("A fisherman mourns his friend of 20 years")).toBe(false);
  });
  it("still reads a duration with nothing before it as open", () => {
    expect(open("The harbour master has died less than 24 hours")).toBe(true);
    expect(open("The ferry has sunk 3 days")).toBe(true);
  });
});

describe("headline checks: an editor's faults read where they are", () => {
  const faults = (h: string) => headlineFaults(h);
  it("reads an initialism with an I as no first person ('The I.V. clinic', 'an F.B.I. agent')", () => {
    expect(faults("The I.V. clinic opened a second branch in the harbour town")).not.toContain(
      "first/second person",
    );
    expect(faults("Harbour police arrested an F.B.I. agent posing as a buyer")).not.toContain(
      "first/second person",
    );
    expect(faults("Since last spring I have rowed across the bay twice")).toContain("first/second person");
  });
  it("reads 'The …' explained by a name in apposition, and an age in the plural as unexplained", () => {
    expect(faults("The harbour café's owner Jo Reyes said the pier would close")).not.toContain(
      "unexplained 'The …'",
    );
    expect(faults("The victim, 41-year-old Sam Okafor, was found near the pier")).not.toContain(
      "unexplained 'The …'",
    );
    // Not someone else's name, nor a place after a preposition.
    expect(faults("The actress and her husband Sam Okafor have named their son Tomas")).toContain(
      "unexplained 'The …'",
    );
    expect(faults("The incident took place at Quay Street's cafe on Friday")).toContain(
      "unexplained 'The …'",
    );
    expect(faults("The 29-year-olds each rowed across the bay on Sunday")).toContain("unexplained 'The …'");
  });
  it("reads a dateline left before the headline as a label", () => {
    expect(faults("Hong Kong -- a ferry ran aground near the harbour on Monday")).toContain(
      "furniture/label",
    );
    expect(faults("MILLBROOK, Ore. (AP) — the town council voted to close the pier")).toContain(
      "furniture/label",
    );
    expect(faults("A ferry ran aground near the harbour on Monday")).not.toContain("furniture/label");
    expect(faults("One man — a baker from the valley — sailed around the world")).not.toContain(
      "furniture/label",
    );
  });
});

describe("headline checks: a complete sentence's last word", () => {
  const open = (h: string) => headlineFaults(h).includes("ends open");
  it("reads an object 'her', a copula after 'what', 'over' after a copula and 'is N years' as complete", () => {
    expect(open("The ferry captain asked the harbour master to call her")).toBe(false);
    expect(open("The skipper knew exactly what it was")).toBe(false);
    expect(open("The council said the harbour strike was officially over")).toBe(false);
    expect(open("For rowers, the gap in career length is 4.5 years")).toBe(false);
  });
  it("still reads a possessive, a bare copula and a duration with no verb before it as open", () => {
    expect(open("The ferry captain thanked his")).toBe(true);
    expect(open("The harbour repairs and the council's plans are")).toBe(true);
    expect(open("The skipper has been missing 12 years")).toBe(true);
  });
});

describe("headline checks: fragments with a verb somewhere but no main clause", () => {
  const faults = (h: string) => headlineFaults(h);
  it("reads a verb of saying whose reported clause has no verb of its own as no main clause", () => {
    expect(faults("The harbour master said the new ferry")).toContain("no main clause");
    expect(faults("The mayor said in a statement on Friday")).toContain("no main clause");
    expect(
      faults("The council leader said local fishermen and rowers that are reportedly planning a protest"),
    ).toContain("no main clause");
  });
  it("keeps a reported clause with its verb, and an attribution after a quotation", () => {
    expect(faults("The harbour master said the new ferry will sail on Monday")).not.toContain(
      "no main clause",
    );
    expect(faults("The mayor said rowers who train at dawn deserve a new boathouse")).not.toContain(
      "no main clause",
    );
    expect(faults('"We will rebuild the pier," the mayor said in a statement')).not.toContain(
      "no main clause",
    );
    expect(faults("The rowing club said Tuesday")).not.toContain("no main clause");
  });
  it("reads a participle before a noun as no finite verb", () => {
    expect(faults("The former rowing coach Sam Okafor, in his first extended interview")).toContain(
      "no finite verb",
    );
    expect(faults("The council's newly elected harbour master")).toContain("no finite verb");
    expect(faults("The council extended the harbour's opening hours")).not.toContain("no finite verb");
  });
  it("reads an adverb whose verb was cut off as an open ending", () => {
    expect(faults("The skipper said the crew, the cooks and the deckhands all bravely")).toContain(
      "ends open",
    );
    expect(faults("The ferry captain who reportedly")).toContain("ends open");
    expect(faults("The crew rowed the boat home slowly")).not.toContain("ends open");
    expect(faults("The mayor thanked them all warmly")).not.toContain("ends open");
  });
  it("reads a place in sentence case before a dash, the sentence after it lower-cased, as a dateline", () => {
    expect(faults("Millbrook beach – when the wave hit, the pier collapsed")).toContain("furniture/label");
    expect(faults("New Millbrook ― the town council voted to close the pier")).toContain("furniture/label");
    expect(faults("The alternative – a new pier – was voted down")).not.toContain("furniture/label");
    expect(faults("Sam Okafor – Millbrook's new mayor – opened the pier")).not.toContain("furniture/label");
  });
  it("reads a name's initials in brackets after 'The …' as a name", () => {
    expect(faults("The harbour safety agency (HSA) has closed the pier")).not.toContain(
      "unexplained 'The …'",
    );
    expect(faults("The agency has closed the pier")).toContain("unexplained 'The …'");
  });
});

describe("headline checks: a headline whose only verb is a relative clause's", () => {
  const faults = (h: string) => headlineFaults(h);
  it("reads it as no main clause", () => {
    expect(faults("The harbour board's ruling that gave the rowers a new boathouse")).toContain(
      "no main clause",
    );
    expect(faults("The pastor of a Millbrook church that voted to close the hall")).toContain(
      "no main clause",
    );
  });
  it("keeps a main verb after the relative clause, and a clause after 'that' with its own subject", () => {
    expect(faults("Boats that haven't been repaired don't sail as fast")).not.toContain("no main clause");
    expect(faults("The ferry that sank last year was raised on Monday")).not.toContain("no main clause");
    expect(faults("Millbrook Council Approves Pier That Was Closed")).not.toContain("no main clause");
  });
});

describe("headline checks: a clause inside the headline takes a verb of its own", () => {
  const noMain = (h: string) => headlineFaults(h).includes("no main clause");
  it("reads a headline that is only a subordinate clause as no main clause", () => {
    expect(noMain("When the harbour wall collapsed in the storm")).toBe(true);
    expect(noMain("Whether or not the rowing club merges with its rival")).toBe(true);
    expect(noMain("Outside the boathouse where the crew trained every morning")).toBe(true);
    expect(noMain("The skipper ruled that even if the ferry could be repaired by May")).toBe(true);
  });
  it("keeps a main clause beside a subordinate one, and a subordinating word without a verb after it", () => {
    expect(noMain("When the harbour wall collapsed, the ferry was moved to Dunmore")).toBe(false);
    expect(noMain("The ferry has sailed the strait since 1992")).toBe(false);
    expect(noMain("The pier closed because of the storm")).toBe(false);
    expect(noMain("The harbour board said little about the ferry contract")).toBe(false);
    expect(noMain("The rowers had little to say about the new boathouse")).toBe(false);
  });
  it("reads a headline's future ('X to do Y') as its verb, an infinitive after another verb as no main one", () => {
    expect(headlineFaults("Harbour board to close the old pier")).not.toContain("no finite verb");
    expect(noMain("The skipper who wants to sell the old ferry")).toBe(true);
  });
  it("reads a verb the tagger takes for a noun before its object as a verb", () => {
    expect(noMain("The verdict split the rowing club, whether or not the vote was fair")).toBe(false);
  });
});

describe("headline checks: a page's stamp, a review's info box, a prompt", () => {
  const stamp = (h: string) => headlineFaults(h).includes("date stamp/info box");
  it("reads a date or time stamp that is the headline, opens it or ends it", () => {
    expect(stamp("Mar. 4, 2021, 7:12 pm GMT / updated Mar. 4")).toBe(true);
    expect(stamp("Published 9:41 AM ET Wed, 3 March 2021")).toBe(true);
    expect(stamp("Updated: the Millbrook council voted to close the pier")).toBe(true);
    expect(stamp("Posted Friday, May 7, 2021 2:15 pm the pier closed")).toBe(true);
    expect(stamp("The Millbrook pier closed after the storm 10:02 am et Thu")).toBe(true);
    expect(stamp("Harbour crews cleared the wreck updated at 4:20 p.m.")).toBe(true);
    expect(stamp("The ferry sank off Millbrook | June 5, 2019")).toBe(true);
  });
  it("reads a review's rating line and info box, and a prompt to follow or sign up", () => {
    expect(stamp("Rated PG-13 for storm peril and brief language")).toBe(true);
    expect(stamp("Running time: 1 hr 48 min")).toBe(true);
    expect(stamp("Director: Jo Reyes, Cast: Sam Okafor, Lee Marsh")).toBe(true);
    expect(stamp("Follow us on Twitter")).toBe(true);
    expect(stamp("Sign up for our newsletter")).toBe(true);
  });
  it("leaves a date or time in the sentence's own words alone", () => {
    expect(stamp("Firefighters reached the pier at 8:40 a.m.")).toBe(false);
    expect(stamp("The vote is set for 6:30 p.m. ET Friday")).toBe(false);
    expect(stamp("The mayor defended the plan in an interview published Wednesday")).toBe(false);
    expect(stamp("The harbour study was published on June 3, 2016")).toBe(false);
    expect(stamp("The film was rated highly by critics")).toBe(false);
    expect(stamp("Published reports say the ferry will be sold")).toBe(false);
    expect(stamp("The cast of the harbour drama met the mayor")).toBe(false);
    expect(stamp("Rowers sign up for the harbour race in record numbers")).toBe(false);
  });
});
