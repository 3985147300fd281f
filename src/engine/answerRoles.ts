/**
 * Whether a name in a sentence stands in the role a "who" or "which company" question asks about:
 * "Who won the best actor Oscar?" asks for the one who did the winning, of that award. A name is in
 * that role when it is the subject of a clause (followed by its verb: "Jamie Foxx and Hilary Swank have
 * won …"; after an aside, "Jane Roe, 45, won …"; in a relative clause, "Jane Roe, who won …,"; or
 * after "by" in a passive: "… was won by Jane Roe") whose words hold the question's terms, or, for a
 * question asking for the object ("Whom did the government send …?", "… parted ways with which
 * host?"), when the clause up to the name holds them. A page's title counts as said of each of its
 * sentences ("Jamie Foxx picked up best actor …" under "Eastwood's Baby scoops top Oscars"), but the
 * clause must hold some of the terms itself. Terms the sentence holds in another clause do not count
 * ("… have won the Screen Actors Guild awards, boosting their Oscars hopes").
 *
 * Not a role: what may yet happen (a modal or "to" at the verb: "will win", "is favourite to win"),
 * another voice than the question's ("Who sacked the coach?" is not answered by "X was sacked"), a verb
 * of saying (unless saying is asked: "X said the firm won …"), a name after a preposition ("the
 * efforts of X"), and a question with no verb in a tense ("Who is the chancellor?", "Who will play
 * …?": kept as they were).
 *
 * Read without a tagger, by the words' forms (it runs on every name of the sentences an answer reads):
 * a clause ends at a comma, semicolon, colon or dash, or before a word opening another clause
 * ("while", "but", "who", "that" …); a verb in a tense is an irregular past or a WordNet verb with
 * "-ed" or "-s".
 */
import { type Concept, termStems } from "../search/index.ts";
import { isIrregularPast } from "../text/verbForms.ts";
import { isBaseVerb } from "../text/wordnet.ts";

/** The part a question's answer plays in its clause: its subject ("Who won …") or its object ("Whom did … send"). */
export type AskedRole = "subject" | "object";

/** How a question's terms are told in a sentence: their stems, idf-weighted. */
interface RoleTerm {
  stems: ReadonlySet<string>;
  weight: number;
}

/** Words opening another clause inside a sentence. */
const CLAUSE_OPENER =
  /^(while|whilst|but|whereas|although|though|who|whom|which|that|where|when|after|before|because|since|if|unless|until|amid|despite)$/i;
/** Auxiliaries and adverbs between a subject and its verb ("have won", "has also been named", "finally won"). */
const AUXILIARY =
  /^(has|have|had|is|are|was|were|be|been|being|did|does|do|also|then|now|just|already|finally|reportedly|officially|formally|again|recently|once|first)$/i;
