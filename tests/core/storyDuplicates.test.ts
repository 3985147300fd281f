/**
 * An article the corpus holds twice (a folder corpus keeps both copies) is read once as the topic's
 * story: twice, its words count double in what the story's reports say most, and its sentences
 * outweigh the other reports (src/engine/retrieval.ts retrieveTopic, withoutDuplicateArticles).
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { retrieveTopic } from "../../src/engine/retrieval.ts";
import { CorpusIndex } from "../../src/search/index.ts";

const LOUNGES =
  "Kestrel merger lounges to close\n\nThe Kestrel merger will close six airport lounges, staff were told on Monday. " +
  "Lounge staff at Kestrel said the merger plan gave them little notice. " +
  "Kestrel said passengers would use Plover lounges after the merger.";

const index = new CorpusIndex(
  articlesFromRecords([
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
  it("hold an article the corpus has twice once", () => {
    const r = retrieveTopic(index, "Kestrel merger");
    const ids = r.story.map((h) => index.articles[h.index]!.id);
    expect(ids).toContain("approved");
    expect(ids).toContain("routes");
    expect(ids.filter((id) => id.startsWith("lounges"))).toHaveLength(1);
  });
});
