/**
 * Reading one article file safely: at most `maxBytes` are read (a 50 MB file cannot take memory or
 * every later request down), binary content is refused, and the bytes are decoded by their byte
 * order mark, a declared charset (HTML <meta>), or else as UTF-8 when valid and windows-1252 (the
 * legacy superset of Latin-1) when not. Decoding is Node's TextDecoder (full ICU in Node 24); the
 * order is the one browsers use, as sources/charset.ts does for fetched pages.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { CorpusError } from "../errors.ts";

/** Default cap on an article file's size; SUMMIT_MAX_ARTICLE_BYTES overrides it (app/config.ts). */
export const DEFAULT_MAX_ARTICLE_BYTES = 1_000_000;

/** What to do with problems that skip or shorten one entry: one line each, never a crash. */
export type CorpusWarn = (line: string) => void;

export interface CorpusReadOptions {
  /** Files larger than this are truncated at load (at a sentence end) and refused at ingest. */
  maxArticleBytes?: number;
  /** Receives one line per skipped or shortened entry (default: stderr). */
  warn?: CorpusWarn;
}

export const defaultWarn: CorpusWarn = (line) => {
  process.stderr.write(`warning: ${line}\n`);
};

export interface ReadArticle {
  text: string;
  /** Size of the whole file in bytes. */
  size: number;
  /** The file was larger than the cap and the text was cut. */
  truncated: boolean;
  encoding: string;
}

/** Human size: "50.0 MB", "900 KB". */
export function formatBytes(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1)} MB`;
  if (n >= 1000) return `${Math.round(n / 1000)} KB`;
  return `${n} bytes`;
}

function bomEncoding(b: Uint8Array): { encoding: string; length: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  return null;
}

function encodingForLabel(label: string | undefined): string | null {
  if (!label) return null;
  try {
    const enc = new TextDecoder(label.trim()).encoding;
    // A declaration read from ASCII-compatible bytes cannot be UTF-16 (WHATWG reads it as UTF-8).
    return enc.startsWith("utf-16") ? "utf-8" : enc;
  } catch {
    return null;
  }
}

/** `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the first 1,024 bytes. */
function declaredCharset(b: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(b.subarray(0, 1024));
  for (const m of head.matchAll(/<meta\b[^>]*>/gi)) {
    const cs = /\bcharset\s*=\s*["']?([^"'\s/>;]+)/i.exec(m[0]);
    const enc = encodingForLabel(cs?.[1]);
    if (enc) return enc;
  }
  return null;
}

/**
 * Binary content: more than 5% control bytes (NUL and the rest, other than tab, newline, form feed
 * and carriage return) in the first 8 KB; random bytes have about 11%, text a stray one at most.
 * UTF-16 text (with its BOM) is not binary.
 */
export function looksBinary(b: Uint8Array): boolean {
  if (bomEncoding(b)?.encoding.startsWith("utf-16")) return false;
  const n = Math.min(b.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 127) control++;
  }
  return n > 0 && control / n > 0.05;
}

/** Decodes article bytes by BOM, declared charset, else UTF-8 when valid, else windows-1252. */
export function decodeArticleBytes(b: Uint8Array): { text: string; encoding: string } {
  const bom = bomEncoding(b);
  if (bom)
    return { text: new TextDecoder(bom.encoding).decode(b.subarray(bom.length)), encoding: bom.encoding };
  const declared = declaredCharset(b);
  if (declared) return { text: new TextDecoder(declared).decode(b), encoding: declared };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(b), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(b), encoding: "windows-1252" };
  }
}

/**
 * Cuts text that was truncated mid-stream back to its last sentence end (or paragraph, or word) in
 * the final quarter, so no half sentence or broken character is left.
 */
export function cutAtSentence(text: string): string {
  const body = text.replace(/\uFFFD+$/u, "");
  const from = Math.floor(body.length * 0.75);
  const tail = body.slice(from);
  let best = -1;
  for (const m of tail.matchAll(/[.!?…]["'”’)\]]*(?=\s)/gu)) best = m.index + m[0].length;
  if (best < 0) best = tail.lastIndexOf("\n");
  if (best < 0) best = tail.lastIndexOf(" ");
  return best < 0 ? body : body.slice(0, from + best);
}

/** Opens a corpus file for reading, or says in one line why it cannot be read. */
export function openArticleFile(path: string): number {
  try {
    return openSync(path, "r");
  } catch (err) {
    throw new CorpusError(`cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

/** The error for a file whose first bytes are not text. */
export function binaryFile(path: string): CorpusError {
  return new CorpusError(`${path} is binary, not article text`);
}

/** Reads an article file: at most `maxBytes` (then cut at a sentence), refusing binary content. */
export function readArticleFile(path: string, maxBytes: number): ReadArticle {
  const fd = openArticleFile(path);
  try {
    const size = fstatSync(fd).size;
    const want = Math.min(size, maxBytes);
    const buf = Buffer.alloc(want);
    let got = 0;
    while (got < want) {
      const n = readSync(fd, buf, got, want - got, got);
      if (n === 0) break;
      got += n;
    }
    const bytes = buf.subarray(0, got);
    if (looksBinary(bytes)) throw binaryFile(path);
    const decoded = decodeArticleBytes(bytes);
    const truncated = size > maxBytes;
    return {
      text: truncated ? cutAtSentence(decoded.text) : decoded.text,
      size,
      truncated,
      encoding: decoded.encoding,
    };
  } finally {
    closeSync(fd);
  }
}