/** What puts a verb out of what happened: a modal or an infinitive ("will win", "tipped to win"). */
const NOT_A_FACT = /^(will|would|could|might|may|should|must|can|shall|to|won['’]t|not|never)$/i;
/** Words a verb is never ("the", "of" …): after a name they make it no subject. */
const NOT_A_VERB = /^(the|a|an|of|in|on|at|for|with|from|by|to|and|or|as|its|his|her|their|this|that)$/i;

/**
 * Whether a word is a verb in a tense a named subject takes: an irregular past ("won", "took"), or a
 * verb's base WordNet knows with "-ed" or "-s" ("picked", "recalled", "announces").
 */
function finiteVerb(w: string): boolean {
  if (!/^\p{Ll}+$/u.test(w) || NOT_A_VERB.test(w)) return false;
  if (isIrregularPast(w)) return true;
  const bases = /ed$/.test(w)
    ? [w.slice(0, -1), w.slice(0, -2), w.slice(0, -3)]
    : /s$/.test(w)
      ? [w.slice(0, -1), w.slice(0, -2), w.replace(/ies$/, "y")]
      : [];
  return bases.some((b) => b.length >= 2 && isBaseVerb(b));
}

/** Prepositions (before a name: it is no subject). */
const PREPOSITION =
  /^(of|for|with|to|in|on|at|from|about|into|onto|against|over|under|between|among|behind|beyond|toward|towards|through|across|like|than|including|via|per|after|before|during|near|without|within)$/i;

/** Verbs of saying: who says a thing happened, not who did it. */
const SPEECH =
  /^(say|says|said|tell|tells|told|add|adds|added|note|notes|noted|explain|explains|explained|state|states|stated|write|writes|wrote|insist|insists|insisted|argue|argues|argued|claim|claims|claimed)$/i;

/**
 * Where a clause resumes after an aside set off by commas from word `i` ("Jane Roe, who shot to fame
 * …, won"; "Jane Roe, 45, won"; "Acme, the maker of …, recalled"): the word after the closing comma,
 * when a verb follows it; -1 when there is none.
 */
function afterAside(ws: readonly string[], i: number): number {
  for (let k = i; k < Math.min(ws.length - 1, i + ASIDE_WORDS); k++) {
    if (/[.;:!?]["”’']?$/u.test(ws[k]!)) return -1;
    if (!/,["”’']?$/u.test(ws[k]!)) continue;
    const next = bare(ws[k + 1]!);
    return AUXILIARY.test(next) || finiteVerb(next) ? k + 1 : -1;
  }
  return -1;
}

/** The longest aside after a name whose clause is still read. */
const ASIDE_WORDS = 15;

/** A word without the punctuation around it. */
function bare(w: string): string {
  return w.replace(/^[("“‘'[]+/u, "").replace(/[,;:.!?"”’')\]]+$/u, "");
}

/** Whether a written word ends a clause (a comma, semicolon, colon, dash or full stop after it). */
function endsClause(w: string): boolean {
  return /[,;:.!?)]["”’']?$/u.test(w) || /^[–—―-]+$/.test(w);
}

/** Whether a word starts another clause (a dash, or a word such as "while", "but", "who"). */
function opensClause(w: string): boolean {
  return /^[–—―-]+$/.test(w) || CLAUSE_OPENER.test(bare(w));
}

/** Whether a word is capitalised (part of a name). */
function capitalised(w: string): boolean {
  return /^\p{Lu}/u.test(bare(w));
}

/**
 * Whether a question asks for the object of its verb ("Whom did the US send …?", "Fox News parted ways
 * with which host?", "Which party did voters reelect?") rather than its subject ("Who won …?", "Which
 * company recalled …?", "Who is the chancellor?").
 */
export function askedRole(asked: string): AskedRole {
  const q = asked.trim();
  if (/\bwhom\b/i.test(q)) return "object";
  const wh = /\b(who|which|what)\b/i.exec(q);
  if (!wh) return "subject";
  // Asked in place: the question word comes after the clause's subject and verb.
  if (
    wh.index > 0 &&
    !/^(in|on|at|of|for|to|from|by|with)\s*$/i.test(q.slice(0, wh.index).trim().split(/\s+/).at(-1) ?? "")
  )
    return "object";
  // "Which party did voters reelect", "Who did the club sign": "did" after the wh-phrase.
  const after = q.slice(wh.index).split(/\s+/).slice(1, 6);
  const did = after.findIndex((w) => /^(did|does|do)$/i.test(w));
  if (did >= 0 && after.slice(0, did).every((w) => !/^(is|are|was|were|has|have|had)$/i.test(w)))
    return "object";
  return "subject";
}

/**
 * The verb a subject question asks with ("won" in "Who won …", "recalled" in "Which automaker recalled
 * …"): the first word after the question word, its noun and any auxiliary that is a verb in a tense;
 * null when there is none ("Who is the chancellor?").
 */
function subjectVerb(asked: string): string | null {
  const ws = asked.split(/\s+/).map((w) => bare(w).toLowerCase());
  const wh = ws.findIndex((w) => /^(who|which|what)$/.test(w));
  if (wh < 0) return null;
  for (let i = wh + 1; i < Math.min(ws.length, wh + 7); i++) {
    const w = ws[i]!;
    if (AUXILIARY.test(w)) continue;
    if (finiteVerb(w)) return w;
  }
  return null;
}

/**
 * How well a name at word `at` (of `len` words) of a sentence stands in the role asked: the idf-weighted
 * share of the question's terms its clause holds (its predicate for a subject, what comes before it for
 * an object), with the page title's stems; 0 when the name is not in that part of a clause at all.
 */
export function roleReader(
  asked: string,
  role: AskedRole,
  concepts: readonly Concept[],
  /** Stems of the question's own words that say what kind of answer it wants ("company", "tennis star"): not looked for. */
  kindStems: ReadonlySet<string>,
): (ws: readonly string[], at: number, len: number, title?: ReadonlySet<string>) => number {
  const speechAsked = concepts.some((c) => SPEECH.test(c.surface));
  // "Who is the chancellor?", "Who will play Bond?": no verb in a tense asked, no role to read.
  const none = role === "subject" && subjectVerb(asked) === null;
  // "Who was named coach?", "Which company was sued …?": a passive's subject is asked.
  const passiveAsked = role === "subject" && passiveQuestion(asked);
  const terms: RoleTerm[] = concepts
    .filter((c) => !kindStems.has(c.stem))
    .map((c) => ({ stems: new Set([c.stem, ...c.related]), weight: c.idf }));
  const total = terms.reduce((s, t) => s + t.weight, 0);
  const share = (stems: ReadonlySet<string>, title?: ReadonlySet<string>) => {
    if (total <= 0) return 0;
    let got = 0;
    for (const t of terms) {
      for (const x of t.stems)
        if (stems.has(x) || title?.has(x)) {
          got += t.weight;
          break;
        }
    }
    return got / total;
  };
  const stemsOf = (ws: readonly string[], from: number, to: number) => {
    const out = new Set<string>();
    for (let i = Math.max(0, from); i < Math.min(ws.length, to); i++)
      for (const x of termStems(ws[i]!)) out.add(x);
    return out;
  };
  /** The words of the clause the name stands in the role asked of, [from, to); null when it stands in none. */
  const clauseOf = (ws: readonly string[], at: number, len: number): [number, number] | null => {
    if (role === "object") {
      // The name after its verb: the clause before it, to the clause's end.
      const start = clauseStart(ws, at);
      return start < at ? [start, clauseEnd(ws, at)] : null;
    }
    // A passive's agent: "… was won by Jane Roe".
    if (/^by$/i.test(bare(ws[at - 1] ?? "")) && !endsClause(ws[at - 2] ?? ",")) {
      const start = clauseStart(ws, at - 1);
      return start < at - 1 && participle(bare(ws[at - 2]!)) ? [start, at - 1] : null;
    }
    // A name after a preposition is no clause's subject ("The labors of Jane Roe have delayed …").
    // (Nor is one joined to such a name: "of Jane Roe and John Doe".)
    let b = at;
    while (/^(and|or|&)$/i.test(ws[b - 1] ?? "") && capitalised(ws[b - 2] ?? "") && !endsClause(ws[b - 2]!)) {
      b -= 2;
      while (b > 0 && capitalised(ws[b - 1]!) && !endsClause(ws[b - 1]!)) b--;
    }
    if (PREPOSITION.test(bare(ws[b - 1] ?? ""))) return null;
    let k = at + len;
    if (/,$/.test(ws[k - 1]!)) {
      // "Jane Roe, who won …, said": the relative clause is said of her.
      if (/^who$/i.test(ws[k] ?? "")) {
        const end = clauseEnd(ws, k + 1);
        return predicate(ws, k + 1, end) ? [k + 1, end] : null;
      }
      // A clause set off by commas after the name ("Jane Roe, 45, won"): its verb follows it.
      k = afterAside(ws, k);
      if (k < 0) return null;
    }
    // The name ends its clause ("…, said Jane Roe."): no subject of a verb after it.
    if (endsClause(ws[k - 1]!)) return null;
    // Other names joined to it ("Jamie Foxx and Hilary Swank have won").
    while (/^(and|&)$/i.test(ws[k] ?? "") && capitalised(ws[k + 1] ?? "")) {
      k++;
      while (k < ws.length && capitalised(ws[k]!) && !endsClause(ws[k - 1]!)) k++;
    }
    const end = clauseEnd(ws, k);
    return predicate(ws, k, end) ? [k, end] : null;
  };
  /**
   * Whether words [k, end) are a predicate stating what was done: a verb in a tense after auxiliaries
   * and adverbs, no modal or "to" before it or just after ("will win", "is favourite to win"), no verb
   * of saying (unless saying is asked).
   */
  const predicate = (ws: readonly string[], k: number, end: number): boolean => {
    let v = k;
    while (v < end - 1 && v - k < 4 && (AUXILIARY.test(bare(ws[v]!)) || /^\p{Ll}+ly$/u.test(ws[v]!))) v++;
    const w = bare(ws[v] ?? "");
    if (!w || (v === k && !finiteVerb(w))) return false;
    for (let i = k; i <= v; i++) if (NOT_A_FACT.test(bare(ws[i]!))) return false;
    if (SPEECH.test(w) && !speechAsked) return false;
    // The voice asked: "Who sacked …" wants the one who sacked, not one who "was sacked"; "Who was
    // named …" the one named.
    const passive = v > k && ws.slice(k, v).some((x) => BE.test(bare(x))) && participle(w);
    if (passive !== passiveAsked) return false;
    for (let i = v; i < Math.min(end - 1, v + 4); i++)
      if (/^to$/i.test(ws[i]!) && /^\p{Ll}+$/u.test(ws[i + 1]!) && !NOT_A_VERB.test(ws[i + 1]!)) return false;
    return true;
  };
  return (ws, at, len, title) => {
    if (none || total <= 0) return 0;
    const clause = clauseOf(ws, at, len);
    if (!clause) return 0;
    // The share of the question's terms the clause holds, its page's title with it (a title says
    // what each of its sentences is about), when the clause itself holds enough of them.
    const stems = stemsOf(ws, clause[0], clause[1]);
    return share(stems) >= CLAUSE_OWN ? share(stems, title) : 0;
  };
}

/**
 * The least share of the question's terms a name's clause must hold by itself (without its page's
 * title: "X returned to the Tonys" under a title naming the rest of the question is no role).
 * `npm run eval:qa`: 0.2 to 0.4 gain one answer, 0.5 none; over BBC News, 0.3 leads two more of our
 * own award questions with the winner than 0.4 does.
 */
const CLAUSE_OWN = 0.3;

/** Forms of "be" (before a participle: a passive). */
const BE = /^(is|are|was|were|be|been|being)$/i;

/** Whether a subject question asks in the passive: "Who was named …", "Which firm has been sued …". */
function passiveQuestion(asked: string): boolean {
  const ws = asked.split(/\s+/).map((w) => bare(w).toLowerCase());
  const wh = ws.findIndex((w) => /^(who|which|what)$/.test(w));
  if (wh < 0) return false;
  for (let i = wh + 1; i < Math.min(ws.length - 1, wh + 6); i++)
    if (BE.test(ws[i]!)) {
      let j = i + 1;
      while (j < ws.length && (BE.test(ws[j]!) || /ly$/.test(ws[j]!))) j++;
      return participle(ws[j] ?? "");
    }
  return false;
}

/** Whether a word is a past participle ("won", "bought", "recalled"), as a passive's before "by". */
function participle(w: string): boolean {
  return isIrregularPast(w.toLowerCase()) || (/ed$/.test(w) && finiteVerb(w.toLowerCase()));
}

/** Where the clause holding word `i` ends (exclusive). */
function clauseEnd(ws: readonly string[], i: number): number {
  for (let k = i; k < ws.length; k++) {
    if (k > i && opensClause(ws[k]!)) return k;
    if (endsClause(ws[k]!)) return k + 1;
  }
  return ws.length;
}

/** Where the clause holding word `i` starts. */
function clauseStart(ws: readonly string[], i: number): number {
  for (let k = i - 1; k >= 0; k--) {
    if (endsClause(ws[k]!)) return k + 1;
    if (opensClause(ws[k]!)) return k;
  }
  return 0;
}
