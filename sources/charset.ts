/**
 * Bytes → text with the right character set, in the order browsers and feed readers use: a byte
 * order mark, then the Content-Type charset, then the XML prolog's encoding, then an HTML <meta>
 * (within the first 1,024 bytes), else UTF-8 (windows-1252 when the bytes are not valid UTF-8).
 * Pure: no I/O, usable for files as well as responses.
 *
 * Decoding is Node's own TextDecoder: Node 24 ships full ICU, so it knows every WHATWG encoding
 * (windows-1252, ISO-8859-x, KOI8, Shift_JIS, GB18030, Big5, EUC-KR…), and maps the label
 * "ISO-8859-1" to windows-1252 as browsers do (servers say Latin-1 when they mean windows-1252, and
 * the superset decodes both right). iconv-lite would add a dependency for labels no feed uses.
 */

export type CharsetSource = "bom" | "content-type" | "xml-prolog" | "html-meta" | "default";

export interface DecodedText {
  text: string;
  /** The WHATWG name of the encoding used, e.g. "utf-8", "windows-1252". */
  encoding: string;
  source: CharsetSource;
}

const PRESCAN_BYTES = 1024;

/** The WHATWG encoding name for a label, or null when it names none. */
export function encodingForLabel(label: string | null | undefined): string | null {
  const l = label?.trim().replace(/^["']|["']$/g, "");
  if (!l) return null;
  try {
    return new TextDecoder(l).encoding;
  } catch {
    return null;
  }
}

function bomEncoding(b: Uint8Array): { encoding: string; length: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  return null;
}

/** The charset parameter of a Content-Type header ("text/xml; charset=windows-1252"). */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const m = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType ?? "");
  return m ? m[2]! : null;
}

function asciiHead(b: Uint8Array): string {
  return new TextDecoder("latin1").decode(b.subarray(0, PRESCAN_BYTES));
}

/** `<?xml version="1.0" encoding="ISO-8859-1"?>` at the very start. */
export function charsetFromXmlProlog(head: string): string | null {
  const m = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  return m ? m[1]! : null;
}

/** `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">`. */
export function charsetFromHtmlMeta(head: string): string | null {
  for (const m of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = m[0];
    const direct = /\bcharset\s*=\s*["']?([^"'\s/>;]+)/i.exec(tag);
    if (direct && !/\bcontent\s*=/i.test(tag)) return direct[1]!;
    if (/http-equiv\s*=\s*["']?content-type/i.test(tag)) {
      const content = /\bcontent\s*=\s*(["'])(.*?)\1/i.exec(tag);
      const cs = charsetFromContentType(`x;${content?.[2]?.split(";").slice(1).join(";") ?? ""}`);
      if (cs) return cs;
    }
  }
  return null;
}

/** A declaration read from ASCII-compatible bytes cannot be UTF-16 (WHATWG treats it as UTF-8). */
function usable(encoding: string | null): string | null {
  if (!encoding) return null;
  return encoding.startsWith("utf-16") ? "utf-8" : encoding;
}

/** Finds the encoding of a document and decodes it. */
export function decodeBytes(bytes: Uint8Array, contentType?: string | null): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom)
    return {
      text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)),
      encoding: bom.encoding,
      source: "bom",
    };
  const declared = encodingForLabel(charsetFromContentType(contentType));
  if (declared) return { text: decodeWith(bytes, declared), encoding: declared, source: "content-type" };
  const head = asciiHead(bytes);
  const prolog = usable(encodingForLabel(charsetFromXmlProlog(head)));
  if (prolog) return { text: decodeWith(bytes, prolog), encoding: prolog, source: "xml-prolog" };
  const meta = usable(encodingForLabel(charsetFromHtmlMeta(head)));
  if (meta) return { text: decodeWith(bytes, meta), encoding: meta, source: "html-meta" };
  // Undeclared: UTF-8 when the bytes are valid UTF-8, else windows-1252 (the web's legacy default).
  try {
    return {
      text: new TextDecoder("utf-8", { fatal: true }).decode(bytes),
      encoding: "utf-8",
      source: "default",
    };
  } catch {
    return { text: decodeWith(bytes, "windows-1252"), encoding: "windows-1252", source: "default" };
  }
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  // fatal: false — a stray invalid byte becomes U+FFFD instead of losing the document.
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}
