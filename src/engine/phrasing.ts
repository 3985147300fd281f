/**
 * Small text edits for what the engine writes itself: whether a clause reads whole, a cut at a clause,
 * what makes a headline or a title poor (`headlineFlaw`), datelines and page words, an answer's clause.
 * Headlines themselves are made in headlines.ts.
 */

import { NOT_IN_POINT_DATELINE, withoutDateline } from "../text/dateline.ts";
import { withoutLeadingPageLabels } from "../text/furniture.ts";
import { quotesClosed } from "../text/quotes.ts";
import { foldedText } from "../text/similarity.ts";
import { isStampOrInfoBox, withoutStamps } from "../text/stamps.ts";
import { finiteVerb, tag } from "../text/tagger.ts";
import { inDictionary, LEX, lexFile, namedPlace, nameForm } from "../text/wordnet.ts";
import {
  endsBeforeVerb,
  mainVerbAfter,
  modifierParticiple,
  reportsNoClause,
  subordinateOnly,
} from "./mainClause.ts";

/**
 * A clause that cannot stand alone as a headline: it opens on a subordinating word, a preposition or a
 * participle ("Although prices rose", "Mirroring the 1993 play", "After the vote").
 */
export const DEPENDENT_OPENER =
  /^(?:although|though|while|whilst|when|whenever|if|unless|until|because|since|as|after|before|once|whereas|despite|with|without|for|from|in|on|at|by|during|amid|among|under|over|to|like|unlike|according|\p{L}{3,}ing)\b/iu;

