/**
 * English irregular verbs: base form, past and past participle ("sell", "sold", "sold"). Regular
 * forms stem alike ("filed", "files" → "file"); these do not ("sold" is no form of "sell" to a
 * stemmer), so a question's "did the machine sell" would miss an article's "was sold".
 */
import { stem } from "./tokens.ts";

const VERBS: readonly (readonly [string, string, string])[] = [
  ["be", "was", "been"],
  ["become", "became", "become"],
  ["begin", "began", "begun"],
  ["bring", "brought", "brought"],
  ["build", "built", "built"],
  ["buy", "bought", "bought"],
  ["catch", "caught", "caught"],
  ["choose", "chose", "chosen"],
  ["come", "came", "come"],
  ["cost", "cost", "cost"],
  ["cut", "cut", "cut"],
  ["do", "did", "done"],
  ["draw", "drew", "drawn"],
  ["drive", "drove", "driven"],
  ["eat", "ate", "eaten"],
  ["fall", "fell", "fallen"],
  ["feel", "felt", "felt"],
  ["fight", "fought", "fought"],
  ["find", "found", "found"],
  ["fly", "flew", "flown"],
  ["forget", "forgot", "forgotten"],
  ["get", "got", "gotten"],
  ["give", "gave", "given"],
  ["go", "went", "gone"],
  ["grow", "grew", "grown"],
  ["have", "had", "had"],
  ["hear", "heard", "heard"],
  ["hide", "hid", "hidden"],
  ["hit", "hit", "hit"],
  ["hold", "held", "held"],
  ["keep", "kept", "kept"],
  ["know", "knew", "known"],
  ["lead", "led", "led"],
  ["leave", "left", "left"],
  ["lend", "lent", "lent"],
  ["let", "let", "let"],
  ["lose", "lost", "lost"],
  ["make", "made", "made"],
  ["mean", "meant", "meant"],
  ["meet", "met", "met"],
  ["pay", "paid", "paid"],
  ["put", "put", "put"],
  ["quit", "quit", "quit"],
  ["read", "read", "read"],
  ["ride", "rode", "ridden"],
  ["rise", "rose", "risen"],
  ["run", "ran", "run"],
  ["say", "said", "said"],
  ["see", "saw", "seen"],
  ["seek", "sought", "sought"],
  ["sell", "sold", "sold"],
  ["send", "sent", "sent"],
  ["set", "set", "set"],
  ["shut", "shut", "shut"],
  ["sing", "sang", "sung"],
  ["sit", "sat", "sat"],
  ["speak", "spoke", "spoken"],
  ["spend", "spent", "spent"],
  ["stand", "stood", "stood"],
  ["steal", "stole", "stolen"],
  ["strike", "struck", "struck"],
  ["swim", "swam", "swum"],
  ["take", "took", "taken"],
  ["teach", "taught", "taught"],
  ["tell", "told", "told"],
  ["think", "thought", "thought"],
  ["throw", "threw", "thrown"],
  ["understand", "understood", "understood"],
  ["upset", "upset", "upset"],
  ["wake", "woke", "woken"],
  ["wear", "wore", "worn"],
  ["win", "won", "won"],
  ["withdraw", "withdrew", "withdrawn"],
  ["write", "wrote", "written"],
];

/** Base form → past ("sell" → "sold"). */
export const IRREGULAR_PAST: Readonly<Record<string, string>> = Object.fromEntries(
  VERBS.map(([b, p]) => [b, p]),
);

/** Any form (lower case) → the stems of the verb's other forms. */
const OTHER_FORMS = new Map<string, Set<string>>();
for (const forms of VERBS) {
  // "be" and "have" are auxiliaries (stopwords); "do" too.
  if (forms[0] === "be" || forms[0] === "have" || forms[0] === "do") continue;
  const stems = [...new Set(forms.map(stem))];
  for (const f of forms) {
    const own = stem(f);
    const set = OTHER_FORMS.get(f) ?? new Set<string>();
    for (const s of stems) if (s !== own) set.add(s);
    OTHER_FORMS.set(f, set);
  }
}

