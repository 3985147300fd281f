/**
 * The names a question gives, and whether a sentence is about them: "How many jobs will Deutsche Bank
 * cut?" is not answered by "ABN Amro, the Netherlands' largest bank, is to cut 2,850 jobs", however
 * well that sentence fits the kind asked, when "Deutsche Bank said it would cut 1,920 jobs" is there
 * too. Retrieval (retrieval.ts) lets the best sentence naming what the question names lead over one
 * that doesn't.
 */
import { type Concept, type CorpusIndex, type Sentence, termStems } from "../search/index.ts";
import { CALENDAR_WORDS } from "../text/calendar.ts";
import { peopleWord } from "../text/wordnet.ts";

/**
 * How much of the best sentence's score a sentence naming more of the question's names (and holding an
 * answer of the kind asked) needs to lead instead.
 */
export const ENTITY_SHARE = 0.3;
/** The share of the best sentence's answer's fit (its kind, its nearness: questions.ts) that sentence's answer needs. */
export const ENTITY_FIT = 0.8;

/**
 * A name the question gives: its words as written ("Deutsche", "Bank"), weighted by its rarest word's;
 * `alone`, those of its words that name it by themselves (not words the articles also write in lower
 * case: "Deutsche" names "Deutsche Bank", "Cup" does not name "World Cup"). Absent: any of its words.
 */
export interface QuestionName {
  words: string[];
  weight: number;
  alone?: string[];
}

/**
 * Words that are capitalised in a question without naming anything the answer must be about (and the
 * weekdays and months: CALENDAR_WORDS).
 */
const NOT_NAMES =
  /^(what|which|who|whom|whose|when|where|why|how|the|a|an|in|on|at|of|for|and|or|is|are|was|were|do|does|did|has|have|had|will|would|can|could|this|that|these|those|day|week|new|according)$/i;
/** A people's or a language's word ("British", "American", "Jewish", "Chinese"), not one thing named. */
const DEMONYM = /^\p{Lu}\p{Ll}+(ans?|ish|ese|ic|is?)$/u;

/**
 * A sentence opening on a word that refers back to what the sentence before names ("It said …", "The
 * bank said …"): it is about what that sentence names.
 */
const REFERS_BACK =
  /^["“‘(]?(he|she|it|they|his|her|its|their|the (company|firm|bank|group|club|team|country|government|agency|carmaker|automaker|retailer|party|band|network|player|star|minister|president))\b/i;

/**
 * The names the question gives that are not the answer asked for: runs of capitalised words
 * ("Deutsche Bank", "Sarina Wiegman"), less question words and days, a people's word alone
 * ("British", "Brits", "Democrats"), and those of the noun phrase a "which" question asks about (`slot`: "California" in
 * "Which California city …", the answer's own kind, which an answer need not repeat); each weighted
 * by its rarest word's weight among the question's concepts (a word that is no concept counts not).
 */
export function questionNames(
  question: string,
  q: readonly Concept[],
  slot: readonly string[],
  capitalised: (word: string) => boolean,
  /** Words the articles also write in lower case mid-sentence ("cup", "bank"): common words. */
  common?: (word: string) => boolean,
): QuestionName[] {
  const idf = new Map(q.map((c) => [c.surface.toLowerCase(), c.idf]));
  const asked = new Set(slot.map((w) => w.toLowerCase()));
  const out: QuestionName[] = [];
  for (const m of question.matchAll(/\p{Lu}[\p{L}\p{N}'’.-]*(?:\s+\p{Lu}[\p{L}\p{N}'’.-]*)*/gu)) {
    // (A sentence's first word is a name only if the articles write it capitalised mid-sentence:
    // "Approximately how many …", "Head coach of …" are not.)
    const opens = m.index === 0 || /[.?!]["”’]?\s+$/u.test(question.slice(0, m.index));
    const words = m[0]
      .split(/\s+/)
      .filter((w, i) => i > 0 || !opens || capitalised(w))
      .map((w) => w.replace(/\b(\p{Lu})\./gu, "$1").replace(/['’]s$|[.'’-]+$/u, ""))
      .filter(
        (w) => w && !NOT_NAMES.test(w) && !CALENDAR_WORDS.has(w.toLowerCase()) && !asked.has(w.toLowerCase()),
      );
    if (words.length === 0 || (words.length === 1 && (DEMONYM.test(words[0]!) || peopleWord(words[0]!))))
      continue;
    const weight = Math.max(0, ...words.map((w) => idf.get(w.toLowerCase()) ?? 0));
    if (weight <= 0) continue;
    // (One common word of a longer name does not name it: "Cup" is no "World Cup", "Bank" no "Halder Bank".)
    const alone = common && words.length > 1 ? words.filter((w) => !/^\p{L}+$/u.test(w) || !common(w)) : null;
    out.push(alone ? { words, weight, alone } : { words, weight });
  }
  return out;
}

/**
 * Whether a text names one: writes one of its words that names it alone as the question does, the
 * whole name, or a longer one's initials ("UK" for "United Kingdom"; dots aside: "U.N." for "UN").
 */
function names(text: string, name: QuestionName): boolean {
  let pattern = PATTERNS.get(name);
  if (!pattern) {
    const literal = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const forms =
      name.words.length > 1
        ? [...(name.alone ?? name.words).map(literal), literal(name.words.map((w) => w[0]).join(""))]
        : name.words.map(literal);
    const alternatives = forms.join("|");
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, "u");
    PATTERNS.set(name, pattern);
  }
  const plain = text.replace(/\b(\p{Lu})\./gu, "$1");
  if (pattern.test(plain)) return true;
  // A name of common words only ("World Cup", "College Football Playoff National Championship"):
  // most of its words, in any case or form ("the College Football Playoff national championship").
  if (!name.alone || name.alone.length > 0) return false;
  const stems = new Set(termStems(plain));
  const own = name.words.flatMap((w) => termStems(w));
  const got = own.filter((x) => stems.has(x)).length;
  return (
    own.length > 0 && got >= Math.max(Math.min(2, own.length), Math.ceil(COMMON_NAME_SHARE * own.length))
  );
}

