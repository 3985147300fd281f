/** `summit subscriptions`: the operator's table (loaded by that command only: it needs the schedule). */
import { describeSlot, nextSlot } from "../../queue/schedule.ts";
import type { Subscription } from "../../queue/types.ts";
import { describeDays } from "../../queue/validate.ts";

/** The operator's table of every subscription (days in the same words as Slack and Discord). */
export function formatTable(subs: Subscription[], now: Date): string {
  const header = ["ID", "PLATFORM", "TEAM", "CHANNEL", "AT", "TZ", "DAYS", "TOPICS", "NEXT"];
  const rows = subs.map((s) => [
    s.id,
    s.platform,
    s.workspace ?? "-",
    s.channel,
    s.at,
    s.tz,
    describeDays(s.days),
    s.topics.length > 0 ? s.topics.join(", ") : "(all)",
    s.pausedReason ? `paused: ${s.pausedReason}` : describeSlot(nextSlot(s, now), s.tz),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [header, ...rows]
    .map((r) =>
      r
        .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
