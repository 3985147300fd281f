/**
 * Canonical article links: absolute, resolved against the item's or feed's base, with tracking
 * parameters (utm_*, fbclid, gclid, mc_cid/mc_eid, …) and the fragment removed, host lower-cased and
 * the default port dropped. Two links to the same article then compare equal.
 */

/** Query parameters that only track where a click came from, never select content. */
const TRACKING_EXACT = new Set([
  "fbclid",
  "gclid",
  "gclsrc",
  "dclid",
  "gbraid",
  "wbraid",
  "msclkid",
  "twclid",
  "ttclid",
  "li_fat_id",
  "igshid",
  "yclid",
  "ysclid",
  "_openstat",
  "mkt_tok",
  "_hsenc",
  "_hsmi",
  "__hstc",
  "__hssc",
  "__hsfp",
  "hsctatracking",
  "oly_anon_id",
  "oly_enc_id",
  "vero_id",
  "vero_conv",
  "wickedid",
  "rb_clickid",
  "s_cid",
  "sc_cid",
  "_ga",
  "_gl",
  "fb_action_ids",
  "fb_action_types",
  "fb_ref",
  "fb_source",
  "action_object_map",
  "action_type_map",
  "action_ref_map",
  "ref_src",
  "ref_url",
  "cmpid",
  "guccounter",
  "guce_referrer",
  "guce_referrer_sig",
]);
const TRACKING_PREFIX = /^(utm_|mc_|pk_|mtm_|matomo_|hmb_|ga_|at_campaign|at_medium)/;

export function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return TRACKING_EXACT.has(n) || TRACKING_PREFIX.test(n);
}

/**
 * The canonical form of a link, resolved against `base` when relative; null when it is not an
 * http(s) URL.
 */
export function canonicalUrl(link: string | null | undefined, base?: string | null): string | null {
  const raw = link?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = base ? new URL(raw, base) : new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  url.hash = "";
  url.username = "";
  url.password = "";
  if (url.search) {
    // Filter the raw pairs so the parameters kept keep their exact encoding.
    const pairs = url.search.slice(1).split("&");
    const kept = pairs.filter((p) => {
      const name = p.split("=")[0] ?? "";
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, " "));
      } catch {}
      return p !== "" && !isTrackingParam(decoded);
    });
    url.search = kept.length > 0 ? `?${kept.join("&")}` : "";
  }
  // URL already lower-cases the host and drops default ports; an empty "?" is removed here.
  return url.href.replace(/\?$/, "");
}

/** Resolves a link against a base without cleaning it (for feed and page addresses). */
export function resolveUrl(link: string | null | undefined, base?: string | null): string | null {
  const raw = link?.trim();
  if (!raw) return null;
  try {
    const url = base ? new URL(raw, base) : new URL(raw);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}
