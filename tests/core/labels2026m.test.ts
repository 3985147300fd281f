/**
 * The held-out set 2026-12m (tests/data/disagreements-heldout-2026-12m.jsonl: pairs of Multi-News test
 * documents from different clusters reporting one story, labelled blind) stays valid for the eval
 * (tests/support/storyPairLabels.ts says what is checked).
 */
import { describeStoryPairLabels } from "../support/storyPairLabels.ts";

describeStoryPairLabels({
  which: "heldout2026m",
  prefix: "mnpair",
  file: "disagreements-heldout-2026-12m.jsonl",
  tag: "held-out 2026-12m",
  min: 800,
  minReal: 8,
});
