/**
 * What makes a briefing's or a digest's point open on a reference it does not explain, as an editor reads
 * it (one entry of POINT_REFERENCE_FAULTS each), for `node scripts/audit-points.ts` and `npm run
 * eval:brief`. Written from the reader's side, independent of the engine's own rules
 * (src/engine/points.ts `unexplainedOpener`): word lists and the shape of the sentence's opening.
 */

export const POINT_REFERENCE_FAULTS = [
  "opens on a pronoun",
  "pronoun after an opening phrase",
  "quotation of a pronoun",
  "unexplained 'The …'",
  "back reference",
] as const;
export type PointReferenceFault = (typeof POINT_REFERENCE_FAULTS)[number];

/** Words for a time that a demonstrative makes plain on its own ("This year", "That night"). */
const TIME =
  "year|years|week|weeks|month|months|morning|afternoon|evening|night|weekend|season|summer|spring|autumn|fall|winter|day|days|decade|century|term|quarter|half";

/** A pronoun standing for someone or something named before ("He said …", "Their plan …", "That gap …"). */
const PRONOUN = new RegExp(
  `^(?:he|she|they|them|his|her|their|its|these|those|such)(?![\\p{L}'’-])|^(?:this|that)\\s+(?!(?:${TIME})(?:'s|’s)?(?![\\p{L}'’-]))[\\p{L}'’-]+`,
  "iu",
);
/**
 * "It" ("It's") and a verb, unless "it" is no one's ("It is unclear whether …", "It was the first time
 * that …", "It took years to …", "It's like a fairy tale: …"): a few words, then what the "it" announces.
 */
const IT = /^it(?:'s|’s)?\s+[\p{L}'’-]+/iu;
const IT_ANNOUNCES =
  /^it(?:'s|’s|\s+(?:is|was|has been|had been|will be|would be|may be|might be|could be|remains|remained|seems|seemed|appears|appeared|took|takes|will take|would take|makes|made))\s+(?:[^\s,.;:]+\s+){0,5}?(?:that|to|whether|for|if|when|since|before|until|how|why|what|which|who|where)(?![\p{L}'’-])/iu;
/** "It was the first time the ferry had …": a cleft, no one's "it". */
const IT_FIRST_TIME =
  /^it(?:['’]s|\s+(?:is|was))\s+(?:the\s+)?(?:first|second|third|last|only)\s+time(?![\p{L}'’-])/iu;
/** "It's like a fairy tale: a princess …": the "it" is what follows the colon. */
const IT_BEFORE_COLON = /^it(?:['’]s|\s+(?:is|was))\s+[^\s:.;!?"“”][^:.;!?"“”]{0,99}:\s/iu;
/** A subject expected to stand for something: "It is reported to …", "It is expected to …". */
const IT_RAISED =
  /^it\s+(?:is|was)\s+(?:reported|said|understood|believed|thought|expected|set|due|likely|poised|keen|known)\s+to\s/iu;

/** A subordinating word: a clause of its own, whose named subject a later "he" may stand for. */
const SUBORDINATOR = /^(?:when|after|before|while|because|although|though|since|if|once|until|unless|as)$/i;

/**
 * A pronoun as the subject after an opening phrase that names no one for it ("Speaking at the forum in
 * Dubai, he said …", "However, he believes …", "In death, he has become …"); an opening clause with a
 * name as its subject ("When Smith arrived, he …") may explain it.
 */
function pronounAfterOpening(text: string): boolean {
  const m = /^([^,"“”]{2,100}),\s+(?:he|she|they)\s+[\p{L}'’-]/u.exec(text);
  if (!m) return false;
  const words = m[1]!.trim().split(/\s+/);
  if (words.length > 14) return false;
  // "The last time Smith ran for office, he …" opens on a clause as "When Smith …" does.
  const lead = /^(?:even|ever)$/i.test(words[0]!)
    ? 2
    : /^the\s+(?:first|last|next)\s+time$/i.test(words.slice(0, 3).join(" "))
      ? 3
      : 1;
  const opensClause = lead === 3 || SUBORDINATOR.test(words[lead - 1]!);
  return !(opensClause && words.slice(lead).some((w) => /^\p{Lu}/u.test(w)));
}

/** A quotation whose speaker is only a pronoun ("… ,” he said.", "'' she added."). */
const QUOTED_PRONOUN =
  /["”'’`]{1,2}\s*,?\s+(?:he|she|they)\s+(?:said|says|added|adds|asked|told|tells|explained|insisted|argued|warned|wrote|writes|continued|noted|recalled|replied|declared|stressed|acknowledged)(?![\p{L}'’-])/iu;

/**
 * "The" and a description of a person or a body by their role, age or part ("The 29-year-old took part
 * …", "The company said …", "The champions only just …"), with no name in it. A relative clause naming
 * who made the thing ("The deal that the Truth Commission offered …") says which one it is.
 */
const THE_ROLE =
  /^The\s+(?:[\p{Ll}\d][\p{Ll}\d'’-]*\s+){0,2}(?:\d+-year-old|man|woman|men|women|girl|boy|child|couple|pair|victim|victims|suspect|suspects|officer|company|firm|group|club|team|side|champions|newspaper|paper|star|singer|actor|actress|player|striker|midfielder|defender|coach|manager|spokesman|spokeswoman|carrier|airline|retailer|giant|maker|lender|insurer|move|decision|deal|news|report|attack|incident)(?:'s|’s)?(?![\p{L}'’-])(?!,?\s+\p{Lu})(?!\s+(?:that|which)\s+(?:[\p{Ll}'’-]+\s+){0,2}\p{Lu})/u;

/** A phrase pointing back to what was told before ("Another officer …", "Two other men …", "In doing so, …"). */
const BACK_REFERENCE =
  /^(?:another|both(?!\s+\p{Lu})|the\s+(?:other|same|two|three|remaining|previous)|the\s+(?:latter|former)(?=\s*,|\s+(?:is|was|has|had|said|says|will|would)\s)|(?:two|three|four|five|several|many)\s+(?:other|more)|a\s+further|further|as\s+such|in\s+doing\s+so|in\s+addition|also)(?![\p{L}'’-])/iu;

/** The reference faults of a point (none: it explains itself). */
export function pointReferenceFaults(point: string): PointReferenceFault[] {
  const out: PointReferenceFault[] = [];
  const t = point.trim();
  // A quotation is the speaker's words: what it leaves unsaid is theirs to say; whose words they are is not.
  // (A point given the sentence before it opens on that sentence, which may name the speaker.)
  if (/^(?:["“‘']|``)/.test(t)) return QUOTED_PRONOUN.test(t) ? ["quotation of a pronoun"] : [];
  if (
    PRONOUN.test(t) ||
    (IT.test(t) &&
      (IT_RAISED.test(t) || !(IT_ANNOUNCES.test(t) || IT_FIRST_TIME.test(t) || IT_BEFORE_COLON.test(t))))
  )
    out.push("opens on a pronoun");
  if (pronounAfterOpening(t)) out.push("pronoun after an opening phrase");
  if (THE_ROLE.test(t)) out.push("unexplained 'The …'");
  if (BACK_REFERENCE.test(t)) out.push("back reference");
  return out;
}
