/**
 * Names in a text written all in lower case (some copies of news are: "officer rogelio santander died
 * at a dallas hospital"), written with their capitals for showing. A lower-cased text is told by its
 * words mid-sentence: hardly one capitalised (`isLowerCased`). In such a text `recased` capitalises
 *
 *   - a word or phrase WordNet knows only as a name, as WordNet writes it ("dallas" → "Dallas", "los
 *     angeles" → "Los Angeles", "fda" → "FDA"; not "china", which is porcelain too);
 *   - a word the dictionary doesn't know in any form ("santander", "rodarte"), most likely a name; a
 *     short one without a vowel is an initialism ("cbs" → "CBS");
 *   - a word or phrase the reader wrote capitalised in the topic or question ("Home Depot");
 *   - an initialism written with dots ("u.s." → "U.S."; not "a.m.", "e.g."), and a name before a
 *     possessive as a whole ("north korea's" → "North Korea's"), a name's initial ("Joseph h. Rodriguez"),
 *     and the pronoun "i" ("i'm" → "I'm").
 *
 * Also an adjective WordNet writes only capitalised ("british" → "British"), a name's plural ("tories" →
 * "Tories", "mps" → "MPs"), a title and the name after it ("mr. smith" → "Mr. Smith"), and a name
 * starting "Mc" ("mcilroy" → "McIlroy").
 *
 * A function word, a known word's inflection ("biggest", "women", "sat"), an irregular verb's past
 * ("led", never "LED"; "drew"), a name's particle ("de", "van"), a prefix before its hyphen ("pre-tax"),
 * a title of common words ("chief executive", a person in WordNet) and a word with digits are left as
 * they are. `npm run eval:recase` measures it on cased news lower-cased. Only for showing: the index, the citation check and every comparison keep the text
 * as the article gives it.
 */
import { isIrregularPast, otherVerbForms } from "./verbForms.ts";
import {
  inDictionary,
  initialismForm,
  isBaseVerb,
  LEX,
  lexFile,
  nameForm,
  namesPlaceOrPerson,
  singulars,
} from "./wordnet.ts";

/** Fewest mid-sentence words for a text to be judged. */
const MIN_WORDS = 30;
/** At most this share of mid-sentence words capitalised in a lower-cased text (news writes ~10–20%). */
const MAX_CAPITALISED = 0.02;

const WORD = /[\p{L}][\p{L}'’-]*/gu;

/**
 * Whether a text (an article's sentences) is written in lower case: of its words that follow another
 * word mid-sentence (not a stop, a colon or a quote), fewer than 2% are capitalised.
 */
export function isLowerCased(text: string): boolean {
  let mid = 0;
  let capital = 0;
  for (const m of text.matchAll(WORD)) {
    const before = text.slice(Math.max(0, m.index - 3), m.index);
    if (!/[\p{L}\p{N},;)]\s+$/u.test(before)) continue;
    mid++;
    if (/^\p{Lu}/u.test(m[0])) capital++;
  }
  return mid >= MIN_WORDS && capital <= mid * MAX_CAPITALISED;
}

/**
 * Words no reader capitalises however the dictionary lists them: function words, pronouns, auxiliaries
 * and modals ("us" is the US, "it" IT, "who" the WHO, "may" a month in WordNet), and common words of
 * news it lacks ("selfie").
 */
