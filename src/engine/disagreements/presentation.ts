/** How a conflict is shown: what it is about, one claim per sentence and side, which report is later. */
import type { Claim } from "../../model.ts";
import { nearIdentical } from "../../text/similarity.ts";
import type { Mention } from "./mention.ts";

/** Event words as the noun a reader expects after "day of the". */
export const EVENT_NOUN: Record<string, string> = {
  meet: "meeting",
  meetings: "meeting",
  arrive: "arrival",
  arrives: "arrival",
  arrived: "arrival",
  arriving: "arrival",
  depart: "departure",
  departs: "departure",
  departed: "departure",
  voting: "vote",
};

export function describe(m: Mention): string {
  if (m.kind === "day") {
    const event = m.about.toLowerCase();
    return `Day of the ${EVENT_NOUN[event] ?? event}`;
  }
  return m.about;
}

/** A claim with the figures or days it gives, as written. */
export interface ValuedClaim extends Claim {
  values: string[];
  /** Claims with the same side give values that can all be true together. */
  side: number;
  date?: string;
  later?: boolean;
  /** Every source's sentence this claim stands for (near-identical reports are shown as one). */
  texts?: string[];
}

/** A disagreement whose claims carry their values (for saying plainly what the sources give). */
export interface Conflict {
  kind: "quantity" | "day";
  about: string;
  claims: ValuedClaim[];
}

export function claimOf(group: Mention[], side: number): ValuedClaim[] {
  const claims: {
    text: string;
    stems: Set<string>;
    texts: string[];
    sources: string[];
    values: string[];
    dates: (string | null)[];
  }[] = [];
  for (const m of group) {
    const same = claims.find((c) => nearIdentical(c.stems, m.sentence.stems));
    if (same) {
      if (!same.sources.includes(m.sourceId)) same.sources.push(m.sourceId);
      if (!same.texts.includes(m.sentence.text)) same.texts.push(m.sentence.text);
      if (!same.values.includes(m.value)) same.values.push(m.value);
      same.dates.push(m.date ?? null);
    } else
      claims.push({
        text: m.sentence.text,
        stems: m.sentence.stems,
        texts: [m.sentence.text],
        sources: [m.sourceId],
        values: [m.value],
        dates: [m.date ?? null],
      });
  }
  return claims.map((c) => {
    const date = c.dates.every((d) => d) ? (c.dates as string[]).sort().at(-1) : undefined;
    return {
      text: c.text,
      texts: c.texts,
      sources: c.sources,
      values: c.values,
      side,
      ...(date ? { date } : {}),
    };
  });
}

/**
 * Marks the side whose reports are all later than every other side's (a settled "Thursday" after
 * "probably Wednesday or Friday"): dates compared as ISO days, every claim must have one.
 */
export function markLater(claims: ValuedClaim[]): ValuedClaim[] {
  if (claims.length < 2 || claims.some((c) => !c.date)) return claims;
  const sides = [...new Set(claims.map((c) => c.side))];
  const datesOf = (s: number) =>
    claims
      .filter((c) => c.side === s)
      .map((c) => c.date!)
      .sort();
  const newest = (s: number) => datesOf(s).at(-1)!;
  const oldest = (s: number) => datesOf(s)[0]!;
  for (const s of sides) {
    const others = sides.filter((o) => o !== s);
    if (others.length > 0 && others.every((o) => newest(o) < oldest(s)))
      return claims.map((c) => (c.side === s ? { ...c, later: true } : c));
  }
  return claims;
}
