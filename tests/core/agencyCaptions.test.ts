/**
 * A news agency's photo caption with no "in this photo": a description in the present tense, then
 * ", [on] <weekday>, <month> <day>, <year>[, in <place>]." closing it. It is no point. A sentence of news
 * dated in the same frame, with a past, perfect or future verb or an attribution, stays a point. Made-up text.
 */
import { describe, expect, it } from "vitest";
import { readability } from "../../src/engine/points.ts";
import { isPhotoCaption, opensOnRunOnLabel } from "../../src/text/furniture.ts";

const point = (s: string) => readability(s) > 0;

function caption(s: string) {
  expect(isPhotoCaption(s)).toBe(true);
  expect(opensOnRunOnLabel(s)).toBe(true);
  expect(point(s)).toBe(false);
}

function sentence(s: string) {
  expect(isPhotoCaption(s)).toBe(false);
  expect(point(s)).toBe(true);
}

describe("a news agency's photo caption", () => {
  it("'…, <weekday>, <month> <day>, <year>, in <place>.' after a present-tense description is a caption; a past verb keeps a sentence", () => {
    for (const s of [
      "A harbor patrol boat circles the marina off the old lighthouse, Friday, Nov. 24, 2017, in Millbrook, Fla.",
      "Volunteers stack sandbags along the river in harlow county, saturday, sept. 9, 2017, in harlow.",
      "Supporters cheer as the senator arrives at a rally, thursday, oct. 11, 2018, at the millbrook fairgrounds.",
    ])
      caption(s);
    for (const s of [
      "The trial began on Monday, Nov. 6, 2017, in Dallas, prosecutors said.",
      "The trial began on Monday, Nov. 6, 2017, in Millbrook.",
      "Police arrested the driver on Friday, Nov. 24, 2017, in Millbrook, Fla.",
      "A small earthquake struck near riverton on sunday, nov. 1, 2015.",
    ])
      sentence(s);
  });

  it("'… [in <place>], [on] <weekday>, <month> <day>, <year>.' is a caption; a perfect, future or attributed sentence is not", () => {
    for (const s of [
      "Firefighters spray water on the roof of the riverton mill, Tuesday, March 6, 2018.",
      "Mayor jane roe, center, talks with residents at the city park in riverton, on monday, june 4, 2018.",
      "The old bridge is closed to traffic in riverton, wednesday, jan. 10, 2018.",
    ])
      caption(s);
    for (const s of [
      "The council will vote on the plan in riverton on Tuesday, March 6, 2018.",
      "Residents have been told to leave their homes by Friday, Nov. 24, 2017.",
      "Jane roe, who was elected mayor in 2016, resigned on monday, june 4, 2018.",
      "The mill closes for good in riverton on friday, june 8, 2018, the owners say.",
    ])
      sentence(s);
  });
});
