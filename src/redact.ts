/**
 * Credentials that ride inside web addresses, kept out of what people and logs read. A private feed is
 * often reached as `https://feeds.example.com/private.atom?token=…` (GitHub, GitLab, Feedbin, Reddit's
 * private feeds) or with user info (`https://user:password@host/feed`); the address itself must keep
 * them to be fetched, but a message posted to a channel, an error, or a log line must not.
 *
 * `redactUrl` drops the user info and replaces the value of every query parameter whose name says it
 * holds a secret (token, key, secret, password, auth, signature, session…, alone or as a part:
 * `private_token`, `apiKey`, `X-Amz-Signature`) with `***`; every other byte of the address is kept, so
 * `?edition=uk` still reads as typed. `redactUrlsInText` does it to every http(s) address in a text.
 */

/** Name parts that mark a query parameter as a credential. */
const SECRET_PART =
  /^(?:token|key|apikey|secret|password|passwd|passphrase|pwd|pass|auth|authorization|credential|credentials|signature|sig|session|sessionid|sid|jwt|bearer|otp)$/i;
/** …or a name part that ends with one (`accesstoken`, `privatekey`, `clientsecret`). */
const SECRET_SUFFIX = /(?:token|apikey|secret|password|signature)$/i;

/** True when a query parameter called `name` carries a credential. */
export function isSecretParam(name: string): boolean {
  const parts = decodeName(name)
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return parts.some((p) => SECRET_PART.test(p) || SECRET_SUFFIX.test(p));
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, " "));
  } catch {
    return name;
  }
}

const MASK = "***";

/** The address without user info and with credential parameters' values masked; unchanged when it has none. */
export function redactUrl(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#\s]*)(.*)$/is.exec(url);
  if (!m) return url;
  const [, scheme, authority, rest] = m as unknown as [string, string, string, string];
  // User info ends at the authority's last "@" (a password may hold one, encoded or not).
  const at = authority.lastIndexOf("@");
  const host = at >= 0 ? authority.slice(at + 1) : authority;
  const q = rest.indexOf("?");
  if (q < 0) return `${scheme}${host}${rest}`;
  const hash = rest.indexOf("#", q);
  const query = rest.slice(q + 1, hash < 0 ? undefined : hash);
  const masked = query
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      if (eq < 0) return pair;
      const name = pair.slice(0, eq);
      return isSecretParam(name) && pair.length > eq + 1 ? `${name}=${MASK}` : pair;
    })
    .join("&");
  return `${scheme}${host}${rest.slice(0, q + 1)}${masked}${hash < 0 ? "" : rest.slice(hash)}`;
}

/** An http(s) address inside free text, up to a space, a quote or an angle bracket (not its final full stop). */
const URL_IN_TEXT = /\bhttps?:\/\/[^\s"'<>`]*[^\s"'<>`.,;:!?)]/gi;

/** `redactUrl` applied to every http(s) address in `text`. */
export function redactUrlsInText(text: string): string {
  return text.replace(URL_IN_TEXT, (url) => redactUrl(url));
}
