/**
 * Retrieval: what a briefing, an answer or a digest story is built from. A topic or a question becomes
 * concepts; the index finds the articles matching enough of them; their sentences are scored
 * (relevance, readability, lead position, terms the articles share) and merged across sources into
 * candidates, best first. The extractive writer picks points from these, and the same retrieval is the
 * evidence handed to the LLM (citations.ts passagesFor).
 */
import {
  type ArticleHit,
  type Concept,
  type CorpusIndex,
  type Sentence,
  termStems,
} from "../search/index.ts";
import { isFurniture, opensOnRunOnLabel, withoutLeadingFurniture } from "../text/furniture.ts";
import { writesCapitalisedMidSentence, writesInLowerCase } from "../text/nameCase.ts";
import { isDemonym, isPlace } from "../text/places.ts";
import { stemSet } from "../text/similarity.ts";
import { otherVerbForms } from "../text/verbForms.ts";
import { isKindOf, LEX, lexFile, nounSenses, onlyCommonWord, peopleWord } from "../text/wordnet.ts";
import { genericNoun, NAME_SENSES } from "./answerKinds.ts";
import { widenByCountryName, widenByMeaning } from "./meaning.ts";
import { namedEntityLead, questionNames, referredStems } from "./namedEntity.ts";
import { type Candidate, mergeCandidates, readability, relevance, type Scored } from "./points.ts";
import {
  type AnswerSpan,
  analyzeQuestion,
  answerSpans,
  askedVerb,
  countedNoun,
  OTHER_KIND,
  typedAnswer,
} from "./questions.ts";
import { storyLends, topicStory } from "./topicStory.ts";

/** What a briefing is built from: the topic's concepts, the articles found, scored candidates. */
export interface TopicRetrieval {
  concepts: Concept[];
  /** The best-matching articles (where sources differ is read among them; the headline's title comes from them). */
  hits: ArticleHit[];
  /** The best-matching articles that tell the topic's story (topicStory.ts): points come from these. */
  story: ArticleHit[];
  /** Articles of `story` only near it: they lend only sentences naming the whole topic (topicStory.ts storyLends). */
  near: Set<number>;
  candidates: Candidate[];
}

/** What an answer is built from: the articles found for the question, scored candidates. */
export interface QuestionRetrieval {
  candidates: Candidate[];
  hits: ArticleHit[];
  /** When no sentence covers enough of the question: the one that comes closest, if any. */
  closest?: Candidate;
  /**
   * How well the best-scored sentence answers: its relevance, the fit of its best answer span, and the
   * votes for that answer (summed over the sentences and page titles giving it: 0 when it has none);
   * `other` when that answer is a name known to be of another kind than asked (answerSpans' `other`).
   */
  top?: { rq: number; fit: number; votes: number; other?: boolean };
  /**
   * An amount, day or place was asked and no sentence relevant enough holds one of that kind by its
   * form (answerSpans' `typed`): the best sentence is only the closest, no answer.
   */
  untyped?: boolean;
  /**
   * The question names something (namedEntity.ts) that the best sentence, its page's title and lead
   * do not name, nor any sentence holding an answer of the kind asked: the best answers about something else.
   */
  unnamed?: boolean;
  /** The answer the first candidate gives (normalised words, as answerSpans keys them), when it has one. */
  answerKey?: string;
  /**
   * The person the best sentence names by surname only ("Comer, who …"), in full as other sentences
   * name them ("Jodie Comer"), when just one full name ends in that surname.
   */
  named?: string;
}

/**
 * What an answer's retrieval looked at, stage by stage, when asked for (`npm run eval:qa -- --stages`
 * measures with it where a right answer is lost): filled in as retrieveQuestion goes.
 */
export interface QuestionTrace {
  /** It stopped before reading any sentence: a name no article uses, or most of the question absent. */
  stopped?: "unknown name" | "absent";
  /** The articles found. */
  hits?: readonly ArticleHit[];
  /** Their sentences covering a fifth of the question or more (with neighbours and title), each with that share. */
  considered?: { sentence: Sentence; rq: number }[];
  /** The share of the question a sentence needed to be kept. */
  minRelevance?: number;
  /** The sentences kept: relevant enough and readable. */
  kept?: Sentence[];
  /** Those read for answers (the most relevant, MAX_ANSWER_SENTENCES at most). */
  read?: Sentence[];
  /** Those, best first. */
  ranked?: Sentence[];
}

/** What a digest story is built from (digest.ts): its title, its articles, their scored lead sentences. */
export interface StoryRetrieval {
  title: string;
  members: number[];
  candidates: Candidate[];
}

const MAX_TOP_ARTICLES = 12;

/** What a sentence's place in its article adds: the lead most, then less and less. */
export function leadBonus(position: number): number {
  if (position === 0) return 1;
  if (position === 1) return 0.7;
  if (position === 2) return 0.5;
  return 0.3 / (1 + position / 8);
}

/** Concepts a topic must match: all of one or two, most of more. */
export function requiredMatches(n: number): number {
  return n <= 2 ? n : Math.ceil(n * 0.6);
}

/**
 * How many of `articles` use each stem (in their first `sentences` sentences): the terms a group of
 * articles shares, i.e. what its story is about beyond the words searched for.
 */
export function sharedStems(
  index: CorpusIndex,
  articles: readonly number[],
  sentences = Number.POSITIVE_INFINITY,
): Map<string, number> {
  const shared = new Map<string, number>();
  for (const a of articles) {
    const seen = new Set<string>();
    for (const s of index.sentences(a).slice(0, sentences)) for (const st of s.stems) seen.add(st);
    for (const st of seen) shared.set(st, (shared.get(st) ?? 0) + 1);
  }
  return shared;
}

/** Mean share of the `articles` articles that use each stem (sharedStems): 0 = none shares them. */
export function centrality(shared: Map<string, number>, articles: number, stems: Iterable<string>): number {
  let sum = 0;
  let n = 0;
  for (const st of stems) {
    sum += (shared.get(st) ?? 0) / articles;
    n++;
  }
  return n > 0 ? sum / n : 0;
}

