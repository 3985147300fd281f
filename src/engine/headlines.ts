/**
 * A briefing's headline and a digest story's title made from its points (`headlineFrom`): the first that
 * reads as a complete short sentence, else the main point shortened as an editor shortens it
 * (`compactHeadline`: the cuts of src/summarize/compress.ts HEADLINE_CUTS, then what trails the main
 * clause, each kept only when what is left still reads whole). The readers of a clause and the flaws a
 * headline may have are in phrasing.ts.
 */
import { HEADLINE_CUTS } from "../summarize/compress.ts";
import { isPhotoCaption, withoutLeadingPageLabels } from "../text/furniture.ts";
import { stemSet } from "../text/similarity.ts";
import { finiteVerb, tag } from "../text/tagger.ts";
import {
  CLAUSE_BOUNDARY,
  CLAUSE_REACH,
  clauseVerb,
  DEPENDENT_OPENER,
  ENDS_OPEN,
  headlineFlaw,
  OPEN_RELATIVE,
  REPORTING,
  readsWhole,
  SHORT_HEADLINE_WORDS,
  SUBORDINATED,
  shorten,
  WHOLE_HEADLINE_WORDS,
  withoutDateline,
  withoutHeadLabel,
  withoutInsertions,
} from "./phrasing.ts";

/**
 * Where a clause of time, reason or concession, a means ("by donating …") or a second clause ("… and
 * it caused …", "… and that …") begins after the main clause, with no comma ("… was killed on Monday as
 * she responded to a call", "… when he will warn …"): a headline can end before it.
 */
const SUBORDINATE_START =
  /(?<!\b(?:such|same|well|known|so|just|soon|long|much|far|even|only|as|than|the|a|is|was|be|been|seen|used|served|acts?|acted|regarded|described|named|identified)|\bas\s+\S+)\s(?=(?:(?:when|since|though|although|whereas|even as|even though|as soon as)\s+(?:the|he|she|it|they|we|his|her|its|their|police|officials|authorities|\p{Lu})|as\s+(?:he|she|it|they|we)\s|by\s+\p{L}+ing\s|and\s+(?:that|it|he|she|they|we)\s))/gu;

/**
 * Where a second verb of the same subject begins ("… bought the rifle a week ago and had even scheduled
 * a class …", "… ignored the warning and marched aboard"): "and" or "but" and a finite verb (the tagger's).
 */
function coordinatedVerbs(t: string): number[] {
  const tagged = tag(t);
  const out: number[] = [];
  for (let i = 1; i + 1 < tagged.value.length; i++) {
    if (!/^(?:and|but)$/i.test(tagged.value[i]!) || tagged.start[i]! < 0) continue;
    // Not two modifiers ("in emerging and developed markets").
    const prev = tagged.pos[i - 1]!;
    if (prev === "ADJ" || prev === "DET" || prev === "ADP" || /ing$/i.test(tagged.value[i - 1]!)) continue;
    const next = tagged.pos[i + 1] === "ADV" ? i + 2 : i + 1;
    if (next < tagged.value.length && finiteVerb(tagged, next)) out.push(tagged.start[i]! - 1);
  }
  return out;
}

/** An object pronoun or "there": a word that points back at something named before it. */
const POINTS_BACK = /\b(?:him|her|them|it|there)\b/i;

/**
 * Where the main clause's second predicate begins (the offset of its "and"/"but"): the main verb (the
 * sentence's first finite verb), then "and" or "but" and a finite verb, with no comma (but one just before
 * the conjunction), no clause opener and no other verb between ("… broke with the council and rejected
 * …", "… denied the report, but said …"). What it says is often the news, so a cut keeps it. Also the
 * sentence with only that predicate after its subject ("The mayor said …"), when the verb is finite on its
 * own (not "will meet and sign") and the subject has no comma; null when there is none.
 */
