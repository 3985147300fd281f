/**
 * An article the corpus holds twice (a folder corpus keeps both copies) is read once as the topic's
 * story: twice, its words count double in what the story's reports say most, and its sentences
 * outweigh the other reports (src/engine/retrieval.ts retrieveTopic, withoutDuplicateArticles). Made-up
 * articles: 500 of filler news and an airline merger told by three reports, one of them twice.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { retrieveTopic } from "../../src/engine/retrieval.ts";
import { DEFAULT_STORY_GATE } from "../../src/engine/sameStory.ts";
import { CorpusIndex } from "../../src/search/index.ts";

const TOWNS = ["Mar", "Net", "Oak", "Pel", "Quar", "Red", "Salt", "Thorn", "Umber", "Vex"].flatMap((a) =>
  ["by", "ford", "hurst", "ham", "moor", "wick", "mere", "bury", "ton", "field"].map((b) => a + b),
);
/** Everyday news of many stories (a corpus of many stories, as a news folder is). */
const FILLERS = TOWNS.flatMap((t, i) => [
  `Storms flood ${t}\n\nStorms brought heavy rain and strong winds to ${t} overnight, flooding roads. Forecasters warned of more bad weather.`,
  `${t} United win\n\n${t} United beat their local rivals in a tense league match on Saturday. The manager praised his players.`,
  `${t} library plan\n\nThe council in ${t} approved plans for a new library. Residents had campaigned for years.`,
  `${t} bakery burgled\n\nPolice in ${t} appealed for witnesses after a bakery was burgled. Nobody was hurt.`,
  `${t} choir wins\n\nA choir from ${t} won a regional singing contest on day ${i}. The conductor thanked the parents.`,
]).map((text, i) => ({ id: `filler-${i}`, text }));

const LOUNGES =
  "Kestrel merger lounges to close\n\nThe Kestrel merger will close six airport lounges, staff were told on Monday. " +
  "Lounge staff at Kestrel said the merger plan gave them little notice. " +
  "Kestrel said passengers would use Plover lounges after the merger.";

const index = new CorpusIndex(
  articlesFromRecords([
    ...FILLERS,
    {
      id: "approved",
      text:
        "Kestrel merger approved\n\nRegulators approved the Kestrel merger with Plover Air on Tuesday. " +
        "The Kestrel merger creates the largest airline in the region. " +
        "Shareholders of Kestrel will hold 60% of the merged airline.",
    },
    { id: "lounges", text: LOUNGES },
    { id: "lounges-copy", text: LOUNGES },
    {
      id: "routes",
      text:
        "Kestrel merger routes\n\nThe Kestrel merger will add twelve routes to Asia next year. " +
        "Plover Air pilots welcomed the Kestrel merger and the new routes.",
    },
  ]),
);

describe("the articles a briefing's story is read from", () => {
  it("hold an article a corpus of many stories has twice once", () => {
    expect(index.size).toBeGreaterThanOrEqual(DEFAULT_STORY_GATE.minArticles);
    const r = retrieveTopic(index, "Kestrel merger");
    const ids = r.story.map((h) => index.articles[h.index]!.id);
    expect(ids).toContain("approved");
    expect(ids).toContain("routes");
    expect(ids.filter((id) => id.startsWith("lounges"))).toHaveLength(1);
  });
});
