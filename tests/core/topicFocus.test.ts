/**
 * The story measure of the evals (scripts/topicFocus.ts): a point tells the topic's story when it names
 * every topic word or cites an article of the story. Made-up articles: 500 of filler news, a bakery's
 * award told twice, and a football report naming the same two words in passing.
 */
import { describe, expect, it } from "vitest";
import { addFocus, emptyFocus, pointsOnStory, topicAnchors } from "../../scripts/topicFocus.ts";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { CorpusIndex } from "../../src/search/index.ts";

const FILLERS = Array.from({ length: 500 }, (_, i) => ({
  id: `f${i}`,
  title: `Council ${i} approves library`,
  text: `The council of district ${i} approved plans for a new library and a sports centre. Residents had campaigned for better public facilities for years.`,
}));

const STORY = [
  {
    id: "award",
    title: "Marlpit bakery wins national bread award",
    text: "The Marlpit bakery on Quay Street won the national bread award for its rye sourdough. The owner, Nell Hurst, said the recipe came from her grandmother's notebook. Judges praised the loaf's crust and its sour, nutty crumb.",
  },
  {
    id: "award2",
    title: "Sourdough from Quay Street tops judges' list",
    text: "Nell Hurst's rye sourdough, baked on Quay Street in Marlpit, was named the country's best loaf. Judges praised its crust and crumb, and Hurst said her grandmother's notebook held the recipe.",
  },
];
const ELSEWHERE = {
  id: "match",
  title: "Marlpit Town held to a draw",
  text: "Marlpit Town were held to a goalless draw by the league leaders on Saturday. Their striker, who won a regional award last season, hit the post twice before the interval.",
};

const index = new CorpusIndex(articlesFromRecords([...FILLERS, ...STORY, ELSEWHERE]));
const point = (text: string, source: string) => ({ text, sources: [source] });

describe("points off the topic's story", () => {
  it("anchors the topic on the articles whose title names every topic word", () => {
    expect(topicAnchors(index, "marlpit award").map((a) => index.articles[a]!.id)).toEqual(["award"]);
  });

  it("counts a point of another story that names one topic word as off, the story's own as on", () => {
    const points = [
      point("Judges praised the loaf's crust and its sour, nutty crumb.", "award"),
      point("Nell Hurst's rye sourdough, baked on Quay Street, was named the country's best loaf.", "award2"),
      point("Marlpit Town were held to a goalless draw by the league leaders on Saturday.", "match"),
    ];
    expect(pointsOnStory(index, "marlpit award", points)).toEqual([true, true, false]);
    const t = emptyFocus();
    addFocus(t, index, "marlpit award", points);
    expect(t).toEqual({ briefs: 1, points: 3, offStory: 1, mostlyOff: 0 });
  });
});
