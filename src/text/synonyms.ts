/**
 * A small near-synonym table for news vocabulary. Retrieval expands a query term with its group
 * (weighted below the exact term); the disagreement detector uses the group as the "same thing" key.
 * Groups hold surface words; everything is compared by stem (americanised Porter), so "labourers",
 * "laborers" and "laborer" all land on the same stem.
 */
import { stem } from "./tokens.ts";

const GROUPS: string[][] = [
  ["worker", "laborer", "labourer", "employee", "workforce", "staff", "migrant worker"],
  ["job", "employment"],
  ["meeting", "summit", "talks", "meet"],
  ["sanction", "embargo"],
  ["company", "firm", "business", "corporation"],
  ["profit", "earnings"],
  ["car", "vehicle", "automobile"],
  ["film", "movie"],
  ["election", "poll", "vote"],
  ["lawmaker", "legislator", "parliamentarian", "mp"],
  ["kill", "dead", "death", "die"],
  ["injure", "wound", "hurt"],
  ["weapon", "arms", "missile"],
  ["nuclear", "atomic"],
  ["economy", "economic"],
  ["price", "cost"],
  ["rise", "increase", "growth", "grow"],
  ["fall", "decline", "drop", "decrease"],
  ["buy", "purchase", "acquire", "acquisition", "takeover"],
  ["phone", "mobile", "handset", "smartphone"],
  ["president", "leader"],
  ["shortage", "scarcity"],
  ["aid", "assistance"],
  ["talk", "negotiation", "negotiate"],
  ["tax", "levy"],
  ["court", "tribunal"],
  ["police", "officer"],
  ["protest", "demonstration", "rally"],
  ["strike", "walkout"],
  ["game", "match"],
  ["music", "musician", "band"],
  ["internet", "online", "web"],
  ["computer", "pc", "laptop"],
  ["football", "soccer"],
  ["chancellor", "finance minister"],
  ["food", "grain", "wheat"],
  // General news verbs a question and its answer often word differently (narrow groups only:
  // broad ones such as "make"/"earn" measured worse on RealTimeQA).
  ["send", "ship", "shipment", "export"],
  ["earn", "gross"],
  ["host", "invite"],
];

function stemPhrase(s: string): string {
  return s.split(/\s+/).map(stem).join(" ");
}

/** stem → the other stems of its groups (single-word members only). */
const RELATED = new Map<string, Set<string>>();
/** stem → a canonical stem (the first member of its first group), for "same thing" keys. */
const CANONICAL = new Map<string, string>();

for (const group of GROUPS) {
  const stems = group.filter((w) => !w.includes(" ")).map(stemPhrase);
  const canon = stems[0]!;
  for (const s of stems) {
    if (!CANONICAL.has(s)) CANONICAL.set(s, canon);
    let set = RELATED.get(s);
    if (!set) {
      set = new Set();
      RELATED.set(s, set);
    }
    for (const o of stems) if (o !== s) set.add(o);
  }
}
// Verb and noun forms that stem differently but mean the same worker.
for (const s of ["work"]) CANONICAL.set(stem(s), CANONICAL.get(stem("worker"))!);

/** Stems related to a stem (its near-synonyms), excluding itself. */
export function relatedStems(s: string): string[] {
  const set = RELATED.get(s);
  return set ? [...set] : [];
}

/** A canonical stem for a stem: near-synonyms share it. */
export function canonicalStem(s: string): string {
  return CANONICAL.get(s) ?? s;
}

/**
 * A word's canonical stem, whatever its case: lower-cased, americanised, Porter-stemmed, near-synonyms
 * folded ("Labourers" → the stem of "worker"). The disagreement detector's one way to compare words.
 */
export function canonicalWordStem(word: string): string {
  return canonicalStem(stem(word.toLowerCase()));
}
