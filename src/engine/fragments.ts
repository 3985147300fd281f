/**
 * Is a "sentence" of an article a sentence at all? Scraped pages leave decks, subtitles, captions and
 * labels between the paragraphs: "As North Korea looks to build foreign support after the summit
 * ended with no deal." (a subordinate clause with no main clause), "KIM AND PUTIN IN VLADIVOSTOK",
 * "Kim Jong Un and Vladimir Putin in Vladivostok." (no verb). General rules for English news text,
 * no tagger: a verb-like word is an auxiliary or modal, a common irregular verb form, a contraction,
 * a word ending in -ed, a lower-case word ending in -s (a present tense, or a plural noun), or a
 * lower-case word right after a subject pronoun. The tests stay permissive, so that real sentences
 * are kept: a doubtful case is only demoted.
 */

import { tag } from "../text/tagger.ts";
import { isBaseVerb } from "../text/wordnet.ts";

/** Words that only ever open a subordinate clause. */
const SUBORDINATOR = new Set(
  "although though because whereas unless if while as whilst whenever wherever".split(" "),
);
/** Words that open a subordinate clause or a prepositional phrase ("After years of talks the deal…"). */
const SUBORDINATOR_OR_PREPOSITION = new Set("after before since until till once when".split(" "));
/** "As well as", "as of", "because of", "as a result": openings that are not subordinate clauses. */
const NOT_A_CLAUSE =
  /^(as (?:well|of|part|such|a result|a consequence|a rule|for|to|with|usual|expected|always|ever)|because of)\b/i;
/** What starts a clause that cannot be the main one: relative pronouns, conjunctions, prepositions. */
const DEPENDENT_START =
  /^(which|who|whom|whose|where|when|while|including|such as|according to|as well as|and|or|but|if|although|though|because|after|before|since|until|unless|with|without|despite|like)\b/i;
/** Auxiliaries and modals: a finite verb wherever they stand. */
const FINITE_AUX = new Set(
  "is are was were will would shall should can cannot could may might must has have had does did do".split(
    " ",
  ),
);
/** Their negative contractions ("won't", "can’t", "didn't"): as finite. */
const NEGATIVE_AUX =
  /^(?:won|can|don|doesn|didn|isn|aren|wasn|weren|wouldn|shouldn|couldn|hasn|haven|hadn|mustn|mightn|needn|shan)['’]t$/;

const VERB_FORMS = new Set(
  (
    "is are was were be been being am has have had do does did will would shall should can cannot could may might must " +
    "said says say met meets meet go goes went come comes came take takes took make makes made give gives gave " +
    "get gets got see sees saw know knows knew hold holds held leave leaves left begin begins began find finds found " +
    "become becomes became keep keeps kept tell tells told run runs ran bring brings brought think thinks thought " +
    "seek seeks sought buy buys bought win wins won lose loses lost lead leads led pay pays paid rise rises rose " +
    "fall falls fell send sends sent set sets put puts cut cuts hit hits let lets spend spends spent build builds built " +
    "grow grows grew fly flies flew draw draws drew write writes wrote speak speaks spoke break breaks broke " +
    "choose chooses chose stand stands stood sit sits sat feel feels felt mean means meant want wants plan plans " +
    "need needs help helps call calls ask asks try tries expect expects hope hopes face faces warn warns remain " +
    "remains show shows look looks seem seems use uses work works play plays move moves live lives believe believes " +
    "wore ate drank sang swam shook struck stole threw caught taught fought dealt heard slept sold understood " +
    "woke hung dug fed bent bit blew bore burst fled froze hid knelt laid lay lit rang sank shone shot shrank slid " +
    "spun split spread sprang stuck strode swore swept swung tore withdrew overtook undertook arose forgot forgave " +
    "beat beats cost costs hurt hurts quit quits shut shuts read reads"
  ).split(" "),
);
const PRONOUN = new Set("he she it they we i you".split(" "));
/** Words that follow a pronoun without being its verb ("they and", "we all"). */
const NOT_VERB_AFTER_PRONOUN = new Set(
  "and or but to of in on at for with the a an all both also too who".split(" "),
);
/** Function words: what follows a plural noun without being its verb ("workers at", "talks with the"). */
const FUNCTION_WORD = new Set(
  (
    "a an the and or but nor of in on at to for from with by about into onto over under after before since " +
    "during between among through across against toward towards near behind beyond without within via per " +
    "as than then this that these those their its his her our your my all both each every some any no not " +
    "who whom whose which where when while if"
  ).split(" "),
);

/** Subjects that open a main clause after an unpunctuated subordinate one ("If X buys Y it will…"). */
const SUBJECT = new Set("he she it they we i you there then".split(" "));

function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [];
}

