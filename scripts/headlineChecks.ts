/**
 * What makes a headline (a briefing's) or a story title (a digest's) bad, as an editor reads it (an
 * editor's checklist, one fault per entry of HEADLINE_FAULTS), for `npm run eval:headlines`. Independent
 * of the engine's own rules (src/engine/phrasing.ts): the part-of-speech tagger and a few word lists.
 * (scripts/eval-brief.ts's `headlineNotASentence` is the older, narrower count: cut or no finite verb.)
 */
import { isFurniture, withoutLeadingPageLabels } from "../src/text/furniture.ts";
import { finiteVerb, type Tagged, tag } from "../src/text/tagger.ts";
import { thirdPerson } from "../src/text/verbForms.ts";
import { inDictionary, isBaseVerb, isNoun, namedPlace, nameForm, singulars } from "../src/text/wordnet.ts";

export const HEADLINE_FAULTS = [
  "cut …",
  "no finite verb",
  "no main clause",
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
  /(?<![\p{L}'’-])(?:of|to|in|on|at|for|with|by|from|about|into|onto|over|under|than|as|after|before|since|until|via|per|between|among|against|toward|towards|the|a|an|and|or|but|nor|that|which|who|whom|whose|where|when|while|because|if|his|its|their|our|my|your|is|are|was|were|be|been|has|have|had|will|would|can|could|should|may|might|must|very|more|most|less|such)$/iu;
/** A relative clause of one word ("… drugs that went"), or a duration with no "after"/"ago" ("has died less than 24 hours"). */
const OPEN_TAIL =
  /(?:(?<![\p{L}'’-])(?:that|which|who)\s+[\p{L}'’-]+|(?<![\p{L}\d,.'’-])(?<!(?:for|in|of|within|over|after|last|next|past|the|about|around|to|and|than|less|more|nearly|almost|just|only|is|are|was|were|be|been|aged|ages)\s+)(?:(?:less|more|nearly|almost|just|only)\s+)?(?:than\s+)?[\d,.]+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?))$/iu;
/** A clause asking what, where or who something is, its copula last ("… knew exactly what it was"). */
const ASKED_COPULA =
  /(?<![\p{L}'’-])(?:what|where|who|how)\s+(?:[\p{L}'’-]+\s+){1,3}(?:is|are|was|were|be|been)$/iu;
/** "Over" as finished, after a copula ("… was officially over"). */
const COPULA_OVER = /(?<![\p{L}'’-])(?:is|are|was|were|be|been)\s+(?:[\p{L}]+ly\s+)?over$/iu;
/** A pronoun that points back to something the headline does not name. */
const PRONOUN =
  /^["“‘']?(?:he|she|it|it's|it’s|they|them|his|her|its|their|this|that|these|those|such|there's)(?![\p{L}'’-])/iu;
/** The first or second person: a page's or a speaker's voice, not a report (outside quotation marks). */
const PERSON =
  /(?<![\p{L}'’.-])(?:i|i'm|i've|i'll|i'd|we|we've|we're|we'll|we'd|our|my|me|you|you've|you're|you'll|you'd|your)(?![\p{L}'’-]|\.\p{L})/iu;
/**
 * "The" and a description that points back to someone or something named before ("The third victim
 * was …", "The newspaper reports …", "The 37-year-old …"): an ordinal or "previous"/"other"/"same", an
 * age, or a head that stands for a person or a report by role.
 */
const THE_DESCRIPTION =
  /^The\s+(?:(?:first|second|third|fourth|fifth|previous|other|same|latter|former|unnamed|wounded|injured|\d+-year-olds?)(?![\p{L}'’-])|(?:[a-z][\p{Ll}'’-]*\s+){0,2}(?:man|woman|men|women|girl|boy|girls|boys|child|couple|pair|victim|victims|suspect|suspects|officer|company|firm|newspaper|paper|report|study|agency|group|star|singer|actor|actress|player|defendants?|mother|father|family|teen|teenager|student|pilot|driver|owner|incident|move|decision|deal|case)(?:'s)?(?![\p{L}'’-]))/u;
/**
 * A name in apposition right after "The" and its description, which it explains ("The former coach
 * Jo Reyes, …", "The bar's owner Chris Cusack said …", "The victim, 33-year-old Markus Austin, was …"):
 * at most five more words of the description (no preposition, article, conjunction, pronoun or
 * possessive: "The actress and her husband Adam …" names someone else), then a capitalised name of two
 * words and, after it or after an aside set off by a comma, an auxiliary or a verb of saying.
 */
const NAMED_AFTER =
  /^((?:\s+[\p{L}\d'’.-]+){0,5}?),?\s+(?:\d+-year-old\s+)?\p{Lu}[\p{Ll}'’.-]+\s+\p{Lu}[\p{Ll}'’-]+(?:,.*?)?\s+(?:said|says|told|tells|was|is|were|are|has|had|have|will)(?![\p{L}'’-])/u;
/** Words that tie the words between a description and a name to something else than the name. */
const NOT_DESCRIPTION =
  /(?<![\p{L}'’-])(?:of|at|in|on|for|to|by|with|from|about|and|or|but|the|a|an|his|her|their|its|our|my|your|this|that|who|which|\p{L}+['’]s)(?![\p{L}'’-])/iu;

/** Whether the words after "The" and its description name whom it describes (NAMED_AFTER). */
function namedAfter(rest: string): boolean {
  const m = NAMED_AFTER.exec(rest);
  return !!m && !NOT_DESCRIPTION.test(m[1]!);
}

/**
 * A dateline left before the headline ("ROME — …", "Salem, Ore. (AP) — …", "Hong Kong -- …"): capitals,
 * a place and its state or country after a comma, or a place WordNet names, before a long dash.
 */
const DATELINE_CAPS =
  /^\p{Lu}[\p{Lu}.'’-]+(?:\s+\p{Lu}[\p{Lu}.'’-]+){0,2}(?:,[^—–―_]{1,25})?\s*(?:—|–|―|--|_)\s/u;
const DATELINE_STATE =
  /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2},\s*\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)?\s*(?:\([^()]{1,30}\))?\s*(?:—|–|―|--|_)\s/u;
const DATELINE_PLACE =
  /^(\p{Lu}[\p{L}.'’-]*(?:\s+\p{L}[\p{L}.'’-]*){0,2})\s*(?:\([^()]{1,30}\))?\s*(?:—|–|―|--|_)\s/u;
/**
 * A place's name in sentence case before the only dash, the sentence after it lower-cased where its
 * first word was the dateline's capitals ("Huntington beach – when …", "New York ― derrick henry …"):
 * at most three words, the first capitalised and no article or number, no verb among them.
 */
const DATELINE_LOWER =
  /^(?!(?:The|A|An|One|Two|Three|This|That|These|Those|Some|Many|Most|All)\s)(\p{Lu}[\p{L}.'’-]*(?:\s+[\p{L}.'’-]+){0,2})\s+(?:—|–|―|--|-)\s+\p{Ll}/u;

function opensOnDateline(h: string): boolean {
  if (DATELINE_CAPS.test(h) || DATELINE_STATE.test(h)) return true;
  const m = DATELINE_PLACE.exec(h);
  if (m && namedPlace(m[1]!.toLowerCase())) return true;
  const lower = DATELINE_LOWER.exec(h);
  if (!lower || (h.match(/\s(?:—|–|―|--|-)\s/gu) ?? []).length !== 1) return false;
  const t = tag(lower[1]!);
  return !t.pos.some((p) => p === "VERB" || p === "AUX" || p === "PRON");
}

/**
 * A page's label or promo run into the headline: a short label and a colon ("Outburst: …", "0 Jso: …"),
 * page words ("Article …", "Advertisement …", "Watch: …"), a promo's "!" or ")" left over, a reader prompt.
 */
const LABEL =
  /^(?:[^\s:]+(?:\s+[^\s:]+){0,2}:\s|\d+\s+\p{L}+:|(?:article|advertisement|video|watch|photo|photos|image|updated|posted|share|read more|click|listen|sponsored|breaking)\s)|!\s*\)|(?<![\p{L}])(?:click here|stay tuned|subscribe|sign up|we've got|here's what|find out)(?![\p{L}])/iu;

/** A quotation mark or apostrophe standing alone as a token (a headline's quoted object: "challenges 'iPod age'"). */
const QUOTE = /^["“”‘’']$/;
/** What may stand before a headline's subject: its start, or a stop, a colon, a comma, a dash, a quotation mark. */
const BEFORE_SUBJECT = /^(?:[.,:;!?"“”‘’'()–—-]|--)$/;
/** A determiner that opens a full noun phrase ("A building burns after …", "An eagle perches in …"). */
const DETERMINER = /^(?:a|an|the|this|that|another|every|each)$/i;
/** Nouns plural without an -s, and a subject in a headline much more often than a modifier. */
const PLURAL_NOUN = /^(?:police|people)$/i;
/** Words of a noun phrase, between its determiner and its head. */
const IN_PHRASE = new Set(["NOUN", "PROPN", "ADJ", "NUM", "PART"]);

/**
 * Whether token `i` is a headline's present tense the tagger read as a noun ("Council backs new plan"),
 * after a noun-phrase subject that opens the headline (or follows a stop, a colon, a comma): a third-person
 * -s form, WordNet's verb's, after a singular ("Halo 2 heralds …", "Mining firm eyes …"), or a base form
 * after a plural ("Crofters fuel …", "Police probe …", "Smith and Jones star in …"), the word after it
 * starting an object: a determiner, a number, a name, an adjective, a pronoun, a noun, a sum.
 * The plural noun of a verbless headline stays a noun: a preposition after it needs an -s form after a
 * name or a noun phrase opened by a determiner ("Williams battles to …", "A dog waits at …"; not "Tough
 * rules for sellers", "Peace talks in Cairo", "Fans debate over …"); a comparative, an adverb or a
 * participle after it ("Oil prices higher", "cuts 'ahead of target'", "concerts blighted by"), a
 * possessive's apostrophe ("bosses' payout"), "up"/"down" and no object ("profits up on …") or nothing
 * ("Job cuts") is no object. A capitalised word in a sentence-case headline is a name's, no verb.
 */
function headlinePresent(t: Tagged, i: number, titleCase: boolean): boolean {
  const n = t.value.length;
  const p = i - 1;
  if (p < 0 || (t.pos[i] !== "NOUN" && t.pos[i] !== "PROPN")) return false;
  const w = t.value[i]!.toLowerCase();
  // Capitalised in a headline written in sentence case: a name's word ("… Emergency Alert System").
  if (!/^[a-z]+$/.test(w) || (!titleCase && /^\p{Lu}/u.test(t.value[i]!))) return false;
  const third = singulars(w).some((b) => isBaseVerb(b) && thirdPerson(b) === w);
  const base = !third && isBaseVerb(w);
  if (!third && !base) return false;

  // The subject's head: a noun, or a number after a name ("Halo 2", "Ocean's Twelve").
  const numbered =
    t.pos[p] === "NUM" &&
    p > 0 &&
    (t.pos[p - 1] === "PROPN" || t.pos[p - 1] === "NOUN" || t.value[p - 1] === "'s");
  if (t.pos[p] !== "NOUN" && t.pos[p] !== "PROPN" && !numbered) return false;
  const head = t.value[p]!;
  const hw = head.toLowerCase();
  // A name: capitalised past the headline's first word in sentence case, a word WordNet doesn't know, or one
  // it knows only as a name ("Williams", "Glasgow"; not "Job", "Court", a common word's capital).
  const first = t.value.findIndex((v) => /\p{L}/u.test(v));
  const name =
    numbered ||
    !inDictionary(head) ||
    (!titleCase && p > first && /^\p{Lu}/u.test(head)) ||
    nameForm(head) !== null;
  // The rest of the noun phrase back to where it opens: two nouns or names joined ("Smith and Jones
  // star in …"), a determiner; it opens the headline or follows a stop, a colon, a comma, a quotation mark.
  let j = p - 1;
  let joined = false;
  let names = true;
  for (; j >= 0; j--) {
    const pos = t.pos[j]!;
    if (pos === "CCONJ" && /^(?:and|&)$/i.test(t.value[j]!) && names && j > 0) {
      joined = t.pos[j - 1] === "NOUN" || t.pos[j - 1] === "PROPN";
      if (!joined) return false;
      continue;
    }
    if (t.value[j] === "-" && j > 0 && t.start[j] === t.start[j - 1]! + t.value[j - 1]!.length) continue;
    // A participle opening the headline describes the subject ("Fuming coach blasts …").
    const opening = j === 0 && pos === "VERB" && /(?:ing|ed)$/i.test(t.value[j]!);
    if (!IN_PHRASE.has(pos) && !opening) break;
    if (pos !== "NOUN" && pos !== "PROPN") names = false;
  }
  const determined = j >= 0 && t.pos[j] === "DET" && DETERMINER.test(t.value[j]!);
  if (determined) j--;
  if (j >= 0 && !BEFORE_SUBJECT.test(t.value[j]!)) return false;
  const plural =
    !numbered &&
    (joined ||
      PLURAL_NOUN.test(hw) ||
      (/[^su]s$/.test(hw) && singulars(hw).some((s) => isNoun(s))) ||
      (/^[a-z]+(?:[^aeiosu]|e)s$/.test(hw) && !inDictionary(hw)));
  // A singular's -s form, a plural's base form; a name ending in -s ("Williams battles …") is no plural.
  if (base && !plural) return false;
  if (third && plural && !/^\p{Lu}/u.test(head)) return false;

  // What follows: an object (a determiner, a number, a name, an adjective, a pronoun, a sum) or a preposition.
  let k = i + 1;
  // A possessive's apostrophe ("bosses' payout") is no quotation mark.
  if (k < n && /^['’]$/.test(t.value[k]!) && t.start[k] === t.start[i]! + t.value[i]!.length) return false;
  while (k < n && QUOTE.test(t.value[k]!)) k++;
  if (k >= n) return false;
  let next = t.value[k]!;
  let pos = t.pos[k]!;
  // "up"/"down" with an object ("steps up row"); with none it is a figure's direction ("profits up on bid").
  if (/^(?:up|down)$/i.test(next)) {
    if (k + 1 >= n) return false;
    next = t.value[k + 1]!;
    pos = t.pos[k + 1]!;
    if (pos === "ADP") return false;
  }
  const subject = name || determined || PLURAL_NOUN.test(hw);
  // A plural's noun and a preposition is most often a noun phrase ("Fans debate over …", "Lions blow to …"),
  // unless the plural is two names joined.
  if (pos === "ADP") return subject && (third || joined || PLURAL_NOUN.test(hw));
  if (pos === "NOUN") return true;
  if (pos === "ADJ" && /(?:er|ed)$|^(?:less|more)$/i.test(next)) return false;
  return ["DET", "NUM", "PROPN", "ADJ", "PRON"].includes(pos) || /^[$£€]$/.test(next);
}

/** A possessive pronoun: what follows it is a noun phrase ("his extended interview"). */
const POSSESSIVE = /^(?:his|her|its|their|our|my|your)$/i;

/**
 * Whether token `i` is a participle in -ed the tagger read as a verb that modifies the noun after it
 * ("in his first extended interview", "the newly elected mayor"): a determiner, a possessive or an
 * adjective before it (past adverbs and adjectives), a noun right after it.
 */
function modifierParticiple(t: Tagged, i: number): boolean {
  if (t.pos[i] !== "VERB" || !/ed$/i.test(t.value[i]!) || t.pos[i + 1] !== "NOUN") return false;
  let j = i - 1;
  while (j >= 0 && (t.pos[j] === "ADV" || t.pos[j] === "ADJ")) j--;
  return j >= 0 && (t.pos[j] === "DET" || POSSESSIVE.test(t.value[j]!) || t.value[j] === "'s");
}

/** A finite verb of the tagger's that is no participle modifying a noun. */
function clauseFinite(t: Tagged, i: number): boolean {
  return finiteVerb(t, i) && !modifierParticiple(t, i);
}

/** Whether a headline's token `i` is a finite verb: the tagger's, or a headline's present tense (`headlinePresent`). */
function headlineVerb(t: Tagged): (i: number) => boolean {
  const words = t.value.filter((v) => /^\p{L}{4,}$/u.test(v));
  // Title case ("Court Rules Law Unconstitutional"): most longer words capitalised ("with", "over" may not be).
  const titleCase = words.length > 1 && words.filter((v) => /^\p{Lu}/u.test(v)).length >= 0.75 * words.length;
  return (i) => clauseFinite(t, i) || headlinePresent(t, i, titleCase);
}

/** Whether a headline has a finite verb (headlineVerb). */
function hasFiniteVerb(t: Tagged): boolean {
  const verb = headlineVerb(t);
  return t.pos.some((_, i) => verb(i));
}

/** Verbs of saying whose object is a clause, its "that" often left out ("said the plan was …"). */
const SAYING = /^(?:says|said|insists|insisted|argues|argued)$/i;
/** Words of time between a verb of saying and what it reports ("said Tuesday the …"). */
const SAID_WHEN =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|last|this|next|earlier|later|week|month|year|night|morning|afternoon|evening|on|in|that)$/i;
/** Words that open a relative clause. */
const RELATIVE_OPENER = /^(?:who|whom|whose|which|that)$/i;

/**
 * Whether a verb of saying reports a clause that has no verb of its own ("The mayor said the new
 * bridge", "X said white supremacists … that are planning a rally"): after the verb (not an attribution
 * after a quotation, its subject's or a comma), past words of time and "that", a noun phrase, and no finite verb after
 * it but those of relative clauses (the first verb group after "who", "which", "that", or the word right
 * after it that the tagger read as a noun).
 */
function reportsNoClause(t: Tagged): boolean {
  const n = t.value.length;
  for (let i = 1; i < n; i++) {
    if (!SAYING.test(t.value[i]!) || !finiteVerb(t, i) || t.pos[i - 1] === "PUNCT") continue;
    // Its subject after a quotation: an attribution ('"…," the coach said in an interview').
    if (t.value.slice(0, i).some((v) => /^["“”'’]$|^''$/.test(v))) continue;
    let k = i + 1;
    while (k < n && SAID_WHEN.test(t.value[k]!)) k++;
    if (k >= n || !["DET", "NOUN", "PROPN", "PRON", "ADJ", "NUM"].includes(t.pos[k]!)) continue;
    if (!mainVerbAfter(t, k + 1)) return true;
  }
  return false;
}

/**
 * Whether a finite verb (`isVerb`) follows token `from`, not counting the verbs of relative clauses (the
 * first verb group after "who", "which", "that" after a noun or a mark, or the word right after it that
 * the tagger read as a noun: "who train at …").
 */
function mainVerbAfter(t: Tagged, from: number, isVerb = (j: number) => clauseFinite(t, j)): boolean {
  let inRelative = false;
  let relativeVerb = false;
  for (let j = from; j < t.value.length; j++) {
    // A relative clause whose subject the relative word is: a verb (or an adverb) right after it ("that
    // gave …", "who reportedly …"); "The fact that someone …" is no such clause.
    const opens =
      RELATIVE_OPENER.test(t.value[j]!) &&
      j > 0 &&
      ["NOUN", "PROPN", "PUNCT"].includes(t.pos[j - 1]!) &&
      ["VERB", "AUX", "ADV", "NOUN"].includes(t.pos[j + 1] ?? "");
    if (opens) {
      inRelative = true;
      relativeVerb = t.pos[j + 1] === "NOUN";
      if (relativeVerb) j++;
      continue;
    }
    const verb = isVerb(j);
    // An auxiliary right after the relative clause's participle opens the main verb ("Apps that
    // haven't been rewritten don't benefit").
    if (inRelative && relativeVerb && t.pos[j] === "AUX" && t.pos[j - 1] === "VERB") inRelative = false;
    if (inRelative) {
      if (verb || t.pos[j] === "VERB") relativeVerb = true;
      else if (relativeVerb && !["ADV", "PART"].includes(t.pos[j]!)) inRelative = false;
      continue;
    }
    if (verb) return true;
  }
  return false;
}

/** A floating quantifier before an adverb, the verb they go with cut off ("… and volunteers all bravely"). */
const QUANTIFIER = /^(?:all|both|each)$/i;
/** Adverbs that stand before a verb, which a headline ending on them has lost ("… who reportedly"). */
const BEFORE_VERB = /^(?:reportedly|allegedly|apparently|also|never|already|still|then)$/i;

/** Whether a headline stops on an adverb whose verb is cut off (QUANTIFIER, BEFORE_VERB). */
function endsBeforeVerb(t: Tagged): boolean {
  let last = t.value.length - 1;
  while (last >= 0 && t.pos[last] === "PUNCT") last--;
  if (last < 1 || t.pos[last] !== "ADV") return false;
  if (BEFORE_VERB.test(t.value[last]!) && t.pos[last - 1] !== "PUNCT") return true;
  return (
    /ly$/i.test(t.value[last]!) &&
    QUANTIFIER.test(t.value[last - 1]!) &&
    last > 1 &&
    t.pos[last - 2] !== "PRON" &&
    t.pos[last - 2] !== "PUNCT"
  );
}

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
  if (!hasFiniteVerb(t)) out.push("no finite verb");
  // Its only verbs a relative clause's ("Monday's touchdown call that gave the home side a win"), or a
  // verb of saying's with no clause reported.
  else if (!mainVerbAfter(t, 0, headlineVerb(t)) || reportsNoClause(t)) out.push("no main clause");
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
  // A copula that ends a clause asking what or where ("… knew what it was"), "over" after one ("the
  // strike was officially over"): complete.
  const closed = ASKED_COPULA.test(bare) || COPULA_OVER.test(bare);
  if ((((OPEN_END.test(bare) && !particle) || OPEN_TAIL.test(bare)) && !closed) || endsBeforeVerb(tt))
    out.push("ends open");
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
  const the = THE_DESCRIPTION.exec(h);
  // A name's initials in brackets after it ("The world anti-doping agency (Wada) …"): a name in lower case.
  const initials = (rest: string) => /^\s*\(\p{Lu}[\p{L}&.]{1,9}\)/u.test(rest);
  if (the && !namedAfter(h.slice(the[0].length)) && !initials(h.slice(the[0].length)))
    out.push("unexplained 'The …'");
  if (PERSON.test(unquoted(h))) out.push("first/second person");
  if (LABEL.test(h) || withoutLeadingPageLabels(h) !== h || isFurniture(h) || opensOnDateline(h))
    out.push("furniture/label");
  if (h.split(/\s+/).length > 20) out.push("over 20 words");
  return out;
}
