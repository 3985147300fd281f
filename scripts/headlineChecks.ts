/**
 * What makes a headline (a briefing's) or a story title (a digest's) bad, as an editor reads it (an
 * editor's checklist, one fault per entry of HEADLINE_FAULTS), for `npm run eval:headlines`. Independent
 * of the engine's own rules (src/engine/phrasing.ts, src/engine/mainClause.ts): its own reading of the
 * tagger's words (./headlineTagger.ts, wink-nlp loaded here) and its own word lists, not the engine's.
 * (scripts/eval-brief.ts's `headlineNotASentence` is the older, narrower count: cut or no finite verb.)
 */
import { isFurniture, withoutLeadingPageLabels } from "../src/text/furniture.ts";
import { isIrregularPast, thirdPerson } from "../src/text/verbForms.ts";
import { inDictionary, isBaseVerb, isNoun, namedPlace, nameForm, singulars } from "../src/text/wordnet.ts";
import { type Tagged, tag } from "./headlineTagger.ts";

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
  "date stamp/info box",
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

/** Possessives: an -ed word right after one (past adverbs) describes a noun ("his extended interview"). */
const POSSESSIVE = /^(?:his|her|its|their|our|my|your|'s)$/i;

/**
 * Whether token `i` is a finite verb, as an editor reads one: an auxiliary, or a verb that is not an
 * -ing form, not an infinitive after "to", and not an -ed word between a determiner or a possessive
 * (past adverbs and adjectives) and a noun ("the newly elected mayor").
 */
function finite(t: Tagged, i: number): boolean {
  const p = t.pos[i];
  if (p === "AUX") return true;
  if (p !== "VERB" || /ing$/i.test(t.value[i]!) || infinitive(t, i)) return false;
  if (!/ed$/i.test(t.value[i]!) || t.pos[i + 1] !== "NOUN") return true;
  let j = i - 1;
  while (j >= 0 && (t.pos[j] === "ADV" || t.pos[j] === "ADJ")) j--;
  return !(j >= 0 && (t.pos[j] === "DET" || POSSESSIVE.test(t.value[j]!)));
}

/** Whether token `i` is a verb right after "to". */
function infinitive(t: Tagged, i: number): boolean {
  return t.pos[i] === "VERB" && i > 0 && /^to$/i.test(t.value[i - 1]!);
}

/** Whether a headline's token `i` is a finite verb: the tagger's (`finite`), or a headline's present tense (`headlinePresent`). */
function headlineVerb(t: Tagged): (i: number) => boolean {
  const words = t.value.filter((v) => /^\p{L}{4,}$/u.test(v));
  // Title case ("Court Rules Law Unconstitutional"): most longer words capitalised ("with", "over" may not be).
  const titleCase = words.length > 1 && words.filter((v) => /^\p{Lu}/u.test(v)).length >= 0.75 * words.length;
  return (i) => finite(t, i) || headlinePresent(t, i, titleCase);
}

/** Whether a word the tagger read as a noun is a verb's form WordNet knows ("projects", "fear", "rescued", "split"). */
function verbForm(word: string): boolean {
  const w = word.toLowerCase();
  const past = isIrregularPast(w) || (/ed$/.test(w) && [w.slice(0, -1), w.slice(0, -2)].some(isBaseVerb));
  return past || isBaseVerb(w) || singulars(w).some((b) => isBaseVerb(b) && thirdPerson(b) === w);
}

/** Object pronouns. */
const OBJECT_PRONOUN = /^(?:her|him|them|it|us|me)$/i;

/**
 * Whether token `i` is a verb the tagger read as a noun between its subject and its object: a verb's
 * form after a noun or a name, a determiner or an object pronoun after it ("The decision split the
 * court", "Neighbours rescued her"; a noun phrase runs on into no determiner).
 */
function verbBeforeObject(t: Tagged, i: number): boolean {
  if (t.pos[i] !== "NOUN" || i === 0 || !/^(?:NOUN|PROPN)$/.test(t.pos[i - 1]!)) return false;
  const next = t.pos[i + 1] === "DET" || OBJECT_PRONOUN.test(t.value[i + 1] ?? "");
  return next && verbForm(t.value[i]!);
}

/**
 * How many verb groups a headline has ("has been closed", "don't sail", "approves"): a finite verb
 * (headlineVerb) that does not follow an auxiliary (past adverbs and "not") starts one; so does a word
 * the tagger read as a noun right after "who", "which" or "that" (the relative clause's verb: "rowers
 * who train at dawn"), or right before the conjunction "that" when it is a verb's form ("The council
 * projects that …"), or between a subject and an object (verbBeforeObject); and an infinitive before any other verb (a headline's future: "Harbour board to
 * close pier").
 */
function verbGroups(t: Tagged): number {
  const verb = headlineVerb(t);
  let groups = 0;
  for (let i = 0; i < t.value.length; i++) {
    const noun = t.pos[i] === "NOUN";
    const afterRelative =
      noun && i > 0 && t.pos[i - 1] === "PRON" && /^(?:who|which|that)$/i.test(t.value[i - 1]!);
    const beforeThat = noun && /^that$/i.test(t.value[i + 1] ?? "") && t.pos[i + 1] === "SCONJ";
    const misread = (beforeThat && verbForm(t.value[i]!)) || verbBeforeObject(t, i);
    if (afterRelative || misread || (groups === 0 && infinitive(t, i))) {
      groups++;
      continue;
    }
    if (!verb(i)) continue;
    let j = i - 1;
    while (j >= 0 && (t.pos[j] === "ADV" || /^(?:not|n't)$/i.test(t.value[j]!))) j--;
    if (j < 0 || t.pos[j] !== "AUX") groups++;
  }
  return groups;
}

/** Words that open a clause whatever the tagger calls them ("… when the pier fell"). */
const SUBORDINATOR = /^(?:because|although|unless|whether|whereas|while|when|where|if)$/i;
/** Words that open a clause when the tagger reads them as a conjunction ("after the pier fell"). */
const SUBORDINATOR_IF_CONJ = /^(?:after|before|since|until|till|once|though|that)$/i;
/** Relative words: after a noun, a name or a comma they open a clause ("the ruling that gave …", "…, who won"). */
const RELATIVE = /^(?:who|whom|whose|which)$/i;
/** A comma or a dash, which may set off a relative clause ("…, who won", "… -- which is …"). */
const ASIDE = /^(?:,|-|--|—|–)$/;
/** Parts of speech a conjunction "that" follows when it opens a clause ("fear that", "the fact that", "sure that"). */
const BEFORE_THAT = new Set(["NOUN", "PROPN", "VERB", "AUX", "ADJ", "ADV", "PRON"]);
/** Verbs of saying, whose object is what someone said: a clause with its own verb. */
const SAYS = /^(?:say|says|said|insist|insists|insisted|argue|argues|argued)$/i;
/** Words of time after a verb of saying that end a complete headline ("… the club said Tuesday"). */
const WHEN_SAID =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|last|this|next|earlier|later|week|month|year|night|morning|afternoon|evening|on)$/i;
/** What a verb of saying's report opens on: a noun phrase, a pronoun, or a phrase of where it was said. */
const REPORT_OPENS = new Set(["DET", "NOUN", "PROPN", "PRON", "NUM", "ADP"]);

/**
 * Whether a subordinating word at `i` opens a clause: a finite verb follows it before the next comma,
 * the next subordinating or relative word (but one right after it, which opens a clause inside its
 * own: "that even if …"), or the end, and no number or preposition right after it
 * ("since 1992", "because of the storm, …" open none).
 */
function opensClause(t: Tagged, i: number, verb: (j: number) => boolean): boolean {
  if (t.pos[i + 1] === "NUM" || t.pos[i + 1] === "ADP") return false;
  let words = 0;
  for (let j = i + 1; j < t.value.length && t.value[j] !== ","; j++) {
    const w = t.value[j]!;
    // Another clause's word stops it, unless right after it (past adverbs): "ruled that even if …" nests.
    if (t.pos[j] !== "ADV") words++;
    if ((SUBORDINATOR.test(w) || SUBORDINATOR_IF_CONJ.test(w) || RELATIVE.test(w)) && words > 1) return false;
    if (verb(j)) return true;
  }
  return false;
}

/**
 * How many clauses inside a headline need a verb group of their own: one a subordinating word
 * (opensClause) or a relative word opens, and what a verb of saying reports (unless the verb is an
 * attribution, or what follows it is no noun phrase, pronoun or phrase of place: "said little", "said
 * Tuesday"; the conjunction "that" after it opens the same clause, not another).
 */
function innerClauses(t: Tagged): number {
  const n = t.value.length;
  const verb = headlineVerb(t);
  let clauses = 0;
  let reportOpen = false;
  for (let i = 0; i < n; i++) {
    const w = t.value[i]!;
    const pos = t.pos[i]!;
    if (reportOpen && /^that$/i.test(w) && pos === "SCONJ") {
      reportOpen = false;
      continue;
    }
    const before = t.pos[i - 1] ?? "";
    const relative =
      pos === "PRON" &&
      ((RELATIVE.test(w) && (before === "NOUN" || before === "PROPN" || ASIDE.test(t.value[i - 1] ?? ""))) ||
        (/^that$/i.test(w) && (before === "NOUN" || before === "PROPN")));
    // (A "that" at the start or after "but" is the tagger's misreading of a determiner: "But that side …".)
    const conjunction = pos === "SCONJ" && (!/^that$/i.test(w) || BEFORE_THAT.has(before));
    const subordinate = SUBORDINATOR.test(w) || (SUBORDINATOR_IF_CONJ.test(w) && conjunction);
    if (relative || (subordinate && opensClause(t, i, verb))) {
      clauses++;
      continue;
    }
    if (!SAYS.test(w) || !finite(t, i)) continue;
    // An attribution: after a quotation, or after a comma that ends a clause with its verb ("The pier
    // will close, the mayor said …"); not after an opening phrase ("In a statement, the club said …").
    const quoted = t.value.slice(0, i).some((v) => /^(?:["“”‘’']|''|``)$/.test(v));
    const comma = t.value.lastIndexOf(",", i);
    const attribution = quoted || (comma > 0 && t.value.slice(0, comma).some((_, j) => verb(j)));
    let k = i + 1;
    while (k < n && WHEN_SAID.test(t.value[k]!)) k++;
    // A noun phrase, a pronoun, a place's phrase; an adjective before a noun ("said local rowers …").
    const opens = REPORT_OPENS.has(t.pos[k] ?? "") || (t.pos[k] === "ADJ" && t.pos[k + 1] === "NOUN");
    if (attribution || !opens) continue;
    clauses++;
    reportOpen = true;
  }
  return clauses;
}

/** Adverbs that stand before a verb: a headline ending on one has lost its verb ("… who reportedly"). */
const VERB_FOLLOWS = /^(?:reportedly|allegedly|apparently|also|never|already)$/i;

/**
 * Whether a headline stops where a verb should follow: on an adverb that stands before one
 * (VERB_FOLLOWS, not after a mark or a preposition), or on "all", "both" or "each" and an -ly adverb after
 * a noun ("… and the deckhands all bravely"; not "thanked them all warmly").
 */
function stopsBeforeVerb(t: Tagged): boolean {
  const words = t.value.map((v, i) => ({ v, pos: t.pos[i]! })).filter((x) => x.pos !== "PUNCT");
  const last = words.at(-1);
  const prev = words.at(-2);
  if (!last || !prev || last.pos !== "ADV") return false;
  if (VERB_FOLLOWS.test(last.v)) return prev.pos !== "ADP";
  const before = words.at(-3);
  return /ly$/i.test(last.v) && /^(?:all|both|each)$/i.test(prev.v) && before?.pos === "NOUN";
}

/** Without what sits inside quotation marks (a speaker's "I" is theirs). */
function unquoted(text: string): string {
  return text.replace(/“[^”]*”|"[^"]*"|‘[^’]*’/g, " ");
}

/*
 * A page's stamps, a review's info box and a reader prompt, run into a headline or standing as one
 * (STAMP_OR_BOX): the checker's own lists, written from how pages print them, not the engine's.
 */
/** A month's name or its abbreviation ("Oct.", "Sept", "June"). */
const S_MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
/** A weekday's name or its abbreviation ("Tue", "Thurs.", "Friday"). */
const S_WEEKDAY = String.raw`(?:mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?`;
/** A clock time, with "am"/"pm" and a time zone if printed ("6:16 pm GMT", "3:04 PM ET", "5: 05 pm", "9 a.m. EST"). */
const S_CLOCK = String.raw`(?:\d{1,2}\s?:\s?\d{2}(?:\s?[ap]\.?\s?m\b\.?)?|\d{1,2}\s?[ap]\.?m\b\.?)(?:\s?(?:gmt|utc|bst|cet|cest|ist|jst|aest|[ecmp][sd]?t)\b(?:[+-]\d{1,2})?)?`;
/** A date: month and day (and year), day and month (and year), month and year, or in figures. */
const S_DATE = String.raw`(?:${S_MONTH}\s\d{1,2}(?:st|nd|rd|th)?(?:,?\s\d{4})?|\d{1,2}(?:st|nd|rd|th)?\s${S_MONTH}(?:,?\s\d{4})?|${S_MONTH}\s\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})`;
/** One item of a stamp: a weekday, a date, a clock time. */
const S_ITEM = String.raw`(?:${S_WEEKDAY}|${S_DATE}|${S_CLOCK})(?![\p{L}\d])`;
/** The words a page stamps its dates with ("Updated", "Last modified", "Published on", "Posted at"). */
const S_WORD = String.raw`(?:(?:last|first|originally)\s)?(?:updated|modified|published|posted|uploaded|filed)`;
/** Words that put a date or time in a sentence's own words ("at 8:40 a.m.", "on June 5"): no stamp after them. */
const S_PREPOSITION =
  "(?:at|on|by|until|till|before|after|from|since|around|about|to|of|in|for|between|and|than|past|through|as|the|was|were|is|are|be|been|has|have|had)";
const STAMP_OR_BOX: readonly RegExp[] = [
  // Opens on a stamp's word and its colon, a slash or a date ("Updated: …", "/ updated / source: …",
  // "Posted Tuesday, November 21, 2017 …", "Published 3:04 PM ET …", "Posted by …").
  new RegExp(String.raw`^[^\p{L}\d]*${S_WORD}(?:\s(?:on|at))?\s*(?:[:/|]|$|\sby\s|\s${S_ITEM})`, "iu"),
  // A stamp's word and its colon anywhere ("… published: 17.08.2012 viewed by …").
  new RegExp(String.raw`(?<![\p{L}])${S_WORD}\s?:`, "iu"),
  // Opens on a date and then a time, a separator or a stamp's word ("Oct. 19, 2018, 6:16 pm GMT / …",
  // "Tue, 5 June 2018 | …"), or on a time with its zone ("11:44 am ET …"), or on a date in figures.
  new RegExp(
    String.raw`^[^\p{L}\d]*(?:${S_WEEKDAY},?\s)?${S_DATE},?\s*(?:${S_CLOCK}|[/|·•]|${S_WORD})`,
    "iu",
  ),
  /^[^\p{L}\d]*\d{1,2}\s?:\s?\d{2}\s?(?:[ap]\.?\s?m\.?\s?)?(?:gmt|utc|bst|[ecmp][sd]?t)\b/iu,
  /^[^\p{L}\d]*\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?![\d])/u,
  // Is only stamps: dates, weekdays, times, stamp words, separators.
  new RegExp(
    String.raw`^(?:[\s,/|·•:–—-]|${S_ITEM}|${S_WORD}|(?:at|on)(?![\p{L}]))*${S_ITEM}(?:[\s,/|·•:–—-]|${S_ITEM}|${S_WORD}|(?:at|on)(?![\p{L}]))*$`,
    "iu",
  ),
  // Ends on a stamp's word and a time or a year ("… updated at 3:40 p.m.", "… posted June 5, 2018"),
  // not a sentence's own ("the report was published on June 3, 2016").
  new RegExp(
    String.raw`(?<!(?:was|were|is|are|be|been|being|has|have|had)\s)${S_WORD}(?:\s(?:on|at))?\s(?:${S_ITEM}[\s,]*)*?(?:${S_CLOCK}|\d{4})[\s,.]*$`,
    "iu",
  ),
  // Ends on a clock time not set in the sentence's words, with its minutes, its zone or a date after it
  // ("… 11:44 am et Fri", "… June 5, 2018 3:04 PM"; not "… at 8:40 a.m.", "… got under way 10 a.m.").
  new RegExp(
    String.raw`(?<!(?<![\p{L}])${S_PREPOSITION}\s)(?<![\p{L}\d:.])(?=\d{1,2}\s?:|${S_CLOCK}[\s,]*[\p{L}\d])${S_CLOCK}(?:[\s,]+(?:${S_WEEKDAY}|${S_DATE}))*[\s.]*$`,
    "iu",
  ),
  // Ends on a separator and a stamp ("… | Oct. 19, 2018", "… / updated").
  new RegExp(String.raw`[/|·•]\s*(?:${S_WORD}\b[\s:]*)?(?:${S_ITEM}[\s,]*)*$`, "iu"),
  // A review's rating line and info box: "Rated PG-13 for …", "Running time: …", "1 hr 52 min",
  // "Director: …", "Cast: …", a row of stars, "three stars out of four".
  /(?:^[^\p{L}]*|(?<![\p{L}])(?:is|was)\s)rated\s(?:g|pg|pg-13|r|nc-17|tv-(?:y7?|g|pg|14|ma))(?![\p{L}\d-])|(?<![\p{L}])rated\s(?:g|pg|pg-13|r|nc-17)\s?[(,]?\s?for(?![\p{L}])|mpaa(?:\srating)?\s?:?/iu,
  /(?<![\p{L}])(?:running\stime|run\stime|runtime|director|directors|directed\sby|cast|starring|genre|screenplay|written\sby|produced\sby|studio|distributor|release\sdate|rating|grade)\s?:/iu,
  /(?<![\p{L}\d])\d\s?(?:hr|hrs|hours?)\.?,?\s?\d{1,2}\s?(?:min|mins|minutes)(?![\p{L}])/iu,
  /[★☆✩✭✮✯]{2,}|(?<![\p{L}\d])(?:\d(?:\.5)?|one|two|three|four|five)(?:\sand\sa\shalf)?\s(?:stars?\s(?:out\s)?of|(?:\/|out\sof)\s?)\s?(?:four|five|4|5|10)(?:\sstars)?(?![\p{L}\d])/iu,
  // A prompt to follow the page or a writer, or to sign up for its e-mails.
  /(?<![\p{L}])follow\s(?:us|me|him|her|them|@[\w.]+|\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+)?)\s(?:on|at)\s(?:twitter|facebook|instagram|tiktok|linkedin|threads|bluesky|x)(?![\p{L}])|(?<![\p{L}])follow\s@[\w.]+/iu,
  /(?<![\p{L}])sign\sup\s(?:for|to)\s(?:[\p{L}'’-]+\s){0,4}?(?:newsletters?|e-?mails?|alerts?|updates|briefings?|digest)(?![\p{L}])|(?<![\p{L}])(?:delivered|sent|straight)\s(?:directly\s)?to\s(?:your|you)\s?inbox|in\syour\sinbox|(?<![\p{L}])like\sus\son\sfacebook|(?<![\p{L}])(?:subscribe|sign\sup)\sto\s(?:our|the)\s(?:[\p{L}'’-]+\s){0,3}?newsletter/iu,
];

/** Whether a headline is, opens on or ends on a page's stamp, an info box or rating line, or a prompt to follow or sign up. */
export function stampOrInfoBox(headline: string): boolean {
  return STAMP_OR_BOX.some((re) => re.test(headline));
}

/** The faults of one headline (none: it reads as a complete short sentence). */
export function headlineFaults(headline: string): HeadlineFault[] {
  const h = headline.trim();
  const out: HeadlineFault[] = [];
  if (/(?:…|\.\.\.)$/.test(h)) out.push("cut …");
  const t = tag(h.replace(/(?:…|\.\.\.)$/, ""));
  const groups = verbGroups(t);
  if (groups === 0) out.push("no finite verb");
  // Every clause inside it takes a verb group, and the main clause one more: a headline whose verbs are
  // all a relative clause's ("The ruling that gave the rowers a boathouse") or a report's, what was
  // reported left out ("The mayor said the new bridge"), has none left for its main clause.
  else if (groups <= innerClauses(t)) out.push("no main clause");
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
  if ((((OPEN_END.test(bare) && !particle) || OPEN_TAIL.test(bare)) && !closed) || stopsBeforeVerb(tt))
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
  if (stampOrInfoBox(h)) out.push("date stamp/info box");
  if (h.split(/\s+/).length > 20) out.push("over 20 words");
  return out;
}