const NEVER = new Set(
  (
    "a about above across after again against all almost along already also although always am among an and " +
    "another any anyone anything are around as at away back be became because become been before behind being " +
    "below beside besides between beyond both but by can cannot could did do does doing done down during each " +
    "either else enough even ever every few for from further had has have having he her here hers herself him " +
    "himself his how however i if in into is it its itself just least less let like many me might mine more " +
    "most much must my myself neither never no nor not nothing now of off often on once one only onto or other " +
    "others our ours ourselves out over own per perhaps quite rather said same say says shall she should since " +
    "so some someone something still such than that the their theirs them themselves then there these they " +
    "this those though through thus to together too toward towards under unless until up upon us very via was " +
    "we well were what whatever when whenever where whereas whether which while who whom whose why will with " +
    "within without would yet you your yours yourself yourselves ok okay mr mrs ms dr st jr sr inc co corp " +
    "ltd etc vs am pm sat selfie selfies rehab"
  ).split(" "),
);
/** Function words WordNet lacks ("everything", "amid", "whilst") and interjections. */
const FUNCTION_WORDS = new Set(
  (
    "everything everyone everybody anybody nobody somebody amid amidst amongst whilst unto nor hence " +
    "oh ha ah eh uh um hmm wow yeah"
  ).split(" "),
);
/** Particles of names, written in lower case within them ("de", "van", "al"): no initialism or name alone. */
const PARTICLES = new Set("de da di du del della le la van von der den ter dos das al el bin ibn".split(" "));
/** Titles before a name, written capitalised ("mr" → "Mr"). */
const TITLES = new Map([
  ["mr", "Mr"],
  ["mrs", "Mrs"],
  ["ms", "Ms"],
  ["dr", "Dr"],
  ["sir", "Sir"],
]);
/** A lower-case word after a title ("Mr. smith", "Sir alex"): the name it goes before. */
const AFTER_TITLE = /(?<=(?:^|[^\p{L}])(?:Mr|Mrs|Ms|Dr|Sir)\.? )\p{Ll}(?=\p{L}*(?:[^\p{L}]|$))/gu;

/** Words that go on a sentence, never open one. */
const JOINER = new Set("is are was were and or of has have had to".split(" "));

/** Plurals English forms otherwise ("women" of "woman"). */
const IRREGULAR_PLURALS = new Set(
  "men women children people feet teeth mice geese media data criteria phenomena lives wives knives pence".split(
    " ",
  ),
);
/** Prefixes news joins to a word without a hyphen ("coworker", "superhero"). */
const PREFIX =
  /^(?:co|re|pre|un|non|anti|over|under|mis|out|sub|super|self|ex|mid|multi|post|cyber|mega|mini|micro)(?=\p{L}{3})/u;

/** Whether the hyphenated word at `at` is a word of the dictionary, with or without its hyphen ("wi-fi"). */
function hyphenatedWord(text: string, at: number): boolean {
  const word = /^[\p{L}]+(?:-[\p{L}]+)+/u.exec(text.slice(at, at + 40))?.[0].toLowerCase();
  return !!word && (inDictionary(word) || inDictionary(word.replace(/-/g, "")));
}

/** A prefix alone, as written before a hyphen. */
const PREFIX_WORD = new RegExp(`^(?:${PREFIX.source.slice(4, PREFIX.source.indexOf(")"))})$`, "u");

/** Whether the dictionary knows a written word in some form: as it is, or a comparative, adverb, noun of it. */
function knownWord(w: string): boolean {
  if (IRREGULAR_PLURALS.has(w) || otherVerbForms(w).length > 0) return true;
  if (w.endsWith("men") && inDictionary(`${w.slice(0, -3)}man`)) return true;
  // A strong verb's other forms ("slept" of sleep, "shown" of show, "taken" of take).
  const strong = /^(\p{L}+?)(ept|own|en)$/u.exec(w);
  if (strong) {
    const [, base, end] = strong;
    const bases =
      end === "ept"
        ? [`${base}eep`]
        : end === "own"
          ? [`${base}ow`]
          : [base!, `${base}e`, base!.slice(0, -1)];
    if (bases.some((b) => b.length >= 2 && isBaseVerb(b))) return true;
  }
  // A long word of the dictionary's derivation ("investigational", "transformative"): no name.
  if (w.length > 10) return true;
  const derived = /^(\p{L}{4,}?)(?:ative|itive|ive|ional|al|ation|tion|ment|ity|able|ible|ism|ist)$/u.exec(w);
  if (derived && (inDictionary(derived[1]!) || inDictionary(`${derived[1]}e`))) return true;
  if (inDictionary(w)) return true;
  const prefix = PREFIX.exec(w);
  if (prefix && knownWord(w.slice(prefix[0].length))) return true;
  const m = /^(\p{L}+?)(est|er|ly|ness|ers|ings|ing|ed|s)$/u.exec(w);
  if (!m) return false;
  const base = m[1]!;
  const forms = [base, `${base}e`];
  if (/(\p{L})\1$/u.test(base)) forms.push(base.slice(0, -1));
  if (base.endsWith("i")) forms.push(`${base.slice(0, -1)}y`);
  return forms.some((f) => f.length >= 2 && inDictionary(f));
}

