/** A subscription as the catalogue's confirmations and listings describe it (days in the one wording). */

import type { Subscription } from "../queue/types.ts";
import { describeDays } from "../queue/validate.ts";
import type { DigestSummary } from "../src/messages.ts";

export function digestSummary(s: Subscription): DigestSummary {
  return {
    id: s.id,
    channel: s.channel,
    at: s.at,
    tz: s.tz,
    days: describeDays(s.days),
    topics: s.topics,
    pausedReason: s.pausedReason,
  };
}