/** A clause a few words of time or measure subordinate ("Four years after Act 10 passed, …"). */
export const SUBORDINATED =
  /^(?:[\p{L}\d'’-]+\s+){1,3}?(?:before|after|because|since|until|while|when|whenever|although|though|unless|once)\s/iu;

/** A sentence cut to about `maxWords` words, at a clause boundary when there is one; final stop dropped. */
export function shorten(raw: string, maxWords = 16): string {
  // A doubled stop ("ago..") counts once.
  const text = raw.trim().replace(/(?<!\.)\.\.$/, ".");
  // The final stop is dropped, not an abbreviation's ("8 p.m.", "the U.S.").
  const t = (
    /\b\p{L}\.\p{L}\.$/u.test(text.trim())
      ? text.trim()
      : text.replace(/[.!](?:["'”’]|\s")?$/u, (m) => m.slice(1).trim())
  ).trim();
  if (t.split(/\s+/).length <= maxWords) return t;
  return cutAtClause(withoutInsertions(t), maxWords);
}

/**
 * How many words past `maxWords` a clause may run and still end a headline: 10 rather than 6 gave fewer
 * headlines cut with "…" (32 → 21 and 31 → 21 of ~611 Multi-News briefings) and more of their words in
 * the human summary (51.6 → 52.1 %, 51.0 → 51.3 %), at 0.6 words more on average.
 */
export const CLAUSE_REACH = 10;

/** A sentence too long for a headline, cut at a clause boundary when there is one. */
function cutAtClause(t: string, maxWords: number): string {
  const words = t.split(/\s+/);
  if (words.length <= maxWords) return t;
  // A sentence that opens on a dependent clause reads whole, when not much longer: its first clause
  // alone is no headline.
  const dependent = DEPENDENT_OPENER.test(t) || SUBORDINATED.test(t);
  if (dependent && words.length <= maxWords + 10) return t;
  const cut = words.slice(0, maxWords + CLAUSE_REACH).join(" ");
  // Prefer ending at a clause boundary (CLAUSE_BOUNDARY): the first one where the words before it read as
  // a sentence ("One of the wrestlers, Shawn Dailey" is a subject and its apposition, no headline).
  if (!dependent)
    for (const m of cut.matchAll(CLAUSE_BOUNDARY)) {
      const clause = cut.slice(0, m.index);
      if (clause.length < 30 || clause.split(/\s+/).length < 6 || ENDS_OPEN.test(clause)) continue;
      if (OPEN_RELATIVE.test(clause) || (ENDS_ON_COPULA.test(clause) && !ASKS_WHAT.test(clause))) continue;
      // Never inside a quotation (`" i was nervous , so i left , " she said`: not at its comma).
      if (!quotesClosed(clause)) continue;
      if (readsWhole(clause)) return clause.replace(/[,;]$/, "");
    }
  return `${words.slice(0, maxWords).join(" ")}…`;
}

/** Between commas: an aside, when it is no clause of the sentence's own. */
const INSERTION = /, ([^,;:()"“”]{3,120}?), /g;
/**
 * A phrase that opens a sentence before its subject: a preposition's or a subordinate clause's. Not
 * DEPENDENT_OPENER, whose "-ing" opener also takes a subject named "Manning" for one ("Manning, a
 * prominent figure in the church, has taken …": eval:headlines --dump differs by that headline).
 */
const OPENING_PHRASE =
  /^(?:according to|in|on|at|after|before|during|since|for|with|without|despite|under|amid|as|by|from|following|like|unlike|while|when|once|although|though|if|because|until|over|within|across|through)\s/iu;
/** What follows an aside in the clause it sits in: the clause's verb, or an adverb before it. */
const CONTINUES = new Set(["VERB", "AUX", "ADV"]);

/**
 * The sentence without the appositions between commas a headline can do without (", president of the
 * academy,"; ", owner of the Gold Medal brand,"), when the clause goes on after it with its verb ("General
 * Mills, owner of the Gold Medal brand, has recalled …" → "General Mills has recalled …"). Asides with
 * any verb, participles too, stay (", who swam to safety,", ", believed to be a drone,": the clause may
 * go on inside them), as do names (", Shawn Dailey,"), lists ("Leigh, Scorsese, Mann and Forster"; "to hike, ride a bike, walk or
 * swim") and dates (", 2015,").
 */
export function withoutInsertions(t: string): string {
  if (!t.includes(", ")) return t;
  let tagged: ReturnType<typeof tag> | null = null;
  return t.replace(INSERTION, (m: string, inner: string, offset: number) => {
    if (offset < 3 || /^[\d$£€]/u.test(inner) || OPENS_CLAUSE.test(inner)) return m;
    // After an opening phrase ("According to Reddit administrators, photos of …, shared to …, constitute
    // …"), what follows its comma is the clause's subject, no aside. (A phrase with a verb of its own is
    // a clause, which may be the subject itself: "When the U.S. weighs in, however, is when …".)
    tagged ??= tag(t);
    const t1 = tagged;
    // (An inflected verb or an auxiliary: the tagger reads a base-form noun as a verb now and then.)
    const opening = t1.pos.filter(
      (p, k) =>
        k > 0 &&
        t1.start[k]! < offset &&
        (p === "AUX" ||
          (p === "VERB" &&
            t1.value[k]!.toLowerCase() !== t1.lemma[k]!.toLowerCase() &&
            // A participle is the phrase's, no clause's verb ("After whizzing across the Pacific, …").
            !/ing$/i.test(t1.value[k]!))),
    );
    if (!t.slice(0, offset).includes(",") && OPENING_PHRASE.test(t) && opening.length === 0) return m;
    const after = offset + m.length;
    if (/^(?:and|or|but|nor|then)\b/i.test(t.slice(after))) return m;
    // An item of a list, the last one next ("to hike, ride a bike, walk or join a club").
    if (/^[\p{L}'’-]+,?\s+(?:and|or)\s/iu.test(t.slice(after))) return m;
    tagged ??= tag(t);
    const t2 = tagged;
    const next = t2.start.findIndex((st) => st >= after);
    if (next < 0 || !CONTINUES.has(t2.pos[next]!)) return m;
    const at = t2.start.flatMap((st, k) => (st > offset && st < after - 2 ? [k] : []));
    const inside = at.map((k) => t2.pos[k]!);
    // A name is what the aside adds ("One of the wrestlers, Shawn Dailey, said …"): it stays.
    if (inside.every((p) => p === "PROPN" || p === "PUNCT")) return m;
    // A noun phrase opened by an article ("a service started in May by …", "the husband of the star of
    // a hit show"): a verb right after one of its nouns, before a preposition or a noun, modifies that
    // noun, no clause of the aside's ("the governor announced a plan" is one).
    const described = /^(?:a|an|the)\s/i.test(inner);
    const modifier = (k: number) =>
      described &&
      ["NOUN", "PROPN", "PART"].includes(t2.pos[k - 1] ?? "") &&
      ["ADP", "NOUN", "ADV"].includes(t2.pos[k + 1] ?? "");
    return at.some((k) => t2.pos[k] === "AUX" || (t2.pos[k] === "VERB" && !modifier(k))) ? m : " ";
  });
}

/** A clause that stops on a word that needs more after it ("… their summer blockbusters and"). */
export const ENDS_OPEN =
  /(?<![\p{L}'’-])(?:and|or|but|nor|the|a|an|than|its|their|his|her|my|our|your|of|to|for|with|from|about|into|onto|between|among|against|toward|towards|via|per|that|which|who|whom|whose)$/iu;

/** A relative clause of its verb alone at the end ("… drugs that went" before "… before FDA panels"). */
export const OPEN_RELATIVE = /(?<![\p{L}'’-])(?:that|which|who)\s+[\p{L}'’-]+$/iu;

/** Where a clause may end: punctuation (not the comma of "3,000"), or where a relative or subordinate clause begins. */
export const CLAUSE_BOUNDARY =
  /,(?=\s)|;| –| —| - |(?<!\b(?:a|little|for|the|long|shortly|soon|just|right|moments|minutes|hours|days|weeks|months|years|minute|hour|day|week|month|year)) (?=(?:whose|which|who|while|after|before|because) )/g;

/**
 * Whether token `i` is a clause's verb: a finite verb (the tagger's), or a verb in -s the tagger read as
 * a noun after a name and before "to" and a verb ("Acme Motors plans to close …", "Ruritania wants to
 * …"; not "The company's plans to …", after a possessive).
 */
export function clauseVerb(t: ReturnType<typeof tag>, i: number): boolean {
  if (finiteVerb(t, i)) return true;
  return (
    t.pos[i] === "NOUN" &&
    /^\p{Ll}+s$/u.test(t.value[i]!) &&
    t.pos[i - 1] === "PROPN" &&
    /^to$/i.test(t.value[i + 1] ?? "") &&
    t.pos[i + 2] === "VERB"
  );
}

/** Auxiliaries, modals and "said": a finite verb wherever they stand, so most clauses need no tagger. */
const FINITE_WORD =
  /(?<![\p{L}'’-])(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|shall|does|did|says|said)(?![\p{L}'’-])/u;
/** Words that open a relative clause, or a clause a verb reports ("fear that …", "reported how …"). */
const OPENS_CLAUSE =
  /(?<![\p{L}'’-])(?:who|whom|whose|which|that|how|why|whether|what|where|when|if)(?![\p{L}'’-])/iu;
const RELATIVE = new Set(["who", "whom", "whose", "which"]);
/** Words that open a clause after the main verb, which needs its own verb ("Leaders fear that …"). */
const COMPLEMENT = new Set(["that", "how", "why", "whether", "what", "where", "when", "if"]);
/** Verbs that report a clause after them, "that" left out ("who says he was …"). */
export const REPORTING =
  /^(?:says?|said|tell|tells|told|thinks?|thought|believes?|believed|claims?|claimed|knows?|knew|hopes?|hoped|fears?|feared|reports?|reported|alleges?|alleged|argues?|argued|insists?|insisted|warns?|warned|admits?|admitted|denies|denied|announced|confirmed|estimates?|estimated|expects?|expected)$/i;
/** Between two verbs of one verb group ("has long claimed", "will not be"). */
const IN_VERB_GROUP = new Set(["AUX", "ADV", "PART"]);

/**
 * Whether a clause reads as a sentence where it is cut: its last part (after its last comma or dash)
 * has a verb of its own, not a participle ("…, including …", "…, combined with …"), not inside a relative
 * clause ("Chloe, who swam to safety"), and any clause it opens with "that" has its verb too ("Leaders
 * fear that the assessment" does not). A subject and its apposition ("One of the wrestlers, Shawn
 * Dailey") have none. Auxiliaries and modals settle it at once when no such clause opens; otherwise the
 * part-of-speech tagger does (src/text/tagger.ts, loaded on first use).
 */
export function readsWhole(clause: string): boolean {
  const parts = clause.split(/[,;]\s|\s[–—-]\s/);
  const last = parts.at(-1)!;
  if (!OPENS_CLAUSE.test(last) && FINITE_WORD.test(last))
    return !SAYS_WORD.test(last) || !saysNoClause(tag(last));
  const t = tag(last);
  // A part after a comma that opens on a participle is a modifier, whatever verbs it holds.
  if (parts.length > 1 && t.pos[0] === "VERB" && /(?:ed|ing)$/i.test(t.value[0]!)) return false;
  let main = false;
  let relative = false;
  let relativeVerb = false;
  let reports = false;
  let open = false;
  let lastVerb = -1;
  for (let i = 0; i < t.value.length; i++) {
    const w = t.value[i]!.toLowerCase();
    if (RELATIVE.has(w)) {
      relative = true;
      relativeVerb = false;
      reports = false;
    } else if (COMPLEMENT.has(w) && main && !relative) open = true;
    if (!finiteVerb(t, i)) continue;
    const grouped = lastVerb >= 0 && t.pos.slice(lastVerb + 1, i).every((p) => IN_VERB_GROUP.has(p));
    const coordinated = i > 0 && /^(?:and|or|but|nor)$/i.test(t.value[i - 1]!);
    lastVerb = i;
    if (relative) {
      // The relative clause's own verb ("who received the medal"); a later auxiliary of another group
      // closes it and is the main clause's ("The captain who received the medal has asked to return") —
      // not a participle ("who works for a company based in …"), an infinitive ("who promised to teach
      // students to get rich"), nor the verb of a clause the relative one reports ("who says he was …",
      // "who said the plan was …").
      const closes =
        relativeVerb &&
        !grouped &&
        !coordinated &&
        !reports &&
        (t.pos[i] === "AUX" || FINITE_WORD.test(t.value[i]!)) &&
        t.pos[i - 1] !== "PRON";
      if (!closes) {
        if (!relativeVerb) reports = REPORTING.test(t.value[i]!);
        relativeVerb = true;
        continue;
      }
      relative = false;
    }
    if (!main) main = true;
    else if (!grouped) open = false;
  }
  return main && !open && !saysNoClause(t);
}

/** Verbs of saying whose object is a clause, its "that" left out ("says the plan was …"). */
const SAYS = /^(?:says?|said|insists?|insisted|argues?|argued)$/i;

/** SAYS anywhere in a text (the tagger is run only when one is there). */
const SAYS_WORD = /(?<![\p{L}'’-])(?:says?|said|insists?|insisted|argues?|argued)(?![\p{L}'’-])/iu;

/** Words of time that may stand between a verb of saying and what it reports ("said Tuesday the …"). */
const SAID_WHEN =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|last|this|next|earlier|later|week|month|year|night|morning|afternoon|evening)$/i;

/**
 * Whether a verb of saying after its subject reports a clause cut before its verb ("The coach says the
 * decision by the court", from "… says the decision by the court … was messy"): a noun phrase after it
 * (past any words of time) and no finite verb after that. An attribution after a quotation (', said the
 * coach') follows a mark, and is none.
 */
function saysNoClause(t: ReturnType<typeof tag>): boolean {
  for (let i = 1; i < t.value.length; i++) {
    if (!SAYS.test(t.value[i]!) || t.pos[i] === "PUNCT" || t.pos[i - 1] === "PUNCT") continue;
    if (!finiteVerb(t, i)) continue;
    let k = i + 1;
    while (k < t.value.length && SAID_WHEN.test(t.value[k]!)) k++;
    if (k >= t.value.length || !["DET", "NOUN", "PROPN", "PRON", "ADJ", "NUM"].includes(t.pos[k]!)) continue;
    if (!t.pos.some((_, j) => j > k && finiteVerb(t, j))) return true;
  }
  return false;
}

/** Words a whole sentence may have and still serve as a headline, when no clause of it does. */
export const WHOLE_HEADLINE_WORDS = 24;

/**
 * A point's text without the dateline or agency credit before its sentence ("Washington ( ap ) — a
 * business associate …" → "A business associate …"): a place of at most five words, not a clause.
 * Only for showing: the citation is the same sentence's.
 */
export function withoutPointDateline(text: string): string {
  const plain = withoutDateline(text, false);
  if (plain === text) return text;
  const head = text.slice(0, text.length - plain.length).replace(/\([^)]*\)/g, " ");
  const words = head.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length > 5 || NOT_IN_POINT_DATELINE.test(head)) return text;
  // One word before a dash that comes back ("Euronext - formed after … merged - is …") opens an aside.
  const bare = !/[,(]/.test(text.slice(0, text.length - plain.length));
  if (bare && words[0] !== words[0]?.toUpperCase() && /\s(?:—|–|--?)\s/.test(plain)) return text;
  return plain;
}

/**
 * Points as shown: without a page's labels (src/text/furniture.ts withoutLeadingPageLabels) or a
 * dateline (withoutPointDateline) before their sentence; each still cites what it did. A cut-off caption
 * before an agency tag stays: the words before it are often the story's own headline.
 */
export function shownPoints<P extends { text: string }>(points: readonly P[]): P[] {
  return points.map((p) => {
    const text = withoutPointDateline(withoutLeadingPageLabels(p.text));
    return text === p.text ? p : { ...p, text };
  });
}

/** Most words a headline may have and still read as short. */
export const SHORT_HEADLINE_WORDS = 20;

/** A pronoun opening a headline: it points back to what the headline doesn't name. */
const HEADLINE_PRONOUN =
  /^(?:["“‘'] ?)?(?:he|she|it|they|them|his|her|its|their|this|that|these|those|such|there['’]s)(?:['’](?:s|d|ll|re|ve))?(?![\p{L}'’-])/iu;
/** The first or second person opening the text: a page's promo voice or an unattributed quote ("We've got …"). */
const PERSON_OPENER =
  /^(?:["“‘'] ?)?(?:i|i'm|i've|i ' m|we|we've|we're|we ' ve|our|my|you|you've|you're|your)(?![\p{L}'’.-])/iu;
/**
 * The first or second person anywhere in a text ("… when we spoke", "… will disable your device"): a
 * speaker's or a page's voice. Not "I." (a numbered part, "I. Background"), nor "us" (the U.S. in a
 * lower-cased copy).
 */
const PERSON_WORD =
  /(?<![\p{L}'’.-])(?:i|i'm|i've|i'll|i'd|me|my|we|we've|we're|we'll|we'd|our|you|you've|you're|you'll|you'd|your)(?![\p{L}'’.-])/iu;
/** PERSON_WORD without "you": a speaker's own voice. */
const FIRST_PERSON_WORD =
  /(?<![\p{L}'’.-])(?:i|i'm|i've|i'll|i'd|me|my|we|we've|we're|we'll|we'd|our)(?![\p{L}'’.-])/iu;
/** A Roman numeral "I" after what it numbers ("World War I", "Cartoon wars part I"): no speaker. */
const NUMBERED_I =
  /(?<=(?:part|chapter|act|book|volume|phase|war|season|title|type|class|stage|level|section|article)\s)I(?![\p{L}'’])/giu;
/** A quotation between paired marks (old wire copy's ``…'' too): words said to be its speaker's. */
const QUOTATION = /“[^“”]*”|"[^"]*"|``(?:[^`']|'(?!'))*''/gu;

/**
 * Whether a headline speaks in the first or second person outside quotation marks ("Ed Penn was in
 * reflective mood when we spoke", "The new rules will change your pension"): a speaker's or a page's
 * voice, not a report of what happened. A quotation ("“We will appeal,” the mayor said") speaks for
 * its speaker, unless `quoted` (a headline that takes another's place should be no one's words).
 */
export function speaksInPerson(h: string, quoted = false): boolean {
  const t = h.replace(NUMBERED_I, " ");
  return PERSON_WORD.test(quoted ? t : t.replace(QUOTATION, " "));
}

/**
 * Whether a text speaks in its speaker's own first person outside quotation marks ("Since our last
 * update, we have …", "Not all the skippers I spoke with …"): a blog's or a page's voice, no report. (A
 * text that speaks to the reader, "… your season ticket will cost more", may still report.)
 */
export function speaksInFirstPerson(h: string): boolean {
  return FIRST_PERSON_WORD.test(h.replace(NUMBERED_I, " ").replace(QUOTATION, " "));
}

/** A token a reply shows closed up to the word beside it (a tokenised copy's `"`, `,`, `(`, `$`). */
const CLOSED_UP = /^["“”'‘’,.;:!?()[\]$£€]+$/u;

/**
 * How many words a headline shows: a tokenised copy's quotation marks and commas standing alone
 * (`" we won , " she said`) are closed up to a word when shown (src/engine/display.ts).
 */
export function shownWords(text: string): number {
  return text.split(/\s+/).filter((w) => w !== "" && !CLOSED_UP.test(w)).length;
}

/** A promo's "! )" left over ("Available late December! ) when …"): page text run into the sentence. */
const HEADLINE_LABEL = /!\s*\)/u;
/**
 * A page's own word run into a title or sentence ("Article the debate …", "Photo Washington — …", "View
 * images a segment …").
 */
const PAGE_WORD =
  /^(?:article|advertisement|video|photos?|image|sponsored|view (?:images?|photos?|gallery))\s+(?=[\p{L}\p{N}"“])/iu;
/** A label of a few words and a colon before a sentence ("Outburst: the star …", "Update: …"). */
const COLON_LABEL = /^[^\s:]+(?:\s+[^\s:]+){0,2}:\s+(?=[\p{L}\p{N}"“])/u;

/** A title without a page's word run into it ("Article the debate kicks off …" → "The debate kicks off …"). */
export function withoutPageWord(text: string): string {
  const m = PAGE_WORD.exec(text);
  if (!m || text.slice(m[0].length).split(/\s+/).length < 4) return text;
  return text.slice(m[0].length).replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

/**
 * A sentence to head a briefing or story from: without a page's word or a label and colon before it
 * ("Outburst: hollywood star … walked out" → "Hollywood star … walked out"), when a sentence of six
 * words or more follows that does not open on a pronoun standing for the label ("Groundwater: it's one
 * of …").
 */
export function withoutHeadLabel(text: string): string {
  const t = withoutPageWord(text);
  const m = COLON_LABEL.exec(t);
  const rest = m ? t.slice(m[0].length) : "";
  if (!m || rest.split(/\s+/).length < 6 || HEADLINE_PRONOUN.test(rest)) return t;
  return rest.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

/** "The" and an ordinal or "previous"/"other"/"same" pointing back to what was named before ("The third victim …"). */
const HEADLINE_REFERENCE = /^The\s+(?:second|third|fourth|fifth|previous|other|same|latter)(?![\p{L}'’-])/u;

/**
 * "The" and an age standing for a person named before, no noun or name after it ("The 29-year-olds
 * each put …", "The 37-year-old was …"; not "The 6-year-old boy was …", "The 41-year-old Sam Okafor …").
 */
const THE_AGE = /^The\s+\d+-year-olds?(?=\s)/u;

/** Whether a text opens on "The" and an age that points back to someone (THE_AGE): read with the tagger. */
function opensOnAgeReference(t: string): boolean {
  if (!THE_AGE.test(t)) return false;
  const tagged = tag(t);
  const k = tagged.value.findIndex((v) => /^(?:\d+-year-)?olds?$/.test(v));
  return k >= 0 && !["NOUN", "PROPN", "ADJ"].includes(tagged.pos[k + 1] ?? "");
}

/** Parts of speech of a noun phrase's words between "The" and its head ("The 6-year-old boy", "The agency's chief historian"). */
const DESCRIPTION_WORD = new Set(["ADJ", "NOUN", "NUM", "PART"]);

/**
 * Whether a headline opens on "The" and a person described by role alone, no name in it or after it
 * ("The actress and her husband …", "The boys were found …", "The agency's chief historian told …"): it
 * points back to someone named before, not in the headline. The head noun is a person's (WordNet's
 * first sense, read on the tagger's lemma: "women", "children"); a capitalised word in the phrase ("The
 * Australian prime minister", "The Jackson family patriarch"), a name in apposition after it ("The bar
 * owner Chris Cusack said …", "The victim, Jo Reyes, was …"), or an "of" phrase or relative clause after
 * it that says whose or which ("The mother of a girl …", "The man who …") explains it. Not one of
 * headlineFlaw's flaws: a headline so opening heads when no other text of the story reads whole
 * (headlines.ts headlineFrom), rather than one cut.
 */
export function opensOnPersonDescription(text: string): boolean {
  if (!/^The\s/u.test(text)) return false;
  const t = tag(text);
  let k = 1;
  while (k < t.value.length && (DESCRIPTION_WORD.has(t.pos[k]!) || t.value[k] === "-")) k++;
  const head = k - 1;
  if (head < 1 || t.pos[head] !== "NOUN") return false;
  // A name in it: capitalised, or a word WordNet knows as a name or a place, or not at all ("The irmo
  // woman", "The australian prime minister").
  const name = (v: string) =>
    /^\p{Lu}/u.test(v) ||
    (/^\p{Ll}{3,}$/u.test(v) && (!inDictionary(v) || namedPlace(v) || nameForm(v) !== null));
  if (t.value.slice(1, head).some(name)) return false;
  const person = [t.lemma[head]!, t.value[head]!.toLowerCase()].some((w) => lexFile(w) === LEX.person);
  if (!person) return false;
  // What follows: a name (after a comma too), "of", a relative word.
  // (After a comma, an age or another word may come first: "The victim, 33-year-old Markus Austin, …".)
  let next = k;
  if (t.value[k] === ",")
    for (
      next = k + 1;
      next < k + 7 && (/^(?:NUM|ADJ|NOUN)$/.test(t.pos[next] ?? "") || t.value[next] === "-");
    )
      next++;
  if (t.pos[next] === "PROPN" || /^\p{Lu}/u.test(t.value[next] ?? "")) return false;
  if (/^(?:of|who|whom|whose|that)$/i.test(t.value[k] ?? "")) return false;
  return true;
}

/** A whole sentence in brackets opening a text, more after it ("(Amazon says an update is coming.) similarly"). */
const BRACKETED_SENTENCE = /^\([^()]{1,300}[.!?]["”’]?\s*\)\s*\S/u;

/** A copula or auxiliary "be" ending a text: a clause cut before its complement. */
const ENDS_ON_COPULA = /(?<![\p{L}'’-])(?:is|are|was|were|be|been|being)$/iu;

/** A word that opens a clause asking where, what or who something is, which may end on its copula. */
const ASKS_WHAT = /(?<![\p{L}'’-])(?:where|what|who|whoever|whatever|how|wherever)(?![\p{L}'’-])/iu;

/** A text that is one quotation from its first word to its last ("\"it sure didn't hurt.\""). */
const UNATTRIBUTED_QUOTE = /^["“][^"“”]+["”][.!?]?$/u;

/**
 * Why a headline would not read as a complete sentence on its own: cut ("…"), a pronoun, a label or
 * the first person ("We've got …") at its start, a back-reference ("The third victim …"), a quotation
 * mark or bracket unpaired, a quotation with no one said to speak it, a last word that needs more ("… was aware of"),
 * an adverb whose verb was cut off ("… all bravely"), no finite verb (the tagger's; not a participle
 * before a noun), a verb of saying that reports no clause (mainClause.ts). Null when it reads whole.
 */
export function headlineFlaw(h: string, needsVerb = true): string | null {
  // Old wire copy's ``quotes'' read as curly ones.
  const t = h.trim().replace(/``/g, "“").replace(/''/g, "”");
  if (/(?:…|\.\.\.)$/.test(t)) return "cut";
  // A page's date stamp left at its start or end, a review's info box, a prompt (src/text/stamps.ts).
  if (isStampOrInfoBox(t)) return "stamp";
  if (HEADLINE_PRONOUN.test(t)) return "pronoun";
  if (HEADLINE_LABEL.test(t)) return "label";
  if (HEADLINE_REFERENCE.test(t) || opensOnAgeReference(t)) return "reference";
  if (PERSON_OPENER.test(t)) return "person";
  const count = (re: RegExp) => (t.match(re) ?? []).length;
  if (!quotesClosed(t) || /^['‘]\s/.test(t) || count(/\(/g) !== count(/\)/g) || count(/\[/g) !== count(/\]/g))
    return "quote";
  // One quotation and nothing else: words no one is said to have spoken.
  if (UNATTRIBUTED_QUOTE.test(t)) return "quote";
  // A sentence in brackets before it ("(The maker says a fix is coming.) similarly, …"): an aside to
  // the paragraph before, the text torn from it.
  if (BRACKETED_SENTENCE.test(t)) return "aside";
  const bare = t.replace(/[.!?,;:]+$/, "");
  if (ENDS_OPEN.test(bare) || OPEN_RELATIVE.test(bare)) return "open";
  // A copula with nothing after it ("… and the IRS's targeting of groups are"), unless a clause it ends
  // asks where or what something is ("… knows where the hostages are").
  if (ENDS_ON_COPULA.test(bare) && !ASKS_WHAT.test(bare)) return "open";
  const tagged = tag(t);
  if (endsOnPreposition(tagged) || endsBeforeVerb(tagged)) return "open";
  if (!needsVerb) return null;
  const verb = (i: number) => clauseVerb(tagged, i) && !modifierParticiple(tagged, i);
  if (!tagged.pos.some((_, i) => verb(i))) return "verb";
  // Its only verbs a relative clause's ("The touchdown call that gave the home side a win"), or a verb
  // of saying's whose reported clause has none ("The paper said in an editorial").
  // (A past tense in -ed the tagger read as a noun after its subject's noun, "A keeper rescued four …",
  // counts as the main clause's verb here.)
  const pastAsNoun = (i: number) =>
    tagged.pos[i] === "NOUN" &&
    /^\p{Ll}+ed$/u.test(tagged.value[i]!) &&
    /NOUN|PROPN/.test(tagged.pos[i - 1] ?? "");
  const mainVerb = (i: number) => verb(i) || pastAsNoun(i);
  if (!mainVerbAfter(tagged, 0, mainVerb) || reportsNoClause(tagged)) return "verb";
  // Its only verbs a subordinate clause's ("As prices rose in March, when the mill closed"): no main clause.
  if (subordinateOnly(tagged, mainVerb)) return "verb";
  return null;
}

/**
 * Prepositions ENDS_OPEN leaves out, as they may be a verb's particle ("jumped in", "signed on"), read
 * by the tagger. Not "on", "over", "after", "before": the tagger took "it's not letting on" and "the
 * strike was officially over" for a preposition (eval:headlines: two such titles gave way for worse).
 */
const PARTICLE_PREPOSITION = /^(?:in|at|by|under|since|until|near)$/i;

/**
 * Whether a text stops on a preposition the tagger reads as one, not as a verb's particle: a sentence
 * cut off in its source ("… during a hearing in", "… underestimated the number by").
 */
function endsOnPreposition(t: ReturnType<typeof tag>): boolean {
  let last = t.value.length - 1;
  while (last >= 0 && t.pos[last] === "PUNCT") last--;
  return last > 0 && t.pos[last] === "ADP" && PARTICLE_PREPOSITION.test(t.value[last]!);
}

/**
 * A word that ties a sentence to the one before it ("Which occurred at …", "In addition, they …",
 * "But the giant faces …", "Plus, …", "So he's asking …"; not "So far, …"): a sentence torn from its
 * paragraph, no title.
 */
export const TIED_OPENER =
  /^(?:which|whose|whom|and|but|or|nor|plus|also|however|moreover|furthermore|in addition|so(?!\s+(?:far|much|many|long|called)(?![\p{L}'’-])))(?![\p{L}'’-])/iu;

/** Whether a headline opens on its verb (a subject left off: "Was named …", "Says …", "Let's …", a question). */
export function opensOnVerb(h: string): boolean {
  const t = tag(h);
  return (t.pos[0] === "VERB" || t.pos[0] === "AUX") && !/(?:ing|ed)$/i.test(t.value[0]!);
}

/**
 * The headline or story title an article's title gives (no dateline, no page's word before it); when
 * it reads poorly (titleFlaw) or speaks in the first person, the one `fromPoints` makes instead, if that
 * reads whole (headlineFlaw) and, for the latter, is short and in the third person.
 */
export function titleOrPointsHeadline(title: string, fromPoints: () => string | null): string {
  // (Nor a label and colon before it: "Box office: …", withoutHeadLabel.)
  const t = withoutHeadLabel(withoutDateline(withoutStamps(title)));
  // (A title opening on a person described by role alone gives way too: opensOnPersonDescription.)
  // (A title that came with a page's stamp, src/text/stamps.ts, reads as a title only as a sentence.)
  const stamped = isStampOrInfoBox(withoutLeadingPageLabels(title.trim()));
  const flawed = headlineFlaw(t, stamped) !== null || opensOnPersonDescription(t);
  // A title in the first person further in ("On the night shift with our harbour pilots"; "I", "we"
  // outside a quotation) is a speaker's voice too. One that speaks to the reader ("… will change your
  // commute") is a headline's style, and stays: in its place the points' headline named the story less
  // well (eval:headlines, Multi-News digest titles' words in the human summary 46.8 → 46.7 %, and one
  // more ending open).
  const personal = !flawed && FIRST_PERSON_WORD.test(t.replace(NUMBERED_I, " ").replace(QUOTATION, " "));
  if (!flawed && !personal) return t;
  const h = fromPoints();
  if (!h || headlineFlaw(h) || (titleFlaw(t) === null && opensOnPersonDescription(h))) return t;
  // In place of a title in the first person: a short headline with no "I", "we" or "you" in it.
  return !personal || (shownWords(h) <= SHORT_HEADLINE_WORDS && !speaksInPerson(h, true)) ? h : t;
}

/**
 * Why an article's title would make a poor headline (headlineFlaw, except a missing verb: a real title
 * needs none, "Floods in the north"); null when it can head a briefing or a story.
 */
export function titleFlaw(title: string): string | null {
  return headlineFlaw(title, false);
}

/** A line in capitals ("BALLOONISTS COMPLETE CIRCUMNAVIGATION"): shouting, no headline. */
export function allCapitals(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  return letters.length >= 12 && text.replace(/[^\p{Lu}]/gu, "").length / letters.length > 0.8;
}

/**
 * A title cut short: from its article's first words (src/corpus/clean.ts marks it "…"), or by the
 * page or search result it was saved from ("Jakub Jankto: first current male international footballer
 * to come out ..."): no headline.
 */
export function cutTitle(title: string): boolean {
  return /(?:…|\.\.\.)$/.test(title.trim());
}

/** A title that may head a briefing or a story as written: three words or more, not cut short, not in capitals. */
export function headsAsTitle(title: string): boolean {
  return title.split(/\s+/).length >= 3 && !cutTitle(title) && !allCapitals(title);
}

/** "Number of North Korean labourers" → "number of North Korean labourers" (proper nouns kept). */
export function lowerFirst(text: string): string {
  return text.replace(/^[A-Z][a-z]/, (x) => x.toLowerCase());
}

/** Over this many words, an answer sentence is cut to the clause holding the answer (a chat reply leads short). */
export const LONG_ANSWER_WORDS = 35;
/** A clause shown alone must say something: this many words at least. */
const MIN_CLAUSE_WORDS = 6;
/** A coordinating word after a comma that starts a new clause (dropped when the clause stands alone). */
const CLAUSE_LINK = /^(and|but|while|whereas|yet|so)$/i;
/**
 * Words a new clause starts with after ", and": a subject (a determiner, a pronoun, a name, a figure).
 * ", and plums" is the end of a list, not a clause.
 */
const SUBJECT_START =
  /^(the|a|an|its|his|her|their|our|this|that|these|those|he|she|it|they|we|i|there|some|many|most|all|no|[\p{Lu}\p{N}].*)$/u;
/** A clause that can't stand alone: it points back (a pronoun) or hangs on another ("which", "after"). */
const DEPENDENT_START =
  /^(he|she|it|they|them|his|her|its|their|this|that|these|those|which|who|whom|whose|where|when|while|after|before|because|as|since|although|though|if|unless|until|then|also|so|or|nor|to)$/i;

/** A verb in -ing after a comma: a phrase hung on the clause before ("…, killing one"). Not nouns in -ing. */
const TAIL_VERB =
  /^(?!(?:morning|evening|during|nothing|something|anything|everything|building|meeting|wedding|spring|string|ceiling|funding|according|including|excluding|concerning|regarding|following|considering|involving|king|thing|ring|wing|sing)$)\p{Ll}{3,}ing$/u;
/** A time or reason hung on the clause after a comma ("…, shortly after prosecutors released …"). */
const TAIL_LINK =
  /^((shortly|just|soon|days|weeks|hours|months|years|minutes) (after|before)|(after|before|because|although|though) )/i;

/** Verbs that show a clause (a form of "be", "have", a modal, a past tense, a verb of saying). */
const FINITE =
  /^(is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|shall|does|did|do|says|said|told|won|took|made|got|gave|went|came|found|saw|became|began|left|lost|led|held|kept|paid|sold|rose|fell|grew|ran|spent|sent|met|built|brought|thought|knew|wrote|(?!hundred$)\p{L}{3,}ed)$/u;
/** Whether a word is a verb that makes a clause (see FINITE). */
function isFiniteVerb(word: string): boolean {
  return FINITE.test(word.toLowerCase().replace(/[^\p{L}]/gu, ""));
}

/**
 * The clause of a long sentence that holds `key` (an answer, as normalised words), as a sentence of its
 * own: capitalised, ended with a stop, its linking "and"/"but" dropped. Clauses are split at semicolons
 * and at a comma followed by a linking word and a subject, never inside quotes or brackets. Null when the
 * sentence is short, has no safe boundary, the answer runs over a boundary, or the clause could not
 * stand alone (it opens with a pronoun or a subordinating word, or is a few words).
 */
export function answerClause(sentence: string, key: string, maxWords = LONG_ANSWER_WORDS): string | null {
  const words = sentence.trim().split(/\s+/);
  if (words.length <= maxWords || !key.trim()) return null;
  // Boundaries: word indexes where a new clause starts, and how many linking words it drops.
  const starts: { at: number; drop: number; tail: boolean }[] = [{ at: 0, drop: 0, tail: false }];
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    for (const ch of w) {
      if (ch === "(" || ch === "[" || ch === "“") depth++;
      else if ((ch === ")" || ch === "]" || ch === "”") && depth > 0) depth--;
      else if (ch === '"') quoted = !quoted;
    }
    if (depth > 0 || quoted || i + 1 >= words.length) continue;
    const next = words[i + 1]!;
    if (w.endsWith(";")) starts.push({ at: i + 1, drop: CLAUSE_LINK.test(next) ? 1 : 0, tail: false });
    else if (w.endsWith(",") && CLAUSE_LINK.test(next) && SUBJECT_START.test(words[i + 2] ?? ""))
      starts.push({ at: i + 1, drop: 1, tail: false });
    // A phrase hung on the clause (", calling the toll …", ", shortly after prosecutors …"): dropped
    // with what follows when the answer is before it; never shown alone.
    else if (w.endsWith(",") && (TAIL_VERB.test(next) || TAIL_LINK.test(`${next} ${words[i + 2] ?? ""}`)))
      starts.push({ at: i + 1, drop: 0, tail: true });
  }
  // Each part must be a clause, with a verb of its own: ", and a monster turtle villain" ends a list,
  // "not only …, but the world record" pairs two phrases. (A hung phrase needs one before it only.)
  for (let c = 1; c < starts.length; c++) {
    const before = words.slice(starts[c - 1]!.at, starts[c]!.at);
    const after = words.slice(starts[c]!.at, starts[c + 1]?.at ?? words.length);
    if (!before.some(isFiniteVerb) || (!starts[c]!.tail && !after.some(isFiniteVerb))) starts.splice(c--, 1);
  }
  if (depth > 0 || quoted || starts.length < 2) return null;
  const norm = (s: string) => ` ${foldedText(s)} `;
  const k = norm(key);
  for (let c = 0; c < starts.length; c++) {
    const { at, drop } = starts[c]!;
    const end = starts[c + 1]?.at ?? words.length;
    const part = words.slice(at + drop, end);
    if (!norm(part.join(" ")).includes(k)) continue;
    if (
      starts[c]!.tail ||
      part.length < MIN_CLAUSE_WORDS ||
      DEPENDENT_START.test(part[0]!.replace(/[^\p{L}]/gu, ""))
    )
      return null;
    if (part.length >= words.length - drop) return null;
    // Who said it is kept: a sentence whose attribution would be cut off stays whole.
    const says = (ws: string[]) => ws.some((w) => /^(said|says|told|according)\b/i.test(w));
    if (says(words.slice(end)) && !says(part)) return null;
    let text = part.join(" ").replace(/[,;:\s]+$/u, "");
    if (!/[.!?]["”’)]*$/u.test(text)) text += ".";
    return text.charAt(0).toUpperCase() + text.slice(1);
  }
  return null;
}
