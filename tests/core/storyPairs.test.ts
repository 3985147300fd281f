/**
 * scripts/story-pairs.ts: two reports of one story pair up as a two-article cluster; reports of other
 * stories, articles of another category and a repeated text do not; across groups (Multi-News clusters),
 * the same pairs less those within one group, with the same cosines. Made-up articles.
 */
import { describe, expect, it } from "vitest";
import { storyPairRecords, storyPairs, storyPairsAcrossGroups } from "../../scripts/story-pairs.ts";

const quake =
  "A strong earthquake shook the coastal town of Marrowby on Tuesday, toppling the old lighthouse and cracking the harbour wall. Rescue teams searched the rubble of the fish market overnight.";
const quakeAgain =
  "Rescue teams in Marrowby searched the rubble of the fish market after Tuesday's earthquake, which toppled the old lighthouse and cracked the harbour wall of the coastal town.";
const others = [
  "The city orchestra opened its winter season with a new violin concerto, and the conductor thanked the audience for its patience during the hall's renovation.",
  "Shares in a biscuit maker rose after it reported strong sales of oat crackers in the run-up to the holidays, beating what analysts had expected.",
  "A chess prodigy won the junior title after a long endgame in which she sacrificed a rook to force a draw and then a win in the playoff.",
  "Farmers in the valley said the late frost had damaged the apple blossom, and growers feared a smaller harvest for the cider makers this autumn.",
];

describe("story pairs", () => {
  const articles = [
    { id: "n-1", text: quake, category: "world" },
    { id: "n-2", text: others[0]!, category: "world" },
    { id: "n-3", text: quakeAgain, category: "world" },
    { id: "n-4", text: others[1]!, category: "world" },
    { id: "n-5", text: quakeAgain, category: "sport" },
    { id: "n-6", text: quake, category: "world" },
    { id: "n-7", text: others[2]!, category: "world" },
    { id: "n-8", text: others[3]!, category: "world" },
  ];

  it("pairs two reports of one story, within a category, and not a repeated text", () => {
    const ids = storyPairs(articles).map((p) => `${articles[p.a]!.id}+${articles[p.b]!.id}`);
    expect(ids.sort()).toEqual(["n-1+n-3", "n-3+n-6"]);
  });

  it("reads each pair as a two-article cluster named after its articles", () => {
    const [first] = storyPairRecords(articles.slice(0, 3));
    expect(first?.id).toBe("n-1+n-3");
    expect(first?.docs.map((d) => d.text)).toEqual([quake, quakeAgain]);
  });

  it("across groups: the pairs of storyPairs from different groups only, with the same cosines", () => {
    const grouped = articles.map((a, i) => ({ ...a, group: i < 3 ? "c-1" : "c-2" }));
    const across = storyPairsAcrossGroups(grouped).map((p) => `${articles[p.a]!.id}+${articles[p.b]!.id}`);
    // n-1+n-3 are both of c-1: left out; n-3+n-6 are of different groups.
    expect(across).toEqual(["n-3+n-6"]);
    const all = storyPairsAcrossGroups(articles);
    expect(all).toEqual(storyPairs(articles));
    const [pair] = storyPairRecords(grouped, undefined, true);
    expect(pair?.id).toBe("n-3+n-6");
  });
});
