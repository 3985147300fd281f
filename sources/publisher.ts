/**
 * The publisher's name from a feed's title: "BBC News - World" and "BBC News - Business" are one
 * publisher, "BBC News". A title split on its separators keeps the part that names the site's host
 * ("Politics - The Guardian" on theguardian.com → "The Guardian"), else the last part after a pipe
 * and the first part otherwise.
 */

const SEPARATORS = /\s+[-–—|»>:·•]\s+|:\s+/;

function compact(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/** The host without "www." and the public suffix guesswork: "feeds.bbci.co.uk" → "feedsbbcicouk". */
function hostKey(url: string | null | undefined): string {
  if (!url) return "";
  try {
    return compact(new URL(url).hostname.replace(/^www\./, ""));
  } catch {
    return "";
  }
}

function namesHost(part: string, host: string): boolean {
  if (!host) return false;
  const c = compact(part);
  if (c.length >= 3 && host.includes(c)) return true;
  return part
    .split(/\s+/)
    .map(compact)
    .some(
      (w) =>
        w.length >= 3 &&
        !/^(the|news|and|feed|rss|blog|daily|online|latest|top)$/.test(w) &&
        host.includes(w),
    );
}

/** A readable name for a site from its host: "www.theguardian.com" → "theguardian.com". */
export function siteNameFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}

/** The publisher named by a feed title, given the site's (or feed's) address. */
export function publisherFromFeedTitle(
  title: string | null | undefined,
  siteUrl?: string | null,
): string | null {
  const t = title?.replace(/\s+/g, " ").trim();
  if (!t) return siteNameFromUrl(siteUrl);
  const parts = t
    .split(SEPARATORS)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length <= 1) return t;
  const host = hostKey(siteUrl);
  const named = parts.find((p) => namesHost(p, host));
  if (named) return named;
  // "World news | The Guardian": a pipe puts the site last, as page titles do; "BBC News - World",
  // "NYT > World", "Reuters: Top News" put it first.
  return / \| /.test(t) ? parts[parts.length - 1]! : parts[0]!;
}
