/**
 * What makes a headline (a briefing's) or a story title (a digest's) bad, as an editor reads it (an
 * editor's checklist, one fault per entry of HEADLINE_FAULTS), for `npm run eval:headlines`. Independent
 * of the engine's own rules (src/engine/phrasing.ts): the part-of-speech tagger and a few word lists.
 * (scripts/eval-brief.ts's `headlineNotASentence` is the older, narrower count: cut or no finite verb.)
 */
import { isFurniture, withoutLeadingPageLabels } from "../src/text/furniture.ts";
import { finiteVerb, tag } from "../src/text/tagger.ts";

export const HEADLINE_FAULTS = [
  "cut …",
  "no finite verb",
  "no subject",
  "ends open",
  "unbalanced quote/bracket",
  "opens on a pronoun",
  "unexplained 'The …'",
  "first/second person",
  "furniture/label",
  "over 20 words",
] as const;
export type HeadlineFault = (typeof HEADLINE_FAULTS)[number];

/** Words a headline never ends on: it needs more after them. */
const OPEN_END =
  /(?<![\p{L}'’-])(?:of|to|in|on|at|for|with|by|from|about|into|onto|over|under|than|as|after|before|since|until|via|per|between|among|against|toward|towards|the|a|an|and|or|but|nor|that|which|who|whom|whose|where|when|while|because|if|his|her|its|their|our|my|your|is|are|was|were|be|been|has|have|had|will|would|can|could|should|may|might|must|very|more|most|less|such)$/iu;
/** A relative clause of one word ("… drugs that went"), or a duration with no "after"/"ago" ("has died less than 24 hours"). */
const OPEN_TAIL =
  /(?:(?<![\p{L}'’-])(?:that|which|who)\s+[\p{L}'’-]+|(?<!(?:for|in|of|within|over|after|last|next|past|the|about|around|to|and)\s+)(?:less|more|nearly|almost|just|only)?\s*(?:than\s+)?[\d,.]+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?))$/iu;
/** A pronoun that points back to something the headline does not name. */
const PRONOUN =
  /^["“‘']?(?:he|she|it|it's|it’s|they|them|his|her|its|their|this|that|these|those|such|there's)(?![\p{L}'’-])/iu;
/** The first or second person: a page's or a speaker's voice, not a report (outside quotation marks). */
const PERSON =
  /(?<![\p{L}'’-])(?:i|i'm|i've|i'll|i'd|we|we've|we're|we'll|we'd|our|my|me|you|you've|you're|you'll|you'd|your)(?![\p{L}'’-])/iu;
/**
 * "The" and a description that points back to someone or something named before ("The third victim
 * was …", "The newspaper reports …", "The 37-year-old …"): an ordinal or "previous"/"other"/"same", an
 * age, or a head that stands for a person or a report by role.
 */
const THE_DESCRIPTION =
  /^The\s+(?:(?:first|second|third|fourth|fifth|previous|other|same|latter|former|unnamed|wounded|injured|\d+-year-old)(?![\p{L}'’-])|(?:[a-z][\p{Ll}'’-]*\s+){0,2}(?:man|woman|men|women|girl|boy|girls|boys|child|couple|pair|victim|victims|suspect|suspects|officer|company|firm|newspaper|paper|report|study|agency|group|star|singer|actor|actress|player|defendants?|mother|father|family|teen|teenager|student|pilot|driver|owner|incident|move|decision|deal|case)(?:'s)?(?![\p{L}'’-]))/u;
/**
 * A page's label or promo run into the headline: a short label and a colon ("Outburst: …", "0 Jso: …"),
 * page words ("Article …", "Advertisement …", "Watch: …"), a promo's "!" or ")" left over, a reader prompt.
 */
const LABEL =
  /^(?:[^\s:]+(?:\s+[^\s:]+){0,2}:\s|\d+\s+\p{L}+:|(?:article|advertisement|video|watch|photo|photos|image|updated|posted|share|read more|click|listen|sponsored|breaking)\s)|!\s*\)|(?<![\p{L}])(?:click here|stay tuned|subscribe|sign up|we've got|here's what|find out)(?![\p{L}])/iu;

/** Without what sits inside quotation marks (a speaker's "I" is theirs). */
function unquoted(text: string): string {
  return text.replace(/“[^”]*”|"[^"]*"|‘[^’]*’/g, " ");
}

/** The faults of one headline (none: it reads as a complete short sentence). */
export function headlineFaults(headline: string): HeadlineFault[] {
  const h = headline.trim();
  const out: HeadlineFault[] = [];
  if (/(?:…|\.\.\.)$/.test(h)) out.push("cut …");
  const t = tag(h.replace(/(?:…|\.\.\.)$/, ""));
  if (!t.pos.some((_, i) => finiteVerb(t, i))) out.push("no finite verb");
  // Opens on its verb: a question, a command, a subject left off ("Must also …", "Watch …", "Let's …").
  else if ((t.pos[0] === "VERB" || t.pos[0] === "AUX") && !/(?:ing|ed)$/i.test(t.value[0]!))
    out.push("no subject");
  const bare = h.replace(/(?:…|\.\.\.)$/, "").replace(/[.!?,;:]+$/, "");
  // A last word that needs more: a preposition (not a verb's particle: "jumped in"), an article, a conjunction …
  const tt = tag(bare);
  const last = tt.pos.length - 1;
  const particle =
    last > 0 &&
    tt.pos[last] !== "ADP" &&
    /^(?:in|on|over|off|out|up|down|back|away|by)$/i.test(tt.value[last]!);
  if ((OPEN_END.test(bare) && !particle) || OPEN_TAIL.test(bare)) out.push("ends open");
  const count = (re: RegExp) => (h.match(re) ?? []).length;
  if (
    count(/“/g) !== count(/”/g) ||
    count(/"/g) % 2 === 1 ||
    count(/\(/g) !== count(/\)/g) ||
    count(/\[/g) !== count(/\]/g) ||
    /^['‘]\s/.test(h)
  )
    out.push("unbalanced quote/bracket");
  if (PRONOUN.test(h)) out.push("opens on a pronoun");
  if (THE_DESCRIPTION.test(h)) out.push("unexplained 'The …'");
  if (PERSON.test(unquoted(h))) out.push("first/second person");
  if (LABEL.test(h) || withoutLeadingPageLabels(h) !== h || isFurniture(h)) out.push("furniture/label");
  if (h.split(/\s+/).length > 20) out.push("over 20 words");
  return out;
}