/** A briefing's retrieval: articles matching most of the topic's concepts, their sentences scored. */
export function retrieveTopic(index: CorpusIndex, topic: string): TopicRetrieval {
  const concepts = index.concepts(topic);
  if (concepts.length === 0) return { concepts, hits: [], story: [], near: new Set(), candidates: [] };
  const required = requiredMatches(concepts.length);
  const hits = index.search(concepts, { limit: 60 }).filter((h) => h.matched.size >= required);
  if (hits.length === 0) return { concepts, hits, story: [], near: new Set(), candidates: [] };
  const best = hits[0]!.score;
  const pool = hits.filter((h) => h.score >= best * 0.15);
  const top = pool.slice(0, MAX_TOP_ARTICLES);
  // Points come from the articles telling the topic's story (topicStory.ts), the best of the pool: a
  // sentence of another story, even one naming every topic word ("Gallas believes they will battle it
  // out" on "williams battles"), is filler; a briefing stops short rather than pad with it.
  const found = topicStory(index, concepts, pool, required, MAX_TOP_ARTICLES);
  const story = found.hits;
  // Terms shared by the story's articles: what the story is about, beyond the query words.
  const shared = sharedStems(
    index,
    story.map((h) => h.index),
  );
  const scored: Scored[] = [];
  for (const h of story) {
    const articleWeight = 0.8 + 0.2 * (h.score / best);
    for (const s of index.sentences(h.index)) {
      const q = readability(s.text);
      if (q === 0) continue;
      if (!storyLends(found, concepts, s)) continue;
      const rel = relevance(s.stems, concepts);
      const central = centrality(shared, story.length, s.stems);
      let score = q * articleWeight * (rel + 0.35 * leadBonus(s.position) + 0.4 * central);
      if (rel === 0) score *= 0.4;
      scored.push({ sentence: s, score });
    }
  }
  scored.sort((a, b) => b.score - a.score);
  const candidates = mergeCandidates(
    index,
    scored.slice(0, 60),
    story.map((h) => h.index),
  );
  return { concepts, hits: top, story, near: found.near, candidates };
}

/** Answer scoring weights, tuned on the RealTimeQA dev set (npm run eval:qa; see src/engine/README.md). */
const FIT_BASE = 0.2; // a sentence without an answer of the kind asked keeps this much of its score
const RELEVANCE_POWER = 1.5;
const LEAD_WEIGHT = 0.2;
const NEIGHBOUR_WEIGHT = 0.3; // a neighbouring sentence's relevance, added
const CONTEXT_WEIGHT = 0.3; // concepts only in the sentence a quiz question opens on
const TITLE_WEIGHT = 0.3; // the page title's relevance, added to a relevant sentence's
const TITLE_VOTE = 2; // a page title's answer of the kind asked, as votes (times the title's relevance)
const VOTE_BASE = 0.3; // an answer no other sentence repeats keeps this much of its fit
/** How much of the best sentence's score a sentence holding an answer of the kind asked needs to lead. */
const TYPED_SHARE = 0.3;
/**
 * The share of the question's terms a name's clause holds for it to stand in the role asked
 * (questions.ts `role`, answerRoles.ts). `npm run eval:qa`: 0.5, 0.6 and 0.75 each gain one
 * even-numbered question (90 → 91 of 150), 0.9 none; on the odd-numbered, 0.5 and 0.6 lose one (86 →
 * 85, and one of "answer or points"), 0.75 none. ROLE_SHARE 0.3 or 0.5: the same figures.
 */
const ROLE_MIN = 0.75;
/** The share of the best sentence's answer's fit (its kind, its nearness: questions.ts) a name in the role asked needs. */
const ROLE_FIT = 0.8;
/** How much of the best sentence's score a sentence naming one in the role asked needs to lead. */
const ROLE_SHARE = 0.3;
/** The longest sentence an answer may lead with (a long sentence can hold the answer; it reads less well). */
const ANSWER_MAX_WORDS = 80;
/** What an answer's sentence with no final stop keeps of its readability (a point's keeps nothing). */
const UNSTOPPED_ANSWER = 0.6;
/** How many of the most relevant sentences an answer reads for spans of the kind asked. */
const MAX_ANSWER_SENTENCES = 60;
/** Share of a question's weight in words no article uses that makes it unanswerable here. */
const ABSENT_SHARE = 0.5;
/** A question asking for a measure with "how" and an adjective: the adjective. */
const HOW_MEASURE = /^\s*how\s+(long|old|far|big|large|high|tall|fast|often|deep|wide|heavy)\b/i;
/** Adverbs and -ed/-ing verb forms (by their ending). */
const MANNER = /^\p{Ll}{3,}(ly|ed|ing)$/u;
/** Words of a quiz-style question that set the scene but are not what an answer sentence repeats. */
const SCENE_WORDS = new Set(
  "week weeks recent recently currently today yesterday new latest accord reportedly name call titl first".split(
    " ",
  ),
);

/**
 * An answer's retrieval: articles matching the question (a follow-up without words of its own asks
 * about the thread's topic; the thread's context and last two turns weigh in a little), their
 * sentences that cover enough of the question (the clause that asks counts more than the context a
 * question opens on), scored, favouring a sentence holding an answer of the kind asked for
 * (questions.ts answerFit) near the question's terms.
 */