/** The share of a name of common words only a text must write to name it. */
const COMMON_NAME_SHARE = 0.6;

/** Each name's pattern, made once. */
const PATTERNS = new WeakMap<QuestionName, RegExp>();

/**
 * The share (by weight) of `list` a sentence is about: named in it, in its page's title or lead, or
 * in the sentence before when it opens on a word referring back ("It said …").
 */
export function namesCovered(index: CorpusIndex, s: Sentence, list: readonly QuestionName[]): number {
  let total = 0;
  let got = 0;
  let around: string[] | undefined;
  for (const n of list) {
    total += n.weight;
    if (names(s.text, n)) {
      got += n.weight;
      continue;
    }
    around ??= context(index, s);
    if (around.some((t) => names(t, n))) got += n.weight;
  }
  return total > 0 ? got / total : 1;
}

/** What ties a sentence to a name it doesn't give: its page's title and lead, the sentence before when it refers back. */
function context(index: CorpusIndex, s: Sentence): string[] {
  const out: string[] = [];
  const title = index.articles[s.article]?.title;
  if (title) out.push(title);
  const sents = index.sentences(s.article);
  if (s.position > 0 && sents[0]) out.push(sents[0].text);
  if (s.position > 1 && REFERS_BACK.test(s.text.trimStart())) {
    const before = sents[s.position - 1];
    if (before) out.push(before.text);
  }
  return out;
}

/**
 * The stems of the question's names that a sentence opening on a word referring back (REFERS_BACK: "She",
 * "It", "The company" …) refers to: those the sentence before names and this one does not ("Sarina
 * Wiegman took over in September." / "She led her native Netherlands to victory in 2017." is about
 * Wiegman; "Rosneft bought the unit." / "The company paid $9bn" about Rosneft). Retrieval counts them as
 * the sentence's own when it measures how much of the question it covers: the answer may sit in the
 * sentence after the one naming what the question asks about. `npm run eval:qa` beside 00455ec (with
 * answerKinds' national team): strict 187 → 189 (even 101 → 102, odd 86 → 87), confidently wrong 75
 * → 73 (even 29 → 28, odd 46 → 45), "don't say" on unanswerable 273 = 273; with personal pronouns
 * only, the even-numbered figures are the same and the odd-numbered unchanged from 00455ec. Letting the
 * sentence lift its neighbours' relevance too (retrieval.ts) lost one even-numbered answer: it does not.
 */
export function referredStems(
  sentence: Sentence,
  before: Sentence | undefined,
  list: readonly QuestionName[],
): string[] {
  if (!before || list.length === 0 || !REFERS_BACK.test(sentence.text.trimStart())) return [];
  const out: string[] = [];
  for (const n of list)
    if (!names(sentence.text, n) && names(before.text, n)) out.push(...n.words.flatMap((w) => termStems(w)));
  return out;
}

/**
 * The sentence that should lead instead of the best (`bestAt`) for naming what the question names: the
 * best-scoring one covering all of `list` (namesCovered) where the best does not, holding an answer of
 * the kind asked that fits ENTITY_FIT of the best's at least (`fitOf`: 0 = none of the kind asked),
 * scoring ENTITY_SHARE of the best's at least; -1 when the best covers them all, or none does.
 * `unnamed`: none does, and the best sentence is about none of the names (nor is any named anywhere
 * on its page): it answers about something else.
 */
export function namedEntityLead(
  index: CorpusIndex,
  list: readonly QuestionName[],
  sentences: readonly Sentence[],
  scores: readonly number[],
  bestAt: number,
  fitOf: (i: number) => number,
): { alt: number; unnamed: boolean } {
  if (list.length === 0) return { alt: -1, unnamed: false };
  const best = namesCovered(index, sentences[bestAt]!, list);
  if (best >= 1) return { alt: -1, unnamed: false };
  const minFit = Math.max(1e-9, ENTITY_FIT * fitOf(bestAt));
  let alt = -1;
  for (let i = 0; i < sentences.length; i++) {
    if (i === bestAt || scores[i]! < ENTITY_SHARE * scores[bestAt]!) continue;
    if (alt >= 0 && scores[i]! <= scores[alt]!) continue;
    if (fitOf(i) < minFit) continue;
    if (namesCovered(index, sentences[i]!, list) >= 1) alt = i;
  }

  if (alt >= 0 || best > 0) return { alt, unnamed: false };
  const page = index.sentences(sentences[bestAt]!.article);
  return { alt, unnamed: !page.some((s) => list.some((n) => names(s.text, n))) };
}