/** A plural of a name: its singular and how WordNet writes it ("tories": "tory", "Tory"), or null. */
function pluralOf(w: string): { singular: string; form: string } | null {
  for (const singular of singulars(w)) {
    if (singular.length < 2) continue;
    const form = nameForm(singular);
    if (form && form.length === singular.length && (singular.length > 2 || form !== form.toUpperCase()))
      return { singular, form };
  }
  return null;
}

/**
 * A plural of an initialism that WordNet writes as one too ("mps": "MP" and "MPS"; not "nhs", which it
 * lacks): the singular and its form.
 */
function initialismPlural(w: string): { singular: string; form: string } | null {
  if (!w.endsWith("s") || !initialismForm(w)) return null;
  const singular = w.slice(0, -1);
  const form = initialismForm(singular);
  return form && form.length === singular.length ? { singular, form } : null;
}

/** Consonants an English word can open on ("str", "ph"; not "ls", "rf"). */
const ONSETS = new Set(
  (
    "bl br ch cl cr dr dw fl fr gh gl gn gr gw kh kl kn kr kw ph pl pn pr ps qu rh sc sh sk sl sm sn sp sq st " +
    "sv sw th tr ts tw vl wh wr zh chr phr sch scr shr sph spl spr squ str thr"
  ).split(" "),
);
/** Consonants an English word can close on ("nd", "ght"; not "wb", "bm"). */
const CODAS = new Set(
  (
    "ch ck ct ff ft gh ld lf lk ll lm ln lp lt mb mn mp nc nd ng nk nt ph pt rb rc rd rf rg rk rl rm rn rp rt " +
    "sh sk sp ss st th tz zz ght lch lth mpt nch nct nth rch rld rst rth tch"
  ).split(" "),
);

/**
 * Whether a word reads as one word of English letters, not letters read one by one ("lse", "rfid",
 * "ibm" are initialisms; "kwok", "zhang", "blair" read): its consonants at either end are an
 * English word's (a doubled consonant closes one: "kerr").
 */
function pronounceable(w: string): boolean {
  if (!/[aeiouy]/.test(w)) return false;
  const onset = /^[^aeiouy]*/.exec(w)![0];
  if (onset.length > 1 && !ONSETS.has(onset)) return false;
  let end = w.length;
  while (end > 0 && !"aeiouwy".includes(w[end - 1]!)) end--;
  let coda = w.slice(end);
  if (coda.length > 1 && coda.endsWith("s")) coda = coda.slice(0, -1);
  return coda.length <= 1 || CODAS.has(coda) || /^(\p{L})\1$/u.test(coda);
}

/**
 * A drug's or chemical's generic name, a common noun, by the stems of the WHO's international
 * nonproprietary names ("atorvastatin", "amoxicillin", "oxycodone") or a chemical root with a chemical
 * ending ("bupropion", "methylphenidate"): for words WordNet doesn't know.
 */
const DRUG_STEM =
  /(?:mab|tinib|ciclib|vir|pril|sartan|olol|statin|prazole|azole|oxacin|cillin|mycin|cycline|azepam|azolam|barbital|caine|dronate|fibrate|gliptin|gliflozin|parin|setron|tidine|triptan|profen|oxetine|pramine|dipine|lukast|terol|olone|codone|morphone|azine|platin|rubicin|taxel|fentanil|afil)$/;
