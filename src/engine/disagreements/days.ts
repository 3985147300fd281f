/** Days of events ("the meeting ... on Thursday"), skipping the day a statement was made ("the Kremlin said Thursday"). */
import type { Sentence } from "../../search/index.ts";
import { canonicalWordStem } from "../../text/synonyms.ts";
import { contextOf, type Mention, REPORTING, tokens, WEEKDAYS } from "./mention.ts";

export const EVENTS = new Set([
  "meet",
  "meeting",
  "meetings",
  "summit",
  "talks",
  "visit",
  "arrive",
  "arrives",
  "arrived",
  "arriving",
  "arrival",
  "depart",
  "departs",
  "departed",
  "departure",
  "vote",
  "voting",
  "election",
  "launch",
  "hearing",
  "trial",
  "match",
  "strike",
  "protest",
  "rally",
  "release",
  "ceremony",
  "speech",
  "debate",
  "conference",
  "session",
  "deadline",
  "opening",
  "funeral",
  "inauguration",
]);

/** Every day mention names a weekday: a sentence without one is skipped before the tokenizer. */
const MAY_NAME_DAY = new RegExp(WEEKDAYS.join("|"), "i");

export function dayMentions(s: Sentence, sourceId: string): Mention[] {
  if (!MAY_NAME_DAY.test(s.text)) return [];
  const toks = tokens(s.text);
  const out: Mention[] = [];
  for (let i = 0; i < toks.length; i++) {
    const w = toks[i]!.word.toLowerCase();
    if (!WEEKDAYS.includes(w)) continue;
    // Collect "Wednesday or Friday".
    const days = new Set([w]);
    let j = i + 1;
    while (
      j + 1 < toks.length &&
      /^(or|and|,)$/i.test(toks[j]!.word) &&
      WEEKDAYS.includes(toks[j + 1]!.word.toLowerCase())
    ) {
      days.add(toks[j + 1]!.word.toLowerCase());
      j += 2;
    }
    const before = toks.slice(Math.max(0, i - 4), i).map((t) => t.word.toLowerCase());
    const after = toks.slice(j, j + 2).map((t) => t.word.toLowerCase());
    if (before.some((b) => REPORTING.has(b)) || after.some((a) => REPORTING.has(a))) {
      i = j - 1;
      continue;
    }
    // The day must be attached to its event word. A day after a preposition ("talks on Friday", "the
    // visit next Tuesday", "meet … probably on Wednesday") belongs to the clause's event; a bare day
    // ("his address Monday", "exchanged accusations Sunday") belongs to the word right before it.
    let event: string | null = null;
    let p = i - 1;
    while (p >= 0 && /^(late|early|probably|possibly|likely)$/i.test(toks[p]!.word)) p--;
    const prep = p >= 0 && /^(on|next|this|until|till|by|for|from|before|after)$/i.test(toks[p]!.word);
    if (toks[j] && EVENTS.has(toks[j]!.word.toLowerCase())) event = toks[j]!.word.toLowerCase();
    else if (!prep) {
      const t = p >= 0 ? toks[p]!.word.toLowerCase() : "";
      if (EVENTS.has(t)) event = t;
    } else
      for (let k = p - 1; k >= Math.max(0, i - 20); k--) {
        const t = toks[k]!.word.toLowerCase();
        if (WEEKDAYS.includes(t) || t === ";") break;
        if (EVENTS.has(t)) {
          event = t;
          break;
        }
      }
    if (event) {
      const head = canonicalWordStem(event);
      out.push({
        kind: "day",
        key: new Set([head]),
        head,
        about: event,
        lo: 0,
        hi: 0,
        days,
        value: [...days].map((d) => d[0]!.toUpperCase() + d.slice(1)).join(" or "),
        sentence: s,
        sourceId,
        ...contextOf(s),
      });
    }
    i = j - 1;
  }
  return out;
}
