/**
 * Where a sealed segment's article text lives: a per-index spill file of zstd-compressed articles,
 * appended when a segment is sealed and read back with positioned reads (as a search engine keeps
 * its stored fields on disk). The text is then neither on the heap nor in the process's RSS: the
 * operating system's page cache holds the file (shared, not counted as the process's memory, given
 * back under memory pressure), and a read copies one article's bytes into a reused buffer.
 *
 * The file is unlinked as soon as it is opened (POSIX keeps it while a descriptor is open), so it
 * never outlives the process, however it ends; where unlinking an open file fails (Windows) it is
 * removed on close() or at exit. Engine threads are threads of the same process, so they read
 * through the writer's descriptor (a number, sent with the segments) without opening anything.
 */
import {
  closeSync,
  ftruncateSync,
  mkdtempSync,
  openSync,
  readSync,
  rmdirSync,
  rmSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Files not yet closed (closed at process exit). */
const open = new Set<TextFile>();
let exitHook = false;

export class TextFile {
  /** The descriptor every reader uses (same process: worker threads share it). */
  readonly fd: number;
  /** Bytes written so far (the next append's position). */
  size = 0;
  /** Its directory while the file still has a name (only where unlinking an open file failed). */
  private dir: string | null;
  private closed = false;

  constructor(dir = tmpdir()) {
    const own = mkdtempSync(join(dir, "summit-text-"));
    const path = join(own, "articles.zst");
    this.fd = openSync(path, "w+", 0o600);
    this.dir = own;
    try {
      unlinkSync(path);
      rmdirSync(own);
      this.dir = null;
    } catch {
      // Kept until close() or exit.
    }
    open.add(this);
    if (!exitHook) {
      exitHook = true;
      process.on("exit", () => {
        for (const f of [...open]) f.close();
      });
    }
  }

  /** Whether the file still has a name on disk (false on Linux and macOS once opened). */
  get named(): string | null {
    return this.dir;
  }

  /** Appends the bytes; returns where they start. */
  append(bytes: Uint8Array): number {
    const at = this.size;
    let done = 0;
    while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done, at + done);
    this.size += bytes.length;
    return at;
  }

  /** Frees the file's disk space at once (a retired file: a late reader then reads nothing, never other bytes). */
  truncate(): void {
    if (this.closed) return;
    ftruncateSync(this.fd, 0);
    this.size = 0;
  }

  /** Closes (and, where it still has a name, removes) the file. Safe to call twice. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    open.delete(this);
    try {
      closeSync(this.fd);
    } catch {
      // Already gone.
    }
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}

let buffer = Buffer.allocUnsafe(64 * 1024);

/**
 * Reads `length` bytes at `position` of the file open as `fd` into this thread's reused buffer; the
 * result is valid until the next read. Throws when the file no longer holds them (closed or retired).
 */
export function readText(fd: number, position: number, length: number): Buffer {
  if (buffer.length < length) buffer = Buffer.allocUnsafe(Math.max(length, buffer.length * 2));
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buffer, done, length - done, position + done);
    if (n === 0) throw new Error("the article's stored text is no longer available (index closed)");
    done += n;
  }
  return buffer.subarray(0, length);
}
