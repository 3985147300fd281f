/**
 * The held-out set 2026-12n (tests/data/disagreements-heldout-2026-12n.jsonl: every pair the detector
 * showed at 254219b on related Multi-News test documents of different clusters, cosine [0.2, 0.4), labelled
 * blind) stays valid for the eval (tests/support/storyPairLabels.ts says what is checked).
 */
import { describeStoryPairLabels } from "../support/storyPairLabels.ts";

describeStoryPairLabels({
  which: "heldout2026n",
  prefix: "mnband",
  file: "disagreements-heldout-2026-12n.jsonl",
  tag: "held-out 2026-12n",
  min: 30,
  minReal: 2,
});
