/**
 * Place names a "where" / "which country" answer can be recognised by: every region name the
 * runtime's CLDR data knows (Intl.DisplayNames: about 280 countries and territories, no list of our
 * own to keep up to date), the US states, the continents and a few common short forms.
 */
const US_STATES =
  "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|Ohio|Oklahoma|Oregon|Pennsylvania|Tennessee|Texas|Utah|Vermont|Virginia|Washington|Wisconsin|Wyoming|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|South Carolina|South Dakota|Rhode Island|West Virginia";
const OTHER =
  "Europe|Africa|Asia|America|Americas|Antarctica|Oceania|Middle East|Scandinavia|Britain|Great Britain|England|Scotland|Wales|Northern Ireland|Holland|UK|US|USA|U.S.|U.K.|UAE|Gaza|West Bank|Crimea|Donbas|Siberia|Hong Kong|Taiwan|Kosovo|Palestine|Czech Republic";

let cache: Set<string> | null = null;
let regionCache: Set<string> | null = null;
const cldrCache = new Map<"long" | "short", readonly string[]>();

/**
 * The names the runtime's CLDR data gives the two-letter region codes in one style, as written
 * ("United Kingdom" long, "UK" short); empty without CLDR data. Read once per style: regionNames and
 * placeNames share it.
 */
function cldrRegions(style: "long" | "short"): readonly string[] {
  const known = cldrCache.get(style);
  if (known) return known;
  const out: string[] = [];
  try {
    const names = new Intl.DisplayNames(["en"], { type: "region", style });
    for (let a = 65; a < 91; a++)
      for (let b = 65; b < 91; b++) {
        const code = String.fromCharCode(a, b);
        const n = names.of(code);
        if (n && n !== code) out.push(n);
      }
  } catch {
    // No CLDR data in this runtime.
  }
  cldrCache.set(style, out);
  return out;
}

/**
 * Lower-cased names of the countries and territories the runtime's CLDR data knows (Intl.DisplayNames
 * regions, their long and short forms: "taiwan", "united kingdom", "uk"); empty without CLDR data.
 */
export function regionNames(): ReadonlySet<string> {
  if (regionCache) return regionCache;
  const out = new Set<string>();
  for (const style of ["long", "short"] as const)
    for (const n of cldrRegions(style)) out.add(n.toLowerCase());
  regionCache = out;
  return out;
}

/** Lower-cased place names (multi-word names as written, e.g. "south korea"). */
export function placeNames(): ReadonlySet<string> {
  if (cache) return cache;
  const out = new Set<string>();
  const add = (n: string) => {
    const t = n.trim().toLowerCase();
    if (t) out.add(t);
    if (t.includes("&")) out.add(t.replace("&", "and"));
  };
  // CLDR's long names (none without CLDR data: the lists below still apply).
  for (const n of cldrRegions("long")) add(n);
  for (const s of US_STATES.split("|")) add(s);
  for (const s of OTHER.split("|")) add(s);
  cache = out;
  return out;
}

/** Whether a capitalised name is (or ends in / starts with) a known place. */
export function isPlace(name: string): boolean {
  const places = placeNames();
  const n = name.toLowerCase().replace(/[.,]$/, "");
  if (places.has(n)) return true;
  const ws = n.split(/\s+/);
  for (let k = Math.min(3, ws.length); k >= 1; k--) {
    if (places.has(ws.slice(0, k).join(" ")) || places.has(ws.slice(-k).join(" "))) return true;
  }
  return false;
}

/**
 * Adjectives of places that the suffix rules of `demonyms` cannot derive (a place's own stem changes:
 * Britain → British, the Netherlands → Dutch, Peru → Peruvian).
 */
const IRREGULAR_DEMONYMS =
  "British|English|Scottish|Scots|Welsh|Irish|French|Dutch|Spanish|Danish|Finnish|Swedish|Norwegian|Polish|Turkish|Swiss|Greek|Thai|Filipino|Saudi|Afghan|Czech|Slovak|Argentine|Peruvian|Portuguese|Burmese|Congolese|Icelandic|Cypriot|Emirati|Kurdish|Kiwi|Somali|Kazakh|Uzbek|Tajik|Turkmen|Panamanian|Mozambican";
/** Words of multi-word place names that give no adjective of the place ("Czech Republic" → not "Republican"). */
const NO_DEMONYM = new Set([
  "republic",
  "republics",
  "island",
  "islands",
  "states",
  "kingdom",
  "city",
  "saint",
]);

let demonymCache: Set<string> | null = null;

/**
 * Lower-cased adjectives (and nouns) of nationality or origin: "israeli", "palestinian", "chinese",
 * "texan". Derived from every place name above by the regular English suffixes, none kept by hand:
 * -i (Israel, Iraq, Nepal), -n after -a (America, Russia, Kenya), -an, -ian (Egypt, Brazil, Iran), -ese
 * (Japan, Sudan), each also after a final vowel, -y or -s is dropped (Ukraine, Canada, China, Italy,
 * Texas) and -ese after -on (Lebanon); plus the irregular ones above. Most forms a rule makes are no
 * words at all ("japani"); a form that is itself a place is left out ("Iran" is no adjective of Iraq).
 */
export function demonyms(): ReadonlySet<string> {
  if (demonymCache) return demonymCache;
  const places = placeNames();
  const out = new Set<string>();
  for (const name of places)
    for (const w of name.split(/[^\p{L}]+/u)) {
      if (w.length < 4 || NO_DEMONYM.has(w)) continue;
      const forms = [`${w}i`, `${w}an`, `${w}ian`, `${w}ese`];
      if (w.endsWith("a")) forms.push(`${w}n`);
      if (/[aeiouys]$/.test(w)) {
        const base = w.slice(0, -1);
        forms.push(`${base}an`, `${base}ian`, `${base}ese`);
        if (w.endsWith("y")) forms.push(base); // Germany → German
        if (w.endsWith("as")) forms.push(`${base}n`); // Texas → Texan
      }
      if (w.endsWith("on")) forms.push(`${w.slice(0, -2)}ese`); // Lebanon → Lebanese
      if (w.endsWith("um")) forms.push(`${w.slice(0, -2)}an`); // Belgium → Belgian
      for (const f of forms) if (!places.has(f)) out.add(f);
    }
  for (const w of IRREGULAR_DEMONYMS.split("|")) out.add(w.toLowerCase());
  demonymCache = out;
  return out;
}

/** Whether a word is an adjective (or noun) of a place's people ("Israeli", "Palestinians", "Texan"). */
export function isDemonym(word: string): boolean {
  const w = word.toLowerCase();
  return demonyms().has(w) || (w.endsWith("s") && demonyms().has(w.slice(0, -1)));
}
