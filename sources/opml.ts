/**
 * OPML import and export (`summit sources import FILE.opml`, `summit sources export`), with feedsmith.
 * Import flattens folders (a folder's name is kept as the category) and drops duplicates and outlines
 * without a feed address; export writes OPML 2.0 that Miniflux, Feedly and NetNewsWire read.
 */
import { generateOpml, type Opml, parseOpml } from "feedsmith";
import { resolveUrl } from "./canonical.ts";
import { SourceError } from "./errors.ts";

export interface OpmlSource {
  feedUrl: string;
  name: string | null;
  siteUrl: string | null;
  /** The folder the outline was in, if any. */
  category: string | null;
}

type Outline = Opml.Outline<string>;

/** OPML attributes are plain text (already unescaped by the parser): only whitespace is tidied. */
function label(v: string | undefined): string | null {
  const t = v?.replace(/\s+/g, " ").trim();
  return t ? t : null;
}

/** The feeds an OPML document lists. Throws SourceError "malformed" when it is not OPML. */
export function parseOpmlSources(text: string, maxSources = 10_000): OpmlSource[] {
  let doc: Opml.Document<string>;
  try {
    doc = parseOpml(text.replace(/^\uFEFF/, ""));
  } catch (err) {
    throw new SourceError("malformed", "the file is not OPML (an .opml export of feed subscriptions)", {
      cause: err,
    });
  }
  const out: OpmlSource[] = [];
  const seen = new Set<string>();
  const walk = (outlines: Outline[] | undefined, category: string | null, depth: number) => {
    if (!outlines || depth > 20) return;
    for (const o of outlines) {
      if (out.length >= maxSources) return;
      const feedUrl = resolveUrl(o.xmlUrl);
      if (feedUrl) {
        if (!seen.has(feedUrl)) {
          seen.add(feedUrl);
          out.push({
            feedUrl,
            name: label(o.title ?? o.text),
            siteUrl: resolveUrl(o.htmlUrl),
            category,
          });
        }
      } else walk(o.outlines, label(o.title ?? o.text) ?? category, depth + 1);
    }
  };
  walk(doc.body?.outlines, null, 0);
  return out;
}

export interface ExportedSource {
  feedUrl: string;
  name: string;
  /** The address the user gave (the site), when it is not the feed itself. */
  url?: string | null;
}

/** OPML 2.0 listing the sources. */
export function sourcesToOpml(
  sources: ExportedSource[],
  options: { title?: string; now?: Date } = {},
): string {
  return generateOpml({
    head: { title: options.title ?? "Summit sources", dateCreated: options.now ?? new Date() },
    body: {
      outlines: sources.map((s) => ({
        text: s.name,
        title: s.name,
        type: "rss",
        xmlUrl: s.feedUrl,
        ...(s.url && s.url !== s.feedUrl ? { htmlUrl: s.url } : {}),
      })),
    },
  });
}
