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

/** Lower-cased place names (multi-word names as written, e.g. "south korea"). */
export function placeNames(): ReadonlySet<string> {
  if (cache) return cache;
  const out = new Set<string>();
  const add = (n: string) => {
    const t = n.trim().toLowerCase();
    if (t) out.add(t);
    if (t.includes("&")) out.add(t.replace("&", "and"));
  };
  try {
    const names = new Intl.DisplayNames(["en"], { type: "region" });
    for (let a = 65; a < 91; a++)
      for (let b = 65; b < 91; b++) {
        const code = String.fromCharCode(a, b);
        const n = names.of(code);
        if (n && n !== code) add(n);
      }
  } catch {
    // No CLDR data in this runtime: the lists below still apply.
  }
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