const CHEMICAL =
  /^(?=\p{L}{7,}$)\p{L}*(?:meth|prop|pent|benz|phen|chlor|fluor|brom|hydr|oxy|sulf|nitr|pyr|ceph|cycl|amph)\p{L}*(?:ine|ide|ate|ol|one|ium|ion|yl)$/u;

/**
 * A name's form (`named`) unless the word is first the plural of a common noun ("laws", WordNet's name
 * of a scripture too, is law's plural: "public-records laws"); a place's or a person's name stays
 * ("wales", "athens").
 */
function commonPluralOr(w: string, named: string | null): string | null {
  if (!named || namesPlaceOrPerson(w)) return named;
  return singulars(w).some((s) => s !== w && inDictionary(s) && !nameForm(s)) ? null : named;
}

/** A word's name form in a lower-cased text, or null to leave it. Cached. */
const FORMS = new Map<string, string | null>();
function wordForm(w: string): string | null {
  const hit = FORMS.get(w);
  if (hit !== undefined) return hit;
  let out: string | null = null;
  if (TITLES.has(w)) out = TITLES.get(w)!;
  else if (FUNCTION_WORDS.has(w)) out = null;
  else if (isIrregularPast(w)) out = null;
  else if (PARTICLES.has(w)) out = null;
  else if (w.length === 2 && /^\p{Ll}+$/u.test(w) && !NEVER.has(w)) {
    const named = initialismForm(w);
    if (named === w.toUpperCase()) out = named;
  } else if (w.length >= 3 && /^\p{Ll}+$/u.test(w) && !NEVER.has(w)) {
    const plural = pluralOf(w) ?? initialismPlural(w);
    const named = plural && plural.form === plural.form.toUpperCase() ? null : commonPluralOr(w, nameForm(w));
    if (plural && (plural.form === plural.form.toUpperCase() || !named)) {
      // A plural of a name ("tories" → "Tories", "mps" → "MPs"): the singular's form, the plural's ending.
      const k = plural.singular.length - (w.endsWith("ies") && plural.singular.endsWith("y") ? 1 : 0);
      out = plural.form.slice(0, k) + w.slice(k);
    } else if (named) out = named;
    else if (/^mc\p{Ll}{3,}$/u.test(w) && !knownWord(w)) out = `Mc${w[2]!.toUpperCase()}${w.slice(3)}`;
    else if (!knownWord(w) && !DRUG_STEM.test(w) && !CHEMICAL.test(w))
      // A short one that doesn't read as a word is an initialism ("cbs", "lse", "rfid" → "CBS", "LSE", "RFID").
      out =
        (w.length <= 4 && !pronounceable(w)) || (w.length <= 5 && !/[aeiouy]/.test(w))
          ? w.toUpperCase()
          : w[0]!.toUpperCase() + w.slice(1);
  }
  if (FORMS.size > 50_000) FORMS.clear();
  FORMS.set(w, out);
  return out;
}

/** A phrase of two or three words WordNet knows only as a name ("los angeles", "isaac newton"). */
function phraseForm(words: readonly string[]): string | null {
  if (words.some((w) => NEVER.has(w))) return null;
  const form = nameForm(words.join(" "));
  // A title or role of common words ("chief executive", "home secretary"): no one's name.
  if (form && words.every((w) => knownWord(w) && !nameForm(w)) && lexFile(words.join(" ")) === LEX.person)
    return null;
  return form;
}

/**
 * The capitalised words and runs a reader wrote ("Dallas officer shot at Home Depot" → "home depot" →
 * "Home Depot", "dallas" → "Dallas"), keyed by their lower case; a question's or topic's first word only
 * when it runs on into another capitalised word.
 */
