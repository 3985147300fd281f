/**
 * Whose a sum of money or a percentage is: the named owner a sentence ties it to ("GE's net profits were $5.4bn", "China's
 * economy grew 9.5%", "Wimpey reported a 19% rise in profits"). Two figures whose sentences each tie
 * them to a named owner the other sentence never speaks of are of different things (two companies'
 * profits, two countries' growth), however alike their measures.
 */
import { isDemonym } from "../../text/places.ts";
import { STOPWORDS } from "../../text/tokens.ts";
import { onlyCommonWord } from "../../text/wordnet.ts";
import {
  type Mention,
  MONTH_NAME,
  moneyOrShare,
  NOT_A_NAME,
  REPORTING,
  type Token,
  thingStem,
  tokens,
} from "./mention.ts";

/** A verb of speaking: the name before it is who speaks, not whose the figure is. */
const SPEECH = /^(?:said|says|told|added|warned|explained|insisted|argued|claimed|believes?|thinks?)$/i;

/** A word written as a name: capitalised, not a function word, a month, a day or a people's adjective. */
function nameWord(w: string): boolean {
  return (
    /^\p{Lu}/u.test(w) &&
    !NOT_A_NAME.test(w) &&
    !MONTH_NAME.test(w) &&
    !STOPWORDS.has(w.toLowerCase()) &&
    !isDemonym(w)
  );
}

const OWNERS = new WeakMap<Mention, Set<string>>();

/**
 * The stems of the names a figure's sentence ties it to before the figure: a possessive name ("GE's",
 * "Virgin Blue's") and the name the sentence opens with when a verb follows it ("Wimpey reported a
 * 19% rise"). The first word counts only
 * when it is no mere common word (WordNet: "Overall", "Investors" are not names). Empty when the
 * figure's owner is unnamed ("Its profits", "the firm's shares").
 */
export function ownersOf(m: Mention): Set<string> {
  let out = OWNERS.get(m);
  if (out) return out;
  out = new Set<string>();
  OWNERS.set(m, out);
  if (m.offset === undefined) return out;
  const text = m.sentence.text;
  const toks = tokens(text).filter((t) => t.end <= m.offset!);
  const isName = (i: number) => {
    const w = toks[i]!.word;
    return nameWord(w) && (i > 0 || !onlyCommonWord(w));
  };
  // The run of name words the sentence opens with, when a verb follows it ("Wimpey reported"): not a
  // dateline ("ISTANBUL, Turkey _"), nor a speaker ("Smith said").
  let i = 0;
  while (i < toks.length && isName(i)) i++;
  const next = toks[i]?.word ?? "";
  const dateline = /^\p{Lu}{5,}$/u.test(toks[0]?.word ?? "");
  if (i > 0 && /^\p{Ll}/u.test(next) && !SPEECH.test(next) && !dateline) addRun(out, toks, 0, i);
  // Possessive names: the run of name words ending in "'s" (or a plural's "'"), unless what follows is
  // who reports ("Iran's state news agency reported"): a source, not an owner.
  toks.forEach((t, k) => {
    if (!/['’]s?$/u.test(text.slice(t.start, t.end)) || !isName(k)) return;
    if (toks.slice(k + 1, k + 5).some((x) => REPORTING.has(x.word.toLowerCase()))) return;
    let j = k;
    while (j > 0 && isName(j - 1)) j--;
    addRun(out, toks, j, k + 1);
  });
  return out;
}

/**
 * Adds the stems of a run of name words, and of the parts of a hyphenated one ("Mercedes-Benz" →
 * mercedes-benz, mercedes, benz), unless every word of it is a common word ("New Year's", "Men's").
 */
function addRun(out: Set<string>, toks: Token[], from: number, to: number): void {
  const words = toks.slice(from, to).map((t) => t.word);
  if (words.every((w) => onlyCommonWord(w))) return;
  for (const w of words) for (const part of new Set([w, ...w.split("-")])) if (part) out.add(thingStem(part));
}

/**
 * Two figures tied to named owners that differ: each sentence names its owner, and neither sentence
 * speaks of the other's ("BA's profits …" / "Wimpey reported … profits").
 */
export function differentOwners(a: Mention, b: Mention): boolean {
  if (!moneyOrShare(a) || !moneyOrShare(b)) return false;
  const oa = ownersOf(a);
  const ob = ownersOf(b);
  if (oa.size === 0 || ob.size === 0) return false;
  const speaksOf = (owners: Set<string>, m: Mention) => [...owners].some((o) => m.context.has(o));
  return !speaksOf(oa, b) && !speaksOf(ob, a);
}

/** Nouns that stand for a company named elsewhere: "the firm's shares", "the group's profits". */
const COMPANY_NOUNS = new Set(
  "firm company group bank carrier airline retailer chain business insurer lender operator maker giant".split(
    " ",
  ),
);

/**
 * Whether the words just before a figure (at most five) say its owner without a name: "Its profits rose",
 * "the firm's shares fell".
 */
function unnamedOwnerBefore(m: Mention): boolean {
  const text = m.sentence.text;
  const toks = tokens(text).filter((t) => t.end <= m.offset!);
  return toks.slice(-6).some((t, k, near) => {
    const w = t.word.toLowerCase();
    if (w === "its") return true;
    const possessive = /['’]s?$/u.test(text.slice(t.start, t.end));
    return possessive && COMPANY_NOUNS.has(w) && near[k - 1]?.word.toLowerCase() === "the";
  });
}

/**
 * Figures whose owner is said without its name ("Its profits rose 5%", "the firm's shares fell 3%") are the
 * figures of the one named owner the article's other sums and percentages have, when they all have the same
 * one ("GE's net profits …"): their owners become that owner's. An article naming two owners, or none,
 * leaves them unnamed.
 */
export function resolveUnnamedOwners(mentions: readonly Mention[]): void {
  const figures = mentions.filter(moneyOrShare);
  const named = new Map<string, Set<string>>();
  for (const m of figures) {
    const owners = ownersOf(m);
    if (owners.size > 0) named.set([...owners].sort().join(" "), owners);
  }
  if (named.size !== 1) return;
  const [owner] = named.values();
  for (const m of figures) {
    if (m.offset === undefined || ownersOf(m).size > 0) continue;
    if (unnamedOwnerBefore(m)) OWNERS.set(m, new Set(owner));
  }
}
