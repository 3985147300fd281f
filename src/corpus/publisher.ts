/**
 * Who published an article, as one comparable key: "BBC News", "bbc news" and "BBC  News." are one
 * publisher; an article without a publisher name falls back to its web address's host. Stories count
 * publishers by this key (two feeds of one site are one publisher), and the shared store treats
 * near-identical texts as one article only within one publisher.
 */
export function publisherKey(publisher: string | null | undefined, url?: string | null): string {
  const name = (publisher ?? "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  if (name) return name;
  if (url) {
    try {
      const host = new URL(url).hostname.replace(/^www\./, "");
      if (host) return `site ${host}`;
    } catch {}
  }
  return "";
}