function verbLike(word: string): boolean {
  const w = word.replace(/['’]s$/u, "").replace(/[.]+$/, "");
  if (VERB_FORMS.has(w.toLowerCase())) return true;
  // Contractions: "don't", "it's", "they'd", "we're", "I'm".
  if (/n['’]t$/iu.test(word)) return true;
  if (/^(?:it|there|that|what|who|he|she|here|where)['’]s$/iu.test(word)) return true;
  if (/['’](?:re|ve|ll|d|m)$/iu.test(word)) return true;
  if (/[a-z]{2,}ed$/.test(w)) return true;
  return /^[a-z]{3,}s$/.test(w) && !/(?:ss|us|is)$/.test(w);
}

function hasVerb(text: string): boolean {
  const ws = wordsOf(text);
  if (ws.some(verbLike)) return true;
  for (let i = 0; i + 1 < ws.length; i++) {
    const word = ws[i]!.toLowerCase();
    const next = ws[i + 1]!;
    if (!/^[a-z]/.test(next)) continue;
    // "we settle", "you control": a pronoun then a lower-case word is a subject and its verb.
    if (PRONOUN.has(word) && !NOT_VERB_AFTER_PRONOUN.has(next)) return true;
    // "networks connect", "these connect": a plural subject then a bare present tense.
    if (
      (/^[a-z]{3,}s$/i.test(word) || word === "these" || word === "those") &&
      !FUNCTION_WORD.has(next) &&
      !/(?:s|ly)$/.test(next)
    )
      return true;
  }
  return false;
}

/**
 * Without a comma, where the main clause begins: a pronoun (or "then") after the opening words followed
 * by a verb ("If X buys Y it will…"), or an auxiliary or modal after another verb ("As X gathers steam
 * that should…"; the "has" of "Because X has become…" is the clause's own first verb).
 */
function hasUnpunctuatedMainClause(text: string): boolean {
  const ws = wordsOf(text);
  let verbs = 0;
  for (let i = 1; i < ws.length; i++) {
    const w = ws[i]!;
    const lower = w.toLowerCase();
    if (i >= 2 && SUBJECT.has(lower) && ws.slice(i + 1, i + 6).some(verbLike)) return true;
    const next = ws[i + 1];
    if (i >= 2 && PRONOUN.has(lower) && next && /^[a-z]/.test(next) && !NOT_VERB_AFTER_PRONOUN.has(next))
      return true;
    if (i >= 2 && /^(?:they|we|you|he|she|it|i)['’](?:d|re|ve|ll|m|s)$/u.test(lower)) return true;
    if ((FINITE_AUX.has(lower) || NEGATIVE_AUX.test(lower)) && verbs > 0) return true;
    if (verbLike(w)) verbs++;
  }
  return false;
}

/** After some comma, a clause that can be the main one: not relative or participial, with a verb. */
function hasMainClauseAfterComma(text: string): boolean {
  const parts = text.split(/[,;:]|\s[–—-]\s/);
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i]!.trim().replace(/^["“”'‘’]+/u, "");
    if (!part || DEPENDENT_START.test(part)) continue;
    // A participle opens a dependent phrase, unless it is a gerund subject with its own verb.
    if (/^[a-z]+ing\b/i.test(part) && !wordsOf(part).some((w) => FINITE_AUX.has(w.toLowerCase()))) continue;
    if (hasVerb(part)) return true;
  }
  return false;
}

/** Words from which a line with no final stop reads as a sentence cut off rather than a headline. */
const CUT_OFF_WORDS = 14;

export interface NotASentence {
  reason: "no words" | "all capitals" | "fragment" | "no verb" | "subordinate clause only";
  /** Doubtful: demote rather than exclude. */
  demote?: boolean;
}

/**
 * Why a text is not a readable sentence, or null when it reads as one. Demoted only (doubtful): an
 * opening that may be a prepositional phrase ("After years of talks the deal was signed.") with no
 * comma to tell.
 */
export function notASentence(text: string): NotASentence | null {
  const t = text.trim().replace(/^["“'‘(]+/u, "");
  const ws = wordsOf(t);
  if (ws.length === 0) return { reason: "no words" };
  const letters = t.replace(/[^\p{L}]/gu, "");
  const upper = t.replace(/[^\p{Lu}]/gu, "");
  if (ws.length >= 3 && letters.length >= 12 && upper.length / letters.length > 0.8)
    return { reason: "all capitals" };
  if (ws.length < 6 && !/[.!?](?:["'”’)]|\s")*$/u.test(t)) return { reason: "fragment" };
  // A text cut off: it trails off in an ellipsis, or stops on a word that cannot end a sentence ("… it's
  // essential to", a page cut at its length limit).
  if (/(?:\.\.\.|…)(?:["'”’)]|\s")*$/u.test(t)) return { reason: "fragment" };
  const stopped = /[.!?:](?:["'”’)]|\s")*$/u.test(t);
  if (!stopped && FUNCTION_WORD.has(ws[ws.length - 1]!.toLowerCase())) return { reason: "fragment" };
  // A headline or label is short: a long line with no final stop is a sentence cut off.
  if (!stopped && ws.length >= CUT_OFF_WORDS) return { reason: "fragment" };
  // Captions and labels are short; a longer line may hold a verb the rules miss.
  if (ws.length < 10 && !hasVerb(t)) return { reason: "no verb" };
  const first = ws[0]!.toLowerCase();
  if (NOT_A_CLAUSE.test(t) || !(SUBORDINATOR.has(first) || SUBORDINATOR_OR_PREPOSITION.has(first)))
    return null;
  if (hasMainClauseAfterComma(t) || hasUnpunctuatedMainClause(t)) return null;
  const doubtful = SUBORDINATOR_OR_PREPOSITION.has(first) && !/[,;:]/.test(t);
  return doubtful
    ? { reason: "subordinate clause only", demote: true }
    : { reason: "subordinate clause only" };
}

/** Words that may stand before an instruction's verb ("Always consult …", "Please note …"). */
const BEFORE_INSTRUCTION = new Set("always never please just simply now first then".split(" "));

/**
 * Whether a sentence opens on an instruction to the reader, a verb in its base form with no subject
 * ("Find another color before using …", "Always consult the publications …"): a page's how-to or a
 * hook, not a report of news. A quotation's imperative is its speaker's ("\"Go vote,\" the flyer says"),
 * and a question is no instruction. WordNet's base verbs gate the tagger, which then reads the opening.
 */
export function opensOnInstruction(text: string): boolean {
  if (/^["“‘'(]/u.test(text) || /\?(?:["'”’)]|\s")*$/u.test(text)) return false;
  const ws = wordsOf(text);
  let i = 0;
  while (i < ws.length - 1 && BEFORE_INSTRUCTION.has(ws[i]!.toLowerCase())) i++;
  const w = ws[i];
  if (!w || !/^\p{L}+$/u.test(w) || !isBaseVerb(w)) return false;
  const t = tag(text);
  let k = 0;
  while (k < t.pos.length && (t.pos[k] === "ADV" || t.pos[k] === "INTJ" || t.pos[k] === "PUNCT")) k++;
  if (t.pos[k] !== "VERB" || t.value[k]!.toLowerCase() !== t.lemma[k]!.toLowerCase()) return false;
  // A capital after it makes the verb a name's first word ("Meet The Fockers knocked …", "Save the
  // Children said …" aside, which the tagger reads as a name): a title, no instruction.
  const next = t.value[k + 1];
  return !(next && /^\p{Lu}/u.test(next) && next !== "I");
}