function secondPredicate(
  t: string,
): { at: number; verbAt: number; alone: string | null; aloneAt: number } | null {
  const tagged = tag(t);
  const main = tagged.pos.findIndex((_, i) => finiteVerb(tagged, i));
  if (main < 1) return null;
  for (let i = main + 1; i + 1 < tagged.value.length; i++) {
    const w = tagged.value[i]!;
    if (/^(?:and|but)$/i.test(w)) {
      const next = tagged.pos[i + 1] === "ADV" ? i + 2 : i + 1;
      if (next >= tagged.value.length || !finiteVerb(tagged, next) || tagged.start[i]! < 0) return null;
      const inflected =
        tagged.pos[next] === "AUX" || tagged.value[next]!.toLowerCase() !== tagged.lemma[next];
      const subject = t.slice(0, tagged.start[main]).trim();
      // Not when the predicate points back at what the first one named ("… and made no threats
      // against him").
      const rest = t.slice(tagged.start[next]);
      const alone =
        inflected && subject && !/[,;:()"“”]/.test(subject) && !POINTS_BACK.test(rest)
          ? `${subject} ${rest}`
          : null;
      return { at: tagged.start[i]! - 1, verbAt: tagged.start[main]!, alone, aloneAt: subject.length };
    }
    if (w === "," && /^(?:and|but)$/i.test(tagged.value[i + 1]!)) continue;
    if (/^[,;:()"“”–—-]$/.test(w) || SUBORDINATOR.test(w) || finiteVerb(tagged, i)) return null;
  }
  return null;
}

/** Words that open a clause which needs its own verb ("… and while the president traveled"). */
const SUBORDINATOR =
  /^(?:while|when|whenever|as|because|if|although|though|since|after|before|until|unless|whether|that|who|which|whom|whose|where)$/i;

/**
 * Whether a sentence cut short still has its main verb, and no clause left without one: a finite verb
 * (the tagger's) that is neither an infinitive's ("to have carried") nor a participle after a noun ("The
 * man believed to have …", "… the teams supported by …"; not "The board voted to close …"), and a verb after the last word that opens a clause
 * ("… and while the president and first lady" has none). A verb of saying or knowing before a cut
 * "that" keeps its clause ("told a conference in Munich | that …" is no cut).
 */
function hasMainVerb(c: string): boolean {
  const t = tag(c);
  let main = false;
  let lastOpener = -1;
  for (let i = 0; i < t.value.length; i++) {
    // A conjunction that opens a clause (the tagger's SCONJ: "while", "because", not "before the
    // wreck") or a relative pronoun.
    if (
      SUBORDINATOR.test(t.value[i]!) &&
      (t.pos[i] === "SCONJ" || /^(?:who|whom|whose|which)$/i.test(t.value[i]!))
    )
      lastOpener = i;
    if (!clauseVerb(t, i)) continue;
    const infinitive =
      /^to$/i.test(t.value[i - 1] ?? "") || (t.pos[i - 1] === "AUX" && /^to$/i.test(t.value[i - 2] ?? ""));
    const reduced =
      t.pos[i] === "VERB" &&
      /(?:ed|en|wn)$/i.test(t.value[i]!) &&
      ["NOUN", "PROPN"].includes(t.pos[i - 1] ?? "") &&
      (/^by$/i.test(t.value[i + 1] ?? "") ||
        (/^to$/i.test(t.value[i + 1] ?? "") && /^(?:be|have)$/i.test(t.value[i + 2] ?? "")));
    if (!infinitive && !reduced) main = true;
  }
  if (!main) return false;
  if (lastOpener >= 0 && !t.pos.slice(lastOpener + 1).some((_, k) => finiteVerb(t, lastOpener + 1 + k)))
    return false;
  return true;
}

/** Words a second predicate cut where a noun's modifier begins keeps at least, its "and" included. */
const MIN_PREDICATE_WORDS = 6;

/** Words a sentence cut where a noun's modifier begins keeps at least: its main point, not its opening. */
const MIN_PHRASE_CUT_WORDS = 10;

/** Prepositions that open a phrase modifying the noun before them (not "of": "the leader | of …" says little). */
const NOUN_PREPOSITION =
  /^(?:in|on|at|for|from|with|during|amid|after|before|over|under|across|near|since|into|about|against|between|beyond|outside|inside|following|including)$/i;

/**
 * Where a phrase modifying the noun before it begins, with no comma (the tagger's): a relative clause
 * ("… a hearing that served …"), a participle ("… a bill recently introduced in …", "… a claim seeking
 * …"), an infinitive ("… tests to monitor …") or a prepositional phrase ("… a panel in one of …").
 * Character offsets, in order.
 */
function nounModifierStarts(t: string): number[] {
  const tagged = tag(t);
  const out: number[] = [];
  const nounish = (k: number) => ["NOUN", "PROPN"].includes(tagged.pos[k] ?? "");
  for (let i = 2; i < tagged.value.length; i++) {
    const w = tagged.value[i]!;
    const at = tagged.start[i]!;
    if (at < 0) continue;
    // "recently introduced": an adverb before the participle.
    const prev = tagged.pos[i - 1] === "ADV" && nounish(i - 2) ? i - 2 : i - 1;
    if (!nounish(prev)) continue;
    const next = tagged.value[i + 1] ?? "";
    // "that" after a verb of saying or knowing and its object ("told a conference in Munich that …")
    // opens what was said.
    const said = tagged.value
      .slice(0, i)
      .some((v) => REPORTING.test(v) || /^(?:tell|tells|told|revealed|showed|shows|found|learned)$/i.test(v));
    const relative = /^(?:who|which|whose|where)$/i.test(w) || (/^that$/i.test(w) && !said);
    // Not "had his passport canceled": what was had or got done.
    const causative = tagged.value
      .slice(Math.max(0, prev - 3), prev)
      .some((v) => /^(?:had|has|have|got|gets|get)$/i.test(v));
    // A past participle after a common noun only: after a name it is the name's verb ("Vanilla Ice
    // revealed in an interview …").
    const participle =
      !causative &&
      tagged.pos[i] === "VERB" &&
      (/ing$/i.test(w) ||
        (/(?:ed|en|wn)$/i.test(w) &&
          tagged.pos[prev] === "NOUN" &&
          /^(?:by|in|on|at|from|to|for|with|during|after|as)$/i.test(next)));
    const infinitive = /^to$/i.test(w) && tagged.pos[i + 1] === "VERB";
    const phrase = tagged.pos[i] === "ADP" && NOUN_PREPOSITION.test(w);
    if (relative || participle || infinitive || phrase) out.push(tagged.start[prev + 1]! - 1);
  }
  return out;
}

/**
 * A last word a cut headline never ends on: a saying verb, its speaker cut off ("…, say"), or a word
 * that needs more after it beyond ENDS_OPEN's ("… about the crash, in", "… in exchange").
 */
const ENDS_CUT_OPEN =
  /(?<![\p{L}'’-])(?:say|says|said|told|tells|according|in|on|at|by|as|over|under|after|before|since|until|while|because|if|when|where|is|are|was|were|be|been|being|has|have|had|will|would|can|could|should|may|might|must|very|more|most|less|such|so|not|in (?:exchange|response|addition|connection|charge|favou?r|front|spite|terms|search|hono?r|memory|place|lieu|light|view|case|need|touch|line|protest|support|return))$/iu;

/** A phrase of place or time ending a sentence, with no verb or clause in it ("… in southern France"). */
const TRAILING_PHRASE =
  /\s(?:in|at|near|outside|inside|across|throughout|during|since)\s(?:(?!(?:in|at|on|near|from|for|to|that|which|who|when|where|but|is|are|was|were|has|have|had)\s)[^\s,;:()"“”]+\s){0,6}[^\s,;:()"“”]+$/iu;

/**
 * A headline from point texts, the main one first (page furniture and datelines dropped): the first
 * text that reads as a complete short sentence (headlineFlaw: none, at most SHORT_HEADLINE_WORDS), whole
 * or cut at a clause; else the first that reads whole at any length up to WHOLE_HEADLINE_WORDS; else, as
 * before, the first text that reads whole or cut at a clause when not too long, or the first text cut.
 */
export function headlineFrom(texts: readonly string[], maxWords = 16): string {
  // A photo's caption ("File - in this undated photo …") heads nothing while another text can.
  const uncaptioned = texts.filter((t) => !isPhotoCaption(t));
  const plain = (uncaptioned.length > 0 ? uncaptioned : texts).map((t) =>
    withoutDateline(withoutHeadLabel(withoutDateline(withoutLeadingPageLabels(t)))),
  );
  const whole = (t: string): string | null => {
    const h = shorten(t, maxWords);
    if (!h.endsWith("…")) return h;
    return words(t) <= WHOLE_HEADLINE_WORDS ? shorten(t, WHOLE_HEADLINE_WORDS) : null;
  };
  const heads = plain.map(whole);
  // Another text takes the place of a main one that would head with a flaw only when it still tells
  // the main one's story: two content words in common (one too long to head moves on as before).
  const main = stemSet(plain[0] ?? "");
  const related = (t: string) => !heads[0] || [...stemSet(t)].filter((x) => main.has(x)).length >= 2;
  for (let i = 0; i < heads.length; i++) {
    const h = heads[i];
    if (!h || headlineFlaw(h) || (i > 0 && !related(plain[i]!))) continue;
    if (words(h) <= SHORT_HEADLINE_WORDS) return h;
    // Long but whole: shortened as an editor would (compactHeadline), when it still reads whole.
    const compact = compactHeadline(plain[i]!, SHORT_HEADLINE_WORDS);
    if (compact) return compact;
    // Long but whole: cut shorter at a clause when that clause reads whole too.
    const short = shorten(plain[i]!, SHORT_HEADLINE_WORDS - CLAUSE_REACH);
    return words(short) <= SHORT_HEADLINE_WORDS && !headlineFlaw(short) ? short : h;
  }
  // No text reads whole and short: the main one shortened as an editor would, rather than cut with "…".
  const compact = plain[0] ? compactHeadline(plain[0], SHORT_HEADLINE_WORDS) : null;
  if (compact) return compact;
  for (const h of heads) if (h) return h;
  return shorten(plain[0] ?? "", maxWords);
}

/** How many words a text has (split at spaces). */
function words(text: string): number {
  return text.split(/\s+/).length;
}

/** Spaces and punctuation a cut leaves at its end (", " before "which …"). */
const CUT_END = /[\s,;:–—-]+$/u;

/** Most words a sentence may have and still be shortened into a headline (compactHeadline). */
const COMPACT_MAX_WORDS = 80;

/** Whether a headline opens on its verb (a subject left off: "Was named …", "Says …"). */
function opensOnVerb(h: string): boolean {
  const t = tag(h);
  return (t.pos[0] === "VERB" || t.pos[0] === "AUX") && !/(?:ing|ed)$/i.test(t.value[0]!);
}

/**
 * Whether a sentence opens on a clause or phrase that hangs on what follows ("After the vote, …", "Four
 * years after Act 10 passed, …").
 */
function opensDependent(t: string): boolean {
  if (DEPENDENT_OPENER.test(t)) return true;
  // "Four years after …", not "The ferry sank while …": no verb before the subordinating word.
  const m = SUBORDINATED.exec(t);
  if (!m) return false;
  const before = tag(m[0].trim().replace(/\s+\S+$/, ""));
  return !before.pos.some((_, i) => finiteVerb(before, i));
}

/**
 * A sentence too long for a headline shortened the way an editor shortens it, keeping its main clause:
 * without a bracketed aside, a trailing attribution (", police said on Tuesday"), an "According to …"
 * before it, the day it happened, an aside after a name (", who …,", ", 37,", an apposition), a time or
 * place phrase before the subject ("On Tuesday, …"), a leading "But", and last what trails the main
 * clause after a comma or dash (", leaving …", ", which …"), cut at the latest boundary that fits, but
 * never before the main clause's second predicate ("… and rejected …") while a cut elsewhere keeps it
 * (secondPredicate), then a phrase inside the subject ("The statement | by the ministry | offered …").
 * Each cut (src/summarize/compress.ts HEADLINE_CUTS) is kept only when what is left still reads as a
 * complete sentence: a subject and a finite verb, no flaw (headlineFlaw), its last part a clause
 * (readsWhole), not opening on a dependent phrase unless the sentence did. Cuts stop as soon as it has
 * at most `maxWords` words; null when it never does.
 */
export function compactHeadline(text: string, maxWords: number): string | null {
  const bare = (s: string) => shorten(s, Number.MAX_SAFE_INTEGER);
  const start = text.trim();
  // A sentence of more than COMPACT_MAX_WORDS is a page's run-on text, not a point to shorten.
  if (words(bare(start)) <= maxWords || words(start) > COMPACT_MAX_WORDS) return null;
  // What makes a headline read whole, each checked on the sentence before and after a cut: a cut may
  // not break what held before it (a sentence whose tail is no clause, ", a rare move by …", may still
  // lose a day), and what is left at the end must hold all of them. A verb before the first comma too: a
  // cut that leaves a list or a subject's apposition there ("While the teams had stars such as A, B and
  // C, to name a few, …" → "B and C, to name a few, …") reads no better.
  const verbFirst = (s: string) => {
    const t = tag(s.split(/,\s/)[0]!);
    return t.pos.some((_, i) => clauseVerb(t, i));
  };
  const checks = (s: string): boolean[] => {
    const h = bare(s);
    return [
      words(h) >= 6,
      !headlineFlaw(h),
      readsWhole(h),
      !opensOnVerb(h),
      verbFirst(h),
      !opensDependent(h),
      hasMainVerb(h),
    ];
  };
  const reads = (before: string, after: string): boolean => {
    if (after === before) return false;
    const was = checks(before);
    return checks(after).every((ok, k) => ok || !was[k]);
  };
  const cuts: readonly ((s: string) => string[])[] = [
    ...HEADLINE_CUTS.slice(0, 4),
    (s) => [withoutInsertions(s)],
    ...HEADLINE_CUTS.slice(4),
  ];
  let t = start;
  for (const cut of cuts) {
    while (words(bare(t)) > maxWords) {
      const next = cut(t)
        .map((c) => c.replace(/^\p{Ll}/u, (x) => x.toUpperCase()))
        .find((c) => reads(t, c));
      if (!next) break;
      t = next;
    }
  }
  // A bracketed aside or an attribution goes whenever it can, even once the rest fits.
  for (const cut of HEADLINE_CUTS.slice(0, 3)) {
    const next = cut(t).find((c) => reads(t, c));
    if (next) t = next;
  }
  // A phrase of place or time at the end ("… in the French Alps", "… in 1991"), one at a time
  // from the end, while what is left still reads whole.
  while (words(bare(t)) > maxWords) {
    const m = TRAILING_PHRASE.exec(bare(t));
    if (!m) break;
    const c = bare(t).slice(0, m.index);
    // Not what a verb needs after it ("was preserved in amber", "placed in …").
    const before = tag(c);
    if (before.pos.at(-1) === "VERB" || words(c) < 8 || ENDS_CUT_OPEN.test(c) || !reads(t, c)) break;
    t = c;
  }
  // What trails the main clause: cut at the latest boundary that leaves at most maxWords words.
  const trailingCut = (s: string, from: number): string | undefined =>
    [
      ...[...s.matchAll(CLAUSE_BOUNDARY), ...s.matchAll(SUBORDINATE_START)].map((m) => m.index),
      ...coordinatedVerbs(s),
    ]
      .filter((at) => at > from)
      .sort((a, b) => a - b)
      .map((at) => s.slice(0, at).replace(CUT_END, ""))
      .filter(
        (c) =>
          words(c) <= maxWords &&
          c.length >= 30 &&
          !ENDS_OPEN.test(c) &&
          !OPEN_RELATIVE.test(c) &&
          !ENDS_CUT_OPEN.test(c),
      )
      .reverse()
      .find((c) => reads(s, c));
  // Still too long: the sentence ends where a phrase that modifies a noun begins ("… at a hearing |
  // that served as …", "… a bill introduced in the Senate | allowing …", "… tests | to monitor …",
  // "… a committee panel | in one of …"), at the latest such place that leaves a sentence that fits.
  const modifierCut = (s: string, from: number): string | undefined => {
    const b = bare(s);
    return nounModifierStarts(b)
      .filter((at) => at > from)
      .map((at) => b.slice(0, at).replace(CUT_END, ""))
      .filter((c) => words(c) <= maxWords && words(c) >= MIN_PHRASE_CUT_WORDS && !ENDS_CUT_OPEN.test(c))
      .reverse()
      .find((c) => reads(s, c));
  };
  // A noun's modifier inside the subject, up to the main verb ("The statement | released by the port
  // authority | offered no details on …"): the news, after the verb, stays whole.
  const subjectModifierCut = (s: string): string | undefined => {
    const b = bare(s);
    const tagged = tag(b);
    for (let m = 1; m < tagged.value.length; m++) {
      // The modifier is a phrase with no verb of its own ("by the foreign ministry", "with boats"), or a
      // participle with its agent ("released by the port authority"), up to the verb; no name in it
      // (which war, whose aide: "The war in Ruritania" is the news).
      const agent =
        tagged.pos[m] === "VERB" && /ed$/i.test(tagged.value[m]!) && /^by$/i.test(tagged.value[m + 1] ?? "");
      if (!agent && finiteVerb(tagged, m)) break;
      if (!["NOUN", "PROPN"].includes(tagged.pos[m - 1]!) || tagged.start[m]! < 0) continue;
      if (!agent && (tagged.pos[m] !== "ADP" || /^of$/i.test(tagged.value[m]!))) continue;
      let v = m + 1;
      while (v < tagged.value.length && !finiteVerb(tagged, v)) v++;
      if (v >= tagged.value.length) break;
      const span = tagged.value.slice(m + 1, v);
      const clause = span.some(
        (w, k) =>
          ["VERB", "AUX", "SCONJ", "PRON", "PART", "PROPN"].includes(tagged.pos[m + 1 + k]!) ||
          /^(?:that|who|which|whom|whose|to|when|where|while|as|because|if|[,;:()"“”–—-])$/i.test(w),
      );
      if (clause) continue;
      const c = `${b.slice(0, tagged.start[m]).trimEnd()} ${b.slice(tagged.start[v])}`.replace(
        /[\s,;:–—-]+$/u,
        "",
      );
      if (words(c) <= maxWords && reads(s, c) && checks(c).every(Boolean)) return c;
    }
    return undefined;
  };
  // A second predicate of the main clause ("… met the unions and said the strike would end …") is
  // kept: cuts come after it. When none fits, the subject with that predicate alone ("The mayor said
  // the strike would end …"), cut the same way; only then a cut anywhere.
  const second = words(bare(t)) > maxWords ? secondPredicate(t) : null;
  const whole = (s: string) => words(bare(s)) <= maxWords && checks(s).every(Boolean);
  const keep = (s: string, from: number): string | undefined => {
    let c = whole(s) ? s : (trailingCut(s, from) ?? s);
    // A noun's modifier cut inside the second predicate only when it still says something ("… and
    // asked the harbour board" does not).
    const m = whole(c) ? undefined : modifierCut(c, from);
    if (m && words(m.slice(from).trim()) >= MIN_PREDICATE_WORDS) c = m;
    return whole(c) ? c : undefined;
  };
  // Elsewhere: a noun's modifier in the first predicate, up to the conjunction ("… repaired the lamp |
  // of the old tower on the cape | and asked …").
  const inFirst = (s: string, p: { at: number; verbAt: number }): string | undefined => {
    for (const at of nounModifierStarts(s).reverse()) {
      if (at >= p.at || at <= p.verbAt) continue;
      const head = s.slice(0, at).replace(CUT_END, "");
      const c = head + s.slice(p.at);
      if (words(head) < MIN_PHRASE_CUT_WORDS / 2 || ENDS_CUT_OPEN.test(head) || !reads(s, c)) continue;
      const k = keep(c, head.length);
      if (k) return k;
    }
    return undefined;
  };
  const kept = second
    ? (keep(t, second.at) ??
      inFirst(t, second) ??
      (second.alone && reads(t, second.alone) ? keep(second.alone, second.aloneAt) : undefined))
    : undefined;
  if (kept) t = kept;
  if (words(bare(t)) > maxWords) t = trailingCut(t, -1) ?? t;
  if (words(bare(t)) > maxWords) t = subjectModifierCut(t) ?? t;
  if (words(bare(t)) > maxWords) t = modifierCut(t, -1) ?? t;
  const h = bare(t);
  // What is left says something (six words at least) and opens on its subject, not on a participle
  // ("Compared to 27 in the first report").
  if (words(h) > maxWords || words(h) < 6 || t === start || tag(h).pos[0] === "VERB") return null;
  return checks(t).every(Boolean) ? h : null;
}
