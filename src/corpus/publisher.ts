import { foldedText } from "../text/similarity.ts";

/**
 * Who published an article, as one comparable key: "BBC News", "bbc news" and "BBC  News." are one
 * publisher; an article without a publisher name falls back to its web address's host. Stories count
 * publishers by this key (two feeds of one site are one publisher), and the shared store treats
 * near-identical texts as one article only within one publisher.
 */
export function publisherKey(publisher: string | null | undefined, url?: string | null): string {
  const name = foldedText((publisher ?? "").normalize("NFKC"));
  if (name) return name;
  if (url) {
    try {
      const host = new URL(url).hostname.replace(/^www\./, "");
      if (host) return `site ${host}`;
    } catch {}
  }
  return "";
}

/** A section's label a page puts after its title ("| Opinion"), not who published it. */
const SECTION_LABEL =
  /^(?:opinion|analysis|fact check|report|live|live updates|video|photos|news|review|explainer)$/i;

/**
 * Words of a news outlet's name (a general list of the words media names are made of, no outlet's own),
 * a web address, or a name run together ("IndyStar"): what a site's name after a title looks like.
 */
const OUTLET =
  /\b(?:news|times|post|today|journal|herald|tribune|guardian|reuters|ap|afp|bbc|cnn\p{L}*|npr|fox|abc|nbc|cbs|msnbc|week|press|daily|telegraph|independent|observer|mail|star|chronicle|gazette|wire|bloomberg|insider|magazine|radio|tv|politico|axios|vox|economist|forbes|fortune)\b|\.(?:com|org|net|co\.uk)$/iu;
/** A name run together ("IndyStar", "CNNPolitics"). */
const RUN_TOGETHER = /\p{Ll}\p{Lu}|\p{Lu}{2}\p{Ll}/u;

/**
 * A title without the site name its page or feed put after it ("How Liz Cheney lost Wyoming's seat -
 * CNNPolitics", "… | The Week UK", "… | Opinion"), and the publisher that name gives when none is known.
 * Taken off after " | " always (1–4 words: a page's separator); after a dash only when it names the
 * publisher already known or looks like an outlet's name (OUTLET: "- USA Today", not "- officials say"
 * nor "- North Korea"). The title keeps at least three words.
 */
export function titleAndSite(
  title: string,
  publisher: string | null,
): { title: string; publisher: string | null } {
  const m = /^(.+?)\s+([|–—-])\s+([^|–—]{2,40})$/u.exec(title.trim());
  if (!m) return { title, publisher };
  const [, head, sep, site] = m as unknown as [string, string, string, string];
  const name = site.trim();
  if (
    head.split(/\s+/).length < 3 ||
    name.split(/\s+/).length > 4 ||
    /[.!?…]$/.test(name.replace(/\.(?:com|org|net|co\.uk)$/i, "")) ||
    name.includes("...")
  )
    return { title, publisher };
  const known = publisher !== null && publisherKey(publisher) === publisherKey(name);
  const outlet = (OUTLET.test(name) || RUN_TOGETHER.test(name)) && !SECTION_LABEL.test(name);
  if (!known && !outlet && sep !== "|") return { title, publisher };
  return { title: head.trim(), publisher: publisher ?? (outlet ? name : null) };
}