export function retrieveQuestion(
  index: CorpusIndex,
  question: string,
  opts: { context?: string; history?: string[]; now?: Date; trace?: QuestionTrace },
): QuestionRetrieval {
  const trace = opts.trace;
  const ctxText = [opts.context ?? "", ...(opts.history ?? []).slice(-2)].join(" ");
  const analysis = analyzeQuestion(question);
  // An irregular verb matches its other forms ("sell" → "sold", "fall" → "fell").
  const all = index.concepts(question, { question: true }).map((c) => {
    const forms = otherVerbForms(c.surface).filter((x) => !c.related.includes(x));
    return forms.length > 0 ? { ...c, related: [...c.related, ...forms] } : c;
  });
  // "How old", "how long", "how far": the adjective asks for a measure; an answer need not repeat it
  // ("dates back 1,700 years" answers "How old is the tomb?").
  const measure = HOW_MEASURE.exec(analysis.asked)?.[1]?.toLowerCase();
  const trimmed = all.filter((c) => !SCENE_WORDS.has(c.stem) && c.surface !== measure);
  const own = trimmed.length > 0 ? trimmed : all;
  // A follow-up with no words of its own ("How many are there?") asks about the thread's topic.
  let q = own.length > 0 ? own : index.concepts(opts.context ?? "", { question: true });
  if (q.length === 0) return { candidates: [], hits: [] };
  // The noun a "how many" question counts, when it only says that something is counted ("How many
  // people were killed?" over "killed eight"): where no article uses it, the rest of the question is
  // what a sentence must match, and a figure of the kind asked (answerSpans) what it must give.
  const counted = analysis.type === "quantity" ? countedNoun(analysis.asked)?.toLowerCase() : undefined;
  const unsaid = (c: Concept) => [c.stem, ...c.related].every((x) => index.docFreq(x) === 0);
  const uncounted = !!counted && q.length > 1 && genericNoun(counted);
  if (uncounted) q = q.filter((c) => c.surface !== counted || !unsaid(c));
  // (Then only a figure said to count what is asked answers: "killed eight", "eight dead", not "Smith, 58,".)
  const dropped = uncounted && !q.some((c) => c.surface === counted);
  // A name the question asks about that no article mentions ("How many did Narnia send?"): the
  // articles can't answer it, however much of the rest of the question they match.
  const named = new Set(
    [...question.matchAll(/(?<=\S\s+)\p{Lu}[\p{L}'’-]+/gu)].map((m) =>
      m[0].toLowerCase().replace(/['’]s$/, ""),
    ),
  );
  // A people's or language's name the articles give as the place's ("Botswanan" → "Botswana").
  q = q.map((c) => {
    if (!named.has(c.surface) || index.docFreq(c.stem) > 0) return c;
    const base = placeOfDemonym(c.surface).filter((x) => index.docFreq(x) > 0);
    return base.length > 0 ? { ...c, related: [...c.related, ...base] } : c;
  });
  // A country named as the articles don't name it ("United Kingdom" where they write "UK").
  q = widenByCountryName(index, question, q);
  const names = q.filter((c) => named.has(c.surface));
  // (A word for a kind of people, "Brits", "Democrats", names no one thing the articles must mention.)
  const unknown = names.filter(
    (c) => [c.stem, ...c.related].every((x) => index.docFreq(x) === 0) && !peopleWord(c.surface),
  );
  // (A question naming many things may spell one differently from the articles: only when it names few.)
  if (unknown.length > 0 && names.length <= 2) {
    if (trace) trace.stopped = "unknown name";
    return { candidates: [], hits: [] };
  }
  // Likewise when what the question asks about is mostly words no article uses ("How much will the
  // football stadium cost the council?" over articles about a dam): an answer about something else
  // is no answer.
  let verb: string | null | undefined;
  let absent = 0;
  let total = 0;
  for (const c of q) {
    total += c.idf;
    // Adverbs and verb forms ("approximately", "reclaimed", "holding") are how a quiz words it, not
    // what it asks about: only other words count as absent.
    if (MANNER.test(c.surface)) continue;
    if (![c.stem, ...c.related].every((x) => index.docFreq(x) === 0)) continue;
    // Nor is the verb it asks with ("How much does the student seek?" over "demands $175,000"): a
    // verb is worded many ways. (Read only for a word the articles lack: it loads the tagger.)
    verb ??= askedVerb(question);
    if (c.surface !== verb) absent += c.idf;
  }
  if (total > 0 && absent / total >= ABSENT_SHARE) {
    if (trace) trace.stopped = "absent";
    return { candidates: [], hits: [] };
  }
  // Matched by meaning too: the other words of each word's WordNet sense the articles use.
  q = widenByMeaning(index, question, q);
  const qStems = new Set(q.map((c) => c.stem));
  const askedStems = new Set(index.concepts(analysis.asked, { question: true }).map((c) => c.stem));
  const qWeights = new Map<string, number>();
  if (analysis.context) for (const c of q) if (!askedStems.has(c.stem)) qWeights.set(c.stem, CONTEXT_WEIGHT);
  const ctx = index.concepts(ctxText, { question: true }).filter((c) => !qStems.has(c.stem));
  const weights = new Map<string, number>(qWeights);
  for (const c of ctx) weights.set(c.stem, 0.35);
  const hits = index
    .search([...q, ...ctx], { limit: 40, weights })
    .filter((h) => q.some((c) => h.matched.has(c.stem)))
    .slice(0, MAX_TOP_ARTICLES);
  if (trace) trace.hits = hits;
  if (hits.length === 0) return { candidates: [], hits };
  const best = hits[0]!.score;
  const fresh = recency(index, hits, opts.now, RECENT_WORDS.test(question));
  const titleStems = new Map<number, ReadonlySet<string>>();
  const titleOf = (s: Sentence): ReadonlySet<string> | undefined => {
    let st = titleStems.get(s.article);
    if (!st) {
      st = stemSet(index.articles[s.article]?.title ?? "");
      titleStems.set(s.article, st);
    }
    return st;
  };
  const lowerCase = lowerCaseWords(index, hits);
  const qNames = questionNames(question, q, analysis.phrase, lowerCase.capitalised, lowerCase.has);
  const spansOf = answerSpans(analysis, question, q, lowerCase, titleOf);
  // Short questions need half their weight in a sentence; longer ones (quiz questions restate a lot)
  // a share of the best sentence's, never under a fifth.
  const rel: { s: Sentence; rq: number; quality: number; aw: number; fresh: number }[] = [];
  let bestRq = 0;
  for (const h of hits) {
    const aw = (0.85 + 0.15 * (h.score / best)) * fresh(h.index);
    const sents = index.sentences(h.index);
    const own = sents.map((s) => relevance(s.stems, q, qWeights));
    // A page whose title is about the question: its sentences are read in that light.
    const title = index.articles[h.index]?.title;
    const titleRel = title && TITLE_WEIGHT > 0 ? TITLE_WEIGHT * relevance(stemSet(title), q, qWeights) : 0;
    for (let i = 0; i < sents.length; i++) {
      const s = sents[i]!;
      // A sentence next to one about the question often holds its answer ("It debuted in 1995."):
      // its neighbours' relevance counts a little.
      const around = Math.max(own[i - 1] ?? 0, own[i + 1] ?? 0);
      // (A sentence opening on "She", "It", "The company" … is about what the sentence before names: the question's names
      // there count as its own, referredStems; as its neighbours' relevance, its own words only.)
      const referred = referredStems(s, sents[i - 1], qNames);
      const mine = referred.length > 0 ? relevance(new Set([...s.stems, ...referred]), q, qWeights) : own[i]!;
      const rq = Math.min(1, mine + NEIGHBOUR_WEIGHT * around + (mine > 0 ? titleRel : 0));
      if (rq < 0.2) continue;
      bestRq = Math.max(bestRq, rq);
      rel.push({ s, rq, quality: 0, aw, fresh: fresh(h.index) });
    }
  }
  const minRelevance = q.length <= 2 ? 0.5 : Math.max(0.2, Math.min(0.3, bestRq * 0.6));
  // Readability (the costlier test) only for the sentences relevant enough.
  const kept = rel.filter((x) => {
    if (x.rq < minRelevance) return false;
    // (An editor's note or a prompt to the reader is about the page, not the news; a question — a
    // quiz page repeating the one asked — answers nothing.)
    // (A sentence opening on a label whose text runs on into it, furniture.ts opensOnRunOnLabel, once the
    // labels of a known extent are dropped, is page furniture as shown: where the label ends cannot be
    // told. Another sentence that holds the answer is quoted; eval:qa unchanged.)
    x.quality =
      isFurniture(x.s.text) || ASKS.test(x.s.text) || opensOnRunOnLabel(withoutLeadingFurniture(x.s.text))
        ? 0
        : readability(x.s.text, ANSWER_MAX_WORDS, UNSTOPPED_ANSWER);
    return x.quality > 0;
  });
  if (trace) {
    trace.considered = rel.map((x) => ({ sentence: x.s, rq: x.rq }));
    trace.minRelevance = minRelevance;
    trace.kept = kept.map((x) => x.s);
  }
  if (kept.length === 0) {
    // Nothing answers: the sentence that comes closest (a third of the question at least), offered as such.
    let near: { s: Sentence; rq: number } | null = null;
    for (const h of hits)
      for (const s of index.sentences(h.index)) {
        const rq = relevance(s.stems, q, qWeights);
        if (
          rq >= 0.1 &&
          (!near || rq > near.rq) &&
          !ASKS.test(s.text) &&
          !opensOnRunOnLabel(withoutLeadingFurniture(s.text)) &&
          readability(s.text, undefined, UNSTOPPED_ANSWER) > 0
        )
          near = { s, rq };
      }
    const closest = near ? mergeCandidates(index, [{ sentence: near.s, score: near.rq }], [])[0] : undefined;
    return { candidates: [], hits, ...(closest ? { closest: clean(closest) } : {}) };
  }
  // Only the most relevant sentences are read for answers (bounds the work on a large corpus).
  kept.sort((a, b) => b.rq * b.quality - a.rq * a.quality);
  kept.length = Math.min(kept.length, MAX_ANSWER_SENTENCES);
  if (trace) trace.read = kept.map((x) => x.s);
  // Answer redundancy: an answer several relevant sentences give (across the articles) is likelier.
  const spans = kept.map((x) => spansOf(x.s));
  if (analysis.focus && (analysis.type === "organisation" || analysis.type === "named"))
    referents(
      index,
      kept.map((x) => x.s),
      spans,
      analysis.focus,
      spansOf,
    );
  if (analysis.type === "person" || analysis.type === "organisation")
    pronounReferents(
      index,
      kept.map((x) => x.s),
      spans,
      analysis.type,
      spansOf,
    );
  surnamesInFull(spans);
  if (analysis.type !== "person") peopleElsewhere(spans, analysis.type === "place");
  const votes = new Map<string, number>();
  kept.forEach((x, i) => {
    const seen = new Set<string>();
    for (const sp of spans[i]!) {
      if (!sp.key || seen.has(sp.key)) continue;
      seen.add(sp.key);
      votes.set(sp.key, (votes.get(sp.key) ?? 0) + x.rq * sp.fit * x.fresh);
    }
  });
  // A page's title naming an answer of the kind asked is a vote for it too (headlines name the news).
  for (const h of hits) {
    const text = index.articles[h.index]?.title;
    if (!text) continue;
    const seen = new Set<string>();
    const t: Sentence = { text, stems: stemSet(text), position: 0, total: 1, article: h.index };
    for (const sp of spansOf(t)) {
      if (!sp.key || seen.has(sp.key)) continue;
      seen.add(sp.key);
      votes.set(
        sp.key,
        (votes.get(sp.key) ?? 0) + TITLE_VOTE * relevance(t.stems, q, qWeights) * sp.fit * fresh(h.index),
      );
    }
  }
  shareWordVotes(votes);
  let topVote = 0;
  for (const v of votes.values()) topVote = Math.max(topVote, v);
  const answerKey = new Map<Sentence, string>();
  const fits: number[] = [];
  const scored: Scored[] = kept.map((x, i) => {
    let fit = 0;
    for (const sp of spans[i]!) {
      const support = sp.key && topVote > 0 ? (votes.get(sp.key) ?? 0) / topVote : 0.5;
      const f = Math.min(1, sp.fit) * (VOTE_BASE + (1 - VOTE_BASE) * support);
      if (f > fit && sp.key) answerKey.set(x.s, sp.key);
      fit = Math.max(fit, f);
    }
    const rc = ctx.length > 0 ? relevance(x.s.stems, ctx) : 0;
    fits[i] = fit;
    return {
      sentence: x.s,
      score:
        x.quality *
        x.aw *
        (FIT_BASE + fit) *
        (x.rq ** RELEVANCE_POWER + 0.3 * rc + LEAD_WEIGHT * leadBonus(x.s.position)),
    };
  });
  let bestAt = scored.reduce((b, x, i) => (x.score > scored[b]!.score ? i : b), 0);
  // The sentence chosen to lead over a better-scoring one (it holds an answer of the kind asked, or names
  // one in the role asked): it leads still after corroboration (below).
  let led: string | undefined;
  const leadWith = (alt: number): void => {
    scored[alt] = { ...scored[alt]!, score: scored[bestAt]!.score * (1 + 1e-9) };
    bestAt = alt;
    led = scored[alt]!.sentence.text;
  };
  // An amount, a day or a place asked: the best sentence holding one of that kind by its form leads,
  // when it scores near enough the best; else the answer is that the articles don't say.
  let untyped = false;
  const answers = (sp: AnswerSpan) => !!sp.typed && (!dropped || !!sp.counts);
  if (typedAnswer(analysis) && !spans[bestAt]!.some(answers)) {
    let alt = -1;
    scored.forEach((x, i) => {
      if (spans[i]!.some(answers) && (alt < 0 || x.score > scored[alt]!.score)) alt = i;
    });
    if (alt >= 0 && scored[alt]!.score >= TYPED_SHARE * scored[bestAt]!.score) {
      leadWith(alt);
    } else untyped = true;
  }
  // "Who won …", "Which company recalled …": the best sentence naming one in the role asked (its
  // clause holding the question's terms) leads, when it scores near enough the best; where none does,
  // the best stays.
  let roleLed = false;
  if (analysis.type === "person" || analysis.type === "organisation") {
    // (A name fitting the question much less than the best sentence's answer does, by its kind or
    // nearness, is no better an answer for its role: "Hammon" for "which team".)
    const bestFit = Math.max(0, ...spans[bestAt]!.map((sp) => sp.fit));
    const fitting = (sp: AnswerSpan) => sp.fit >= ROLE_FIT * bestFit;
    const roleAt = (i: number) => Math.max(0, ...spans[i]!.filter(fitting).map((sp) => sp.role ?? 0));
    if (roleAt(bestAt) < ROLE_MIN) {
      let alt = -1;
      scored.forEach((x, i) => {
        if (roleAt(i) >= ROLE_MIN && (alt < 0 || x.score > scored[alt]!.score)) alt = i;
      });
      if (alt >= 0 && scored[alt]!.score >= ROLE_SHARE * scored[bestAt]!.score) {
        leadWith(alt);
        roleLed = true;
        const sp = spans[alt]!.filter(fitting).reduce((b, x) => ((x.role ?? 0) > (b.role ?? 0) ? x : b));
        if (sp.key) answerKey.set(scored[alt]!.sentence, sp.key);
      }
    }
  }
  // A name the question gives ("How many jobs will Deutsche Bank cut?") that the best sentence does not
  // ("ABN Amro is to cut 2,850 jobs"), nor its page's title or lead, nor the sentence before it when it
  // opens on a pronoun: the best sentence naming it that holds an answer of the kind asked leads, when
  // it scores near enough the best (namedEntityLead).
  const entity = namedEntityLead(
    index,
    qNames,
    kept.map((x) => x.s),
    scored.map((x) => x.score),
    bestAt,
    (i) => (!typedAnswer(analysis) || spans[i]!.some(answers) ? fits[i]! : 0),
  );
  if (entity.alt >= 0) leadWith(entity.alt);
  // "Where …": a sentence placing it inside the place the best gives ("in Oslo, Norway" where the best
  // says "in Norway") answers more precisely, and agrees with it: it leads (finerPlace).
  if (typedAnswer(analysis) && analysis.type === "place") {
    const key = answerKey.get(kept[bestAt]!.s);
    const alt = key
      ? finerPlace(
          key,
          kept.map((x) => x.s),
          spans,
          scored.map((x) => x.score),
          bestAt,
        )
      : -1;
    if (alt >= 0 && scored[alt]!.score >= FINER_SHARE * scored[bestAt]!.score) {
      leadWith(alt);
      answerKey.set(scored[alt]!.sentence, finerKey(key!, kept[alt]!.s, spans[alt]!)!);
    }
  }
  // The best sentence's answer is of another class than asked ("Las Vegas" for "which festival"): the
  // best sentence giving a name that says it is of the kind asked ("… Harvest Festival") leads, when
  // it scores near enough the best (headed).
  const otherAt = (i: number) => {
    const k = answerKey.get(kept[i]!.s);
    const sp = spans[i]!.filter((x) => x.key === k);
    return sp.length > 0 && sp.every((x) => x.other);
  };
  if (otherAt(bestAt)) {
    let alt = -1;
    scored.forEach((x, i) => {
      if (spans[i]!.some((sp) => sp.headed && !sp.other) && (alt < 0 || x.score > scored[alt]!.score))
        alt = i;
    });
    if (alt >= 0 && scored[alt]!.score >= HEADED_SHARE * scored[bestAt]!.score) {
      leadWith(alt);
      const sp = spans[alt]!.filter((x) => x.headed && !x.other).reduce((b, x) => (x.fit > b.fit ? x : b));
      answerKey.set(scored[alt]!.sentence, sp.key);
    }
  }
  const bestKey = answerKey.get(kept[bestAt]!.s);
  // (The best sentence's answer is of another kind than asked wherever that sentence gives it.)
  const bestSpans = spans[bestAt]!.filter((sp) => sp.key === bestKey);
  const other = bestSpans.length > 0 && bestSpans.every((sp) => sp.other);
  const top = {
    rq: kept[bestAt]!.rq,
    fit: fits[bestAt]!,
    votes: bestKey ? (votes.get(bestKey) ?? 0) : 0,
    ...(other ? { other } : {}),
  };
  scored.sort((a, b) => b.score - a.score);
  if (trace) trace.ranked = scored.map((x) => x.sentence);
  const candidates = mergeCandidates(
    index,
    scored.slice(0, 30),
    hits.map((h) => h.index),
  );
  // (Corroboration may lift a sentence several pages repeat over the one chosen to lead: it leads still.)
  const ledAt = led === undefined ? -1 : candidates.findIndex((c) => c.text === led);
  if (ledAt > 0) candidates.unshift(...candidates.splice(ledAt, 1));
  const spansByText = new Map(kept.map((x, i) => [x.s.text, spans[i]!]));
  const keyByText = new Map([...answerKey].map(([st, k]) => [st.text, k]));
  inFull(candidates, keyByText, spansByText, roleLed && candidates[0]?.text === led);
  const inFullName =
    analysis.type === "person" ? nameInFull(candidates[0], keyByText, spans, kept) : undefined;
  const leadKey = candidates[0] ? keyByText.get(candidates[0].text) : undefined;
  // (A sentence answering by "The band …": the name it refers back to is shown first.)
  const referent = leadKey
    ? spansByText.get(candidates[0]!.text)?.find((sp) => sp.key === leadKey && sp.referent)?.referent
    : undefined;
  const namedFirst = inFullName ?? referent;
  return {
    candidates: candidates.map(clean),
    hits,
    top,
    ...(untyped ? { untyped } : {}),
    ...(entity.unnamed ? { unnamed: true } : {}),
    ...(leadKey ? { answerKey: leadKey } : {}),
    ...(namedFirst ? { named: namedFirst } : {}),
  };
}

/** The least fit the name "The band …" refers back to needs, read in its place, to answer. */
const REFERENT_FIT = 0.5;

/**
 * A sentence opening on "The" and the noun a "which NOUN" question asks about ("The band announced a
 * new tour …" for "Which band announced …"), giving no name of that kind itself, refers back to what
 * the sentence before names ("Blink-182 is coming to a city near you."): that name, the first of the
 * kind asked there (not of another class, not a common noun), is its answer, said of the kind asked
 * by the noun (`headed`), shown before it (`referent`). `npm run eval:qa` beside 00455ec (with the people
 * after a plural role of questions.ts, answerKinds' national team and namedEntity's `referredStems`):
 * strict 189 → 191 (even 102 → 103, odd 87 → 88: two questions over the same pages), confidently
 * wrong 73 → 71 (even 28 → 27, odd 45 → 44), "don't say" on unanswerable 273 = 273.
 */
function referents(
  index: CorpusIndex,
  sentences: readonly Sentence[],
  spans: AnswerSpan[][],
  focus: string,
  spansOf: (s: Sentence) => AnswerSpan[],
): void {
  const stem = termStems(focus)[0];
  if (!stem) return;
  sentences.forEach((s, i) => {
    const m = THE_NOUN.exec(s.text);
    if (!m || !termStems(m[1]!).includes(stem)) return;
    if (spans[i]!.some((sp) => !sp.other && sp.fit >= REFERENT_FIT)) return;
    const found = nameReferredTo(index, s, m[0].length - 1, spansOf);
    if (found) spans[i]!.push({ ...found.own, headed: true, referent: found.written });
  });
}

/**
 * The name a sentence's opening words (its first `opening` characters: "The band", "She") refer back
 * to: the first of the kind asked (not of another class, not a common noun) that the sentence before
 * gives, when the sentence read with it in their place answers (its span there fits REFERENT_FIT: near
 * the question's words, in the role asked); with that span.
 */
function nameReferredTo(
  index: CorpusIndex,
  s: Sentence,
  opening: number,
  spansOf: (s: Sentence) => AnswerSpan[],
  /** Whether the name written at `at` (lower case `key`) may be the one referred to (any, if absent). */
  accept?: (text: string, at: number, key: string) => boolean,
): { written: string; own: AnswerSpan } | undefined {
  const before = s.position > 0 ? index.sentences(s.article)[s.position - 1] : undefined;
  if (!before) return undefined;
  const lower = before.text.toLowerCase();
  let best: { sp: AnswerSpan; at: number } | undefined;
  for (const sp of spansOf(before)) {
    if (sp.other || sp.common) continue;
    const at = lower.indexOf(sp.key);
    // (A sentence's first word that is only a common word, "However they said …", names nothing.)
    if (at <= 1 && !sp.key.includes(" ") && onlyCommonWord(sp.key)) continue;
    if (accept && at >= 0 && !accept(before.text, at, sp.key)) continue;
    if (at >= 0 && (!best || at < best.at)) best = { sp, at };
  }
  if (!best) return undefined;
  const written = before.text.slice(best.at, best.at + best.sp.key.length);
  // (How well it answers, read with the name in the place of "The band …": its nearness to the
  // question's words, its role there.)
  const text = `${written}${s.text.slice(opening)}`;
  const own = spansOf({ ...s, text, stems: s.stems }).find((sp) => sp.key === best.sp.key);
  if (!own || own.other || own.fit < REFERENT_FIT) return undefined;
  return { written, own };
}

/**
 * Whether the name written at `at` in `text` (`key`, lower case) may be whom "He" or "She" refers to:
 * none of its words is first of all a group's (WordNet: "Department for Culture", "Labour"); it does
 * not only say what the person named next is ("Liberal Democrat leader Charles Kennedy": a person's
 * noun between it and the next name), nor whose the person is ("Tony Blair's official spokesman");
 * and it is not quoted (a speaker's words name others: "They have Josh Lewsey …" / "He insisted …").
 */
function personsName(text: string, at: number, key: string): boolean {
  if (key.split(/\s+/).some((w) => lexFile(w) === LEX.group)) return false;
  const after = text.slice(at + key.length);
  if (/^['’]s?\s/u.test(after)) return false;
  if (quotedAt(text, at)) return false;
  const m = /^((?:\s+\p{Ll}[\p{Ll}-]*){1,3})\s+\p{Lu}/u.exec(after);
  return !m || lexFile(m[1]!.trim().split(/\s+/).at(-1)!) !== LEX.person;
}

/** Whether `at` in `text` is inside a quotation (more quotes open before it than close). */
function quotedAt(text: string, at: number): boolean {
  const before = text.slice(0, at);
  const straight = (before.match(/"/g) ?? []).length;
  const open = (before.match(/“/g) ?? []).length;
  const close = (before.match(/”/g) ?? []).length;
  return straight % 2 === 1 || open > close;
}

/**
 * A sentence opening on words referring back to one of the kind asked (`opening`), and which of the
 * names before they may mean (`accept`): "He"/"She" a person's (personsName); "The company", "The
 * firm" … an organisation's, not a place's nor a people's word ("Spanish"). Not "It": as often a thing the sentence before names
 * with no name ("The deal …" / "It represented …", "the study" / "It showed …"), or not the first
 * company it names ("Sony is entering a market dominated by Nintendo." / "It launched its DS …"):
 * read so over single BBC articles, 3 of 5 "It" replies named the wrong one.
 */
const REFERS_BACK_TO: Readonly<
  Record<
    "person" | "organisation",
    { opening: RegExp; accept: (text: string, at: number, key: string) => boolean }
  >
> = {
  person: { opening: /^["“‘(]?(?:But\s+)?(?:he|she)\s/iu, accept: personsName },
  organisation: {
    opening:
      /^["“‘(]?(?:But\s+)?the\s+(?:company|firm|bank|group|club|team|carmaker|automaker|retailer|chain|party|band|network|agency|airline|broadcaster|publisher|studio|startup|manufacturer)\s/iu,
    accept: (text, at, key) => {
      const written = text.slice(at, at + key.length);
      return !isPlace(written) && !isDemonym(written) && !peopleWord(written);
    },
  },
};

/**
 * A sentence opening on a word referring back to one of the kind asked (`opening`, REFERS_BACK_TO:
 * "She led her native Netherlands to victory …" for "Who coached the Netherlands …?", after "Sarina
 * Wiegman took over in September.") that names no answer of that kind itself: the name the sentence
 * before gives (nameReferredTo) is its answer, shown before it as `referents`' are ("Sarina Wiegman —
 * She led …"). The cited sentence is unchanged. `npm run eval:qa` beside 82fdec5: every figure the
 * same, every even-numbered answer word for word (no RealTimeQA dev answer leads with such a sentence).
 * Asked over single BBC articles "Who VERB …?" / "Which company VERB …?" from the words of 178 sentences
 * opening on "He"/"She" and 15 on "The company"/"The firm"/"The bank"/"The group" (every third
 * article, from three offsets), 32 replies newly name whom they mean, each rightly by reading ("Charles Kennedy — He
 * preferred …", "Metrovias — The firm promised …"); the wrong ones seen on the way are what
 * REFERS_BACK_TO's `accept` and the test of the sentence before now leave out.
 */
function pronounReferents(
  index: CorpusIndex,
  sentences: readonly Sentence[],
  spans: AnswerSpan[][],
  type: "person" | "organisation",
  spansOf: (s: Sentence) => AnswerSpan[],
): void {
  const { opening, accept } = REFERS_BACK_TO[type];
  sentences.forEach((s, i) => {
    const m = opening.exec(s.text);
    if (!m) return;
    if (spans[i]!.some((sp) => !sp.other && !sp.common && sp.fit >= REFERENT_FIT)) return;
    // (The sentence before opening so too refers further back: "He told BBC Radio …" / "He clarified …".)
    const before = s.position > 0 ? index.sentences(s.article)[s.position - 1] : undefined;
    if (!before || opening.test(before.text)) return;
    const found = nameReferredTo(index, s, m[0].length - 1, spansOf, accept);
    if (found) spans[i]!.push({ ...found.own, referent: found.written });
  });
}

/** A sentence opening on "The" and a noun ("The band announced …"): the noun. */
const THE_NOUN = /^["“‘]?The\s+(\p{L}[\p{L}-]*)\s/u;

/**
 * How much of the best sentence's score a sentence giving a finer place needs to lead (the share the
 * other leads over the best take, TYPED_SHARE, ROLE_SHARE, ENTITY_SHARE). On the even-numbered
 * RealTimeQA questions the two such sentences found score 0.38 and 0.46 of the best; both answer right.
 */
const FINER_SHARE = 0.3;

/**
 * How much of the best sentence's score one giving a name of the kind asked by its head noun needs to
 * lead (as FINER_SHARE). The one such sentence on the even-numbered RealTimeQA questions scores 0.51
 * of the best, and answers right.
 */
const HEADED_SHARE = 0.3;

/**
 * The place a sentence gives inside `key`, written so ("Oslo, Norway" for "norway") and known so to
 * WordNet (a part of it: not "France, Norway and Sweden"), if any.
 */
function finerKey(key: string, s: Sentence, spans: readonly AnswerSpan[]): string | undefined {
  const text = s.text.toLowerCase();
  const within = nounSenses(key.replace(/\s+/g, "_"), NAME_SENSES);
  if (within.length === 0) return undefined;
  return spans.find(
    (sp) =>
      sp.typed &&
      sp.key &&
      sp.key !== key &&
      text.includes(`${sp.key}, ${key}`) &&
      isKindOf(sp.key.replace(/\s+/g, "_"), within, NAME_SENSES, true),
  )?.key;
}

/** The best-scoring sentence but the best giving a place inside the best's answer `key` ("Oslo, Norway"), or -1. */
function finerPlace(
  key: string,
  sentences: readonly Sentence[],
  spans: readonly (readonly AnswerSpan[])[],
  scores: readonly number[],
  bestAt: number,
): number {
  let alt = -1;
  sentences.forEach((s, i) => {
    if (i === bestAt || (alt >= 0 && scores[i]! <= scores[alt]!)) return;
    if (finerKey(key, s, spans[i]!)) alt = i;
  });
  return alt;
}

/** A candidate without page furniture at its start (the words it is cited for are unchanged). */
function clean(c: Candidate): Candidate {
  const text = withoutLeadingFurniture(c.text);
  return text === c.text ? c : { ...c, text };
}

/** Per article: the words asked about so far, and whether it writes each in lower case. */
const LOWER_CASE = new WeakMap<readonly Sentence[], Map<string, boolean>>();
/** Words remembered per article (then forgotten, all at once). */
const LOWER_CASE_MAX = 4096;

/**
 * Whether the retrieved articles write a word in lower case mid-sentence (for telling a sentence's
 * capitalised first word from a name), and whether they write it capitalised mid-sentence ("Elon Musk
 * said": a name, whatever WordNet says of "musk"): looked up only for the words asked about (a few
 * names per question), per article, remembered while its sentences stay cached.
 */
function lowerCaseWords(
  index: CorpusIndex,
  hits: readonly ArticleHit[],
): { has(word: string): boolean; capitalised(word: string): boolean } {
  const writes = (h: ArticleHit, word: string): boolean => {
    const sents = index.sentences(h.index);
    let known = LOWER_CASE.get(sents);
    if (!known) {
      known = new Map();
      LOWER_CASE.set(sents, known);
    }
    let yes = known.get(word);
    if (yes === undefined) {
      // (The key's case says which: "close" written in lower case, "Musk" written capitalised.)
      yes = sents.some((s) =>
        /^\p{Lu}/u.test(word) ? writesCapitalisedMidSentence(s.text, word) : writesInLowerCase(s.text, word),
      );
      if (known.size >= LOWER_CASE_MAX) known.clear();
      known.set(word, yes);
    }
    return yes;
  };
  return {
    has: (word) => hits.some((h) => writes(h, word.toLowerCase())),
    capitalised: (word) => /^\p{Lu}/u.test(word) && hits.some((h) => writes(h, word)),
  };
}

/**
 * The stems a demonym's place may be written with: "botswanan" → "botswana", "australian" →
 * "australia", "canadian" → "canada", "israeli" → "israel", "chinese" → "china", "kenyan" → "kenya".
 */
export function placeOfDemonym(word: string): string[] {
  const w = word.toLowerCase();
  const out: string[] = [];
  const add = (x: string) => {
    if (x.length >= 3) out.push(...termStems(x));
  };
  if (w.endsWith("ian")) {
    add(`${w.slice(0, -3)}ia`);
    add(`${w.slice(0, -3)}a`);
  }
  if (w.endsWith("an")) {
    add(w.slice(0, -1));
    add(w.slice(0, -2));
    add(`${w.slice(0, -2)}a`);
  }
  if (w.endsWith("ese")) {
    add(w.slice(0, -3));
    add(`${w.slice(0, -3)}a`);
  }
  if (w.endsWith("i")) add(w.slice(0, -1));
  if (w.endsWith("ish")) add(w.slice(0, -3));
  return [...new Set(out)];
}

/** Days over which an older report's weight halves, against the newest report found (RECENCY_FLOOR kept). */
const RECENCY_DAYS = 30;
const RECENCY_FLOOR = 0.3;
/** The same for a question about the latest news ("this week", "recently", "new"). */
const RECENT_DAYS = 30;
const RECENT_FLOOR = 0.15;
const RECENT_WORDS =
  /\b(this (week|weekend|month|year|season|summer|winter|spring|fall|morning)|recent(ly)?|latest|newly|new|now|currently|today|tonight|yesterday|just|past (week|weekend|few days|several days))\b/i;

/**
 * How much an article's answers count by its age: a question is asked about the news as of `now`
 * (the engine's clock), so the newest report found by then counts fully and older ones less (down to
 * RECENCY_FLOOR). Age is measured from the newest dated hit no later than `now`, so a corpus that is
 * all old (an archive) is ranked among itself; undated articles count fully.
 */
function recency(
  index: CorpusIndex,
  hits: readonly ArticleHit[],
  now: Date | undefined,
  recent: boolean,
): (article: number) => number {
  const floor = recent ? RECENT_FLOOR : RECENCY_FLOOR;
  const days = recent ? RECENT_DAYS : RECENCY_DAYS;
  const today = now ? Math.floor(now.getTime() / 86_400_000) : Number.POSITIVE_INFINITY;
  let ref = Number.NEGATIVE_INFINITY;
  for (const h of hits) {
    const d = index.day(h.index);
    if (Number.isFinite(d) && d <= today + 1) ref = Math.max(ref, d);
  }
  if (!Number.isFinite(ref)) return () => 1;
  return (a) => {
    const d = index.day(a);
    if (!Number.isFinite(d)) return 1;
    const age = Math.max(0, ref - d);
    return floor + (1 - floor) * 0.5 ** (age / days);
  };
}

/** A sentence that is itself a question (ends on its question mark, inside quotes or not). */
const ASKS = /\?["'”’)\]]*\s*$/;

/** How close (share of the best score) a sentence naming the answer in full must come to lead instead. */
const IN_FULL_SHARE = 0.6;

/**
 * The answer named in full: when the best sentence gives its answer only in part ("Hurts and the
 * Eagles agreed …") and a sentence nearly as good names it in full ("quarterback Jalen Hurts …"),
 * that one leads.
 */
function inFull(
  scored: Candidate[],
  answerKey: ReadonlyMap<string, string>,
  spans: ReadonlyMap<string, AnswerSpan[]>,
  /** Only the top sentence's answer key counts (its other one-word names are no answer: it leads for naming one in the role asked). */
  keyOnly = false,
): void {
  const top = scored[0];
  if (!top) return;
  // The top sentence's answers given by one word only ("Hurts"), the best first.
  const partial = new Set(
    keyOnly
      ? []
      : (spans.get(top.text) ?? [])
          .filter((sp) => sp.fit >= 0.3 && /^\p{L}+$/u.test(sp.key))
          .map((sp) => sp.key),
  );
  const best = answerKey.get(top.text);
  // A common noun answers in full ("elephants" for "which animal"): no name completes it.
  if (best && (spans.get(top.text) ?? []).some((sp) => sp.key === best && sp.common)) return;
  if (best && !/^\d/.test(best) && !best.includes(" ")) partial.add(best);
  if (partial.size === 0) return;
  for (let j = 1; j < Math.min(scored.length, 6); j++) {
    const c = scored[j]!;
    if (c.score < IN_FULL_SHARE * top.score) break;
    const full = (spans.get(c.text) ?? []).some((sp) => {
      const ws = sp.key.split(/\s+/);
      return ws.length >= 2 && ws.length <= 3 && sp.fit >= 0.5 && ws.some((w) => partial.has(w));
    });
    if (full) {
      scored.splice(j, 1);
      scored.unshift({ ...c, score: top.score });
      return;
    }
  }
}

/** Names of two or three words the answer spans give (no common nouns), lower-cased, by their last word. */
function fullNamesBySurname(spans: readonly (readonly AnswerSpan[])[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const ss of spans)
    for (const sp of ss) {
      const ws = sp.key.split(" ");
      if (ws.length < 2 || ws.length > 3 || sp.common) continue;
      const last = ws.at(-1)!;
      if (!out.has(last)) out.set(last, new Set());
      out.get(last)!.add(sp.key.toLowerCase());
    }
  return out;
}

/**
 * The person a sentence answers with by surname only, as the other sentences name them in full
 * ("Comer" → "Jodie Comer"), written as they write it; undefined unless exactly one full name (two or
 * three words) ends in that surname ("Biden" with "Joe Biden" and "Jill Biden" is left alone).
 */
function nameInFull(
  top: Candidate | undefined,
  answerKey: ReadonlyMap<string, string>,
  spans: readonly AnswerSpan[][],
  sentences: readonly { s: Sentence }[],
): string | undefined {
  const key = top ? answerKey.get(top.text) : undefined;
  if (!key || !/^\p{L}+$/u.test(key)) return undefined;
  const full = fullNamesBySurname(spans).get(key) ?? new Set<string>();
  if (full.size !== 1) return undefined;
  const name = [...full][0]!;
  for (const { s } of sentences) {
    const at = s.text.toLowerCase().indexOf(name);
    if (at >= 0) return s.text.slice(at, at + name.length);
  }
  return undefined;
}

/**
 * A one-word name that other sentences give as the last word of a longer one ("Comer …" and "Jodie
 * Comer"): a surname, no common word and no half answer, so it keeps its fit whole.
 */
function surnamesInFull(spans: AnswerSpan[][]): void {
  const last = fullNamesBySurname(spans);
  for (const ss of spans)
    for (const sp of ss)
      if (sp.lone && last.has(sp.key)) {
        sp.fit = Math.min(1, sp.fit / sp.lone);
        delete sp.lone;
      }
}

/**
 * A name another sentence gives after a title or a person's role ("Prime Minister Justin Trudeau"),
 * in full or by its last word ("Trudeau's days are numbered"), is a person's wherever it stands: of
 * another class than asked for no "who" question (answerSpans' `other`; its fit halved, as there,
 * unless a place is asked, where a name that is no place keeps less already).
 */
function peopleElsewhere(spans: AnswerSpan[][], place: boolean): void {
  const people = new Set<string>();
  for (const ss of spans) for (const sp of ss) if (sp.person) people.add(sp.key);
  if (people.size === 0) return;
  const surnames = new Set([...people].map((k) => k.split(/\s+/).at(-1)!).filter((w) => w.length > 2));
  for (const ss of spans)
    for (const sp of ss) {
      if (sp.other || sp.common || !(people.has(sp.key) || surnames.has(sp.key))) continue;
      sp.other = true;
      if (!place) sp.fit *= OTHER_KIND;
    }
}

/**
 * A name voted for in part ("Fiona" and "Hurricane Fiona", "Djokovic" and "Novak Djokovic"): each
 * word's votes (summed over the keys using it) count for every key holding that word.
 */
function shareWordVotes(votes: Map<string, number>): void {
  const byWord = new Map<string, number>();
  for (const [k, v] of votes)
    for (const w of new Set(k.split(/\s+/)))
      if (w.length > 2 && !/^\d/.test(w)) byWord.set(w, (byWord.get(w) ?? 0) + v);
  for (const [k, v] of votes) {
    let best = v;
    for (const w of k.split(/\s+/)) best = Math.max(best, byWord.get(w) ?? 0);
    votes.set(k, best);
  }
}
