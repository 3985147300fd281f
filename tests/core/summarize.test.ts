import { describe, expect, it } from "vitest";
import { articleSentences, cleanArticle } from "../../src/summarize/clean.ts";
import { type ClusterDoc, roundRobinLead, summarizeCluster } from "../../src/summarize/index.ts";

const countWords = (lines: string[]) => lines.join(" ").split(/\s+/).filter(Boolean).length;

// Two stories told across a cluster: a flood (F) and a bridge closure (B), each in several wordings,
// plus filler that only one article mentions.
const FLOOD = [
  "Heavy rain flooded the river town of Millbrook on Monday, forcing hundreds of residents from their homes.",
  "Rescue crews in boats pulled residents from flooded homes in Millbrook as the river rose.",
  "The flood in Millbrook forced hundreds of residents to leave their homes overnight.",
  "Officials said the river crested above flood stage in Millbrook, the highest level in decades.",
];
const BRIDGE = [
  "Engineers closed the old steel bridge over the Kestrel Canal after finding deep cracks in its main girders.",
  "The steel bridge over the Kestrel Canal will stay closed while engineers inspect the cracked girders.",
  "Commuters faced long detours after engineers closed the Kestrel Canal bridge because of cracked girders.",
  "Inspectors found cracked girders on the Kestrel Canal steel bridge during a routine check last week.",
];
const FILLER = [
  "A local bakery reported record sales of pumpkin bread this autumn season in the county.",
  "The regional orchestra announced a new conductor for its winter concert series on Friday.",
  "Students at the community college organised a charity run that raised money for the library.",
  "A new bus timetable takes effect next month across the northern suburbs of the county.",
];

function doc(...sentences: string[]): ClusterDoc {
  return { text: sentences.join(" ") };
}

const mixed: ClusterDoc[] = [
  doc(FILLER[0]!, FLOOD[0]!, BRIDGE[0]!),
  doc(FILLER[1]!, BRIDGE[1]!, FLOOD[1]!),
  doc(FILLER[2]!, FLOOD[2]!, BRIDGE[2]!),
  doc(FILLER[3]!, BRIDGE[3]!, FLOOD[3]!),
];

const isFlood = (s: string) => /flood|river/i.test(s);
const isBridge = (s: string) => /bridge|girder/i.test(s);

describe("summarizeCluster", () => {
  it("respects the word budget, cutting only the last sentence", () => {
    for (const words of [10, 25, 40, 60, 100]) {
      const out = summarizeCluster(mixed, { words });
      expect(countWords(out)).toBeLessThanOrEqual(words);
      expect(out.length).toBeGreaterThan(0);
      const all = mixed.map((d) => d.text).join(" ");
      for (const line of out.slice(0, -1)) expect(all).toContain(line);
    }
  });

  it("never repeats a sentence and prefers shared facts over one-off filler", () => {
    const dup = [...mixed, doc(FLOOD[0]!, BRIDGE[0]!), doc(FLOOD[0]!, BRIDGE[0]!)];
    const out = summarizeCluster(dup, { words: 60 });
    expect(new Set(out).size).toBe(out.length);
    const joined = out.join(" ");
    expect(joined).not.toMatch(/bakery|orchestra|charity|timetable/);
    expect(isFlood(joined) && isBridge(joined)).toBe(true);
  });

  it("is steered by the query", () => {
    // 20 words hold one whole sentence (the rest of the budget is a cut tail): it must match the query.
    const flood = summarizeCluster(mixed, { words: 20, query: "flooding in Millbrook and the river" });
    const bridge = summarizeCluster(mixed, { words: 20, query: "the Kestrel Canal bridge closure" });
    expect(isFlood(flood[0]!)).toBe(true);
    expect(isBridge(flood[0]!)).toBe(false);
    expect(isBridge(bridge[0]!)).toBe(true);
    expect(isFlood(bridge[0]!)).toBe(false);
  });

  it("in update mode prefers what the reader has not seen", () => {
    // The flood is in every new article, the bridge in three: without history the flood leads.
    const current = [
      doc(FLOOD[0]!, BRIDGE[0]!),
      doc(FLOOD[1]!, BRIDGE[1]!),
      doc(FLOOD[2]!, BRIDGE[2]!),
      doc(FLOOD[3]!, FILLER[0]!),
    ];
    const fresh = summarizeCluster(current, { words: 20 });
    expect(isFlood(fresh[0]!)).toBe(true);
    const previous = [doc(FLOOD[0]!, FLOOD[2]!), doc(FLOOD[1]!, FLOOD[3]!)];
    const update = summarizeCluster(current, { words: 20, previous });
    expect(isBridge(update[0]!)).toBe(true);
    expect(isFlood(update[0]!)).toBe(false);
  });

  it("is deterministic", () => {
    const a = summarizeCluster(mixed, { words: 50, query: "bridge" });
    const b = summarizeCluster(mixed, { words: 50, query: "bridge" });
    expect(a).toEqual(b);
  });

  it("handles empty input, a zero budget and articles with no prose", () => {
    expect(summarizeCluster([], { words: 100 })).toEqual([]);
    expect(summarizeCluster(mixed, { words: 0 })).toEqual([]);
    expect(summarizeCluster([{ text: "------\n\n" }, { text: "" }], { words: 50 })).toEqual([]);
  });
});

describe("newswire clean-up", () => {
  const story = "The town council voted to close the old pier on Monday.";

  it("strips datelines, agency tags and wire punctuation", () => {
    for (const dateline of ["WASHINGTON (AP) _", "BRUSSELS, January 22 (Xinhua) --", "NEW YORK _"])
      expect(cleanArticle(`${dateline} ${story}`)).toBe(story);
    expect(cleanArticle("He said ``no'' _ twice.")).toBe('He said "no" — twice.');
  });

  it("strips a dateline as headlines and points lose theirs (one stripper, src/text/dateline.ts)", () => {
    // A place in capitals with a word in lower case, a title-case place, a bracketed place; what
    // follows starts a sentence again (a lower-case start is judged not whole).
    for (const dateline of [
      "PORT d'ARVEN, Maine _",
      "Millbrook, N.C. _",
      "(HARBOURTOWN, Ore.) _",
      "Paris ( ap ) —",
    ])
      expect(cleanArticle(`${dateline} ${story.toLowerCase()}`)).toBe(`T${story.toLowerCase().slice(1)}`);
    // Too few words after a dash: a sentence with a dash in it, kept.
    expect(cleanArticle("NEW YORK _ Stocks rose.")).toBe("NEW YORK — Stocks rose.");
  });

  it("marks cut-off endings and captions as not whole", () => {
    const s = articleSentences("The council met on Monday. The mayor spoke at length. The budget was");
    expect(s.map((x) => x.whole)).toEqual([true, true, false]);
    const caption = articleSentences(
      "A photo shows the mayor in 2011... ( associated press ) The vote passed.",
    );
    expect(caption[0]?.whole).toBe(false);
  });
});

describe("roundRobinLead", () => {
  it("takes the first sentence of each article in turn", () => {
    const out = roundRobinLead(mixed, 200);
    expect(out.slice(0, 4)).toEqual([FILLER[0], FILLER[1], FILLER[2], FILLER[3]]);
  });
});