/**
 * The stems of an irregular verb's other forms, from any of its forms: "sell" → "sold";
 * "fell" → "fall", "fallen"; "found" → "find". Empty for a word that is no such form.
 */
export function otherVerbForms(word: string): string[] {
  const set = OTHER_FORMS.get(word.toLowerCase());
  return set ? [...set] : [];
}

/**
 * Past forms of more irregular verbs, for writing a verb in the past (`pastOf`) only: retrieval stems
 * with VERBS's forms (`otherVerbForms`), and adding these there would change what questions match.
 */
const MORE_PAST: Readonly<Record<string, string>> = Object.fromEntries(
  (
    "arise arose,awake awoke,bear bore,beat beat,bend bent,bet bet,bid bid,bind bound,bite bit,bleed bled,blow blew," +
    "break broke,breed bred,broadcast broadcast,burst burst,cling clung,creep crept,deal dealt,dig dug,dive dove," +
    "feed fed,flee fled,forbid forbade,forecast forecast,forgive forgave,freeze froze,grind ground,hang hung," +
    "hurt hurt,kneel knelt,lay laid,lie lay,light lit,mislead misled,overcome overcame,oversee oversaw," +
    "overtake overtook,overthrow overthrew,rebuild rebuilt,rewrite rewrote,ring rang,shake shook,shed shed," +
    "shine shone,shoot shot,shrink shrank,sink sank,sleep slept,slide slid,spin spun,split split,spread spread," +
    "spring sprang,stick stuck,sting stung,stink stank,strive strove,swear swore,sweep swept,swing swung," +
    "tear tore,undergo underwent,undertake undertook,uphold upheld,weep wept,wind wound,withhold withheld"
  )
    .split(",")
    .map((pair) => pair.split(" ") as [string, string]),
);

/** A verb in the past: "send" → "sent", "file" → "filed", "stop" → "stopped". */
export function pastOf(verb: string): string {
  const v = verb.toLowerCase();
  if (IRREGULAR_PAST[v]) return IRREGULAR_PAST[v]!;
  if (MORE_PAST[v]) return MORE_PAST[v]!;
  if (/e$/.test(v)) return `${verb}d`;
  if (/[^aeiou]y$/.test(v)) return `${verb.slice(0, -1)}ied`;
  if (/^[^aeiou]*[aeiou][bdgmnpt]$/.test(v) && v.length <= 4) return `${verb}${v.at(-1)}ed`;
  return `${verb}ed`;
}

/** A verb in the third person singular present: "go" → "goes", "carry" → "carries". */
export function thirdPerson(verb: string): string {
  const v = verb.toLowerCase();
  if (v === "have") return "has";
  if (v === "do") return "does";
  if (v === "go") return "goes";
  if (/(s|sh|ch|x|z)$/.test(v)) return `${verb}es`;
  if (/[^aeiou]y$/.test(v)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}

/** Every irregular past and past participle that is no base form too ("led", "drew", "dealt", "fled"; not "cut", "come"). */
const PAST_FORMS: ReadonlySet<string> = (() => {
  const bases = new Set([...VERBS.map(([b]) => b), ...Object.keys(MORE_PAST)]);
  const out = new Set<string>();
  for (const [, p, pp] of VERBS) for (const f of [p, pp]) if (!bases.has(f)) out.add(f);
  for (const p of Object.values(MORE_PAST)) if (!bases.has(p)) out.add(p);
  return out;
})();

/**
 * Whether a word is an irregular verb's past or past participle and no base form ("led" of lead, "drew"
 * of draw, "dealt", "fled"): a verb's form, never a name or an initialism however WordNet lists it as a
 * noun ("LED", "Drew").
 */
export function isIrregularPast(word: string): boolean {
  return PAST_FORMS.has(word.toLowerCase());
}