export function writtenNames(...texts: (string | undefined)[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const text of texts) {
    if (!text) continue;
    const words = text.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""));
    for (let i = 0; i < words.length; i++) {
      let j = i;
      while (j < words.length && /^\p{Lu}/u.test(words[j]!)) j++;
      if (j === i) continue;
      const run = words.slice(i, j);
      if (!(i === 0 && run.length === 1) && !run.every((w) => NEVER.has(w.toLowerCase()))) {
        out.set(run.join(" ").toLowerCase(), run.join(" "));
        // A word of a longer run alone only when it is no word of the dictionary ("Lerner" of "Lois Lerner").
        for (const w of run)
          if (
            run.length === 1 ||
            (w.length >= 3 && !NEVER.has(w.toLowerCase()) && !knownWord(w.toLowerCase()))
          )
            out.set(w.toLowerCase(), w);
      }
      i = j - 1;
    }
  }
  return out;
}

/** The pronoun "i" as a lower-cased copy writes it, alone or with its verb ("i'm", "i've", "i'd", "i'll"). */
const PRONOUN_I = /^i(?:['’](?:m|ve|d|ll))?$/;
/** A lower-case letter and a stop between two capitalised words. */
const NAME_INITIAL = /(?<=(?:^|\s)\p{Lu}[\p{L}'’-]* )\p{Ll}(?=\. \p{Lu})/gu;

/** An initialism written with dots in lower case: "u.s.", "u.n.", "d.c."; "F.b.i." opening a sentence. */
const DOTTED = /^[\p{Ll}\p{Lu}]\.(?:\p{Ll}\.){1,2}/u;
/** Dotted abbreviations news writes in lower case. */
const DOTTED_LOWER = new Set(["a.m.", "p.m.", "e.g.", "i.e.", "n.b.", "c.c."]);
/** A capitalised word right after a lower-case dotted initialism (captured: `DOTTED_LOWER`'s are let be). */
const AFTER_DOTTED = /(?<=(?:^|[^\p{L}\p{N}.@/])([\p{Ll}\p{Lu}]\.(?:\p{Ll}\.){1,2}) )\p{Lu}\p{Ll}+\b/gu;

/**
 * The text with the names of a lower-cased text capitalised (see the module's comment); `reader`: names
 * as the reader wrote them (`writtenNames`). A word already capitalised is left as it is.
 */
export function recased(text: string, reader: ReadonlyMap<string, string> = new Map()): string {
  // A common word after a dotted initialism, capitalised by the copy's own sentence-casing taking the
  // stop for a sentence's end ("the u.s. Missile strike"), in lower case.
  text = text.replace(AFTER_DOTTED, (word: string, dotted: string) => {
    const lower = word.toLowerCase();
    const abbreviation = [...DOTTED_LOWER].some((d) => dotted.toLowerCase().startsWith(d));
    return !abbreviation && knownWord(lower) && !nameForm(lower) ? lower : word;
  });
  const tokens = [...text.matchAll(/[\p{L}\p{N}](?:[\p{L}\p{N}]|['’](?=\p{L}))*/gu)];
  const edits: { at: number; end: number; to: string }[] = [];
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i]!;
    // An initialism written with dots ("u.s.", "u.n."), in capitals.
    const dotted = DOTTED.exec(text.slice(t.index, t.index + 12));
    if (
      dotted &&
      !DOTTED_LOWER.has(dotted[0].toLowerCase()) &&
      !/[\p{L}\p{N}.@/]/u.test(text[t.index - 1] ?? " ") &&
      !/[\p{L}\p{N}@/]/u.test(text[t.index + dotted[0].length] ?? " ")
    ) {
      edits.push({ at: t.index, end: t.index + dotted[0].length, to: dotted[0].toUpperCase() });
      i += dotted[0].length / 2;
      continue;
    }
    // The pronoun "i" ("i'm", "i've"), not a letter of "i.e." or an address.
    if (
      PRONOUN_I.test(t[0]) &&
      !/[\p{L}\p{N}.@/]/u.test(text[t.index - 1] ?? " ") &&
      !/^[.@/]\p{L}/u.test(text.slice(t.index + t[0].length, t.index + t[0].length + 2))
    ) {
      edits.push({ at: t.index, end: t.index + 1, to: "I" });
      i++;
      continue;
    }
    if (!/^\p{Ll}/u.test(t[0])) {
      // A word that cannot open a sentence capitalised after an abbreviation's stop by the copy's own
      // sentence-casing ("brewing co. Is releasing", "inc. And"): written in lower case.
      if (JOINER.has(t[0].toLowerCase()) && /(?:^|\s)\p{Ll}[\p{Ll}.]{0,5}\.\s$/u.test(text.slice(0, t.index)))
        edits.push({ at: t.index, end: t.index + t[0].length, to: t[0].toLowerCase() });
      i++;
      continue;
    }
    let done = false;
    // The longest phrase first: the reader's, then WordNet's (three words, then two).
    for (const n of [3, 2]) {
      const run = tokens.slice(i, i + n);
      if (run.length < n) continue;
      // Words of one phrase are separated by a space only.
      if (run.some((r, k) => k > 0 && text.slice(run[k - 1]!.index + run[k - 1]![0].length, r.index) !== " "))
        continue;
      // A possessive's "'s" is no part of the name ("north korea's").
      const lower = run.map((r, k) => (k === n - 1 ? r[0].replace(/['’]s$/u, "") : r[0]).toLowerCase());
      const form = reader.get(lower.join(" ")) ?? phraseForm(lower);
      if (!form) continue;
      edits.push({ at: run[0]!.index, end: run[n - 1]!.index + lower[n - 1]!.length, to: form });
      i += n;
      done = true;
      break;
    }
    if (done) continue;
    const w = t[0];
    // A part of a web or e-mail address ("cbsdfw.com", "jane@example.org") stays as written.
    const before = text[t.index - 1] ?? " ";
    const after = text.slice(t.index + w.length, t.index + w.length + 2);
    if (/[.@/]/.test(before) || /^[.@/]\p{L}/u.test(after)) {
      i++;
      continue;
    }
    // "us" after "the" is no pronoun: the US ("the us government", "in the us").
    if (w === "us" && /(?:^|[^\p{L}])the $/iu.test(text.slice(Math.max(0, t.index - 5), t.index))) {
      edits.push({ at: t.index, end: t.index + 2, to: "US" });
      i++;
      continue;
    }
    // A prefix before its hyphen ("pre-tax", "multi-million", "cyber-crime") is no word of its own, nor
    // a short part of a hyphenated word of the dictionary ("wi-fi", "hi-fi").
    if (
      /^-\p{L}/u.test(after) &&
      (PREFIX_WORD.test(w) || (w.length === 2 && hyphenatedWord(text, t.index)))
    ) {
      i++;
      continue;
    }
    const possessive = /['’]s$/u.test(w) ? w.slice(-2) : "";
    const bare = possessive ? w.slice(0, -2) : w;
    let form = reader.get(bare) ?? wordForm(bare.normalize("NFD").replace(/\p{M}/gu, ""));
    // An abbreviation ("blvd.") has its first capital only; an accented word keeps its accents.
    if (
      form &&
      text[t.index + w.length] === "." &&
      form === form.toUpperCase() &&
      !nameForm(bare) &&
      !initialismForm(bare)
    )
      form = form[0] + bare.slice(1);
    else if (form && form.toLowerCase() !== bare.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase())
      form = null;
    else if (form && form.toLowerCase() !== bare) form = form[0] + bare.slice(1);
    if (form) edits.push({ at: t.index, end: t.index + bare.length, to: form });
    i++;
  }
  let out = text;
  for (const e of edits.reverse()) out = out.slice(0, e.at) + e.to + out.slice(e.end);
  out = out.replace(AFTER_TITLE, (letter: string, at: number) =>
    NEVER.has(/^\p{L}+/u.exec(out.slice(at))![0]) ? letter : letter.toUpperCase(),
  );
  // A name's initial between its capitalised words ("Joseph h. Rodriguez", "Judge s. James Otero").
  return out.replace(NAME_INITIAL, (letter: string) => letter.toUpperCase());
}
